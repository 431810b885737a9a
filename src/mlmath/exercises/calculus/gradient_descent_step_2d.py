"""Skill: steps of gradient descent on a function of two variables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.expression import Expr, add, const
from mlmath.engine.calculus.gradient import gradient
from mlmath.engine.calculus.gradient_descent import StoppingRule, gradient_descent_2d
from mlmath.engine.exact import Vector
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.descent import RATES, check_rate_and_steps, misconceptions, walk
from mlmath.exercises.calculus.functions import WEEK2, integer, pick, read_function, shown, written
from mlmath.exercises.calculus.two_variables import XY, term
from mlmath.exercises.figures import formula_problem, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import DescentStep, Reversed, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Params, Prompt, Skill

TOPIC = f"{WEEK2} · Optimization using gradient descent: 2 variable"


@register
class GradientDescentStep2D(Skill):
    id = "calculus.gradient_descent_step_2d"
    title = "Gradient descent in two variables"
    summary = "Take steps (x, y) ← (x, y) − α·∇f(x, y) downhill on a surface."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x, y), e.g. x^2 + 2y^2 - 4x"),
        Field("point", "vector", "the starting point (x₀, y₀)", min_size=2, max_size=2),
        Field("learning_rate", "number", "the learning rate α, e.g. 0.1"),
        Field("steps", "integer", "how many steps", required=False, default=1),
    )
    misconceptions = misconceptions(TOPIC)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        terms: list[Expr] = [
            term(integer(rng, 1, 4), 2, 0),
            term(integer(rng, 1, 4), 0, 2),
            term(integer(rng, -9, 9), 1, 0),
            term(integer(rng, -9, 9), 0, 1),
            const(integer(rng, -9, 9)),
        ]
        if level >= 2:
            terms.append(term(integer(rng, -2, 2, nonzero=True), 1, 1))
        point = Vector.of([integer(rng, -4, 4), integer(rng, -4, 4)])
        return {
            "function": written(add(*terms), XY),
            "point": point,
            "learning_rate": pick(rng, RATES[level]),
            "steps": 1 if level < 3 else 2,
        }

    def function(self, params: Params) -> Expr:
        return read_function(params["function"], XY)

    def prompt(self, params: Params) -> Prompt:
        n = params["steps"]
        which = "one step" if n == 1 else f"{n} steps"
        x, y = params["point"]
        return (
            f"Minimise by gradient descent: start at ({x}, {y}) with learning rate "
            f"α = {params['learning_rate']} and take {which} of p ← p − α·∇f(p), where",
            shown("f", self.function(params), XY),
            f"Where are you after {which}? Answer as (x, y).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(2,), decimals=4)

    def solve(self, params: Params) -> Solution[Any]:
        rule = StoppingRule(max_steps=params["steps"])
        return gradient_descent_2d(
            self.function(params), XY, tuple(params["point"]), params["learning_rate"], rule
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        variables = XY
        if formula_problem("gradient-descent", params["function"], variables):
            return None
        return {
            "kind": "gradient-descent",
            "params": {
                "function": params["function"],
                "start": [number(v) for v in params["point"]],
                "learning_rate": number(params["learning_rate"]),
            },
            "caption": "Press Step (or Enter) to walk downhill from the start; then try a "
            "larger learning rate (+) and watch the steps overshoot.",
            "after_answer": True,
        }

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "The gradient points uphill. Which way do you move to go down?",
            "Find ∂f/∂x and ∂f/∂y, evaluate both at the starting point, scale by α and subtract.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One step of p − α·∇f(p): the rate left out, the gradient added, the change alone."""
        if params["steps"] != 1:
            return ()
        p = params["point"]
        where = dict(zip(XY, p, strict=True))
        slope = [d.evaluate(where) for d in gradient(self.function(params), XY).answer.components]
        return (DescentStep(p, slope, params["learning_rate"]), Reversed("(x, y)"))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = self.function(params)
        fx, fy = gradient(f, XY).answer.components
        out = {}
        for name in ("added_gradient", "forgot_learning_rate", "used_function_value"):
            point = walk(
                list(params["point"]),
                lambda p: [d.evaluate({"x": p[0], "y": p[1]}) for d in (fx, fy)],
                lambda p: f.evaluate({"x": p[0], "y": p[1]}),
                learning_rate=params["learning_rate"],
                steps=params["steps"],
                update=name,
            )
            out[name] = Vector.of([Fraction(v) for v in point])
        return out

    def check_inputs(self, params: Params) -> None:
        check_rate_and_steps(params["learning_rate"], params["steps"])
        f = self.function(params)
        if not f.variables() <= set(XY):
            raise InputError("function: use x and y as the variables")
        try:
            answer = self.solve(params).answer
        except (NotSolvable, ValueError) as error:
            raise InputError(f"function: {error}") from None
        if not isinstance(answer, Vector):
            raise InputError("function: use a polynomial so every step stays exact")
