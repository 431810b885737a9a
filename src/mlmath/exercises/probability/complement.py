"""Skill: "at least one" in repeated independent trials, through the complement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.counting import at_least_one
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OneTrial, OtherQuantity, Slip, probability_slips
from mlmath.exercises.probability.variants import (
    NAMES,
    W1_PROBABILITY,
    grid_probability,
    integer,
    is_clean,
    percent_text,
    pick,
    probability_format,
    probability_text,
    reported,
    reported_all,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Concept of probability: repeated random trials"
STORIES = (
    "{name} flips a coin that lands heads with probability {p}, {n} times. What is the "
    "probability of at least one head?",
    "{name} rolls a die {n} times; each roll shows a six with probability {p}. What is the "
    "probability of at least one six?",
    "Each of {n} independent emails is spam with probability {p}. What is the probability "
    "that at least one of them is spam?",
    "A light bulb fails in its first year with probability {p}. {name} buys {n} bulbs that "
    "fail independently. What is the probability that at least one fails in its first year?",
    "A free throw by {name} goes in with probability {p}. In {n} independent throws, what is "
    "the probability of scoring at least once?",
)


@register
class Complement(Skill):
    id = "probability.complement"
    title = "At least one: the complement rule"
    summary = "P(at least one success in n trials) = 1 − P(no success) = 1 − (1 − p)ⁿ."
    levels = 3
    inputs = (
        Field("p", "number", "the probability of success in one trial"),
        Field("n", "integer", "the number of independent trials"),
    )
    misconceptions = (
        Misconception(
            "added_probabilities",
            "You added the probabilities of the trials",
            "Adding works only for events that cannot happen together. Successes in "
            "different trials can, so n·p counts some outcomes several times (it can even "
            "pass 1). Use the complement: 1 − (1 − p)ⁿ.",
            TOPIC,
        ),
        Misconception(
            "forgot_complement",
            "You gave the probability of no success at all",
            "(1 − p)ⁿ is the chance that every trial fails — the complement of what was "
            "asked. Subtract it from 1.",
            TOPIC,
        ),
        Misconception(
            "all_succeed",
            "You gave the probability that every trial succeeds",
            "pⁿ is the chance of n successes out of n. 'At least one' fails only when all "
            "fail, so it is 1 − (1 − p)ⁿ.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                p, n, story = pick(rng, (Fraction(1, 2), Fraction(1, 3))), integer(rng, 2, 3), 0
            elif level == 2:
                p, n, story = Fraction(1, 6), integer(rng, 2, 6), 1
            else:
                p = grid_probability(rng, 1, 900, 1000)
                n, story = integer(rng, 2, 60), integer(rng, 0, 4)
            params = {"p": p, "n": n, "story": story, "name": pick(rng, NAMES)}
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        story = STORIES[params.get("story", 0)]
        shown = self._p_text(params)
        return (story.format(name=params.get("name", "Ana"), p=shown, n=params["n"]),)

    @staticmethod
    def _p_text(params: Params) -> str:
        """p as the question writes it: a percentage in the stories about emails, bulbs and
        throws, else a probability."""
        p: Fraction = params["p"]
        return percent_text(p) if params.get("story", 0) >= 2 else probability_text(p)

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        if not 0 <= params["p"] <= 1:
            raise InputError("p: a probability lies between 0 and 1")
        if not 1 <= params["n"] <= 1000:
            raise InputError("n: give 1 to 1000 trials")

    def solve(self, params: Params) -> Solution[Any]:
        return reported(at_least_one(params["p"], params["n"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What is the only way to have no success at all? Is that easier to compute?",
            f"P(no success) = (1 − p)^{params['n']}. What is left for 'at least one'?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Exactly one for at least one, one trial for n, the complement, the percentage."""
        p, n = params["p"], params["n"]
        exactly_one = n * p * (1 - p) ** (n - 1)
        return (
            OtherQuantity(
                exactly_one,
                "the probability of exactly one",
                "the probability of at least one",
                "1 minus the probability of none.",
            ),
            OneTrial(
                p,
                "trial",
                f"{n} trials",
                f"at least one success in {n} trials is 1 − (1 − p)^{n}, 1 minus the chance "
                "that every trial fails.",
                self._p_text(params),
            ),
            *probability_slips(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        return reported_all(self._buggy(params))

    def _buggy(self, params: Params) -> dict[str, Any]:
        p, n = params["p"], params["n"]
        return {
            "added_probabilities": n * p,
            "forgot_complement": (1 - p) ** n,
            "all_succeed": p**n,
        }
