"""Skill: does a matrix have an eigenbasis (can it be diagonalised)?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.characteristic import eigenvalues
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.eigen import eigenbasis_exists, has_eigenbasis
from mlmath.engine.solution import Solution, WorkedLater
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import (
    WEEK4_EIGEN,
    YES_NO,
    integer,
    similar,
    with_eigenvalues,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenbases"


def _defective(rng: np.random.Generator, n: int, size: int) -> Matrix:
    """P J P⁻¹ with a Jordan block: a repeated eigenvalue with too few eigenvectors."""
    value = integer(rng, -4, 5)
    k = integer(rng, 1, 4)
    rows = [[value if i == j else 0 for j in range(n)] for i in range(n)]
    rows[0][1] = k
    if n == 3:
        rows[2][2] = integer(rng, -4, 5)
    return similar(rng, rows, size)


@register
class Eigenbasis(Skill):
    id = "linalg.eigenbasis"
    title = "Is there an eigenbasis?"
    summary = "An n×n matrix has an eigenbasis when it has n independent eigenvectors."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 2×2 or 3×3 matrix", square=True, min_size=2, max_size=3),
    )
    misconceptions = (
        Misconception(
            "repeated_means_no",
            "A repeated eigenvalue does not rule out an eigenbasis",
            "What matters is how many independent eigenvectors each eigenvalue has: 2I has "
            "the eigenvalue 2 twice and every vector is an eigenvector.",
            TOPIC,
        ),
        Misconception(
            "invertible_means_yes",
            "Being invertible is not the same as having an eigenbasis",
            "A shear [[1, 1], [0, 1]] is invertible but only stretches one direction; a "
            "rotation has no real eigenvectors at all. Count the eigenvectors.",
            TOPIC,
        ),
        Misconception(
            "different_eigenvalues_give_eigenbasis",
            "n different eigenvalues always give an eigenbasis",
            "Eigenvectors of different eigenvalues are independent, so an n×n matrix with n "
            "different real eigenvalues has n independent eigenvectors: an eigenbasis.",
            TOPIC,
        ),
        Misconception(
            "too_few_eigenvectors",
            "Too few independent eigenvectors means no eigenbasis",
            "An n×n matrix needs n independent eigenvectors. A repeated eigenvalue whose "
            "A − λI has too few free variables, or eigenvalues that are not real, leave it "
            "short.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 3 if level == 3 else 2
        size = 1 if level == 1 else 2
        pick = float(rng.random())
        if pick < 0.4:
            return {"matrix": _defective(rng, n, size)}
        if pick < 0.55 and level > 1 and n == 2:
            a, b = integer(rng, -3, 3), integer(rng, 1, 4)
            return {"matrix": Matrix.of([[a, -b], [b, a]])}
        while True:
            values = [integer(rng, -4, 5) for _ in range(n)]
            if rng.random() < 0.3:
                values[1] = values[0]
            while len(set(values)) == 1:
                values[-1] = integer(rng, -4, 5)
            matrix = with_eigenvalues(rng, values, size)
            if any(matrix[i, j] != 0 for i in range(n) for j in range(n) if i != j):
                return {"matrix": matrix}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Does this matrix have an eigenbasis (a basis made of its eigenvectors)? (yes/no)",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=YES_NO)

    def solve(self, params: Params) -> Solution[str]:
        s = eigenbasis_exists(params["matrix"])
        return WorkedLater("yes" if s.answer else "no", lambda: s.steps)

    def answer(self, params: Params) -> str:
        return "yes" if has_eigenbasis(params["matrix"]) else "no"

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many independent eigenvectors does an n×n matrix need for an eigenbasis?",
            "Find the eigenvalues; for a repeated one, count the free variables of A − λI.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        yes = self.answer(params) == "yes"
        roots = [r.text() for r in eigenvalues(a).answer]
        out: dict[str, Any] = {}
        if yes and len(set(roots)) < len(roots):
            out["repeated_means_no"] = "no"
        if not yes and determinant(a) != 0:
            out["invertible_means_yes"] = "yes"
        if not out:
            out["different_eigenvalues_give_eigenbasis" if yes else "too_few_eigenvectors"] = (
                "no" if yes else "yes"
            )
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The worked solution's verdict: how many independent eigenvectors there are."""
        verdict = eigenbasis_exists(params["matrix"]).steps[-1].rule.removeprefix("No: ")
        there = "there are " if verdict[:1].isdigit() else ""
        here = f"Here {there}{verdict[:1].lower()}{verdict[1:]}."
        return dict.fromkeys(self.buggy_answers(params), here)
