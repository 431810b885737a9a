"""Apply one elementary row operation to a matrix."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, Solution, Step
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.elimination_mistakes import scale_only_pivot
from mlmath.exercises.linalg.random_systems import hidden_matrix, nonzero, pick
from mlmath.exercises.linalg.vector_variants import two_distinct
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = "Matrix row-reduction"

_ROW = r"R\s*(\d+)"
_NUMBER = r"\(?\s*(-?\d+(?:\s*/\s*\d+)?)\s*\)?"
_ARROW = r"(?:->|→|=)"
_SWAP = re.compile(rf"^\s*{_ROW}\s*(?:<->|↔|<=>)\s*{_ROW}\s*$", re.IGNORECASE)
_SCALE = re.compile(rf"^\s*{_ROW}\s*{_ARROW}\s*(-?)\s*(?:{_NUMBER}\s*[*·]?\s*)?{_ROW}\s*$", re.I)
_ADD = re.compile(
    rf"^\s*{_ROW}\s*{_ARROW}\s*{_ROW}\s*([+-])\s*(?:{_NUMBER}\s*[*·]?\s*)?{_ROW}\s*$", re.I
)


def parse_operation(text: str, rows: int) -> RowOperation:
    """Read ``R1 <-> R2``, ``R2 -> (1/2)R2`` or ``R3 -> R3 - 2R1`` (rows numbered from 1)."""
    if len(text) > 60:
        raise InputError("operation: too long; write it like R2 -> R2 - 3R1")

    def row(raw: str) -> int:
        k = int(raw)
        if not 1 <= k <= rows:
            raise InputError(f"operation: row {k} does not exist; the matrix has {rows} rows")
        return k - 1

    if match := _SWAP.match(text):
        first, second = row(match[1]), row(match[2])
        if first == second:
            raise InputError("operation: swapping a row with itself changes nothing")
        return Swap(first, second)
    if match := _SCALE.match(text):
        target, sign, factor, source = match[1], match[2], match[3], match[4]
        if target != source:
            raise InputError("operation: to scale a row, write it like R2 -> 3R2")
        value = Fraction(factor.replace(" ", "")) if factor else Fraction(1)
        value = -value if sign else value
        if value == 0:
            raise InputError("operation: multiplying a row by 0 is not a row operation")
        return Scale(row(target), value)
    if match := _ADD.match(text):
        target, same, sign, factor, source = match[1], match[2], match[3], match[4], match[5]
        if target != same:
            raise InputError("operation: write an addition like R3 -> R3 - 2R1")
        value = Fraction(factor.replace(" ", "")) if factor else Fraction(1)
        if target == source:
            raise InputError("operation: add a multiple of a *different* row")
        return AddMultiple(row(target), row(source), -value if sign == "-" else value)
    raise InputError(
        "operation: write it like R1 <-> R2 (swap), R2 -> 3R2 (scale) or R3 -> R3 - 2R1 (add)"
    )


def operation_text(op: RowOperation) -> str:
    """The operation as a learner would type it."""
    if isinstance(op, Swap):
        return f"R{op.first + 1} <-> R{op.second + 1}"
    if isinstance(op, Scale):
        return f"R{op.row + 1} -> ({number_text(op.factor)})R{op.row + 1}"
    size = abs(op.factor)
    times = "" if size == 1 else f"({number_text(size)})" if size.denominator > 1 else str(size)
    sign = "-" if op.factor < 0 else "+"
    return f"R{op.target + 1} -> R{op.target + 1} {sign} {times}R{op.source + 1}"


SIGN_SLIP = Misconception(
    "sign_slip",
    "Added instead of subtracted (or the other way round)",
    "R3 → R3 − 2R1 subtracts twice row 1: each new entry of row 3 is its old entry "
    "minus 2 × the entry of row 1 in the same column. Watch the signs of negative entries.",
    TOPIC,
)
CHANGED_SOURCE_ROW = Misconception(
    "changed_source_row",
    "The result was written into the wrong row",
    "In R3 → R3 − 2R1 only row 3 changes; row 1 is used but stays as it was.",
    TOPIC,
)
FACTOR_LEFT_OUT = Misconception(
    "factor_left_out",
    "The multiple of the other row was left out",
    "R1 → R1 + 3R3 adds THREE times row 3: multiply each entry of row 3 by 3 first, then add "
    "it to the entry of row 1 in the same column. Adding row 3 itself adds it only once.",
    TOPIC,
    hint="How many times the other row is added: which number stands in front of it?",
)
ONE_ENTRY_CHANGED = Misconception(
    "one_entry_changed",
    "Only one entry of the row was changed",
    "Adding a multiple of another row changes EVERY entry of the row, column by column: new "
    "entry = old entry + the multiple × the other row's entry in the same column. Changing "
    "one entry alone turns the equation into a different one.",
    TOPIC,
    hint="Which entries of the changed row does the operation reach: one, or all of them?",
)
SCALED_ONLY_PIVOT = Misconception(
    "scaled_only_pivot",
    "Only the first entry was multiplied",
    "Scaling a row multiplies every entry of that row, not just its leading one.",
    "Row operations that preserve singularity",
)
SWAPPED_COLUMNS = Misconception(
    "swapped_columns",
    "Columns were swapped instead of rows",
    "R1 ↔ R2 exchanges two rows (two equations); the columns (the unknowns) stay put.",
    TOPIC,
)


@register
class RowOperationSkill(Skill):
    id = "linalg.row_operation"
    title = "Apply a row operation"
    summary = "Swap two rows, scale a row, or add a multiple of one row to another."
    inputs = (
        Field("matrix", "matrix", "the matrix to change"),
        Field(
            "operation", "string", "the row operation, like R1 <-> R2, R2 -> 3R2 or R3 -> R3 - 2R1"
        ),
    )
    misconceptions = (
        SIGN_SLIP,
        CHANGED_SOURCE_ROW,
        FACTOR_LEFT_OUT,
        ONE_ENTRY_CHANGED,
        SCALED_ONLY_PIVOT,
        SWAPPED_COLUMNS,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            shape = (2, pick(rng, [2, 3]))
            matrix = hidden_matrix(rng, shape, 2, bound=6, max_zero_share=0.25)
        elif level == 2:
            shape = (3, pick(rng, [3, 4]))
            matrix = hidden_matrix(rng, shape, 3, bound=9, max_zero_share=0.25)
        else:
            shape = (pick(rng, [3, 4]), 4)
            matrix = hidden_matrix(rng, shape, shape[0], bound=9, multiplier=3, max_zero_share=0.25)
        m = shape[0]
        kinds = ["add", "add", "swap"] if level == 1 else ["add", "add", "scale", "swap"]
        kind = kinds[int(rng.integers(len(kinds)))]
        target, source = two_distinct(rng, m)
        op: RowOperation
        if kind == "swap":
            op = Swap(min(target, source), max(target, source))
        elif kind == "scale":
            factor = Fraction(nonzero(rng, -4, 4), pick(rng, [1, 2, 3] if level == 3 else [1]))
            op = Scale(target, factor if factor != 1 else Fraction(-1))
        else:
            denominator = pick(rng, [1, 2, 3]) if level == 3 else 1
            op = AddMultiple(target, source, Fraction(nonzero(rng, -3, 3), denominator))
        return {"matrix": matrix, "operation": operation_text(op)}

    def _operation(self, params: Params) -> RowOperation:
        return parse_operation(params["operation"], params["matrix"].shape[0])

    def check_inputs(self, params: Params) -> None:
        self._operation(params)

    def prompt(self, params: Params) -> Prompt:
        op = self._operation(params)
        return (
            f"Apply the row operation {op.text()} ({op.describe().lower()}) to",
            params["matrix"],
            "and write down the new matrix.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.MATRIX, shape=params["matrix"].shape)

    def answer(self, params: Params) -> Matrix:
        return self._operation(params).apply(params["matrix"])

    def solve(self, params: Params) -> Solution[Matrix]:
        matrix: Matrix = params["matrix"]
        op = self._operation(params)
        result = op.apply(matrix)
        steps = [Step("Start from the matrix", matrix)]
        if isinstance(op, AddMultiple):
            entries = [
                f"{number_text(a)} {'-' if op.factor < 0 else '+'} "
                f"{number_text(abs(op.factor))}·({number_text(b)}) = {number_text(c)}"
                for a, b, c in zip(
                    matrix.rows[op.target],
                    matrix.rows[op.source],
                    result.rows[op.target],
                    strict=True,
                )
            ]
            steps.append(
                Step(
                    f"{op.describe()}: work entry by entry along row {op.target + 1}; "
                    f"row {op.source + 1} itself does not change",
                    Formula(r",\quad ".join(entries), ",  ".join(entries)),
                )
            )
        elif isinstance(op, Scale):
            steps.append(
                Step(
                    f"{op.describe()}: every entry of row {op.row + 1} is multiplied, "
                    "the others stay"
                )
            )
        else:
            steps.append(Step(f"{op.describe()}: the two rows change places, entries unchanged"))
        steps.append(Step("The new matrix", result))
        return Solution(result, tuple(steps))

    def hints(self, params: Params) -> tuple[str, ...]:
        op = self._operation(params)
        if isinstance(op, AddMultiple):
            return (
                f"Which row changes? Only row {op.target + 1}.",
                f"Take each entry of row {op.target + 1} and add "
                f"{number_text(op.factor)} times the entry of row {op.source + 1} in the same "
                "column.",
            )
        if isinstance(op, Scale):
            return (
                f"Which entries of row {op.row + 1} are multiplied?",
                f"All of them: multiply each entry of row {op.row + 1} "
                f"by {number_text(op.factor)}.",
            )
        return ("Which rows move?", "Rewrite the matrix with the two rows exchanged.")

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        op = self._operation(params)
        if isinstance(op, AddMultiple):
            new_row = op.apply(matrix).rows[op.target]
            out = {
                "sign_slip": AddMultiple(op.target, op.source, -op.factor).apply(matrix),
                "changed_source_row": matrix.with_row(op.source, new_row),
            }
            if abs(op.factor) != 1:
                once = Fraction(1 if op.factor > 0 else -1)
                out["factor_left_out"] = AddMultiple(op.target, op.source, once).apply(matrix)
            # the entry the operation is usually aimed at: under the other row's first non-zero
            column = next((j for j, a in enumerate(matrix.rows[op.source]) if a != 0), None)
            if column is not None:
                row = list(matrix.rows[op.target])
                row[column] = new_row[column]
                out["one_entry_changed"] = matrix.with_row(op.target, row)
            return out
        if isinstance(op, Scale):
            return {"scaled_only_pivot": scale_only_pivot(matrix, op)}
        if op.second < matrix.shape[1]:
            return {
                "swapped_columns": matrix.transpose().swap_rows(op.first, op.second).transpose()
            }
        return {}
