"""Skill: the expected value E[X], and E[g(X)], from a PMF table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.probability.discrete import check_pmf, expected_value, pmf_table
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.probability.variants import (
    W2_DESCRIBING,
    decimal_format,
    integer,
    is_clean,
    random_pmf,
    random_values,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Mistake, Params, Prompt, Skill

TOPIC = f"{W2_DESCRIBING} · Expected values"
STORIES = (
    "A game pays X euros (a negative X is a loss) with these probabilities:",
    "X is the change in a share price (in euros) tomorrow:",
    "X is the number of items in a customer's basket:",
    "X is the number of goals a team scores in a match:",
)
SIGNED_STORIES = 2
"""The first stories allow negative values; the others are counts."""


@register
class ExpectedValue(Skill):
    id = "probability.expected_value"
    title = "Expected value"
    summary = "E[X] = Σ x·P(X = x); E[g(X)] = Σ g(x)·P(X = x)."
    levels = 3
    inputs = (
        Field("values", "vector", "the values X can take"),
        Field("probabilities", "vector", "P(X = value), one for each value"),
        Field("g", "choice", "E[X] or E[X²]", required=False, default="x", choices=("x", "x^2")),
    )
    misconceptions = (
        Misconception(
            "unweighted_mean",
            "You averaged the values without their probabilities",
            "A plain average treats every value as equally likely. Weigh each value by its "
            "probability: Σ x·P(X = x).",
            TOPIC,
        ),
        Misconception(
            "most_likely_value",
            "You gave the most likely value",
            "The most likely value is the mode. The expected value is the long-run average, "
            "the balance point of the PMF.",
            TOPIC,
        ),
        Misconception(
            "squared_the_mean",
            "You squared E[X] instead of averaging X²",
            "E[X²] averages the squares: Σ x²·P(X = x). In general E[g(X)] ≠ g(E[X]); the "
            "gap E[X²] − (E[X])² is the variance.",
            TOPIC,
        ),
        Misconception(
            "divided_by_count",
            "You divided the probability-weighted sum by the number of values",
            "The probabilities already do the averaging: they add up to 1, so "
            "Σ x·P(X = x) is the mean itself. Dividing it by the number of values averages "
            "twice.",
            TOPIC,
        ),
        Misconception(
            "squared_products",
            "You squared each product x·P(X = x) instead of x alone",
            "E[X²] = Σ x²·P(X = x): square the value, then weigh it by its probability, which "
            "stays as it is.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        size, denominator = {1: (3, 6), 2: (4, 10), 3: (integer(rng, 4, 6), 100)}[level]
        while True:
            probs = random_pmf(rng, size, denominator)
            values = (
                random_values(rng, size, 0, 6) if level == 1 else random_values(rng, size, -10, 20)
            )
            params = {
                "values": Vector(tuple(Fraction(v) for v in values)),
                "probabilities": Vector(probs),
                "g": "x^2" if level == 3 and rng.random() < 0.5 else "x",
                "story": integer(
                    rng, 0, SIGNED_STORIES - 1 if min(values) < 0 else len(STORIES) - 1
                ),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        asked = "E[X²]" if params["g"] == "x^2" else "the expected value E[X]"
        return (
            STORIES[params.get("story", 0)],
            pmf_table(tuple(params["values"]), tuple(params["probabilities"])),
            f"What is {asked}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimal_format(3)

    def check_inputs(self, params: Params) -> None:
        try:
            check_pmf(tuple(params["values"]), tuple(params["probabilities"]))
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        return expected_value(tuple(params["values"]), tuple(params["probabilities"]), params["g"])

    def hints(self, params: Params) -> tuple[str, ...]:
        square = params["g"] == "x^2"
        return (
            "If you played many times, how often would each value come up?",
            "Multiply each " + ("squared value x²" if square else "value") + " by its "
            "probability and add the products.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the expected value."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        values, probs = list(params["values"]), list(params["probabilities"])
        if params["g"] == "x^2":
            m = sum((x * p for x, p in zip(values, probs, strict=True)), Fraction(0))
            weighted = sum((x * x * p for x, p in zip(values, probs, strict=True)), Fraction(0))
            return {
                "squared_the_mean": m * m,
                "divided_by_count": weighted / len(values),
                "squared_products": sum(
                    ((x * p) ** 2 for x, p in zip(values, probs, strict=True)), Fraction(0)
                ),
            }
        weighted = sum((x * p for x, p in zip(values, probs, strict=True)), Fraction(0))
        return {
            "unweighted_mean": sum(values, Fraction(0)) / len(values),
            "divided_by_count": weighted / len(values),
        }

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The buggy answers, then each most likely value (several when they tie)."""
        yield from super().own_mistakes(params)
        if params["g"] == "x^2":
            return
        probs = list(params["probabilities"])
        top = max(probs)
        mode = self.misconception("most_likely_value")
        for value, p in zip(params["values"], probs, strict=True):
            if p == top:
                yield Mistake(mode, value, declared=True)
