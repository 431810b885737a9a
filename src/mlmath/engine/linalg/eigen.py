"""Eigenvectors, eigenbases and diagonalisation.

An eigenvector of A is a non-zero v that A only stretches: ``A v = λ v``. For
each eigenvalue λ (see :mod:`.characteristic`) the eigenvectors are the non-zero
solutions of ``(A − λI) v = 0``. When A has n independent eigenvectors they form
an *eigenbasis*; in it, A just stretches each axis, ``A = P D P⁻¹`` with the
eigenvectors as the columns of P and the eigenvalues on the diagonal of D.

Eigenvalues with a square root (``(1 + √5)/2``) give eigenvectors with square
roots; the elimination is done exactly in that number system. Complex eigenvalues
have no real eigenvectors (nothing to draw), which is said rather than computed.

>>> from mlmath.engine.exact import Matrix
>>> [(s.value.text(), [v.text() for v in s.vectors]) for s in eigenvectors(
...     Matrix.of([[2, 1], [1, 2]])).answer]
[('1', ['(1, -1)']), ('3', ['(1, 1)'])]
>>> diagonalize(Matrix.of([[2, 1], [1, 2]])).answer.diagonal.text()
'[[1, 0], [0, 3]]'
>>> eigenbasis_exists(Matrix.of([[1, 1], [0, 1]])).answer
False
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from typing import Any, TypeVar

from mlmath.engine.exact import Matrix, Vector, plus_multiple
from mlmath.engine.linalg.characteristic import Approximate, Root, eigenvalues
from mlmath.engine.linalg.linear_expression import coefficient_text, write_terms
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.linalg.span import row_reduce
from mlmath.engine.render import Augmented, number_latex, number_text
from mlmath.engine.solution import (
    Formula,
    LazyFormula,
    NotSolvable,
    Solution,
    Step,
    WorkedLater,
)
from mlmath.engine.surds import Surd

N = TypeVar("N", Fraction, Surd)
"""An exact number system for elimination: fractions, or numbers with one square root."""

# --- vectors and matrices of surds ------------------------------------------------


@dataclass(frozen=True, slots=True)
class SurdVector:
    """A vector whose entries may hold one kind of square root."""

    entries: tuple[Surd, ...]

    @classmethod
    def of(cls, vector: Vector) -> SurdVector:
        return cls(tuple(Surd(a) for a in vector))

    @property
    def is_rational(self) -> bool:
        return all(e.is_rational for e in self.entries)

    def to_vector(self) -> Vector:
        return Vector(tuple(e.rational_value() for e in self.entries))

    def to_floats(self) -> list[float]:
        return [e.to_float() for e in self.entries]

    def text(self) -> str:
        return "(" + ", ".join(e.text() for e in self.entries) + ")"

    def latex(self) -> str:
        return (
            r"\begin{bmatrix} " + r" \\ ".join(e.latex() for e in self.entries) + r" \end{bmatrix}"
        )

    def to_json(self) -> Any:
        if self.is_rational:
            return self.to_vector().to_json()
        return [e.to_json() for e in self.entries]


@dataclass(frozen=True, slots=True)
class SurdMatrix:
    """A matrix whose entries may hold one kind of square root."""

    rows: tuple[tuple[Surd, ...], ...]

    @classmethod
    def of(cls, matrix: Matrix) -> SurdMatrix:
        return cls(tuple(tuple(Surd(a) for a in row) for row in matrix.rows))

    @property
    def is_rational(self) -> bool:
        return all(e.is_rational for row in self.rows for e in row)

    def to_matrix(self) -> Matrix:
        return Matrix(tuple(tuple(e.rational_value() for e in row) for row in self.rows))

    def text(self) -> str:
        return "[" + ", ".join("[" + ", ".join(e.text() for e in r) + "]" for r in self.rows) + "]"

    def latex(self) -> str:
        body = r" \\ ".join(" & ".join(e.latex() for e in r) for r in self.rows)
        return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"

    def to_json(self) -> Any:
        return [[e.to_json() if not e.is_rational else e.text() for e in r] for r in self.rows]


def null_space(rows: Sequence[Sequence[Surd]]) -> tuple[list[list[Surd]], list[int]]:
    """A basis of ``{v : M v = 0}`` (one vector per free variable, set to 1), and the
    reduced rows' pivot columns. Exact Gauss–Jordan over numbers ``a + b√d``; when every
    entry is rational the same elimination runs on plain fractions (same numbers, fewer
    objects)."""
    if all(e.is_rational for row in rows for e in row):
        fractions = [[e.rational for e in row] for row in rows]
        basis, pivots = _null_space(fractions, Fraction(0), Fraction(1))
        return [[Surd(x) for x in v] for v in basis], pivots
    return _null_space([list(r) for r in rows], Surd(Fraction(0)), Surd(Fraction(1)))


def _null_space(work: list[list[N]], zero: N, one: N) -> tuple[list[list[N]], list[int]]:
    """Gauss–Jordan on ``work`` (changed in place) in any exact number system."""
    pivots = gauss_jordan(work, zero)
    return kernel_basis(work, pivots, len(work[0]), zero, one), pivots


def gauss_jordan(work: list[list[N]], zero: N) -> list[int]:
    """Bring ``work`` to reduced row echelon form in place (any exact number system) and
    return its pivot columns."""
    n_rows, n_cols = len(work), len(work[0])
    pivots: list[int] = []
    for col in range(n_cols):
        r = len(pivots)
        if r == n_rows:
            break
        pivot = next((i for i in range(r, n_rows) if work[i][col] != zero), None)
        if pivot is None:
            continue
        work[r], work[pivot] = work[pivot], work[r]
        lead = work[r][col]
        work[r] = [e / lead for e in work[r]]
        for i in range(n_rows):
            if i != r and work[i][col] != zero:
                factor = work[i][col]
                if isinstance(factor, Fraction):  # the usual case, in one reduction per entry
                    minus = -factor
                    pairs = zip(work[i], work[r], strict=True)
                    work[i] = [plus_multiple(a, minus, b) for a, b in pairs]
                else:
                    work[i] = [a - factor * b for a, b in zip(work[i], work[r], strict=True)]
        pivots.append(col)
    return pivots


def kernel_basis(
    reduced: Sequence[Sequence[N]], pivots: Sequence[int], n_cols: int, zero: N, one: N
) -> list[list[N]]:
    """The null space read off a reduced row echelon form: each free variable set to 1
    in turn (the others 0), each pivot variable minus its row's entry there."""
    basis: list[list[N]] = []
    for free in (c for c in range(n_cols) if c not in pivots):
        v = [zero] * n_cols
        v[free] = one
        for r, p in enumerate(pivots):
            v[p] = -reduced[r][free]
        basis.append(v)
    return basis


def coprime_integers(values: Sequence[Fraction]) -> tuple[Fraction, ...]:
    """The same direction with coprime integer entries, the first non-zero one positive."""
    denominators = math.lcm(*(v.denominator for v in values))
    integers = [v.numerator * (denominators // v.denominator) for v in values]  # exact ints
    divisor = math.gcd(*integers) or 1
    sign = -1 if next(x for x in integers if x != 0) < 0 else 1
    return tuple(Fraction(sign * x, divisor) for x in integers)


def tidy(vector: Sequence[Surd]) -> SurdVector:
    """A rational vector scaled to coprime integers, first non-zero entry positive."""
    if all(e.is_rational for e in vector):
        return SurdVector(tuple(Surd(x) for x in coprime_integers([e.rational for e in vector])))
    return SurdVector(tuple(vector))


# --- eigenspaces -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Eigenspace:
    """One eigenvalue, how often it is a root, and a basis of its eigenvectors."""

    value: Surd
    multiplicity: int
    vectors: tuple[SurdVector, ...]

    def text(self) -> str:
        vs = ", ".join(v.text() for v in self.vectors)
        return f"λ = {self.value.text()}: {vs}"

    def latex(self) -> str:
        vs = ", ".join(v.latex() for v in self.vectors)
        return rf"\lambda = {self.value.latex()}:\ {vs}"

    def to_json(self) -> Any:
        return {
            "eigenvalue": self.value.to_json() if not self.value.is_rational else self.value.text(),
            "multiplicity": self.multiplicity,
            "eigenvectors": [v.to_json() for v in self.vectors],
        }


def real_eigenvalues(
    matrix: Matrix,
) -> tuple[list[tuple[Surd, int]], Solution[tuple[Root, ...]]]:
    """The distinct real eigenvalues, smallest first, each with how often it is a root,
    and how they were found; NotSolvable when one is complex or not exact."""
    found = eigenvalues(matrix)
    roots = found.answer
    if any(isinstance(r, Approximate) for r in roots):
        raise NotSolvable(
            "this matrix's eigenvalues are not exact (its cubic has no rational root); "
            "worked eigenvectors need exact eigenvalues"
        )
    exact = [r for r in roots if isinstance(r, Surd)]
    if any(not r.is_real for r in exact):
        raise NotSolvable(
            "this matrix has complex eigenvalues, so no real vector keeps its direction "
            "(the transformation turns every direction, like a rotation): no real eigenvectors"
        )
    distinct: list[tuple[Surd, int]] = []
    for r in exact:
        for k, (value, count) in enumerate(distinct):
            if value == r:
                distinct[k] = (value, count + 1)
                break
        else:
            distinct.append((r, 1))
    return distinct, found


def shifted_matrix(matrix: Matrix, value: Fraction) -> Matrix:
    """``A − λI`` for a rational λ."""
    return Matrix(
        tuple(
            tuple(a - value if i == j else a for j, a in enumerate(row))
            for i, row in enumerate(matrix.rows)
        )
    )


def eigenspace(matrix: Matrix, value: Surd, multiplicity: int = 1) -> Solution[Eigenspace]:
    """The eigenvectors for one eigenvalue, by solving ``(A − λI) v = 0`` (the steps are
    written when they are shown)."""
    basis: list[list[Surd]]
    if value.is_rational:
        shifted = [list(row) for row in shifted_matrix(matrix, value.rational).rows]
        rational, pivots = _null_space(shifted, Fraction(0), Fraction(1))
        basis = [[Surd(x) for x in v] for v in rational]
    else:
        basis, pivots = null_space(_shifted_surds(matrix, value))
    if not basis:
        raise NotSolvable(f"{value.text()} is not an eigenvalue of this matrix")
    vectors = tuple(tidy(v) for v in basis)
    return WorkedLater(
        Eigenspace(value, multiplicity, vectors),
        lambda: _eigenspace_steps(matrix, value, pivots, vectors),
    )


def _shifted_surds(matrix: Matrix, value: Surd) -> list[list[Surd]]:
    """``A − λI`` for a λ with a square root."""
    n = matrix.shape[0]
    return [
        [Surd(matrix[i, j]) - (value if i == j else Surd(Fraction(0))) for j in range(n)]
        for i in range(n)
    ]


def _eigenspace_steps(
    matrix: Matrix, value: Surd, pivots: Sequence[int], vectors: tuple[SurdVector, ...]
) -> tuple[Step, ...]:
    """The worked steps to the eigenvectors ``vectors`` of ``value``: A − λI row-reduced
    (to pivots in the columns ``pivots``), the free variables set to 1, and a check."""
    n = matrix.shape[0]
    steps: list[Step] = []
    read_off: tuple[Step, ...] = ()
    if value.is_rational:
        exact = shifted_matrix(matrix, value.rational)
        steps.append(Step(f"Put λ = {value.text()} into A − λI", exact))
        augmented = exact.augment(Vector(tuple(Fraction(0) for _ in range(n))))
        operations, _ = row_reduce(augmented, n)
        for op, after in operations:
            steps.append(Step(op.describe(), Augmented(after, n)))
        reduced = operations[-1][1] if operations else augmented
        rational = kernel_basis(reduced.rows, pivots, n, Fraction(0), Fraction(1))
        read_off = _read_off(reduced.rows, pivots, n, rational)
    else:
        shifted = _shifted_surds(matrix, value)
        steps.append(
            Step(
                f"Put λ = {value.text()} into A − λI",
                SurdMatrix(tuple(tuple(row) for row in shifted)),
            )
        )
        steps.append(
            Step(
                "Row-reduce exactly (the rows are multiples of each other, since A − λI "
                "is singular)"
            )
        )
    free = [c for c in range(n) if c not in pivots]
    names = ", ".join(f"x{c + 1}" for c in free)
    steps.append(
        Step(
            f"Free variable{'s' if len(free) > 1 else ''}: {names}. Set "
            f"{'each in turn' if len(free) > 1 else 'it'} to 1 (any non-zero multiple works "
            "as well) and read off the others",
            LazyFormula(
                lambda: ", ".join(v.latex() for v in vectors),
                lambda: ", ".join(v.text() for v in vectors),
            ),
            read_off,
        )
    )
    check = vectors[0]

    def image() -> SurdVector:
        """A v for the first eigenvector, worked only when the check is shown."""
        if check.is_rational:
            entries = check.to_vector()
            return SurdVector(tuple(Surd(Vector(row).dot(entries)) for row in matrix.rows))
        return SurdVector(
            tuple(
                sum((Surd(matrix[i, j]) * check.entries[j] for j in range(n)), Surd(Fraction(0)))
                for i in range(n)
            )
        )

    steps.append(
        Step(
            f"Check: A v = {value.text()}·v",
            LazyFormula(
                lambda: rf"A {check.latex()} = {image().latex()} = {value.latex()} {check.latex()}",
                lambda: f"A{check.text()} = {image().text()} = {value.text()}·{check.text()}",
            ),
        )
    )
    return tuple(steps)


def _row_says(
    row: Sequence[Fraction], pivot: int, free: Sequence[int], write: tuple[Any, Any], name: str
) -> str:
    """``x1 + 2x2 = 0, so x1 = -2x2``: a reduced row as an equation, solved for its pivot
    variable (``name`` formats a variable's number; LaTeX when ``write`` writes LaTeX)."""
    number, coefficient = write
    left = write_terms(
        [(row[c], name.format(c + 1)) for c in range(len(row)) if row[c] != 0], number, coefficient
    )
    right = write_terms(
        [(-row[c], name.format(c + 1)) for c in free if row[c] != 0], number, coefficient
    )
    if right == "0":
        return f"{left} = 0"
    so = r"\text{, so }" if "_" in name else ", so "  # LaTeX names a subscript
    return f"{left} = 0{so}{name.format(pivot + 1)} = {right}"


def _read_off(
    reduced: Sequence[Sequence[Fraction]],
    pivots: Sequence[int],
    n: int,
    basis: Sequence[Sequence[Fraction]],
) -> tuple[Step, ...]:
    """What each pivot row of ``(A − λI | 0)`` in reduced form says (x1 − x2 = 0, so
    x1 = x2), then each free variable set to 1, scaled to whole numbers when that helps."""
    free = [c for c in range(n) if c not in pivots]
    steps = []
    # the equations and vectors are written out only when shown (most solutions are worked
    # for their answer alone)
    for r, p in enumerate(pivots):
        row = reduced[r]
        steps.append(
            Step(
                f"Row {r + 1} reads",
                LazyFormula(
                    partial(_row_says, row, p, free, (number_latex, number_latex), "x_{{{}}}"),
                    partial(_row_says, row, p, free, (number_text, coefficient_text), "x{}"),
                ),
            )
        )
    for f, raw in zip(free, basis, strict=True):
        whole = coprime_integers(raw)
        shown = Vector(tuple(raw))
        if tuple(whole) == tuple(raw):
            steps.append(Step(f"x{f + 1} = 1", LazyFormula(shown.latex, shown.text)))
            continue
        scaled = Vector(whole)
        steps.append(
            Step(
                f"x{f + 1} = 1, then times {number_text(whole[f])} for whole numbers (the same "
                "direction)",
                LazyFormula(
                    partial(_scaled, shown.latex, scaled.latex, r" \to "),
                    partial(_scaled, shown.text, scaled.text, " → "),
                ),
            )
        )
    return tuple(steps)


def _scaled(before: Callable[[], str], after: Callable[[], str], arrow: str) -> str:
    return f"{before()}{arrow}{after()}"


def eigenvectors(matrix: Matrix) -> Solution[tuple[Eigenspace, ...]]:
    """Every real eigenvalue with a basis of its eigenvectors (the steps are written when
    they are shown)."""
    distinct, found = real_eigenvalues(matrix)
    worked = [eigenspace(matrix, value, count) for value, count in distinct]
    spaces = tuple(space.answer for space in worked)

    def steps() -> tuple[Step, ...]:
        return (
            Step("Find the eigenvalues", None, found.steps),
            *(
                Step(f"Eigenvectors for λ = {space.answer.value.text()}", None, space.steps)
                for space in worked
            ),
            Step(
                "The eigenvalues and their eigenvectors",
                LazyFormula(
                    lambda: r", \quad ".join(s.latex() for s in spaces),
                    lambda: "; ".join(s.text() for s in spaces),
                ),
            ),
        )

    return WorkedLater(spaces, steps)


def eigenbasis_exists(matrix: Matrix) -> Solution[bool]:
    """Whether the eigenvectors of A span the whole space (A has an eigenbasis)."""
    n = matrix.shape[0]
    try:
        found = eigenvectors(matrix)
    except NotSolvable as error:
        if "complex" not in str(error):
            raise
        return Solution(
            False,
            (Step(f"No: {error}"),),
        )
    count = sum(len(s.vectors) for s in found.answer)
    short = [s for s in found.answer if len(s.vectors) < s.multiplicity]
    if count == n:
        verdict = f"{n} independent eigenvectors in R{n}: they form an eigenbasis"
    else:
        s = short[0]
        verdict = (
            f"λ = {s.value.text()} is a root {s.multiplicity} times but has only "
            f"{len(s.vectors)} independent eigenvector{'s' if len(s.vectors) > 1 else ''}: "
            f"only {count} in all, fewer than {n}, so there is no eigenbasis"
        )
    return WorkedLater(count == n, lambda: (*found.steps, Step(verdict)))


def has_eigenbasis(matrix: Matrix) -> bool:
    """The answer of :func:`eigenbasis_exists` alone: the eigenvalues, then the
    dimension of each eigenspace (``n − rank(A − λI)``), without the worked steps."""
    n = matrix.shape[0]
    try:
        distinct, _ = real_eigenvalues(matrix)
    except NotSolvable as error:
        if "complex" not in str(error):
            raise
        return False
    count = 0
    for value, _ in distinct:
        if value.is_rational:
            dimension = n - rank_of(shifted_matrix(matrix, value.rational))
        else:
            dimension = len(null_space(_shifted_surds(matrix, value))[0])
        if dimension == 0:
            raise NotSolvable(f"{value.text()} is not an eigenvalue of this matrix")
        count += dimension
    return count == n


@dataclass(frozen=True, slots=True)
class Diagonalization:
    """``A = P D P⁻¹``: eigenvectors as the columns of P, eigenvalues on D's diagonal."""

    basis: SurdMatrix
    diagonal: SurdMatrix

    def text(self) -> str:
        return f"P = {self.basis.text()}, D = {self.diagonal.text()}"

    def latex(self) -> str:
        return rf"P = {self.basis.latex()},\ D = {self.diagonal.latex()}"

    def to_json(self) -> Any:
        return {"P": self.basis.to_json(), "D": self.diagonal.to_json()}


def diagonalize(matrix: Matrix) -> Solution[Diagonalization]:
    """``A = P D P⁻¹`` when A has an eigenbasis; :class:`NotSolvable` says why not otherwise."""
    exists = eigenbasis_exists(matrix)
    if not exists.answer:
        last = exists.steps[-1].rule
        raise NotSolvable("this matrix cannot be diagonalised: " + last[0].lower() + last[1:])
    found = eigenvectors(matrix)
    columns: list[SurdVector] = []
    values: list[Surd] = []
    for space in found.answer:
        for v in space.vectors:
            columns.append(v)
            values.append(space.value)
    n = len(values)
    zero = Surd(Fraction(0))
    basis = SurdMatrix(tuple(tuple(columns[j].entries[i] for j in range(n)) for i in range(n)))
    diagonal = SurdMatrix(
        tuple(tuple(values[i] if i == j else zero for j in range(n)) for i in range(n))
    )
    steps = [
        *found.steps,
        Step("Put the eigenvectors side by side as the columns of P", basis),
        Step("Put the matching eigenvalues, in the same order, on the diagonal of D", diagonal),
    ]
    if basis.is_rational:
        p = basis.to_matrix()
        d = diagonal.to_matrix()
        steps.append(
            Step(
                "Check: A P = P D (the same as A = P D P⁻¹, since P is invertible)",
                Formula(
                    rf"AP = {matrix.times_matrix(p).latex()} = PD",
                    f"AP = PD = {p.times_matrix(d).text()}",
                    display=True,
                ),
            )
        )
    return Solution(Diagonalization(basis, diagonal), tuple(steps))
