"""Row echelon form and reduced row echelon form, one elementary row operation per step.

Pivots are chosen as a person would: the first non-zero entry of the column,
with a row swap only when the entry in the pivot position is 0. The reduced form
then makes each pivot 1 and clears the entries above it, from the last pivot up.

>>> from mlmath.engine.exact import Matrix
>>> solution = reduced_row_echelon_form(Matrix.of([[1, 2], [3, 4]]))
>>> [[int(a) for a in row] for row in solution.answer.rows]
[[1, 0], [0, 1]]
>>> reduction = forward_elimination(Matrix.of([[0, 2], [3, 4]]))
>>> [op.describe() for op in reduction.operations]
['Swap row 1 and row 2']
>>> replay(reduction.start, reduction.operations) == reduction.result
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.render import Augmented, number_text
from mlmath.engine.solution import Solution, Step


@dataclass(frozen=True, slots=True)
class Reduction:
    """A row reduction as data: the start, each operation in order, the end, and the pivots.

    ``pivots`` are ``(row, column)`` positions; ``steps`` are the worked steps,
    grouped by pivot column, each elementary operation a step of its own.
    """

    start: Matrix
    operations: tuple[RowOperation, ...]
    result: Matrix
    pivots: tuple[tuple[int, int], ...]
    steps: tuple[Step, ...]
    bar_before: int | None = None

    @property
    def pivot_columns(self) -> tuple[int, ...]:
        return tuple(column for _, column in self.pivots)

    def display(self, matrix: Matrix | None = None) -> Matrix | Augmented:
        return show_matrix(self.result if matrix is None else matrix, self.bar_before)


def show_matrix(matrix: Matrix, bar_before: int | None) -> Matrix | Augmented:
    """The matrix as shown in a step: with a bar ``[A | b]`` when it is augmented."""
    return matrix if bar_before is None else Augmented(matrix, bar_before)


def replay(matrix: Matrix, operations: Iterable[RowOperation]) -> Matrix:
    """Apply ``operations`` in order."""
    for operation in operations:
        matrix = operation.apply(matrix)
    return matrix


class _Recorder:
    """Applies operations one at a time and writes a step for each."""

    def __init__(self, matrix: Matrix, bar_before: int | None) -> None:
        self.matrix = matrix
        self.bar_before = bar_before
        self.operations: list[RowOperation] = []

    def apply(self, operation: RowOperation) -> Step:
        self.matrix = operation.apply(self.matrix)
        self.operations.append(operation)
        return Step(operation.describe(), show_matrix(self.matrix, self.bar_before))


def forward_elimination(
    matrix: Matrix, *, pivot_limit: int | None = None, bar_before: int | None = None
) -> Reduction:
    """Reduce to row echelon form: make every entry below each pivot zero.

    Only the first ``pivot_limit`` columns may hold pivots (the coefficient part
    of an augmented matrix); ``bar_before`` draws the augmented matrix's bar.

    >>> r = forward_elimination(Matrix.of([[2, 1], [4, 5]]))
    >>> r.result.rows[1], r.pivot_columns
    ((Fraction(0, 1), Fraction(3, 1)), (0, 1))
    """
    n_rows, n_cols = matrix.shape
    limit = n_cols if pivot_limit is None else pivot_limit
    recorder = _Recorder(matrix, bar_before)
    steps: list[Step] = []
    pivots: list[tuple[int, int]] = []
    for column in range(limit):
        row = len(pivots)
        if row == n_rows:
            break
        if all(
            recorder.matrix[i, j] == 0 for i in range(row, n_rows) for j in range(column, limit)
        ):
            rows = f"row {row + 1}" if row + 1 == n_rows else f"rows {row + 1} to {n_rows}"
            where = "left of the bar" if limit < n_cols else "from here on"
            steps.append(
                Step(
                    f"{rows.capitalize()} {'has' if row + 1 == n_rows else 'have'} "
                    f"only 0s {where}: there are no more pivots"
                )
            )
            break
        entries = [recorder.matrix[i, column] for i in range(n_rows)]
        source = next((i for i in range(row, n_rows) if entries[i] != 0), None)
        if source is None:
            steps.append(
                Step(
                    f"Column {column + 1} has only zeros from row {row + 1} down: "
                    "no pivot here, move on to the next column"
                )
            )
            continue
        substeps: list[Step] = []
        if source != row:
            substeps.append(recorder.apply(Swap(row, source)))
        pivot = recorder.matrix[row, column]
        for i in range(row + 1, n_rows):
            below = recorder.matrix[i, column]
            if below != 0:
                substeps.append(recorder.apply(AddMultiple(i, row, -below / pivot)))
        pivots.append((row, column))
        last = row + 1 == n_rows
        rule = _forward_rule(
            column, row, source, pivot, changed=len(substeps) > (source != row), last=last
        )
        steps.append(Step(rule, None, tuple(substeps)))
    return Reduction(
        matrix, tuple(recorder.operations), recorder.matrix, tuple(pivots), tuple(steps), bar_before
    )


def _forward_rule(
    column: int, row: int, source: int, pivot: Fraction, *, changed: bool, last: bool
) -> str:
    where = f"Column {column + 1}: "
    if source != row:
        where += (
            f"the entry in row {row + 1} is 0, so bring up row {source + 1}; "
            f"the pivot is {number_text(pivot)}"
        )
    else:
        where += f"the pivot is {number_text(pivot)} in row {row + 1}"
    if last:
        return where + "; it is in the last row"
    if changed:
        return where + "; make the entries below it 0"
    return where + "; the entries below it are already 0"


def backward_elimination(echelon: Reduction) -> Reduction:
    """From row echelon form to reduced: scale each pivot to 1 and clear above it, bottom up."""
    recorder = _Recorder(echelon.result, echelon.bar_before)
    steps: list[Step] = []
    for row, column in reversed(echelon.pivots):
        substeps: list[Step] = []
        pivot = recorder.matrix[row, column]
        if pivot != 1:
            substeps.append(recorder.apply(Scale(row, 1 / pivot)))
        for i in range(row - 1, -1, -1):
            above = recorder.matrix[i, column]
            if above != 0:
                substeps.append(recorder.apply(AddMultiple(i, row, -above)))
        if not substeps:
            rule = f"Column {column + 1}: the pivot in row {row + 1} is already 1 with 0s above it"
        elif row == 0:
            rule = f"Column {column + 1}: make the pivot in row 1 equal to 1"
        else:
            rule = (
                f"Column {column + 1}: make the pivot in row {row + 1} equal to 1 "
                "and the entries above it 0"
            )
        steps.append(Step(rule, None, tuple(substeps)))
    return Reduction(
        echelon.start,
        echelon.operations + tuple(recorder.operations),
        recorder.matrix,
        echelon.pivots,
        echelon.steps + tuple(steps),
        echelon.bar_before,
    )


def full_reduction(
    matrix: Matrix, *, pivot_limit: int | None = None, bar_before: int | None = None
) -> Reduction:
    """Forward then backward elimination: the reduced row echelon form."""
    return backward_elimination(
        forward_elimination(matrix, pivot_limit=pivot_limit, bar_before=bar_before)
    )


def row_echelon_form(matrix: Matrix, *, bar_before: int | None = None) -> Solution[Matrix]:
    """A row echelon form of ``matrix`` (one of many), with each row operation as a step.

    >>> s = row_echelon_form(Matrix.of([[1, 2, 3], [2, 4, 7]]))
    >>> [[int(a) for a in row] for row in s.answer.rows]
    [[1, 2, 3], [0, 0, 1]]
    >>> s.steps[1].substeps[0].rule
    'Subtract 2 × row 1 from row 2'
    """
    reduction = forward_elimination(matrix, bar_before=bar_before)
    steps = (
        Step("Start from the matrix", show_matrix(matrix, bar_before)),
        *reduction.steps,
        Step(_summary("row echelon form", reduction.pivot_columns), reduction.display()),
    )
    return Solution(reduction.result, steps)


def reduced_row_echelon_form(matrix: Matrix, *, bar_before: int | None = None) -> Solution[Matrix]:
    """The reduced row echelon form of ``matrix`` (it is unique), step by step.

    >>> s = reduced_row_echelon_form(Matrix.of([[2, 4], [1, 3]]))
    >>> [[int(a) for a in row] for row in s.answer.rows]
    [[1, 0], [0, 1]]
    """
    forward = forward_elimination(matrix, bar_before=bar_before)
    reduction = backward_elimination(forward)
    backward_steps = reduction.steps[len(forward.steps) :]
    steps = (
        Step("Start from the matrix", show_matrix(matrix, bar_before)),
        Step("Forward elimination: make the entries below each pivot 0", None, forward.steps),
        Step(
            _summary("row echelon form", forward.pivot_columns)
            + "; now work from the last pivot up",
            forward.display(),
        ),
        Step(
            "Backward elimination: make each pivot 1 and the entries above it 0",
            None,
            backward_steps,
        ),
        Step(_summary("reduced row echelon form", reduction.pivot_columns), reduction.display()),
    )
    return Solution(reduction.result, steps)


def _summary(form: str, pivot_columns: Sequence[int]) -> str:
    if not pivot_columns:
        return f"Every entry is 0: the matrix is already in {form}, with no pivots"
    columns = ", ".join(str(c + 1) for c in pivot_columns)
    plural = "s" if len(pivot_columns) > 1 else ""
    return f"This is the {form}, with pivot{plural} in column{plural} {columns}"


def pivot_columns(matrix: Matrix) -> tuple[int, ...]:
    """The columns that hold a pivot (0-based).

    >>> pivot_columns(Matrix.of([[1, 2, 3], [2, 4, 7]]))
    (0, 2)
    """
    return forward_elimination(matrix).pivot_columns


def leading_column(row: Sequence[Fraction]) -> int | None:
    """The column of a row's first non-zero entry; ``None`` for a zero row."""
    return next((j for j, a in enumerate(row) if a != 0), None)


def is_row_echelon_form(matrix: Matrix) -> bool:
    """Zero rows at the bottom, and each leading entry strictly right of the one above.

    >>> is_row_echelon_form(Matrix.of([[1, 2], [0, 3]]))
    True
    >>> is_row_echelon_form(Matrix.of([[0, 1], [1, 0]]))
    False
    """
    previous = -1
    seen_zero_row = False
    for row in matrix.rows:
        lead = leading_column(row)
        if lead is None:
            seen_zero_row = True
            continue
        if seen_zero_row or lead <= previous:
            return False
        previous = lead
    return True


def is_reduced_row_echelon_form(matrix: Matrix) -> bool:
    """Row echelon form with every pivot 1 and the only non-zero entry of its column."""
    if not is_row_echelon_form(matrix):
        return False
    for i, row in enumerate(matrix.rows):
        lead = leading_column(row)
        if lead is None:
            continue
        if row[lead] != 1 or any(matrix[k, lead] != 0 for k in range(matrix.shape[0]) if k != i):
            return False
    return True


def are_row_equivalent(first: Matrix, second: Matrix) -> bool:
    """Whether one matrix can be reached from the other by row operations (same RREF)."""
    return first.shape == second.shape and rref_of(first) == rref_of(second)


def rref_of(matrix: Matrix) -> Matrix:
    """The reduced row echelon form alone, without the worked steps.

    Gauss–Jordan elimination on plain rows; the reduced form is unique, so this
    is ``full_reduction(matrix).result``, found faster.

    >>> rref_of(Matrix.of([[2, 4], [1, 3]])) == Matrix.identity(2)
    True
    """
    rows = [list(r) for r in matrix.rows]
    m, n = matrix.shape
    rank = 0
    for column in range(n):
        if rank == m:
            break
        source = next((i for i in range(rank, m) if rows[i][column] != 0), None)
        if source is None:
            continue
        rows[rank], rows[source] = rows[source], rows[rank]
        pivot_row = rows[rank]
        pivot = pivot_row[column]
        if pivot != 1:
            pivot_row = rows[rank] = [a / pivot for a in pivot_row]
        for i in range(m):
            factor = rows[i][column]
            if i != rank and factor != 0:
                rows[i] = [a - factor * b for a, b in zip(rows[i], pivot_row, strict=True)]
        rank += 1
    return Matrix(tuple(tuple(r) for r in rows))
