"""Skill: derivatives of the common functions c, x, x², 1/x and xⁿ, with sums and multiples."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np

from mlmath.engine.calculus.expression import Expr, Undefined, Var, add, const, div, power
from mlmath.exercises.calculus.derivative_skill import DerivativeSkill
from mlmath.exercises.calculus.functions import WEEK1, integer, monomial, pick, written
from mlmath.exercises.figures import formula_problem
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params

TOPIC = f"{WEEK1} · Derivative of common functions (c, x, x^2, 1/x)"


def _level1(rng: np.random.Generator) -> Expr:
    kind = pick(rng, ("c", "ax", "ax2", "a/x", "xn", "axn"))
    a = integer(rng, -9, 9, nonzero=True)
    n = integer(rng, 3, 9)
    x = Var("x")
    match kind:
        case "c":
            return const(a * integer(rng, 1, 20))
        case "ax":
            return monomial(a, 1)
        case "ax2":
            return monomial(a, 2)
        case "a/x":
            return div(const(a), x)
        case "xn":
            return power(x, const(n))
    return monomial(a, n)


def _term(rng: np.random.Generator, level: int) -> Expr:
    a = integer(rng, -12, 12, nonzero=True)
    kind = pick(
        rng,
        ("power", "power", "reciprocal", "root")
        if level == 2
        else ("power", "reciprocal", "root", "fraction power"),
    )
    x = Var("x")
    if kind == "power":
        return monomial(a, integer(rng, 2, 7 if level == 2 else 12))
    if kind == "reciprocal":
        return div(const(a), power(x, const(integer(rng, 1, 2 if level == 2 else 4))))
    if kind == "root":
        return monomial(a, Fraction(1, 2))
    return monomial(a, Fraction(integer(rng, 1, 7) * 2 + 1, pick(rng, (2, 3))))


@register
class DerivativeBasic(DerivativeSkill):
    id = "calculus.derivative_basic"
    title = "Derivatives of common functions"
    summary = "Differentiate constants, x, x², 1/x and powers xⁿ, alone and in sums."
    levels = 3
    misconceptions = (
        Misconception(
            "power_keeps_exponent",
            "The exponent was not lowered",
            "The power rule brings the exponent down AND lowers it by one: d/dx xⁿ = n·xⁿ⁻¹. "
            "The slope of x² at x is 2x, not 2x².",
            TOPIC,
        ),
        Misconception(
            "power_raises_exponent",
            "The exponent was raised instead of lowered",
            "Raising the exponent belongs to integration (the reverse direction). "
            "Differentiating lowers it: d/dx xⁿ = n·xⁿ⁻¹.",
            TOPIC,
        ),
        Misconception(
            "constant_kept",
            "A constant was left in the derivative",
            "A constant never changes, so its rate of change is 0: a flat line has slope 0. "
            "Constant terms disappear when you differentiate.",
            TOPIC,
        ),
    )
    mistakes: ClassVar[Mapping[str, str]] = {
        "power_keeps_exponent": "power_keeps_exponent",
        "power_raises_exponent": "power_raises_exponent",
        "constant_kept": "constant_kept",
    }

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if formula_problem("tangent-line", params["function"], ("x",)):
            return None
        f = self.function(params)
        try:
            for x in range(-3, 4):
                f.evaluate({"x": Fraction(x)})
            domain = [-3, 3]
        except (Undefined, ZeroDivisionError):
            domain = [0, 4]  # 1/x, √x: the graph for positive x
        return {
            "kind": "tangent-line",
            "params": {
                "function": params["function"],
                "point": 1,
                "secant": False,
                "domain": domain,
            },
            "caption": "Move P along the graph: the readout gives the slope f′ at each point. "
            "Compare it with your formula for f′(x).",
            "after_answer": True,
        }

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"function": written(_level1(rng))}
        count = 2 if level == 2 else integer(rng, 3, 4)
        terms = [_term(rng, level) for _ in range(count)]
        terms.append(const(integer(rng, -20, 20)))
        return {"function": written(add(*terms))}
