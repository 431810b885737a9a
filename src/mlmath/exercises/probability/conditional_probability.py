"""Skill: P(A | B) from counts — narrow the world to B, then count A."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.conditional import conditional_from_counts
from mlmath.engine.probability.notation import Table
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_PROBABILITY,
    integer,
    is_clean,
    pick,
    probability_format,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Conditional probability and independence"
EVENTS = (
    ("A: the student passed the exam", "B: the student went to the review session"),
    ("A: the day was rainy", "B: the bus was late"),
    ("A: the customer bought a phone case", "B: the customer bought a phone"),
    ("A: the patient has a fever", "B: the patient has the flu"),
    ("A: the email contains the word 'winner'", "B: the email is spam"),
)


@register
class ConditionalProbability(Skill):
    id = "probability.conditional_probability"
    title = "Conditional probability from counts"
    summary = "P(A | B) = n(A and B) / n(B): keep only the outcomes where B happened."
    levels = 3
    inputs = (
        Field("both", "integer", "how many outcomes are in A and in B"),
        Field("a_only", "integer", "how many are in A but not B"),
        Field("b_only", "integer", "how many are in B but not A"),
        Field("neither", "integer", "how many are in neither", required=False, default=0),
        Field(
            "asked",
            "choice",
            "which conditional probability",
            required=False,
            default="A given B",
            choices=("A given B", "B given A"),
        ),
    )
    misconceptions = (
        Misconception(
            "swapped_condition",
            "You computed P(B | A) instead of P(A | B) (or the other way round)",
            "The bar reads 'given': P(A | B) divides by the outcomes where B happened, "
            "P(B | A) by those where A happened. They are usually different numbers.",
            TOPIC,
        ),
        Misconception(
            "joint_instead",
            "You gave P(A and B), the share of everyone",
            "Conditioning shrinks the whole to the outcomes where the condition holds: divide "
            "by n(condition), not by the total.",
            TOPIC,
        ),
        Misconception(
            "ignored_condition",
            "You ignored the condition",
            "P(A) over everyone is not P(A | B): the question looks only at the cases where "
            "the condition holds.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        high = {1: 6, 2: 40, 3: 400}[level]
        while True:
            params = {
                "both": integer(rng, 1, high),
                "a_only": integer(rng, 1, high),
                "b_only": integer(rng, 1, high),
                "neither": integer(rng, 1, high),
                "asked": "A given B" if level == 1 else pick(rng, ("A given B", "B given A")),
                "story": integer(rng, 0, len(EVENTS) - 1),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        a, b = EVENTS[params.get("story", 0)]
        table = Table(
            ("", "B", "not B"),
            (
                ("A", str(params["both"]), str(params["a_only"])),
                ("not A", str(params["b_only"]), str(params.get("neither", 0))),
            ),
        )
        event, cond = ("A", "B") if params["asked"] == "A given B" else ("B", "A")
        return (
            f"{a}; {b}. The counts of cases:",
            table,
            f"One case is picked at random. What is P({event} | {cond})?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def solve(self, params: Params) -> Solution[Fraction]:
        return conditional_from_counts(
            params["both"], params["a_only"], params["b_only"], params["asked"]
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        cond = "B" if params["asked"] == "A given B" else "A"
        return (
            f"Which cases are left once you know that {cond} happened?",
            f"Add the cases where {cond} happened; how many of them are in the other event too?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        both, a_only, b_only = params["both"], params["a_only"], params["b_only"]
        everyone = both + a_only + b_only + params.get("neither", 0)
        given_b = params["asked"] == "A given B"
        swapped = Fraction(both, both + (a_only if given_b else b_only))
        out: dict[str, Any] = {"swapped_condition": swapped}
        if everyone:
            out["joint_instead"] = Fraction(both, everyone)
            out["ignored_condition"] = Fraction(both + (a_only if given_b else b_only), everyone)
        return out
