"""Skill: steps of gradient descent on a function of one variable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Expr, add, const
from mlmath.engine.calculus.gradient_descent import StoppingRule, gradient_descent_1d
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.descent import RATES, check_rate_and_steps, misconceptions, walk
from mlmath.exercises.calculus.functions import (
    WEEK2,
    integer,
    monomial,
    pick,
    read_function,
    shown,
    written,
)
from mlmath.exercises.figures import formula_problem, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import DescentStep, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Params, Prompt, Skill

TOPIC = f"{WEEK2} · Optimization using gradient descent: 1 variable"


@register
class GradientDescentStep1D(Skill):
    id = "calculus.gradient_descent_step_1d"
    title = "Gradient descent in one variable"
    summary = "Take one or two steps x ← x − α·f′(x) downhill."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x), e.g. x^2 - 4x"),
        Field("point", "number", "the starting point x₀"),
        Field("learning_rate", "number", "the learning rate α, e.g. 0.1"),
        Field("steps", "integer", "how many steps", required=False, default=1),
    )
    misconceptions = misconceptions(TOPIC)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        a = integer(rng, 1, 3 if level == 1 else 5)
        f: Expr = add(
            monomial(a, 2),
            monomial(integer(rng, -9, 9, nonzero=True), 1),
            const(integer(rng, -30, 30)),
        )
        if level >= 2 and rng.random() < 0.5:
            f = add(monomial(integer(rng, -2, 2, nonzero=True), 3), f)
        if level == 3:
            f = add(monomial(integer(rng, 1, 2), 4), f)
        x0 = Fraction(integer(rng, -5, 5) if level < 3 else integer(rng, -9, 9))
        return {
            "function": written(f),
            "point": x0,
            "learning_rate": pick(rng, RATES[level]),
            "steps": 1 if level < 3 else 2,
        }

    def function(self, params: Params) -> Expr:
        return read_function(params["function"])

    def prompt(self, params: Params) -> Prompt:
        n = params["steps"]
        which = "one step" if n == 1 else f"{n} steps"
        return (
            f"Minimise by gradient descent: start at x₀ = {params['point']} with learning rate "
            f"α = {params['learning_rate']} and take {which} of x ← x − α·f′(x), where",
            shown("f", self.function(params)),
            f"What is x after {which}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[Any]:
        rule = StoppingRule(max_steps=params["steps"])
        return gradient_descent_1d(
            self.function(params), "x", params["point"], params["learning_rate"], rule
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        variables = ("x",)
        if formula_problem("gradient-descent", params["function"], variables):
            return None
        return {
            "kind": "gradient-descent",
            "params": {
                "function": params["function"],
                "start": number(params["point"]),
                "learning_rate": number(params["learning_rate"]),
            },
            "caption": "Press Step (or Enter) to walk downhill from the start; then try a "
            "larger learning rate (+) and watch the steps overshoot.",
            "after_answer": True,
        }

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which way is downhill: the direction of the slope, or against it?",
            f"First find f′(x), then its value at x₀ = {params['point']}; "
            "the step is the learning rate times that slope.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One step of x − α·f′(x): the rate left out, the gradient added, the change alone."""
        if params["steps"] != 1:
            return ()
        x = params["point"]
        slope = derivative(self.function(params), "x").answer.evaluate({"x": x})
        return (DescentStep(x, slope, params["learning_rate"]),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = self.function(params)
        slope = derivative(f, "x").answer
        out = {}
        for name in ("added_gradient", "forgot_learning_rate", "used_function_value"):
            point = walk(
                [params["point"]],
                lambda p: [slope.evaluate({"x": p[0]})],
                lambda p: f.evaluate({"x": p[0]}),
                learning_rate=params["learning_rate"],
                steps=params["steps"],
                update=name,
            )
            out[name] = point[0]
        return out

    def check_inputs(self, params: Params) -> None:
        check_rate_and_steps(params["learning_rate"], params["steps"])
        f = self.function(params)
        if not f.variables() <= {"x"}:
            raise InputError("function: use x as the only variable")
        try:
            self.solve(params)
        except (NotSolvable, ValueError) as error:
            raise InputError(f"function: {error}") from None
