"""Skill: count the ways to choose k of n — ordered or not, with or without replacement."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.arrangements import check, choices, count_choices
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.probability.variants import NAMES, W1_PROBABILITY, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Concept of probability: repeated random trials"
YES_NO = ("yes", "no")
PEOPLE = (
    *NAMES,
    *("Uma", "Victor", "Wen", "Xavier", "Yara", "Zane", "Aiko", "Bruno", "Cleo", "Diego"),
    *("Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Keira", "Luca", "Maya", "Noor"),
)

STORIES: dict[tuple[bool, bool], tuple[str, ...]] = {
    # (order matters, replacement): stories with {n} and {k}
    (True, True): (
        "{name}'s lock code is {k} symbols long, each one of {n} symbols, and symbols may repeat. "
        "How many codes are possible?",
        "{name} answers {k} multiple-choice questions with {n} options each. In how many ways can "
        "the answer sheet be filled?",
        "{name} makes a password of {k} characters from an alphabet of {n}, repeats allowed. How "
        "many passwords are possible?",
        "{name}'s bike lock has {k} dials with {n} symbols each. How many settings are there?",
        "{name} rolls a fair {n}-sided die {k} times and writes the results in order. How many "
        "sequences are possible?",
    ),
    (True, False): (
        "{name} watches {n} runners race. In how many ways can the first {k} places be filled?",
        "{name}'s club of {n} members elects {k} different officers (chair, secretary, …), one "
        "person per post. How many ways are there?",
        "{name} arranges {k} of {n} different books in a row on a shelf. How many arrangements "
        "are there?",
        "{name} fills {k} time slots with {k} of {n} different talks, one talk per slot. How many "
        "schedules are possible?",
        "{name} gives {k} different prizes to {k} of the {n} guests at a party, at most one prize "
        "each. In how many ways?",
    ),
    (False, False): (
        "A committee of {k} is chosen from the {n} people at {name}'s office. How many committees "
        "are possible?",
        "{name} picks {k} of {n} different toppings for a pizza, each at most once. How many "
        "pizzas are possible?",
        "{name} is dealt a hand of {k} cards from {n} different cards. How many hands are "
        "possible?",
        "{name} chooses {k} of {n} different elective courses. How many choices are possible?",
        "{name} picks {k} different lottery numbers out of {n}; the order does not matter. How "
        "many tickets are possible?",
    ),
    (False, True): (
        "{name} fills a cone with {k} scoops from {n} flavours; flavours may repeat and the order "
        "of the scoops does not matter. How many cones are possible?",
        "{name} fills a bag with {k} sweets from {n} kinds, any kind any number of times; only "
        "how many of each kind counts. How many bags are possible?",
        "{name} buys {k} doughnuts at a shop with {n} kinds, any kind several times; the box is "
        "unordered. How many different boxes are possible?",
    ),
}


@register
class Counting(Skill):
    id = "probability.counting"
    title = "Permutations and combinations"
    summary = (
        "Choose k of n: nᵏ, n!/(n − k)!, C(n, k) or C(n + k − 1, k), by order and replacement."
    )
    levels = 3
    inputs = (
        Field("n", "integer", "how many to choose from"),
        Field("k", "integer", "how many are chosen"),
        Field("ordered", "choice", "does the order of the choices matter?", choices=YES_NO),
        Field("replacement", "choice", "can the same one be chosen again?", choices=YES_NO),
    )
    misconceptions = (
        Misconception(
            "order_counted",
            "The order was counted although it does not matter",
            "A committee {Ana, Ben} is the same as {Ben, Ana}. The ordered count n!/(n − k)! "
            "lists each group k! times: divide by k! to get C(n, k).",
            TOPIC,
        ),
        Misconception(
            "order_ignored",
            "The order matters here, so C(n, k) is too small",
            "Gold to Ana and silver to Ben differs from the other way round. Count ordered "
            "lists, n·(n − 1)·…·(n − k + 1), without dividing by k!.",
            TOPIC,
        ),
        Misconception(
            "replacement_mixed_up",
            "Repeats were handled the wrong way",
            "With repeats allowed every position has all n options (nᵏ); without them each "
            "position has one option fewer (n·(n − 1)·…).",
            TOPIC,
        ),
        Misconception(
            "divided_repeats",
            "nᵏ/k! does not count choices with repeats",
            "Dividing by k! assumes every group appears in k! orders, but a group with repeats "
            "(two scoops of vanilla) appears in fewer. Use stars and bars: C(n + k − 1, k).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        name = pick(rng, PEOPLE)
        if level == 1:
            ordered, replacement = pick(rng, ((True, False), (False, False), (True, True)))
            n, k = integer(rng, 4, 7), integer(rng, 2, 3)
        elif level == 2:
            ordered, replacement = pick(rng, tuple(STORIES))
            n, k = integer(rng, 5, 12), integer(rng, 2, 4)
        else:
            ordered, replacement = pick(rng, tuple(STORIES))
            while True:  # a number a person can still type: at most 12 digits
                n, k = integer(rng, 8, 300), integer(rng, 2, 8)
                if choices(n, k, ordered, replacement) < 10**12:
                    break
        stories = STORIES[(ordered, replacement)]
        return {
            "n": n,
            "k": k,
            "ordered": "yes" if ordered else "no",
            "replacement": "yes" if replacement else "no",
            "story": integer(rng, 0, len(stories) - 1),
            "name": name,
        }

    @staticmethod
    def _case(params: Params) -> tuple[bool, bool]:
        return params["ordered"] == "yes", params["replacement"] == "yes"

    def prompt(self, params: Params) -> Prompt:
        case = self._case(params)
        stories = STORIES[case]
        story = stories[params.get("story", 0) % len(stories)]
        return (story.format(n=params["n"], k=params["k"], name=params.get("name", "Ana")),)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def check_inputs(self, params: Params) -> None:
        try:
            check(params["n"], params["k"], self._case(params)[1])
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[int]:
        ordered, replacement = self._case(params)
        return count_choices(params["n"], params["k"], ordered, replacement)

    def answer(self, params: Params) -> int:
        ordered, replacement = self._case(params)
        return choices(params["n"], params["k"], ordered, replacement)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Two questions first: does the order of the choices matter, and can the same one "
            "be chosen twice?",
            "Count positions one at a time (multiplication rule); if the order does not "
            "matter, each group was counted once per ordering.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Every arrangement of all n (n!), and order and repeats both counted (nᵏ)."""
        n, k = params["n"], params["k"]
        slips: list[Slip] = []
        if n <= 20:
            slips.append(
                OtherQuantity(
                    math.factorial(n),
                    f"{n}!, every order of all {n}",
                    "the count asked",
                    "count only the k that are chosen.",
                )
            )
        slips.append(
            OtherQuantity(
                n**k,
                f"{n}^{k}, with order and repeats",
                "the count asked",
                "check whether order matters and whether repeats are allowed.",
            )
        )
        return slips

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        n, k = params["n"], params["k"]
        ordered, replacement = self._case(params)
        out: dict[str, Any] = {}
        if ordered:
            out["order_ignored"] = choices(n, k, False, replacement)
            if k <= n:
                out["replacement_mixed_up"] = choices(n, k, True, not replacement)
        elif replacement:
            out["order_counted"] = n**k
            out["divided_repeats"] = n**k / math.factorial(k)
        else:
            out["order_counted"] = math.perm(n, k)
            out["replacement_mixed_up"] = math.comb(n + k - 1, k)
        return out
