"""Span and bases: which vectors can be reached, and the coordinates that reach them.

The span of some vectors is every linear combination ``c₁v₁ + … + cₖvₖ``. A
*basis* of Rⁿ is a set of n linearly independent vectors: their span is all of
Rⁿ and every vector is reached in exactly one way — its coordinates in the basis.
Both questions are one linear system: put the vectors as columns, the target on
the right, and row-reduce.

>>> from mlmath.engine.exact import Vector
>>> is_basis([Vector.of([1, 1]), Vector.of([1, -1])]).answer
True
>>> coordinates_in_basis([Vector.of([1, 1]), Vector.of([1, -1])], Vector.of([3, 1])).answer
Vector(entries=(Fraction(2, 1), Fraction(1, 1)))
>>> in_span([Vector.of([1, 2, 0]), Vector.of([0, 1, 1])], Vector.of([2, 5, 1])).answer
True
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.determinant import (
    DeterminantOf,
    determinant_2x2,
    determinant_by_cofactors,
)
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.linalg.vectors import paren_latex, paren_text, vector_text
from mlmath.engine.render import Augmented, number_latex, vector_latex
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def _check_vectors(vectors: Sequence[Vector]) -> int:
    if not vectors:
        raise NotSolvable("give at least one vector")
    sizes = {len(v) for v in vectors}
    if len(sizes) != 1:
        raise NotSolvable("every vector must have the same number of entries")
    return sizes.pop()


def row_reduce(matrix: Matrix, columns: int) -> tuple[list[tuple[RowOperation, Matrix]], list[int]]:
    """Reduced row echelon form, pivoting only in the first ``columns`` columns.

    Returns each row operation with the matrix after it, and the pivot columns.
    """
    current = matrix
    done: list[tuple[RowOperation, Matrix]] = []
    pivots: list[int] = []
    rows = matrix.shape[0]

    def apply(op: RowOperation) -> None:
        nonlocal current
        current = op.apply(current)
        done.append((op, current))

    for col in range(columns):
        r = len(pivots)
        if r == rows:
            break
        pivot = next((i for i in range(r, rows) if current[i, col] != 0), None)
        if pivot is None:
            continue
        if pivot != r:
            apply(Swap(r, pivot))
        if current[r, col] != 1:
            apply(Scale(r, 1 / current[r, col]))
        for i in range(rows):
            if i != r and current[i, col] != 0:
                apply(AddMultiple(i, r, -current[i, col]))
        pivots.append(col)
    return done, pivots


def _combination_formula(coefficients: Sequence[Fraction], vectors: Sequence[Vector]) -> Formula:
    text = " + ".join(
        f"{paren_text(c)}·{vector_text(v)}" for c, v in zip(coefficients, vectors, strict=True)
    )
    latex = " + ".join(
        f"{paren_latex(c)}{vector_latex(v)}" for c, v in zip(coefficients, vectors, strict=True)
    )
    total = Vector(tuple(Fraction(0) for _ in vectors[0]))
    for c, v in zip(coefficients, vectors, strict=True):
        total = total + v.scale(c)
    return Formula(
        f"{latex} = {vector_latex(total)}",
        f"{text} = {vector_text(total)}",
        display=True,
    )


def is_basis(vectors: Sequence[Vector]) -> Solution[bool]:
    """Whether the vectors form a basis of Rⁿ (n = the number of entries)."""
    n = _check_vectors(vectors)
    k = len(vectors)
    if k != n:
        reason = (
            f"{k} vectors cannot span R{n}: a basis of R{n} needs exactly {n} vectors"
            if k < n
            else f"{k} vectors in R{n} are always linearly dependent: a basis of R{n} "
            f"has exactly {n}"
        )
        return Solution(
            False, (Step(f"Count the vectors: {reason}"), Step("So they are not a basis"))
        )
    matrix = Matrix.from_columns(list(vectors))
    steps = [
        Step(
            f"There are {n} vectors in R{n}, the right number. They form a basis exactly "
            "when they are linearly independent, that is when the matrix with them as "
            "columns has a non-zero determinant",
            matrix,
        )
    ]
    if n in (2, 3):
        det = determinant_2x2(matrix) if n == 2 else determinant_by_cofactors(matrix)
        steps.append(Step("Compute the determinant", DeterminantOf(matrix), det.steps))
        independent = det.answer != 0
    else:
        independent = rank_of(matrix) == n
    steps.append(
        Step(
            "The determinant is not 0: the vectors are independent and form a basis"
            if independent
            else "The determinant is 0: the vectors are linearly dependent (one is a "
            "combination of the others), so they span less than the whole space — not a basis"
        )
    )
    return Solution(independent, tuple(steps))


def in_span(vectors: Sequence[Vector], target: Vector) -> Solution[bool]:
    """Whether ``target`` is a linear combination of ``vectors``; if so, one such combination."""
    n = _check_vectors(vectors)
    if len(target) != n:
        raise NotSolvable(f"the target has {len(target)} entries but the vectors have {n}")
    k = len(vectors)
    augmented = Matrix.from_columns(list(vectors)).augment(target)
    names = ", ".join(f"c{i + 1}" for i in range(k))
    steps = [
        Step(
            f"Look for numbers {names} with c1·v1 + … + c{k}·v{k} = w: put the vectors as "
            "columns and w on the right, and row-reduce",
            Augmented(augmented, k),
        )
    ]
    operations, pivots = row_reduce(augmented, k)
    steps.extend(Step(op.describe(), Augmented(after, k)) for op, after in operations)
    reduced = operations[-1][1] if operations else augmented
    inconsistent = next(
        (
            i
            for i in range(len(pivots), n)
            if reduced[i, k] != 0 and all(reduced[i, j] == 0 for j in range(k))
        ),
        None,
    )
    if inconsistent is not None:
        steps.append(
            Step(
                f"Row {inconsistent + 1} reads 0 = {reduced[inconsistent, k]}: no combination "
                "works, so w is not in the span"
            )
        )
        return Solution(False, tuple(steps))
    coefficients = [Fraction(0)] * k
    for row, col in enumerate(pivots):
        coefficients[col] = reduced[row, k]
    free = [j for j in range(k) if j not in pivots]
    note = " (the free coefficients are set to 0; other choices work too)" if free else ""
    steps.append(
        Step(
            f"The system is consistent, so w is in the span. One combination{note}",
            _combination_formula(coefficients, list(vectors)),
        )
    )
    return Solution(True, tuple(steps))


def coordinates_in_basis(basis: Sequence[Vector], target: Vector) -> Solution[Vector]:
    """The coordinates of ``target`` in ``basis``: the unique c with ``Σ cᵢ bᵢ = target``."""
    n = _check_vectors(basis)
    if len(target) != n:
        raise NotSolvable(f"the vector has {len(target)} entries but the basis vectors have {n}")
    if len(basis) != n or rank_of(Matrix.from_columns(list(basis))) != n:
        raise NotSolvable(
            f"these vectors are not a basis of R{n}, so coordinates in them are not unique"
        )
    augmented = Matrix.from_columns(list(basis)).augment(target)
    steps = [
        Step(
            "Write w as c1·b1 + … + cn·bn: the basis vectors are the columns, w the right side",
            Augmented(augmented, n),
        )
    ]
    operations, _ = row_reduce(augmented, n)
    steps.extend(Step(op.describe(), Augmented(after, n)) for op, after in operations)
    reduced = operations[-1][1] if operations else augmented
    coordinates = Vector(tuple(reduced[i, n] for i in range(n)))
    steps.append(
        Step(
            "Read the coordinates off the right-hand column, and check",
            _combination_formula(list(coordinates), list(basis)),
        )
    )
    steps.append(Step("The coordinates", coordinates))
    return Solution(coordinates, tuple(steps))


def span_dimension(vectors: Sequence[Vector]) -> Solution[int]:
    """The dimension of the span (the rank of the matrix with the vectors as columns)."""
    n = _check_vectors(vectors)
    matrix = Matrix.from_columns(list(vectors))
    operations, pivots = row_reduce(matrix, len(vectors))
    dimension = len(pivots)
    shape = {0: "the origin alone", 1: "a line through the origin"}.get(
        dimension, "a plane through the origin" if dimension == 2 and n > 2 else f"all of R{n}"
    )
    if dimension == n:
        shape = f"all of R{n}" if n != 2 else "the whole plane"
    steps = [Step("Put the vectors as columns and row-reduce", matrix)]
    steps.extend(Step(op.describe(), after) for op, after in operations)
    steps.append(
        Step(
            f"{dimension} pivot{'s' if dimension != 1 else ''}: the span is {shape}",
            Formula(rf"\dim = {number_latex(dimension)}", f"dim = {dimension}"),
        )
    )
    return Solution(dimension, tuple(steps))
