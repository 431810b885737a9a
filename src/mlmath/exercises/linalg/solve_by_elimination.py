"""Solve a system by elimination: row-reduce [A | b], then substitute back."""

from __future__ import annotations

import numpy as np

from mlmath.exercises.linalg.linear_system_skill import (
    BACK_SIGN_SLIP,
    FORGOT_RHS,
    RHS_SIGN_SLIP,
    EliminationSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Params, Prompt


@register
class SolveByElimination(EliminationSkill):
    id = "linalg.solve_by_elimination"
    title = "Solve by elimination"
    summary = "Write the augmented matrix, make zeros below the pivots, then back-substitute."
    misconceptions = (FORGOT_RHS, RHS_SIGN_SLIP, BACK_SIGN_SLIP)
    slips = ("forgot_rhs", "rhs_sign_slip", "back_sign_slip")

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            system = regular_system(rng, 2, bound=6, solution_range=(-5, 6), clean_steps=True)
        elif level == 2:
            system = regular_system(rng, 3, bound=6, solution_range=(-6, 6), clean_steps=True)
        elif rng.integers(2):
            system = regular_system(
                rng, 3, bound=9, solution_range=(-9, 9), denominators=(1, 2, 3), multiplier=3
            )
        else:
            system = regular_system(rng, 4, bound=9, solution_range=(-6, 6))
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        system = system_of(params)
        return (
            "Write the system as an augmented matrix [A | b], reduce it to row echelon form, "
            "and solve by back substitution:",
            system,
        )
