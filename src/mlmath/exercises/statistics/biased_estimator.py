"""Skill: unbiased sample variance (divide by n − 1) and the bias of dividing by n."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.sampling import expected_biased_variance, sample_variance
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import SampleDivisor, Slip, Spread
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_SAMPLING,
    StatisticsSkill,
    decimals,
    integer,
    normal_data,
    shown,
)

TOPIC = f"{W3_SAMPLING} · Biased vs Unbiased estimates"
STORIES = (
    "The lengths of fish in a lake",
    "The scores on a national test",
    "The daily temperatures of a town in May",
    "The reaction times of drivers",
)


@register
class BiasedEstimator(StatisticsSkill):
    id = "statistics.biased_estimator"
    title = "Biased and unbiased estimates of a variance"
    summary = "s² divides by n − 1 and is unbiased; dividing by n runs low by (n − 1)/n."
    levels = 3
    inputs = (
        Field(
            "asked",
            "choice",
            "the unbiased sample variance of data, or the expected value of the divide-by-n "
            "estimator",
            False,
            "sample_variance",
            choices=("sample_variance", "expected_plug_in"),
        ),
        Field("data", "data", "the sample (for sample_variance)", required=False),
        Field("variance", "number", "the population variance σ² (for expected_plug_in)", False),
        Field("n", "integer", "the sample size (for expected_plug_in)", required=False),
    )
    misconceptions = (
        Misconception(
            "divided_by_n",
            "You divided by n instead of n − 1",
            "Deviations from the sample's own mean are a little too small on average; "
            "dividing by n − 1 corrects exactly for that and makes s² unbiased.",
            TOPIC,
        ),
        Misconception(
            "sd_not_variance",
            "You gave the standard deviation",
            "The variance is the average squared deviation; do not take the square root.",
            TOPIC,
        ),
        Misconception(
            "thought_unbiased",
            "You took the divide-by-n estimator to be unbiased",
            "Around x̄ the squared deviations add up to (n − 1)σ² on average, not nσ², so "
            "dividing by n gives (n − 1)/n · σ² on average.",
            TOPIC,
        ),
        Misconception(
            "inverted_factor",
            "You multiplied by n/(n − 1)",
            "Dividing by n makes the estimate too SMALL on average: the factor is (n − 1)/n, "
            "below 1. n/(n − 1) is the correction that removes the bias.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            data = tuple(float(integer(rng, 1, 12)) for _ in range(integer(rng, 4, 6)))
            if len(set(data)) == 1:
                data = (data[0] + 1, *data[1:])
            return {"asked": "sample_variance", "data": data}
        if level == 2:
            n = integer(rng, 6, 10)
            return {"asked": "sample_variance", "data": normal_data(rng, n, 20, 4, places=1)}
        return {
            "asked": "expected_plug_in",
            "variance": integer(rng, 10, 9999) / 10,
            "n": integer(rng, 2, 40),
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        if params.get("asked", "sample_variance") == "sample_variance":
            return (
                f"A sample of n = {len(params['data'])} measurements: {shown(params['data'])}. "
                "Give the unbiased estimate of the population variance, to 2 decimal places.",
            )
        return (
            f"{STORIES[params.get('story', 0)]} have variance σ² = {float(params['variance']):g}. "
            "From samples of "
            f"n = {params['n']} we compute σ̂² = (1/n)·Σ(xᵢ − x̄)², dividing by n. What is the "
            "expected value E[σ̂²] of this estimator? Give it to 2 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(2)

    def solve(self, params: Params) -> Solution[float]:
        if params.get("asked", "sample_variance") == "sample_variance":
            if params.get("data") is None:
                raise NotSolvable("give the data")
            return sample_variance(params["data"], unbiased=True)
        if params.get("variance") is None or params.get("n") is None:
            raise NotSolvable("give the variance and n")
        return expected_biased_variance(float(params["variance"]), int(params["n"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        if params.get("asked", "sample_variance") == "sample_variance":
            return (
                "Which divisor makes the estimate right on average?",
                "Add the squared deviations from x̄, then divide by n − 1.",
            )
        return ("On average, what do the squared deviations from x̄ add up to?",)

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """n for n − 1, the standard deviation for the variance."""
        if params.get("asked", "sample_variance") != "sample_variance":
            return ()
        data = [float(x) for x in params["data"]]
        n = len(data)
        m = sum(data) / n
        squares = sum((x - m) ** 2 for x in data)
        return (Spread(sd=False), SampleDivisor(squares, n, sample=True))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        if params.get("asked", "sample_variance") == "sample_variance":
            data = params["data"]
            s2 = sample_variance(data).answer
            return {
                "divided_by_n": s2 * (len(data) - 1) / len(data),
                "sd_not_variance": math.sqrt(s2),
            }
        var, n = float(params["variance"]), int(params["n"])
        return {"thought_unbiased": var, "inverted_factor": var * n / (n - 1)}
