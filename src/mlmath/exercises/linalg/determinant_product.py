"""Skill: det(AB) = det(A)·det(B)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.determinant_rules import determinant_of_product
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK4_DETERMINANTS, random_matrix
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_DETERMINANTS} · Determinant of a product"


@register
class DeterminantProduct(Skill):
    id = "linalg.determinant_product"
    title = "Determinant of a product"
    summary = "det(AB) = det(A)·det(B): areas are scaled by A, then by B."
    levels = 3
    inputs = (
        Field("left", "matrix", "the matrix A", square=True, min_size=2, max_size=3),
        Field("right", "matrix", "the matrix B", square=True, min_size=2, max_size=3),
    )
    misconceptions = (
        Misconception(
            "added_determinants",
            "You added the determinants",
            "Doing A then B scales areas by det A and THEN by det B: the factors multiply, "
            "det(AB) = det(A)·det(B).",
            TOPIC,
        ),
        Misconception(
            "determinant_of_sum",
            "You found det(A + B)",
            "The product AB is not the sum A + B; and even det(A + B) is not det A + det B.",
            TOPIC,
        ),
        Misconception(
            "matching_entries_multiplied",
            "You multiplied matching entries, not the matrices",
            "AB is the matrix product, row times column (A @ B in NumPy, not A * B), and the "
            "product rule makes even that unnecessary: det(AB) = det(A)·det(B). Multiplying "
            "entry by entry gives another matrix with another determinant.",
            TOPIC,
        ),
        Misconception(
            "signs_dropped",
            "You added every term of the determinants: the minus signs were dropped",
            "det [[a, b], [c, d]] = ad − bc: the product across the other diagonal is "
            "subtracted, and along a row of a 3×3 the signs go +, −, +. Find det A and det B "
            "with their signs, then multiply.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n, low, high = {1: (2, 0, 4), 2: (2, -6, 6), 3: (3, -3, 3)}[level]
        return {
            "left": random_matrix(rng, n, n, low, high),
            "right": random_matrix(rng, n, n, low, high),
        }

    def prompt(self, params: Params) -> Prompt:
        return ("Find det(AB) for A =", params["left"], "and B =", params["right"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def check_inputs(self, params: Params) -> None:
        if params["left"].shape != params["right"].shape:
            raise InputError("A and B must be square matrices of the same size")

    def solve(self, params: Params) -> Solution[Fraction]:
        return determinant_of_product(params["left"], params["right"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Do you need to multiply the matrices at all?",
            "Find det A and det B separately; how do area factors combine when one "
            "transformation follows another?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the determinant."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["left"]
        b: Matrix = params["right"]
        entrywise = Matrix(
            tuple(
                tuple(x * y for x, y in zip(r, s, strict=True))
                for r, s in zip(a.rows, b.rows, strict=True)
            )
        )
        return {
            "added_determinants": determinant(a) + determinant(b),
            "determinant_of_sum": determinant(a + b),
            "matching_entries_multiplied": determinant(entrywise),
            "signs_dropped": determinant_without_signs(a) * determinant_without_signs(b),
        }


def determinant_without_signs(matrix: Matrix) -> Fraction:
    """The cofactor expansion along row 1 with every term added: ad + bc for a 2×2, and
    a·M₁₁ + b·M₁₂ + c·M₁₃ (the minors right) for a 3×3 — the determinant with its
    alternating signs forgotten."""
    n = matrix.shape[0]
    if n == 1:
        return matrix[0, 0]
    total = Fraction(0)
    for j in range(n):
        minor = Matrix(
            tuple(tuple(x for k, x in enumerate(row) if k != j) for row in matrix.rows[1:])
        )
        total += matrix[0, j] * determinant(minor)
    return total
