"""Skill: the derivative at a point — the slope of the tangent there, f′(a)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.differentiation import derivative_of, mistaken_derivative
from mlmath.engine.calculus.expression import (
    Expr,
    Func,
    Undefined,
    Value,
    Var,
    add,
    const,
    div,
    mul,
    power,
)
from mlmath.engine.calculus.slope_at_point import derivative_at, value_at
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import (
    WEEK1,
    integer,
    monomial,
    pick,
    read_function,
    shown,
    written,
)
from mlmath.exercises.calculus.rule_slips import rule_slips
from mlmath.exercises.figures import formula_problem, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Mistake, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Derivative of common functions (c, x, x^2, 1/x)"


def _polynomial(rng: np.random.Generator, top: int, size: int) -> Expr:
    return add(
        *(monomial(integer(rng, -size, size), k) for k in range(top, 0, -1)),
        const(integer(rng, -size, size)),
    )


def _level2(rng: np.random.Generator) -> tuple[Expr, Fraction]:
    x = Var("x")
    kind = pick(rng, ("reciprocal", "root", "power"))
    a, b = integer(rng, -9, 9, nonzero=True), integer(rng, -9, 9, nonzero=True)
    if kind == "reciprocal":
        term, point = div(const(a), power(x, const(integer(rng, 1, 2)))), pick(rng, (-2, -1, 1, 2))
    elif kind == "root":
        term, point = monomial(a, Fraction(1, 2)), pick(rng, (1, 4, 9))
    else:
        term, point = monomial(a, integer(rng, 3, 5)), integer(rng, -2, 2)
    return add(term, monomial(b, integer(rng, 1, 2)), const(integer(rng, -9, 9))), Fraction(point)


def _level3(rng: np.random.Generator) -> tuple[Expr, Fraction]:
    x = Var("x")
    kind = pick(rng, ("exp product", "log product", "exp quotient", "chain"))
    c, k, n = (
        integer(rng, -5, 5, nonzero=True),
        integer(rng, -3, 3, nonzero=True),
        integer(rng, 1, 3),
    )
    if kind == "exp product":
        term, point = mul(monomial(c, n), Func("exp", mul(const(k), x))), integer(rng, -1, 1)
    elif kind == "log product":
        term, point = mul(monomial(c, n), Func("ln", x)), integer(rng, 1, 4)
    elif kind == "exp quotient":
        term, point = (
            div(mul(const(c), Func("exp", mul(const(k), x))), power(x, const(n))),
            integer(rng, 1, 3),
        )
    else:
        inner = add(mul(const(integer(rng, 1, 4)), x), const(integer(rng, -5, 5, nonzero=True)))
        term, point = mul(const(c), power(inner, const(integer(rng, 2, 4)))), integer(rng, -2, 2)
    extra = add(
        monomial(integer(rng, -12, 12, nonzero=True), integer(rng, 1, 2)),
        const(integer(rng, -12, 12)),
    )
    return add(term, extra), Fraction(point)


@register
class DerivativeAtPoint(Skill):
    id = "calculus.derivative_at_point"
    title = "The derivative at a point"
    summary = "Differentiate, then put the point in: f′(a) is the slope of the tangent at x = a."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x), e.g. 3x^2 - 4x + 1"),
        Field("point", "number", "the x where the slope is asked for"),
    )
    misconceptions = (
        Misconception(
            "height_not_slope",
            "That is f(a), the height of the graph, not its slope",
            "f′(a) measures how steeply f climbs at x = a. Put the point into the DERIVATIVE "
            "f′(x), not into f(x).",
            TOPIC,
        ),
        Misconception(
            "substituted_first",
            "The point was put in before differentiating",
            "f(a) is a single number, and the derivative of a number is 0. Differentiate first, "
            "then put x = a into f′(x).",
            TOPIC,
        ),
        Misconception(
            "power_keeps_exponent",
            "The exponent was not lowered",
            "The power rule brings the exponent down AND lowers it by one: d/dx xⁿ = n·xⁿ⁻¹, "
            "so the slope of x³ at 2 is 3·2² = 12, not 3·2³ = 24.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                f, a = _polynomial(rng, integer(rng, 2, 3), 5), Fraction(integer(rng, -3, 3))
            elif level == 2:
                f, a = _level2(rng)
            else:
                f, a = _level3(rng)
            params = {"function": written(f), "point": a}
            try:
                answer = self.answer(params)
                height = value_at(self.function(params), "x", a)
            except NotSolvable:
                continue
            if answer not in (0, height):
                return params

    def function(self, params: Params) -> Expr:
        return read_function(params["function"])

    def prompt(self, params: Params) -> Prompt:
        a = params["point"]
        return (
            "How steep is the graph of",
            shown("f", self.function(params)),
            f"at x = {a}? Find f′({a}), exactly or to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=3)

    def check_inputs(self, params: Params) -> None:
        if not self.function(params).variables() <= {"x"}:
            raise InputError("function: use x as the only variable")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Value]:
        return derivative_at(self.function(params), params["point"])

    def answer(self, params: Params) -> Value:
        return value_at(derivative_of(self.function(params)), "x", params["point"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which function tells you the slope at every x?",
            f"Find f′(x) with the rules first; then put x = {params['point']} into f′(x).",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f, a = self.function(params), params["point"]
        out: dict[str, Any] = {"substituted_first": Fraction(0)}
        with contextlib.suppress(NotSolvable):
            out["height_not_slope"] = value_at(f, "x", a)
        with contextlib.suppress(Undefined, ZeroDivisionError):
            out["power_keeps_exponent"] = mistaken_derivative(
                f, "x", "power_keeps_exponent"
            ).evaluate({"x": a})
        return out

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The skill's named mistakes, then a rule applied wrongly at one place."""
        yield from super().own_mistakes(params)
        a = params["point"]
        yield from rule_slips(
            self.function(params), "x", lambda wrong: value_at(wrong, "x", a), topic=TOPIC
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if formula_problem("tangent-line", params["function"], ("x",)):
            return None
        a = params["point"]
        if abs(a) > 50:
            return None
        domain: list[int | float] | None
        try:
            for x in range(-3, 4):
                self.function(params).evaluate({"x": a + x})
            domain = [number(a - 3), number(a + 3)]
        except (Undefined, ZeroDivisionError):
            domain = [number(a / 4), number(a * 2)] if a > 0 else None
        if domain is None:
            return None
        return {
            "kind": "tangent-line",
            "params": {
                "function": params["function"],
                "point": number(a),
                "secant": False,
                "domain": domain,
            },
            "caption": "The tangent touches the graph at x = a; its slope is f′(a). Move the "
            "point and watch the slope change.",
            "after_answer": True,
        }
