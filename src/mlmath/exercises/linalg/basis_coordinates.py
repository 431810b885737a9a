"""Skill: the coordinates of a vector in a basis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.span import coordinates_in_basis
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, random_vector, unimodular
from mlmath.exercises.mistakes import Reversed, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Bases in Linear Algebra"


@register
class BasisCoordinates(Skill):
    id = "linalg.basis_coordinates"
    title = "Coordinates in a basis"
    summary = "Find the numbers c with c₁b₁ + … + cₙbₙ = w."
    levels = 3
    inputs = (
        Field("basis", "vectors", "the basis vectors b1, b2, …"),
        Field("vector", "vector", "the vector w"),
    )
    misconceptions = (
        Misconception(
            "standard_coordinates",
            "Those are w's coordinates in the standard basis",
            "The entries of w measure it along e₁, e₂; in another basis you need the "
            "numbers c with c₁b₁ + c₂b₂ = w.",
            TOPIC,
        ),
        Misconception(
            "multiplied_by_basis",
            "You multiplied w by the basis matrix",
            "B c = w, so c = B⁻¹ w: solve the system, do not multiply B w.",
            TOPIC,
        ),
        Misconception(
            "basis_as_rows",
            "You wrote the basis vectors as rows, not columns",
            "c₁b₁ + c₂b₂ = w adds up the basis vectors, so each one is a COLUMN of the "
            "system: row i collects the i-th entries of b₁, b₂, … As rows you solve another "
            "system.",
            TOPIC,
        ),
        Misconception(
            "projected_onto_each",
            "You projected w onto each basis vector separately",
            "(w·bᵢ)/(bᵢ·bᵢ) gives the coordinates only when the basis vectors are "
            "perpendicular. In general the basis vectors share the work: solve "
            "c₁b₁ + c₂b₂ = w as one system.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            b = unimodular(rng, 2, 2)
            c = random_vector(rng, 2, -3, 3)
        elif level == 2:
            b = nonsingular_matrix(rng, 2, -5, 5)
            c = random_vector(rng, 2, -5, 5)
        else:
            b = unimodular(rng, 3, 2)
            c = random_vector(rng, 3, -4, 4)
        return {"basis": b.columns(), "vector": b.times_vector(c)}

    def prompt(self, params: Params) -> Prompt:
        basis = ", ".join(f"b{i + 1} = {v.text()}" for i, v in enumerate(params["basis"]))
        return (f"Find the coordinates of w = {params['vector'].text()} in the basis {basis}.",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(len(params["basis"]),))

    def check_inputs(self, params: Params) -> None:
        if len(params["vector"]) != len(params["basis"][0]):
            raise InputError("w needs as many entries as the basis vectors")

    def solve(self, params: Params) -> Solution[Vector]:
        return coordinates_in_basis(list(params["basis"]), params["vector"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which combination of the basis vectors gives w?",
            "Write c₁b₁ + c₂b₂ = w as a system (basis vectors as columns) and solve it.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The coordinates in the wrong order, and the sign."""
        return (Reversed("b1's coefficient first"), SignFlipped())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        w: Vector = params["vector"]
        basis: list[Vector] = list(params["basis"])
        b = Matrix.from_columns(basis)
        out: dict[str, Any] = {"standard_coordinates": w, "multiplied_by_basis": b.times_vector(w)}
        rows = [b.row(i) for i in range(len(w))]  # the columns once b1, b2, … are rows
        with suppress(NotSolvable):
            out["basis_as_rows"] = coordinates_in_basis(rows, w).answer
        if all(not v.is_zero() for v in basis):
            out["projected_onto_each"] = Vector(tuple(w.dot(v) / v.dot(v) for v in basis))
        return out
