"""Skill: the L1 or L2 norm (size) of a vector."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import l1_norm, l2_norm, sum_of_squares
from mlmath.engine.solution import Solution
from mlmath.engine.surds import Surd
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_VECTORS,
    integer,
    number_answer,
    random_vector,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Norm of a vector"
TRIPLES = ((3, 4), (6, 8), (5, 12), (8, 6), (4, 3), (12, 5), (0, 7), (9, 12))


@register
class VectorNorm(Skill):
    id = "linalg.vector_norm"
    title = "Norm of a vector"
    summary = "The size of a vector: the L2 (straight-line) norm or the L1 (taxicab) norm."
    levels = 3
    inputs = (
        Field("vector", "vector", "the vector, e.g. [3, -4]"),
        Field("norm", "choice", "which norm", required=False, default="l2", choices=("l1", "l2")),
    )
    misconceptions = (
        Misconception(
            "forgot_square_root",
            "You forgot the square root",
            "The sum of the squares is the length SQUARED (Pythagoras: a² + b² = c²); "
            "take its square root to get the length.",
            TOPIC,
        ),
        Misconception(
            "no_absolute_values",
            "You added the entries with their signs",
            "A norm measures size, so negative entries count as much as positive ones: the "
            "L1 norm adds the absolute values |vᵢ|.",
            TOPIC,
        ),
        Misconception(
            "largest_entry",
            "You took the largest entry",
            "That is the max norm (L∞). The L2 norm uses every entry: square each one, add "
            "the squares and take the square root.",
            TOPIC,
        ),
        Misconception(
            "other_norm",
            "That is the other norm",
            "The L1 norm adds the absolute values (walking along the axes); the L2 norm is "
            "the square root of the sum of squares (the straight line). Check which one is asked.",
            TOPIC,
        ),
        Misconception(
            "entries_not_squared",
            "You did not square the entries",
            "The L2 norm squares every entry BEFORE adding: √(v₁² + v₂² + …). The square root "
            "of the plain sum of the entries skips that step, and lets negative entries cancel "
            "positive ones.",
            TOPIC,
            hint="What happens to each entry before the entries are added up under the root?",
        ),
        Misconception(
            "divided_by_count",
            "You divided by the number of entries",
            "A norm adds up the sizes of ALL the entries; it does not average them. Dividing by "
            "the count gives an average size per entry (like a mean error), not the length.",
            TOPIC,
            hint="Does a norm add up the sizes of the entries, or take their average?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            a, b = TRIPLES[integer(rng, 0, len(TRIPLES) - 1)]
            signs = [1 if rng.random() < 0.6 else -1 for _ in range(2)]
            entries = [a * signs[0], b * signs[1]]
            if rng.random() < 0.5:
                entries.reverse()
            return {"vector": Vector.of(entries), "norm": "l2" if rng.random() < 0.7 else "l1"}
        n = 3 if level == 2 else int(rng.integers(4, 6))
        return {
            "vector": random_vector(rng, n, -6 if level == 2 else -15, 6 if level == 2 else 15),
            "norm": "l2" if rng.random() < 0.6 else "l1",
        }

    def prompt(self, params: Params) -> Prompt:
        which = "L2 norm (length)" if params["norm"] == "l2" else "L1 norm"
        return (f"Compute the {which} of the vector", params["vector"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def solve(self, params: Params) -> Solution[Fraction | float]:
        if params["norm"] == "l1":
            s1 = l1_norm(params["vector"])
            return Solution(s1.answer, s1.steps)
        s2 = l2_norm(params["vector"])
        return Solution(number_answer(s2.answer), s2.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        if params["norm"] == "l1":
            return (
                "Does a negative entry make the vector shorter or longer?",
                "Take the absolute value of every entry, then add them up.",
            )
        return (
            "For a 2-D vector, the length is the hypotenuse of a right triangle: which "
            "theorem gives it?",
            f"Square the entries and add them: {sum_of_squares(params['vector'])}. "
            "What is left to do?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        v: Vector = params["vector"]
        squares = sum_of_squares(v)
        l1 = sum((abs(a) for a in v), Fraction(0))
        l2 = number_answer(Surd.sqrt(squares))
        count = len(v)
        if params["norm"] == "l1":
            return {
                "no_absolute_values": sum(v, Fraction(0)),
                "other_norm": l2,
                "divided_by_count": l1 / count,
            }
        largest = max(abs(a) for a in v)
        out: dict[str, Any] = {
            "forgot_square_root": squares,
            "other_norm": l1,
            "largest_entry": largest,
            "divided_by_count": number_answer(Surd.sqrt(squares).scale(Fraction(1, count))),
        }
        total = sum(v, Fraction(0))
        if total >= 0:
            out["entries_not_squared"] = number_answer(Surd.sqrt(total))
        return out
