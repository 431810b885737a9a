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
        return {
            "added_determinants": determinant(a) + determinant(b),
            "determinant_of_sum": determinant(a + b),
        }
