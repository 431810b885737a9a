"""Skill: maximum likelihood estimates of a Gaussian's mean, variance and sd."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.likelihood import mle_gaussian
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import OtherQuantity, SampleDivisor, Slip, Spread
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_LIKELIHOOD,
    StatisticsSkill,
    decimals,
    integer,
    normal_data,
    shown,
)

TOPIC = f"{W3_LIKELIHOOD} · MLE: How to get the maximum using calculus"
NAMES = {"mean": "mean μ", "variance": "variance σ²", "sd": "standard deviation σ"}
STORIES = (
    "The weights of {n} newborn lambs, in kg",
    "The lengths of {n} phone calls, in minutes",
    "The heights of {n} sunflowers, in cm",
)


@register
class MleGaussian(StatisticsSkill):
    id = "statistics.mle_gaussian"
    title = "Maximum likelihood for a Gaussian"
    summary = "μ̂ = x̄ and σ̂² = (1/n)Σ(x − x̄)²: maximum likelihood divides by n."
    levels = 3
    inputs = (
        Field("data", "data", "the observations"),
        Field(
            "asked", "choice", "which estimate", False, "mean", choices=("mean", "variance", "sd")
        ),
    )
    misconceptions = (
        Misconception(
            "divided_by_n_minus_1",
            "You divided by n − 1",
            "Setting ∂ℓ/∂σ = 0 gives Σ(x − x̄)²/n: the maximum likelihood estimate divides "
            "by n (it is the slightly biased one; s² with n − 1 is not the MLE).",
            TOPIC,
        ),
        Misconception(
            "sd_variance_mixup",
            "You mixed up the variance and the standard deviation",
            "σ² is the average squared deviation; σ is its square root.",
            TOPIC,
        ),
        Misconception(
            "median_for_mean",
            "You gave the median",
            "∂ℓ/∂μ = 0 gives Σ(x − μ) = 0, so μ̂ is the mean of the data, not its middle value.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        if level == 1:
            data = tuple(float(integer(rng, 1, 20)) for _ in range(integer(rng, 4, 6)))
            if len(set(data)) == 1:
                data = (data[0] + 2, *data[1:])
            return {"data": data, "asked": "mean", "story": story}
        if level == 2:
            data = tuple(float(integer(rng, 1, 20)) for _ in range(integer(rng, 4, 6)))
            if len(set(data)) == 1:
                data = (data[0] + 2, *data[1:])
            return {"data": data, "asked": "variance", "story": story}
        n = integer(rng, 5, 9)
        return {"data": normal_data(rng, n, 30, 5, places=1), "asked": "sd", "story": story}

    def prompt(self, params: Params) -> Prompt:
        data = params["data"]
        what = STORIES[params.get("story", 0)].format(n=len(data))
        asked = params.get("asked", "mean")
        return (
            f"{what}: {shown(data)}. Modelling them as independent draws from N(μ, σ²), "
            f"what is the maximum likelihood estimate of the {NAMES[asked]}? Give it to 2 "
            "decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(2)

    def solve(self, params: Params) -> Solution[float]:
        if params.get("data") is None:
            raise NotSolvable("give the data")
        return mle_gaussian(params["data"], params.get("asked") or "mean")

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Set the derivative of the log-likelihood with respect to the parameter to zero.",
            "μ̂ is the sample mean; σ̂² averages the squared deviations from it over n.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """n − 1 for n, the variance for the standard deviation and back, the mean."""
        data = [float(x) for x in params["data"]]
        asked = params.get("asked", "mean")
        if asked == "mean":
            return ()
        n = len(data)
        m = sum(data) / n
        squares = sum((x - m) ** 2 for x in data)
        return (
            Spread(sd=asked != "variance"),
            SampleDivisor(squares, n, sample=False, root=asked != "variance"),
            OtherQuantity(
                m,
                "the mean",
                f"the {'variance' if asked == 'variance' else 'standard deviation'}",
                "average the squared deviations from the mean.",
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        data = params["data"]
        asked = params.get("asked", "mean")
        if asked == "mean":
            return {"median_for_mean": float(np.median(data))}
        n = len(data)
        m = sum(data) / n
        ss = sum((x - m) ** 2 for x in data)
        if asked == "variance":
            return {"divided_by_n_minus_1": ss / (n - 1), "sd_variance_mixup": math.sqrt(ss / n)}
        return {"divided_by_n_minus_1": math.sqrt(ss / (n - 1)), "sd_variance_mixup": ss / n}
