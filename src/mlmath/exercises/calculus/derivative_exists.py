"""Skill: does the derivative exist at a point? Smooth, a jump, a corner, or a vertical tangent."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.calculus.existence import Verdict, derivative_exists
from mlmath.engine.calculus.expression import Expr, Func, Var, add, const, div, mul, power, sub
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, Solution
from mlmath.exercises.calculus.functions import (
    WEEK1,
    integer,
    monomial,
    pick,
    read_function,
    shown,
    written,
)
from mlmath.exercises.inputs import Field
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Existence of derivatives"

OPTIONS = (
    Choice("exists", "Yes: the derivative exists there"),
    Choice("jump", "No: the graph breaks (a jump or a hole)"),
    Choice("corner", "No: the graph has a corner"),
    Choice("vertical", "No: the tangent is vertical"),
)


def _function(rng: np.random.Generator, kind: str, a: int, level: int) -> Expr:
    x = Var("x")
    shift = sub(x, const(a))
    k = integer(rng, 1, 4 if level < 3 else 9)
    c = integer(rng, -9, 9) if level < 3 else integer(rng, -30, 30)
    match kind:
        case "corner":
            body: Expr = mul(const(k), Func("abs", shift))
        case "jump":
            body = mul(const(k), div(Func("abs", shift), shift))
        case "vertical":
            body = mul(const(k), power(shift, const(Fraction(1, 3))))
        case _:
            body = mul(const(k), power(shift, const(2)))
            if level == 3:
                body = add(body, monomial(integer(rng, -3, 3, nonzero=True), 3))
    if level == 3:
        body = add(body, monomial(integer(rng, -4, 4), 2), monomial(integer(rng, -6, 6), 1))
    return add(body, const(c))


@register
class DerivativeExists(Skill):
    id = "calculus.derivative_exists"
    title = "Where a derivative exists"
    summary = "Decide whether a function has a derivative at a point, and why not when it has none."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x), e.g. abs(x - 2)"),
        Field("point", "number", "the x where the derivative is asked for"),
    )
    misconceptions = (
        Misconception(
            "continuous_means_differentiable",
            "Continuous is not enough",
            "A graph you can draw without lifting the pen can still have a corner (like |x| at 0) "
            "or a vertical tangent (like x^(1/3) at 0). A derivative needs one finite slope.",
            TOPIC,
        ),
        Misconception(
            "turning_point_is_corner",
            "A smooth turning point is not a corner",
            "At the bottom of a parabola the slope is 0 from both sides: the tangent is flat and "
            "the derivative exists (it is 0). A corner is where the two sides disagree.",
            TOPIC,
        ),
        Misconception(
            "break_is_corner",
            "A break is worse than a corner",
            "Where the graph jumps (or has a hole) it is not even continuous, so no tangent line "
            "can touch it; a corner is a continuous graph with two different slopes.",
            TOPIC,
        ),
        Misconception(
            "jump_needs_break",
            "A jump needs the graph to break",
            "The graph breaks only where f is undefined or the values just left and right of "
            "the point do not meet f's value there. If they all meet, the graph is "
            "unbroken; look at the slopes instead.",
            TOPIC,
        ),
        Misconception(
            "corner_needs_two_finite_slopes",
            "A corner needs two different finite slopes",
            "At a corner the slopes from the left and from the right are both finite and "
            "differ (|x| at 0: −1 and 1). Equal slopes mean a smooth point; slopes that grow "
            "without bound mean a vertical tangent.",
            TOPIC,
        ),
        Misconception(
            "vertical_needs_unbounded_slope",
            "A vertical tangent needs the slope to grow without bound",
            "The tangent is vertical only where the secant slopes get steeper and steeper "
            "near the point (x^(1/3) at 0). Finite slopes give a smooth point or a corner.",
            TOPIC,
        ),
        Misconception(
            "break_has_no_derivative",
            "Where the graph breaks there is no derivative",
            "A tangent line must touch the graph at the point; where the graph jumps or has "
            "a hole, no line can, so the derivative does not exist there.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        kind = pick(rng, ("exists", "jump", "corner", "vertical"))
        a = integer(rng, -5, 5) if level > 1 else integer(rng, 0, 3)
        f = _function(rng, kind, a, level)
        point = Fraction(a)
        if level == 3 and kind == "exists" and rng.random() < 0.5:
            point = Fraction(a + integer(rng, 1, 3))
        return {"function": written(f), "point": point}

    def prompt(self, params: Params) -> Prompt:
        f = read_function(params["function"])
        return (
            "Does this function have a derivative at x = " + str(params["point"]) + "?",
            shown("f", f),
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def solve(self, params: Params) -> Solution[Verdict]:
        return derivative_exists(read_function(params["function"]), "x", params["point"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Picture the graph near the point: is it one unbroken, smooth curve there?",
            "Compare the slope just to the left of the point with the slope just to the right.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        """Every wrong option, by the belief that picks it."""
        answer = self.solve(params).answer
        picked = {
            "exists": (
                "turning_point_is_corner"
                if answer == "exists"
                else "break_has_no_derivative"
                if answer == "jump"
                else "continuous_means_differentiable"
            ),
            "jump": "jump_needs_break",
            "corner": "break_is_corner" if answer == "jump" else "corner_needs_two_finite_slopes",
            "vertical": "vertical_needs_unbounded_slope",
        }
        if answer == "exists":
            picked["corner"] = "turning_point_is_corner"
            del picked["exists"]
        return {m: option for option, m in picked.items() if option != answer}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """What the graph does next to the point: its values there, or its slopes."""
        look = self.solve(params).steps[0]
        assert isinstance(look.math, Formula)
        seen, at = look.math.text(), f"x = {number_text(Fraction(params['point']))}"
        here = (
            f"Here the secant slopes next to {at} (h = 10⁻⁶) are {seen}."
            if seen.startswith("left")
            else f"Here, next to {at} (h = 10⁻⁶): {seen}."
        )
        return dict.fromkeys(self.buggy_answers(params), here)
