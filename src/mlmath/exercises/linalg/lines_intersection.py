"""Where two lines meet: in one point, nowhere (parallel), or everywhere (the same line)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from math import gcd
from typing import Any

import numpy as np

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.elimination import solve_by_elimination
from mlmath.engine.linalg.geometry import lines_intersection
from mlmath.engine.linalg.linear_expression import LinearEquation, LinearExpression
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, Solution
from mlmath.exercises.linalg.elimination_mistakes import eliminate_with_slip
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import nonzero, regular_system, singular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = "Systems of equations as lines"

SWAPPED_COORDINATES = Misconception(
    "swapped_coordinates",
    "The coordinates are swapped",
    "A point is written (x, y): first how far across, then how far up. "
    "Check by putting the point into both equations.",
    TOPIC,
)
PARALLEL_AS_SAME = Misconception(
    "parallel_as_same_line",
    "Parallel lines taken for the same line",
    "Lines with the same slope are parallel; they are the same line only if one equation "
    "is a multiple of the other, right-hand side included. Otherwise they never meet.",
    "A geometric notion of singularity",
)
SAME_AS_PARALLEL = Misconception(
    "same_line_as_parallel",
    "The same line taken for parallel lines",
    "When one equation is a multiple of the other (right-hand side included) both describe "
    "the same line, so every point on it is a solution — not none.",
    "A geometric notion of singularity",
)
CROSSING_AS_PARALLEL = Misconception(
    "crossing_as_parallel",
    "Lines with different slopes were taken for parallel",
    "Two lines are parallel only when they have the same slope. Lines with different "
    "slopes always cross, in exactly one point: solve for it.",
    TOPIC,
)
FORGOT_RHS = Misconception(
    "forgot_rhs",
    "The right-hand side was not changed",
    "When you subtract a multiple of one equation from the other, subtract the same "
    "multiple of its right-hand side too.",
    "Solving non-singular systems of linear equations",
)


@register
class LinesIntersection(LinearSystemSkill):
    id = "linalg.lines_intersection"
    title = "Where do two lines meet?"
    summary = "Two lines cross in one point, are parallel, or are the same line."
    misconceptions = (
        SWAPPED_COORDINATES,
        FORGOT_RHS,
        PARALLEL_AS_SAME,
        SAME_AS_PARALLEL,
        CROSSING_AS_PARALLEL,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return system_params(
                regular_system(rng, 2, bound=5, solution_range=(-5, 6), clean_steps=True)
            )
        if level == 2:
            case = int(rng.integers(4))
            if case < 2:
                return system_params(
                    regular_system(rng, 2, bound=9, solution_range=(-6, 6), denominators=(1, 2, 3))
                )
            return system_params(singular_system(rng, (2, 2), 1, consistent=case == 2, bound=9))
        return self._slope_form(rng)

    def _slope_form(self, rng: np.random.Generator) -> Params:
        """Two lines y = m·x + c; sometimes parallel, sometimes the same line."""
        case = int(rng.integers(5))
        denominators = (1, 2, 3, 4, 5)

        def number(low: int, high: int) -> Fraction:
            return Fraction(int(rng.integers(low, high + 1)), int(rng.choice(denominators)))

        m1 = number(-9, 9)
        c1 = Fraction(nonzero(rng, -15, 15), int(rng.choice(denominators)))
        if case == 3:
            m2, c2 = m1, c1 + int(rng.choice([-3, -2, -1, 1, 2, 3]))
        elif case == 4:
            m2, c2 = m1, c1
        else:
            m2 = m1
            while m2 == m1:
                m2 = number(-9, 9)
            c2 = number(-15, 15)
        second = [-m2, Fraction(1), c2]
        lcm = 1
        for a in second:
            lcm = lcm * a.denominator // gcd(lcm, a.denominator)
        scale = lcm * nonzero(rng, -6, 6)
        a2, b2, right2 = (scale * a for a in second)
        system = LinearSystem.of([[-m1, 1], [a2, b2]], [c1, right2])
        return system_params(system, form="slope")

    def prompt(self, params: Params) -> Prompt:
        system = system_of(params)
        if params.get("form") != "slope":
            return (
                "Where do these two lines meet? Give the point, 'no solution' if they "
                "never meet, or every point if they are the same line.",
                system,
            )
        row, c = system.matrix.rows[0], system.rhs[0]
        slope_line = LinearExpression.of(("x",), {"x": -row[0] / row[1]}, c / row[1])
        second = LinearEquation.of(
            system.variables,
            dict(zip(system.variables, system.matrix.rows[1], strict=True)),
            system.rhs[1],
        )
        lines = [
            (f"y = {_slope_text(slope_line)}", f"y = {_slope_latex(slope_line)}"),
            (second.text(), second.latex()),
        ]
        shown = Formula(
            r"\quad\text{and}\quad ".join(latex for _, latex in lines),
            "   and   ".join(text for text, _ in lines),
        )
        return (
            "Where do the lines meet? Give the point (x, y), 'no solution' if they are "
            "parallel, or every point if they are the same line.",
            shown,
        )

    def solve(self, params: Params) -> Solution[SolutionSet]:
        solved = lines_intersection(system_of(params))
        return Solution(solved.answer.solutions, solved.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        hints = ["Do the lines have the same slope? If so they are parallel or the same line."]
        if params.get("form") == "slope":
            hints.append(
                "Both right-hand sides equal y: set them equal to each other and solve for x."
            )
        else:
            hints.append("Subtract a multiple of one equation from the other so that x disappears.")
        hints.append("Put the x you found into either equation to get y.")
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        expected = self.solve(params).answer
        out: dict[str, Any] = {}
        if expected.kind == "unique" and expected.particular is not None:
            out["swapped_coordinates"] = SolutionSet(
                system.variables, Vector(expected.particular.entries[::-1])
            )
            wrong = eliminate_with_slip(system, "forgot_rhs")
            if wrong is not None:
                out["forgot_rhs"] = wrong
            out["crossing_as_parallel"] = SolutionSet.empty(system.variables)
        elif expected.kind == "none":
            first_line = LinearSystem(
                Matrix((system.matrix.rows[0],)), Vector((system.rhs[0],)), system.variables
            )
            out["parallel_as_same_line"] = solve_by_elimination(first_line).answer
        else:
            out["same_line_as_parallel"] = SolutionSet.empty(system.variables)
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The two slopes, for lines that cross but were taken for parallel."""
        if "crossing_as_parallel" not in self.buggy_answers(params):
            return {}
        first, second = (_slope_of(row) for row in system_of(params).matrix.rows)
        if first is None or second is None:
            slope = first if second is None else second
            other = "is vertical too" if slope is None else f"has slope {number_text(slope)}"
            here = f"Here one line is vertical and the other {other}"
        else:
            here = f"Here the slopes are {number_text(first)} and {number_text(second)}"
        return {"crossing_as_parallel": f"{here}: not the same, so the lines cross once."}


def _slope_of(row: tuple[Fraction, ...]) -> Fraction | None:
    """The slope of the line a·x + b·y = c, or None for a vertical one (b = 0)."""
    a, b = row
    return None if b == 0 else -a / b


def _slope_text(expression: LinearExpression) -> str:
    return _slope(expression, expression.text())


def _slope_latex(expression: LinearExpression) -> str:
    return _slope(expression, expression.latex())


def _slope(expression: LinearExpression, written: str) -> str:
    """``mx + c`` rather than ``c + mx``: the usual order for a line."""
    if expression.constant == 0 or expression.is_constant:
        return written
    constant, _, rest = written.partition(" ")
    sign, _, slope = rest.partition(" ")
    head = slope if sign == "+" else "-" + slope
    tail = f" - {constant[1:]}" if constant.startswith("-") else f" + {constant}"
    return head + tail
