"""Skill: multiplying a matrix by a vector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.products import matrix_vector_product
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_VECTORS, random_matrix, random_vector
from mlmath.exercises.mistakes import OneSign, Product, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Multiplying a matrix by a vector"


@register
class MatrixVectorProduct(Skill):
    id = "linalg.matrix_vector_product"
    title = "Matrix times vector"
    summary = "Each entry of A v is a row of A dotted with v."
    levels = 3
    inputs = (Field("matrix", "matrix", "the matrix A"), Field("vector", "vector", "the vector v"))
    misconceptions = (
        Misconception(
            "used_columns",
            "You dotted the COLUMNS of A with v",
            "Entry i of A v is ROW i of A dotted with v (that is how a system of equations "
            "reads: one equation per row). Dotting columns computes Aᵀ v.",
            TOPIC,
        ),
        Misconception(
            "scaled_rows",
            "You multiplied row i by the i-th entry of v",
            "Every row meets the WHOLE vector v: entry i is aᵢ₁v₁ + aᵢ₂v₂ + …",
            TOPIC,
        ),
        Misconception(
            "added_entries",
            "You added the entries of each row to the entries of v instead of multiplying",
            "Each entry of A v is a dot product: MULTIPLY each entry of the row by the "
            "matching entry of v, then add the products: aᵢ₁v₁ + aᵢ₂v₂ + …, not "
            "(aᵢ₁ + v₁) + (aᵢ₂ + v₂) + ….",
            TOPIC,
        ),
        Misconception(
            "multiplied_sums",
            "You multiplied the sum of each row by the sum of v",
            "(aᵢ₁ + aᵢ₂ + …)(v₁ + v₂ + …) also contains cross terms like aᵢ₁v₂; each entry of a "
            "row pairs only with the matching entry of v: aᵢ₁v₁ + aᵢ₂v₂ + ….",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        rows, columns, low, high = {
            1: (2, 2, 0, 5),
            2: (int(rng.integers(2, 4)), 3, -5, 5),
            3: (3, int(rng.integers(3, 5)), -9, 9),
        }[level]
        return {
            "matrix": random_matrix(rng, rows, columns, low, high),
            "vector": random_vector(rng, columns, low, high),
        }

    def prompt(self, params: Params) -> Prompt:
        return ("Compute A v for", params["matrix"], "and", params["vector"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(params["matrix"].shape[0],))

    def check_inputs(self, params: Params) -> None:
        if params["matrix"].shape[1] != len(params["vector"]):
            raise InputError("the vector needs as many entries as the matrix has columns")

    def solve(self, params: Params) -> Solution[Vector]:
        return matrix_vector_product(params["matrix"], params["vector"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many entries will the answer have — as many as A has rows, or columns?",
            "Entry 1 is row 1 of A dotted with v: multiply matching entries and add.",
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
            out["used_columns"] = a.transpose().times_vector(v)
            out["scaled_rows"] = Vector(
                tuple(v[i] * sum(a.rows[i], Fraction(0)) for i in range(a.shape[0]))
            )
        row_sums = [sum(row, Fraction(0)) for row in a.rows]
        total = sum(v.entries, Fraction(0))
        out["added_entries"] = Vector(tuple(s + total for s in row_sums))
        out["multiplied_sums"] = Vector(tuple(s * total for s in row_sums))
        return out
