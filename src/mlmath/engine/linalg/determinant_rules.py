"""Determinants of products, inverses and multiples, without multiplying out.

Read as area scaling, the rules are plain: doing A then B scales areas by
``det A`` and then by ``det B``, so ``det(AB) = det(A)·det(B)``; undoing A must
undo its scaling, so ``det(A⁻¹) = 1/det(A)``; multiplying an n×n matrix by k
stretches each of n directions by k, so ``det(kA) = kⁿ det(A)``.

>>> from mlmath.engine.exact import Matrix
>>> A, B = Matrix.of([[1, 2], [3, 4]]), Matrix.of([[2, 0], [1, 3]])
>>> determinant_of_product(A, B).answer
Fraction(-12, 1)
>>> determinant_of_inverse(A).answer
Fraction(-1, 2)
>>> determinant_of_multiple(Fraction(3), A).answer
Fraction(-18, 1)
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import (
    DeterminantOf,
    determinant,
    determinant_2x2,
    determinant_by_cofactors,
)
from mlmath.engine.linalg.vectors import paren_latex, paren_text
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def determinant_with_steps(matrix: Matrix) -> Solution[Fraction]:
    """``ad − bc`` for a 2×2 matrix, cofactor expansion for larger ones."""
    m, n = matrix.shape
    if m != n:
        raise NotSolvable(f"only a square matrix has a determinant; this one is {m}×{n}")
    return determinant_2x2(matrix) if n == 2 else determinant_by_cofactors(matrix)


def determinant_of_product(left: Matrix, right: Matrix) -> Solution[Fraction]:
    """``det(AB) = det(A)·det(B)``."""
    if not left.is_square or not right.is_square or left.shape != right.shape:
        raise NotSolvable("the product rule is for two square matrices of the same size")
    det_a = determinant_with_steps(left)
    det_b = determinant_with_steps(right)
    value = det_a.answer * det_b.answer
    product = left.times_matrix(right)
    return Solution(
        value,
        (
            Step("Compute det(A)", DeterminantOf(left), det_a.steps),
            Step("Compute det(B)", DeterminantOf(right), det_b.steps),
            Step(
                "The determinant of a product is the product of the determinants "
                "(areas are scaled by det A, then by det B)",
                Formula(
                    rf"\det(AB) = \det(A)\det(B) = {paren_latex(det_a.answer)} \cdot "
                    rf"{paren_latex(det_b.answer)} = {number_latex(value)}",
                    f"det(AB) = det(A)·det(B) = {paren_text(det_a.answer)}·"
                    f"{paren_text(det_b.answer)} = {number_text(value)}",
                ),
            ),
            Step(
                "Check by multiplying first: det of AB directly",
                Formula(
                    rf"\det(AB) = {DeterminantOf(product).latex()} = "
                    rf"{number_latex(determinant(product))}",
                    f"det(AB) = {number_text(determinant(product))}",
                ),
            ),
        ),
    )


def determinant_of_inverse(matrix: Matrix) -> Solution[Fraction]:
    """``det(A⁻¹) = 1/det(A)``; no inverse when ``det A = 0``."""
    det = determinant_with_steps(matrix)
    if det.answer == 0:
        raise NotSolvable("det(A) = 0, so A is singular and has no inverse — there is no det(A⁻¹)")
    value = 1 / det.answer
    return Solution(
        value,
        (
            Step("Compute det(A)", DeterminantOf(matrix), det.steps),
            Step(
                "A⁻¹ undoes A, so it undoes A's area scaling: det(A)·det(A⁻¹) = det(I) = 1",
                Formula(
                    rf"\det(A^{{-1}}) = \frac{{1}}{{\det A}} = "
                    rf"\frac{{1}}{{{number_latex(det.answer)}}} = {number_latex(value)}",
                    f"det(A⁻¹) = 1/det(A) = 1/{paren_text(det.answer)} = {number_text(value)}",
                ),
            ),
        ),
    )


def determinant_of_multiple(factor: Fraction, matrix: Matrix) -> Solution[Fraction]:
    """``det(kA) = kⁿ det(A)`` for an n×n matrix."""
    det = determinant_with_steps(matrix)
    n = matrix.shape[0]
    value = factor**n * det.answer
    return Solution(
        value,
        (
            Step("Compute det(A)", DeterminantOf(matrix), det.steps),
            Step(
                f"Multiplying the matrix by k multiplies each of its {n} rows by k, and each "
                f"row multiplies the determinant by k",
                Formula(
                    rf"\det({number_latex(factor)}A) = {paren_latex(factor)}^{{{n}}} \cdot "
                    rf"{paren_latex(det.answer)} = {number_latex(value)}",
                    f"det({number_text(factor)}A) = {paren_text(factor)}^{n}·"
                    f"{paren_text(det.answer)} = {number_text(value)}",
                ),
            ),
        ),
    )


def determinant_of_power(matrix: Matrix, power: int) -> Solution[Fraction]:
    """``det(Aᵖ) = det(A)ᵖ`` (negative powers need det A ≠ 0)."""
    det = determinant_with_steps(matrix)
    if power < 0 and det.answer == 0:
        raise NotSolvable("a singular matrix has no inverse, so it has no negative powers")
    value = det.answer**power
    return Solution(
        value,
        (
            Step("Compute det(A)", DeterminantOf(matrix), det.steps),
            Step(
                "The product rule, used again and again",
                Formula(
                    rf"\det(A^{{{power}}}) = (\det A)^{{{power}}} = "
                    rf"{paren_latex(det.answer)}^{{{power}}} = {number_latex(value)}",
                    f"det(A^{power}) = (det A)^{power} = {paren_text(det.answer)}^{power}"
                    f" = {number_text(value)}",
                ),
            ),
        ),
    )
