"""Skill: is this set of vectors a basis of R² or R³?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.span import is_basis
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.figures import is_plane, plane_vector
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix, singular_matrix
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, YES_NO, random_vector
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Bases in Linear Algebra"


@register
class IsBasis(Skill):
    id = "linalg.is_basis"
    title = "Is it a basis?"
    summary = "n vectors form a basis of Rⁿ exactly when they are linearly independent."
    levels = 3
    inputs = (Field("vectors", "vectors", "the vectors, e.g. [[1, 2], [3, 4]]"),)
    misconceptions = (
        Misconception(
            "count_only",
            "The right number of vectors is not enough",
            "n vectors in Rⁿ form a basis only if none is a combination of the others "
            "(determinant not 0); dependent vectors span a line or a plane, not everything.",
            TOPIC,
        ),
        Misconception(
            "more_is_better",
            "Too many vectors cannot be a basis",
            "A basis reaches every vector in exactly ONE way; with more than n vectors in Rⁿ "
            "some are combinations of the others.",
            TOPIC,
        ),
        Misconception(
            "too_few_vectors",
            "Too few vectors cannot be a basis",
            "A basis of Rⁿ needs n vectors: fewer span at most a line or a plane through the "
            "origin, and most vectors of Rⁿ lie off it.",
            TOPIC,
        ),
        Misconception(
            "independent_vectors_form_basis",
            "n independent vectors in Rⁿ always form a basis",
            "When the n vectors, as the columns of a matrix, have a determinant that is not 0, "
            "none is a combination of the others and every vector of Rⁿ is reached in exactly "
            "one way: they are a basis.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 2 if level == 1 else 3
        low, high = {1: (0, 5), 2: (-5, 5), 3: (-7, 7)}[level]
        pick = float(rng.random())
        if level == 2 and pick < 0.3:
            count = 2 if rng.random() < 0.5 else 4
            return {"vectors": tuple(random_vector(rng, 3, low, high) for _ in range(count))}
        m = (
            singular_matrix(rng, n, max(low, 1), high)
            if pick < 0.6
            else nonsingular_matrix(rng, n, low, high)
        )
        return {"vectors": m.columns()}

    def prompt(self, params: Params) -> Prompt:
        vectors = ", ".join(v.text() for v in params["vectors"])
        n = len(params["vectors"][0])
        return (f"Do the vectors {vectors} form a basis of R{'²' if n == 2 else '³'}? (yes/no)",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=YES_NO)

    def solve(self, params: Params) -> Solution[str]:
        s = is_basis(list(params["vectors"]))
        return Solution("yes" if s.answer else "no", s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many vectors does a basis of this space need?",
            "Put the vectors as the columns of a matrix: is its determinant 0?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        vectors: tuple[Vector, ...] = params["vectors"]
        n = len(vectors[0])
        if len(vectors) > n:
            return {"more_is_better": "yes"}
        if len(vectors) < n:
            return {"too_few_vectors": "yes"}
        if self.solve(params).answer == "no":
            return {"count_only": "yes"}
        return {"independent_vectors_form_basis": "no"}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        vectors: tuple[Vector, ...] = params["vectors"]
        k, n = len(vectors), len(vectors[0])
        if k != n:
            return dict.fromkeys(self.buggy_answers(params), f"Here there are {k} vectors in R{n}.")
        det = determinant(Matrix(tuple(v.entries for v in vectors)))
        columns = f"det [{' '.join(f'v{i + 1}' for i in range(k))}] = {number_text(det)}"
        return dict.fromkeys(
            self.buggy_answers(params), f"Here {columns}{', not 0' if det else ''}."
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        vectors: tuple[Vector, ...] = params["vectors"]
        if len(vectors) != 2 or not is_plane(*vectors):
            return None
        return {
            "kind": "span",
            "params": {"vectors": [plane_vector(v) for v in vectors]},
            "caption": "The span of these two vectors: the whole plane for a basis, a line "
            "when they are dependent. Drag them to see the difference.",
            "after_answer": True,
        }
