"""The rank of a matrix: how many rows (or columns) are linearly independent.

The rank is the number of pivots in a row echelon form. Comparing the rank of
``A`` with the rank of ``[A | b]`` and the number of unknowns tells how many
solutions ``A·x = b`` has, and how many free variables (the dimension of the
solution set).

>>> from mlmath.engine.exact import Matrix
>>> rank_of(Matrix.of([[1, 2], [2, 4]]))
1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.solution_set import Kind
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, Solution, Step


def rank_of(matrix: Matrix) -> int:
    """The rank, by exact forward elimination (no worked steps)."""
    rows = [list(r) for r in matrix.rows]
    n_rows, n_cols = matrix.shape
    rank = 0
    for col in range(n_cols):
        pivot = next((i for i in range(rank, n_rows) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(rank + 1, n_rows):
            factor = rows[i][col] / rows[rank][col]
            if factor:
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
        if rank == n_rows:
            break
    return rank


def rank(matrix: Matrix) -> Solution[int]:
    """The rank with worked steps: reduce to row echelon form, then count the pivots.

    >>> solution = rank(Matrix.of([[1, 2, 3], [2, 4, 6], [1, 0, 1]]))
    >>> solution.answer, solution.steps[-1].rule
    (2, 'Count the pivots: 2 (in columns 1, 2). The rank is 2')
    """
    from mlmath.engine.linalg.echelon import forward_elimination

    reduction = forward_elimination(matrix)
    count = len(reduction.pivots)
    steps = [Step("Start from the matrix", matrix)]
    if reduction.operations:
        steps.append(
            Step(
                "Reduce to row echelon form: make the entries below each pivot 0",
                None,
                reduction.steps,
            )
        )
        steps.append(Step("Row echelon form", reduction.result))
    else:
        steps.append(Step("The matrix is already in row echelon form"))
    columns = ", ".join(str(c + 1) for c in reduction.pivot_columns)
    zero_rows = matrix.shape[0] - count
    if zero_rows:
        steps.append(
            Step(
                f"{zero_rows} row{'s' if zero_rows > 1 else ''} became all 0s: "
                + ("those rows were" if zero_rows > 1 else "that row was")
                + " a combination of the others and adds nothing to the rank"
            )
        )
    where = f" (in column{'s' if count > 1 else ''} {columns})" if count else ""
    steps.append(Step(f"Count the pivots: {count}{where}. The rank is {count}", count))
    return Solution(count, tuple(steps))


@dataclass(frozen=True, slots=True)
class RankReading:
    """What the ranks of ``A`` and ``[A | b]`` say about the solutions of ``A·x = b``."""

    coefficient_rank: int
    augmented_rank: int
    unknowns: int

    @property
    def kind(self) -> Kind:
        if self.augmented_rank > self.coefficient_rank:
            return "none"
        return "unique" if self.coefficient_rank == self.unknowns else "infinite"

    @property
    def free_variables(self) -> int | None:
        """The number of free variables (the dimension of the solution set); ``None`` if none."""
        return None if self.kind == "none" else self.unknowns - self.coefficient_rank

    def reason(self) -> str:
        r, ra, n = self.coefficient_rank, self.augmented_rank, self.unknowns
        if self.kind == "none":
            return (
                f"rank [A | b] = {ra} is bigger than rank A = {r}: a row reads 0 = (a non-zero "
                "number), so there is no solution"
            )
        if self.kind == "unique":
            return (
                f"rank A = rank [A | b] = {r}, equal to the number of unknowns ({n}): "
                "every unknown has a pivot, so there is exactly one solution"
            )
        free = n - r
        return (
            f"rank A = rank [A | b] = {r}, less than the number of unknowns ({n}): "
            f"{n} - {r} = {free} free variable{'s' if free > 1 else ''}, "
            "so there are infinitely many solutions"
        )

    def text(self) -> str:
        return self.reason()

    def latex(self) -> str:
        return r"\text{" + self.reason().replace("|", r"\mid") + "}"

    def to_json(self) -> Any:
        return {
            "coefficient_rank": self.coefficient_rank,
            "augmented_rank": self.augmented_rank,
            "unknowns": self.unknowns,
            "kind": self.kind,
            "free_variables": self.free_variables,
        }


def rank_and_solutions(system: LinearSystem) -> Solution[RankReading]:
    """Compare rank A with rank [A | b] and the number of unknowns, step by step.

    >>> from mlmath.engine.linalg.system import LinearSystem
    >>> reading = rank_and_solutions(LinearSystem.of([[1, 1, 1], [2, 2, 2]], [1, 2])).answer
    >>> reading.kind, reading.free_variables
    ('infinite', 2)
    """
    from mlmath.engine.linalg.elimination import read_echelon

    reading = read_echelon(system)
    n = system.size[1]
    r = len(reading.reduction.pivots)
    ra = r + (0 if reading.consistent else 1)
    result = RankReading(r, ra, n)
    steps = [Step("Write the augmented matrix [A | b]", system.augmented_display())]
    if reading.reduction.operations:
        steps.append(Step("Reduce to row echelon form", None, reading.reduction.steps))
    steps.append(Step("Row echelon form", reading.reduction.display()))
    steps.append(
        Step(
            f"rank A = {r}: the number of pivots left of the bar",
            Formula(rf"\operatorname{{rank}} A = {r}", f"rank A = {r}"),
        )
    )
    if reading.contradiction_row is not None:
        row = reading.contradiction_row
        value = number_text(reading.reduction.result[row, n])
        why = f"row {row + 1} reads 0 = {value}, so there is one more pivot, right of the bar"
    else:
        why = "no row reads 0 = (non-zero), so no new pivot right of the bar"
    steps.append(
        Step(
            f"rank [A | b] = {ra}: {why}",
            Formula(rf"\operatorname{{rank}} [A \mid b] = {ra}", f"rank [A | b] = {ra}"),
        )
    )
    relation = {"none": "<", "unique": "=", "infinite": "="}[result.kind]
    steps.append(
        Step(
            "Compare: " + result.reason(),
            Formula(
                rf"\operatorname{{rank}} A = {r} {relation} {ra} = \operatorname{{rank}} [A \mid b]"
                + (rf",\quad n = {n}" if result.kind != "none" else ""),
                f"rank A = {r} {relation} {ra} = rank [A | b]"
                + (f", n = {n}" if result.kind != "none" else ""),
            ),
        )
    )
    return Solution(result, tuple(steps))
