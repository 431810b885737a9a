"""Skill: a density is not a probability — the probability of an interval is an area."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.continuous import linear_density_probability
from mlmath.engine.probability.notation import decimal_text
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

TOPIC = f"{W1_RANDOM_VARIABLES} · Probability distribution function"


@register
class PdfInterval(Skill):
    id = "probability.pdf_interval"
    title = "Density versus probability"
    summary = "P(a ≤ X ≤ b) is the area under the density f between a and b, not f's height."
    levels = 3
    inputs = (
        Field("m", "number", "X has density f(x) = 2x/m² on [0, m]"),
        Field("lower", "number", "the lower end of the interval"),
        Field("upper", "number", "the upper end of the interval"),
    )
    misconceptions = (
        Misconception(
            "density_as_probability",
            "You read the density at a point as a probability",
            "f(x) is a height (probability per unit of x) and can even be larger than 1. "
            "The probability of an interval is the area under f over it.",
            TOPIC,
        ),
        Misconception(
            "rectangle_at_left",
            "You used a rectangle as tall as f at the left end",
            "f changes across the interval. Under a straight line the area is a trapezoid: "
            "width × the average of the two heights.",
            TOPIC,
        ),
        Misconception(
            "difference_of_densities",
            "You subtracted the two densities",
            "f(b) − f(a) is a difference of heights. The probability is the area between a "
            "and b: the CDF difference F(b) − F(a), with F(x) = x²/m² here.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                m = integer(rng, 2, 3)
                lower, upper = sorted((integer(rng, 0, m), integer(rng, 0, m)))
                m_, lo, hi = Fraction(m), Fraction(lower), Fraction(upper)
            else:
                scale = 10 if level == 2 else 100
                m = integer(rng, 1, 10 if level == 2 else 60)
                a, b = sorted(rng.choice(np.arange(0, m * scale + 1), 2, replace=False))
                m_, lo, hi = Fraction(m), Fraction(int(a), scale), Fraction(int(b), scale)
            if lo == hi:
                continue
            params = {"m": m_, "lower": lo, "upper": hi}
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        m, lo, hi = params["m"], params["lower"], params["upper"]

        return (
            f"X has density f(x) = 2x/{m * m} for 0 ≤ x ≤ {m} (and 0 elsewhere). What is "
            f"P({decimal_text(lo)} ≤ X ≤ {decimal_text(hi)})?",  # as drawn: 5.5, not 11/2
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        return linear_density_probability(params["m"], params["lower"], params["upper"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Sketch f: a straight line rising from 0. Which shape lies under it between the "
            "two ends?",
            "Area of a trapezoid: width × (height at the left + height at the right) / 2.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        m, lo, hi = params["m"], params["lower"], params["upper"]
        c = Fraction(2) / (m * m)
        out: dict[str, Any] = {
            "density_as_probability": c * hi,
            "rectangle_at_left": (hi - lo) * c * lo,
        }
        if lo > 0:
            out["difference_of_densities"] = c * hi - c * lo
        return out
