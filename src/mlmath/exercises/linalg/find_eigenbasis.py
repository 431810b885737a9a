"""Skill: an eigenbasis itself — eigenvectors as the columns of P, so that A = P D P⁻¹."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Kind, parse, show
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.eigenbasis import eigenbasis, is_eigenbasis, rational_eigenvalues
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import plane_matrix
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, integer, with_eigenvalues
from mlmath.exercises.mistakes import Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Feedback, Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenbases"


def _shifted_rows(a: Matrix) -> Matrix | None:
    """For each eigenvalue, a non-zero row of A − λI, as the columns of a matrix."""
    n = a.shape[0]
    try:
        values, _ = rational_eigenvalues(a)
    except NotSolvable:
        return None
    columns: list[Vector] = []
    for value, multiplicity in values:
        shifted = a - Matrix.identity(n).scale(value)
        rows = [shifted.row(i) for i in range(n) if not shifted.row(i).is_zero()]
        if not rows:
            return None
        columns.extend(rows[k % len(rows)] for k in range(multiplicity))
    return Matrix.from_columns(columns) if len(columns) == n else None


@register
class FindEigenbasis(Skill):
    id = "linalg.find_eigenbasis"
    title = "Find an eigenbasis"
    summary = "Put n independent eigenvectors side by side as the columns of P: A = P D P⁻¹."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 2×2 or 3×3 matrix", square=True, min_size=2, max_size=3),
    )
    misconceptions = (
        Misconception(
            "vectors_as_rows",
            "The eigenvectors were written as rows, not columns",
            "P holds one eigenvector in each COLUMN, so that A P = P D stretches column j by "
            "λⱼ. Written as rows you have Pᵀ, whose columns are not eigenvectors.",
            TOPIC,
        ),
        Misconception(
            "rows_of_shifted_matrix",
            "A row of A − λI is not an eigenvector",
            "The eigenvectors SOLVE (A − λI)v = 0, so each is perpendicular to the rows of "
            "A − λI. Row-reduce, set the free variable to 1 and read off the others.",
            TOPIC,
        ),
        Misconception(
            "gave_diagonal",
            "That is D, the eigenvalues; the basis is P, the eigenvectors",
            "In A = P D P⁻¹ the eigenvalues sit on the diagonal of D and the eigenvectors are "
            "the columns of P. The basis asked for is made of vectors: P.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 3 if level == 3 else 2
        low, high = {1: (-3, 4), 2: (-5, 6), 3: (-9, 9)}[level]
        largest = {1: 6, 2: 12, 3: 20}[level]
        while True:
            values = [integer(rng, low, high) for _ in range(n)]
            if level == 3 and rng.random() < 0.3:
                values[1] = values[0]
            if len(set(values)) == 1:
                continue
            matrix = with_eigenvalues(rng, values, {1: 1, 2: 2, 3: 3}[level])
            if max(abs(x) for row in matrix.rows for x in row) <= largest:
                return {"matrix": matrix}

    def prompt(self, params: Params) -> Prompt:
        n = params["matrix"].shape[0]
        return (
            f"Find an eigenbasis of the matrix A below: write {n} independent eigenvectors "
            "as the columns of a matrix P (any order, any non-zero multiples).",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        n = params["matrix"].shape[0]
        return AnswerFormat(Kind.MATRIX, shape=(n, n))

    def check_inputs(self, params: Params) -> None:
        try:
            eigenbasis(params["matrix"])
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Matrix]:
        return eigenbasis(params["matrix"])

    def grade(self, params: Params, response: str) -> Feedback:
        """Any P whose columns are independent eigenvectors is right."""
        try:
            given = parse(response, self.answer_format(params))
        except AnswerError:
            return super().grade(params, response)
        if isinstance(given, Matrix) and is_eigenbasis(params["matrix"], given):
            return Feedback("correct", "Correct: every column is an eigenvector, and det P ≠ 0.")
        return super().grade(params, response)

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        p: Matrix = self.answer(params)
        columns = list(p.columns())
        reordered = Matrix.from_columns([*columns[1:], columns[0]])
        scaled = Matrix.from_columns([c.scale(Fraction(-2)) for c in columns])
        fmt = self.answer_format(params)
        return Examples(
            correct=[*base.correct, show(reordered, fmt), show(scaled, fmt)],
            incorrect=base.incorrect,
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which vectors does A only stretch? Start from the numbers they are stretched by.",
            "Solve det(A − λI) = 0 for the eigenvalues; for each λ row-reduce A − λI and set "
            "the free variable to 1.",
            "Put the eigenvectors side by side as the columns of P.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The eigenvectors written as rows instead of columns."""
        return (Transposed(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        p: Matrix = self.answer(params)
        n = a.shape[0]
        values = [v for v, m in rational_eigenvalues(a)[0] for _ in range(m)]
        d = Matrix(
            tuple(tuple(values[i] if i == j else Fraction(0) for j in range(n)) for i in range(n))
        )
        candidates: dict[str, Any] = {"vectors_as_rows": p.transpose(), "gave_diagonal": d}
        shifted = _shifted_rows(a)
        if shifted is not None:
            candidates["rows_of_shifted_matrix"] = shifted
        return {k: m for k, m in candidates.items() if not is_eigenbasis(a, m)}

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        a: Matrix = params["matrix"]
        if a.shape != (2, 2) or max(abs(x) for row in a.rows for x in row) > 20:
            return None
        return {
            "kind": "eigenvectors",
            "params": {"matrix": plane_matrix(a), "v": [1, 0]},
            "caption": "Turn v until Av lies on v's own line: each such direction is a column "
            "of P. Find both.",
        }
