"""Skill: the best-fitting line, found by setting both partial derivatives of the error to 0."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.optimisation import least_squares_line
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.functions import WEEK2, integer
from mlmath.exercises.calculus.tables import check_pairs, matrix_of, pairs, table
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Reversed, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK2} · Optimization using slope method: Linear regression"


@register
class LeastSquaresLine(Skill):
    id = "calculus.least_squares_line"
    title = "The least-squares line"
    summary = (
        "Find the slope and intercept that minimise the squared error "
        "by setting both partials to 0."
    )
    levels = 3
    inputs = (Field("data", "matrix", "rows of [x, y], e.g. [[1, 2], [2, 3], [3, 5]]"),)
    misconceptions = (
        Misconception(
            "endpoints",
            "The line through the first and last points ignores the others",
            "Every point adds to the squared error. Setting ∂E/∂m = 0 and ∂E/∂b = 0 balances "
            "all of them; a line through two chosen points balances only those two.",
            TOPIC,
        ),
        Misconception(
            "no_intercept",
            "The intercept was forced to 0",
            "The line ŷ = m·x + b has two unknowns, so set BOTH partial derivatives to zero and "
            "solve the two equations together.",
            TOPIC,
        ),
        Misconception(
            "b_not_times_n",
            "The sum Σb was written as b instead of n·b",
            "Setting ∂E/∂b = 0 adds the intercept once for every point: Σb = b + b + … = n·b, "
            "so the second normal equation is m·Σx + n·b = Σy, not m·Σx + b = Σy.",
            TOPIC,
            hint="How many terms does Σb have, and what do they add up to?",
        ),
        Misconception(
            "square_of_sum",
            "Σx² was taken as (Σx)², the square of the sum",
            "Σx² squares each x first and then adds: for x = 1, 2, 3 it is 1 + 4 + 9 = 14, "
            "while (Σx)² = 6² = 36. Square each value, then add.",
            TOPIC,
            hint="In Σx², what is squared: each x, or the total?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = {1: 2, 2: 3, 3: integer(rng, 4, 5)}[level]
        xs = sorted({integer(rng, -3 if level == 3 else 0, 8) for _ in range(12)})[:n]
        while len(xs) < n:
            xs.append(xs[-1] + 1)
        m, b = integer(rng, -4, 4), integer(rng, -6, 6)
        noise = 0 if level == 1 else 3
        points = [(x, m * x + b + integer(rng, -noise, noise)) for x in xs]
        return {"data": matrix_of(points)}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Find the line ŷ = m·x + b that makes the squared error E(m, b) = Σ(m·xᵢ + b − yᵢ)² "
            "smallest for these points:",
            table(params["data"], "x", "y"),
            "Answer as (m, b).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(2,), decimals=3)

    def solve(self, params: Params) -> Solution[Vector]:
        points = pairs(params["data"])
        return least_squares_line([x for x, _ in points], [y for _, y in points])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "At the bottom of a bowl the ground is flat in every direction. Which two slopes "
            "must be zero?",
            "Write ∂E/∂m = 0 and ∂E/∂b = 0; each is a linear equation in m and b built from "
            "Σx, Σy, Σx² and Σxy.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """m and b in the wrong order."""
        return (Reversed("(m, b)"),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        points = pairs(params["data"])
        (x0, y0), (x1, y1) = points[0], points[-1]
        slope = (y1 - y0) / (x1 - x0)
        sxx = sum((x * x for x, _ in points), Fraction(0))
        sxy = sum((x * y for x, y in points), Fraction(0))
        sx = sum((x for x, _ in points), Fraction(0))
        sy = sum((y for _, y in points), Fraction(0))
        out: dict[str, Any] = {"endpoints": Vector.of([slope, y0 - slope * x0])}
        if sxx:
            out["no_intercept"] = Vector.of([sxy / sxx, 0])
        # the normal equations m·a + b·Σx = Σxy and m·Σx + b·d = Σy, with a = Σx² or d = n
        # written wrongly
        for misconception_id, a, d in (
            ("b_not_times_n", sxx, Fraction(1)),
            ("square_of_sum", sx * sx, Fraction(len(points))),
        ):
            determinant = a * d - sx * sx
            if determinant:
                m = (sxy * d - sx * sy) / determinant
                out[misconception_id] = Vector.of([m, (sy - m * sx) / d])
        return out

    def check_inputs(self, params: Params) -> None:
        check_pairs(params["data"])
        if len({r[0] for r in params["data"].rows}) < 2:
            raise InputError("data: give at least two points with different x")
