"""Skill: two-stage experiments — P(B) by the law of total probability."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.probability.notation import total
from mlmath.engine.probability.total_probability import check, total_probability
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_PROBABILITY,
    integer,
    percent_text,
    pick,
    probability_format,
    random_pmf,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Bayes theorem"

STORIES: tuple[dict[str, Any], ...] = (
    {
        "cases": ("machine A", "machine B", "machine C", "machine D"),
        "first": "A factory's parts come from {cases}, making {priors} of the parts.",
        "second": "The shares of faulty parts are {conditionals}.",
        "question": "What is the probability that a part picked at random is faulty?",
    },
    {
        "cases": ("sunny", "cloudy", "rainy", "snowy"),
        "first": "In a town a day is {cases} with probabilities {priors}.",
        "second": "The bus is late with probability {conditionals}.",
        "per": "{p} on a {case} day",
        "joiner": "or",
        "question": "What is the probability that the bus is late on a day chosen at random?",
    },
    {
        "cases": ("urn 1", "urn 2", "urn 3", "urn 4"),
        "first": "A game first picks {cases} with probabilities {priors}.",
        "second": "A ball drawn from them is red with probabilities {conditionals}.",
        "question": "What is the probability of drawing a red ball?",
    },
    {
        "cases": (
            "the first supplier",
            "the second supplier",
            "the third supplier",
            "the fourth supplier",
        ),
        "first": "A shop buys its eggs from {cases}, in shares {priors}.",
        "second": "The shares of cracked eggs are {conditionals}.",
        "question": "What is the probability that an egg from the shop is cracked?",
    },
)


def _listed(words: list[str], joiner: str = "and") -> str:
    return ", ".join(words[:-1]) + f" {joiner} {words[-1]}" if len(words) > 1 else words[0]


def _shown(p: Fraction, percent: bool) -> str:
    if percent:
        return percent_text(p)
    if 100 % p.denominator == 0 and p.denominator > 4:
        return f"{float(p):g}"
    return str(p)


@register
class TotalProbability(Skill):
    id = "probability.total_probability"
    title = "Two-stage experiments: total probability"
    summary = (
        "P(B) = P(A₁)·P(B | A₁) + … + P(Aₖ)·P(B | Aₖ): add the paths of the tree that end in B."
    )
    levels = 3
    inputs = (
        Field(
            "priors",
            "vector",
            "the first stage's probabilities P(A₁), …, adding up to 1",
            min_size=2,
        ),
        Field(
            "conditionals", "vector", "P(B | A₁), … for each case, in the same order", min_size=2
        ),
    )
    misconceptions = (
        Misconception(
            "unweighted_sum",
            "The conditional probabilities were added without their weights",
            "P(B | A₁) + P(B | A₂) is not a probability of anything (it can pass 1). Each "
            "path counts in proportion to how often its case happens: multiply by P(Aᵢ) first.",
            TOPIC,
        ),
        Misconception(
            "unweighted_mean",
            "A plain average treats every case as equally likely",
            "Averaging the conditional probabilities weighs the cases equally; weigh each by "
            "its own probability P(Aᵢ) instead.",
            TOPIC,
        ),
        Misconception(
            "one_path",
            "Only one path of the tree was counted",
            "B can happen after every case of the first stage: add P(Aᵢ)·P(B | Aᵢ) over all "
            "of them.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        k = 2 if level == 1 else integer(rng, 2, 3) if level == 2 else integer(rng, 3, 4)
        while True:
            if level == 1:
                priors = random_pmf(rng, 2, pick(rng, (2, 3)))
                conditionals = tuple(Fraction(integer(rng, 1, 3), 4) for _ in range(2))
            else:
                steps = 10 if level == 2 else 100
                priors = random_pmf(rng, k, steps)
                conditionals = tuple(Fraction(integer(rng, 1, steps // 2), steps) for _ in range(k))
            if len(set(conditionals)) > 1 and len(set(priors)) > 1:
                return {
                    "priors": Vector(priors),
                    "conditionals": Vector(conditionals),
                    "story": story,
                    "percent": level == 3,
                }

    def prompt(self, params: Params) -> Prompt:
        story = STORIES[params.get("story", 0)]
        priors, conditionals = list(params["priors"]), list(params["conditionals"])
        percent = bool(params.get("percent"))
        cases = list(story["cases"][: len(priors)])
        text = (
            story["first"].format(
                cases=_listed(cases, story.get("joiner", "and")),
                priors=_listed([_shown(p, percent) for p in priors]),
            )
            + " "
            + story["second"].format(
                conditionals=_listed(
                    [
                        story.get("per", "{p} for {case}").format(p=_shown(c, percent), case=name)
                        for c, name in zip(conditionals, cases, strict=True)
                    ]
                )
            )
            + " "
            + story["question"]
            + " Give it exactly, to 4 decimal places or as a percentage."
        )
        return (text,)

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            check(tuple(params["priors"]), tuple(params["conditionals"]))
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        story = STORIES[params.get("story", 0)] if "story" in params else None
        names = list(story["cases"][: len(params["priors"])]) if story else None
        return total_probability(tuple(params["priors"]), tuple(params["conditionals"]), names)

    def answer(self, params: Params) -> Fraction:
        return total([p * c for p, c in zip(params["priors"], params["conditionals"], strict=True)])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Draw the tree: which branches does the first stage have, and where can B happen?",
            "Multiply along each path, P(Aᵢ)·P(B | Aᵢ), and add the paths that end in B.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        priors, conditionals = list(params["priors"]), list(params["conditionals"])
        largest = max(range(len(priors)), key=lambda i: priors[i])
        return {
            "unweighted_sum": total(conditionals),
            "unweighted_mean": total(conditionals) / len(conditionals),
            "one_path": priors[largest] * conditionals[largest],
        }
