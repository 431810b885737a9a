"""The inverse of a square matrix: when it exists, the 2×2 formula, and Gauss–Jordan.

A⁻¹ undoes A: ``A⁻¹ A = A A⁻¹ = I``. It exists exactly when A is non-singular
(``det A ≠ 0``): a singular matrix squashes the plane onto a line (or a point),
and no matrix can spread a line back out into the whole plane.

>>> from mlmath.engine.exact import Matrix
>>> inverse_by_formula(Matrix.of([[2, 1], [1, 1]])).answer.rows
((Fraction(1, 1), Fraction(-1, 1)), (Fraction(-1, 1), Fraction(2, 1)))
>>> inverse_by_gauss_jordan(Matrix.of([[2, 1], [1, 1]])).answer == Matrix.of([[1, -1], [-1, 2]])
True
>>> inverse_exists(Matrix.of([[1, 2], [2, 4]])).answer
False
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
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.render import Augmented, matrix_latex, number_latex, number_text
from mlmath.engine.render import text as render_text
from mlmath.engine.significant import paren_text
from mlmath.engine.solution import NotSolvable, Solution, Step, formula_later


def _require_square(matrix: Matrix) -> None:
    m, n = matrix.shape
    if m != n:
        raise NotSolvable(f"only a square matrix can have an inverse; this one is {m}×{n}")


def _determinant_steps(matrix: Matrix) -> Solution[Fraction]:
    if matrix.shape == (2, 2):
        return determinant_2x2(matrix)
    return determinant_by_cofactors(matrix)


def singular_message(matrix: Matrix) -> str:
    n = matrix.shape[0]
    return (
        f"this {n}×{n} matrix is singular (its determinant is 0), so it has no inverse: "
        "it squashes space flat and nothing can undo that"
    )


def inverse_exists(matrix: Matrix) -> Solution[bool]:
    """Whether A has an inverse, decided by its determinant."""
    _require_square(matrix)
    det = _determinant_steps(matrix)
    exists = det.answer != 0
    verdict = (
        "The determinant is not 0, so the matrix is non-singular and has an inverse"
        if exists
        else "The determinant is 0, so the matrix is singular: it has no inverse"
    )
    return Solution(
        exists,
        (
            Step("A square matrix has an inverse exactly when its determinant is not 0"),
            Step("Compute the determinant", DeterminantOf(matrix), det.steps),
            Step(verdict, det.answer),
        ),
    )


def inverse_by_formula(matrix: Matrix) -> Solution[Matrix]:
    """``[[a, b], [c, d]]⁻¹ = 1/(ad − bc) · [[d, −b], [−c, a]]``."""
    if matrix.shape != (2, 2):
        raise NotSolvable(
            f"the swap-and-negate formula is for 2×2 matrices; this one is "
            f"{matrix.shape[0]}×{matrix.shape[1]}"
        )
    det = determinant_2x2(matrix)
    if det.answer == 0:
        raise NotSolvable(singular_message(matrix))
    (a, b), (c, d) = matrix.rows
    adjugate = Matrix(((d, -b), (-c, a)))
    inverse = adjugate.scale(1 / det.answer)
    return Solution(
        inverse,
        (
            Step("Compute the determinant (it must not be 0)", det.answer, det.steps),
            Step(
                "Swap the diagonal entries and change the sign of the other two",
                adjugate,
            ),
            Step(
                f"Divide every entry by the determinant, {number_text(det.answer)}",
                formula_later(
                    lambda: (
                        rf"A^{{-1}} = \frac{{1}}{{{number_latex(det.answer)}}}"
                        rf"{matrix_latex(adjugate)} = {matrix_latex(inverse)}"
                    ),
                    lambda: (
                        f"A⁻¹ = (1/{paren_text(det.answer)}) ·\n{render_text(adjugate)}\n=\n"
                        f"{render_text(inverse)}"
                    ),
                    display=True,
                ),
            ),
            _check_step(matrix, inverse),
        ),
    )


def gauss_jordan_operations(
    matrix: Matrix,
) -> tuple[list[tuple[RowOperation, Matrix]], int | None]:
    """Row-reduce ``[A | I]``; returns each operation with the matrix after it, and the
    first column (0-based) without a pivot, or ``None`` when A reduces to I."""
    n = matrix.shape[0]
    current = matrix.augment(Matrix.identity(n))
    done: list[tuple[RowOperation, Matrix]] = []

    def apply(op: RowOperation) -> None:
        nonlocal current
        current = op.apply(current)
        done.append((op, current))

    for col in range(n):
        pivot = next((i for i in range(col, n) if current[i, col] != 0), None)
        if pivot is None:
            return done, col
        if pivot != col:
            apply(Swap(col, pivot))
        if current[col, col] != 1:
            apply(Scale(col, 1 / current[col, col]))
        for i in range(n):
            if i != col and current[i, col] != 0:
                apply(AddMultiple(i, col, -current[i, col]))
    return done, None


def inverse_by_gauss_jordan(matrix: Matrix) -> Solution[Matrix]:
    """Row-reduce ``[A | I]`` to ``[I | A⁻¹]``, one row operation per step."""
    _require_square(matrix)
    n = matrix.shape[0]
    start = matrix.augment(Matrix.identity(n))
    steps = [Step("Write A and the identity side by side: [A | I]", Augmented(start, n))]
    operations, stalled = gauss_jordan_operations(matrix)
    for op, after in operations:
        steps.append(Step(op.describe(), Augmented(after, n)))
    if stalled is not None:
        raise NotSolvable(singular_message(matrix))
    final = operations[-1][1] if operations else start
    inverse = Matrix(tuple(row[n:] for row in final.rows))
    steps.append(Step("The left half is now I, so the right half is A⁻¹", inverse))
    steps.append(_check_step(matrix, inverse))
    return Solution(inverse, tuple(steps))


def inverse(matrix: Matrix) -> Solution[Matrix]:
    """The inverse with the method a learner would use: the formula for 2×2, else
    Gauss–Jordan. Raises :class:`NotSolvable` with a one-line reason when there is none."""
    _require_square(matrix)
    if determinant(matrix) == 0:
        raise NotSolvable(singular_message(matrix))
    if matrix.shape == (2, 2):
        return inverse_by_formula(matrix)
    return inverse_by_gauss_jordan(matrix)


def _check_step(matrix: Matrix, inverse: Matrix) -> Step:
    """A A⁻¹ = I, multiplied out when the step is shown (the answer never needs it)."""
    return Step(
        "Check: A times A⁻¹ gives the identity",
        formula_later(
            lambda: (
                rf"{matrix_latex(matrix)}{matrix_latex(inverse)} = "
                rf"{matrix_latex(matrix.times_matrix(inverse))}"
            ),
            lambda: f"A·A⁻¹ =\n{render_text(matrix.times_matrix(inverse))}",
            display=True,
        ),
    )
