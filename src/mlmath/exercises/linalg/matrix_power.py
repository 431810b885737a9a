"""Skill: a power of a square matrix, Aⁿ = A·A·…·A — the transformation applied n times."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.powers import MAX_POWER, matrix_power, power_text
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_TRANSFORMATIONS, integer, random_matrix
from mlmath.exercises.mistakes import Boundary, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Matrix multiplication"


def _power(a: Matrix, n: int) -> Matrix:
    result = Matrix.identity(a.shape[0])
    for _ in range(n):
        result = result.times_matrix(a)
    return result


@register
class MatrixPower(Skill):
    id = "linalg.matrix_power"
    title = "Powers of a matrix"
    summary = "Aⁿ = A·A·…·A (n factors): apply the transformation n times."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a square matrix A", square=True, min_size=1, max_size=4),
        Field("power", "integer", f"the power n, from 0 to {MAX_POWER}"),
    )
    misconceptions = (
        Misconception(
            "entrywise_power",
            "Each entry was raised to the power: Aⁿ is a matrix product",
            "A² means A times A as matrices (row i of A dotted with column j of A), not each "
            "entry squared; only a diagonal matrix is powered entry by entry.",
            TOPIC,
        ),
        Misconception(
            "times_n",
            "n·A multiplies each entry by n; Aⁿ multiplies A by itself n times",
            "A³ = A·A·A, applying the transformation three times; 3A scales every entry by 3 "
            "(that is A + A + A).",
            TOPIC,
        ),
        Misconception(
            "one_factor_short",
            "One factor of A is missing",
            "Aⁿ has n factors: A³ = A·A·A takes two multiplications but three copies of A. "
            "Count the factors, not the multiplications.",
            TOPIC,
        ),
        Misconception(
            "row_by_row",
            "Multiplied row by row instead of row by column",
            "In A·A the entry in row i, column j is row i of the first A times column j of the "
            "second A: go along the row and down the column. Pairing row i with row j of A "
            "gives A·Aᵀ instead, which is a different matrix unless A is symmetric.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params: dict[str, Any]
            if level == 1:
                params = {"matrix": random_matrix(rng, 2, 2, 0, 3), "power": 2}
            elif level == 2:
                params = {"matrix": random_matrix(rng, 2, 2, -3, 3), "power": integer(rng, 3, 4)}
            else:
                params = {"matrix": random_matrix(rng, 3, 3, -2, 2), "power": integer(rng, 2, 3)}
            answer = self.answer(params)
            first_mistakes = _first_mistakes(params["matrix"], params["power"]).values()
            if answer.is_zero() or any(answer == m for m in first_mistakes):
                continue  # nilpotent or idempotent: the mistakes would go unnoticed
            if sum(x != 0 for row in params["matrix"].rows for x in row) >= 3:
                return params

    def prompt(self, params: Params) -> Prompt:
        n = params["power"]
        return (
            f"A transformation A is applied {n} times in a row. Compute its matrix "
            f"A{power_text(n)} for A =",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        n = params["matrix"].shape[0]
        return AnswerFormat(Kind.MATRIX, shape=(n, n))

    def check_inputs(self, params: Params) -> None:
        if not 0 <= params["power"] <= MAX_POWER:
            raise InputError(f"power: give a whole number from 0 to {MAX_POWER}")

    def solve(self, params: Params) -> Solution[Matrix]:
        return matrix_power(params["matrix"], params["power"])

    def answer(self, params: Params) -> Matrix:
        return _power(params["matrix"], params["power"])

    def hints(self, params: Params) -> tuple[str, ...]:
        n = params["power"]
        return (
            f"How many copies of A are multiplied together in A^{n}?",
            "Compute A² = A·A as a matrix product (row times column), then multiply by A "
            "again until there are enough factors.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One factor short or one too many, and the transpose."""
        a: Matrix = params["matrix"]
        n: int = params["power"]
        return (
            Boundary(
                lambda k: _power(a, k),
                n,
                f"A^{n} multiplies {n} copies of A: count the factors.",
                low=1,
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        n: int = params["power"]
        out = _first_mistakes(a, n)
        if n >= 2 and a != a.transpose():  # for a symmetric A, A·Aᵀ is A·A
            out["row_by_row"] = _row_by_row(a, n)
        return out


def _first_mistakes(a: Matrix, n: int) -> dict[str, Any]:
    """The mistakes a variant is drawn to tell apart (the generator rejects a matrix whose
    power one of them gives right, and a later-named mistake must not change which
    variants are drawn)."""
    out: dict[str, Any] = {
        "entrywise_power": Matrix(tuple(tuple(x**n for x in row) for row in a.rows)),
        "times_n": a.scale(Fraction(n)),
    }
    if n >= 2:
        out["one_factor_short"] = _power(a, n - 1)
    return out


def _row_by_row(a: Matrix, n: int) -> Matrix:
    """Aⁿ worked with each product taken row by row: the result so far times Aᵀ, n − 1
    times (row i of the left matrix paired with row j of A)."""
    rows_of_a = a.transpose()
    result = a
    for _ in range(n - 1):
        result = result.times_matrix(rows_of_a)
    return result
