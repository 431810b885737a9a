"""Solve a singular system: no solution at all, or infinitely many written with a parameter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.engine.linalg.elimination import solution_set, solve_by_elimination
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


@register
class SolveSingularSystem(LinearSystemSkill):
    id = "linalg.solve_singular_system"
    title = "Solve a singular system"
    summary = "Eliminate until a row reads 0 = 0 or 0 = c, then describe every solution, or none."
    misconceptions = (ZERO_ROW_MEANS_NONE, IGNORED_CONTRADICTION, ONE_POINT_ONLY)

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
        else:
            skipped = ignore_contradiction(system)
            if skipped is not None:
                out["ignored_contradiction"] = skipped
        return out
