"""Skill: multiplying two matrices, and the `*` versus `@` confusion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.products import elementwise_product, matrix_product
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_TRANSFORMATIONS, random_matrix
from mlmath.exercises.mistakes import OneSign, Product, SignFlipped, Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Matrix multiplication"


@register
class MatrixProduct(Skill):
    id = "linalg.matrix_product"
    title = "Matrix multiplication"
    summary = "Entry (i, j) of A B is row i of A dotted with column j of B."
    levels = 3
    inputs = (Field("left", "matrix", "the matrix A"), Field("right", "matrix", "the matrix B"))
    misconceptions = (
        Misconception(
            "elementwise",
            "You multiplied entry by entry (A * B, not A @ B)",
            "NumPy's * multiplies matching entries; the matrix product (@ in NumPy) dots "
            "rows of A with columns of B. Only the matrix product composes transformations.",
            TOPIC,
        ),
        Misconception(
            "reversed_order",
            "You computed B A instead of A B",
            "Matrix multiplication is not commutative: B A is usually different from A B "
            "(doing B first and then A is a different movement).",
            TOPIC,
        ),
        Misconception(
            "rows_with_rows",
            "You dotted rows of A with ROWS of B",
            "Entry (i, j) pairs row i of A with COLUMN j of B; rows with rows computes A Bᵀ.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"left": random_matrix(rng, 2, 2, 0, 4), "right": random_matrix(rng, 2, 2, 0, 4)}
        if level == 2:
            return {
                "left": random_matrix(rng, 2, 3, -4, 4),
                "right": random_matrix(rng, 3, 2, -4, 4),
            }
        m, n, p = (int(x) for x in rng.integers(2, 4, size=3))
        return {"left": random_matrix(rng, m, n, -6, 6), "right": random_matrix(rng, n, p, -6, 6)}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Compute the matrix product A B for A =",
            params["left"],
            "and B =",
            params["right"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.MATRIX)

    def check_inputs(self, params: Params) -> None:
        if params["left"].shape[1] != params["right"].shape[0]:
            raise InputError("A needs as many columns as B has rows")

    def solve(self, params: Params) -> Solution[Matrix]:
        return matrix_product(params["left"], params["right"])

    def hints(self, params: Params) -> tuple[str, ...]:
        (m, _), (_, p) = params["left"].shape, params["right"].shape
        return (
            f"What shape is the product? ({m} rows from A, {p} columns from B.)",
            "Entry (1, 1) is row 1 of A dotted with column 1 of B.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The other order, matching entries multiplied, the transpose, the sign."""
        return (Product(params["left"], params["right"]), Transposed(), SignFlipped(), OneSign())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["left"]
        b: Matrix = params["right"]
        out: dict[str, Any] = {}
        if a.shape == b.shape:
            out["elementwise"] = elementwise_product(a, b)
        if b.shape[1] == a.shape[0]:
            out["reversed_order"] = b.times_matrix(a)
        if a.shape[1] == b.shape[1]:
            out["rows_with_rows"] = a.times_matrix(b.transpose())
        return out
