"""Solve a system of three linear equations in three unknowns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.render import number_text
from mlmath.exercises.linalg.linear_system_skill import (
    BACK_SIGN_SLIP,
    FORGOT_RHS,
    NO_SOLUTION_THOUGH_NONSINGULAR,
    PIVOT_NOT_DIVIDED,
    EliminationSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Params, Prompt


@register
class SolveThreeByThree(EliminationSkill):
    id = "linalg.solve_3x3"
    title = "Solve a 3×3 system"
    summary = "Find the one point (x, y, z) where three planes meet."
    misconceptions = (
        FORGOT_RHS,
        BACK_SIGN_SLIP,
        PIVOT_NOT_DIVIDED,
        NO_SOLUTION_THOUGH_NONSINGULAR,
    )
    slips = ("forgot_rhs", "back_sign_slip", "pivot_not_divided")

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            system = regular_system(rng, 3, bound=5, solution_range=(-4, 5), clean_steps=True)
        elif level == 2:
            system = regular_system(rng, 3, bound=9, solution_range=(-9, 9), multiplier=3)
        else:
            system = regular_system(
                rng, 3, bound=12, solution_range=(-9, 9), denominators=(1, 2, 3, 4), multiplier=3
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        return ("Solve the system", system_of(params))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        variables = system_of(params).variables
        empty = SolutionSet.empty(variables)
        return {**super().buggy_answers(params), "no_solution_though_nonsingular": empty}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        det = determinant(system_of(params).matrix)
        return {"no_solution_though_nonsingular": f"Here det A = {number_text(det)}, not 0."}
