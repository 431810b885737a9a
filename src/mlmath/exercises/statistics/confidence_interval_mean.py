"""Skill: a confidence interval for a population mean, with z (σ known) or t (σ unknown)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.distributions import normal_quantile, t_quantile
from mlmath.engine.statistics.intervals import Interval, mean_interval
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Critical, Slip, StandardError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    StatisticsSkill,
    confidence_text,
    exact_summary,
    integer,
    interval_format,
    normal_data,
    pick,
    sample_summary,
    shown,
)

TOPIC = f"{W4_INTERVALS} · Confidence Interval for mean of population"
STORIES = (
    ("the battery life of a phone model", "hours", 20, 3),
    ("the time customers wait at a counter", "minutes", 8, 2),
    ("the height of a class of students", "cm", 168, 9),
)


def _interval(mean: float, sd: float, n: int, critical: float) -> Interval:
    margin = critical * sd / math.sqrt(n)
    return (mean - margin, mean + margin)


@register
class ConfidenceIntervalMean(StatisticsSkill):
    id = "statistics.confidence_interval_mean"
    title = "Confidence interval for a mean"
    summary = "x̄ ± z*·σ/√n when σ is known; x̄ ± t*ₙ₋₁·s/√n when it is estimated."
    levels = 3
    inputs = (
        Field("confidence", "number", "the confidence level, like 0.95"),
        Field("data", "data", "the sample (instead of mean, sd and n)", required=False),
        Field("mean", "number", "the sample mean x̄", required=False),
        Field("sd", "number", "σ if known, else the sample standard deviation s", False),
        Field("n", "integer", "the sample size", required=False),
        Field(
            "sd_known",
            "choice",
            "is σ the population's, known in advance?",
            False,
            "no",
            choices=("yes", "no"),
        ),
    )
    misconceptions = (
        Misconception(
            "z_for_t",
            "You used z where t is needed",
            "σ is unknown and estimated by s, which adds uncertainty: use Student's t with "
            "n − 1 degrees of freedom, whose critical value is larger than z*.",
            TOPIC,
        ),
        Misconception(
            "forgot_root",
            "You divided by n instead of √n",
            "The standard error of the mean is σ/√n.",
            TOPIC,
        ),
        Misconception(
            "one_sided_critical",
            "You used a one-sided critical value",
            "A two-sided interval leaves (1 − C)/2 in each tail.",
            TOPIC,
        ),
        Misconception(
            "divided_by_n",
            "You computed s dividing by n",
            "The sample standard deviation divides the squared deviations by n − 1.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        _, _, centre, spread = STORIES[story]
        if level == 1:
            n = pick(rng, (16, 25, 36, 49, 64, 100))
            return {
                "confidence": 0.95,
                "mean": round(centre + rng.normal(0, spread / 3), 1),
                "sd": spread,
                "n": n,
                "sd_known": "yes",
                "story": story,
            }
        confidence = pick(rng, (0.9, 0.95, 0.99))
        if level == 2:
            return {
                "confidence": confidence,
                "mean": round(centre + rng.normal(0, spread / 3), 1),
                "sd": round(spread * rng.uniform(0.7, 1.4), 1),
                "n": integer(rng, 5, 30),
                "sd_known": "no",
                "story": story,
            }
        n = integer(rng, 6, 12)
        return {
            "confidence": confidence,
            "data": normal_data(rng, n, centre, spread, places=1),
            "sd_known": "no",
            "story": story,
        }

    def prompt(self, params: Params) -> Prompt:
        what, unit, _, _ = STORIES[params.get("story", 0)]
        conf = confidence_text(params["confidence"])
        ask = (
            f"Give the {conf} confidence interval for the population mean as (lower, upper), "
            "to 2 decimal places."
        )
        if params.get("data") is not None:
            return (f"A sample of {what}, in {unit}: {shown(params['data'])}. {ask}",)
        if params.get("sd_known") == "yes":
            spread = f"the population standard deviation is known to be σ = {float(params['sd']):g}"
        else:
            spread = f"their standard deviation is s = {float(params['sd']):g}"
        return (
            f"A sample of n = {params['n']} measurements of {what} has mean "
            f"x̄ = {float(params['mean']):g} {unit}; {spread} {unit}. {ask}",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return interval_format(2)

    def solve(self, params: Params) -> Solution[Interval]:
        mean, sd, n, first = exact_summary(params)
        known = params.get("sd_known") == "yes" and params.get("data") is None
        result = mean_interval(mean, sd, n, float(params["confidence"]), sd_known=known)
        return Solution(result.answer, (*first, *result.steps))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Is σ known, or estimated from this sample? That decides z or t.",
            "x̄ ± (critical value)·SE, with SE = sd/√n.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """z for t (or t for z), the wrong df, one tail, n for √n, s for s/√n."""
        mean, sd, n, _ = sample_summary(params)
        confidence = float(params["confidence"])
        known = params.get("sd_known") == "yes" and params.get("data") is None
        upper = 1 - (1 - confidence) / 2
        critical = normal_quantile(upper) if known else t_quantile(n - 1, upper)
        return (
            Critical(
                lambda c: _interval(mean, sd, n, c),
                confidence,
                None if known else n - 1,
                t_df=n - 1 if known else None,
            ),
            StandardError(sd, n, lambda se: (mean - critical * se, mean + critical * se)),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mean, sd, n, _ = sample_summary(params)
        confidence = float(params["confidence"])
        known = params.get("sd_known") == "yes" and params.get("data") is None
        upper = 1 - (1 - confidence) / 2
        critical = normal_quantile(upper) if known else t_quantile(n - 1, upper)
        one_sided = normal_quantile(confidence) if known else t_quantile(n - 1, confidence)
        margin = critical * sd
        out: dict[str, Any] = {
            "forgot_root": (mean - margin / n, mean + margin / n),
            "one_sided_critical": _interval(mean, sd, n, one_sided),
        }
        if not known:
            out["z_for_t"] = _interval(mean, sd, n, normal_quantile(upper))
        if params.get("data") is not None:
            out["divided_by_n"] = _interval(mean, sd * math.sqrt((n - 1) / n), n, critical)
        return out
