"""Skill: the properties of the derivative — sum, product, quotient and chain rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import numpy as np

from mlmath.engine.calculus.expression import Expr, Func, Var, add, const, div, mul, power
from mlmath.exercises.calculus.derivative_skill import DerivativeSkill
from mlmath.exercises.calculus.functions import WEEK1, integer, monomial, pick, written
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params

TOPIC = f"{WEEK1} · Properties of derivative"


def _linear(rng: np.random.Generator, bound: int) -> Expr:
    return add(monomial(integer(rng, 1, 4), 1), const(integer(rng, -bound, bound, nonzero=True)))


def _factor(rng: np.random.Generator, level: int) -> Expr:
    x = Var("x")
    k = integer(rng, -5, 5, nonzero=True)
    kind = pick(rng, ("exp", "ln", "sin", "cos", "linear"))
    if kind == "exp":
        return Func("exp", mul(const(k), x))
    if kind == "ln":
        if level < 3:
            return Func("ln", x)
        return Func("ln", add(monomial(integer(rng, 1, 4), 2), const(integer(rng, 1, 9))))
    if kind in ("sin", "cos"):
        return Func(kind, mul(const(k), x))
    return _linear(rng, 9)


@register
class DerivativeRules(DerivativeSkill):
    id = "calculus.derivative_rules"
    title = "Product, quotient and chain rules"
    summary = "Differentiate products, quotients and compositions by the rules."
    levels = 3
    misconceptions = (
        Misconception(
            "product_of_derivatives",
            "The derivative of a product was taken as the product of the derivatives",
            "(f·g)′ is f′·g + f·g′: when both factors change, each one's change is scaled by the "
            "other. For x·x = x², f′·g′ would give 1, but the slope is 2x.",
            TOPIC,
        ),
        Misconception(
            "chain_forgotten",
            "The chain rule was forgotten",
            "For f(g(x)), differentiate the outside at the inside, then multiply by the inside's "
            "derivative: d/dx (2x + 1)⁵ = 5(2x + 1)⁴ · 2. This is backpropagation in one line.",
            TOPIC,
        ),
        Misconception(
            "quotient_reversed",
            "The two parts of the quotient rule's numerator were swapped",
            "(f/g)′ = (f′·g − f·g′)/g²: the top's derivative comes first. Swapping the order flips "
            "the sign of the whole answer.",
            TOPIC,
        ),
    )
    mistakes: ClassVar[Mapping[str, str]] = {
        "product_of_derivatives": "product_of_derivatives",
        "chain_forgotten": "chain_forgotten",
        "quotient_reversed": "quotient_reversed",
    }

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        x = Var("x")
        kind = pick(rng, ("product", "quotient", "chain"))
        n = integer(rng, 2, 4 if level == 1 else 7)
        if kind == "product":
            left = monomial(integer(rng, 1, 5 if level > 1 else 1), n) if level > 1 else x
            right = _linear(rng, 9) if level == 1 else _factor(rng, level)
            f = mul(left, right)
        elif kind == "quotient":
            top = x if level == 1 else monomial(integer(rng, 1, 5), integer(rng, 1, 3))
            bottom = _linear(rng, 9)
            if level == 3 and rng.random() < 0.5:
                top = Func("exp", mul(const(integer(rng, -3, 3, nonzero=True)), x))
            f = div(top, bottom)
        else:
            inner = (
                _linear(rng, 9)
                if level == 1
                else add(
                    monomial(integer(rng, 1, 4), integer(rng, 2, 3)),
                    const(integer(rng, -9, 9, nonzero=True)),
                )
            )
            outer = pick(rng, ("power", "power", "sin", "exp")) if level == 3 else "power"
            f = power(inner, const(n)) if outer == "power" else Func(outer, inner)
            if level == 3 and rng.random() < 0.5:
                f = mul(monomial(integer(rng, 1, 5), 1), f)
        if level == 3:
            f = add(
                f,
                monomial(integer(rng, -12, 12, nonzero=True), integer(rng, 1, 4)),
                const(integer(rng, -40, 40)),
            )
        return {"function": written(f)}
