"""What elimination gives when a beginner slips in one characteristic way.

Each function replays the engine's own elimination with one step done wrong,
so a learner's wrong answer can be matched to the slip that produces it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.echelon import forward_elimination
from mlmath.engine.linalg.elimination import read_echelon, solve_by_elimination
from mlmath.engine.linalg.linear_expression import LinearEquation, LinearExpression
from mlmath.engine.linalg.row_operations import AddMultiple, Scale, Swap
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.substitution import choose_isolation, equations_of
from mlmath.engine.linalg.system import LinearSystem

EliminationSlip = Literal["forgot_rhs", "rhs_sign_slip", "back_sign_slip", "pivot_not_divided"]
SubstitutionSlip = Literal["isolation_sign_slip", "distributed_to_first_term_only"]


def eliminate_with_slip(system: LinearSystem, slip: EliminationSlip) -> SolutionSet | None:
    """The unique "solution" elimination gives with ``slip``; ``None`` if it gives none."""
    n = system.size[1]
    reduction = forward_elimination(system.augmented(), pivot_limit=n, bar_before=n)
    if len(reduction.pivots) != n:
        return None
    rows = [list(r) for r in system.augmented().rows]
    for op in reduction.operations:
        if isinstance(op, Swap):
            rows[op.first], rows[op.second] = rows[op.second], rows[op.first]
        elif isinstance(op, AddMultiple):
            source = rows[op.source]
            new = [a + op.factor * b for a, b in zip(rows[op.target], source, strict=True)]
            if slip == "forgot_rhs":
                new[n] = rows[op.target][n]
            elif slip == "rhs_sign_slip":
                new[n] = rows[op.target][n] - op.factor * source[n]
            rows[op.target] = new
    values = [Fraction(0)] * n
    for row, column in reversed(reduction.pivots):
        known = sum((rows[row][j] * values[j] for j in range(column + 1, n)), Fraction(0))
        right = rows[row][n] + known if slip == "back_sign_slip" else rows[row][n] - known
        pivot = rows[row][column]
        values[column] = right if slip == "pivot_not_divided" else right / pivot
    return SolutionSet(system.variables, Vector(tuple(values)))


def ignore_contradiction(system: LinearSystem) -> SolutionSet | None:
    """The solutions a learner finds by skipping a ``0 = 5`` row as if it were ``0 = 0``."""
    reading = read_echelon(system)
    if reading.consistent:
        return None
    n = system.size[1]
    kept = [reading.reduction.result.rows[i] for i, _ in reading.reduction.pivots]
    if not kept:
        return None
    return solve_by_elimination(
        LinearSystem(
            Matrix(tuple(r[:n] for r in kept)),
            Vector(tuple(r[n] for r in kept)),
            system.variables,
        )
    ).answer


def one_point_only(solutions: SolutionSet) -> SolutionSet | None:
    """A single point of an infinite solution set: every free variable set to 0."""
    if solutions.kind != "infinite":
        return None
    return SolutionSet(solutions.variables, solutions.particular)


def substitute_with_slip(system: LinearSystem, slip: SubstitutionSlip) -> SolutionSet | None:
    """The "solution" substitution gives when the first isolation or substitution slips."""
    equations = equations_of(system)
    labelled = list(enumerate(equations, start=1))
    choice = choose_isolation(labelled, system.variables)
    if choice is None:
        return None
    label, name = choice
    equation = equations[label - 1]
    expression = equation.solve_for(name)
    if slip == "isolation_sign_slip":
        a = equation.left.coefficient(name)
        others_terms = equation.left.without(name)
        expression = (
            LinearExpression.number(others_terms.names, equation.right) + others_terms
        ).scale(1 / a)
    others = [e for k, e in labelled if k != label]
    reduced: list[LinearEquation] = []
    for other in others:
        if slip == "distributed_to_first_term_only":
            c = other.left.coefficient(name)
            spread = LinearExpression(
                expression.names, expression.coefficients, c * expression.constant
            )
            substituted = LinearEquation.from_sides(
                other.left.without(name) + spread,
                LinearExpression.number(other.left.names, other.right),
            )
        else:
            substituted = other.substitute(name, expression)
        reduced.append(substituted)
    rest_names = [v for v in system.variables if v != name]
    if not rest_names:
        return None
    reduced_system = LinearSystem.of(
        [[e.left.coefficient(v) for v in rest_names] for e in reduced] or [[0] * len(rest_names)],
        [e.right for e in reduced] or [0],
        rest_names,
    )
    rest = solve_by_elimination(reduced_system).answer
    if rest.kind != "unique" or rest.particular is None:
        return None
    values = dict(zip(rest_names, rest.particular, strict=True))
    values[name] = expression.evaluate(values)
    return SolutionSet(system.variables, Vector(tuple(values[v] for v in system.variables)))


def scale_only_pivot(matrix: Matrix, op: Scale) -> Matrix:
    """Dividing a row by its pivot, but changing only the pivot entry."""
    row = list(matrix.rows[op.row])
    lead = next((j for j, a in enumerate(row) if a != 0), None)
    if lead is None:
        return matrix
    row[lead] = row[lead] * op.factor
    return matrix.with_row(op.row, row)
