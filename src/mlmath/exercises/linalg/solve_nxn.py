"""Solve a larger square system (up to five unknowns) by elimination."""

from __future__ import annotations

import numpy as np

from mlmath.exercises.linalg.linear_system_skill import (
    BACK_SIGN_SLIP,
    FORGOT_RHS,
    PIVOT_NOT_DIVIDED,
    EliminationSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Params, Prompt


@register
class SolveSquareSystem(EliminationSkill):
    id = "linalg.solve_nxn"
    title = "Solve a system with more unknowns"
    summary = "The same elimination, for four or five equations in as many unknowns."
    misconceptions = (FORGOT_RHS, PIVOT_NOT_DIVIDED, BACK_SIGN_SLIP)
    slips = ("forgot_rhs", "pivot_not_divided", "back_sign_slip")

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            system = regular_system(rng, 3, bound=4, solution_range=(-3, 4), clean_steps=True)
        elif level == 2:
            system = regular_system(rng, 4, bound=5, solution_range=(-4, 5), clean_steps=True)
        else:
            n = 4 + int(rng.integers(2))
            system = regular_system(
                rng, n, bound=9, solution_range=(-6, 6), denominators=(1, 1, 2, 3)
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        n = system_of(params).size[1]
        return (
            f"Solve this system of {n} equations in {n} unknowns by elimination:",
            system_of(params),
        )
