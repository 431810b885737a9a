"""Solve a system of two linear equations in two unknowns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.system import LinearSystem
from mlmath.exercises.linalg.linear_system_skill import (
    FORGOT_RHS,
    RHS_SIGN_SLIP,
    EliminationSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = "Solving non-singular systems of linear equations"

STORIES = (
    (
        "apples",
        "bananas",
        "At a market, {a1} apples and {b1} bananas cost ${c1}, and "
        "{a2} apples and {b2} bananas cost ${c2}.",
    ),
    (
        "adult tickets",
        "child tickets",
        "One family pays ${c1} for {a1} adult and {b1} child "
        "tickets; another pays ${c2} for {a2} adult and {b2} child tickets.",
    ),
    (
        "notebooks",
        "pens",
        "A student buys {a1} notebooks and {b1} pens for ${c1}; a friend "
        "buys {a2} notebooks and {b2} pens for ${c2}.",
    ),
    (
        "coffees",
        "muffins",
        "A café bill lists {a1} coffees and {b1} muffins for ${c1}; the "
        "next bill lists {a2} coffees and {b2} muffins for ${c2}.",
    ),
)

SWAPPED = Misconception(
    "swapped_values",
    "The values are swapped",
    "Each number belongs to one unknown: the value found for x goes with x. "
    "Check by putting the values back into both equations.",
    TOPIC,
)


@register
class SolveTwoByTwo(EliminationSkill):
    id = "linalg.solve_2x2"
    title = "Solve a 2×2 system"
    summary = "Find the one pair of numbers that makes both equations true."
    misconceptions = (FORGOT_RHS, RHS_SIGN_SLIP, SWAPPED)
    slips = ("forgot_rhs", "rhs_sign_slip")

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            system = regular_system(rng, 2, bound=6, solution_range=(-5, 6), clean_steps=True)
            return system_params(system)
        if level == 2:
            system = regular_system(
                rng, 2, bound=9, solution_range=(-9, 9), denominators=(1, 2, 3), multiplier=3
            )
            return system_params(system)
        return self._story(rng)

    def _story(self, rng: np.random.Generator) -> Params:
        story = int(rng.integers(len(STORIES)))
        while True:
            a1, b1, a2, b2 = (int(v) for v in rng.integers(2, 10, size=4))
            if a1 * b2 != a2 * b1:
                break
        prices = [int(v) for v in rng.integers(1, 21, size=2)]
        system = LinearSystem.of(
            [[a1, b1], [a2, b2]], [a1 * prices[0] + b1 * prices[1], a2 * prices[0] + b2 * prices[1]]
        )
        return system_params(system, story=story)

    def prompt(self, params: Params) -> Prompt:
        system = system_of(params)
        if "story" not in params:
            return ("Solve the system", system)
        first, second, text = STORIES[params["story"]]
        (a1, b1), (a2, b2) = ((int(v) for v in row) for row in system.matrix.rows)
        c1, c2 = (int(v) for v in system.rhs)
        words = text.format(a1=a1, b1=b1, a2=a2, b2=b2, c1=c1, c2=c2)
        return (
            f"{words} Let x be the price of one of the {first} and y the price of one of "
            f"the {second}. Write the system and find x and y:",
            system,
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        out = dict(super().buggy_answers(params))
        expected = self.answer(params)
        if expected.particular is not None and expected.kind == "unique":
            out["swapped_values"] = SolutionSet(
                expected.variables, type(expected.particular)(expected.particular.entries[::-1])
            )
        return out
