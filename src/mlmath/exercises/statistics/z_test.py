"""Skill: the z-test for a mean with known σ — statistic and p-value."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.engine.solution import Solution
from mlmath.engine.statistics.hypothesis_tests import ALTERNATIVES, z_test
from mlmath.exercises.figures import drawable
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
    z_test_mistakes,
)
from mlmath.exercises.statistics.variants import ALTERNATIVE_WORDS, integer, pick

STORIES = (
    ("A cereal maker claims its boxes hold", "g", "the mean fill"),
    ("A school's past students averaged", "points", "the mean score"),
    ("A bakery's loaves are meant to weigh", "g", "the mean weight"),
)


@register
class ZTest(HypothesisTestSkill):
    id = "statistics.z_test"
    title = "z-test for a mean"
    summary = "z = (x̄ − μ₀)/(σ/√n), then the tail area(s) of the standard normal."
    levels = 3
    inputs = (
        Field("mean", "number", "the sample mean x̄"),
        Field("null", "number", "the mean μ₀ under H0"),
        Field("sd", "number", "the known population standard deviation σ"),
        Field("n", "integer", "the sample size"),
        ALTERNATIVE_FIELD,
        ASKED_FIELD,
    )
    misconceptions = (
        Misconception(
            "used_sigma",
            "You divided by σ instead of σ/√n",
            "The statistic measures the sample MEAN's distance from μ₀ in standard errors, σ/√n.",
            MEANS_AND_PROPORTIONS,
        ),
        *ONE_SIDED_MISTAKES,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        null = integer(rng, 50, 500)
        sd = integer(rng, 5, 40)
        n = pick(rng, (16, 25, 36, 49, 64, 100)) if level == 1 else integer(rng, 10, 200)
        shift = rng.uniform(-3, 3) * sd / math.sqrt(n)
        alternative = (
            "two-sided"
            if level == 1
            else pick(rng, ("greater", "less") if level == 2 else ALTERNATIVES)
        )
        return {
            "mean": round(null + toward_alternative(shift, alternative), 1),
            "null": null,
            "sd": sd,
            "n": n,
            "alternative": alternative,
            "asked": "statistic" if level == 1 else "p_value",
            "story": story,
        }

    def prompt(self, params: Params) -> Prompt:
        claim, unit, subject = STORIES[params.get("story", 0)]
        alternative = params.get("alternative") or "two-sided"
        return (
            f"{claim} μ₀ = {float(params['null']):g} {unit}, with a known σ = "
            f"{float(params['sd']):g} {unit}. A sample of n = {params['n']} has x̄ = "
            f"{float(params['mean']):g} {unit}. Test H0: μ = {float(params['null']):g} against "
            f"H1: {subject} {ALTERNATIVE_WORDS[alternative]} {float(params['null']):g}. "
            f"{question(params.get('asked') or 'p_value')}",
        )

    def solve(self, params: Params) -> Solution[float]:
        return z_test(
            params["mean"],
            params["null"],
            float(params["sd"]),
            int(params["n"]),
            alternative=params.get("alternative") or "two-sided",
            asked=params.get("asked") or "p_value",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many standard errors is x̄ from μ₀?",
            "Which side (or sides) of the statistic count as 'at least as extreme'?",
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        mean, null, sd = float(params["mean"]), float(params["null"]), float(params["sd"])
        if not (sd > 0 and int(params["n"]) >= 1):
            return None
        z = (mean - null) / (sd / math.sqrt(int(params["n"])))
        alternative = params.get("alternative") or "two-sided"
        if alternative == "two-sided":
            ends, shade = {"a": -abs(z), "b": abs(z)}, "outside"
        elif alternative == "greater":
            ends, shade = {"a": z}, "above"
        else:
            ends, shade = {"b": z}, "below"
        return drawable(
            {
                "kind": "distribution",
                "params": {"family": "normal", "mean": 0, "sd": 1, **ends}
                | {"shade": shade, "step": 0.1},
                "caption": "The standard normal, the distribution of z if H0 is true. The "
                "shaded tail area beyond the statistic is the p-value: move the ends to see "
                "how it shrinks as z moves away from 0.",
                "alt": "The standard bell curve with the tail (or tails) beyond this test's z "
                "shaded.",
                "after_answer": True,
            }
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Tails, t for z, the statistic for its p-value and back, 1 − p, the percentage."""
        mean, null, sd = float(params["mean"]), float(params["null"]), float(params["sd"])
        n = int(params["n"])
        z = (mean - null) / (sd / math.sqrt(n))
        return hypothesis_slips(params, z, t_df=n - 1, mean_test=(mean - null, sd, n))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mean, null, sd = float(params["mean"]), float(params["null"]), float(params["sd"])
        z = (mean - null) / (sd / math.sqrt(int(params["n"])))
        wrong = {"used_sigma": (mean - null) / sd}
        return z_test_mistakes(params, z, wrong, self.solve(params).answer)
