"""Solve a linear system by elimination and back substitution, step by step.

Write the system as an augmented matrix ``[A | b]``, make zeros below each pivot
with row operations, then read the answer off from the bottom row up. A row that
ends as ``0 = 5`` means there is no solution; columns without a pivot belong to
free variables, and the solutions form a line, a plane, … (a parametric answer).

>>> from mlmath.engine.linalg.system import LinearSystem
>>> solve_by_elimination(LinearSystem.of([[1, 1], [1, -1]], [3, 1])).answer.text()
'x = 2, y = 1'
>>> solve_by_elimination(LinearSystem.of([[1, 2], [2, 4]], [3, 6])).answer.text()
'x = 3 - 2t, y = t'
>>> solve_by_elimination(LinearSystem.of([[1, 2], [2, 4]], [3, 7])).answer.kind
'none'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import gcd, lcm

from mlmath.engine.exact import Vector
from mlmath.engine.linalg.echelon import Reduction, forward_elimination
from mlmath.engine.linalg.linear_expression import (
    LinearExpression,
    Writer,
    coefficient_text,
    write_terms,
)
from mlmath.engine.linalg.solution_set import SolutionSet, parameter_names
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.solution import Formula, LazyFormula, Solution, Step, formula_later


@dataclass(frozen=True, slots=True)
class EchelonReading:
    """What the row echelon form of ``[A | b]`` says, before any back substitution."""

    reduction: Reduction
    contradiction_row: int | None
    zero_rows: tuple[int, ...]
    free_columns: tuple[int, ...]

    @property
    def consistent(self) -> bool:
        return self.contradiction_row is None


def read_echelon(system: LinearSystem) -> EchelonReading:
    """Forward elimination on ``[A | b]``, then find any ``0 = c`` row and the free columns."""
    n = system.size[1]
    reduction = forward_elimination(system.augmented(), pivot_limit=n, bar_before=n)
    rank = len(reduction.pivots)
    m = system.size[0]
    contradiction = next((i for i in range(rank, m) if reduction.result[i, n] != 0), None)
    zero_rows = tuple(i for i in range(rank, m) if reduction.result[i, n] == 0)
    free = tuple(j for j in range(n) if j not in reduction.pivot_columns)
    return EchelonReading(reduction, contradiction, zero_rows, free)


def solve_by_elimination(system: LinearSystem) -> Solution[SolutionSet]:
    """The solution set of ``system``, by elimination then back substitution."""
    reading = read_echelon(system)
    steps = [Step("Write the system as an augmented matrix [A | b]", system.augmented_display())]
    if reading.reduction.operations:
        steps.append(
            Step(
                "Eliminate: use row operations to make the entries below each pivot 0",
                None,
                reading.reduction.steps,
            )
        )
        steps.append(Step("The matrix is now in row echelon form", reading.reduction.display()))
    else:
        steps.append(Step("The matrix is already in row echelon form: no row operations needed"))
    steps += reading_steps(system, reading)
    if not reading.consistent:
        return Solution(SolutionSet.empty(system.variables), tuple(steps))
    solution_set, substitution_steps = back_substitution(system, reading)
    steps += substitution_steps
    steps.append(Step(_conclusion(solution_set), solution_set))
    return Solution(solution_set, tuple(steps))


def reading_steps(system: LinearSystem, reading: EchelonReading) -> list[Step]:
    """Steps that read the echelon form: a contradiction, ``0 = 0`` rows, free variables."""
    n = system.size[1]
    steps: list[Step] = []
    if reading.contradiction_row is not None:
        i = reading.contradiction_row
        value = reading.reduction.result[i, n]
        steps.append(
            Step(
                f"Row {i + 1} now reads 0 = {number_text(value)}: no values of the unknowns "
                "make it true, so the system has no solution",
                Formula(f"0 = {number_latex(value)}", f"0 = {number_text(value)}"),
            )
        )
        return steps
    if reading.zero_rows:
        rows = " and ".join(f"row {i + 1}" for i in reading.zero_rows)
        verb = "reads" if len(reading.zero_rows) == 1 else "read"
        steps.append(
            Step(
                f"{rows.capitalize()} {verb} 0 = 0: always true, so it adds no information "
                "(that equation depended on the others). It does not mean 'no solution'",
                Formula("0 = 0", "0 = 0"),
            )
        )
    if reading.free_columns:
        names = [system.variables[j] for j in reading.free_columns]
        parameters = parameter_names(len(names), system.variables)
        listed = ", ".join(names)
        plural = len(names) > 1
        steps.append(
            Step(
                f"{'Columns' if plural else 'Column'} of {listed} "
                f"{'have' if plural else 'has'} no pivot: {listed} "
                f"{'are free variables' if plural else 'is a free variable'} and can take "
                f"any value. Call {'them' if plural else 'it'} {', '.join(parameters)}",
                Formula(
                    r",\quad ".join(f"{v} = {p}" for v, p in zip(names, parameters, strict=True)),
                    ", ".join(f"{v} = {p}" for v, p in zip(names, parameters, strict=True)),
                ),
            )
        )
    return steps


def back_substitution(
    system: LinearSystem, reading: EchelonReading
) -> tuple[SolutionSet, tuple[Step, ...]]:
    """Solve the echelon rows from the bottom up, each for its pivot's unknown."""
    variables = system.variables
    n = len(variables)
    parameters = parameter_names(len(reading.free_columns), variables)
    names = variables + parameters
    values: dict[int, LinearExpression] = {
        j: LinearExpression.name(names, p)
        for j, p in zip(reading.free_columns, parameters, strict=True)
    }
    echelon = reading.reduction.result
    substeps: list[Step] = []
    for row, column in reversed(reading.reduction.pivots):
        pivot = echelon[row, column]
        known = LinearExpression.number(names, 0)
        for j in range(column + 1, n):
            if echelon[row, j] != 0:
                known = known + values[j].scale(echelon[row, j])
        right = echelon[row, n]
        value = (LinearExpression.number(names, right) - known).scale(1 / pivot)
        values[column] = value
        substeps.append(
            Step(
                f"Row {row + 1}: solve for {variables[column]}",
                _back_substitution_formula(echelon.rows[row], variables, column, known, value),
            )
        )
    particular = Vector(tuple(values[j].constant for j in range(n)))
    directions = tuple(
        Vector(tuple(values[j].coefficient(p) for j in range(n))) for p in parameters
    )
    steps: tuple[Step, ...] = ()
    if substeps:
        steps = (
            Step("Back substitution: solve from the last pivot row up", None, tuple(substeps)),
        )
    return SolutionSet(variables, particular, directions), steps


def _back_substitution_formula(
    row: Sequence[Fraction],
    variables: Sequence[str],
    column: int,
    known: LinearExpression,
    value: LinearExpression,
) -> LazyFormula:
    """``2y + 4z = 6 ⇒ 2y + 8 = 6 ⇒ y = -1``: the row, the known values put in, the result
    (written out when shown)."""
    n = len(variables)
    name = variables[column]

    def sides() -> list[list[tuple[Fraction, str]]]:
        equation = [(row[j], variables[j]) for j in range(n) if row[j] != 0]
        if len(equation) > 1:
            return [equation, [(row[column], name), *_pairs(known)]]
        return [equation]

    def chain(number: Writer, coefficient: Writer, solved: str, implies: str) -> str:
        """The row's equation, then the variable alone, in text or LaTeX writers."""
        written = sides()
        parts = [
            write_terms(side, number, coefficient) + f" = {number(row[n])}" for side in written
        ]
        if len(written) > 1 or row[column] != 1:
            parts.append(f"{name} = {solved}")
        return implies.join(parts)

    def text() -> str:
        return chain(number_text, coefficient_text, value.text(), "  ⇒  ")

    def latex() -> str:
        return chain(number_latex, number_latex, value.latex(), r" \;\Rightarrow\; ")

    return formula_later(latex, text)


def _pairs(expression: LinearExpression) -> list[tuple[Fraction, str]]:
    pairs = [
        (a, n) for n, a in zip(expression.names, expression.coefficients, strict=True) if a != 0
    ]
    if expression.constant != 0:
        pairs.append((expression.constant, ""))
    return pairs


def _conclusion(solution_set: SolutionSet) -> str:
    if solution_set.kind == "unique":
        return "The system has exactly one solution"
    dimension = solution_set.dimension
    shape = {1: "a line", 2: "a plane"}.get(dimension or 0, f"a {dimension}-dimensional set")
    return (
        f"The system has infinitely many solutions, forming {shape}: one for each value of "
        "the free parameter" + ("s" if (dimension or 0) > 1 else "")
    )


def coefficient_matrix_rank(system: LinearSystem) -> int:
    """The rank of the coefficient matrix, read from the echelon form of ``[A | b]``."""
    return len(read_echelon(system).reduction.pivots)


def augmented_rank(system: LinearSystem) -> int:
    """The rank of ``[A | b]``: one more than the rank of ``A`` when a row reads ``0 = c``."""
    reading = read_echelon(system)
    return len(reading.reduction.pivots) + (0 if reading.consistent else 1)


def solution_set(system: LinearSystem) -> SolutionSet:
    """The answer of :func:`solve_by_elimination` alone, without the worked steps.

    The pivot columns do not depend on the order of the row operations, and
    neither does the solution set read off the echelon form (free variables 0 for
    the particular solution, one of them 1 for each direction), so this is the
    same answer, found faster: forward elimination in whole numbers (each row
    cleared of its denominators), then back substitution in fractions.

    >>> from mlmath.engine.linalg.system import LinearSystem
    >>> solution_set(LinearSystem.of([[1, 2], [2, 4]], [3, 6])).text()
    'x = 3 - 2t, y = t'
    """
    m, n = system.size
    rows = [_whole_row((*r, b)) for r, b in zip(system.matrix.rows, system.rhs, strict=True)]
    pivots: list[int] = []
    for column in range(n):
        rank = len(pivots)
        if rank == m:
            break
        source = next((i for i in range(rank, m) if rows[i][column] != 0), None)
        if source is None:
            continue
        rows[rank], rows[source] = rows[source], rows[rank]
        top = rows[rank]
        pivot = top[column]
        for i in range(rank + 1, m):
            below = rows[i][column]
            if below:
                rows[i] = _reduced(
                    [pivot * a - below * b for a, b in zip(rows[i], top, strict=True)]
                )
        pivots.append(column)
    rank = len(pivots)
    if any(rows[i][n] != 0 for i in range(rank, m)):
        return SolutionSet.empty(system.variables)
    free = [j for j in range(n) if j not in pivots]
    # values[j] = [constant, coefficient of each free parameter]
    values: list[list[Fraction]] = [[_ZERO] * (len(free) + 1) for _ in range(n)]
    for k, j in enumerate(free):
        values[j][k + 1] = _ONE
    for i in range(rank - 1, -1, -1):
        row, column = rows[i], pivots[i]
        value = [Fraction(row[n]), *([_ZERO] * len(free))]
        for j in range(column + 1, n):
            if row[j]:
                value = [v - row[j] * w for v, w in zip(value, values[j], strict=True)]
        pivot = row[column]
        values[column] = [v / pivot for v in value]
    particular = Vector(tuple(v[0] for v in values))
    directions = tuple(Vector(tuple(v[k + 1] for v in values)) for k in range(len(free)))
    return SolutionSet(system.variables, particular, directions)


_ZERO = Fraction(0)
_ONE = Fraction(1)


def _whole_row(row: Sequence[Fraction]) -> list[int]:
    """The row times the least common multiple of its denominators."""
    scale = 1
    for a in row:
        scale = lcm(scale, a.denominator)
    return [a.numerator * (scale // a.denominator) for a in row]


def _reduced(row: list[int]) -> list[int]:
    """The row divided by the greatest common divisor of its entries."""
    divisor = gcd(*row)
    return row if divisor <= 1 else [a // divisor for a in row]
