"""Skill: the identity matrix, the matrix that changes nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.products import elementwise_product, matrix_product
from mlmath.engine.solution import Solution, Step
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import WEEK3_TRANSFORMATIONS, random_matrix
from mlmath.exercises.mistakes import OtherQuantity, Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · The identity matrix"


def _ones(n: int) -> Matrix:
    return Matrix.of([[1] * n for _ in range(n)])


def _other_diagonal(n: int) -> Matrix:
    """1s from the top right to the bottom left, 0s elsewhere."""
    return Matrix.of([[int(i + j == n - 1) for j in range(n)] for i in range(n)])


@register
class IdentityMatrix(Skill):
    id = "linalg.identity_matrix"
    title = "The identity matrix"
    summary = "Multiply by the identity: ones on the diagonal, zeros elsewhere, changes nothing."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "the matrix A"),
        Field(
            "side",
            "choice",
            "where the identity stands: 'right' for A·I, 'left' for I·A",
            required=False,
            default="right",
            choices=("left", "right"),
        ),
    )
    misconceptions = (
        Misconception(
            "all_ones",
            "You used a matrix of all ones as the identity",
            "The identity has 1s on the diagonal and 0s everywhere else; a matrix of ones "
            "adds up entries instead of leaving them alone.",
            TOPIC,
        ),
        Misconception(
            "elementwise",
            "You multiplied entry by entry with I",
            "A * I (entry by entry) keeps only the diagonal; the matrix product A @ I gives A "
            "back unchanged.",
            TOPIC,
        ),
        Misconception(
            "other_diagonal",
            "You put the 1s of the identity on the other diagonal",
            "The identity's 1s run down the main diagonal, from the top left to the bottom "
            "right. With the 1s on the other diagonal the matrix reverses an order: A times "
            "it reverses the columns of A, and it times A reverses the rows.",
            TOPIC,
        ),
        Misconception(
            "added_identity",
            "You added I instead of multiplying by it",
            "A I is a product, and multiplying by the identity changes nothing, as 1 · 7 = 7. "
            "Adding I puts 1 more on every diagonal entry: A + I is a different matrix.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"matrix": random_matrix(rng, 2, 2, 1, 6), "side": "right"}
        if level == 2:
            side = "left" if rng.random() < 0.5 else "right"
            return {"matrix": random_matrix(rng, 3, 3, -6, 6), "side": side}
        m, n = (int(x) for x in rng.integers(2, 4, size=2))
        side = "left" if rng.random() < 0.5 else "right"
        return {"matrix": random_matrix(rng, m, n, -9, 9), "side": side}

    def _identity(self, params: Params) -> Matrix:
        m, n = params["matrix"].shape
        return Matrix.identity(n if params["side"] == "right" else m)

    def prompt(self, params: Params) -> Prompt:
        what = "A I" if params["side"] == "right" else "I A"
        return (
            f"Let I be the identity matrix of the right size. Compute {what} for A =",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.MATRIX)

    def solve(self, params: Params) -> Solution[Matrix]:
        a: Matrix = params["matrix"]
        identity = self._identity(params)
        k = identity.shape[0]
        product = (
            matrix_product(a, identity)
            if params["side"] == "right"
            else matrix_product(identity, a)
        )
        return Solution(
            product.answer,
            (
                Step(f"The identity must be {k}×{k} for the product to be defined", identity),
                Step("Multiply (each row·column picks out one entry of A)", None, product.steps),
                Step("Multiplying by the identity changes nothing: the answer is A", a),
            ),
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What does the identity transformation do to every vector?",
            "Row i of I has a single 1, in position i: what does dotting it with a column "
            "pick out?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The identity itself for the product, and the transpose."""
        identity = self._identity(params)
        return (
            OtherQuantity(identity, "the identity matrix itself", "I·A", "I·A is A, unchanged."),
            Transposed(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        identity = self._identity(params)
        ones = _ones(identity.shape[0])
        all_ones = a.times_matrix(ones) if params["side"] == "right" else ones.times_matrix(a)
        out: dict[str, Any] = {"all_ones": all_ones}
        if a.is_square:
            out["elementwise"] = elementwise_product(a, identity)
        flip = _other_diagonal(identity.shape[0])
        out["other_diagonal"] = (
            a.times_matrix(flip) if params["side"] == "right" else flip.times_matrix(a)
        )
        if a.is_square:
            out["added_identity"] = a + identity
        return out
