"""Skill: where a linear transformation sends a vector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.transformations import image_of
from mlmath.engine.solution import Solution
from mlmath.exercises.figures import is_plane, plane_matrix, plane_vector
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_TRANSFORMATIONS,
    random_matrix,
    random_vector,
)
from mlmath.exercises.mistakes import OneSign, Product, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Matrices as linear transformations"


@register
class TransformationImage(Skill):
    id = "linalg.transformation_image"
    title = "The image of a vector"
    summary = "T(v) = A v: the same mix of the columns as v is of the basis vectors."
    levels = 3
    inputs = (Field("matrix", "matrix", "the matrix of T"), Field("vector", "vector", "v"))
    misconceptions = (
        Misconception(
            "used_rows_as_images",
            "You treated the rows as the images of the basis vectors",
            "The images of e₁, e₂ are the COLUMNS of the matrix; mixing rows computes Aᵀ v.",
            TOPIC,
        ),
        Misconception(
            "added_images",
            "You added the images without the coefficients",
            "T(v) = v₁·T(e₁) + v₂·T(e₂): each column is weighted by the matching entry of v.",
            TOPIC,
        ),
        Misconception(
            "weights_reversed",
            "You weighted the images with the entries of v in reverse order",
            "The first entry of v weights the image of e₁ (column 1), the second the image of "
            "e₂ (column 2): T(v) = v₁·T(e₁) + v₂·T(e₂). Pairing them the other way round "
            "moves a different vector.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n, low, high = {1: (2, 0, 4), 2: (2, -6, 6), 3: (3, -6, 6)}[level]
        return {
            "matrix": random_matrix(rng, n, n, low, high),
            "vector": random_vector(rng, n, 1 if level == 1 else -5, 5),
        }

    def prompt(self, params: Params) -> Prompt:
        return (
            "The linear transformation T has the matrix",
            params["matrix"],
            f"Where does T send v = {params['vector'].text()}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(params["matrix"].shape[0],))

    def check_inputs(self, params: Params) -> None:
        if params["matrix"].shape[1] != len(params["vector"]):
            raise InputError("v needs as many entries as the matrix has columns")

    def solve(self, params: Params) -> Solution[Vector]:
        return image_of(params["matrix"], params["vector"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Where do e₁ and e₂ go? Read them off the matrix.",
            "v = v₁e₁ + v₂e₂, and T keeps combinations: T(v) = v₁T(e₁) + v₂T(e₂).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Products not added (A * v), columns for rows, and the sign."""
        return (
            Product(params["matrix"], params["vector"], ("A", "v")),
            SignFlipped(),
            OneSign(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        v: Vector = params["vector"]
        out: dict[str, Any] = {}
        if a.is_square:
            out["used_rows_as_images"] = a.transpose().times_vector(v)
        total = a.column(0)
        for c in a.columns()[1:]:
            total = total + c
        out["added_images"] = total
        out["weights_reversed"] = a.times_vector(Vector(v.entries[::-1]))
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if params["matrix"].shape != (2, 2) or not is_plane(params["vector"]):
            return None
        return {
            "kind": "linear-transformation",
            "params": {
                "matrix": plane_matrix(params["matrix"]),
                "vector": plane_vector(params["vector"]),
            },
            "caption": "v and T(v) on the grid T makes: T(v) takes as many steps along "
            "T(e₁) and T(e₂) as v takes along e₁ and e₂. Drag the columns to see T(v) follow.",
            "after_answer": True,
        }
