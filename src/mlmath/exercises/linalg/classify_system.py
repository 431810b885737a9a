"""How many solutions does a system have: exactly one, none, or infinitely many?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.linalg.classify import classify
from mlmath.engine.linalg.solution_set import Kind as SolutionKind
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system, singular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt

OPTIONS = (
    Choice("unique", "Exactly one solution"),
    Choice("none", "No solution"),
    Choice("infinite", "Infinitely many solutions"),
)

SINGULAR_MEANS_NONE = Misconception(
    "singular_means_none",
    "Singular was taken to mean 'no solution'",
    "A zero determinant only says the system does not have exactly one solution. "
    "If the equations agree (0 = 0 after elimination) there are infinitely many.",
    "Singular vs nonsingular matrices",
)
SINGULAR_MEANS_INFINITE = Misconception(
    "singular_means_infinite",
    "Singular was taken to mean 'infinitely many'",
    "A zero determinant leaves two possibilities; if elimination ends in a row "
    "0 = (non-zero), the equations contradict each other and there is no solution.",
    "Singular vs nonsingular matrices",
)
MORE_UNKNOWNS_MEANS_NONE = Misconception(
    "more_unknowns_means_none",
    "Too few equations was taken to mean 'no solution'",
    "Fewer equations than unknowns cannot pin down one point, but consistent equations "
    "still have solutions: infinitely many, one for each value of the free variables.",
    "Solving systems of equations with more variables",
)


@register
class ClassifySystem(LinearSystemSkill):
    id = "linalg.classify_system"
    title = "How many solutions?"
    summary = "Decide between one solution, none and infinitely many, and say why."
    misconceptions = (SINGULAR_MEANS_NONE, SINGULAR_MEANS_INFINITE, MORE_UNKNOWNS_MEANS_NONE)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        kind = ["unique", "none", "infinite"][int(rng.integers(3))]
        n = 2 if level == 1 else 3
        bound = 6 if level == 1 else 9
        denominators = (1, 2, 3) if level == 3 else (1,)
        shape = (n, n)
        if level == 3 and rng.integers(2):
            shape = (2, 3) if kind != "unique" else (3, 3)
        if kind == "unique":
            system = regular_system(rng, n, bound=bound, denominators=denominators)
        else:
            rank = shape[0] - 1 if kind == "none" or shape[0] == shape[1] else shape[0]
            system = singular_system(
                rng,
                shape,
                max(rank, 1),
                consistent=kind == "infinite",
                bound=bound,
                denominators=denominators,
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        return ("How many solutions does this system have?", system_of(params))

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def solve(self, params: Params) -> Solution[SolutionKind]:
        return classify(system_of(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        m, n = system_of(params).size
        first = (
            "What must be true of the determinant for exactly one solution?"
            if m == n
            else "There is no determinant here: how many pivots can there be at most?"
        )
        return (
            first,
            "Row-reduce [A | b]: does a row end as 0 = 0, or as 0 = (non-zero)?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        expected = self.solve(params).answer
        m, n = system.size
        if expected == "infinite":
            if m < n:
                return {"more_unknowns_means_none": "none"}
            return {"singular_means_none": "none"}
        if expected == "none" and m == n:
            return {"singular_means_infinite": "infinite"}
        return {}

    def examples(self, params: Params) -> Examples:
        expected = self.solve(params).answer
        label = str(next(c.label for c in OPTIONS if c.id == expected))
        wrong = [c.id for c in OPTIONS if c.id != expected]
        return Examples(correct=[expected, label], incorrect=wrong, invalid=["maybe", "2 + 2"])
