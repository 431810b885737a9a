"""An eigenbasis found: n independent eigenvectors, side by side as the columns of P.

For each eigenvalue λ (the roots of det(A − λI), see :mod:`.characteristic`) the
eigenvectors are the non-zero solutions of (A − λI)v = 0: row-reduce A − λI, set each free
variable to 1 in turn and read off the others. When the eigenvalues together give n
independent vectors they form an eigenbasis, and A = P D P⁻¹ with D the eigenvalues in the
same order. Any non-zero multiple of a column, and any order of the columns, is an eigenbasis
just as good: :func:`is_eigenbasis` checks a proposed P by the definition, A p = λ p for each
column and det P ≠ 0.

Exact eigenvectors need rational eigenvalues here; a repeated eigenvalue with too few
eigenvectors (a shear) or complex eigenvalues (a rotation) leave no eigenbasis, and the
solver says so.

>>> from mlmath.engine.exact import Matrix
>>> eigenbasis(Matrix.of([[2, 1], [1, 2]])).answer.rows
((Fraction(1, 1), Fraction(1, 1)), (Fraction(-1, 1), Fraction(1, 1)))
>>> is_eigenbasis(Matrix.of([[2, 1], [1, 2]]), Matrix.of([[3, -2], [3, 2]]))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.characteristic import Root
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.eigen import (
    coprime_integers,
    gauss_jordan,
    kernel_basis,
    real_eigenvalues,
    shifted_matrix,
)
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.solution import LazyFormula, NotSolvable, Solution, Step, WorkedLater


def rational_eigenvalues(
    matrix: Matrix,
) -> tuple[list[tuple[Fraction, int]], Solution[tuple[Root, ...]]]:
    """The distinct eigenvalues (smallest first) with how often each is a root, and how
    they were found; NotSolvable when one is complex, irrational or not exact."""
    distinct, found = real_eigenvalues(matrix)
    if any(not value.is_rational for value, _ in distinct):
        raise NotSolvable(
            "this matrix's eigenvalues have square roots; `linalg.eigenvectors` works "
            "eigenvectors with square roots one eigenvalue at a time"
        )
    return sorted((value.rational, count) for value, count in distinct), found


def _names(columns: list[int]) -> str:
    return " and ".join(f"x{c + 1}" for c in columns)


@dataclass(frozen=True, slots=True)
class _Eigenvectors:
    """The eigenvectors of one eigenvalue: A − λI, its reduced rows and pivot columns, and
    a basis of its null space with coprime integer entries."""

    value: Fraction
    multiplicity: int
    shifted: Matrix
    reduced: list[list[Fraction]]
    pivots: list[int]
    basis: list[Vector]


def _eigenvectors(matrix: Matrix, value: Fraction, multiplicity: int) -> _Eigenvectors:
    """The eigenvectors of ``value``, a root ``multiplicity`` times: NotSolvable when it has
    fewer independent ones than that."""
    n = matrix.shape[0]
    shifted = shifted_matrix(matrix, value)
    reduced = [list(r) for r in shifted.rows]
    pivots = gauss_jordan(reduced, Fraction(0))
    basis = [
        Vector(coprime_integers(v))
        for v in kernel_basis(reduced, pivots, n, Fraction(0), Fraction(1))
    ]
    if len(basis) < multiplicity:
        raise NotSolvable(
            f"λ = {number_text(value)} is a root {multiplicity} times but has only "
            f"{len(basis)} independent eigenvector: fewer than {n} in all, so there is no "
            "eigenbasis (the matrix shears rather than stretches)"
        )
    return _Eigenvectors(value, multiplicity, shifted, reduced, pivots, basis)


def eigenbasis(matrix: Matrix) -> Solution[Matrix]:
    """P whose columns are an eigenbasis of A (eigenvalues smallest first, each eigenvector
    with coprime integer entries), with the worked steps (written when they are shown);
    NotSolvable when there is none."""
    m, n = matrix.shape
    if m != n:
        raise NotSolvable(f"only a square matrix has eigenvectors; this one is {m}×{n}")
    if n not in (2, 3):
        raise NotSolvable("worked eigenbases are for 2×2 and 3×3 matrices")
    values, found = rational_eigenvalues(matrix)
    spaces = [_eigenvectors(matrix, value, multiplicity) for value, multiplicity in values]
    p = Matrix.from_columns([v for space in spaces for v in space.basis])
    return WorkedLater(p, lambda: _eigenbasis_steps(matrix, found, spaces, p))


def _eigenbasis_steps(
    matrix: Matrix,
    found: Solution[tuple[Root, ...]],
    spaces: list[_Eigenvectors],
    p: Matrix,
) -> tuple[Step, ...]:
    """The worked steps to the eigenbasis ``p``: the eigenvalues, the eigenvectors of each,
    and P with its check."""
    n = matrix.shape[0]
    steps = [
        Step(
            "Find the eigenvalues: the roots of det(A − λI)",
            LazyFormula(
                lambda: ", ".join(rf"\lambda = {number_latex(s.value)}" for s in spaces),
                lambda: ", ".join(f"λ = {number_text(s.value)}" for s in spaces),
            ),
            found.steps,
        )
    ]
    for space in spaces:
        free = [c for c in range(n) if c not in space.pivots]
        twice = f" (a root {space.multiplicity} times)" if space.multiplicity > 1 else ""
        sub = [
            Step(f"Subtract {number_text(space.value)} from each diagonal entry", space.shifted),
            Step("Row-reduce (A − λI)v = 0", Matrix(tuple(tuple(r) for r in space.reduced))),
            Step(
                f"Free variable{'s' if len(free) > 1 else ''} {_names(free)}: set "
                f"{'each in turn' if len(free) > 1 else 'it'} to 1, read the pivot variables "
                "off the rows and clear fractions",
                _vectors_formula(space.basis),
            ),
        ]
        steps.append(
            Step(f"Eigenvectors for λ = {number_text(space.value)}{twice}", None, tuple(sub))
        )
    diagonal = [space.value for space in spaces for _ in space.basis]
    d = Matrix(
        tuple(tuple(diagonal[i] if i == j else Fraction(0) for j in range(n)) for i in range(n))
    )
    steps.append(
        Step(
            f"{n} independent eigenvectors: put them side by side as the columns of P, and "
            "their eigenvalues in the same order on the diagonal of D",
            LazyFormula(
                lambda: rf"P = {p.latex()}, \quad D = {d.latex()}",
                lambda: f"P =\n{p.text()}\nD =\n{d.text()}",
                display=True,
            ),
        )
    )
    steps.append(
        Step(
            "Check: A P = P D (each column of P is only stretched, by its eigenvalue), and "
            f"det P = {number_text(determinant(p))} ≠ 0, so the columns are independent",
            LazyFormula(
                lambda: rf"AP = {matrix.times_matrix(p).latex()} = PD",
                lambda: f"AP = PD =\n{matrix.times_matrix(p).text()}",
                display=True,
            ),
        )
    )
    return tuple(steps)


def _vectors_formula(basis: list[Vector]) -> LazyFormula:
    """The eigenvectors found, side by side, written out when shown."""
    return LazyFormula(
        lambda: ",\\ ".join(v.latex() for v in basis),
        lambda: ", ".join(v.text() for v in basis),
    )


def stretch_factor(matrix: Matrix, v: Vector) -> Fraction | None:
    """λ with A v = λ v when v is a non-zero eigenvector of A, else None."""
    if v.is_zero():
        return None
    image = matrix.times_vector(v)
    i = next(k for k, x in enumerate(v) if x != 0)
    factor = image[i] / v[i]
    return factor if image == v.scale(factor) else None


def is_eigenbasis(matrix: Matrix, p: Matrix) -> bool:
    """Whether the columns of ``p`` are eigenvectors of A forming a basis (det P ≠ 0)."""
    if p.shape != matrix.shape:
        return False
    if any(stretch_factor(matrix, c) is None for c in p.columns()):
        return False
    return determinant(p) != 0
