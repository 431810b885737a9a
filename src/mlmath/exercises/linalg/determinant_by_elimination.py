"""Skill: a determinant by elimination — triangular form, product of the diagonal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from math import prod
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.linalg.determinant import (
    determinant,
    determinant_by_elimination,
    triangularize,
)
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import clean_pivot_matrix
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 2 · Row operations that preserve singularity"


@register
class DeterminantByElimination(Skill):
    id = "linalg.determinant_by_elimination"
    title = "Determinant by elimination"
    summary = (
        "Reduce to a triangular matrix with row operations, multiply the diagonal, and "
        "correct the sign for every swap."
    )
    levels = 3
    inputs = (Field("matrix", "matrix", "a square matrix", square=True, min_size=2),)
    misconceptions = (
        Misconception(
            "swap_sign_forgotten",
            "You forgot that a row swap flips the sign",
            "Swapping two rows multiplies the determinant by −1, so an odd number of swaps "
            "changes the sign of the product of the diagonal.",
            TOPIC,
        ),
        Misconception(
            "scaled_rows_ignored",
            "You scaled the pivots to 1 and kept the determinant unchanged",
            "Multiplying a row by k multiplies the determinant by k. If you divide each "
            "pivot row by its pivot, multiply those pivots back in at the end.",
            TOPIC,
        ),
        Misconception(
            "added_the_diagonal",
            "You added the diagonal entries",
            "The determinant of a triangular matrix is the PRODUCT of its diagonal "
            "entries, not their sum (the sum is the trace).",
            TOPIC,
        ),
        Misconception(
            "zero_pivot_as_zero",
            "A zero pivot does not make the determinant 0",
            "A 0 in the pivot position only means that row cannot be the pivot row: swap it "
            "with a row below that has a non-zero entry in the same column (the swap flips the "
            "sign) and carry on. The determinant is 0 only when the column has no non-zero entry "
            "on or below the diagonal.",
            TOPIC,
            hint="Is there a row below the zero pivot with a non-zero entry in that column?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"matrix": clean_pivot_matrix(rng, 3, needs_swap=False, halves=False)}
        if level == 2:
            n = int(rng.integers(3, 5))
            return {"matrix": clean_pivot_matrix(rng, n, needs_swap=True, halves=False)}
        n = int(rng.integers(4, 6))
        swap = bool(rng.random() < 0.6)
        return {"matrix": clean_pivot_matrix(rng, n, needs_swap=swap, halves=True)}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Use row operations to reach a triangular matrix, then compute the determinant of",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Fraction]:
        return determinant_by_elimination(params["matrix"])

    def answer(self, params: Params) -> Fraction:
        return determinant(params["matrix"])

    def hints(self, params: Params) -> tuple[str, ...]:
        work = triangularize(params["matrix"])
        first = work.operations[0].describe() if work.operations else "No operation is needed"
        return (
            "Which row operations change the determinant, and how? (Swap, scale, add a "
            "multiple of another row.)",
            f"Start by clearing column 1 below the pivot. First step: {first}.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the determinant."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        work = triangularize(params["matrix"])
        if work.stalled_column is not None:
            return {"added_the_diagonal": sum(work.diagonal, Fraction(0))}
        product = prod(work.diagonal, start=Fraction(1))
        sign = -1 if work.swaps % 2 else 1
        out = {
            "swap_sign_forgotten": product,
            "scaled_rows_ignored": Fraction(sign),
            "added_the_diagonal": sign * sum(work.diagonal, Fraction(0)),
        }
        if work.swaps:  # elimination met a zero pivot that a swap fixes
            out["zero_pivot_as_zero"] = Fraction(0)
        return out

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        return Examples(base.correct, base.incorrect, ("det", "2 +"))
