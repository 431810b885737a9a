"""Skill: the characteristic polynomial det(A − λI) of a 2×2 or 3×3 matrix, as the answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Expression, Kind, Verdict, compare, parse
from mlmath.answers.tree import Node
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.characteristic import Polynomial, characteristic_polynomial
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, random_matrix
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Feedback, Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenvalues and eigenvectors"
LAMBDA = "lambda"
"""How λ is typed: the answer grammar reads Latin letters."""


def polynomial_expression(coefficients: Sequence[Fraction], variable: str = LAMBDA) -> Expression:
    """c₀ + c₁λ + … as an answer expression, highest power first."""
    node: Node | None = None
    for k in range(len(coefficients) - 1, -1, -1):
        c = coefficients[k]
        if c == 0:
            continue
        size = abs(c)
        if k == 0:
            term = Node.number(size)
        else:
            power = Node.variable(variable)
            if k > 1:
                power = Node.apply("^", power, Node.number(k))
            term = power if size == 1 else Node.apply("*", Node.number(size), power)
        if node is None:
            node = Node.apply("neg", term) if c < 0 else term
        else:
            node = Node.apply("-" if c < 0 else "+", node, term)
    return Expression(node if node is not None else Node.number(0), (variable,))


def _matrix_polynomials(a: Matrix, sign: int) -> list[list[Polynomial]]:
    """The entries of A − λI (sign −1) or A + λI (sign +1) as polynomials in λ."""
    n = a.shape[0]
    return [
        [
            Polynomial((a[i, j], Fraction(sign))) if i == j else Polynomial.constant(a[i, j])
            for j in range(n)
        ]
        for i in range(n)
    ]


def _determinant(entry: list[list[Polynomial]], signs: Sequence[int]) -> Polynomial:
    """det by expansion along row 1 with the given signs (+, −, + is right)."""
    n = len(entry)
    if n == 2:
        (a, b), (c, d) = entry
        return a * d + (b * c).scale(Fraction(signs[1]))
    total = Polynomial.constant(Fraction(0))
    for j in range(3):
        rest = [[entry[i][k] for k in range(3) if k != j] for i in (1, 2)]
        minor = rest[0][0] * rest[1][1] - rest[0][1] * rest[1][0]
        total = total + (entry[0][j] * minor).scale(Fraction(signs[j]))
    return total


def _lambda_in_every_entry(a: Matrix) -> Polynomial:
    """det(A − λJ), J all ones: λ taken from EVERY entry, as if λI were the number λ."""
    n = a.shape[0]
    entry = [[Polynomial((a[i, j], Fraction(-1))) for j in range(n)] for i in range(n)]
    return _determinant(entry, (1, -1, 1))


def _product_of_diagonal(a: Matrix) -> Polynomial:
    result = Polynomial.constant(Fraction(1))
    for i in range(a.shape[0]):
        result = result * Polynomial.minus_lambda(a[i, i])
    return result


@register
class CharacteristicPolynomial(Skill):
    id = "linalg.characteristic_polynomial"
    title = "The characteristic polynomial"
    summary = "Expand p(λ) = det(A − λI): its roots are the eigenvalues."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 2×2 or 3×3 matrix", square=True, min_size=2, max_size=3),
    )
    misconceptions = (
        Misconception(
            "added_lambda",
            "λ was added to the diagonal: that is det(A + λI)",
            "λ is SUBTRACTED from each diagonal entry: p(λ) = det(A − λI). Adding it flips the "
            "sign of every odd power of λ, and the roots come out with the wrong signs.",
            TOPIC,
        ),
        Misconception(
            "diagonal_only",
            "Only the diagonal was multiplied out",
            "det(A − λI) is a full determinant: for a 2×2 it is (a − λ)(d − λ) − bc. The "
            "product of the diagonal alone is the answer only for a triangular matrix.",
            TOPIC,
        ),
        Misconception(
            "cross_term_sign",
            "A sign of the determinant was lost: the cross term is subtracted",
            "det [[a, b], [c, d]] = ad − bc: the product across the other diagonal is "
            "subtracted. Along row 1 of a 3×3 the cofactor signs alternate +, −, +.",
            TOPIC,
        ),
        Misconception(
            "lambda_in_every_entry",
            "λ was subtracted from every entry, not only the diagonal",
            "λI has λ on its diagonal and 0 everywhere else, so A − λI changes only the "
            "diagonal entries; the entries off the diagonal stay as they are. With λ in every "
            "entry the higher powers of λ cancel and only a line in λ is left, but p(λ) of an "
            "n×n matrix has degree n.",
            TOPIC,
        ),
        Misconception(
            "middle_terms_dropped",
            "(a − λ)(d − λ) was multiplied out as ad + λ², without the middle terms",
            "Multiply every term of one bracket by every term of the other: "
            "(a − λ)(d − λ) = ad − aλ − dλ + λ², so p(λ) has the term −(a + d)λ. Without it "
            "the roots are not the eigenvalues.",
            TOPIC,
        ),
        Misconception(
            "lambda_squared_sign",
            "(−λ)·(−λ) was taken as −λ²",
            "A minus times a minus is a plus: (−λ)(−λ) = +λ², so det(A − λI) of a 2×2 starts "
            "with +λ². With −λ² the polynomial has other roots, which are not the eigenvalues.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 3 if level == 3 else 2
        low, high = {1: (0, 5), 2: (-6, 6), 3: (-3, 3)}[level]
        while True:
            a = random_matrix(rng, n, n, low, high)
            off = sum(a[i, j] != 0 for i in range(n) for j in range(n) if i != j)
            if off >= {1: 1, 2: 2, 3: 4}[level]:
                return {"matrix": a}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Find the characteristic polynomial p(λ) = det(A − λI) of the matrix below, "
            "multiplied out. Type λ as λ or as lambda, e.g. lambda^2 - 5lambda + 6.",
            params["matrix"],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.EXPRESSION, variables=(LAMBDA,))

    def solve(self, params: Params) -> Solution[Expression]:
        s = characteristic_polynomial(params["matrix"])
        return Solution(polynomial_expression(s.answer.coefficients), s.steps)

    def answer(self, params: Params) -> Expression:
        a: Matrix = params["matrix"]
        return polynomial_expression(
            _determinant(_matrix_polynomials(a, -1), (1, -1, 1)).coefficients
        )

    def grade(self, params: Params, response: str) -> Feedback:
        """For a 3×3, det(λI − A) = −det(A − λI) is the other convention in use: accepted."""
        a: Matrix = params["matrix"]
        if a.shape[0] == 3:
            fmt = self.answer_format(params)
            try:
                given = parse(response, fmt)
            except AnswerError:
                return super().grade(params, response)
            if compare(self._negated(params), given, fmt) is Verdict.EQUAL:
                return Feedback(
                    "correct",
                    "Correct: that is det(λI − A), which is −det(A − λI) for a 3×3 matrix; "
                    "both conventions have the same roots.",
                )
        return super().grade(params, response)

    def _negated(self, params: Params) -> Expression:
        a: Matrix = params["matrix"]
        p = _determinant(_matrix_polynomials(a, -1), (1, -1, 1))
        return polynomial_expression((-p).coefficients)

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        correct = list(base.correct)
        if params["matrix"].shape[0] == 3:
            correct.append(self._negated(params).text())
        return Examples(correct=correct, incorrect=base.incorrect, invalid=("lambda^2 -",))

    def hints(self, params: Params) -> tuple[str, ...]:
        n = params["matrix"].shape[0]
        how = (
            "(a − λ)(d − λ) − bc"
            if n == 2
            else "expansion along row 1 with signs +, −, + and a 2×2 minor for each entry"
        )
        return (
            "What does A − λI look like: which entries does λ change?",
            f"Subtract λ from each diagonal entry, then take the determinant: {how}.",
            "Multiply out and collect the powers of λ.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        n = a.shape[0]
        plus = _determinant(_matrix_polynomials(a, 1), (1, -1, 1))
        wrong_signs = (1, 1) if n == 2 else (1, 1, 1)
        wrong: dict[str, Any] = {
            "added_lambda": polynomial_expression(plus.coefficients),
            "diagonal_only": polynomial_expression(_product_of_diagonal(a).coefficients),
            "cross_term_sign": polynomial_expression(
                _determinant(_matrix_polynomials(a, -1), wrong_signs).coefficients
            ),
            "lambda_in_every_entry": polynomial_expression(_lambda_in_every_entry(a).coefficients),
        }
        if n == 2:
            (p, q), (r, s) = a.rows
            det_a, trace = p * s - q * r, p + s
            # (a − λ)(d − λ) multiplied out as ad + λ²: the term −(a + d)λ is missing
            wrong["middle_terms_dropped"] = polynomial_expression((det_a, Fraction(0), Fraction(1)))
            # (−λ)(−λ) taken as −λ²: λ² − (a + d)λ + det A with its first sign flipped
            wrong["lambda_squared_sign"] = polynomial_expression((det_a, -trace, Fraction(-1)))
        return wrong
