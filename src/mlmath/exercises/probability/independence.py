"""Skill: the product rule, for independent and for dependent draws."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.counting import two_draws
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OneTrial, Slip, probability_slips
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

TOPIC = f"{W1_PROBABILITY} · Conditional probability and independence"
THINGS = (
    ("bag", "red", "blue", "marbles"),
    ("box", "chocolate", "plain", "biscuits"),
    ("drawer", "black", "white", "socks"),
    ("jar", "lemon", "mint", "sweets"),
    ("basket", "ripe", "unripe", "pears"),
)


@register
class Independence(Skill):
    id = "probability.independence"
    title = "The product rule: independent and dependent events"
    summary = "P(A and B) = P(A)·P(B | A); only for independent events is that P(A)·P(B)."
    levels = 3
    inputs = (
        Field("red", "integer", "how many items of the kind asked about are in the bag"),
        Field("other", "integer", "how many other items are in the bag"),
        Field("replacement", "choice", "whether the first item is put back", choices=("yes", "no")),
    )
    misconceptions = (
        Misconception(
            "multiplied_dependent",
            "You multiplied as if the draws were independent",
            "Without putting the first item back, the second draw has one item fewer of that "
            "kind and one item fewer in all. Use P(A)·P(B | A).",
            TOPIC,
        ),
        Misconception(
            "removed_after_replacement",
            "You took the item out although it was put back",
            "With replacement the bag is the same for the second draw: the draws are "
            "independent and P(A and B) = P(A)·P(B).",
            TOPIC,
        ),
        Misconception(
            "added",
            "You added the probabilities of the two draws",
            "'Both' means A and B together: multiply (product rule). Adding is for 'either "
            "one' of two events that cannot happen together.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            high = {1: 4, 2: 12, 3: 200}[level]
            name = pick(rng, NAMES)
            red = integer(rng, 2, high - 1)
            other = integer(rng, 1, high - red) if level < 3 else integer(rng, 1, 200)
            replacement = pick(rng, ("yes", "no")) if level != 2 else "no"
            params = {
                "red": red,
                "other": other,
                "replacement": replacement,
                "things": integer(rng, 0, len(THINGS) - 1),
                "name": name,
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        box, kind, other_kind, items = THINGS[params.get("things", 0)]
        back = (
            "puts it back, shakes, and takes another"
            if params["replacement"] == "yes"
            else "keeps it out and takes another"
        )
        return (
            f"A {box} holds {params['red'] + params['other']} {items}: {params['red']} {kind} "
            f"and {params['other']} {other_kind}. {params.get('name', 'Ana')} takes one at "
            f"random, {back}. What is the probability that both are {kind}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        if params["red"] < 1 or params["other"] < 0 or params["red"] + params["other"] < 2:
            raise InputError("red: the bag needs at least one such item and two items in all")
        if params["red"] + params["other"] > 1000:
            raise InputError("other: at most 1000 items in all")

    def solve(self, params: Params) -> Solution[Fraction]:
        return two_draws(params["red"], params["other"], params["replacement"] == "yes")

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "After the first draw, has the bag changed?",
            "Multiply P(first) by P(second | first): what does the bag hold at the second draw?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One draw for two, the complement, and the percentage typed as a plain number."""
        r, n = params["red"], params["red"] + params["other"]
        one_draw = OneTrial(
            Fraction(r, n),
            "draw",
            "two draws",
            "multiply the chance for the first draw by the chance for the second, given the first.",
        )
        return (one_draw, *probability_slips())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        r, n = params["red"], params["red"] + params["other"]
        independent = Fraction(r, n) ** 2
        dependent = Fraction(r, n) * Fraction(r - 1, n - 1)
        out: dict[str, Any] = {"added": Fraction(r, n) + Fraction(r - 1, n - 1)}
        if params["replacement"] == "yes":
            out["removed_after_replacement"] = dependent
            out["added"] = 2 * Fraction(r, n)
        else:
            out["multiplied_dependent"] = independent
        return out
