"""Skill: det(A⁻¹) = 1/det(A)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.determinant_rules import determinant_of_inverse
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.determinant_product import determinant_without_signs
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix
from mlmath.exercises.linalg.vector_variants import WEEK4_DETERMINANTS
from mlmath.exercises.mistakes import Division, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_DETERMINANTS} · Determinants of inverses"


@register
class DeterminantInverse(Skill):
    id = "linalg.determinant_inverse"
    title = "Determinant of an inverse"
    summary = "det(A⁻¹) = 1/det(A): the inverse undoes A's area scaling."
    levels = 3
    inputs = (Field("matrix", "matrix", "a square matrix", square=True, min_size=2, max_size=3),)
    misconceptions = (
        Misconception(
            "negated",
            "det(A⁻¹) is not −det(A)",
            "The inverse UNDOES A's scaling, so the factors multiply to 1: "
            "det(A)·det(A⁻¹) = det(I) = 1, giving 1/det(A).",
            TOPIC,
        ),
        Misconception(
            "unchanged",
            "det(A⁻¹) is not det(A)",
            "If A doubles areas, A⁻¹ must halve them: det(A⁻¹) = 1/det(A).",
            TOPIC,
        ),
        Misconception(
            "reciprocal_entries",
            "You took 1 over each entry: that is not A⁻¹",
            "A⁻¹ is the matrix that undoes A (A A⁻¹ = I), not the matrix of reciprocals. "
            "You do not need A⁻¹ at all: det(A⁻¹) = 1/det(A).",
            TOPIC,
        ),
        Misconception(
            "signs_dropped",
            "You added every term of det A: the minus signs were dropped",
            "det [[a, b], [c, d]] = ad − bc: the product across the other diagonal is "
            "subtracted, and along a row of a 3×3 the signs go +, −, +. Find det A with its "
            "signs, then take 1/det(A).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            n, low, high = {1: (2, 0, 4), 2: (2, -6, 6), 3: (3, -4, 4)}[level]
            m = nonsingular_matrix(rng, n, low, high)
            if level > 1 or abs(determinant(m)) <= 12:
                return {"matrix": m}

    def prompt(self, params: Params) -> Prompt:
        return ("Find det(A⁻¹) for A =", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Fraction]:
        return determinant_of_inverse(params["matrix"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Do you need to find A⁻¹ itself?",
            "A A⁻¹ = I, and det(I) = 1. Use the product rule.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign, and det A itself (the inverse's determinant is its reciprocal)."""
        det = determinant(params["matrix"])
        return (
            SignFlipped(),
            Division(Fraction(1), det, f"det A = {det}"),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        det = determinant(a)
        out: dict[str, Any] = {"negated": -det, "unchanged": det}
        if all(x != 0 for row in a.rows for x in row):
            reciprocals = Matrix(tuple(tuple(1 / x for x in row) for row in a.rows))
            out["reciprocal_entries"] = determinant(reciprocals)
        unsigned = determinant_without_signs(a)
        if unsigned != 0:
            out["signs_dropped"] = 1 / unsigned
        return out
