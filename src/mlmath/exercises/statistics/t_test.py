"""Skill: the one-sample t-test for a mean with σ unknown."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.engine.solution import Solution
from mlmath.engine.statistics.hypothesis_tests import ALTERNATIVES, t_test, tail_probability
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.testing import (
    ALTERNATIVE_FIELD,
    ASKED_FIELD,
    MEANS_AND_PROPORTIONS,
    ONE_SIDED_MISTAKES,
    HypothesisTestSkill,
    hypothesis_slips,
    question,
    toward_alternative,
)
from mlmath.exercises.statistics.variants import (
    ALTERNATIVE_WORDS,
    apart,
    exact_summary,
    integer,
    normal_data,
    p_value_mistakes,
    pick,
    sample_summary,
    shown,
)

STORIES = (
    ("A battery is sold as lasting", "hours", "the mean life"),
    ("A delivery firm promises an average of", "minutes", "the mean delivery time"),
    ("A juice bottle is labelled", "ml", "the mean content"),
)


@register
class TTest(HypothesisTestSkill):
    id = "statistics.t_test"
    title = "t-test for a mean"
    summary = "t = (x̄ − μ₀)/(s/√n) with n − 1 degrees of freedom, when σ is unknown."
    levels = 3
    inputs = (
        Field("null", "number", "the mean μ₀ under H0"),
        Field("data", "data", "the sample (instead of mean, sd and n)", required=False),
        Field("mean", "number", "the sample mean x̄", required=False),
        Field("sd", "number", "the sample standard deviation s", required=False),
        Field("n", "integer", "the sample size", required=False),
        ALTERNATIVE_FIELD,
        ASKED_FIELD,
    )
    misconceptions = (
        Misconception(
            "z_for_t",
            "You read the p-value from the normal curve",
            "σ is estimated by s, so the statistic follows Student's t with n − 1 degrees "
            "of freedom, whose tails are heavier than the normal's.",
            MEANS_AND_PROPORTIONS,
        ),
        Misconception(
            "used_sd",
            "You divided by s instead of s/√n",
            "The statistic uses the standard error of the mean, s/√n.",
            MEANS_AND_PROPORTIONS,
        ),
        Misconception(
            "divided_by_n",
            "You computed s dividing by n",
            "The sample standard deviation divides the squared deviations by n − 1.",
            MEANS_AND_PROPORTIONS,
        ),
        *ONE_SIDED_MISTAKES,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        null = integer(rng, 20, 500)
        spread = max(1.0, null * rng.uniform(0.02, 0.1))
        alternative = "two-sided" if level == 1 else pick(rng, ALTERNATIVES)
        n = integer(rng, 5, 30) if level < 3 else integer(rng, 6, 12)
        shift = toward_alternative(rng.uniform(-2.5, 2.5) * spread / math.sqrt(n), alternative)
        base = {"null": null, "alternative": alternative, "story": story}
        if level == 3:
            return {
                **base,
                "data": normal_data(rng, n, null + shift, spread, places=1),
                "asked": "p_value",
            }
        return {
            **base,
            "mean": round(null + shift, 2),
            "sd": round(spread * rng.uniform(0.7, 1.3), 2),
            "n": n,
            "asked": "statistic" if level == 1 else "p_value",
        }

    def prompt(self, params: Params) -> Prompt:
        claim, unit, subject = STORIES[params.get("story", 0)]
        null = float(params["null"])
        if params.get("data") is not None:
            sample = f"A sample gives, in {unit}: {shown(params['data'])}."
        else:
            sample = (
                f"A sample of n = {params['n']} has x̄ = {float(params['mean']):g} and "
                f"s = {float(params['sd']):g} {unit}."
            )
        alternative = params.get("alternative") or "two-sided"
        return (
            f"{claim} μ₀ = {null:g} {unit}; σ is not known. {sample} Test H0: μ = {null:g} "
            f"against H1: {subject} {ALTERNATIVE_WORDS[alternative]} {null:g}. "
            f"{question(params.get('asked') or 'p_value')}",
        )

    def solve(self, params: Params) -> Solution[float]:
        mean, sd, n, first = exact_summary(params)
        result = t_test(
            mean,
            params["null"],
            sd,
            n,
            alternative=params.get("alternative") or "two-sided",
            asked=params.get("asked") or "p_value",
        )
        return Solution(result.answer, (*first, *result.steps))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "σ is unknown: which distribution does the standardised mean follow?",
            "t = (x̄ − μ₀)/(s/√n) with n − 1 degrees of freedom.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Tails, z for t, df, the statistic for its p-value and back, 1 − p, the percentage."""
        mean, sd, n, _ = sample_summary(params)
        gap = mean - float(params["null"])
        t = gap / (sd / math.sqrt(n))
        return hypothesis_slips(params, t, n - 1, mean_test=(gap, sd, n))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mean, sd, n, _ = sample_summary(params)
        null = float(params["null"])
        alternative = params.get("alternative") or "two-sided"
        t = (mean - null) / (sd / math.sqrt(n))
        if params.get("asked") == "statistic":
            return apart(t, {"used_sd": (mean - null) / sd}, 2)
        answers: dict[str, Any] = {
            "z_for_t": tail_probability(t, alternative, None),
            **p_value_mistakes(t, alternative, n - 1),
        }
        if params.get("data") is not None:
            biased_t = t * math.sqrt((n - 1) / n) ** -1
            answers["divided_by_n"] = tail_probability(biased_t, alternative, n - 1)
        return apart(self.solve(params).answer, answers, 4)
