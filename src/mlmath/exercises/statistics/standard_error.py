"""Skill: the standard error of a sample mean or proportion (the CLT's σ/√n)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.notation import given_percent_text
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.sampling import standard_error_mean, standard_error_proportion
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, Spread
from mlmath.exercises.mistakes import StandardError as StandardErrorSlip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_SAMPLING,
    StatisticsSkill,
    apart,
    decimals,
    integer,
    pick,
)

TOPIC = f"{W3_SAMPLING} · Distribution of sample mean and proportion: Central Limit Theorem"
STORIES = (
    ("Heights of adults", "cm"),
    ("Daily screen times", "minutes"),
    ("Delivery times of a courier", "minutes"),
    ("Monthly electricity bills", "euros"),
)
SHARES = (
    "{p} of a city's households own a bike. A survey asks n = {n} households picked at random.",
    "{p} of a shop's customers pay by card. We watch n = {n} customers picked at random.",
    "{p} of an orchard's apples are big enough to sell as premium. An inspector weighs "
    "n = {n} apples picked at random.",
)
"""Stories that read true for any share from 5 % to 95 % (the shares drawn)."""


@register
class StandardError(StatisticsSkill):
    id = "statistics.standard_error"
    title = "Standard error of a sample mean or proportion"
    summary = "The sample mean varies with spread σ/√n; a sample proportion with √(p(1 − p)/n)."
    levels = 3
    inputs = (
        Field("n", "integer", "the sample size"),
        Field("sd", "number", "the population standard deviation σ (for a mean)", False),
        Field("p", "number", "the population proportion p (for a proportion)", False),
    )
    misconceptions = (
        Misconception(
            "forgot_root",
            "You divided by n instead of √n",
            "Var(x̄) = σ²/n, so the standard deviation of x̄ is σ/√n: the square root "
            "applies to n too.",
            TOPIC,
        ),
        Misconception(
            "population_sd",
            "You gave the spread of one value, not of the mean",
            "σ describes single values. Averages of n values vary less: divide by √n.",
            TOPIC,
        ),
        Misconception(
            "variance_not_sd",
            "You gave a variance, not a standard deviation",
            "σ²/n is the variance of x̄; the standard error is its square root.",
            TOPIC,
        ),
        Misconception(
            "root_n_minus_1",
            "n − 1 belongs in the sample variance, not in the standard error",
            "The standard error divides by √n, where n counts the values averaged. The n − 1 "
            "belongs inside a sample variance s² (when s comes from the sample, it is "
            "already there); dividing by √(n − 1) puts it in the wrong place.",
            TOPIC,
            hint="How many values does the sample mean average? That is what sits under the "
            "square root.",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        if level == 1:
            return {
                "n": pick(rng, (4, 9, 16, 25, 36, 49, 64, 100)),
                "sd": integer(rng, 2, 40),
                "p": None,
                "story": story,
            }
        if level == 2:
            return {
                "n": integer(rng, 10, 200),
                "sd": integer(rng, 2, 60),
                "p": None,
                "story": story,
            }
        return {
            "n": integer(rng, 20, 2000),
            "sd": None,
            "p": integer(rng, 50, 950) / 1000,
            "story": integer(rng, 0, len(SHARES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        n = params["n"]
        if params.get("p") is not None:
            p = float(params["p"])
            return (
                f"{SHARES[params.get('story', 0)].format(p=given_percent_text(p), n=n)} "
                "What is the "
                "standard error of the sample proportion p̂ — "
                "its standard deviation from survey to survey? Give it to 4 decimal places.",
            )
        what, unit = STORIES[params.get("story", 0)]
        return (
            f"{what} have a standard deviation of σ = {params['sd']} {unit}. We average "
            f"samples of n = {n}. What is the standard deviation of the sample mean (its "
            "standard error)? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(4 if params.get("p") is not None else 3)

    def solve(self, params: Params) -> Solution[float]:
        if params.get("p") is not None:
            return standard_error_proportion(float(params["p"]), int(params["n"]))
        if params.get("sd") is None:
            raise NotSolvable("give sd (for a mean) or p (for a proportion)")
        return standard_error_mean(float(params["sd"]), int(params["n"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Does an average of many values vary more or less than one value?",
            "Var(x̄) = σ²/n. What is its square root?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """n for √n, σ for σ/√n, the variance for the standard deviation."""
        n = int(params["n"])
        if params.get("p") is not None:
            p = float(params["p"])
            return (StandardErrorSlip(math.sqrt(p * (1 - p)), n, lambda se: se),)
        return (StandardErrorSlip(float(params["sd"]), n, lambda se: se), Spread(sd=True))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        n = int(params["n"])
        if params.get("p") is not None:
            p = float(params["p"])
            var = p * (1 - p)
            return {
                "forgot_root": math.sqrt(var) / n,
                "population_sd": math.sqrt(var),
                "variance_not_sd": var / n,
                **self._n_minus_1(math.sqrt(var), n, 4),
            }
        sd = float(params["sd"])
        return {
            "forgot_root": sd / n,
            "population_sd": sd,
            "variance_not_sd": sd * sd / n,
            **self._n_minus_1(sd, n, 3),
        }

    @staticmethod
    def _n_minus_1(sd: float, n: int, places: int) -> dict[str, float]:
        """σ/√(n − 1), where it stands apart from σ/√n at the asked precision."""
        if n < 2:
            return {}
        return apart(sd / math.sqrt(n), {"root_n_minus_1": sd / math.sqrt(n - 1)}, places)
