"""Skill: one gradient-descent step for a line fitted to a tiny data set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.gradient_descent import regression_gradient, regression_step
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.descent import RATES, misconceptions
from mlmath.exercises.calculus.functions import WEEK2, integer, pick
from mlmath.exercises.calculus.tables import check_pairs, matrix_of, pairs, table
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import DescentStep, Reversed, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK2} · Gradient descent for linear regression"


@register
class LinearRegressionGradient(Skill):
    id = "calculus.linear_regression_gradient"
    title = "A gradient-descent step for linear regression"
    summary = (
        "Update the slope and intercept of a line once, "
        "against the gradient of the mean squared error."
    )
    levels = 3
    inputs = (
        Field("data", "matrix", "rows of [x, y], e.g. [[1, 2], [2, 4]]"),
        Field("point", "vector", "the current [slope, intercept]", min_size=2, max_size=2),
        Field("learning_rate", "number", "the learning rate α, e.g. 0.1"),
    )
    misconceptions = (
        *misconceptions(TOPIC)[:2],
        Misconception(
            "forgot_average",
            "The sum was not divided by n",
            "The loss is the MEAN squared error, (1/n)Σ(ŷᵢ − yᵢ)², so each partial derivative "
            "carries 2/n, not just 2.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = {1: 2, 2: 3, 3: 4}[level]
        xs = sorted({integer(rng, 0, 6) for _ in range(8)})[:n]
        while len(xs) < n:
            xs.append(xs[-1] + 1)
        m, b = integer(rng, -3, 3), integer(rng, -5, 5)
        points = [(x, m * x + b + integer(rng, -2, 2)) for x in xs]
        start = (
            Vector.of([0, 0])
            if level == 1
            else Vector.of([integer(rng, -2, 2), integer(rng, -2, 2)])
        )
        return {"data": matrix_of(points), "point": start, "learning_rate": pick(rng, RATES[level])}

    def prompt(self, params: Params) -> Prompt:
        m, b = params["point"]
        return (
            "A line ŷ = m·x + b is fitted to these points by minimising the mean squared error "
            "L(m, b) = (1/n)Σ(m·xᵢ + b − yᵢ)²:",
            table(params["data"], "x", "y"),
            f"Starting from m = {m}, b = {b}, take one gradient-descent step with learning rate "
            f"α = {params['learning_rate']}. What are the new (m, b)?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(2,), decimals=4)

    def solve(self, params: Params) -> Solution[Vector]:
        m, b = params["point"]
        return regression_step(pairs(params["data"]), m, b, params["learning_rate"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How far is the current line from each point? Start with the errors ŷᵢ − yᵢ.",
            "∂L/∂m = (2/n)Σ(ŷᵢ − yᵢ)xᵢ and ∂L/∂b = (2/n)Σ(ŷᵢ − yᵢ); then subtract α times each.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One step of (m, b) − α·∇L: the rate left out, the gradient added, the change alone,
        the mean's division by n; m and b swapped."""
        m, b = params["point"]
        points = pairs(params["data"])
        dm, db = regression_gradient(points, m, b)
        return (DescentStep((m, b), (dm, db), params["learning_rate"]), Reversed("(m, b)"))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        m, b = params["point"]
        alpha: Fraction = params["learning_rate"]
        points = pairs(params["data"])
        dm, db = regression_gradient(points, m, b)
        n = len(points)
        return {
            "added_gradient": Vector.of([m + alpha * dm, b + alpha * db]),
            "forgot_learning_rate": Vector.of([m - dm, b - db]),
            "forgot_average": Vector.of([m - alpha * dm * n, b - alpha * db * n]),
        }

    def check_inputs(self, params: Params) -> None:
        check_pairs(params["data"])
        if not 0 < params["learning_rate"] <= 10:
            raise InputError("learning_rate: give a positive number such as 0.1")
