"""Reduce a matrix to a row echelon form (any one of them: it is not unique)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Kind, parse, show
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.echelon import (
    are_row_equivalent,
    forward_elimination,
    full_reduction,
    is_row_echelon_form,
    row_echelon_form,
)
from mlmath.engine.linalg.row_operations import AddMultiple, Swap
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.matrix_skill import MATRIX_INPUT, level_matrix, wrong_shape
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Feedback, Misconception, Params, Prompt, Skill

TOPIC = "Row echelon form"

STOPPED_EARLY = Misconception(
    "stopped_early",
    "Stopped before every pivot had zeros below it",
    "Row echelon form needs zeros below every pivot, not just the first: after clearing "
    "column 1, move to the next row and the next column and repeat.",
    "Row echelon form in general",
)
PARTIAL_ROW_OPERATION = Misconception(
    "partial_row_operation",
    "Only the entry below the pivot was changed",
    "Subtracting a multiple of the pivot row changes every entry of the row, not just the "
    "one you wanted to make 0; otherwise the new matrix no longer describes the same system.",
    "Matrix row-reduction",
)

LEFT_UNCHANGED = Misconception(
    "left_unchanged",
    "You left the matrix unchanged",
    "This is the matrix you started from, and it is not a staircase yet: each row's first "
    "non-zero entry (its pivot) must stand to the right of the pivot above it, so every entry "
    "below a pivot must be 0, with any zero rows at the bottom. Clear column 1 below the first "
    "pivot, then repeat one row and one column further on.",
    "Row echelon form in general",
    hint="Look at the first column: which entries below the first pivot are not 0?",
)
ADDED_MULTIPLE = Misconception(
    "added_multiple",
    "Added the multiple of the pivot row instead of subtracting it",
    "To clear an entry under a pivot, subtract (entry ÷ pivot) × the pivot row: the entry "
    "itself becomes entry − entry = 0. Adding the multiple doubles it instead, so writing 0 "
    "under the pivot hides the slip while every other entry of the row comes out wrong. Work "
    "out every entry as row − multiple × pivot row, the 0 included.",
    TOPIC,
)
MULTIPLIER_UPSIDE_DOWN = Misconception(
    "multiplier_upside_down",
    "Used pivot ÷ entry as the multiple instead of entry ÷ pivot",
    "The multiple to subtract is (entry to clear) ÷ (pivot): under a pivot 2, an entry 6 "
    "needs 6 ÷ 2 = 3 × the pivot row, not 2 ÷ 6 = ⅓ ×. Check it on the entry itself: "
    "6 − 3 · 2 = 0, while 6 − ⅓ · 2 is not 0.",
    TOPIC,
)

EliminationSlip = Literal["added_multiple", "multiplier_upside_down"]


def first_column_only(matrix: Matrix) -> Matrix:
    """Forward elimination stopped once the first pivot column is cleared."""
    current = matrix
    for index, op in enumerate(forward_elimination(matrix).operations):
        first_swap = index == 0 and isinstance(op, Swap)
        clears_first_column = isinstance(op, AddMultiple) and op.source == 0
        if not (first_swap or clears_first_column):
            break
        current = op.apply(current)
    return current


def eliminate_with_slip(matrix: Matrix, slip: EliminationSlip) -> Matrix:
    """Forward elimination as the engine does it (the first non-zero entry of a column as
    its pivot, a swap only when needed), each 0 under a pivot written straight in, and the
    rest of the row worked out with ``slip``: the multiple added, or pivot ÷ entry as the
    multiple. Each multiple comes from the learner's own matrix so far."""
    rows = [list(r) for r in matrix.rows]
    n_rows, n_cols = matrix.shape
    top = 0
    for column in range(n_cols):
        if top == n_rows:
            break
        source = next((i for i in range(top, n_rows) if rows[i][column] != 0), None)
        if source is None:
            continue
        rows[top], rows[source] = rows[source], rows[top]
        pivot_row = rows[top]
        pivot = pivot_row[column]
        for i in range(top + 1, n_rows):
            below = rows[i][column]
            if below == 0:
                continue
            if slip == "added_multiple":
                new = [a + below / pivot * b for a, b in zip(rows[i], pivot_row, strict=True)]
            else:
                new = [a - pivot / below * b for a, b in zip(rows[i], pivot_row, strict=True)]
            new[column] = Fraction(0)
            rows[i] = new
        top += 1
    return Matrix(tuple(tuple(r) for r in rows))


def only_pivot_column_changed(matrix: Matrix) -> Matrix:
    """Forward elimination where each 'row operation' just writes a 0 below the pivot."""
    reduction = forward_elimination(matrix)
    rows = [list(r) for r in matrix.rows]
    pivot_column = dict(reduction.pivots)
    for op in reduction.operations:
        if isinstance(op, Swap):
            rows[op.first], rows[op.second] = rows[op.second], rows[op.first]
        elif isinstance(op, AddMultiple):
            rows[op.target][pivot_column[op.source]] = Fraction(0)
    return Matrix(tuple(tuple(r) for r in rows))


@register
class RowEchelonForm(Skill):
    id = "linalg.row_echelon_form"
    title = "Row echelon form"
    summary = "Use row operations to make zeros below each pivot, like a staircase."
    inputs = (MATRIX_INPUT,)
    misconceptions = (
        STOPPED_EARLY,
        PARTIAL_ROW_OPERATION,
        LEFT_UNCHANGED,
        ADDED_MULTIPLE,
        MULTIPLIER_UPSIDE_DOWN,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            matrix = level_matrix(rng, level)
            if not is_row_echelon_form(matrix):
                return {"matrix": matrix}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Reduce to a row echelon form (zeros below each pivot; any correct one is accepted):",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.MATRIX, shape=params["matrix"].shape)

    def solve(self, params: Params) -> Solution[Matrix]:
        return row_echelon_form(params["matrix"])

    def grade(self, params: Params, response: str) -> Feedback:
        """Any matrix in row echelon form that is row-equivalent to the given one is right."""
        fmt = self.answer_format(params)
        try:
            given = parse(response, fmt)
        except AnswerError as error:
            return Feedback("invalid", error.message)
        assert isinstance(given, Matrix)
        matrix: Matrix = params["matrix"]
        echelon = is_row_echelon_form(given)
        if echelon and are_row_equivalent(given, matrix):
            return Feedback("correct", "Correct: this is a row echelon form of the matrix.")
        for misconception_id, wrong in self.buggy_answers(params).items():
            if wrong == given and not (
                is_row_echelon_form(wrong) and are_row_equivalent(wrong, matrix)
            ):
                m = self.misconception(misconception_id)
                return Feedback("incorrect", f"{m.name}. {m.explanation}", m)
        if not echelon:
            return Feedback(
                "incorrect",
                "This is not in row echelon form: each row's first non-zero entry must be to "
                "the right of the one above, with any zero rows at the bottom.",
            )
        return Feedback(
            "incorrect",
            "This has the echelon shape, but it is not reachable from the matrix by row "
            "operations: check the arithmetic of each step against the worked solution.",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        reduction = forward_elimination(params["matrix"])
        hints = ["Which entry is the first pivot, and what must the entries below it become?"]
        if reduction.operations:
            hints.append(f"First step: {reduction.operations[0].describe().lower()}.")
        hints.append("Then repeat with the next row and the next column that has a non-zero entry.")
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        candidates = {
            "stopped_early": first_column_only(matrix),
            "partial_row_operation": only_pivot_column_changed(matrix),
            "left_unchanged": matrix,
            "added_multiple": eliminate_with_slip(matrix, "added_multiple"),
            "multiplier_upside_down": eliminate_with_slip(matrix, "multiplier_upside_down"),
        }
        return {
            name: wrong
            for name, wrong in candidates.items()
            if not (is_row_echelon_form(wrong) and are_row_equivalent(wrong, matrix))
        }

    def examples(self, params: Params) -> Examples:
        matrix: Matrix = params["matrix"]
        fmt = self.answer_format(params)
        echelon = self.solve(params).answer
        reduced = full_reduction(matrix).result
        doubled = echelon.with_row(0, (2 * a for a in echelon.rows[0]))
        correct = list(dict.fromkeys(show(m, fmt) for m in (echelon, reduced, doubled)))
        incorrect = [show(w, fmt) for w in self.buggy_answers(params).values()]
        incorrect.append(show(matrix, fmt))
        return Examples(
            correct=correct, incorrect=list(dict.fromkeys(incorrect)), invalid=wrong_shape(matrix)
        )
