"""Skill: the dot product of two vectors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import dot_product
from mlmath.engine.solution import Solution
from mlmath.exercises.figures import is_plane, plane_vector
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_VECTORS, random_vector
from mlmath.exercises.mistakes import Product, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · The dot product"
CONTEXTS = (
    "A shop sells items at prices {v} (per unit); a basket holds the quantities {u}. "
    "What is the total cost?",
    "Compute the dot product u·v for u = {u} and v = {v}.",
)


@register
class DotProduct(Skill):
    id = "linalg.dot_product"
    title = "The dot product"
    summary = "Multiply matching entries and add: u·v = u₁v₁ + … + uₙvₙ."
    levels = 3
    inputs = (Field("u", "vector", "the first vector"), Field("v", "vector", "the second vector"))
    misconceptions = (
        Misconception(
            "added_pairs",
            "You added matching entries instead of multiplying them",
            "The dot product MULTIPLIES matching entries and then adds the products.",
            TOPIC,
        ),
        Misconception(
            "dropped_signs",
            "You lost the minus signs of the products",
            "A negative times a positive is negative; those products pull the dot product "
            "down (the vectors partly point against each other).",
            TOPIC,
        ),
        Misconception(
            "product_of_sums",
            "You multiplied the sums of the entries",
            "(u₁ + u₂)(v₁ + v₂) also contains cross terms like u₁v₂; the dot product pairs "
            "each entry only with the matching one.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n, low, high = {1: (2, 0, 5), 2: (3, -5, 5), 3: (int(rng.integers(3, 6)), -9, 9)}[level]
        params: dict[str, Any] = {
            "u": random_vector(rng, n, low, high),
            "v": random_vector(rng, n, low, high),
        }
        params["story"] = 0 if level == 1 and rng.random() < 0.5 else 1
        return params

    def prompt(self, params: Params) -> Prompt:
        story = CONTEXTS[params.get("story", 1)]
        return (story.format(u=params["u"].text(), v=params["v"].text()),)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def check_inputs(self, params: Params) -> None:
        if len(params["u"]) != len(params["v"]):
            raise InputError("u and v must have the same number of entries")

    def solve(self, params: Params) -> Solution[Fraction]:
        return dot_product(params["u"], params["v"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which entry of v goes with the first entry of u?",
            "Multiply the first entries together, then the second entries, … and add "
            "all the products.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The products left as a vector (u * v in NumPy), and the sign."""
        return (Product(params["u"], params["v"], ("u", "v")), SignFlipped())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        u: Vector = params["u"]
        v: Vector = params["v"]
        pairs = list(zip(u, v, strict=True))
        return {
            "added_pairs": sum((a + b for a, b in pairs), Fraction(0)),
            "dropped_signs": sum((abs(a * b) for a, b in pairs), Fraction(0)),
            "product_of_sums": sum(u, Fraction(0)) * sum(v, Fraction(0)),
        }

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if not is_plane(params["u"], params["v"]):
            return None
        return {
            "kind": "dot-product-projection",
            "params": {"u": plane_vector(params["u"]), "v": plane_vector(params["v"])},
            "caption": "u, v and the shadow of u on v's line. Turn v and watch the sign "
            "of u·v change.",
            "after_answer": True,
        }
