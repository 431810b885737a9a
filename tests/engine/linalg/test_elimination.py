"""Solving by elimination and by substitution, classification and the geometric reading,
checked against NumPy, SymPy and by putting every solution back into the system."""

from __future__ import annotations

import doctest
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg import classify as classify_module
from mlmath.engine.linalg import elimination, geometry, substitution
from mlmath.engine.linalg.classify import classify
from mlmath.engine.linalg.elimination import solve_by_elimination
from mlmath.engine.linalg.geometry import lines_intersection, planes_intersection
from mlmath.engine.linalg.rank import rank_and_solutions, rank_of
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.substitution import solve_by_substitution
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.solution import NotSolvable


@st.composite
def systems(draw: st.DrawFn, max_size: int = 5, square: bool = False) -> LinearSystem:
    """Integer systems up to 5×5: regular, singular (consistent or not) and near-singular."""
    m = draw(st.integers(1, max_size))
    n = m if square else draw(st.integers(1, max_size))
    rows = [draw(st.lists(st.integers(-5, 5), min_size=n, max_size=n)) for _ in range(m)]
    rhs = draw(st.lists(st.integers(-9, 9), min_size=m, max_size=m))
    if m > 1 and draw(st.booleans()):
        i, j = draw(st.permutations(range(m)))[:2]
        a, b = draw(st.integers(-3, 3)), draw(st.integers(-2, 2))
        k = draw(st.integers(0, m - 1))
        if k not in (i, j):
            rows[k] = [a * x + b * y for x, y in zip(rows[i], rows[j], strict=True)]
            rhs[k] = a * rhs[i] + b * rhs[j] + draw(st.sampled_from([0, 0, 1, -2]))
            if draw(st.integers(0, 3)) == 0:  # near-singular
                rows[k][0] += 1
    return LinearSystem.of(rows, rhs)


def sympy_solutions(system: LinearSystem) -> sympy.Set:
    symbols = sympy.symbols(f"v0:{system.size[1]}")
    a = sympy.Matrix(
        [[sympy.Rational(x.numerator, x.denominator) for x in r] for r in system.matrix.rows]
    )
    b = sympy.Matrix([sympy.Rational(x.numerator, x.denominator) for x in system.rhs])
    return sympy.linsolve((a, b), *symbols)


def check_solution_set(system: LinearSystem, found: SolutionSet) -> None:
    """Every point of ``found`` solves the system, and ``found`` is as big as SymPy says."""
    expected = sympy_solutions(system)
    if found.particular is None:
        assert expected == sympy.EmptySet
        return
    assert expected != sympy.EmptySet
    assert system.is_solution(found.particular)
    for direction in found.directions:
        assert system.matrix.times_vector(direction).is_zero()
        assert system.is_solution(found.particular + direction.scale(3))
    assert len(found.directions) == system.size[1] - rank_of(system.matrix)
    if found.directions:
        assert rank_of(_columns(found.directions)) == len(found.directions)


def _columns(vectors: tuple[Vector, ...]) -> Matrix:
    return Matrix.from_columns(list(vectors))


@settings(max_examples=200, deadline=None)
@given(systems())
def test_elimination_matches_sympy(system: LinearSystem) -> None:
    solution = solve_by_elimination(system)
    check_solution_set(system, solution.answer)
    assert render.solution_text(solution)
    assert solution.steps[-1].math is not None or solution.answer.kind == "none"


@settings(max_examples=150, deadline=None)
@given(systems(square=True))
def test_unique_solutions_match_numpy(system: LinearSystem) -> None:
    solution = solve_by_elimination(system).answer
    a = np.array(system.matrix.to_floats())
    if abs(np.linalg.det(a)) < 1e-9:
        assert solution.kind != "unique"
        return
    assert solution.kind == "unique"
    assert solution.particular is not None
    expected = np.linalg.solve(a, np.array(system.rhs.to_floats()))
    np.testing.assert_allclose(solution.particular.to_floats(), expected, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(systems())
def test_substitution_finds_the_same_set(system: LinearSystem) -> None:
    by_substitution = solve_by_substitution(system)
    check_solution_set(system, by_substitution.answer)
    by_elimination = solve_by_elimination(system).answer
    assert by_substitution.answer.kind == by_elimination.kind
    if by_elimination.particular is not None:
        assert by_substitution.answer.contains(by_elimination.particular)
    assert render.solution_text(by_substitution)


@settings(max_examples=200, deadline=None)
@given(systems())
def test_classification_and_ranks_agree_with_the_solutions(system: LinearSystem) -> None:
    kind = solve_by_elimination(system).answer.kind
    assert classify(system).answer == kind
    reading = rank_and_solutions(system).answer
    assert reading.kind == kind
    assert reading.coefficient_rank == rank_of(system.matrix)
    assert reading.augmented_rank == rank_of(system.augmented())
    if kind != "none":
        assert reading.free_variables == system.size[1] - rank_of(system.matrix)


@settings(max_examples=100, deadline=None)
@given(systems(max_size=3))
def test_geometry_matches_the_solution_set(system: LinearSystem) -> None:
    n = system.size[1]
    if n not in (2, 3) or any(all(a == 0 for a in r) for r in system.matrix.rows):
        return
    reading = (lines_intersection if n == 2 else planes_intersection)(system).answer
    solutions = solve_by_elimination(system).answer
    expected = {None: "none", 0: "point", 1: "line", 2: "plane"}[solutions.dimension]
    assert reading.intersection == expected
    assert reading.picture


@pytest.mark.parametrize(
    ("rows", "rhs", "intersection", "words"),
    [
        ([[1, 1], [1, -1]], [3, 1], "point", "(2, 1)"),
        ([[2, -1], [4, -2]], [1, 5], "none", "parallel"),
        ([[1, 2], [2, 4]], [3, 6], "line", "same line"),
    ],
)
def test_two_lines(rows: list[list[int]], rhs: list[int], intersection: str, words: str) -> None:
    reading = lines_intersection(LinearSystem.of(rows, rhs)).answer
    assert reading.intersection == intersection
    assert words in reading.picture


@pytest.mark.parametrize(
    ("rows", "rhs", "intersection", "words"),
    [
        ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 2, 3], "point", "(1, 2, 3)"),
        ([[1, 1, 1], [1, -1, 0], [2, 0, 1]], [3, 0, 3], "line", "line"),
        ([[1, 1, 1], [2, 2, 2], [3, 3, 3]], [1, 2, 3], "plane", "same plane"),
        ([[1, 1, 1], [1, 1, 1], [1, 0, 0]], [1, 2, 0], "none", "parallel"),
        ([[1, 1, 0], [0, 1, 1], [1, 2, 1]], [1, 1, 5], "none", "tent"),
    ],
)
def test_three_planes(rows: list[list[int]], rhs: list[int], intersection: str, words: str) -> None:
    reading = planes_intersection(LinearSystem.of(rows, rhs)).answer
    assert reading.intersection == intersection
    assert words in reading.picture


def test_contradiction_row_is_named() -> None:
    solution = solve_by_elimination(LinearSystem.of([[1, 1, 1], [2, 2, 2], [1, 0, 1]], [1, 7, 0]))
    assert solution.answer.kind == "none"
    assert any("reads 0 = 5" in step.rule for step in solution.steps)


def test_free_variables_become_parameters() -> None:
    solution = solve_by_elimination(LinearSystem.of([[1, 2, 3]], [6]))
    assert solution.answer.text() == "x = 6 - 2t - 3s, y = t, z = s"


def test_substitution_isolates_a_unit_coefficient_first() -> None:
    solution = solve_by_substitution(LinearSystem.of([[2, 3], [4, -1]], [12, 10]))
    assert solution.steps[1].rule.startswith("Solve equation 2 for y")
    assert solution.answer.particular == Vector.of([3, 2])


def test_lines_need_two_unknowns() -> None:
    with pytest.raises(NotSolvable):
        lines_intersection(LinearSystem.of([[1, 1, 1]], [1]))
    with pytest.raises(NotSolvable, match="not a line"):
        lines_intersection(LinearSystem.of([[0, 0], [1, 1]], [1, 2]))


def test_fractions_stay_exact() -> None:
    solution = solve_by_elimination(LinearSystem.of([[3, 1], [1, 3]], [1, 0])).answer
    assert solution.particular == Vector((Fraction(3, 8), Fraction(-1, 8)))


@pytest.mark.parametrize("module", [elimination, substitution, classify_module, geometry])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0
