"""Skill: the Bernoulli distribution — one trial, success or failure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.discrete import bernoulli
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, Spread, probability_slips
from mlmath.exercises.probability.variants import (
    W1_RANDOM_VARIABLES,
    grid_probability,
    pick,
    probability_format,
    probability_text,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Discrete random variables: Bernoulli distribution"
ASKED = ("P(X = 0)", "mean", "variance")
STORIES = (
    "A visitor to {item} clicks an advert with probability {p}. X = 1 if they click, 0 if not.",
    "A seed of {item} sprouts with probability {p}. X = 1 if it sprouts, 0 if not.",
    "A biased {item} shows heads with probability {p}. X = 1 for heads, 0 for tails.",
    "A model labels a photo of {item} correctly with probability {p}. X = 1 if correct, 0 if not.",
)
ITEMS = (
    ("a news site", "a shop", "a blog", "a travel site", "a music site", "a game site"),
    ("basil", "tomato", "pepper", "lettuce", "bean", "sunflower"),
    ("coin", "bottle cap", "token", "medal", "button", "disc"),
    ("a cat", "a dog", "a bird", "a car", "a tree", "a bicycle"),
)
QUESTIONS = {
    "P(X = 0)": "What is P(X = 0)?",
    "mean": "What is the mean E[X]?",
    "variance": "What is the variance Var(X)?",
}


@register
class Bernoulli(Skill):
    id = "probability.bernoulli"
    title = "The Bernoulli distribution"
    summary = "X ~ Bernoulli(p): P(X = 1) = p, E[X] = p, Var(X) = p(1 − p)."
    levels = 3
    inputs = (
        Field("p", "number", "the probability of success, P(X = 1)"),
        Field("asked", "choice", "what is asked", choices=ASKED),
    )
    misconceptions = (
        Misconception(
            "variance_is_p",
            "You gave the mean as the variance",
            "For a Bernoulli variable the mean is p, but the variance is p(1 − p): largest at "
            "p = 1/2, zero when the outcome is certain.",
            TOPIC,
        ),
        Misconception(
            "variance_p_squared",
            "You squared p for the variance",
            "Var(X) = E[X²] − (E[X])² = p − p² = p(1 − p), not p².",
            TOPIC,
        ),
        Misconception(
            "success_for_failure",
            "You gave the probability of success",
            "P(X = 0) is the probability of failure: 1 − p.",
            TOPIC,
        ),
        Misconception(
            "mean_one_half",
            "You took the mean halfway between 0 and 1",
            "The mean weighs each value by its probability: 0·(1 − p) + 1·p = p.",
            TOPIC,
        ),
        Misconception(
            "value_for_probability",
            "That is the value of X, not its probability",
            "X = 0 names an outcome, failure. Its probability is another number: "
            "P(X = 0) = 1 − p, the chance that the trial fails.",
            TOPIC,
            hint="How likely is a failure, if a success has probability p?",
        ),
        Misconception(
            "variance_one_minus_p",
            "You gave the probability of failure as the variance",
            "1 − p is P(X = 0). The variance multiplies both probabilities: Var(X) = p(1 − p).",
            TOPIC,
            hint="Var(X) = E[X²] − (E[X])². What are E[X²] and E[X] when X is 0 or 1?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            p = pick(rng, tuple(Fraction(k, d) for d in (2, 3, 4) for k in range(1, d)))
            asked = pick(rng, ("P(X = 0)", "mean"))
        elif level == 2:
            p = grid_probability(rng, 1, 19, 20)
            asked = pick(rng, ASKED)
        else:
            p = grid_probability(rng, 1, 9999, 10000)
            asked = pick(rng, ("variance", "variance", "P(X = 0)"))
        return {
            "p": p,
            "asked": asked,
            "story": int(rng.integers(len(STORIES))),
            "item": int(rng.integers(6)),
        }

    def prompt(self, params: Params) -> Prompt:
        index = params.get("story", 0)
        item = ITEMS[index][params.get("item", 0)]
        story = STORIES[index].format(p=probability_text(params["p"]), item=item)
        return (f"{story} {QUESTIONS[params['asked']]}",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        if not 0 <= params["p"] <= 1:
            raise InputError("p: a probability lies between 0 and 1")

    def solve(self, params: Params) -> Solution[Fraction]:
        return bernoulli(params["p"], params["asked"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Write the PMF: which two values does X take, and with which probabilities?",
            "Mean: weigh each value by its probability. Variance: E[X²] − (E[X])², and "
            "X² = X here.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """For the variance, the standard deviation; otherwise the complement, the percentage."""
        if params["asked"] == "variance":
            return (Spread(sd=False),)
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        p = params["p"]
        asked = params["asked"]
        if asked == "variance":
            return {"variance_is_p": p, "variance_p_squared": p * p, "variance_one_minus_p": 1 - p}
        if asked == "P(X = 0)":
            return {"success_for_failure": p, "value_for_probability": Fraction(0)}
        return {"mean_one_half": Fraction(1, 2)}
