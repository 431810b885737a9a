"""Skill: does this matrix have an inverse?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.inverse import inverse_exists
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix, singular_matrix
from mlmath.exercises.linalg.vector_variants import WEEK3_TRANSFORMATIONS, YES_NO
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Which matrices have an inverse?"


@register
class InverseExists(Skill):
    id = "linalg.inverse_exists"
    title = "Which matrices have an inverse?"
    summary = "A square matrix is invertible exactly when its determinant is not 0."
    levels = 3
    inputs = (Field("matrix", "matrix", "a square matrix", square=True, max_size=4),)
    misconceptions = (
        Misconception(
            "zero_entry_means_no_inverse",
            "A zero entry does not stop a matrix from having an inverse",
            "What matters is the determinant: the identity is full of zeros and is its own "
            "inverse.",
            TOPIC,
        ),
        Misconception(
            "nonzero_entries_mean_inverse",
            "Non-zero entries do not guarantee an inverse",
            "If the rows are dependent (one a combination of the others) the determinant is "
            "0 and the matrix squashes the plane flat: nothing can undo that.",
            TOPIC,
        ),
        Misconception(
            "negative_determinant_means_no_inverse",
            "A negative determinant is fine",
            "Only a determinant of exactly 0 rules out an inverse; a negative one just means "
            "the transformation flips orientation.",
            TOPIC,
        ),
        Misconception(
            "nonzero_determinant_means_inverse",
            "A non-zero determinant means there is an inverse",
            "The determinant alone decides: any value other than 0, however small or large, "
            "means the matrix can be undone.",
            TOPIC,
        ),
        Misconception(
            "zero_determinant_means_no_inverse",
            "A zero determinant means there is no inverse",
            "When det A = 0 the rows are dependent and the matrix squashes the plane (or "
            "space) flat; nothing can undo that, whatever the entries look like.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 2 if level < 3 else 3
        low, high = (0, 6) if level == 1 else (-6, 6)
        if rng.random() < 0.5:
            return {"matrix": singular_matrix(rng, n, max(low, 1), high)}
        return {"matrix": nonsingular_matrix(rng, n, low, high)}

    def prompt(self, params: Params) -> Prompt:
        return ("Does this matrix have an inverse? Answer yes or no.", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=YES_NO)

    def solve(self, params: Params) -> Solution[str]:
        s = inverse_exists(params["matrix"])
        return Solution("yes" if s.answer else "no", s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which single number tells whether a square matrix can be undone?",
            "Compute the determinant: is it 0?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        det = determinant(a)
        has_zero = any(x == 0 for row in a.rows for x in row)
        out: dict[str, Any] = {}
        if det != 0 and has_zero:
            out["zero_entry_means_no_inverse"] = "no"
        if det != 0 and det < 0:
            out["negative_determinant_means_no_inverse"] = "no"
        if det == 0 and not has_zero:
            out["nonzero_entries_mean_inverse"] = "yes"
        if not out:
            out[
                "zero_determinant_means_no_inverse"
                if det == 0
                else "nonzero_determinant_means_inverse"
            ] = "yes" if det == 0 else "no"
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        det = determinant(params["matrix"])
        here = f"Here det A = {number_text(det)}{', not 0' if det else ''}."
        return dict.fromkeys(self.buggy_answers(params), here)
