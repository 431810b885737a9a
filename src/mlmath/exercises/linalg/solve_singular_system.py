"""Solve a singular system: no solution at all, or infinitely many written with a parameter."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

import numpy as np

from mlmath.engine.exact import Vector
from mlmath.engine.linalg.elimination import (
    EchelonReading,
    read_echelon,
    solution_set,
    solve_by_elimination,
)
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.elimination_mistakes import ignore_contradiction, one_point_only
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    first_operation_hint,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import singular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = "Solving singular systems of linear equations"

ZERO_ROW_MEANS_NONE = Misconception(
    "zero_row_means_none",
    "Read 0 = 0 as 'no solution'",
    "A row 0 = 0 is always true: that equation repeated the others and can be dropped. "
    "Only a row reading 0 = (a non-zero number) means there is no solution.",
    TOPIC,
)
IGNORED_CONTRADICTION = Misconception(
    "ignored_contradiction",
    "Skipped a row that reads 0 = (non-zero)",
    "A row like 0 = 5 can never be true, whatever the unknowns are, so the system has "
    "no solution at all; it cannot be dropped like 0 = 0.",
    TOPIC,
)
ONE_POINT_ONLY = Misconception(
    "one_point_only",
    "Gave one solution out of infinitely many",
    "With a free variable every value of the parameter gives a solution. "
    "Write the whole family, e.g. x = 1 − 2t, y = t.",
    TOPIC,
)
FREE_TERM_KEPT_SIGN = Misconception(
    "free_term_kept_sign",
    "Moved the t term across without changing its sign",
    "A term that moves to the other side of the equals sign changes sign, the parameter's "
    "term too: with y = t, x + 2t = 3 gives x = 3 − 2t, not x = 3 + 2t. Check a point: "
    "put t = 1 into your answer and into the equations.",
    TOPIC,
)
PIVOT_NOT_DIVIDED = Misconception(
    "pivot_not_divided",
    "Forgot to divide by the pivot",
    "After moving the other terms across, the pivot's unknown still has its coefficient: "
    "2x + 4t = 6 gives 2x = 6 − 4t, so x = 3 − 2t. Divide the number and the t term by "
    "the pivot.",
    TOPIC,
)

BackSubstitutionSlip = Literal["free_term_kept_sign", "pivot_not_divided"]


def back_substitute_with_slip(
    reading: EchelonReading, variables: tuple[str, ...], slip: BackSubstitutionSlip
) -> SolutionSet | None:
    """The solutions a learner writes from the echelon form with one slip in back
    substitution: the known terms moved across keeping their signs, or no division by the
    pivot. Each unknown is a constant plus a multiple of each free parameter."""
    if not reading.consistent or not reading.free_columns:
        return None
    echelon = reading.reduction.result
    n = len(variables)
    free = reading.free_columns
    # values[j] = (constant, coefficient of each free parameter)
    values: dict[int, list[Fraction]] = {
        j: [Fraction(0)] + [Fraction(int(j == f)) for f in free] for j in free
    }
    for row, column in reversed(reading.reduction.pivots):
        right = [echelon[row, n]] + [Fraction(0)] * len(free)
        for j in range(column + 1, n):
            a = echelon[row, j]
            if a != 0:
                sign = 1 if slip == "free_term_kept_sign" else -1
                right = [r + sign * a * v for r, v in zip(right, values[j], strict=True)]
        pivot = echelon[row, column]
        values[column] = right if slip == "pivot_not_divided" else [r / pivot for r in right]
    particular = Vector(tuple(values[j][0] for j in range(n)))
    directions = tuple(Vector(tuple(values[j][k + 1] for j in range(n))) for k in range(len(free)))
    return SolutionSet(variables, particular, directions)


@register
class SolveSingularSystem(LinearSystemSkill):
    id = "linalg.solve_singular_system"
    title = "Solve a singular system"
    summary = "Eliminate until a row reads 0 = 0 or 0 = c, then describe every solution, or none."
    misconceptions = (
        ZERO_ROW_MEANS_NONE,
        IGNORED_CONTRADICTION,
        ONE_POINT_ONLY,
        FREE_TERM_KEPT_SIGN,
        PIVOT_NOT_DIVIDED,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        consistent = bool(rng.integers(2))
        if level == 1:
            system = singular_system(rng, (2, 2), 1, consistent=consistent, bound=6)
        elif level == 2:
            system = singular_system(rng, (3, 3), 2, consistent=consistent, bound=6)
        else:
            shape = [(3, 3), (3, 4), (2, 3)][int(rng.integers(3))]
            rank = int(rng.integers(1, shape[0]))
            system = singular_system(
                rng, shape, rank, consistent=consistent, bound=12, denominators=(1, 2, 3), spread=5
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        return (
            "Solve the system. If there are infinitely many solutions, describe them all "
            "with a parameter (e.g. x = 1 − 2t, y = t); if there are none, say so.",
            system_of(params),
        )

    def solve(self, params: Params) -> Solution[SolutionSet]:
        return solve_by_elimination(system_of(params))

    def answer(self, params: Params) -> SolutionSet:
        return solution_set(system_of(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        system = system_of(params)
        hints = [
            "After elimination, what does a row of zeros left of the bar say — "
            "0 = 0 or 0 = (something else)?"
        ]
        first = first_operation_hint(system)
        if first:
            hints.append(first)
        hints.append(
            "A column without a pivot is a free variable: call it t and solve for the others."
        )
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        expected = self.answer(params)
        out: dict[str, Any] = {}
        if expected.kind == "infinite":
            out["zero_row_means_none"] = SolutionSet.empty(system.variables)
            point = one_point_only(expected)
            if point is not None:
                out["one_point_only"] = point
            reading = read_echelon(system)
            for slip in ("free_term_kept_sign", "pivot_not_divided"):
                wrong = back_substitute_with_slip(reading, system.variables, slip)
                if wrong is not None:
                    out[slip] = wrong
        else:
            skipped = ignore_contradiction(system)
            if skipped is not None:
                out["ignored_contradiction"] = skipped
        return out
