"""Skill: the determinant of a 2×2 matrix, ``ad − bc``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant_2x2
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import random_matrix
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · The determinant"


@register
class Determinant2x2(Skill):
    id = "linalg.determinant_2x2"
    title = "Determinant of a 2×2 matrix"
    summary = "Compute ad − bc for a 2×2 matrix."
    levels = 3
    inputs = (Field("matrix", "matrix", "a 2×2 matrix", square=True, min_size=2, max_size=2),)
    misconceptions = (
        Misconception(
            "added_diagonals",
            "You added the two diagonal products",
            "The determinant is the main-diagonal product MINUS the other one, ad − bc: "
            "the minus sign is what makes it 0 exactly when one row is a multiple of the other.",
            TOPIC,
        ),
        Misconception(
            "multiplied_columns",
            "You multiplied down the columns (ac − bd)",
            "Multiply along the diagonals: top-left × bottom-right, then top-right × "
            "bottom-left, and subtract: ad − bc.",
            TOPIC,
        ),
        Misconception(
            "main_diagonal_only",
            "You kept only the main diagonal product (ad)",
            "The determinant subtracts the other diagonal's product as well: ad − bc. The "
            "main diagonal alone cannot tell when one row is a multiple of the other.",
            TOPIC,
        ),
        Misconception(
            "diagonals_reversed",
            "You subtracted the diagonals the wrong way round (bc − ad)",
            "Start with the main diagonal (top-left to bottom-right): ad − bc. The other "
            "order flips the sign of the answer.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        low, high, halves = {1: (0, 6, False), 2: (-9, 9, False), 3: (-12, 12, True)}[level]
        while True:
            matrix = random_matrix(rng, 2, low, high, halves)
            # b·c ≠ 0: adding the diagonals then differs from subtracting them, so the
            # commonest mistake can always be told apart from the answer.
            if matrix[0, 1] * matrix[1, 0] != 0:
                return {"matrix": matrix}

    def prompt(self, params: Params) -> Prompt:
        return ("Compute the determinant of", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Fraction]:
        return determinant_2x2(params["matrix"])

    def hints(self, params: Params) -> tuple[str, ...]:
        (a, b), (c, d) = params["matrix"].rows
        return (
            "Which two entries lie on the main diagonal (top-left to bottom-right), and "
            "which two on the other diagonal?",
            f"Multiply each diagonal: a·d = {a * d} and b·c = {b * c}. Which one is subtracted?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the determinant."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        (a, b), (c, d) = matrix.rows
        return {
            "added_diagonals": a * d + b * c,
            "multiplied_columns": a * c - b * d,
            "diagonals_reversed": b * c - a * d,
            "main_diagonal_only": a * d,
        }
