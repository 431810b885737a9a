"""Skill: the transpose and the inverse of a product, (AB)ᵀ = BᵀAᵀ and (AB)⁻¹ = B⁻¹A⁻¹."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.product_rules import inverse_of_product, transpose_of_product
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_TRANSFORMATIONS,
    integer,
    random_matrix,
    unimodular_with_inverse,
)
from mlmath.exercises.mistakes import InverseOfProduct, SignFlipped, Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Matrix inverse"


def _inverse(m: Matrix) -> Matrix:
    """The exact inverse by Gauss–Jordan (no steps), for the mistakes' answers."""
    n = m.shape[0]
    work = [list(row) + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(m.rows)]
    for c in range(n):
        r = next(i for i in range(c, n) if work[i][c] != 0)
        work[c], work[r] = work[r], work[c]
        lead = work[c][c]
        work[c] = [x / lead for x in work[c]]
        for i in range(n):
            if i != c and work[i][c] != 0:
                f = work[i][c]
                work[i] = [x - f * y for x, y in zip(work[i], work[c], strict=True)]
    return Matrix(tuple(tuple(row[n:]) for row in work))


def _nonsingular(rng: np.random.Generator, low: int, high: int) -> Matrix:
    while True:
        m = random_matrix(rng, 2, 2, low, high)
        if determinant(m) != 0 and m[0, 1] != 0:
            return m


@register
class ProductTransposeInverse(Skill):
    id = "linalg.product_transpose_inverse"
    title = "Transpose and inverse of a product"
    summary = "(AB)ᵀ = BᵀAᵀ and (AB)⁻¹ = B⁻¹A⁻¹: both reverse the order of the factors."
    levels = 3
    inputs = (
        Field("left", "matrix", "the matrix A"),
        Field("right", "matrix", "the matrix B"),
        Field(
            "asked",
            "choice",
            "transpose for (AB)ᵀ, inverse for (AB)⁻¹",
            choices=("transpose", "inverse"),
        ),
    )
    misconceptions = (
        Misconception(
            "same_order",
            "The order of the factors was not reversed",
            "(AB)ᵀ = BᵀAᵀ and (AB)⁻¹ = B⁻¹A⁻¹. AB does B first, then A, so undoing it undoes A "
            "first (socks on before shoes, shoes off before socks); AᵀBᵀ or A⁻¹B⁻¹ is usually "
            "a different matrix.",
            TOPIC,
        ),
        Misconception(
            "entrywise_inverse",
            "Inverting each entry does not invert a matrix",
            "The inverse is the matrix that multiplies AB to give I; 1 over each entry does not. "
            "For a 2×2 swap the diagonal, negate the other two entries and divide by the "
            "determinant.",
            TOPIC,
        ),
        Misconception(
            "product_only",
            "That is the product AB itself, not yet transposed or inverted",
            "Multiplying A and B is the first step only; (AB)ᵀ still turns its rows into "
            "columns, and (AB)⁻¹ still undoes it.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        asked = "transpose" if integer(rng, 0, 1) else "inverse"
        if asked == "transpose":
            n, low, high = {1: (2, 0, 4), 2: (2, -6, 6), 3: (3, -5, 5)}[level]
            while True:
                a, b = random_matrix(rng, n, n, low, high), random_matrix(rng, n, n, low, high)
                if a.times_matrix(b) != b.times_matrix(a):
                    return {"left": a, "right": b, "asked": asked}
        while True:
            if level == 1:
                a, _ = unimodular_with_inverse(rng, 2, 1)
                b, _ = unimodular_with_inverse(rng, 2, 1)
            elif level == 2:
                a, _ = unimodular_with_inverse(rng, 2, 2)
                b = _nonsingular(rng, -3, 4)
            else:
                a, b = _nonsingular(rng, -5, 6), _nonsingular(rng, -5, 6)
            product = a.times_matrix(b)
            if product != b.times_matrix(a) and product != Matrix.identity(2):
                return {"left": a, "right": b, "asked": asked}

    def prompt(self, params: Params) -> Prompt:
        what = "(AB)ᵀ, the transpose" if params["asked"] == "transpose" else "(AB)⁻¹, the inverse"
        return (
            "For A =",
            params["left"],
            "and B =",
            params["right"],
            f"find {what} of the product AB.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        rows, _ = params["left"].shape
        _, columns = params["right"].shape
        shape = (columns, rows) if params["asked"] == "transpose" else (rows, columns)
        return AnswerFormat(Kind.MATRIX, shape=shape)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Matrix]:
        if params["asked"] == "transpose":
            return transpose_of_product(params["left"], params["right"])
        return inverse_of_product(params["left"], params["right"])

    def answer(self, params: Params) -> Matrix:
        left: Matrix = params["left"]
        product = left.times_matrix(params["right"])
        if params["asked"] == "transpose":
            return product.transpose()
        if not product.is_square or determinant(product) == 0:
            return self.solve(params).answer  # raises the reason
        return _inverse(product)

    def hints(self, params: Params) -> tuple[str, ...]:
        if params["asked"] == "transpose":
            return (
                "AB multiplies rows of A by columns of B. What happens to rows and columns "
                "when you transpose?",
                "Use (AB)ᵀ = BᵀAᵀ: transpose both, then multiply in the opposite order — or "
                "multiply AB first and transpose the result.",
            )
        return (
            "AB does B first and then A. In which order must the two be undone?",
            "Use (AB)⁻¹ = B⁻¹A⁻¹: invert A and B, then multiply B⁻¹ by A⁻¹.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The order of a product's inverse or transpose kept, and the transpose."""
        a: Matrix = params["left"]
        b: Matrix = params["right"]
        if params["asked"] == "transpose":
            return (Transposed(),)
        return (InverseOfProduct(_inverse(a), _inverse(b)), Transposed(), SignFlipped())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["left"]
        b: Matrix = params["right"]
        product = a.times_matrix(b)
        out: dict[str, Any] = {}
        if params["asked"] == "transpose":
            at, bt = a.transpose(), b.transpose()
            if at.shape[1] == bt.shape[0] and at.shape[0] == bt.shape[1] == product.shape[1]:
                out["same_order"] = at.times_matrix(bt)
            if product.shape == product.transpose().shape:
                out["product_only"] = product
            return out
        out["same_order"] = _inverse(a).times_matrix(_inverse(b))
        if all(x != 0 for row in product.rows for x in row):
            out["entrywise_inverse"] = Matrix(
                tuple(tuple(1 / x for x in row) for row in product.rows)
            )
        out["product_only"] = product
        return out
