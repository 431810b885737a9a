"""Skill: an eigenvector for a given eigenvalue (any non-zero multiple is accepted)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.eigen import eigenspace
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.engine.surds import Surd
from mlmath.exercises.figures import plane_matrix
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, integer, with_eigenvalues
from mlmath.exercises.mistakes import OneSign, Slip, ZeroVector
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenvalues and eigenvectors"


def _eigenvector(matrix: Matrix, value: Fraction) -> Vector | None:
    try:
        space = eigenspace(matrix, Surd(value)).answer
    except NotSolvable:
        return None
    return space.vectors[0].to_vector()


@register
class Eigenvectors(Skill):
    id = "linalg.eigenvectors"
    title = "Eigenvectors"
    summary = "Solve (A − λI) v = 0 for a non-zero v: a direction A only stretches."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 2×2 or 3×3 matrix", square=True, min_size=2, max_size=3),
        Field("eigenvalue", "number", "an eigenvalue λ of the matrix"),
    )
    misconceptions = (
        Misconception(
            "other_eigenvalue",
            "That is an eigenvector for the OTHER eigenvalue",
            "Each eigenvalue has its own directions: put THIS λ into A − λI before solving.",
            TOPIC,
        ),
        Misconception(
            "row_of_shifted_matrix",
            "You gave a row of A − λI",
            "The eigenvector is a SOLUTION of (A − λI) v = 0, so it is perpendicular to the "
            "rows of A − λI, not one of them.",
            TOPIC,
        ),
        Misconception(
            "swapped_entries",
            "You swapped the two entries of v",
            "Each number belongs to its own unknown: from v₁ = k·v₂, setting v₂ = 1 gives "
            "v = (k, 1), not (1, k). Check your vector with Av = λv.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 3 if level == 3 else 2
        while True:
            values = [integer(rng, -4, 5) for _ in range(n)]
            if len(set(values)) == n:
                break
        size = 1 if level == 1 else 2
        return {
            "matrix": with_eigenvalues(rng, values, size),
            "eigenvalue": Fraction(values[int(rng.integers(0, n))]),
        }

    def prompt(self, params: Params) -> Prompt:
        return (
            f"λ = {params['eigenvalue']} is an eigenvalue of the matrix below. Find an "
            "eigenvector for it.",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(params["matrix"].shape[0],), up_to_scale=True)

    def solve(self, params: Params) -> Solution[Vector]:
        s = eigenspace(params["matrix"], Surd(params["eigenvalue"]))
        return WorkedLater(s.answer.vectors[0].to_vector(), lambda: s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which vectors does A − λI send to zero?",
            f"Subtract {params['eigenvalue']} from the diagonal, then solve (A − λI) v = 0; "
            "one entry of v is free — set it to 1.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The zero vector."""
        return (ZeroVector(), OneSign())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        lam: Fraction = params["eigenvalue"]
        n = a.shape[0]
        out: dict[str, Any] = {}
        from mlmath.engine.linalg.characteristic import eigenvalues

        others = [
            r.rational
            for r in eigenvalues(a).answer
            if isinstance(r, Surd) and r.is_rational and r.rational != lam
        ]
        if others:
            other = _eigenvector(a, others[0])
            if other is not None:
                out["other_eigenvalue"] = other
        shifted = a - Matrix.identity(n).scale(lam)
        row = next((shifted.row(i) for i in range(n) if not shifted.row(i).is_zero()), None)
        if row is not None:
            out["row_of_shifted_matrix"] = row
        first, *rest = self.answer(params)
        if n == 2 and first != 0 and rest[0] != 0:  # with a 0 entry it is a row of A − λI
            out["swapped_entries"] = Vector((rest[0], first))
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        a: Matrix = params["matrix"]
        if a.shape != (2, 2):
            return None
        (_, q), (r, _) = a.rows
        # Start from a basis vector A moves off its line (never from the answer).
        start = [1, 0] if r != 0 else ([0, 1] if q != 0 else [1, 1])
        return {
            "kind": "eigenvectors",
            "params": {"matrix": plane_matrix(a), "v": start},
            "caption": "This matrix acting on a vector v. Turn v until Av lies on v's own "
            "line: that direction is an eigenvector.",
        }
