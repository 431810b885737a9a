"""Solve a system by substitution: isolate one unknown and put it into the other equations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.engine.linalg.elimination import solution_set
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.substitution import choose_isolation, equations_of, solve_by_substitution
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.elimination_mistakes import substitute_with_slip
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = "Systems of equations"

ISOLATION_SIGN_SLIP = Misconception(
    "isolation_sign_slip",
    "Sign slip when isolating the unknown",
    "Moving a term to the other side of the equals sign changes its sign: "
    "x + 2y = 5 gives x = 5 − 2y, not x = 5 + 2y.",
    TOPIC,
)
DISTRIBUTED_TO_FIRST_TERM_ONLY = Misconception(
    "distributed_to_first_term_only",
    "Only the first term was multiplied",
    "When x = 5 − 2y goes into 3x, all of 5 − 2y is multiplied by 3: "
    "3(5 − 2y) = 15 − 6y. Keep the brackets until you multiply out every term.",
    TOPIC,
)


@register
class SolveBySubstitution(LinearSystemSkill):
    id = "linalg.solve_by_substitution"
    title = "Solve by substitution"
    summary = "Isolate one unknown, substitute it into the other equations, repeat."
    misconceptions = (ISOLATION_SIGN_SLIP, DISTRIBUTED_TO_FIRST_TERM_ONLY)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            system = regular_system(
                rng,
                2,
                bound=6,
                solution_range=(-5, 6),
                clean_steps=True,
                want_unit_coefficient=True,
            )
        elif level == 2:
            system = regular_system(
                rng,
                3,
                bound=6,
                solution_range=(-5, 6),
                clean_steps=True,
                want_unit_coefficient=True,
            )
        else:
            system = regular_system(
                rng,
                3,
                bound=9,
                solution_range=(-9, 9),
                denominators=(1, 2, 3),
                want_unit_coefficient=True,
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        return ("Solve by substitution:", system_of(params))

    def solve(self, params: Params) -> Solution[SolutionSet]:
        return solve_by_substitution(system_of(params))

    def answer(self, params: Params) -> SolutionSet:
        """A unique solution is the same by any method; otherwise the parametric form
        is the one substitution reads off, so it is worked out in full."""
        fast = solution_set(system_of(params))
        return fast if fast.kind == "unique" else self.solve(params).answer

    def hints(self, params: Params) -> tuple[str, ...]:
        system = system_of(params)
        hints = [
            "Which equation has an unknown with coefficient 1 or −1? Isolating it avoids fractions."
        ]
        choice = choose_isolation(list(enumerate(equations_of(system), start=1)), system.variables)
        if choice is not None:
            label, name = choice
            expression = equations_of(system)[label - 1].solve_for(name)
            hints.append(
                f"First step: from equation {label}, {name} = {expression.text()}. "
                "Put that, in brackets, wherever the other equations have "
                f"{name}."
            )
        hints.append("Repeat with one fewer unknown, then work back up to the first one.")
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        out: dict[str, Any] = {}
        for slip in ("isolation_sign_slip", "distributed_to_first_term_only"):
            wrong = substitute_with_slip(system, slip)
            if wrong is not None:
                out[slip] = wrong
        return out
