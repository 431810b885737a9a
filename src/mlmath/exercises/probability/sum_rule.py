"""Skill: P(A or B) with the sum rule, subtracting the overlap once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.counting import union
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OtherQuantity, Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_PROBABILITY,
    integer,
    is_clean,
    probability_format,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Concept of probability: repeated random trials"
STORIES = (
    ("play football", "play chess"),
    ("own a cat", "own a dog"),
    ("speak Spanish", "speak French"),
    ("drink coffee", "drink tea"),
    ("read the news online", "listen to podcasts"),
    ("cycle to work", "have a gym membership"),
)


@register
class SumRule(Skill):
    id = "probability.sum_rule"
    title = "P(A or B): the sum rule"
    summary = "P(A or B) = P(A) + P(B) − P(A and B); add only when A and B cannot both happen."
    levels = 3
    inputs = (
        Field("p_a", "number", "P(A)"),
        Field("p_b", "number", "P(B)"),
        Field("p_both", "number", "P(A and B)"),
    )
    misconceptions = (
        Misconception(
            "added_overlapping",
            "You added the probabilities of events that overlap",
            "P(A) + P(B) counts the outcomes in both A and B twice. Subtract P(A and B) once. "
            "Plain adding is right only when A and B cannot happen together.",
            TOPIC,
        ),
        Misconception(
            "multiplied",
            "You multiplied the probabilities",
            "Multiplying gives P(A and B) for independent events — both at once. 'A or B' "
            "means at least one of them: P(A) + P(B) − P(A and B).",
            TOPIC,
        ),
        Misconception(
            "subtracted_twice",
            "You subtracted the overlap twice: that is P(exactly one of A and B)",
            "P(A) + P(B) counts the overlap twice, so one subtraction leaves it counted once. "
            "A second subtraction removes the outcomes in both events altogether, but 'A or "
            "B' includes them: subtract P(A and B) once.",
            TOPIC,
        ),
        Misconception(
            "independence_formula",
            "You subtracted P(A)·P(B) instead of the given P(A and B)",
            "P(A and B) = P(A)·P(B) holds only for independent events, and the question gives "
            "the overlap itself: P(A or B) = P(A) + P(B) − P(A and B), with that overlap.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        size = {1: 12, 2: 100, 3: 1000}[level]
        while True:
            a = integer(rng, 1, size * 2 // 3)
            b = integer(rng, 1, size * 2 // 3)
            both = integer(rng, max(0, a + b - size), min(a, b))
            if level > 1 and both == 0:
                continue
            params = {
                "p_a": Fraction(a, size),
                "p_b": Fraction(b, size),
                "p_both": Fraction(both, size),
                "size": size * (1 if level < 3 else integer(rng, 1, 5)),
                "story": integer(rng, 0, len(STORIES) - 1),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        a_text, b_text = STORIES[params.get("story", 0)]
        n = params.get("size", 100)
        counts = [params[k] * n for k in ("p_a", "p_b", "p_both")]
        if all(c.denominator == 1 for c in counts):
            ca, cb, cab = (int(c) for c in counts)
            return (
                f"In a group of {n} people, {ca} {a_text}, {cb} {b_text}, and {cab} do both. "
                f"One person is picked at random. What is the probability that they {a_text} "
                f"or {b_text} (or both)?",
            )
        return (
            f"P(A) = {params['p_a']}, P(B) = {params['p_b']} and P(A and B) = "
            f"{params['p_both']}. What is P(A or B)?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            union(params["p_a"], params["p_b"], params["p_both"])
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        return union(params["p_a"], params["p_b"], params["p_both"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "If you add P(A) and P(B), which outcomes have you counted twice?",
            "Subtract the people (or outcomes) in both groups once.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The overlap for the union, the complement, the percentage."""
        return (
            *probability_slips(),
            OtherQuantity(
                params["p_both"],
                "P(A and B), the overlap",
                "P(A or B)",
                "add P(A) and P(B), then subtract the overlap once.",
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a, b, both = params["p_a"], params["p_b"], params["p_both"]
        return {
            "added_overlapping": a + b,
            "multiplied": a * b,
            "subtracted_twice": a + b - 2 * both,
            "independence_formula": a + b - a * b,
        }
