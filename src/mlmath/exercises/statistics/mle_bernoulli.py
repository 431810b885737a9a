"""Skill: the maximum likelihood estimate of a success probability, p̂ = k/n."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.likelihood import mle_bernoulli
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Division, Slip, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_LIKELIHOOD,
    StatisticsSkill,
    decimals,
    integer,
    zero_one_counts,
)

TOPIC = f"{W3_LIKELIHOOD} · MLE: How to get the maximum using calculus"


def _counts(params: Params) -> tuple[int, int]:
    if params.get("data") is not None:
        data = params["data"]
        return zero_one_counts(data, "the data must be 0s and 1s (1 = success)")
    if params.get("successes") is None or params.get("n") is None:
        raise NotSolvable("give the data, or successes and n")
    return int(params["successes"]), int(params["n"])


@register
class MleBernoulli(StatisticsSkill):
    id = "statistics.mle_bernoulli"
    title = "Maximum likelihood for a coin"
    summary = "ℓ(p) = k·ln p + (n − k)·ln(1 − p) peaks where its derivative is 0: p̂ = k/n."
    levels = 3
    inputs = (
        Field("successes", "integer", "the number of successes k", required=False),
        Field("n", "integer", "the number of trials n", required=False),
        Field("data", "data", "the outcomes as 0s and 1s (instead of successes and n)", False),
    )
    misconceptions = (
        Misconception(
            "failure_share",
            "You gave the share of failures",
            "Setting the derivative k/p − (n − k)/(1 − p) to zero gives p = k/n, the share "
            "of SUCCESSES.",
            TOPIC,
        ),
        Misconception(
            "odds",
            "You divided successes by failures",
            "k/(n − k) is the odds, not a probability; divide by all n trials.",
            TOPIC,
        ),
        Misconception(
            "averaged_batches",
            "You averaged the two batches' proportions",
            "The likelihood of all the data multiplies over every trial, so the estimate is "
            "all successes over all trials; averaging proportions ignores that the batches "
            "differ in size.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            n = integer(rng, 4, 12)
            return {"successes": integer(rng, 1, n - 1), "n": n}
        if level == 2:
            n = integer(rng, 10, 25)
            data = tuple(float(x) for x in (rng.random(n) < rng.uniform(0.2, 0.8)))
            if sum(data) in (0, n):
                data = (1.0, 0.0, *data[2:])
            return {"data": data}
        n1, n2 = integer(rng, 10, 200), integer(rng, 10, 200)
        while n1 == n2:
            n2 = integer(rng, 10, 200)
        k1, k2 = integer(rng, 1, n1 - 1), integer(rng, 1, n2 - 1)
        return {"successes": k1 + k2, "n": n1 + n2, "batches": ((k1, n1), (k2, n2))}

    def prompt(self, params: Params) -> Prompt:
        if params.get("data") is not None:
            outcomes = ", ".join(str(int(x)) for x in params["data"])
            return (
                "A new ad was shown to visitors; 1 means the visitor clicked, 0 not: "
                f"{outcomes}. Modelling each visit as a Bernoulli(p) trial, what is the "
                "maximum likelihood estimate of p? Give it to 3 decimal places.",
            )
        if params.get("batches"):
            (k1, n1), (k2, n2) = params["batches"]
            return (
                f"A spam filter flagged {k1} of {n1} emails on Monday and {k2} of {n2} on "
                "Tuesday. Treating every email as an independent Bernoulli(p) trial with "
                "the same p, what is the maximum likelihood estimate of p? Give it to 3 "
                "decimal places.",
            )
        return (
            f"A thumbtack tossed {params['n']} times lands point up {params['successes']} "
            "times. What value of p = P(point up) maximises the likelihood of these tosses? "
            "Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(3, percent=True)

    def solve(self, params: Params) -> Solution[float]:
        return mle_bernoulli(*_counts(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Write ℓ(p) = k·ln p + (n − k)·ln(1 − p). Where is its slope zero?",
            "Solve k/p = (n − k)/(1 − p) for p.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The count of ones not divided by n, the complement, the percentage."""
        ones, n = _counts(params)
        return (Division(Fraction(ones), n, f"n = {n}"), *probability_slips())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        k, n = _counts(params)
        out: dict[str, Any] = {"failure_share": (n - k) / n}
        if k < n:
            out["odds"] = k / (n - k)
        if params.get("batches"):
            (k1, n1), (k2, n2) = params["batches"]
            out["averaged_batches"] = (k1 / n1 + k2 / n2) / 2
        return out
