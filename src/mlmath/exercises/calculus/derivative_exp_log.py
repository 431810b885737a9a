"""Skill: derivatives of eˣ and ln x, then of e and ln of something other than x (chain rule)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import numpy as np

from mlmath.engine.calculus.expression import Expr, Func, Var, add, const, mul
from mlmath.exercises.calculus.derivative_skill import DerivativeSkill
from mlmath.exercises.calculus.functions import WEEK1, integer, monomial, pick, written
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params

TOPIC = f"{WEEK1} · Meaning of e and the derivative of e^x"
LOG_TOPIC = f"{WEEK1} · Derivative of log x"


def _inside(rng: np.random.Generator, level: int, outer: str) -> Expr:
    """The inner function; inside ln it stays positive for every x, so ln is defined."""
    if outer == "ln":
        if level == 2:
            return monomial(integer(rng, 1, 9), 1)
        b = integer(rng, -3, 3)
        return add(
            monomial(integer(rng, 1, 4), 2), monomial(b, 1), const(b * b + integer(rng, 1, 6))
        )
    if level == 2:
        return add(monomial(integer(rng, -6, 6, nonzero=True), 1), const(integer(rng, -5, 5)))
    return add(
        monomial(integer(rng, -4, 4, nonzero=True), integer(rng, 2, 3)),
        monomial(integer(rng, -5, 5), 1),
        const(integer(rng, 1, 9)),
    )


@register
class DerivativeExpLog(DerivativeSkill):
    id = "calculus.derivative_exp_log"
    title = "Derivatives of eˣ and ln x"
    summary = "Differentiate e^x and ln x, and (higher levels) e and ln of an inner function."
    levels = 3
    misconceptions = (
        Misconception(
            "exp_power_rule",
            "The power rule was used on eˣ",
            "In eˣ the variable is the exponent, not the base, so the power rule does not apply. "
            "eˣ is the function whose slope equals its height: d/dx eˣ = eˣ.",
            TOPIC,
        ),
        Misconception(
            "ln_without_inner",
            "1/g(x) without g′(x)",
            "d/dx ln u = 1/u holds for u = x only. For ln(g(x)) the chain rule multiplies by the "
            "inside's derivative: g′(x)/g(x).",
            LOG_TOPIC,
        ),
        Misconception(
            "chain_forgotten",
            "The chain rule was forgotten",
            "For e^(g(x)) the outside's derivative e^(g(x)) must be multiplied by the inside's "
            "derivative g′(x): d/dx e^(3x) = 3e^(3x).",
            TOPIC,
        ),
    )
    mistakes: ClassVar[Mapping[str, str]] = {
        "exp_power_rule": "exp_power_rule",
        "ln_without_inner": "ln_without_inner",
        "chain_forgotten": "chain_forgotten",
    }

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        x = Var("x")
        a = integer(rng, -9, 9, nonzero=True)
        b = integer(rng, -9, 9, nonzero=True)
        if level == 1:
            main = pick(rng, ("exp", "ln"))
            head = mul(const(a), Func(main, x))
            extra = pick(rng, ("none", "power", "linear"))
            if extra == "power":
                return {"function": written(add(head, monomial(b, integer(rng, 2, 5))))}
            if extra == "linear":
                return {"function": written(add(head, monomial(b, 1), const(integer(rng, 0, 9))))}
            return {"function": written(head)}
        outer = pick(rng, ("exp", "ln"))
        terms = [mul(const(a), Func(outer, _inside(rng, level, outer)))]
        if level == 3:
            other = "ln" if outer == "exp" else "exp"
            terms.append(mul(const(b), Func(other, _inside(rng, level, other))))
        else:
            terms.append(monomial(b, integer(rng, 1, 3)))
        return {"function": written(add(*terms))}
