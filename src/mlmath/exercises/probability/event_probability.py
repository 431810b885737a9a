"""Skill: the probability of an event with fair dice, by counting equally likely outcomes."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.counting import (
    COMPARISONS,
    WORDS,
    count_favourable,
    dice_event_probability,
)
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Boundary, Division, Slip, probability_slips
from mlmath.exercises.probability.variants import (
    NAMES,
    W1_PROBABILITY,
    integer,
    is_clean,
    pick,
    probability_format,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Concept of probability: repeated random trials"
OPERATORS = tuple(COMPARISONS)


@register
class EventProbability(Skill):
    id = "probability.event_probability"
    title = "Probability by counting outcomes"
    summary = "P(event) = favourable outcomes / all equally likely outcomes."
    levels = 3
    inputs = (
        Field("sides", "integer", "faces on each die (2 to 20)"),
        Field("dice", "integer", "how many dice are rolled (1 to 10)"),
        Field("comparison", "choice", "how the total compares with the target", choices=OPERATORS),
        Field("target", "integer", "the number the total is compared with"),
    )
    misconceptions = (
        Misconception(
            "totals_equally_likely",
            "You treated every possible total as equally likely",
            "With two dice a total of 7 can happen in 6 ways but a total of 2 in only one. "
            "Count the equally likely outcomes — ordered pairs (die 1, die 2) — not the totals.",
            TOPIC,
        ),
        Misconception(
            "unordered_outcomes",
            "You counted unordered pairs",
            "(1, 2) and (2, 1) are different outcomes: the two dice are different objects. "
            "There are sides × sides ordered outcomes, all equally likely.",
            TOPIC,
        ),
        Misconception(
            "endpoint",
            "You mixed up 'at least' and 'more than' (or 'at most' and 'less than')",
            "'At least 5' includes 5; 'more than 5' does not. Check whether the target itself "
            "counts.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                sides, dice = 6, 1
                comparison = pick(rng, ("=", ">=", "<=", ">", "<"))
            elif level == 2:
                sides, dice = 6, 2
                comparison = pick(rng, ("=", ">=", "<="))
            else:
                sides, dice = pick(
                    rng,
                    (
                        (4, 2),
                        (6, 2),
                        (8, 2),
                        (10, 2),
                        (12, 2),
                        (20, 2),
                        (4, 3),
                        (6, 3),
                        (8, 3),
                        (10, 3),
                        (12, 3),
                    ),
                )
                comparison = pick(rng, OPERATORS)
            target = integer(rng, dice + 1, dice * sides - 1)
            params = {
                "sides": sides,
                "dice": dice,
                "comparison": comparison,
                "target": target,
                "name": pick(rng, NAMES),
                "game": integer(rng, 1, 500),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        sides, dice = params["sides"], params["dice"]
        name = params.get("name", "Ana")
        dice_words = "a fair die" if dice == 1 else f"{dice} fair dice"
        what = "the number shown" if dice == 1 else "the total"
        return (
            f"In round {params.get('game', 1)} of a board game, {name} rolls {dice_words} with "
            f"{sides} faces{'' if dice == 1 else ' each'} (numbered 1 to {sides}). What is the "
            f"probability that {what} "
            f"is {WORDS[params['comparison']]} {params['target']}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def solve(self, params: Params) -> Solution[Fraction]:
        return dice_event_probability(
            params["sides"], params["dice"], params["comparison"], params["target"]
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many equally likely outcomes are there in all? (With several dice, each "
            "die's face counts separately.)",
            f"There are {params['sides'] ** params['dice']} outcomes. List the ones that make "
            "the event happen and count them.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The count of favourable outcomes not divided by the number of outcomes, the
        complement, the percentage."""
        sides, dice = params["sides"], params["dice"]
        total = sides**dice
        comparison, target = params["comparison"], params["target"]
        favourable = count_favourable(sides, dice, comparison, target)
        return (
            Boundary(
                lambda at: Fraction(count_favourable(sides, dice, comparison, at), total),
                target,
                "Count the outcomes with exactly the total the question names, and check "
                "whether the boundary total itself is included.",
            ),
            Division(
                Fraction(favourable), total, f"the number of equally likely outcomes, {total}"
            ),
            *probability_slips(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        sides, dice, comparison, target = (
            params["sides"],
            params["dice"],
            params["comparison"],
            params["target"],
        )
        test = COMPARISONS[comparison]
        out: dict[str, Any] = {}
        if dice > 1:
            totals = range(dice, dice * sides + 1)
            out["totals_equally_likely"] = Fraction(
                sum(1 for t in totals if test(t, target)), len(totals)
            )
            every = list(itertools.combinations_with_replacement(range(1, sides + 1), dice))
            unordered = sum(1 for r in every if test(sum(r), target))
            out["unordered_outcomes"] = Fraction(unordered, len(every))
        flipped = {">=": ">", ">": ">=", "<=": "<", "<": "<="}.get(comparison)
        if flipped:
            out["endpoint"] = Fraction(count_favourable(sides, dice, flipped, target), sides**dice)
        return out
