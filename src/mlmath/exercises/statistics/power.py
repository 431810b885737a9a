"""Skill: the power of a z-test for a mean against a given true mean."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.hypothesis_tests import ALTERNATIVES
from mlmath.engine.statistics.power import z_test_power
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    ALTERNATIVE_WORDS,
    SIDES_FIELD_HELP,
    W4_TESTS,
    StatisticsSkill,
    apart,
    decimals,
    integer,
    pick,
)

TOPIC = f"{W4_TESTS} · Power of a test"
STORIES = (
    ("A drug is meant to lower blood pressure; the usual mean is", "mmHg"),
    ("A new battery design claims a longer life than the old mean of", "hours"),
    ("A redesigned website changes the mean session length from", "minutes"),
)


def _power(params: Params, sd_scale: float = 1.0, alternative: str | None = None) -> float:
    n = int(params["n"])
    return z_test_power(
        float(params["null"]),
        float(params["true_mean"]),
        float(params["sd"]) * sd_scale,
        n,
        alpha=float(params["alpha"]),
        alternative=alternative or params.get("alternative") or "two-sided",
    ).answer


@register
class Power(StatisticsSkill):
    id = "statistics.power"
    title = "Power of a test"
    summary = "1 − β = P(reject H0 | the true mean is μ₁), from the shifted normal curve."
    levels = 3
    inputs = (
        Field("null", "number", "the mean μ₀ under H0"),
        Field("true_mean", "number", "the true mean μ₁ the power is computed for"),
        Field("sd", "number", "the known standard deviation σ"),
        Field("n", "integer", "the sample size"),
        Field("alpha", "number", "the significance level α", False, 0.05),
        Field("alternative", "choice", SIDES_FIELD_HELP, False, "greater", choices=ALTERNATIVES),
    )
    misconceptions = (
        Misconception(
            "gave_beta",
            "You gave β, the chance of a miss",
            "Power is the chance of REJECTING H0 when the effect is real: 1 − β.",
            TOPIC,
        ),
        Misconception(
            "used_sigma",
            "You used σ instead of σ/√n",
            "The test statistic is built from the sample mean, whose spread is σ/√n.",
            TOPIC,
        ),
        Misconception(
            "wrong_sidedness",
            "You used the critical value of the other kind of test",
            "A one-sided test puts all of α in one tail (z* = Φ⁻¹(1 − α)); a two-sided test "
            "splits it (z* = Φ⁻¹(1 − α/2)).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        null = integer(rng, 50, 200)
        sd = integer(rng, 5, 30)
        n = pick(rng, (16, 25, 36, 49, 64, 100)) if level == 1 else integer(rng, 10, 150)
        alternative = {1: "greater", 2: pick(rng, ("greater", "less"))}.get(level) or "two-sided"
        effect = rng.uniform(0.5, 3) * sd / math.sqrt(n)
        if alternative == "less" or (alternative == "two-sided" and rng.random() < 0.5):
            effect = -effect
        return {
            "null": null,
            "true_mean": round(null + effect, 1),
            "sd": sd,
            "n": n,
            "alpha": 0.05 if level == 1 else pick(rng, (0.01, 0.05, 0.1)),
            "alternative": alternative,
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        claim, unit = STORIES[params.get("story", 0)]
        null = float(params["null"])
        alternative = params.get("alternative") or "greater"
        return (
            f"{claim} μ₀ = {null:g} {unit}, with σ = {float(params['sd']):g} {unit} known. A "
            f"z-test at α = {float(params['alpha']):g} with n = {params['n']} tests H0: "
            f"μ = {null:g} against H1: the mean {ALTERNATIVE_WORDS[alternative]} {null:g}. If "
            f"the true mean is μ₁ = {float(params['true_mean']):g}, what is the power of the "
            "test? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(3, percent=True)

    def solve(self, params: Params) -> Solution[float]:
        return z_test_power(
            params["null"],
            params["true_mean"],
            float(params["sd"]),
            int(params["n"]),
            alpha=float(params.get("alpha") or 0.05),
            alternative=params.get("alternative") or "greater",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "For which sample means does the test reject H0?",
            "How likely is such a sample mean if the true mean is μ₁?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        full = {**params, "alpha": params.get("alpha") or 0.05}
        answer = self.solve(params).answer
        alternative = params.get("alternative") or "greater"
        n = int(params["n"])
        other = (
            "two-sided"
            if alternative != "two-sided"
            else ("greater" if float(params["true_mean"]) > float(params["null"]) else "less")
        )
        answers = {
            "gave_beta": 1 - answer,
            "used_sigma": _power(full, math.sqrt(n)),
            "wrong_sidedness": _power(full, 1.0, other),
        }
        return apart(answer, answers, 3)
