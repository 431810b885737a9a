"""Skill: the determinant of a 3×3 matrix by cofactor expansion along a row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import (
    cofactor_sign,
    determinant_by_cofactors,
    diagonal_products,
    minor,
)
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.matrix_variants import random_matrix
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · The determinant (3×3)"


def _minor_value(matrix: Matrix, row: int, column: int, plus: bool = False) -> Fraction:
    (a, b), (c, d) = minor(matrix, row, column).rows
    return a * d + b * c if plus else a * d - b * c


def _rows_text(matrix: Matrix) -> str:
    return "[" + "; ".join(" ".join(number_text(a) for a in row) for row in matrix.rows) + "]"


@register
class Determinant3x3(Skill):
    id = "linalg.determinant_3x3"
    title = "Determinant of a 3×3 matrix by cofactor expansion"
    summary = "Expand along a row: each entry times its signed 2×2 minor."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 3×3 matrix", square=True, min_size=3, max_size=3),
        Field("row", "integer", "the row to expand along (1, 2 or 3)", required=False, default=1),
    )
    misconceptions = (
        Misconception(
            "no_checkerboard",
            "You forgot the checkerboard signs",
            "In a cofactor expansion the terms alternate + − + (the sign of position i, j "
            "is (−1)^(i+j)); adding every term flips the sign of the middle one.",
            TOPIC,
        ),
        Misconception(
            "minor_plus",
            "You added the diagonal products inside the 2×2 minors",
            "Each 2×2 minor is ad − bc, with a minus: the same rule as for any 2×2 determinant.",
            TOPIC,
        ),
        Misconception(
            "main_diagonal_only",
            "You multiplied the main diagonal only",
            "Only a triangular matrix has its determinant on the diagonal; a full 3×3 needs "
            "the cofactor expansion (or all six diagonal products, three added and three "
            "subtracted).",
            TOPIC,
        ),
        Misconception(
            "only_down_diagonals",
            "You only added the three diagonals running down",
            "The diagonal rule subtracts the three products running up to the right; "
            "a cofactor expansion avoids this trap altogether.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        low, high, halves = {1: (0, 4, False), 2: (-6, 6, False), 3: (-6, 6, True)}[level]
        row = int(rng.integers(1, 4)) if level == 3 else 1
        return {"matrix": random_matrix(rng, 3, low, high, halves), "row": row}

    def check_inputs(self, params: Params) -> None:
        if not 1 <= params["row"] <= 3:
            raise InputError(f"row: a 3×3 matrix has rows 1 to 3, not {params['row']}")

    def prompt(self, params: Params) -> Prompt:
        return (
            f"Compute the determinant by expanding along row {params['row']}:",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Fraction]:
        return determinant_by_cofactors(params["matrix"], row=params["row"] - 1)

    def hints(self, params: Params) -> tuple[str, ...]:
        r = params["row"] - 1
        signs = " ".join("+" if cofactor_sign(r, j) > 0 else "−" for j in range(3))
        first = minor(params["matrix"], r, 0)
        return (
            f"Which sign goes with each entry of row {r + 1}? (Think of the checkerboard.)",
            f"The signs along row {r + 1} are {signs}. Deleting row {r + 1} and column 1 "
            f"leaves the minor {_rows_text(first)}; compute its ad − bc first.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the determinant."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        r = params["row"] - 1
        down, _ = diagonal_products(matrix)
        return {
            "no_checkerboard": sum(
                (matrix[r, j] * _minor_value(matrix, r, j) for j in range(3)), Fraction(0)
            ),
            "minor_plus": sum(
                (
                    cofactor_sign(r, j) * matrix[r, j] * _minor_value(matrix, r, j, plus=True)
                    for j in range(3)
                ),
                Fraction(0),
            ),
            "only_down_diagonals": sum(down, Fraction(0)),
            "main_diagonal_only": matrix[0, 0] * matrix[1, 1] * matrix[2, 2],
        }

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        return Examples(base.correct, base.incorrect, ("three", "[[1, 2], [3, 4]]"))
