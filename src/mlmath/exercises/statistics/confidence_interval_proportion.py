"""Skill: a confidence interval for a proportion."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.distributions import normal_quantile
from mlmath.engine.statistics.intervals import Interval, proportion_interval
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Critical, Slip, StandardError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    StatisticsSkill,
    confidence_text,
    integer,
    interval_format,
    pick,
)

TOPIC = f"{W4_INTERVALS} · Interval estimation"
STORIES = (
    "Of {n} visitors to a website's new page, {k} signed up",
    "Of {n} seeds planted, {k} sprouted",
    "Of {n} patients given a treatment, {k} recovered within a week",
)


@register
class ConfidenceIntervalProportion(StatisticsSkill):
    id = "statistics.confidence_interval_proportion"
    title = "Confidence interval for a proportion"
    summary = "p̂ ± z*·√(p̂(1 − p̂)/n)."
    levels = 3
    inputs = (
        Field("successes", "integer", "how many have the property"),
        Field("n", "integer", "the sample size"),
        Field("confidence", "number", "the confidence level, like 0.95"),
    )
    misconceptions = (
        Misconception(
            "forgot_root",
            "You forgot the square root",
            "The standard error is √(p̂(1 − p̂)/n); p̂(1 − p̂)/n is its square, the variance.",
            TOPIC,
        ),
        Misconception(
            "one_sided_critical",
            "You used a one-sided critical value",
            "A two-sided interval leaves (1 − C)/2 in each tail.",
            TOPIC,
        ),
        Misconception(
            "forgot_n",
            "You did not divide by n",
            "√(p̂(1 − p̂)) is the spread of one 0/1 answer; the proportion of n answers "
            "varies less: divide by n under the root.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = pick(rng, (100, 200, 400, 500)) if level == 1 else integer(rng, 40, 3000)
        confidence = 0.95 if level == 1 else pick(rng, (0.9, 0.95, 0.99))
        low, high = (0.2, 0.8) if level < 3 else (0.03, 0.97)
        k = integer(rng, max(1, int(low * n)), min(n - 1, int(high * n)))
        return {"successes": k, "n": n, "confidence": confidence, "story": integer(rng, 0, 2)}

    def prompt(self, params: Params) -> Prompt:
        what = STORIES[params.get("story", 0)].format(n=params["n"], k=params["successes"])
        return (
            f"{what}. Give the {confidence_text(params['confidence'])} confidence interval for "
            "the proportion in the whole population as (lower, upper), to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return interval_format(3)

    def solve(self, params: Params) -> Solution[Interval]:
        return proportion_interval(
            int(params["successes"]), int(params["n"]), float(params["confidence"])
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What is the sample proportion, and how much would it vary from sample to sample?",
            "SE = √(p̂(1 − p̂)/n); the interval is p̂ ± z*·SE.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """t for z, one tail, n for √n, the spread for the standard error."""
        k, n, confidence = int(params["successes"]), int(params["n"]), float(params["confidence"])
        p = k / n
        z = normal_quantile(1 - (1 - confidence) / 2)
        spread = math.sqrt(p * (1 - p))
        return (
            Critical(
                lambda c: (p - c * spread / math.sqrt(n), p + c * spread / math.sqrt(n)),
                confidence,
                t_df=n - 1,
                z_reason="a proportion's interval uses the normal approximation",
            ),
            StandardError(spread, n, lambda se: (p - z * se, p + z * se)),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        k, n, confidence = int(params["successes"]), int(params["n"]), float(params["confidence"])
        p = k / n
        z = normal_quantile(1 - (1 - confidence) / 2)

        def around(margin: float) -> Interval:
            return (p - margin, p + margin)

        return {
            "forgot_root": around(z * p * (1 - p) / n),
            "one_sided_critical": around(normal_quantile(confidence) * math.sqrt(p * (1 - p) / n)),
            "forgot_n": around(z * math.sqrt(p * (1 - p))),
        }
