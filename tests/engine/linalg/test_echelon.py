"""Echelon forms and rank agree with SymPy and NumPy; the recorded row operations replay."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg import echelon, linear_expression
from mlmath.engine.linalg import rank as rank_module
from mlmath.engine.linalg.echelon import (
    are_row_equivalent,
    forward_elimination,
    full_reduction,
    is_reduced_row_echelon_form,
    is_row_echelon_form,
    reduced_row_echelon_form,
    replay,
    row_echelon_form,
)
from mlmath.engine.linalg.rank import rank, rank_of
from mlmath.engine.linalg.row_operations import AddMultiple, Scale, Swap
from mlmath.engine.solution import Step


@st.composite
def matrices(draw: st.DrawFn, max_size: int = 5) -> Matrix:
    """Integer matrices up to 5×5, often rank-deficient or nearly so, sometimes with zero rows."""
    m = draw(st.integers(1, max_size))
    n = draw(st.integers(1, max_size))
    rows = [draw(st.lists(st.integers(-6, 6), min_size=n, max_size=n)) for _ in range(m)]
    if m > 1 and draw(st.booleans()):
        i, j = draw(st.permutations(range(m)))[:2]
        a, b = draw(st.integers(-3, 3)), draw(st.integers(-2, 2))
        k = draw(st.integers(0, m - 1))
        built = [a * x + b * y for x, y in zip(rows[i], rows[j], strict=True)]
        if k not in (i, j):
            rows[k] = built
            if draw(st.booleans()):  # near-singular: nudge one entry of the built row
                rows[k][-1] += draw(st.sampled_from([-1, 1]))
    if draw(st.integers(0, 5)) == 0:
        rows[draw(st.integers(0, m - 1))] = [0] * n
    return Matrix.of(rows)


def sympy_of(matrix: Matrix) -> sympy.Matrix:
    return sympy.Matrix(
        [[sympy.Rational(a.numerator, a.denominator) for a in r] for r in matrix.rows]
    )


def operations_in(steps: tuple[Step, ...]) -> list[str]:
    """Every leaf rule of a step tree, in order."""
    out: list[str] = []
    for step in steps:
        out += operations_in(step.substeps) if step.substeps else [step.rule]
    return out


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_rref_matches_sympy_and_replays(matrix: Matrix) -> None:
    reduction = full_reduction(matrix)
    expected, pivots = sympy_of(matrix).rref()
    assert sympy_of(reduction.result) == expected
    assert reduction.pivot_columns == pivots
    assert replay(matrix, reduction.operations) == reduction.result
    assert is_reduced_row_echelon_form(reduction.result)
    solution = reduced_row_echelon_form(matrix)
    assert solution.answer == reduction.result
    rules = operations_in(solution.steps)
    assert all(op.describe() in rules for op in reduction.operations)


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_row_echelon_form_is_echelon_and_equivalent(matrix: Matrix) -> None:
    reduction = forward_elimination(matrix)
    assert is_row_echelon_form(reduction.result)
    assert replay(matrix, reduction.operations) == reduction.result
    assert are_row_equivalent(matrix, reduction.result)
    assert row_echelon_form(matrix).answer == reduction.result
    for op in reduction.operations:
        assert isinstance(op, Swap | AddMultiple), "forward elimination never scales"
    swaps = [op for op in reduction.operations if isinstance(op, Swap)]
    assert len(swaps) <= len(reduction.pivots), "a swap only when the pivot position holds 0"


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_rank_matches_numpy_and_sympy(matrix: Matrix) -> None:
    solution = rank(matrix)
    assert solution.answer == rank_of(matrix) == sympy_of(matrix).rank()
    assert solution.answer == np.linalg.matrix_rank(np.array(matrix.to_floats()))
    assert render.solution_text(solution)


def test_pivots_chosen_as_a_person_would() -> None:
    reduction = full_reduction(Matrix.of([[0, 2, 4], [3, 3, 3], [1, 1, 2]]))
    first, second, *rest = reduction.operations
    assert first == Swap(0, 1), "the first non-zero entry of the column is brought up"
    assert isinstance(second, AddMultiple)
    assert any(isinstance(op, Scale) for op in rest), "RREF scales pivots to 1"


def test_augmented_steps_draw_the_bar() -> None:
    solution = reduced_row_echelon_form(Matrix.of([[1, 1, 3], [1, -1, 1]]), bar_before=2)
    shown = [s.math for s in solution.steps[1].substeps[0].substeps]
    assert all(isinstance(m, render.Augmented) for m in shown)
    assert "│" in render.solution_text(solution)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([[1, 2], [0, 3]], True),
        ([[0, 0], [1, 0]], False),
        ([[1, 2], [0, 0], [0, 0]], True),
        ([[0, 1], [0, 1]], False),
        ([[2, 1, 0], [0, 0, 5]], True),
    ],
)
def test_echelon_shape_table(rows: list[list[int]], expected: bool) -> None:
    assert is_row_echelon_form(Matrix.of(rows)) is expected


@pytest.mark.parametrize("module", [echelon, linear_expression, rank_module])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0
