"""Skill: optimise in one variable — when is the room coldest? Set f′ = 0, then test with f″."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.expression import Expr, add, const
from mlmath.engine.calculus.optimisation import critical_points, polynomial_coefficients
from mlmath.engine.render import number_text
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.exercises.calculus.functions import (
    WEEK1,
    integer,
    monomial,
    pick,
    read_function,
    shown,
    written,
)
from mlmath.exercises.figures import formula_problem, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, ValueForArgument
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Intro to optimization: Temperature example"


SITUATIONS = (
    # (what is measured, x hours after what, the usual temperatures there in °C)
    ("a room", "the heating is switched on", (16, 22)),
    ("a greenhouse", "sunrise", (8, 18)),
    ("the water in a solar tank", "6 a.m.", (14, 30)),
    ("a server room", "a nightly backup starts", (18, 26)),
    ("the surface of a lake", "dawn", (10, 22)),
    ("a parked car", "8 a.m.", (12, 26)),
)
"""Where the temperature is taken: the variety of the upper levels comes from here, from the
start temperature, from the times of the turning points and from the rate of heating."""

COMFORT = (-5, 50)
"""Every temperature of a variant, at x = 0 and at both turning points, stays in this band."""

RATES = tuple(Fraction(n, 10) for n in range(1, 13))
"""How strongly T′ bends, k in T′(x) = k(x − r₁)(x − r₂): 0.1 to 1.2 °C per hour squared."""


def _cubic(r1: Fraction, r2: Fraction, k: Fraction, start: Fraction) -> Expr:
    """T with T(0) = start and T′(x) = k(x − r1)(x − r2): turning points at r1 and r2."""
    return add(
        monomial(k / 3, 3),
        monomial(-k * (r1 + r2) / 2, 2),
        monomial(k * r1 * r2, 1),
        const(start),
    )


def _value(r1: Fraction, r2: Fraction, k: Fraction, start: Fraction, x: Fraction) -> Fraction:
    return start + k * (x**3 / 3 - (r1 + r2) * x**2 / 2 + r1 * r2 * x)


def _turning_points(rng: np.random.Generator, level: int) -> tuple[Fraction, Fraction]:
    """Two times within the first ten hours: whole hours at level 2; halves, thirds or quarters
    of an hour at level 3."""
    q = 1 if level == 2 else pick(rng, (2, 3, 4))
    r1 = Fraction(integer(rng, 1, 6 * q), q)
    r2 = r1 + Fraction(integer(rng, 1, 4 * q), q)
    return r1, r2


def _realistic(r1: Fraction, r2: Fraction, k: Fraction, start: Fraction) -> bool:
    """The turning points differ by a noticeable but plausible amount (½ to 12 °C), and the
    temperature stays in :data:`COMFORT`."""
    swing = abs(k) * (r2 - r1) ** 3 / 6
    values = [_value(r1, r2, k, start, x) for x in (r1, r2)]
    return Fraction(1, 2) <= swing <= 12 and all(COMFORT[0] <= v <= COMFORT[1] for v in values)


@register
class CriticalPoints(Skill):
    id = "calculus.critical_points"
    title = "Optimise a function of one variable"
    summary = "Find where a function is smallest or largest: solve f′(x) = 0, test with f″(x)."
    levels = 3
    inputs = (
        Field("function", "expression", "a polynomial of degree 2 or 3 in x, e.g. x^3 - 3x"),
        Field("find", "choice", "which point", choices=("minimum", "maximum")),
    )
    misconceptions = (
        Misconception(
            "second_derivative_reversed",
            "The second-derivative test was read backwards",
            "f″ > 0 means the graph bends up like a cup, so the flat point is a MINIMUM; f″ < 0 "
            "bends down like a cap: a maximum.",
            TOPIC,
        ),
        Misconception(
            "power_rule_dropped",
            "The 2 from the power rule went missing",
            "d/dx ax² = 2ax, so f′(x) = 2ax + b = 0 gives x = −b/(2a), not −b/a.",
            TOPIC,
        ),
        Misconception(
            "sign_error",
            "A sign was lost when solving f′(x) = 0",
            "Moving a term to the other side of the equation changes its sign: from 2ax + b = 0, "
            "x = −b/(2a).",
            TOPIC,
        ),
        Misconception(
            "second_derivative_zero",
            "f″ = 0 was solved instead of f′ = 0",
            "A highest or lowest point is where the slope f′ is 0. Where f″ = 0 the graph only "
            "changes how it bends (an inflection point). Solve f′(x) = 0, then use f″ to tell "
            "a minimum from a maximum.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            a = integer(rng, -3, 3, nonzero=True)
            h = integer(rng, 1, 10)
            f = add(monomial(a, 2), monomial(-2 * a * h, 1), const(integer(rng, 15, 25)))
            return {"function": written(f), "find": "minimum" if a > 0 else "maximum"}
        situation = integer(rng, 0, len(SITUATIONS) - 1)
        low, high = SITUATIONS[situation][2]
        while True:
            r1, r2 = _turning_points(rng, level)
            k = pick(rng, RATES) * pick(rng, (1, -1))
            # The start: a whole degree at level 2, a tenth of a degree at level 3.
            tenths = 1 if level == 2 else 10
            start = Fraction(integer(rng, low * tenths, high * tenths), tenths)
            if _realistic(r1, r2, k, start):
                break
        return {
            "function": written(_cubic(r1, r2, k, start)),
            "find": pick(rng, ("minimum", "maximum")),
            "situation": situation,
        }

    def function(self, params: Params) -> Expr:
        return read_function(params["function"])

    def prompt(self, params: Params) -> Prompt:
        which = "lowest" if params["find"] == "minimum" else "highest"
        local = "" if self._degree(params) == 2 else "local "
        if "situation" in params:
            place, after, _ = SITUATIONS[params["situation"]]
            setting = f"The temperature of {place} (°C) x hours after {after} is"
        else:
            setting = "The temperature of a room (°C) x hours after it starts to heat is"
        return (
            setting,
            shown("T", self.function(params)),
            f"At what time x is the temperature at its {local}{which} "
            f"(the {local}{params['find']})?",
        )

    def _degree(self, params: Params) -> int:
        return len(polynomial_coefficients(self.function(params), "x")) - 1

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def solve(self, params: Params) -> Solution[Fraction | float]:
        s = critical_points(self.function(params), "x", name="T")
        wanted = [p for p in s.answer if p.kind == params["find"]]
        if not wanted:
            raise NotSolvable(f"this function has no local {params['find']}")
        x = wanted[0].x
        return Solution(x, (*s.steps, Step(f"The {params['find']} is at x = {x}", x)))

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if formula_problem("tangent-line", params["function"], ("x",)):
            return None
        turning = [p.x for p in critical_points(self.function(params), "x").answer]
        lo = min([0, *turning]) - (2 if min([0, *turning]) < 0 else 0)
        hi = max([0, *turning]) + 2
        return {
            "kind": "tangent-line",
            "params": {
                "function": params["function"],
                "point": number(Fraction(lo)),
                "secant": False,
                "domain": [number(Fraction(lo)), number(Fraction(hi))],
            },
            "caption": "Move P along the curve and watch the tangent: where is it flat, and "
            "does the curve bend up (a minimum) or down (a maximum) there?",
            "after_answer": True,
        }

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "At the top or bottom of a smooth graph the tangent line is flat. What is its slope?",
            "Differentiate T, set T′(x) = 0 and solve for x; then use T″ to tell a minimum "
            "(T″ > 0) from a maximum (T″ < 0).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The function's value at the point instead of the point."""
        f = self.function(params)
        x = self.solve(params).answer
        try:
            value = f.evaluate({"x": x})
        except (ArithmeticError, ValueError):
            return ()
        return (ValueForArgument(value),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        c = polynomial_coefficients(self.function(params), "x")
        x = self.solve(params).answer
        if len(c) == 3:
            _, b, a = c
            return {"power_rule_dropped": -b / a, "sign_error": b / (2 * a)}
        points = critical_points(self.function(params), "x").answer
        others = [p.x for p in points if p.x != x]
        out: dict[str, Any] = {"sign_error": -x}
        if others:
            out = {"second_derivative_reversed": others[0], **out}
        out["second_derivative_zero"] = _inflection(c)
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """How steep T still is where T″ = 0."""
        c = polynomial_coefficients(self.function(params), "x")
        if len(c) != 4:
            return {}
        x0 = _inflection(c)
        slope = 3 * c[3] * x0 * x0 + 2 * c[2] * x0 + c[1]
        return {
            "second_derivative_zero": f"Here T″(x) = 0 at x = {number_text(x0)}, but there "
            f"T′({number_text(x0)}) = {number_text(slope)}, not 0: the graph is not flat."
        }

    def check_inputs(self, params: Params) -> None:
        try:
            degree = self._degree(params)
        except NotSolvable as error:
            raise InputError(f"function: {error}") from None
        if degree not in (2, 3):
            raise InputError("function: give a polynomial of degree 2 or 3, like x^3 - 3x")


def _inflection(c: Sequence[Fraction]) -> Fraction:
    """Where T″ = 6a·x + 2b = 0 for the cubic T = a·x³ + b·x² + …: x = −b/(3a)."""
    return -c[2] / (3 * c[3])
