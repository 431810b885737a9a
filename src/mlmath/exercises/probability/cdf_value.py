"""Skill: the CDF of a discrete variable, and ≤ versus <."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.probability.counting import SYMBOL
from mlmath.engine.probability.discrete import cdf_value, check_pmf, pmf_table
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Boundary, Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_RANDOM_VARIABLES,
    integer,
    pick,
    probability_format,
    random_pmf,
    random_values,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Cumulative distribution function"
FLIP = {"<=": "<", "<": "<=", ">=": ">", ">": ">="}


@register
class CdfValue(Skill):
    id = "probability.cdf_value"
    title = "The CDF of a discrete variable"
    summary = "F(x) = P(X ≤ x): add the PMF up to and including x."
    levels = 3
    inputs = (
        Field("values", "vector", "the values X can take"),
        Field("probabilities", "vector", "P(X = value), one for each value"),
        Field("x", "number", "the point where the CDF (or a tail) is asked"),
        Field(
            "comparison",
            "choice",
            "which probability: P(X <= x), P(X < x), …",
            required=False,
            default="<=",
            choices=("<=", "<", ">=", ">"),
        ),
    )
    misconceptions = (
        Misconception(
            "endpoint",
            "You mixed up ≤ and < (or ≥ and >)",
            "For a discrete variable the endpoint matters: P(X ≤ x) includes P(X = x), "
            "P(X < x) leaves it out.",
            TOPIC,
        ),
        Misconception(
            "pmf_instead",
            "You gave P(X = x) alone",
            "The CDF accumulates: F(x) adds the probabilities of every value up to x.",
            TOPIC,
        ),
        Misconception(
            "wrong_side",
            "You added the wrong side of x",
            "Check which values satisfy the inequality: '≥ x' keeps x and everything above, "
            "'≤ x' keeps x and everything below.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        size, denominator = {1: (4, 12), 2: (5, 20), 3: (integer(rng, 5, 8), 100)}[level]
        probs = random_pmf(rng, size, denominator)
        values = tuple(range(size)) if level == 1 else random_values(rng, size, -5, 12)
        comparison = "<=" if level == 1 else pick(rng, ("<=", "<", ">=", ">"))
        x = values[integer(rng, 1, size - 2)]
        return {
            "values": Vector(tuple(Fraction(v) for v in values)),
            "probabilities": Vector(probs),
            "x": Fraction(x),
            "comparison": comparison,
        }

    def prompt(self, params: Params) -> Prompt:
        comparison = params["comparison"]
        asked = f"P(X {SYMBOL[comparison]} {params['x']})"
        if comparison == "<=":
            asked = f"F({params['x']}) = {asked}"
        return (
            "A discrete random variable X has this PMF:",
            pmf_table(tuple(params["values"]), tuple(params["probabilities"])),
            f"What is {asked}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            check_pmf(tuple(params["values"]), tuple(params["probabilities"]))
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction]:
        return cdf_value(
            tuple(params["values"]),
            tuple(params["probabilities"]),
            params["x"],
            params["comparison"],
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            f"Which values of X satisfy X {SYMBOL[params['comparison']]} {params['x']}? Is "
            f"{params['x']} itself one of them?",
            "Add the probabilities of exactly those values.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The boundary moved to a neighbouring value, the complement, and the percentage
        typed as a plain number."""
        values, probs, x = tuple(params["values"]), tuple(params["probabilities"]), params["x"]
        ordered = sorted(values)
        if x not in ordered:
            return probability_slips()
        comparison = params["comparison"]
        symbol = SYMBOL[comparison]
        moved = Boundary(
            lambda at: cdf_value(values, probs, ordered[at], comparison).answer,
            ordered.index(x),
            f"P(X {symbol} {x}) adds the probabilities of exactly the values with X {symbol} "
            f"{x}, {x} itself {'included' if comparison in ('<=', '>=') else 'left out'}: "
            "not one value more or fewer.",
            low=0,
            high=len(ordered) - 1,
        )
        return (moved, *probability_slips())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        values, probs, x = tuple(params["values"]), tuple(params["probabilities"]), params["x"]
        comparison = params["comparison"]
        opposite = {"<=": ">=", "<": ">", ">=": "<=", ">": "<"}[comparison]
        at_x = sum((p for v, p in zip(values, probs, strict=True) if v == x), Fraction(0))
        return {
            "endpoint": cdf_value(values, probs, x, FLIP[comparison]).answer,
            "pmf_instead": at_x,
            "wrong_side": cdf_value(values, probs, x, opposite).answer,
        }
