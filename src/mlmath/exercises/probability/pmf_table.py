"""Skill: the missing entry of a probability mass function."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.probability.discrete import missing_probability, pmf_table
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_RANDOM_VARIABLES,
    integer,
    probability_format,
    random_pmf,
    random_values,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Probability mass function"
STORIES = (
    "X is the number of goals a team scores in a match.",
    "X is the number of customers waiting when a shop opens.",
    "X is the number of defective parts in a box.",
    "X is the number of emails arriving in a minute.",
)


@register
class PmfTable(Skill):
    id = "probability.pmf_table"
    title = "Complete a PMF"
    summary = "The probabilities of a PMF add up to 1, so one missing entry is what is left."
    levels = 3
    inputs = (
        Field("values", "vector", "the values X can take"),
        Field(
            "probabilities", "vector", "the known probabilities, in order, without the missing one"
        ),
        Field(
            "missing", "integer", "the position (from 1) of the value whose probability is missing"
        ),
    )
    misconceptions = (
        Misconception(
            "assumed_uniform",
            "You assumed every value is equally likely",
            "1/(number of values) is right only for a uniform PMF. Here the other "
            "probabilities are given: the missing one makes the total 1.",
            TOPIC,
        ),
        Misconception(
            "added_known",
            "You gave the total of the known probabilities",
            "The known ones add up to what is already used; the missing probability is what "
            "is left: 1 minus that total.",
            TOPIC,
        ),
        Misconception(
            "cumulative",
            "You gave P(X ≤ x), the running total up to x, not P(X = x)",
            "Adding the probabilities of x and of every value below it gives the CDF "
            "F(x) = P(X ≤ x). The question asks for the one value x alone: 1 minus the total "
            "of all the other probabilities.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        size, denominator = {1: (3, 12), 2: (4, 20), 3: (integer(rng, 4, 7), 100)}[level]
        probs = random_pmf(rng, size, denominator)
        values = random_values(rng, size, 0, 3 + 3 * level) if level > 1 else tuple(range(size))
        missing = integer(rng, 1, size)
        return {
            "values": Vector(tuple(Fraction(v) for v in values)),
            "probabilities": Vector(tuple(p for i, p in enumerate(probs) if i != missing - 1)),
            "missing": missing,
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        values: Vector = params["values"]
        known = list(params["probabilities"])
        cells: list[Fraction | str] = [*known]
        cells.insert(params["missing"] - 1, "?")
        return (
            f"{STORIES[params.get('story', 0)]} Its PMF is:",
            pmf_table(tuple(values), cells),
            f"What is P(X = {values[params['missing'] - 1]})?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        if len(params["probabilities"]) != len(params["values"]) - 1:
            raise InputError("probabilities: give one fewer probability than values")
        if not 1 <= params["missing"] <= len(params["values"]):
            raise InputError("missing: a position from 1 to the number of values")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        return missing_probability(
            tuple(params["values"]), tuple(params["probabilities"]), params["missing"] - 1
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "X must take one of its values. What must all the probabilities add up to?",
            "Add the known probabilities and see how much is left.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        known = sum(params["probabilities"], Fraction(0))
        after = sum(tuple(params["probabilities"])[params["missing"] - 1 :], Fraction(0))
        return {
            "assumed_uniform": Fraction(1, len(params["values"])),
            "added_known": known,
            "cumulative": 1 - after,
        }
