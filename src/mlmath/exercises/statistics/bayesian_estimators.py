"""Skill: posterior mean, median and MAP of a coin's p under a Beta prior."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.bayesian import beta_estimator
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import W3_BAYES, StatisticsSkill, decimals, integer, pick

TOPIC = f"{W3_BAYES} · Bayesian estimators: posterior mean, posterior median, MAP"
NAMES = {"mean": "posterior mean", "median": "posterior median", "map": "MAP estimate"}


@register
class BayesianEstimators(StatisticsSkill):
    id = "statistics.bayesian_estimators"
    title = "Posterior mean, median and MAP"
    summary = "Beta(a, b) prior + k of n → Beta(a + k, b + n − k); read its mean, median or mode."
    levels = 3
    inputs = (
        Field("a", "number", "the prior Beta(a, b)'s a (prior successes)"),
        Field("b", "number", "the prior Beta(a, b)'s b (prior failures)"),
        Field("successes", "integer", "successes seen"),
        Field("n", "integer", "trials made"),
        Field(
            "asked", "choice", "which estimate", False, "mean", choices=("mean", "median", "map")
        ),
    )
    misconceptions = (
        Misconception(
            "mean_map_swapped",
            "You mixed up the posterior mean and the MAP",
            "The posterior mean of Beta(α, β) is α/(α + β); the MAP, the peak of the density, "
            "is (α − 1)/(α + β − 2).",
            TOPIC,
        ),
        Misconception(
            "ignored_prior",
            "You gave the maximum likelihood estimate k/n",
            "A Bayesian estimate combines the prior with the data: add a to the successes "
            "and b to the failures first.",
            TOPIC,
        ),
        Misconception(
            "prior_not_updated",
            "You summarised the prior, not the posterior",
            "The data must update the prior: Beta(a + k, b + n − k).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        asked = {1: "mean", 2: "map"}.get(level) or pick(rng, ("mean", "median", "map"))
        a, b = integer(rng, 2, 10), integer(rng, 2, 10)
        n = integer(rng, 5, 20) if level < 3 else integer(rng, 10, 200)
        return {"a": a, "b": b, "successes": integer(rng, 0, n), "n": n, "asked": asked}

    def prompt(self, params: Params) -> Prompt:
        asked = params.get("asked") or "mean"
        places = 2 if asked == "median" else 3
        return (
            f"Before a new web page goes live, a designer's belief about its click rate p is "
            f"a Beta({float(params['a']):g}, {float(params['b']):g}) distribution. Then "
            f"{params['successes']} of {params['n']} visitors click. What is the "
            f"{NAMES[asked]} of p? Give it to {places} decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(2 if params.get("asked") == "median" else 3, percent=True)

    def solve(self, params: Params) -> Solution[float]:
        return beta_estimator(
            float(params["a"]),
            float(params["b"]),
            int(params["successes"]),
            int(params["n"]),
            params.get("asked") or "mean",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "A Beta prior is like a earlier successes and b earlier failures. What is the "
            "posterior after the new data?",
            "Beta(α, β) has mean α/(α + β) and mode (α − 1)/(α + β − 2).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a, b = float(params["a"]), float(params["b"])
        k, n = int(params["successes"]), int(params["n"])
        asked = params.get("asked") or "mean"
        alpha, beta = a + k, b + n - k
        out: dict[str, Any] = {"prior_not_updated": a / (a + b)}
        if n > 0:
            out["ignored_prior"] = k / n
        if asked == "mean":
            out["mean_map_swapped"] = (alpha - 1) / (alpha + beta - 2)
        elif asked == "map":
            out["mean_map_swapped"] = alpha / (alpha + beta)
        return out
