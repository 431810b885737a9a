"""Skill: Bayes' theorem — a positive medical test, a word in a spam filter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.conditional import bayes
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, OtherQuantity, Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_PROBABILITY,
    integer,
    is_clean,
    percent_text,
    pick,
    probability_format,
    reported,
    reported_all,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Bayes theorem"
ILLNESSES = (
    "a rare illness",
    "a thyroid condition",
    "a vitamin deficiency",
    "an allergy",
    "a heart condition",
    "a bacterial infection",
    "a gene variant",
    "diabetes",
)
WORDS = ("lottery", "winner", "free", "urgent", "prize", "offer", "bitcoin", "password")


@register
class BayesTheorem(Skill):
    id = "probability.bayes_theorem"
    title = "Bayes' theorem"
    summary = "P(H | E) = P(E | H)·P(H) / P(E), with P(E) added up over H and not H."
    levels = 3
    inputs = (
        Field("prior", "number", "P(H) before the evidence, e.g. how common the illness is"),
        Field("sensitivity", "number", "P(E | H), e.g. P(positive test | ill)"),
        Field("false_positive_rate", "number", "P(E | not H), e.g. P(positive test | healthy)"),
    )
    misconceptions = (
        Misconception(
            "swapped_condition",
            "You gave P(E | H), not P(H | E)",
            "How often the ill test positive is not how often the positive are ill. Bayes' "
            "theorem turns one into the other by weighing with how common H is.",
            TOPIC,
        ),
        Misconception(
            "ignored_prior",
            "You left out how common H is (the base rate)",
            "When H is rare, most positives come from the large group without H. Multiply "
            "each likelihood by its prior: P(E | H)·P(H) and P(E | not H)·P(not H).",
            TOPIC,
        ),
        Misconception(
            "forgot_denominator",
            "You stopped at P(E | H)·P(H) — that is P(H and E)",
            "Divide by P(E), the total chance of the evidence, to get the share of H among "
            "the cases with E.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                prior = pick(rng, (Fraction(1, 2), Fraction(1, 4), Fraction(1, 5), Fraction(1, 10)))
                sens = pick(rng, (Fraction(1, 2), Fraction(3, 4), Fraction(4, 5), Fraction(9, 10)))
                fpr = pick(rng, (Fraction(1, 10), Fraction(1, 5), Fraction(1, 4), Fraction(1, 2)))
            elif level == 2:
                prior = Fraction(integer(rng, 1, 30), 100)
                sens = Fraction(integer(rng, 70, 99), 100)
                fpr = Fraction(integer(rng, 1, 20), 100)
            else:
                prior = Fraction(integer(rng, 1, 300), 10000)
                sens = Fraction(integer(rng, 700, 999), 1000)
                fpr = Fraction(integer(rng, 5, 200), 1000)
            params = {
                "prior": prior,
                "sensitivity": sens,
                "false_positive_rate": fpr,
                "story": integer(rng, 0, 1),
                "topic": integer(rng, 0, 7),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        p, s, f = (percent_text(params[k]) for k in ("prior", "sensitivity", "false_positive_rate"))
        topic = params.get("topic", 0)
        if params.get("story", 0) == 0:
            return (
                f"{p} of people have {ILLNESSES[topic]}. A test is positive for {s} of the "
                f"people who have it, and (falsely) for {f} of the people who do not. A "
                "person's test is positive. What is the probability that they have it?",
            )
        return (
            f"{p} of the emails reaching an inbox are spam. The word '{WORDS[topic]}' appears "
            f"in {s} of spam emails and in {f} of the others. An email contains the word. "
            "What is the probability that it is spam?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            bayes(params["prior"], params["sensitivity"], params["false_positive_rate"])
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Any]:
        return reported(
            bayes(params["prior"], params["sensitivity"], params["false_positive_rate"])
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Imagine 10,000 people (or emails). How many have H? Of those, how many show the "
            "evidence? And of the others?",
            "P(H | E) = P(E | H)·P(H) / [P(E | H)·P(H) + P(E | not H)·P(not H)].",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The prior for the posterior, the division by P(positive) left out or doubled, the
        complement, the percentage."""
        prior, s, f = params["prior"], params["sensitivity"], params["false_positive_rate"]
        evidence = prior * s + (1 - prior) * f
        return (
            Division(prior * s, evidence, "P(positive), the chance of any positive result"),
            OtherQuantity(
                prior,
                "the prior",
                "the probability after the evidence",
                "update it with Bayes' rule.",
            ),
            *probability_slips(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        return reported_all(self._buggy(params))

    def _buggy(self, params: Params) -> dict[str, Any]:
        prior, s, f = params["prior"], params["sensitivity"], params["false_positive_rate"]
        out: dict[str, Any] = {"swapped_condition": s, "forgot_denominator": s * prior}
        if s + f:
            out["ignored_prior"] = s / (s + f)
        return out
