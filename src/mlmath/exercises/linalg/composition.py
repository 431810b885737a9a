"""Skill: the matrix of one transformation followed by another."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.products import elementwise_product
from mlmath.engine.linalg.transformations import composition
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_TRANSFORMATIONS,
    random_matrix,
    two_distinct,
)
from mlmath.exercises.mistakes import Product, Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Matrix multiplication"
NAMED = {
    "a rotation by 90° anticlockwise": ((0, -1), (1, 0)),
    "a reflection across the x-axis": ((1, 0), (0, -1)),
    "a reflection across the line y = x": ((0, 1), (1, 0)),
    "a horizontal shear by 1": ((1, 1), (0, 1)),
    "a stretch by 2 along the x-axis": ((2, 0), (0, 1)),
}


@register
class Composition(Skill):
    id = "linalg.composition"
    title = "Composing linear transformations"
    summary = "Doing A first and then B is the single transformation B·A."
    levels = 3
    inputs = (
        Field("first", "matrix", "the matrix applied first", square=True),
        Field("second", "matrix", "the matrix applied second", square=True),
    )
    misconceptions = (
        Misconception(
            "wrong_order",
            "You multiplied in the order the transformations happen",
            "B(A v) = (B A) v: the transformation applied first stands on the RIGHT, next to "
            "the vector.",
            TOPIC,
        ),
        Misconception(
            "elementwise",
            "You multiplied the matrices entry by entry",
            "Composing transformations is the matrix product (rows times columns), not * "
            "entry by entry.",
            TOPIC,
        ),
        Misconception(
            "added",
            "You added the matrices",
            "A + B applies both to v and adds the results; doing one AFTER the other is the "
            "product B A.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            names = list(NAMED)
            i, j = two_distinct(rng, len(names))
            return {
                "first": Matrix.of(NAMED[names[i]]),
                "second": Matrix.of(NAMED[names[j]]),
                "names": (names[i], names[j]),
            }
        n, low, high = (2, -5, 5) if level == 2 else (3, -4, 4)
        return {
            "first": random_matrix(rng, n, n, low, high),
            "second": random_matrix(rng, n, n, low, high),
        }

    def prompt(self, params: Params) -> Prompt:
        if "names" in params:
            first, second = params["names"]
            return (f"First apply {first}, then {second}. Which single matrix does both?",)
        return (
            "Apply A =",
            params["first"],
            "first and then B =",
            params["second"],
            "Which single matrix does both?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        n = params["first"].shape[0]
        return AnswerFormat(Kind.MATRIX, shape=(n, n))

    def check_inputs(self, params: Params) -> None:
        if params["first"].shape != params["second"].shape:
            raise InputError("both transformations must have matrices of the same size")

    def solve(self, params: Params) -> Solution[Matrix]:
        return composition(params["first"], params["second"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Write what happens to a vector v: first A v, then B applied to that.",
            "B(A v) = (B A) v, so multiply B on the left by A on the right.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The composition "A first, then B" is BA: the other order, the transpose."""
        return (Product(params["second"], params["first"], ("B", "A")), Transposed())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["first"]
        b: Matrix = params["second"]
        return {
            "wrong_order": a.times_matrix(b),
            "elementwise": elementwise_product(b, a),
            "added": a + b,
        }
