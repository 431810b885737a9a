"""Skill: probabilities of a continuous uniform variable — areas of rectangles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.continuous import uniform_probability
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_RANDOM_VARIABLES,
    integer,
    is_clean,
    probability_format,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Continuous random variables: Uniform distribution"
STORIES = (
    "A bus comes every {b} minutes; you arrive at a random moment, and X is your wait in "
    "minutes, uniform on [{a}, {b}].",
    "A random number generator returns X uniform on [{a}, {b}].",
    "A delivery arrives at a time X (minutes after noon) uniform on [{a}, {b}].",
)


@register
class UniformProbability(Skill):
    id = "probability.uniform_probability"
    title = "The continuous uniform distribution"
    summary = "For X ~ U(a, b), P(c ≤ X ≤ d) = (length of [c, d] inside [a, b]) / (b − a)."
    levels = 3
    inputs = (
        Field("a", "number", "the lower end of the distribution"),
        Field("b", "number", "the upper end of the distribution"),
        Field("lower", "number", "the lower end of the interval asked about"),
        Field("upper", "number", "the upper end of the interval asked about"),
    )
    misconceptions = (
        Misconception(
            "density_as_probability",
            "You gave the height of the density",
            "1/(b − a) is the density — height, not area. A probability is an area: "
            "multiply the height by the interval's length.",
            TOPIC,
        ),
        Misconception(
            "divided_by_b",
            "You divided by b instead of b − a",
            "The density spreads over the whole interval [a, b], whose length is b − a.",
            TOPIC,
        ),
        Misconception(
            "not_clipped",
            "You counted part of the interval outside [a, b]",
            "X never falls outside [a, b]; the density is 0 there. Keep only the overlap.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                a, b = 0, integer(rng, 2, 12)
                lower = integer(rng, 0, b - 1)
                upper = integer(rng, lower + 1, b)
            elif level == 2:
                a = integer(rng, 1, 20)
                b = a + integer(rng, 3, 40)
                lower = integer(rng, a, b - 1)
                upper = integer(rng, lower + 1, b)
            else:
                a = integer(rng, -50, 50)
                b = a + integer(rng, 5, 100)
                lower = integer(rng, a - 10, b - 2)
                upper = integer(rng, max(lower + 1, a + 1), b + 10)
            params = {
                "a": Fraction(a),
                "b": Fraction(b),
                "lower": Fraction(lower),
                "upper": Fraction(upper),
                "story": 0 if level == 1 and a == 0 else integer(rng, 1, 2),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        story = STORIES[params.get("story", 1)].format(a=params["a"], b=params["b"])
        return (f"{story} What is P({params['lower']} ≤ X ≤ {params['upper']})?",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        return uniform_probability(params["a"], params["b"], params["lower"], params["upper"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Draw the density: a flat rectangle over [a, b] with total area 1. How tall is it?",
            "The probability is the area over [c, d] — only the part inside [a, b].",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a, b, lo, hi = params["a"], params["b"], params["lower"], params["upper"]
        inside = max(min(hi, b) - max(lo, a), Fraction(0))
        out: dict[str, Any] = {"density_as_probability": 1 / (b - a)}
        if b != 0:
            out["divided_by_b"] = inside / b
        if (lo, hi) != (max(lo, a), min(hi, b)):
            out["not_clipped"] = (hi - lo) / (b - a)
        return out
