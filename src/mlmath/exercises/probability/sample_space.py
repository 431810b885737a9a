"""Skill: list a sample space — every ordered outcome of repeated draws, with or without
replacement."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.probability.sample_spaces import check_items, outcomes, sample_space
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.probability.variants import NAMES, W1_PROBABILITY, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Concept of probability: repeated random trials"
YES_NO = ("yes", "no")

COLOURS = {
    "R": "red",
    "G": "green",
    "B": "blue",
    "Y": "yellow",
    "W": "white",
    "K": "black",
    "P": "purple",
    "O": "orange",
    "N": "brown",
    "V": "violet",
}
SETTINGS = (
    "{name} draws {k} marbles one after another from a bag of {n} marbles, one of each colour: "
    "{items}",
    "{name} picks {k} cards one after another from a pile of {n} cards, one of each colour: "
    "{items}",
    "A spinner has {n} equal sectors coloured {items}; {name} spins it {k} times",
    "{name} takes {k} sweets one after another from a jar of {n} sweets, one of each colour: "
    "{items}",
)


def _candidates(items: str, draws: int) -> tuple[str, ...]:
    return tuple("".join(p) for p in itertools.product(items, repeat=draws))


def _unordered(listed: tuple[str, ...], items: str) -> frozenset[str]:
    """One representative per group: the outcomes already in the items' order."""
    rank = {c: i for i, c in enumerate(items)}
    return frozenset(o for o in listed if list(o) == sorted(o, key=rank.__getitem__))


@register
class SampleSpace(Skill):
    id = "probability.sample_space"
    title = "Listing a sample space"
    summary = (
        "Every ordered outcome of repeated draws: a tree of stages, with or without replacement."
    )
    levels = 3
    inputs = (
        Field("items", "string", "one character per possible result, e.g. HT for a coin or RGB"),
        Field("draws", "integer", "how many draws (or tosses), recorded in order"),
        Field(
            "replacement",
            "choice",
            "is each result put back (can it repeat)?",
            False,
            "yes",
            choices=YES_NO,
        ),
    )
    misconceptions = (
        Misconception(
            "repeats_without_replacement",
            "Without replacement an item cannot come up twice",
            "Once the red marble is out of the bag it cannot be drawn again, so RR is not an "
            "outcome; each later draw has one item fewer to choose from.",
            TOPIC,
        ),
        Misconception(
            "no_repeats_with_replacement",
            "With replacement an item can come up again",
            "A coin can land heads twice and a replaced marble can be drawn again: HH and RR "
            "are outcomes, and every draw has all the items to choose from.",
            TOPIC,
        ),
        Misconception(
            "ignored_order",
            "The draws are recorded in order: RG and GR are different outcomes",
            "Red then green and green then red are two different paths through the tree; "
            "listing only one of them leaves outcomes out.",
            TOPIC,
        ),
        Misconception(
            "order_and_repeats",
            "You ignored the order and got the repeats backwards too",
            "Two slips at once. The draws are recorded in order, so RG and GR are two "
            "outcomes; and whether a result can come up twice depends on putting it back: "
            "with replacement RR is an outcome, without replacement it is not. Follow every "
            "path of the tree.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        setting = integer(rng, 0, len(SETTINGS) - 1)
        name = pick(rng, NAMES)
        if level == 1:
            if integer(rng, 0, 1):
                return {
                    "items": "HT",
                    "draws": 2,
                    "replacement": "yes",
                    "setting": -1,
                    "name": name,
                }
            n, k = 3, 2
        elif level == 2:
            n, k = pick(rng, ((3, 2), (4, 2), (3, 3), (2, 3)))
        else:
            n, k = pick(rng, ((3, 2), (4, 2), (5, 2), (6, 2), (7, 2), (3, 3)))
        colours = "".join(str(c) for c in rng.permutation(list(COLOURS))[:n])
        replacement = "yes" if setting == 2 or (level > 1 and integer(rng, 0, 1)) else "no"
        if replacement == "no" and k > n:
            replacement = "yes"
        return {
            "items": colours,
            "draws": k,
            "replacement": replacement,
            "setting": setting,
            "name": name,
        }

    def _format_options(self, params: Params) -> tuple[Choice, ...]:
        return tuple(Choice(o, o) for o in _candidates(params["items"], params["draws"]))

    def prompt(self, params: Params) -> Prompt:
        items, k = params["items"], params["draws"]
        back = (params.get("replacement") or "yes") == "yes"
        setting = params.get("setting", -1)
        if setting == -1 or setting is None:
            text = (
                f"{params.get('name', 'Ana')} tosses a coin {k} times and records each result "
                "in order (H for heads, T for tails)."
            )
        else:
            words = [f"{COLOURS.get(c, c)} ({c})" for c in items]
            listed = ", ".join(words[:-1]) + f" and {words[-1]}"
            text = SETTINGS[setting].format(
                name=params.get("name", "Ana"), k=k, n=len(items), items=listed
            )
            put_back = "putting each back before the next" if back else "without putting any back"
            text += ", recording the colours in order" + ("." if setting == 2 else f", {put_back}.")
        return (
            text + " Which of these are outcomes in the sample space? Select all that apply "
            "(type the outcomes or their letters).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICES, options=self._format_options(params))

    def check_inputs(self, params: Params) -> None:
        try:
            check_items(
                params["items"], params["draws"], (params.get("replacement") or "yes") == "yes"
            )
        except NotSolvable as error:
            raise InputError(str(error)) from None
        if len(params["items"]) ** params["draws"] > 50:
            raise InputError("list at most 50 candidate outcomes: use fewer items or draws")

    def solve(self, params: Params) -> Solution[frozenset[str]]:
        s = sample_space(
            params["items"], params["draws"], (params.get("replacement") or "yes") == "yes"
        )
        return Solution(frozenset(s.answer), s.steps)

    def answer(self, params: Params) -> frozenset[str]:
        return frozenset(
            outcomes(
                params["items"], params["draws"], (params.get("replacement") or "yes") == "yes"
            )
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Draw a tree: how many branches does the first draw have, and how many does each "
            "second draw have after it?",
            "Can the same result come up twice here? Does RG differ from GR?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        items, k = params["items"], params["draws"]
        back = (params.get("replacement") or "yes") == "yes"
        right = self.answer(params)
        out: dict[str, Any] = {"ignored_order": _unordered(tuple(sorted(right)), items)}
        if back:
            if k <= len(items):
                distinct = tuple(outcomes(items, k, False))
                out["no_repeats_with_replacement"] = frozenset(distinct)
                out["order_and_repeats"] = _unordered(distinct, items)
        else:
            repeated = tuple(outcomes(items, k, True))
            out["repeats_without_replacement"] = frozenset(repeated)
            out["order_and_repeats"] = _unordered(repeated, items)
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """An outcome of this variant that each mistake gets wrong."""
        items, k = params["items"], params["draws"]
        repeated = items[0] * k
        rank = {c: i for i, c in enumerate(items)}
        turned = next(
            (o for o in sorted(self.answer(params)) if list(o) != sorted(o, key=rank.__getitem__)),
            None,
        )
        reasons = {
            "repeats_without_replacement": f"Here {repeated} is not an outcome: it needs "
            f"{items[0]} {k} times, but nothing is put back.",
            "no_repeats_with_replacement": f"Here {repeated} is an outcome: {items[0]} can come "
            "up again, since every draw has all the results to choose from.",
        }
        if turned is not None:
            ordered = "".join(sorted(turned, key=rank.__getitem__))
            reasons["ignored_order"] = (
                f"Here {ordered} and {turned} are both outcomes: the same results in another order."
            )
            back = (params.get("replacement") or "yes") == "yes"
            reasons["order_and_repeats"] = (
                f"Here {ordered} and {turned} are both outcomes, and {repeated} "
                + (
                    "is one too: every draw has all the results to choose from."
                    if back
                    else "is not: nothing is put back."
                )
            )
        return {m: reasons[m] for m in self.buggy_answers(params) if m in reasons}
