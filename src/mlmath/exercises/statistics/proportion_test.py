"""Skill: the z-test for one proportion."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.engine.solution import Solution
from mlmath.engine.statistics.hypothesis_tests import ALTERNATIVES, proportion_test
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
    ("A website's sign-up rate has been", "visitors", "signed up", "the sign-up rate"),
    ("A coin is supposed to land heads with probability", "tosses", "were heads", "P(heads)"),
    ("A factory's defect rate has been", "parts", "were defective", "the defect rate"),
)


@register
class ProportionTest(HypothesisTestSkill):
    id = "statistics.proportion_test"
    title = "Test for a proportion"
    summary = "z = (p̂ − p₀)/√(p₀(1 − p₀)/n): the standard error is computed under H0."
    levels = 3
    inputs = (
        Field("successes", "integer", "how many in the sample have the property"),
        Field("n", "integer", "the sample size"),
        Field("null", "number", "the proportion p₀ under H0"),
        ALTERNATIVE_FIELD,
        ASKED_FIELD,
    )
    misconceptions = (
        Misconception(
            "used_sample_proportion",
            "You computed the standard error with p̂",
            "The test asks how surprising p̂ would be IF H0 were true, so the standard error "
            "uses p₀: √(p₀(1 − p₀)/n).",
            MEANS_AND_PROPORTIONS,
        ),
        Misconception(
            "forgot_root",
            "You forgot the square root in the standard error",
            "SE = √(p₀(1 − p₀)/n); without the root you divide by a variance.",
            MEANS_AND_PROPORTIONS,
        ),
        *ONE_SIDED_MISTAKES,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        null = integer(rng, 5, 60) / 100
        n = pick(rng, (100, 200, 400, 500, 1000)) if level == 1 else integer(rng, 50, 3000)
        se = math.sqrt(null * (1 - null) / n)
        alternative = "two-sided" if level == 1 else pick(rng, ALTERNATIVES)
        shift = toward_alternative(rng.uniform(-3, 3) * se, alternative)
        k = min(n - 1, max(1, round((null + shift) * n)))
        return {
            "successes": k,
            "n": n,
            "null": null,
            "alternative": alternative,
            "asked": "statistic" if level == 1 else "p_value",
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        claim, units, verb, subject = STORIES[params.get("story", 0)]
        null = float(params["null"])
        alternative = params.get("alternative") or "two-sided"
        return (
            f"{claim} p₀ = {null:g}. Of n = {params['n']} {units} in a new sample, "
            f"{params['successes']} {verb}. Test H0: p = {null:g} against H1: {subject} "
            f"{ALTERNATIVE_WORDS[alternative]} {null:g}. "
            f"{question(params.get('asked') or 'p_value')}",
        )

    def solve(self, params: Params) -> Solution[float]:
        return proportion_test(
            int(params["successes"]),
            int(params["n"]),
            float(params["null"]),
            alternative=params.get("alternative") or "two-sided",
            asked=params.get("asked") or "p_value",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "If H0 were true, how much would p̂ vary from sample to sample?",
            "z = (p̂ − p₀)/√(p₀(1 − p₀)/n).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Tails, the statistic for its p-value and back, 1 − p, the percentage."""
        k, n, null = int(params["successes"]), int(params["n"]), float(params["null"])
        z = (k / n - null) / math.sqrt(null * (1 - null) / n)
        return hypothesis_slips(params, z)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        k, n, null = int(params["successes"]), int(params["n"]), float(params["null"])
        p_hat = k / n
        z = (p_hat - null) / math.sqrt(null * (1 - null) / n)
        wrong = {
            "used_sample_proportion": (p_hat - null) / math.sqrt(p_hat * (1 - p_hat) / n),
            "forgot_root": (p_hat - null) / (null * (1 - null) / n),
        }
        return z_test_mistakes(params, z, wrong, self.solve(params).answer)
