"""Skill: the guess with the smallest squared loss is the mean."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.optimisation import squared_loss_minimum
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.functions import WEEK1, integer
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Division, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Optimizing cost functions in ML: Squared loss"


def _median(values: list[Fraction]) -> Fraction:
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


@register
class SquaredLossMinimum(Skill):
    id = "calculus.squared_loss_minimum"
    title = "Minimise the squared loss"
    summary = "Find the single number closest to the data in squared distance."
    levels = 3
    inputs = (Field("data", "vector", "the data points, e.g. [2, 5, 11]", max_size=10),)
    misconceptions = (
        Misconception(
            "median",
            "The median minimises absolute distance, not squared distance",
            "Setting L′(m) = 2Σ(m − xᵢ) = 0 gives m = (Σxᵢ)/n, the mean. Squaring punishes far "
            "points more, so they pull the answer toward them; "
            "the median ignores how far they are.",
            TOPIC,
        ),
        Misconception(
            "midrange",
            "Halfway between the smallest and largest is not the minimum",
            "Every point counts in the squared loss, not only the two extremes: solve L′(m) = 0, "
            "which gives the mean of all the points.",
            TOPIC,
        ),
        Misconception(
            "two_times_m_only",
            "You expanded 2(m − xᵢ) as 2m − xᵢ",
            "The 2 multiplies both parts of the bracket: 2(m − xᵢ) = 2m − 2xᵢ. So "
            "L′(m) = 2n·m − 2Σxᵢ = 0 gives n·m = Σxᵢ, the mean; doubling only the m's gives "
            "half of it.",
            TOPIC,
            hint="Multiply out 2(m − 1): what does the 2 do to the 1?",
        ),
        Misconception(
            "vertex_without_2",
            "The 2 in the vertex formula −b/(2a) was left out",
            "Multiplied out, L(m) = n·m² − 2(Σxᵢ)·m + Σxᵢ², a parabola with a = n and "
            "b = −2Σxᵢ. Its lowest point is at −b/(2a) = Σxᵢ/n, the mean; −b/a gives twice "
            "the mean.",
            TOPIC,
            hint="Where is the lowest point of a·m² + b·m + c: at −b/a or at −b/(2a)?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = {1: 3, 2: integer(rng, 4, 5), 3: integer(rng, 5, 7)}[level]
        low, high = (0, 12) if level == 1 else (-10, 30) if level == 2 else (-40, 60)
        values = [Fraction(integer(rng, low, high)) for _ in range(n)]
        if level == 1:
            values[-1] += (-sum(values)) % n  # a whole-number mean
        if level == 3:
            values = [v + Fraction(integer(rng, 0, 1), 2) for v in values]
        return {"data": Vector(tuple(values))}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Houses stand along a straight road at these positions (in hundreds of metres):",
            params["data"],
            "Where should a mailbox m go so that the sum of the SQUARED distances "
            "Σ(m − xᵢ)² to the houses is as small as possible?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def solve(self, params: Params) -> Solution[Fraction]:
        return squared_loss_minimum(list(params["data"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "The loss L(m) = Σ(m − xᵢ)² is a parabola in m. Where is a parabola lowest?",
            "Differentiate: L′(m) = 2Σ(m − xᵢ). Set it to 0 and solve for m.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sum not divided by n, or divided by n − 1 (the minimiser is the mean)."""
        values = list(params["data"])
        n = len(values)
        total = sum(values, Fraction(0))
        return (Division(total, n, f"n = {n}", ((n - 1, f"n − 1 = {n - 1}"),)),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        values = list(params["data"])
        mean = sum(values, Fraction(0)) / len(values)
        return {
            "median": _median(values),
            "midrange": (min(values) + max(values)) / 2,
            "two_times_m_only": mean / 2,
            "vertex_without_2": 2 * mean,
        }
