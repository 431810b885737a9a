"""Determinants by every method agree with each other, with SymPy (exactly) and NumPy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import (
    determinant,
    determinant_2x2,
    determinant_by_cofactors,
    determinant_by_diagonals,
    determinant_by_elimination,
    triangularize,
)
from mlmath.engine.linalg.row_operations import Swap
from mlmath.engine.solution import NotSolvable


@st.composite
def square_matrices(draw: st.DrawFn, min_size: int = 1, max_size: int = 5) -> Matrix:
    """Integer matrices, often singular or nearly so (a row built from the others)."""
    n = draw(st.integers(min_size, max_size))
    entries = st.integers(-6, 6)
    rows = [draw(st.lists(entries, min_size=n, max_size=n)) for _ in range(n)]
    if n > 1 and draw(st.booleans()):
        a, b = draw(st.integers(-2, 2)), draw(st.integers(-2, 2))
        i, j, k = [*draw(st.permutations(range(n)))[:2], draw(st.integers(0, n - 1))]
        built = [a * x + b * y for x, y in zip(rows[i], rows[j], strict=True)]
        if k not in (i, j):
            rows[k] = built
        if draw(st.booleans()):  # nudge one entry: near-singular
            rows[k] = [*rows[k][:-1], rows[k][-1] + draw(st.sampled_from([-1, 1]))]
    return Matrix.of(rows)


def sympy_det(matrix: Matrix) -> Fraction:
    value = sympy.Matrix(
        [[sympy.Rational(a.numerator, a.denominator) for a in r] for r in matrix.rows]
    ).det()
    return Fraction(int(value.p), int(value.q))


@settings(max_examples=150, deadline=None)
@given(square_matrices())
def test_elimination_matches_sympy_exactly_and_numpy_approximately(matrix: Matrix) -> None:
    value = determinant_by_elimination(matrix).answer
    assert value == sympy_det(matrix)
    assert float(value) == pytest.approx(np.linalg.det(np.array(matrix.to_floats())), abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(square_matrices(max_size=4))
def test_every_method_agrees(matrix: Matrix) -> None:
    expected = determinant(matrix)
    assert determinant_by_cofactors(matrix).answer == expected
    assert determinant_by_elimination(matrix).answer == expected
    for row in range(matrix.shape[0]):
        assert determinant_by_cofactors(matrix, row=row).answer == expected
    if matrix.shape == (3, 3):
        assert determinant_by_diagonals(matrix).answer == expected
    if matrix.shape == (2, 2):
        assert determinant_2x2(matrix).answer == expected


@settings(max_examples=60, deadline=None)
@given(square_matrices(min_size=2, max_size=5))
def test_elimination_steps_are_what_they_say(matrix: Matrix) -> None:
    work = triangularize(matrix)
    assert len(work.matrices) == len(work.operations) + 1
    for op, before, after in zip(work.operations, work.matrices, work.matrices[1:], strict=False):
        assert op.apply(before) == after
    if work.stalled_column is None:
        result = work.result
        n = result.shape[0]
        assert all(result[i, j] == 0 for i in range(n) for j in range(i))
    assert work.swaps == sum(isinstance(op, Swap) for op in work.operations)


def test_cofactor_steps_show_each_minor_and_sign() -> None:
    solution = determinant_by_cofactors(Matrix.of([[1, 2, 3], [4, 5, 6], [7, 8, 10]]))
    rules = [step.rule for step in solution.steps]
    assert "checkerboard signs +−+" in rules[0]
    assert "sign −" in rules[2]
    assert "column 2" in rules[2]
    assert render.text(solution.steps[-2].math) == "det = 1·2 - 2·(-2) + 3·(-3) = -3"
    assert solution.answer == -3


def test_elimination_explains_the_sign_of_a_swap() -> None:
    solution = determinant_by_elimination(Matrix.of([[0, 1, 2], [3, 4, 5], [6, 7, 9]]))
    assert solution.steps[0].rule.startswith("Swap row 1 and row 2")
    assert "flips the sign" in solution.steps[0].rule
    assert solution.answer == sympy_det(Matrix.of([[0, 1, 2], [3, 4, 5], [6, 7, 9]]))
    assert any("(-1)^1" in render.text(s.math) for s in solution.steps if s.math is not None)


def test_a_column_without_pivot_gives_zero_at_once() -> None:
    solution = determinant_by_elimination(Matrix.of([[0, 1], [0, 2]]))
    assert solution.answer == 0
    assert "Column 1 has only zeros" in solution.steps[0].rule


@pytest.mark.parametrize(
    "solver",
    [
        determinant_by_cofactors,
        determinant_by_elimination,
        determinant_by_diagonals,
        determinant_2x2,
    ],
)
def test_a_non_square_matrix_has_no_determinant(solver: object) -> None:
    with pytest.raises(NotSolvable, match=r"2×3|3×3|2×2"):
        solver(Matrix.of([[1, 2, 3], [4, 5, 6]]))  # type: ignore[operator]


def test_fractions_stay_exact() -> None:
    matrix = Matrix.of([["1/2", "1/3"], ["1/4", "1/5"]])
    assert determinant_2x2(matrix).answer == Fraction(1, 10) - Fraction(1, 12)
    assert render.to_json(determinant_by_elimination(matrix).answer) == "1/60"
