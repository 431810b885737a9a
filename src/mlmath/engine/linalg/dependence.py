"""Linear dependence of rows (or of given vectors), with the combination that shows it.

Rows ``r₁ … rₖ`` are *dependent* when numbers ``c₁ … cₖ``, not all zero, give
``c₁r₁ + … + cₖrₖ = 0``: then some row is a combination of the others. We find
the numbers exactly as the null space of the matrix whose columns are the rows:
the first column without a pivot in its reduced row echelon form belongs to a
row that is a combination of the earlier pivot rows, with the numbers read off
that column.

>>> from mlmath.engine.exact import Vector
>>> rows = [Vector.of([1, 2, 3]), Vector.of([0, 1, 1]), Vector.of([2, 3, 5])]
>>> result = linear_dependence(rows).answer
>>> result.dependent, result.relation.text()
(True, 'row 3 = 2·row 1 - row 2')
>>> linear_dependence([Vector.of([1, 0]), Vector.of([1, 1])]).answer.dependent
False
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.row_operations import AddMultiple, RowOperation, Scale, Swap
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_json, number_latex, number_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


@dataclass(frozen=True, slots=True)
class LinearRelation:
    """``label target = Σ coefficients[i] · label i`` (``coefficients[target]`` is 0).

    ``label`` is the word for one vector ("row" or "v"); indices are 0-based and
    written 1-based.
    """

    target: int
    coefficients: tuple[Fraction, ...]
    label: str = "row"

    def name(self, index: int) -> str:
        return f"{self.label} {index + 1}" if len(self.label) > 1 else f"{self.label}{index + 1}"

    def _latex_name(self, index: int) -> str:
        if len(self.label) > 1:
            return rf"\text{{{self.label} }}{index + 1}"
        return f"{self.label}_{{{index + 1}}}"

    def _right_side(self, write: Any, name: Any, times: str) -> str:
        out = ""
        for i, c in enumerate(self.coefficients):
            if c == 0 or i == self.target:
                continue
            size = abs(c)
            body = name(i) if size == 1 else f"{write(size)}{times}{name(i)}"
            if not out:
                out = ("-" if c < 0 else "") + body
            else:
                out += (" - " if c < 0 else " + ") + body
        return out or ("0" if times == "·" else r"\mathbf{0}")

    def text(self) -> str:
        return f"{self.name(self.target)} = {self._right_side(number_text, self.name, '·')}"

    def latex(self) -> str:
        right = self._right_side(number_latex, self._latex_name, r"\,")
        return f"{self._latex_name(self.target)} = {right}"

    def to_json(self) -> Any:
        return {
            "target": self.target + 1,
            "coefficients": [number_json(c) for c in self.coefficients],
            "text": self.text(),
        }

    def combine(self, vectors: Sequence[Vector]) -> Vector:
        """The right-hand side evaluated: ``Σ coefficients[i] · vectors[i]``."""
        total = Vector(tuple(Fraction(0) for _ in vectors[0]))
        for i, (c, v) in enumerate(zip(self.coefficients, vectors, strict=True)):
            if i != self.target and c != 0:
                total = total + v.scale(c)
        return total

    def holds_for(self, vectors: Sequence[Vector]) -> bool:
        """Whether the relation is true of these vectors, exactly."""
        return self.combine(vectors) == vectors[self.target]


@dataclass(frozen=True, slots=True)
class Dependence:
    """The verdict: dependent with a relation that shows it, or independent."""

    dependent: bool
    relation: LinearRelation | None

    def text(self) -> str:
        if self.relation is None:
            return "independent"
        return f"dependent: {self.relation.text()}"

    def latex(self) -> str:
        if self.relation is None:
            return r"\text{independent}"
        return rf"\text{{dependent: }} {self.relation.latex()}"

    def to_json(self) -> Any:
        return {
            "dependent": self.dependent,
            "relation": None if self.relation is None else self.relation.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Reduction:
    """Gauss–Jordan elimination recorded: ``operations[k]`` turns ``matrices[k]`` into
    ``matrices[k + 1]``; ``pivot_columns`` of the reduced result."""

    matrices: tuple[Matrix, ...]
    operations: tuple[RowOperation, ...]
    pivot_columns: tuple[int, ...]

    @property
    def result(self) -> Matrix:
        return self.matrices[-1]


def reduce_to_rref(matrix: Matrix) -> Reduction:
    """Reduced row echelon form by Gauss–Jordan elimination, each operation recorded."""
    current = matrix
    matrices = [current]
    operations: list[RowOperation] = []

    def do(op: RowOperation) -> None:
        nonlocal current
        current = op.apply(current)
        matrices.append(current)
        operations.append(op)

    n_rows, n_cols = matrix.shape
    pivots: list[int] = []
    row = 0
    for col in range(n_cols):
        if row == n_rows:
            break
        pivot = next((i for i in range(row, n_rows) if current[i, col] != 0), None)
        if pivot is None:
            continue
        if pivot != row:
            do(Swap(row, pivot))
        if current[row, col] != 1:
            do(Scale(row, 1 / current[row, col]))
        for i in range(n_rows):
            if i != row and current[i, col] != 0:
                do(AddMultiple(i, row, -current[i, col]))
        pivots.append(col)
        row += 1
    return Reduction(tuple(matrices), tuple(operations), tuple(pivots))


def _label_names(label: str, k: int) -> list[str]:
    return [f"{label} {i + 1}" if len(label) > 1 else f"{label}{i + 1}" for i in range(k)]


def linear_dependence(vectors: Sequence[Vector], label: str = "row") -> Solution[Dependence]:
    """Decide whether ``vectors`` are linearly dependent, and show how.

    ``label`` names one vector in the steps: ``"row"`` gives "row 3 = …",
    ``"v"`` gives "v3 = …".

    >>> from mlmath.engine.exact import Vector
    >>> s = linear_dependence([Vector.of([2, 4]), Vector.of([1, 2])], label="v")
    >>> s.answer.relation.text()
    'v2 = 1/2·v1'
    """
    if not vectors:
        raise NotSolvable("give at least one vector")
    if len({len(v) for v in vectors}) != 1:
        raise NotSolvable("every vector must have the same number of entries")
    k = len(vectors)
    names = _label_names(label, k)
    unknowns = tuple(f"c{i + 1}" for i in range(k))
    columns = Matrix.from_columns(list(vectors))
    homogeneous = LinearSystem(columns, Vector(tuple(Fraction(0) for _ in vectors[0])), unknowns)
    combination = " + ".join(f"{c}·({name})" for c, name in zip(unknowns, names, strict=True))
    steps = [
        Step(
            f"Look for numbers {', '.join(unknowns)}, not all zero, with {combination} = 0. "
            f"Entry by entry this is a system whose columns are the {label}s",
            homogeneous,
        )
    ]
    reduction = reduce_to_rref(columns)
    steps.append(
        Step(
            "Row-reduce its coefficient matrix",
            reduction.result,
            substeps=tuple(
                Step(op.describe(), after)
                for op, after in zip(reduction.operations, reduction.matrices[1:], strict=True)
            ),
        )
    )
    free = [j for j in range(k) if j not in reduction.pivot_columns]
    if not free:
        steps.append(
            Step(
                f"Every column has a pivot, so the only solution is {' = '.join(unknowns)} = 0: "
                f"no {label} is a combination of the others. The {label}s are linearly "
                f"independent"
            )
        )
        return Solution(Dependence(False, None), tuple(steps))
    target = free[0]
    coefficients = [Fraction(0)] * k
    for pivot_row, pivot_col in enumerate(reduction.pivot_columns):
        if pivot_col < target:
            coefficients[pivot_col] = reduction.result[pivot_row, target]
    relation = LinearRelation(target, tuple(coefficients), label)
    steps.append(
        Step(
            f"Column {target + 1} has no pivot, so {unknowns[target]} is free. Put "
            f"{unknowns[target]} = −1: the numbers in column {target + 1} of the reduced "
            f"matrix say how much of each earlier {label} makes {names[target]}",
            relation,
        )
    )
    value = relation.combine(vectors)
    steps.append(
        Step(
            f"Check: the combination really gives {names[target]}",
            Formula(
                rf"{relation.latex().split(' = ', 1)[1]} = {value.latex()}",
                f"{relation.text().split(' = ', 1)[1]} = {value.text()}",
            ),
        )
    )
    steps.append(
        Step(
            f"So the {label}s are linearly dependent: {names[target]} adds nothing new",
            relation,
        )
    )
    return Solution(Dependence(True, relation), tuple(steps))
