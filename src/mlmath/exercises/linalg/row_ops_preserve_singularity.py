"""Skill: what a row operation does to the determinant, and why singularity survives."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, Solution, Step
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix, singular_matrix
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 2 · Row operations that preserve singularity"
QUESTIONS = ("determinant", "singular")
OPTIONS = (Choice("singular", "singular"), Choice("non-singular", "non-singular"))

_ROW = r"R\s*(\d+)"
_NUMBER = r"(-?\s*\d+(?:/\d+)?)"
_SWAP = re.compile(rf"{_ROW}\s*<->\s*{_ROW}")
_SCALE = re.compile(rf"{_ROW}\s*->\s*{_NUMBER}\s*[*·]?\s*{_ROW}")
_ADD = re.compile(rf"{_ROW}\s*->\s*{_ROW}\s*([+-])\s*(?:(\d+(?:/\d+)?)\s*[*·]?\s*)?{_ROW}")


def read_operation(text: str, size: int) -> RowOperation:
    """``R1 <-> R2``, ``R2 -> 3R2`` or ``R3 -> R3 - 2R1`` (rows counted from 1)."""
    words = text.strip().replace("−", "-").replace("→", "->").replace("↔", "<->")
    op: RowOperation
    if m := _SWAP.fullmatch(words):
        rows = [int(m.group(1)) - 1, int(m.group(2)) - 1]
        op = Swap(rows[0], rows[1])
    elif m := _SCALE.fullmatch(words):
        rows = [int(m.group(1)) - 1, int(m.group(3)) - 1]
        if rows[0] != rows[1]:
            raise InputError("scaling multiplies a row by a number: write it like R2 -> 3R2")
        factor = Fraction(m.group(2).replace(" ", ""))
        if factor == 0:
            raise InputError("multiplying a row by 0 is not a row operation")
        op = Scale(rows[0], factor)
    elif m := _ADD.fullmatch(words):
        rows = [int(m.group(1)) - 1, int(m.group(2)) - 1, int(m.group(5)) - 1]
        if rows[0] != rows[1] or rows[0] == rows[2]:
            raise InputError("add a multiple of ANOTHER row: write it like R3 -> R3 - 2R1")
        size_factor = Fraction(m.group(4) or 1)
        op = AddMultiple(rows[0], rows[2], size_factor if m.group(3) == "+" else -size_factor)
    else:
        raise InputError("write the operation like R1 <-> R2, R2 -> 3R2 or R3 -> R3 - 2R1")
    if any(not 0 <= r < size for r in rows):
        raise InputError(f"the matrix has rows R1 to R{size}")
    return op


def _fractions(*values: int | str) -> list[Fraction]:
    return [Fraction(v) for v in values]


def _random_operation(rng: np.random.Generator, n: int, level: int) -> RowOperation:
    i, j = (int(k) for k in rng.permutation(n)[:2])
    kind = int(rng.integers(3))
    if kind == 0:
        return Swap(min(i, j), max(i, j))
    if kind == 1:
        factors = _fractions(2, 3, 4, 5) if level < 3 else _fractions(-3, -2, 2, 3, "1/2", "-1/3")
        return Scale(i, factors[int(rng.integers(len(factors)))])
    factors = _fractions(1, 2, 3, -1, -2) if level < 3 else _fractions(-3, -2, 2, 3, "1/2", "-2/3")
    return AddMultiple(i, j, factors[int(rng.integers(len(factors)))])


@register
class RowOpsPreserveSingularity(Skill):
    id = "linalg.row_ops_preserve_singularity"
    title = "Row operations and the determinant"
    summary = (
        "Swaps flip the sign, scaling by k multiplies by k, adding a multiple changes nothing."
    )
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a square matrix", square=True),
        Field(
            "operation", "string", "a row operation, like R1 <-> R2, R2 -> 3R2 or R3 -> R3 - 2R1"
        ),
        Field(
            "question",
            "choice",
            "what to ask",
            required=False,
            default="determinant",
            choices=QUESTIONS,
        ),
    )
    misconceptions = (
        Misconception(
            "swap_ignored",
            "You left the determinant unchanged after a swap",
            "Exchanging two rows multiplies the determinant by −1; it is not unchanged.",
            TOPIC,
        ),
        Misconception(
            "scaling_ignored",
            "You left the determinant unchanged after scaling a row",
            "Multiplying one row by k multiplies the determinant by k.",
            TOPIC,
        ),
        Misconception(
            "adding_scales",
            "You multiplied the determinant by the multiple you added",
            "Replacing a row by itself plus k times another row leaves the "
            "determinant exactly as it was; k does not multiply it.",
            TOPIC,
        ),
        Misconception(
            "singularity_flips",
            "You thought the row operation changed singularity",
            "Each operation multiplies the determinant by a non-zero number (−1, k "
            "or 1), so a zero determinant stays zero and a non-zero one stays "
            "non-zero.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 2 if level == 1 else 3
        low, high = (0, 5) if level == 1 else (-5, 6)
        question = "determinant" if level == 1 else QUESTIONS[int(rng.integers(2))]
        singular = question == "singular" and rng.random() < 0.5
        build = singular_matrix if singular else nonsingular_matrix
        matrix = build(rng, n, low, high, level == 3)
        op = _random_operation(rng, n, level)
        return {"matrix": matrix, "operation": op.text(), "question": question}

    def check_inputs(self, params: Params) -> None:
        read_operation(params["operation"], params["matrix"].shape[0])

    def _op(self, params: Params) -> RowOperation:
        return read_operation(params["operation"], params["matrix"].shape[0])

    def prompt(self, params: Params) -> Prompt:
        matrix: Matrix = params["matrix"]
        op = self._op(params)
        det = determinant(matrix)
        if params["question"] == "determinant":
            return (
                f"The matrix A has determinant {number_text(det)}.",
                matrix,
                f"Apply {op.text()} ({op.describe().lower()}). What is the determinant "
                "of the new matrix?",
            )
        word = "singular" if det == 0 else "non-singular"
        return (
            f"The matrix A is {word}.",
            matrix,
            f"Apply {op.text()} ({op.describe().lower()}). Is the new matrix singular "
            "or non-singular?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if params["question"] == "determinant":
            return AnswerFormat(Kind.NUMBER)
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def solve(self, params: Params) -> Solution[Any]:
        matrix: Matrix = params["matrix"]
        op = self._op(params)
        before = determinant(matrix)
        after = before * op.determinant_factor
        effect = {
            Swap: "a swap multiplies the determinant by −1",
            Scale: f"scaling a row by {number_text(op.determinant_factor)} multiplies the "
            "determinant by the same number",
            AddMultiple: "adding a multiple of another row leaves the determinant unchanged",
        }[type(op)]
        steps = [
            Step(f"{op.describe()}: {effect}", op.apply(matrix)),
            Step(
                "So the new determinant is",
                Formula(
                    f"{number_text(op.determinant_factor)} \\cdot "
                    f"{_paren(before)} = {number_text(after)}",
                    f"{number_text(op.determinant_factor)}·{_paren(before)} = {number_text(after)}",
                ),
            ),
        ]
        if params["question"] == "determinant":
            return Solution(after, tuple(steps))
        word = "singular" if after == 0 else "non-singular"
        steps.append(
            Step(
                f"The factor is not 0, so a determinant of 0 stays 0 and a non-zero one stays "
                f"non-zero: the new matrix is {word}, like A"
            )
        )
        return Solution(word, tuple(steps))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which kind of row operation is this: a swap, a scaling, or adding a multiple "
            "of another row?",
            "Swap: multiply the determinant by −1. Scale by k: multiply by k. Add a "
            "multiple: no change.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        before = determinant(params["matrix"])
        op = self._op(params)
        if params["question"] == "singular":
            return {"singularity_flips": "non-singular" if before == 0 else "singular"}
        flipped = {"singularity_flips": Fraction(0)} if before != 0 else {}
        if isinstance(op, Swap):
            return {"swap_ignored": before, **flipped}
        if isinstance(op, Scale):
            return {"scaling_ignored": before, **flipped}
        return {"adding_scales": before * op.factor, **flipped}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """What the operation does to this determinant, for a singularity that flipped."""
        before = determinant(params["matrix"])
        op = self._op(params)
        factor = op.determinant_factor
        return {
            "singularity_flips": f"Here {op.text()} multiplies det A = {number_text(before)} "
            f"by {number_text(factor)}, not by 0: it becomes "
            f"{number_text(factor)}·{_paren(before)} = {number_text(before * factor)}."
        }

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        return Examples(base.correct, base.incorrect, ("R1", "unchanged?"))


def _paren(value: Fraction) -> str:
    return f"({number_text(value)})" if value < 0 else number_text(value)
