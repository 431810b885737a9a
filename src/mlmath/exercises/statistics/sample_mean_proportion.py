"""Skill: describe a sample by its mean or its proportion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.sampling import sample_mean, sample_proportion
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Division, Slip, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_SAMPLING,
    StatisticsSkill,
    decimals,
    integer,
    normal_data,
    pick,
    shown,
    zero_one_counts,
)

TOPIC = f"{W3_SAMPLING} · Describing samples: sample proportion and sample mean"
MEANS = (
    ("The heights of {n} students picked at random in a class", "cm", 170, 8),
    ("The times {n} runners picked at random took for 5 km", "minutes", 28, 4),
    ("The weights of {n} apples picked at random from a crate", "g", 150, 15),
)
SHARES = (
    (
        "Of {n} visitors picked at random from a website's traffic, {k} signed up.",
        "For {n} visitors picked at random from a website's traffic, 1 means signed up and "
        "0 did not",
        "signed up",
    ),
    (
        "Of {n} bolts picked at random from a day's production, {k} were faulty.",
        "{n} bolts were picked at random from a day's production; 1 means faulty, 0 sound",
        "faulty",
    ),
    (
        "Of {n} voters asked at random, {k} said they would vote yes.",
        "{n} voters were asked at random; 1 means they would vote yes, 0 no",
        "yes",
    ),
)


def _counts(params: Params) -> tuple[int, int]:
    data = params.get("data")
    if data is not None:
        return zero_one_counts(
            data, "for a proportion the data must be 0s and 1s (1 = has the property)"
        )
    if params.get("successes") is None or params.get("n") is None:
        raise NotSolvable("give the data, or successes and n")
    return int(params["successes"]), int(params["n"])


@register
class SampleMeanProportion(StatisticsSkill):
    id = "statistics.sample_mean_proportion"
    title = "Sample mean and sample proportion"
    summary = "Describe a sample: its mean x̄ = Σx/n, or its proportion p̂ = k/n."
    levels = 3
    inputs = (
        Field("asked", "choice", "what to find", False, "mean", choices=("mean", "proportion")),
        Field("data", "data", "the sample (0/1 values for a proportion)", required=False),
        Field("successes", "integer", "how many in the sample have the property", False),
        Field("n", "integer", "the sample size (with successes)", required=False),
    )
    misconceptions = (
        Misconception(
            "divided_by_n_minus_1",
            "You divided by n − 1",
            "The mean divides the total by n, the number of values. n − 1 belongs to the "
            "sample variance, not to the mean.",
            TOPIC,
        ),
        Misconception(
            "median_for_mean",
            "You gave the middle value, not the mean",
            "The mean adds every value and divides by n; the middle of the sorted data is "
            "the median, a different summary.",
            TOPIC,
        ),
        Misconception(
            "count_not_share",
            "You gave the count, not the proportion",
            "A proportion is a share of the sample: divide the count by the sample size n.",
            TOPIC,
        ),
        Misconception(
            "complement",
            "You gave the share without the property",
            "p̂ counts the members WITH the property asked about; 1 − p̂ is the rest.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            story = integer(rng, 0, len(MEANS) - 1)
            _, _, mean, sd = MEANS[story]
            n = integer(rng, 5, 8)
            return {"asked": "mean", "data": normal_data(rng, n, mean, sd), "story": story}
        story = integer(rng, 0, len(SHARES) - 1)
        if level == 2:
            n = pick(rng, (20, 25, 40, 50, 80, 200, 250, 400))
            k = integer(rng, 1, n - 1)
            return {"asked": "proportion", "successes": k, "n": n, "story": story}
        n = integer(rng, 16, 30)
        data = tuple(float(x) for x in (rng.random(n) < rng.uniform(0.2, 0.8)))
        if sum(data) in (0, n):
            data = (1.0, 0.0, *data[2:])
        return {"asked": "proportion", "data": data, "story": story}

    def prompt(self, params: Params) -> Prompt:
        if params.get("asked", "mean") == "mean":
            data = params["data"]
            what, unit, _, _ = MEANS[params.get("story", 0)]
            return (
                f"{what.format(n=len(data))} were, in {unit}: {shown(data)}. What is the "
                "sample mean? Give it to 2 decimal places.",
            )
        counted, listed, word = SHARES[params.get("story", 0)]
        if params.get("data") is not None:
            data = params["data"]
            return (
                f"{listed.format(n=len(data))}: {', '.join(str(int(x)) for x in data)}. What "
                f"is the sample proportion of '{word}'? Give it to 3 decimal places.",
            )
        return (
            f"{counted.format(n=params['n'], k=params['successes'])} What is the sample "
            "proportion? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if params.get("asked", "mean") == "mean":
            return decimals(2)
        return decimals(3, percent=True)

    def solve(self, params: Params) -> Solution[float]:
        if params.get("asked", "mean") == "mean":
            if params.get("data") is None:
                raise NotSolvable("give the data to average")
            return sample_mean(params["data"])
        k, n = _counts(params)
        return sample_proportion(k, n)

    def hints(self, params: Params) -> tuple[str, ...]:
        if params.get("asked", "mean") == "mean":
            return ("What is the total of the values, and how many values are there?",)
        return ("How many have the property, and how many were asked in all?",)

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """For a proportion: the count not divided by n, the complement, the percentage."""
        if params.get("asked") != "proportion":
            return ()
        k, n = _counts(params)
        wrong = ((n - 1, f"n − 1 = {n - 1}"),)
        return (Division(Fraction(k), n, f"n = {n}", wrong), *probability_slips())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        if params.get("asked", "mean") == "mean":
            data = params["data"]
            out: dict[str, Any] = {"median_for_mean": float(np.median(data))}
            if len(data) > 1:
                out["divided_by_n_minus_1"] = sum(data) / (len(data) - 1)
            return out
        k, n = _counts(params)
        return {"count_not_share": float(k), "complement": (n - k) / n}
