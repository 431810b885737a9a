"""Skill: an eigenbasis itself — eigenvectors as the columns of P, so that A = P D P⁻¹."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Kind, parse, show
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.eigen import coprime_integers, gauss_jordan, kernel_basis
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


def _signs_lost(a: Matrix, values: Sequence[tuple[Fraction, int]]) -> Matrix | None:
    """The eigenvectors worked with one slip: each pivot variable read off its row of the
    reduced A − λI without the minus sign that moving it across = gives (v₂ = 2v₁ from
    2v₁ + v₂ = 0), fractions cleared as in the answer."""
    n = a.shape[0]
    columns: list[Vector] = []
    for value, _ in values:
        reduced = [list(row) for row in (a - Matrix.identity(n).scale(value)).rows]
        pivots = gauss_jordan(reduced, Fraction(0))
        for v in kernel_basis(reduced, pivots, n, Fraction(0), Fraction(1)):
            columns.append(
                Vector(coprime_integers([-v[i] if i in pivots else v[i] for i in range(n)]))
            )
    return Matrix.from_columns(columns) if len(columns) == n else None


def _swapped_entries(p: Matrix) -> Matrix | None:
    """For a 2×2, each eigenvector with its two entries swapped: (k, 1) written as (1, k)."""
    if p.shape != (2, 2):
        return None
    (a, b), (c, d) = p.rows
    return Matrix(((c, d), (a, b)))


def _directions(p: Matrix) -> list[tuple[Fraction, ...]] | None:
    """The columns of P as directions (coprime integers, first non-zero entry positive),
    sorted: equal for two matrices whose columns are the same up to scale and order."""
    columns = [c.entries for c in p.columns()]
    if any(all(x == 0 for x in c) for c in columns):
        return None
    return sorted(coprime_integers(c) for c in columns)


SCALE_FREE = ("signs_lost", "swapped_entries")
"""The mistakes whose wrong answer is a set of wrong eigenvectors: named at any non-zero
scale of each column and in any order of the columns, as the right answer is accepted."""


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
        Misconception(
            "signs_lost",
            "A minus sign was lost solving (A − λI)v = 0",
            "Moving a term across the = sign changes its sign: from 2v₁ + v₂ = 0 comes "
            "v₂ = −2v₁, not v₂ = 2v₁. Check each column with Av = λv before writing P.",
            TOPIC,
        ),
        Misconception(
            "swapped_entries",
            "The two entries of each eigenvector were swapped",
            "Each number belongs to its own unknown: from v₁ = k·v₂, setting v₂ = 1 gives "
            "v = (k, 1), not (1, k). Check each column with Av = λv.",
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
        feedback = super().grade(params, response)
        named = feedback.misconception is not None
        if feedback.verdict == "incorrect" and not named and isinstance(given, Matrix):
            return self._scaled_mistake(params, given) or feedback
        return feedback

    def _scaled_mistake(self, params: Params, given: Matrix) -> Feedback | None:
        """The mistake of :data:`SCALE_FREE` whose wrong eigenvectors ``given`` holds, at
        any scale and in any order, or None."""
        directions = _directions(given)
        if directions is None:
            return None
        for mistake in self.diagnosis(params).mistakes:  # worked out once per variant
            m, wrong = mistake.misconception, mistake.answer
            if m.id not in SCALE_FREE or not isinstance(wrong, Matrix):
                continue
            if _directions(wrong) == directions:
                return Feedback("incorrect", f"{m.name}. {m.explanation}", m)
        return None

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
        distinct = rational_eigenvalues(a)[0]
        values = [v for v, m in distinct for _ in range(m)]
        d = Matrix(
            tuple(tuple(values[i] if i == j else Fraction(0) for j in range(n)) for i in range(n))
        )
        candidates: dict[str, Any] = {"vectors_as_rows": p.transpose(), "gave_diagonal": d}
        shifted = _shifted_rows(a)
        if shifted is not None:
            candidates["rows_of_shifted_matrix"] = shifted
        signs_lost = _signs_lost(a, distinct)
        if signs_lost is not None:
            candidates["signs_lost"] = signs_lost
        swapped = _swapped_entries(p)
        if swapped is not None:
            candidates["swapped_entries"] = swapped
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
