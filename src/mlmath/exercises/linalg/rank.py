"""The rank of a matrix: the number of pivots in its row echelon form."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.echelon import forward_elimination
from mlmath.engine.linalg.rank import rank, rank_of
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.matrix_skill import MATRIX_INPUT, level_matrix
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "The rank of a matrix"

COUNTED_ROWS = Misconception(
    "counted_rows",
    "Counted the rows instead of the pivots",
    "The rank counts independent rows: a row that is a combination of others adds "
    "nothing. Reduce to row echelon form and count the pivots.",
    TOPIC,
)
COUNTED_NON_MULTIPLES = Misconception(
    "counted_non_multiples",
    "Only looked for rows that are multiples of each other",
    "A row can depend on the others without being a multiple of one of them — "
    "row 3 = row 1 + row 2, say. Elimination finds every such dependence.",
    "The rank of a matrix in general",
)
COUNTED_ZERO_ROWS = Misconception(
    "counted_zero_rows",
    "Counted the rows that became zero instead of the pivots",
    "The rows that turn into zeros are the dependent ones: they add nothing, so they are "
    "exactly the rows the rank leaves out. Count the rows that keep a pivot: "
    "rank = rows − zero rows.",
    TOPIC,
)
COUNTED_COLUMNS = Misconception(
    "counted_columns",
    "Counted the columns instead of the pivots",
    "Not every column gets a pivot: the rank counts the pivots, and it is never more "
    "than the smaller of the number of rows and the number of columns.",
    "The rank of a matrix in general",
)


def rows_not_multiples(matrix: Matrix) -> int:
    """How many non-zero rows are not a multiple of an earlier non-zero row."""
    kept: list[Matrix] = []
    for i in range(matrix.shape[0]):
        row = Matrix((matrix.rows[i],))
        if row.is_zero():
            continue
        if all(rank_of(Matrix((k.rows[0], row.rows[0]))) == 2 for k in kept):
            kept.append(row)
    return len(kept)


@register
class Rank(Skill):
    id = "linalg.rank"
    title = "The rank of a matrix"
    summary = "Row-reduce and count the pivots."
    inputs = (MATRIX_INPUT,)
    misconceptions = (COUNTED_ROWS, COUNTED_NON_MULTIPLES, COUNTED_ZERO_ROWS, COUNTED_COLUMNS)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        return {"matrix": level_matrix(rng, level)}

    def prompt(self, params: Params) -> Prompt:
        return ("What is the rank of", params["matrix"], "?")

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[int]:
        return rank(params["matrix"])

    def hints(self, params: Params) -> tuple[str, ...]:
        reduction = forward_elimination(params["matrix"])
        hints = ["How many pivots does a row echelon form of this matrix have?"]
        if reduction.operations:
            hints.append(f"First step: {reduction.operations[0].describe().lower()}.")
        hints.append("Rows that become all 0s do not count.")
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        rows, columns = matrix.shape
        out: dict[str, Any] = {
            "counted_rows": Fraction(rows),
            "counted_non_multiples": Fraction(rows_not_multiples(matrix)),
            "counted_zero_rows": Fraction(rows - rank_of(matrix)),
        }
        if columns != rows:
            out["counted_columns"] = Fraction(columns)
        return out

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        answer = self.solve(params).answer
        incorrect = list(dict.fromkeys([*base.incorrect, str(answer + 1)]))
        return Examples(
            correct=[*base.correct, f"{answer}.0"], incorrect=incorrect, invalid=["rank", "[1, 2"]
        )
