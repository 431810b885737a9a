"""Skill: the distance between two vectors (points)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import distance, l2_norm, sum_of_squares
from mlmath.engine.solution import Solution
from mlmath.engine.surds import Surd
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_VECTORS,
    integer,
    number_answer,
    random_vector,
)
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Distance between vectors"
TRIPLES = ((3, 4), (4, 3), (6, 8), (5, 12), (0, 5), (8, 6))


@register
class VectorDistance(Skill):
    id = "linalg.vector_distance"
    title = "Distance between vectors"
    summary = "The distance between two points: the norm of their difference."
    levels = 3
    inputs = (
        Field("u", "vector", "the first point"),
        Field("v", "vector", "the second point"),
        Field("norm", "choice", "which norm", required=False, default="l2", choices=("l1", "l2")),
    )
    misconceptions = (
        Misconception(
            "added_instead_of_subtracting",
            "You added the vectors instead of subtracting them",
            "The distance is the length of the arrow from one point to the other, u − v; "
            "u + v points somewhere else entirely.",
            TOPIC,
        ),
        Misconception(
            "forgot_square_root",
            "You forgot the square root",
            "The sum of the squared differences is the distance SQUARED; take its square root.",
            TOPIC,
        ),
        Misconception(
            "difference_of_lengths",
            "You subtracted the lengths",
            "Two vectors of the same length can be far apart (point opposite ways): subtract "
            "the vectors first, then take the length of the difference.",
            TOPIC,
        ),
        Misconception(
            "largest_difference",
            "You took the largest difference",
            "That is the largest single gap (the max, or L∞, distance). The distance asked for "
            "uses every entry of u − v: the L2 distance squares the differences, adds them and "
            "takes the square root; the L1 distance adds their absolute values.",
            TOPIC,
            hint="How many of the differences between matching entries does the distance use?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            u = random_vector(rng, 2, 0, 6, allow_zero=True)
            a, b = TRIPLES[integer(rng, 0, len(TRIPLES) - 1)]
            step = Vector.of([a * (1 if rng.random() < 0.5 else -1), b])
            return {"u": u + step, "v": u, "norm": "l2"}
        n = 3 if level == 2 else int(rng.integers(3, 6))
        low, high = (-5, 5) if level == 2 else (-9, 9)
        u = random_vector(rng, n, low, high, allow_zero=True)
        v = random_vector(rng, n, low, high, allow_zero=True)
        while v == u:
            v = random_vector(rng, n, low, high, allow_zero=True)
        norm = "l2" if level == 2 or rng.random() < 0.6 else "l1"
        return {"u": u, "v": v, "norm": norm}

    def prompt(self, params: Params) -> Prompt:
        which = "straight-line (L2)" if params["norm"] == "l2" else "taxicab (L1)"
        return (
            f"Find the {which} distance between u = {params['u'].text()} and "
            f"v = {params['v'].text()}.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def check_inputs(self, params: Params) -> None:
        if len(params["u"]) != len(params["v"]):
            raise InputError("u and v must have the same number of entries")

    def solve(self, params: Params) -> Solution[Fraction | float]:
        s = distance(params["u"], params["v"], params["norm"])
        return Solution(number_answer(s.answer), s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which vector is the arrow from v to u?",
            "Subtract v from u entry by entry, then take the norm of the result.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The other norm of the difference."""
        u, v = params["u"], params["v"]
        d = u - v
        if params["norm"] == "l1":
            other = number_answer(Surd.sqrt(sum_of_squares(d)))
            return (
                OtherQuantity(
                    other, "the L2 distance", "the L1 distance", "add the absolute differences."
                ),
            )
        l1 = sum((abs(a) for a in d), Fraction(0))
        return (
            OtherQuantity(
                l1,
                "the L1 distance",
                "the L2 (straight-line) distance",
                "square the differences, add, take the square root.",
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        u: Vector = params["u"]
        v: Vector = params["v"]
        largest = max(abs(a) for a in u - v)
        if params["norm"] == "l1":
            return {
                "added_instead_of_subtracting": sum((abs(a) for a in u + v), Fraction(0)),
                "difference_of_lengths": abs(
                    sum((abs(a) for a in u), Fraction(0)) - sum((abs(a) for a in v), Fraction(0))
                ),
                "largest_difference": largest,
            }
        plus = number_answer(Surd.sqrt(sum_of_squares(u + v)))
        lengths = abs(l2_norm(u).answer.to_float() - l2_norm(v).answer.to_float())
        return {
            "added_instead_of_subtracting": plus,
            "forgot_square_root": sum_of_squares(u - v),
            "difference_of_lengths": lengths,
            "largest_difference": largest,
        }
