"""Skill: the inverse of a matrix (2×2 by the formula, 3×3 by Gauss–Jordan)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.inverse import inverse
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_TRANSFORMATIONS,
    random_matrix,
    unimodular,
)
from mlmath.exercises.mistakes import Division, SignFlipped, Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Matrix inverse"


@register
class MatrixInverse(Skill):
    id = "linalg.matrix_inverse"
    title = "Inverse of a matrix"
    summary = "Find A⁻¹ with A A⁻¹ = I: the 2×2 formula or Gauss–Jordan on [A | I]."
    levels = 3
    inputs = (Field("matrix", "matrix", "a square matrix", square=True, max_size=4),)
    misconceptions = (
        Misconception(
            "forgot_to_divide",
            "You forgot to divide by the determinant",
            "Swapping a and d and negating b and c gives det(A)·A⁻¹; divide every entry by "
            "ad − bc. Check: A times your answer should be I.",
            TOPIC,
        ),
        Misconception(
            "transposed_formula",
            "You swapped the off-diagonal entries (the transpose of the inverse)",
            "In the 2×2 formula, b and c stay where they are and only change sign: "
            "[[d, −b], [−c, a]] / (ad − bc).",
            TOPIC,
        ),
        Misconception(
            "swapped_not_negated",
            "You swapped a and d but kept the signs of b and c",
            "The 2×2 formula does two things before dividing by the determinant: swap a and d, "
            "AND change the signs of b and c.",
            TOPIC,
        ),
        Misconception(
            "negated_diagonal",
            "You changed the signs of the diagonal instead of the other two",
            "Swap a and d (keeping their signs) and change the signs of b and c.",
            TOPIC,
        ),
        Misconception(
            "reciprocal_entries",
            "You took 1 over each entry",
            "The inverse undoes the whole transformation; it is not built entry by entry. "
            "1/aᵢⱼ entry by entry almost never gives A A⁻¹ = I.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"matrix": unimodular(rng, 2, 3)}
        if level == 2:
            while True:
                m = random_matrix(rng, 2, 2, -6, 6)
                if determinant(m) not in (0, 1, -1) and all(a != 0 for r in m.rows for a in r):
                    return {"matrix": m}
        while True:
            m = unimodular(rng, 3, 2)
            k = (1, 2, -1, -2, 3)[int(rng.integers(0, 5))]
            row = int(rng.integers(0, 3))
            m = m.with_row(row, (k * a for a in m.rows[row]))
            order = [int(i) for i in rng.permutation(3)]
            m = Matrix.from_columns([m.column(j) for j in order])
            if max(abs(a) for r in m.rows for a in r) <= 9:
                return {"matrix": m}

    def prompt(self, params: Params) -> Prompt:
        return ("Find the inverse of", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        n = params["matrix"].shape[0]
        return AnswerFormat(Kind.MATRIX, shape=(n, n))

    def solve(self, params: Params) -> Solution[Matrix]:
        return inverse(params["matrix"])

    def hints(self, params: Params) -> tuple[str, ...]:
        if params["matrix"].shape == (2, 2):
            return (
                "What must be true of the determinant for an inverse to exist?",
                f"The determinant is {determinant(params['matrix'])}. Swap a and d, change the "
                "signs of b and c, and divide by it.",
            )
        return (
            "Which row operations turn A into I? Do the same ones to I, side by side.",
            "Write [A | I] and clear column 1 first: make its pivot 1, then zeros above and below.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The division by det A left out, done twice or multiplied; the transpose."""
        a: Matrix = params["matrix"]
        det = determinant(a)
        if det == 0:
            return ()
        return (
            Division(inverse(a).answer.scale(det), det, f"det A = {det}"),
            Transposed(),
            SignFlipped(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        det = determinant(a)
        if det == 0:
            return {}
        out: dict[str, Any] = {}
        if a.shape == (2, 2):
            (p, q), (r, s) = a.rows
            out["forgot_to_divide"] = Matrix(((s, -q), (-r, p)))
            out["transposed_formula"] = Matrix(((s, -r), (-q, p))).scale(1 / det)
            out["negated_diagonal"] = Matrix(((-s, q), (r, -p))).scale(1 / det)
            out["swapped_not_negated"] = Matrix(((s, q), (r, p))).scale(1 / det)
        else:
            out["transposed_formula"] = inverse(a).answer.transpose()
        if all(x != 0 for row in a.rows for x in row):
            out["reciprocal_entries"] = Matrix(tuple(tuple(1 / x for x in row) for row in a.rows))
        return out
