"""Skill: is this matrix singular or non-singular?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.singularity import classify_singularity
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import (
    has_parallel_rows,
    nonsingular_matrix,
    singular_matrix,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · Singular vs non-singular matrices"
OPTIONS = (
    Choice("singular", "singular (determinant 0)"),
    Choice("non-singular", "non-singular (determinant not 0)"),
)


def _opposite(word: str) -> str:
    return "non-singular" if word == "singular" else "singular"


@register
class SingularMatrix(Skill):
    id = "linalg.singular_matrix"
    title = "Singular or non-singular?"
    summary = "Decide whether a square matrix is singular, and see why."
    levels = 3
    inputs = (Field("matrix", "matrix", "a square matrix", square=True),)
    misconceptions = (
        Misconception(
            "pairwise_only",
            "You only checked whether one row is a multiple of another",
            "Rows can depend on each other without any two being parallel: one row can be "
            "a SUM of multiples of the others (row 3 = row 1 + 2·row 2). The determinant "
            "catches every case.",
            TOPIC,
        ),
        Misconception(
            "zero_entry_means_singular",
            "A zero entry does not make a matrix singular",
            "Singular means the determinant is 0 (the rows are dependent); a matrix full of "
            "zeros off the diagonal, like the identity, is non-singular.",
            TOPIC,
        ),
        Misconception(
            "added_diagonals",
            "You used ad + bc for the determinant",
            "A 2×2 determinant is ad − bc; with the plus sign a singular matrix can look "
            "non-singular and the other way round.",
            "Course 1 · Week 1 · The determinant",
        ),
        Misconception(
            "rule_reversed",
            "Singular means determinant ZERO",
            "A singular matrix has determinant 0 (its rows are dependent, so its systems "
            "have no solution or infinitely many); a non-zero determinant means non-singular.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 2 if level == 1 else 3
        low, high, halves = {1: (0, 6, False), 2: (-5, 6, False), 3: (-8, 8, True)}[level]
        if rng.random() < 0.5:
            return {"matrix": singular_matrix(rng, n, low, high, halves)}
        return {"matrix": nonsingular_matrix(rng, n, low, high, halves)}

    def prompt(self, params: Params) -> Prompt:
        return ("Is this matrix singular or non-singular?", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def solve(self, params: Params) -> Solution[str]:
        worked = classify_singularity(params["matrix"])
        return Solution(worked.answer.word, worked.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What must be true of the determinant of a singular matrix?",
            "Compute the determinant (ad − bc for 2×2; expand along row 1 for 3×3) and "
            "compare it with 0.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        matrix: Matrix = params["matrix"]
        truth = classify_singularity(matrix).answer
        wrong = _opposite(truth.word)
        buggy: dict[str, str] = {}
        if truth.singular and matrix.shape[0] > 2 and not has_parallel_rows(matrix):
            buggy["pairwise_only"] = "non-singular"
        if not truth.singular and any(a == 0 for row in matrix.rows for a in row):
            buggy["zero_entry_means_singular"] = "singular"
        if matrix.shape == (2, 2):
            (a, b), (c, d) = matrix.rows
            buggy["added_diagonals"] = "singular" if a * d + b * c == 0 else "non-singular"
        buggy["rule_reversed"] = wrong
        return buggy

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        det = determinant(params["matrix"])
        here = f"Here det A = {number_text(det)}{', not 0' if det else ''}."
        return dict.fromkeys(self.buggy_answers(params), here)

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        expected = self.solve(params).answer
        letter = "a" if expected == "singular" else "b"
        return Examples((*base.correct, letter), base.incorrect, ("maybe", "3"))
