"""Reduce a matrix to its reduced row echelon form (unique): pivots 1, zeros above and below."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind, show
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.echelon import (
    Reduction,
    backward_elimination,
    forward_elimination,
    is_reduced_row_echelon_form,
    reduced_row_echelon_form,
    rref_of,
)
from mlmath.engine.linalg.row_operations import AddMultiple, Scale
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.elimination_mistakes import scale_only_pivot
from mlmath.exercises.linalg.matrix_skill import MATRIX_INPUT, level_matrix, wrong_shape
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Reduced row echelon form"

STOPPED_AT_REF = Misconception(
    "stopped_at_ref",
    "Stopped at row echelon form",
    "The reduced form also needs each pivot to be 1 and zeros above every pivot: "
    "continue from the last pivot upwards.",
    TOPIC,
)
PIVOTS_NOT_SCALED = Misconception(
    "pivots_not_scaled",
    "The pivots were not made 1",
    "In reduced row echelon form every pivot is 1: divide each pivot row by its pivot.",
    TOPIC,
)
ABOVE_NOT_CLEARED = Misconception(
    "above_not_cleared",
    "The entries above the pivots were not cleared",
    "Reduced row echelon form needs a 0 ABOVE every pivot too, not only below it: starting "
    "from the last pivot, subtract multiples of its row from the rows above it.",
    TOPIC,
    hint="Look at the column of each pivot: which entries above the pivot are not 0 yet?",
)
SCALED_ONLY_PIVOT = Misconception(
    "scaled_only_pivot",
    "Only the pivot was divided",
    "Dividing a row by its pivot divides every entry of the row (the right-hand side too), "
    "not just the pivot.",
    "Row operations that preserve singularity",
)


def unscaled_reduction(matrix: Matrix, forward: Reduction | None = None) -> Matrix:
    """Zeros above and below each pivot, but the pivots left as they were."""
    forward = forward or forward_elimination(matrix)
    reduction = backward_elimination(forward)
    unit = reduction.result
    echelon = forward.result
    rows = []
    for i, row in enumerate(unit.rows):
        pivot = next((p for r, p in ((r, echelon[r, c]) for r, c in reduction.pivots) if r == i), 1)
        rows.append(tuple(pivot * a for a in row))
    return Matrix(tuple(rows))


def pivots_scaled_only(forward: Reduction) -> Matrix:
    """Row echelon form with each pivot row divided by its pivot, nothing cleared above."""
    current = forward.result
    for row, column in forward.pivots:
        current = Scale(row, 1 / current[row, column]).apply(current)
    return current


def pivot_only_scaled(matrix: Matrix, forward: Reduction | None = None) -> Matrix:
    """Gauss–Jordan where 'divide the row by its pivot' changes only the pivot entry."""
    forward = forward or forward_elimination(matrix)
    current = forward.result
    for row, column in reversed(forward.pivots):
        pivot = current[row, column]
        if pivot != 1:
            current = scale_only_pivot(current, Scale(row, 1 / pivot))
        for i in range(row - 1, -1, -1):
            above = current[i, column]
            if above != 0:
                current = AddMultiple(i, row, -above).apply(current)
    return current


@register
class ReducedRowEchelonForm(Skill):
    id = "linalg.rref"
    title = "Reduced row echelon form"
    summary = "Row-reduce until every pivot is 1 with zeros above and below it."
    inputs = (MATRIX_INPUT,)
    misconceptions = (STOPPED_AT_REF, PIVOTS_NOT_SCALED, ABOVE_NOT_CLEARED, SCALED_ONLY_PIVOT)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            matrix = level_matrix(rng, level)
            if not is_reduced_row_echelon_form(matrix):
                return {"matrix": matrix}

    def prompt(self, params: Params) -> Prompt:
        return ("Find the reduced row echelon form of", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.MATRIX, shape=params["matrix"].shape)

    def solve(self, params: Params) -> Solution[Matrix]:
        return reduced_row_echelon_form(params["matrix"])

    def answer(self, params: Params) -> Matrix:
        return rref_of(params["matrix"])

    def hints(self, params: Params) -> tuple[str, ...]:
        reduction = forward_elimination(params["matrix"])
        hints = ["What must be true of each pivot, and of the entries above and below it?"]
        if reduction.operations:
            hints.append(f"First step: {reduction.operations[0].describe().lower()}.")
        hints.append(
            "After row echelon form, divide each pivot row by its pivot and clear the entries "
            "above it, starting from the last pivot."
        )
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        forward = forward_elimination(matrix)
        return {
            "stopped_at_ref": forward.result,
            "pivots_not_scaled": unscaled_reduction(matrix, forward),
            "above_not_cleared": pivots_scaled_only(forward),
            "scaled_only_pivot": pivot_only_scaled(matrix, forward),
        }

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        fmt = self.answer_format(params)
        answer = self.answer(params)
        nested = (
            "[" + ", ".join("[" + ", ".join(str(a) for a in r) + "]" for r in answer.rows) + "]"
        )
        lines = "\n".join(" ".join(str(a) for a in r) for r in answer.rows)
        incorrect = list(dict.fromkeys([*base.incorrect, show(params["matrix"], fmt)]))
        return Examples(
            correct=list(dict.fromkeys([*base.correct, nested, lines])),
            incorrect=incorrect,
            invalid=wrong_shape(params["matrix"]),
        )
