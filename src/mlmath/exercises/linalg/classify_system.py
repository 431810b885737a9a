"""How many solutions does a system have: exactly one, none, or infinitely many?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.linalg.classify import classify
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.solution_set import Kind as SolutionKind
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system, singular_system
from mlmath.exercises.linalg.zero_rows import zero_rows, zero_rows_text
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
MORE_UNKNOWNS_MEANS_INFINITE = Misconception(
    "more_unknowns_means_infinite",
    "Too few equations was taken to mean 'infinitely many'",
    "Fewer equations than unknowns leave an unknown free only when the equations agree; "
    "if elimination ends in a row 0 = (non-zero), they contradict each other and there "
    "is no solution at all.",
    "Solving systems of equations with more variables",
)
SQUARE_MEANS_UNIQUE = Misconception(
    "square_means_unique",
    "As many equations as unknowns was taken to mean exactly one solution",
    "Counting equations is not enough: exactly one solution needs det A ≠ 0. With "
    "det A = 0 one equation depends on the others, so there is no solution or "
    "infinitely many.",
    "Singular vs nonsingular matrices",
)
FEW_EQUATIONS_MEAN_UNIQUE = Misconception(
    "few_equations_mean_unique",
    "Fewer equations than unknowns cannot give exactly one solution",
    "Each equation fixes at most one unknown, so with fewer equations than unknowns at "
    "least one unknown stays free: there are infinitely many solutions, or none.",
    "Solving systems of equations with more variables",
)
NONSINGULAR_MEANS_NONE = Misconception(
    "nonsingular_means_none",
    "'No solution' was chosen though det A is not 0",
    "When det A ≠ 0, elimination puts a pivot in every row, so no row can end as "
    "0 = (non-zero): the system has exactly one solution, whatever the right-hand side.",
    "Singular vs nonsingular matrices",
)
NONSINGULAR_MEANS_INFINITE = Misconception(
    "nonsingular_means_infinite",
    "'Infinitely many' was chosen though det A is not 0",
    "Infinitely many solutions need a free unknown, a column without a pivot; when "
    "det A ≠ 0 every column has a pivot, so there is exactly one solution.",
    "Singular vs nonsingular matrices",
)


@register
class ClassifySystem(LinearSystemSkill):
    id = "linalg.classify_system"
    title = "How many solutions?"
    summary = "Decide between one solution, none and infinitely many, and say why."
    misconceptions = (
        SINGULAR_MEANS_NONE,
        SINGULAR_MEANS_INFINITE,
        MORE_UNKNOWNS_MEANS_NONE,
        MORE_UNKNOWNS_MEANS_INFINITE,
        SQUARE_MEANS_UNIQUE,
        FEW_EQUATIONS_MEAN_UNIQUE,
        NONSINGULAR_MEANS_NONE,
        NONSINGULAR_MEANS_INFINITE,
    )

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
        """Every wrong option, by the belief that picks it (of a tall system, with more
        equations than unknowns, only 'no solution' for infinitely many)."""
        m, n = system_of(params).size
        expected = self.solve(params).answer
        if m > n:
            return {"singular_means_none": "none"} if expected == "infinite" else {}
        if expected == "unique":
            return {"nonsingular_means_none": "none", "nonsingular_means_infinite": "infinite"}
        picked = {"unique": "square_means_unique" if m == n else "few_equations_mean_unique"}
        if expected == "infinite":
            picked["none"] = "singular_means_none" if m == n else "more_unknowns_means_none"
        else:
            picked["infinite"] = (
                "singular_means_infinite" if m == n else "more_unknowns_means_infinite"
            )
        return {misconception: option for option, misconception in picked.items()}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        system = system_of(params)
        m, n = system.size
        if m == n and (det := determinant(system.matrix)) != 0:
            here = f"Here det A = {number_text(det)}, not 0."
            return {"nonsingular_means_none": here, "nonsingular_means_infinite": here}
        rows = zero_rows_text(system)
        agree = all(c == 0 for c in zero_rows(system))
        equations = f"{m} equation{'s' if m > 1 else ''}"
        unique = (
            "Here det A = 0: eliminate and see whether the zero row reads 0 = 0 (infinitely "
            "many solutions) or 0 = (non-zero) (none)."
            if m == n
            else f"Here {equations} in {n} unknowns leave at least {n - m} unknown"
            f"{'s' if n - m > 1 else ''} free."
        )
        other = (
            f"Here elimination leaves {rows}: the equations agree, so there are "
            "infinitely many solutions."
            if agree
            else f"Here elimination leaves {rows}, which no values of the unknowns make "
            "true: there is no solution."
        )
        picked = self.buggy_answers(params)
        return {mistake: unique if picked[mistake] == "unique" else other for mistake in picked}

    def examples(self, params: Params) -> Examples:
        expected = self.solve(params).answer
        label = str(next(c.label for c in OPTIONS if c.id == expected))
        wrong = [c.id for c in OPTIONS if c.id != expected]
        return Examples(correct=[expected, label], incorrect=wrong, invalid=["maybe", "2 + 2"])
