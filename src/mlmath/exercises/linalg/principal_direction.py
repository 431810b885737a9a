"""Skill: the first principal direction of a small data set (PCA's first step)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.principal_directions import covariance_matrix, principal_direction
from mlmath.engine.solution import Solution, WorkedLater
from mlmath.engine.surds import Surd
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, integer
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenvalues and eigenvectors"
DIRECTIONS = ((1, 1), (1, -1), (1, 2), (2, 1), (1, -2), (2, -1), (1, 3), (3, 1), (3, -1), (1, -3))
PATTERNS = {
    4: ((-3, -1, 1, 3), (1, -1, -1, 1)),
    5: ((-2, -1, 0, 1, 2), (1, -1, 0, -1, 1)),
    6: ((-5, -3, -1, 1, 3, 5), (1, -1, -1, 1, 1, -1)),
}


@register
class PrincipalDirection(Skill):
    id = "linalg.principal_direction"
    title = "First principal direction"
    summary = "The eigenvector of the covariance matrix with the largest eigenvalue."
    levels = 3
    inputs = (
        Field("data", "matrix", "the data: one observation per row, 2 features", max_size=10),
    )
    misconceptions = (
        Misconception(
            "smallest_eigenvalue",
            "That is the direction of LEAST spread",
            "The first principal direction belongs to the LARGEST eigenvalue of the "
            "covariance matrix (the largest variance); the smallest one is the direction PCA "
            "drops first.",
            TOPIC,
        ),
        Misconception(
            "largest_variance_axis",
            "You picked the feature with the largest variance",
            "The spread can run diagonally: the covariances off the diagonal tilt the "
            "direction; find the eigenvector of the whole covariance matrix.",
            TOPIC,
        ),
        Misconception(
            "not_centred",
            "You forgot to centre the data",
            "A covariance measures spread around the MEAN: subtract each feature's mean "
            "before multiplying. Without it the products also count how far the whole cloud "
            "sits from the origin, and the direction tilts towards the mean.",
            TOPIC,
        ),
        Misconception(
            "swapped_entries",
            "You swapped the two entries of the direction",
            "Each number belongs to its own feature: from v₂ = k·v₁, setting v₁ = 1 gives "
            "(1, k), not (k, 1). Check your vector with Cv = λv.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = {1: 4, 2: 5, 3: int(rng.integers(4, 7))}[level]
        t, s = PATTERNS[n]
        d = DIRECTIONS[0 if level == 1 and rng.random() < 0.5 else integer(rng, 0, 9)]
        normal = (-d[1], d[0])
        a = 1 if level == 1 else integer(rng, 1, 2)
        b = 0 if level == 1 and rng.random() < 0.3 else 1
        order = [int(i) for i in rng.permutation(n)]
        offset = (
            (integer(rng, 0, 5), integer(rng, 0, 5))
            if level < 3
            else (integer(rng, -9, 9), integer(rng, -9, 9))
        )
        rows = [
            [offset[k] + a * t[i] * d[k] + b * s[i] * normal[k] for k in range(2)] for i in order
        ]
        return {"data": Matrix.of(rows)}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Each row is one observation of two features. Find the first principal "
            "direction (any non-zero multiple).",
            params["data"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(2,), up_to_scale=True, decimals=2)

    def check_inputs(self, params: Params) -> None:
        if params["data"].shape[1] != 2:
            raise InputError("give data with exactly 2 features (columns)")

    def solve(self, params: Params) -> Solution[Vector | list[float]]:
        s = principal_direction(params["data"])
        direction = s.answer
        if direction.is_rational:
            return WorkedLater(direction.to_vector(), lambda: s.steps)
        return WorkedLater(direction.to_floats(), lambda: s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which matrix describes how the two features vary together?",
            "Centre the data, form the covariance matrix, and find the eigenvector of its "
            "largest eigenvalue.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        right = self.solve(params).answer
        if not isinstance(right, Vector):
            return {}
        c = covariance_matrix(params["data"]).answer
        axis = Vector.of([1, 0]) if c[0, 0] >= c[1, 1] else Vector.of([0, 1])
        out: dict[str, Any] = {
            "smallest_eigenvalue": Vector((-right[1], right[0])),
            "largest_variance_axis": axis,
        }
        uncentred = _top_eigenvector(_uncentred_covariance(params["data"]))
        if uncentred is not None:
            out["not_centred"] = uncentred
        out["swapped_entries"] = Vector((right[1], right[0]))
        return out


def _uncentred_covariance(data: Matrix) -> Matrix:
    """Xᵀ X / (n − 1) of the raw data: the covariance formula with the centring left out."""
    n = data.shape[0]
    return data.transpose().times_matrix(data).scale(Fraction(1, n - 1))


def _top_eigenvector(matrix: Matrix) -> Vector | list[float] | None:
    """The eigenvector of a symmetric 2×2 matrix's larger eigenvalue: exact when rational,
    else to 2 decimals with the larger entry 1, as a learner types it (so a direction
    that rounds to the right one is never named); ``None`` when every direction has the
    same eigenvalue."""
    (p, q), (_, s) = matrix.rows
    if q == 0:
        if p == s:
            return None
        return Vector.of([1, 0]) if p > s else Vector.of([0, 1])
    # λ = (p + s)/2 + √(((p − s)/2)² + q²), and (q, λ − p) solves (C − λI) v = 0
    shift = Surd((s - p) / 2) + Surd.sqrt(((p - s) / 2) ** 2 + q * q)
    if shift.is_rational:
        return Vector((q, shift.rational))
    first, second = float(q), shift.to_float()
    larger = first if abs(first) >= abs(second) else second
    return [round(first / larger, 2), round(second / larger, 2)]
