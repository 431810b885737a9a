"""Skill: probabilities about a sample mean with the Central Limit Theorem."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.distributions import normal_cdf
from mlmath.engine.statistics.sampling import sample_mean_probability
from mlmath.exercises.distribution_figures import distribution_step
from mlmath.exercises.figures import drawable, number
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, StandardError, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_SAMPLING,
    StatisticsSkill,
    decimals,
    integer,
    pick,
)

TOPIC = f"{W3_SAMPLING} · Distribution of sample mean and proportion: Central Limit Theorem"
STORIES = (
    ("The heights of students at a university", "cm", "heights"),
    ("The amounts customers spend in a shop", "euros", "amounts"),
    ("The waiting times at a call centre (a skewed distribution)", "seconds", "waits"),
    ("The weights of parcels at a depot", "kg", "weights"),
)


@register
class CltProbability(StatisticsSkill):
    id = "statistics.clt_probability"
    title = "Probabilities for a sample mean (CLT)"
    summary = "x̄ is close to N(μ, σ²/n): standardise with σ/√n and read Φ."
    levels = 3
    inputs = (
        Field("mean", "number", "the population mean μ"),
        Field("sd", "number", "the population standard deviation σ"),
        Field("n", "integer", "the sample size"),
        Field("threshold", "number", "the value the sample mean is compared with"),
        Field(
            "side", "choice", "P(x̄ above) or P(x̄ below) the threshold", choices=("above", "below")
        ),
    )
    misconceptions = (
        Misconception(
            "used_sigma",
            "You standardised with σ instead of σ/√n",
            "The question is about the MEAN of n values, whose spread is the standard error "
            "σ/√n, not σ.",
            TOPIC,
        ),
        Misconception(
            "wrong_tail",
            "You gave the area on the other side",
            "Φ(z) is the area to the left; for 'above' take 1 − Φ(z).",
            TOPIC,
        ),
        Misconception(
            "variance_of_mean",
            "You standardised with the variance σ²/n instead of σ/√n",
            "σ²/n is the variance of x̄, in squared units; z divides by a standard deviation, "
            "the standard error σ/√n, its square root.",
            TOPIC,
            hint="Is σ²/n a variance or a standard deviation? Which one does z divide by?",
        ),
        Misconception(
            "times_root_n",
            "You multiplied σ by √n instead of dividing",
            "Averaging n values shrinks the spread: the standard error σ/√n gets smaller as n "
            "grows, while σ·√n grows. Put √n under σ: z = (x̄ − μ)/(σ/√n).",
            TOPIC,
            hint="Should a bigger sample make the mean vary more or less?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        mean = integer(rng, 20, 200)
        sd = integer(rng, 4, 40)
        side = pick(rng, ("above", "below"))
        if level == 1:
            n = pick(rng, (16, 25, 36, 49, 64, 100))
            threshold = mean + pick(rng, (-2, -1, 1, 2)) * sd / math.sqrt(n)
            threshold = round(threshold, 2)
        else:
            n = integer(rng, 30, 150)
            se = sd / math.sqrt(n)
            threshold = round(mean + rng.uniform(-2.5, 2.5) * se, 1 if level == 2 else 2)
        return {
            "mean": mean,
            "sd": sd,
            "n": n,
            "threshold": threshold,
            "side": side,
            "story": story,
        }

    def prompt(self, params: Params) -> Prompt:
        what, unit, plural = STORIES[params.get("story", 0)]
        word = "above" if params["side"] == "above" else "below"
        return (
            f"{what} have mean μ = {params['mean']:g} {unit} and standard deviation "
            f"σ = {params['sd']:g} {unit}. A random sample of n = {params['n']} is taken. "
            f"What is the probability that the sample mean of the {plural} is {word} "
            f"{float(params['threshold']):g} {unit}? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(3, percent=True)

    def solve(self, params: Params) -> Solution[float]:
        return sample_mean_probability(
            params["mean"],
            float(params["sd"]),
            int(params["n"]),
            params["threshold"],
            params["side"],
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        mean, n = float(params["mean"]), int(params["n"])
        se = float(params["sd"]) / math.sqrt(n)
        threshold, side = float(params["threshold"]), params["side"]
        end = {"b": threshold} if side == "below" else {"a": threshold}
        return drawable(
            {
                "kind": "distribution",
                "params": {
                    "family": "normal",
                    "mean": number(mean),
                    "sd": se,
                    **end,
                    "shade": side,
                    "step": distribution_step(se),
                },
                "caption": "The distribution of the sample mean: normal, centred at μ, with the "
                "standard error σ/√n as its spread. The shaded area is the probability asked "
                "for; move the end and watch z = (x̄ − μ)/(σ/√n).",
                "alt": f"A narrow bell curve for the mean of {n} values, centred at {mean:g} "
                f"with spread σ/√n ≈ {se:.3g}, shaded {side} {threshold:g}.",
                "after_answer": True,
            }
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How spread out are means of n values, compared with single values?",
            "Standardise with the standard error: z = (x̄ − μ)/(σ/√n).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """n for √n and σ for σ/√n in the standard error; the complement, the percentage."""
        mean, sd, n = float(params["mean"]), float(params["sd"]), int(params["n"])
        threshold = float(params["threshold"])
        above = params["side"] == "above"

        def tail(se: float) -> float:
            below = normal_cdf((threshold - mean) / se)
            return 1 - below if above else below

        return (StandardError(sd, n, tail), *probability_slips())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mean, sd, n = float(params["mean"]), float(params["sd"]), int(params["n"])
        threshold = float(params["threshold"])
        above = params["side"] == "above"

        def tail(spread: float) -> float:
            left = normal_cdf((threshold - mean) / spread)
            return 1 - left if above else left

        answer = self.solve(params).answer
        return {
            "used_sigma": tail(sd),
            "wrong_tail": 1 - answer,
            "variance_of_mean": tail(sd * sd / n),
            "times_root_n": tail(sd * math.sqrt(n)),
        }
