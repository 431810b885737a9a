"""Skill: the coin bias with the smallest log loss is the proportion of heads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.optimisation import log_loss_minimum
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.functions import WEEK1, integer, pick
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, Percent, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Optimizing cost functions in ML: Log loss"


@register
class LogLossMinimum(Skill):
    id = "calculus.log_loss_minimum"
    title = "Minimise the log loss"
    summary = "Find the probability p that best explains coin tosses (smallest log loss)."
    levels = 3
    inputs = (
        Field("heads", "integer", "how many tosses came up heads"),
        Field("tosses", "integer", "how many tosses in all"),
    )
    misconceptions = (
        Misconception(
            "proportion_of_tails",
            "That is the proportion of tails",
            "p is the probability of heads: L′(p) = −k/p + (n − k)/(1 − p) = 0 gives p = k/n with "
            "k the number of HEADS.",
            TOPIC,
        ),
        Misconception(
            "fair_coin",
            "The coin was assumed fair",
            "The point of minimising the loss is to let the data decide. Only if half the tosses "
            "were heads is p = 1/2 the best fit.",
            TOPIC,
        ),
        Misconception(
            "odds",
            "Heads over tails is the odds, not the probability",
            "The probability divides the heads by ALL tosses: k/n, a number between 0 and 1.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = {1: pick(rng, (4, 5, 8, 10, 12)), 2: integer(rng, 12, 40), 3: integer(rng, 40, 2000)}[
            level
        ]
        k = integer(rng, 1, n - 1)
        while 2 * k == n:
            k = integer(rng, 1, n - 1)
        return {"heads": k, "tosses": n}

    def prompt(self, params: Params) -> Prompt:
        k, n = params["heads"], params["tosses"]
        return (
            f"A coin is tossed {n} times and lands heads {k} times. The model says heads comes up "
            "with probability p. Which p makes the log loss "
            f"L(p) = −{k}·ln(p) − {n - k}·ln(1 − p) smallest?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=3, percent_allowed=True)

    def solve(self, params: Params) -> Solution[Fraction]:
        return log_loss_minimum(params["heads"], params["tosses"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which value of p would you guess from the data alone? The calculus should agree.",
            "Differentiate: d/dp ln(p) = 1/p and d/dp ln(1 − p) = −1/(1 − p). Set L′(p) = 0.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The count of heads not divided by the number of tosses."""
        k, n = params["heads"], params["tosses"]
        return (Division(Fraction(k), n, f"the number of tosses, {n}"), Percent())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        k, n = params["heads"], params["tosses"]
        return {
            "proportion_of_tails": Fraction(n - k, n),
            "fair_coin": Fraction(1, 2),
            "odds": Fraction(k, n - k),
        }

    def check_inputs(self, params: Params) -> None:
        k, n = params["heads"], params["tosses"]
        if not 0 < k < n or n > 10**6:
            raise InputError("heads must be between 1 and tosses − 1 (and tosses at most 10⁶)")
