"""Skill: the eigenvalues of a 2×2 or 3×3 matrix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.characteristic import Polynomial, eigenvalues, quadratic_roots
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.engine.surds import Surd
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, integer, with_eigenvalues
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenvalues and eigenvectors"


def _sorted(values: list[Fraction]) -> Vector:
    return Vector(tuple(sorted(values)))


@register
class Eigenvalues(Skill):
    id = "linalg.eigenvalues"
    title = "Eigenvalues"
    summary = "Solve det(A − λI) = 0 for λ."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 2×2 or 3×3 matrix", square=True, min_size=2, max_size=3),
    )
    misconceptions = (
        Misconception(
            "sign_error",
            "Sign error: you solved det(A + λI) = 0",
            "λ is SUBTRACTED from the diagonal: det(A − λI) = 0. Adding λ gives the "
            "eigenvalues with the wrong signs.",
            TOPIC,
        ),
        Misconception(
            "diagonal_entries",
            "The diagonal entries are the eigenvalues only for a triangular matrix",
            "In general you must solve det(A − λI) = 0; the off-diagonal entries change the roots.",
            TOPIC,
        ),
        Misconception(
            "trace_and_determinant",
            "Those are the trace and the determinant, not the eigenvalues",
            "The eigenvalues ADD UP to the trace a + d and MULTIPLY to det A; they are the two "
            "roots of λ² − (a + d)λ + det A = 0. Find the two numbers with that sum and that "
            "product.",
            TOPIC,
        ),
        Misconception(
            "cross_term_added",
            "You added bc: det(A − λI) is (a − λ)(d − λ) − bc",
            "A determinant subtracts the product across the other diagonal, so the constant "
            "term is ad − bc = det A. With + bc you solve a different quadratic, and its roots "
            "are not the eigenvalues.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            a, d = integer(rng, -4, 6), integer(rng, -4, 6)
            b = integer(rng, 1, 5)
            upper = rng.random() < 0.5
            return {"matrix": Matrix.of([[a, b], [0, d]] if upper else [[a, 0], [b, d]])}
        if level == 2:
            values = [integer(rng, -5, 6), integer(rng, -5, 6)]
            while values[1] == values[0] and rng.random() < 0.7:
                values[1] = integer(rng, -5, 6)
            return {"matrix": with_eigenvalues(rng, values, 2)}
        values = [integer(rng, -5, 6) for _ in range(3)]
        while len(set(values)) == 1:
            values[2] = integer(rng, -5, 6)
        return {"matrix": with_eigenvalues(rng, values, 1)}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Find the eigenvalues of the matrix below. List them in any order, "
            "a repeated one as often as it repeats.",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(
            Kind.VECTOR, shape=(params["matrix"].shape[0],), decimals=2, unordered=True
        )

    def solve(self, params: Params) -> Solution[Vector | list[float]]:
        s = eigenvalues(params["matrix"])
        roots = s.answer
        if not all(isinstance(r, Surd) and r.is_real for r in roots):
            raise NotSolvable(
                "this matrix has complex (or inexact) eigenvalues: no real direction is kept "
                "— `linalg.eigenvalues` lists only real ones"
            )
        exact = [r for r in roots if isinstance(r, Surd)]
        if all(r.is_rational for r in exact):
            return WorkedLater(_sorted([r.rational for r in exact]), lambda: s.steps)
        return WorkedLater([r.to_float() for r in exact], lambda: s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "For which numbers λ does A − λI squash the plane flat (become singular)?",
            "Subtract λ from each diagonal entry, take the determinant, set it to 0 and solve.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The signs of the eigenvalues."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        try:
            right = self.solve(params).answer
        except NotSolvable:
            return {}
        if not isinstance(right, Vector):
            return {}
        out: dict[str, Any] = {"sign_error": _sorted([-x for x in right])}
        diagonal = _sorted([a[i, i] for i in range(a.shape[0])])
        out["diagonal_entries"] = diagonal
        if a.shape == (2, 2):
            (p, q), (r, s) = a.rows
            out["trace_and_determinant"] = _sorted([p + s, p * s - q * r])
            wrong_roots = _real_roots(p + s, p * s + q * r)
            if wrong_roots is not None:
                out["cross_term_added"] = wrong_roots
        return out


def _real_roots(trace: Fraction, constant: Fraction) -> Vector | list[float] | None:
    """The roots of λ² − trace·λ + constant = 0: exact when rational, else as decimals;
    ``None`` when they are not real (a learner stops there)."""
    (first, second), disc = quadratic_roots(Polynomial((constant, -trace, Fraction(1))))
    if disc < 0:
        return None
    if first.is_rational and second.is_rational:
        return _sorted([first.rational, second.rational])
    return [first.to_float(), second.to_float()]
