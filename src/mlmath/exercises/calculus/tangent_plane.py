"""Skill: the tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Expression, Kind
from mlmath.engine.calculus.expression import Expr, Var, add, const, mul
from mlmath.engine.calculus.tangent_plane import plane_expression, plane_values, tangent_plane
from mlmath.engine.exact import Vector
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.exercises.calculus.functions import (
    WEEK2,
    as_answer,
    integer,
    read_function,
    shown,
    written,
)
from mlmath.exercises.calculus.two_variables import XY, polynomial_xy, term
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK2} · Intro to gradients"


@register
class TangentPlane(Skill):
    id = "calculus.tangent_plane"
    title = "The tangent plane"
    summary = "z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b): the height and slopes at (a, b)."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x, y), e.g. x^2 + 3xy"),
        Field("point", "vector", "the point (a, b), e.g. [1, 2]", min_size=2, max_size=2),
    )
    misconceptions = (
        Misconception(
            "no_height",
            "The plane must pass through the point: f(a, b) is missing",
            "The tangent plane touches the surface at (a, b), so at x = a, y = b it must give "
            "z = f(a, b). Start from that height and add the slopes times the steps.",
            TOPIC,
        ),
        Misconception(
            "not_shifted",
            "Use the steps (x − a) and (y − b), not x and y",
            "The slopes apply to how far you move FROM the point: f_x(a, b)·(x − a). With x "
            "alone the plane passes through the wrong height at (a, b).",
            TOPIC,
        ),
        Misconception(
            "swapped_slopes",
            "The two slopes were swapped",
            "f_x(a, b) is the slope in the x direction, so it multiplies (x − a); f_y(a, b) "
            "multiplies (y − b).",
            TOPIC,
        ),
        Misconception(
            "shifted_wrong_way",
            "The steps go from the point: (x − a), not (x + a)",
            "The step in x is how far x is from a, x − a, and it is 0 at the point itself. "
            "With (x + a) and (y + b) the plane touches the surface at (−a, −b) instead. "
            "Watch the signs when a coordinate is negative: a = −3 gives x − (−3) = x + 3.",
            TOPIC,
            hint="Put x = a and y = b into your plane: are both steps 0 there, leaving "
            "z = f(a, b)?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                f = add(
                    term(integer(rng, -5, 5, nonzero=True), 2, 0),
                    term(integer(rng, -5, 5, nonzero=True), 0, 2),
                    term(integer(rng, -9, 9), 1, 0),
                    const(integer(rng, -9, 9)),
                )
                size = 3
            else:
                f, size = polynomial_xy(rng, level), 3 if level == 2 else 4
            point = Vector.of([integer(rng, -size, size), integer(rng, -size, size)])
            params = {"function": written(f, XY), "point": point}
            _, fx, fy = plane_values(f, point.entries)
            if fx != 0 and fy not in (0, fx) and not point.is_zero():
                return params

    def function(self, params: Params) -> Expr:
        return read_function(params["function"], XY)

    def prompt(self, params: Params) -> Prompt:
        a, b = params["point"]
        return (
            "Find the tangent plane to the surface z = f(x, y) with",
            shown("f", self.function(params), XY),
            f"at the point (a, b) = ({a}, {b}). Give the right-hand side of z = … in x and y.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.EXPRESSION, variables=XY)

    def check_inputs(self, params: Params) -> None:
        if not self.function(params).variables() <= set(XY):
            raise InputError("function: use x and y as the only variables")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Expression]:
        s = tangent_plane(self.function(params), params["point"].entries)
        return WorkedLater(as_answer(s.answer, XY), lambda: s.steps)

    def answer(self, params: Params) -> Expression:
        a, b = params["point"]
        height, fx, fy = plane_values(self.function(params), (a, b))
        return as_answer(plane_expression(height, fx, fy, a, b), XY)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "A plane through the point needs the height there and two slopes. Where do they "
            "come from?",
            "Compute f(a, b), f_x(a, b) and f_y(a, b); then z = f(a, b) + f_x(a, b)(x − a) + "
            "f_y(a, b)(y − b).",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a, b = params["point"]
        height, fx, fy = plane_values(self.function(params), (a, b))
        x, y = Var("x"), Var("y")
        return {
            "no_height": as_answer(plane_expression(Fraction(0), fx, fy, a, b), XY),
            "not_shifted": as_answer(add(const(height), mul(const(fx), x), mul(const(fy), y)), XY),
            "swapped_slopes": as_answer(plane_expression(height, fy, fx, a, b), XY),
            "shifted_wrong_way": as_answer(plane_expression(height, fx, fy, -a, -b), XY),
        }
