"""Skill: the birthday problem — the chance that at least two share a day (or a code)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.birthday import all_different, check, shared_probability
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import NAMES, W1_PROBABILITY, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Concept of probability: repeated random trials"

STORIES = (
    "In a class of {n} students, what is the probability that at least two share a birthday? "
    "(Take {d} equally likely days.)",
    "{name} and {others} friends each roll a fair {d}-sided die once. What is the probability "
    "that at least two of the {n} roll the same number?",
    "A web service gives each of {n} sessions a random ID out of {d} equally likely ones. "
    "What is the probability that at least two sessions get the same ID?",
    "At {name}'s gym, {n} guests each choose one of {d} lockers at random. What is the "
    "probability that at least two choose the same locker?",
)


@register
class Birthday(Skill):
    id = "probability.birthday"
    title = "The birthday problem"
    summary = "P(at least two share) = 1 − d·(d − 1)·…·(d − n + 1)/dⁿ: count the complement."
    levels = 3
    inputs = (
        Field("people", "integer", "how many people (or draws) n"),
        Field(
            "days", "integer", "how many equally likely values d (365 for birthdays)", False, 365
        ),
    )
    misconceptions = (
        Misconception(
            "one_person",
            "That compares everyone with one person only",
            "1 − ((d − 1)/d)ⁿ⁻¹ is the chance that someone matches YOUR birthday. Any pair "
            "may match: with 23 people there are 253 pairs, not 22.",
            TOPIC,
        ),
        Misconception(
            "added_chances",
            "Chances of overlapping events do not simply add",
            "n/d (or the pairs times 1/d) counts some matches several times and can exceed 1. "
            "Count the complement instead: 1 − P(all different).",
            TOPIC,
        ),
        Misconception(
            "forgot_complement",
            "That is P(all different); the question asks for the complement",
            "The product d·(d − 1)·…/dⁿ is the chance that nobody shares. At least two share "
            "with probability 1 minus that.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        name = pick(rng, NAMES)
        if level == 1:
            return {
                "people": integer(rng, 2, 3),
                "days": pick(rng, (3, 4, 6)),
                "story": 1,
                "name": name,
            }
        if level == 2:
            return {"people": integer(rng, 5, 60), "days": 365, "story": 0, "name": name}
        story = integer(rng, 1, len(STORIES) - 1)
        if story == 1:
            days, people = integer(rng, 6, 120), integer(rng, 2, 60)
        elif story == 2:
            days, people = integer(rng, 1000, 100_000), integer(rng, 10, 400)
        else:
            days, people = integer(rng, 20, 2000), integer(rng, 3, 100)
        return {"people": people, "days": days, "story": story, "name": name}

    def prompt(self, params: Params) -> Prompt:
        story = STORIES[params.get("story", 0)]
        n = params["people"]
        text = story.format(n=n, d=params["days"], name=params.get("name", "Ana"), others=n - 1)
        return (text + " Give it exactly or to 4 decimal places.",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4, percent_allowed=True)

    def check_inputs(self, params: Params) -> None:
        try:
            check(params["people"], params["days"] or 365)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction | float]:
        return shared_probability(params["people"], params["days"] or 365)

    def answer(self, params: Params) -> Fraction | float:
        return 1 - all_different(params["people"], params["days"] or 365)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What is the only way for nobody to share? Is that easier to count?",
            "P(all different) = d·(d − 1)·…·(d − n + 1)/dⁿ; the answer is 1 minus that.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        n, d = params["people"], params["days"] or 365
        different = all_different(n, d)
        return {
            "one_person": 1 - (1 - 1 / d) ** (n - 1),
            "added_chances": Fraction(n, d),
            "forgot_complement": different,
        }
