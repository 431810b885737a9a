"""Skill: variance and standard deviation — population (n) versus sample (n − 1)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.summaries import standard_deviation, variance
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.columns import Column
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, SampleDivisor, Slip, Spread
from mlmath.exercises.probability.variants import (
    W2_DESCRIBING,
    data_vector,
    decimal_format,
    integer,
    is_clean,
    pick,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W2_DESCRIBING} · Measures of dispersion: variance, standard deviation"
STORIES = {
    "population": (
        "These are the ages of ALL {n} members of a small club",
        "These are the scores of EVERY student in a class of {n}",
        "These are the weekly hours of all {n} employees of a shop",
    ),
    "sample": (
        "A random sample of {n} customers waited these numbers of minutes",
        "A sample of {n} apples from an orchard weighed (in tens of grams)",
        "A survey of {n} randomly chosen people reported these numbers of books read",
    ),
}


@register
class Variance(Skill):
    id = "probability.variance"
    title = "Variance and standard deviation"
    summary = "Average squared distance from the mean: divide by n for a population, by "
    "n − 1 for a sample; the standard deviation is its square root."
    levels = 3
    inputs = (
        Field("data", "data", "the data values"),
        Field("kind", "choice", "whole population or a sample", choices=("population", "sample")),
        Field(
            "measure",
            "choice",
            "variance or standard deviation",
            required=False,
            default="variance",
            choices=("variance", "standard deviation"),
        ),
    )
    misconceptions = (
        Misconception(
            "divided_by_n",
            "You divided by n for a sample",
            "A sample's values sit closer to their own mean than to the population's, so "
            "dividing by n underestimates the spread. Divide by n − 1 (np.var(x, ddof=1)).",
            TOPIC,
        ),
        Misconception(
            "divided_by_n_minus_1",
            "You divided by n − 1 for a whole population",
            "When the data is the entire population, its mean is the true mean: divide by n "
            "(np.var's default, ddof=0).",
            TOPIC,
        ),
        Misconception(
            "forgot_square_root",
            "You gave the variance, not the standard deviation",
            "The standard deviation is the square root of the variance — back in the units "
            "of the data.",
            TOPIC,
        ),
        Misconception(
            "no_squares",
            "You averaged the deviations without squaring them",
            "Deviations from the mean always add up to 0. Square them first, so that "
            "distances on both sides count.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            n, high = {
                1: (integer(rng, 3, 5), 10),
                2: (integer(rng, 5, 8), 20),
                3: (integer(rng, 6, 12), 60),
            }[level]
            kind = pick(rng, ("population", "sample"))
            data = data_vector(rng, n, 0, high)
            params = {
                "data": data,
                "kind": kind,
                "measure": "variance"
                if level < 3
                else pick(rng, ("variance", "standard deviation")),
                "story": integer(rng, 0, 2),
            }
            if len(set(data)) > 1 and (level > 1 or is_clean(self.solve(params).answer, level)):
                return params

    def prompt(self, params: Params) -> Prompt:
        kind = params["kind"]
        data = params["data"]
        story = STORIES[kind][params.get("story", 0)].format(n=len(data))
        what = "sample" if kind == "sample" else "population"
        return (
            f"{story}: {', '.join(str(x) for x in data)}. What is the {what} {params['measure']}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimal_format(3)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(f"data: {error}") from None

    def solve(self, params: Params) -> Solution[Any]:
        data = params["data"]
        sample = params["kind"] == "sample"
        if params["measure"] == "standard deviation":
            return standard_deviation(data, sample)
        return variance(data, sample)

    def answer(self, params: Params) -> Any:
        column = Column.of(params["data"])
        sample = params["kind"] == "sample"
        if column.n < (2 if sample else 1):
            return self.solve(params).answer  # says why there is no answer
        value = column.variance(sample)
        return math.sqrt(value) if params["measure"] == "standard deviation" else value

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Is this every member of the group, or a sample from a bigger one? What does "
            "that change?",
            "Find the mean, square each value's distance from it, add, and divide by "
            + ("n − 1." if params["kind"] == "sample" else "n."),
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Variance for standard deviation and back, n for n − 1 and back, the sum of squares
        not divided."""
        data = tuple(params["data"])
        sample = params["kind"] == "sample"
        sd = params["measure"] == "standard deviation"
        n = len(data)
        m = sum(data, Fraction(0)) / n
        squares = sum(((x - m) ** 2 for x in data), Fraction(0))
        divisor = n - 1 if sample else n
        slips: list[Slip] = [Spread(sd=sd), SampleDivisor(float(squares), n, sample, sd)]
        if not sd:
            slips.append(Division(squares, divisor, f"{'n − 1' if sample else 'n'} = {divisor}"))
        return slips

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        data = tuple(params["data"])
        sample = params["kind"] == "sample"
        sd = params["measure"] == "standard deviation"
        n = len(data)
        other = variance(data, not sample).answer

        def finish(v: Fraction) -> Any:
            return math.sqrt(v) if sd else v

        m = sum(data, Fraction(0)) / n
        abs_dev = sum((abs(x - m) for x in data), Fraction(0)) / (n - 1 if sample else n)
        out: dict[str, Any] = {
            ("divided_by_n" if sample else "divided_by_n_minus_1"): finish(other),
            "no_squares": abs_dev,
        }
        if sd:
            out["forgot_square_root"] = variance(data, sample).answer
        return out
