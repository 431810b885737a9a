"""Products checked against NumPy; inverses checked by A·A⁻¹ = I and against np.linalg.inv."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.determinant_rules import (
    determinant_of_inverse,
    determinant_of_multiple,
    determinant_of_power,
    determinant_of_product,
)
from mlmath.engine.linalg.inverse import (
    inverse,
    inverse_by_formula,
    inverse_by_gauss_jordan,
    inverse_exists,
)
from mlmath.engine.linalg.products import (
    elementwise_product,
    matrix_product,
    matrix_vector_product,
)
from mlmath.engine.solution import NotSolvable

entries = st.integers(-9, 9)


def matrices(rows: int, columns: int) -> st.SearchStrategy[Matrix]:
    return st.lists(
        st.lists(entries, min_size=columns, max_size=columns), min_size=rows, max_size=rows
    ).map(Matrix.of)


square = st.integers(1, 4).flatmap(lambda n: matrices(n, n))


def as_array(m: Matrix) -> np.ndarray:
    return np.array(m.to_floats())


@settings(max_examples=200)
@given(
    st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4)).flatmap(
        lambda s: st.tuples(matrices(s[0], s[1]), matrices(s[1], s[2]))
    )
)
def test_matrix_product_matches_numpy(pair: tuple[Matrix, Matrix]) -> None:
    a, b = pair
    solution = matrix_product(a, b)
    assert np.allclose(as_array(solution.answer), as_array(a) @ as_array(b))
    entry_steps = solution.steps[1].substeps
    assert len(entry_steps) == a.shape[0] * b.shape[1]
    assert render.solution_text(solution)


@settings(max_examples=200)
@given(
    st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
        lambda s: st.tuples(matrices(*s), st.lists(entries, min_size=s[1], max_size=s[1]))
    )
)
def test_matrix_vector_product_matches_numpy(pair: tuple[Matrix, list[int]]) -> None:
    a, v = pair
    result = matrix_vector_product(a, Vector.of(v)).answer
    assert np.allclose(result.to_floats(), as_array(a) @ np.array(v, dtype=float))


def test_sizes_that_do_not_match_are_explained() -> None:
    with pytest.raises(NotSolvable, match="inner sizes 3 and 2"):
        matrix_product(Matrix.of([[1, 2, 3]]), Matrix.of([[1], [2]]))


def test_elementwise_product_is_not_the_matrix_product() -> None:
    a = Matrix.of([[1, 2], [3, 4]])
    assert elementwise_product(a, a) == Matrix.of([[1, 4], [9, 16]])
    assert matrix_product(a, a).answer == Matrix.of([[7, 10], [15, 22]])


@settings(max_examples=200)
@given(square)
def test_inverse_times_matrix_is_identity(a: Matrix) -> None:
    n = a.shape[0]
    if determinant(a) == 0:
        with pytest.raises(NotSolvable, match="singular"):
            inverse_by_gauss_jordan(a)
        assert inverse_exists(a).answer is False
        return
    inv = inverse(a).answer
    assert a.times_matrix(inv) == Matrix.identity(n)
    assert inv.times_matrix(a) == Matrix.identity(n)
    assert np.allclose(as_array(inv), np.linalg.inv(as_array(a)))
    assert inverse_by_gauss_jordan(a).answer == inv
    assert inverse_exists(a).answer is True


@settings(max_examples=200)
@given(matrices(2, 2))
def test_formula_and_gauss_jordan_agree(a: Matrix) -> None:
    assume(determinant(a) != 0)
    assert inverse_by_formula(a).answer == inverse_by_gauss_jordan(a).answer


@pytest.mark.parametrize(
    "rows",
    [
        [[1, 2], [2, 4]],
        [[0, 0], [0, 0]],
        [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
        [[0, 1, 0], [0, 0, 1], [0, 0, 0]],
    ],
)
def test_singular_matrices_get_a_one_line_reason(rows: list[list[int]]) -> None:
    with pytest.raises(NotSolvable) as error:
        inverse(Matrix.of(rows))
    assert "no inverse" in str(error.value)
    assert "\n" not in str(error.value)


def test_near_singular_matrix_is_inverted_exactly() -> None:
    a = Matrix.of([[1, 1], [1, Fraction(1000001, 1000000)]])
    inv = inverse(a).answer
    assert a.times_matrix(inv) == Matrix.identity(2)
    assert inv[0, 0] == 1000001


def test_non_square_matrix_has_no_inverse() -> None:
    with pytest.raises(NotSolvable, match="square"):
        inverse(Matrix.of([[1, 2, 3], [4, 5, 6]]))


@settings(max_examples=200)
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(matrices(n, n), matrices(n, n))))
def test_determinant_rules(pair: tuple[Matrix, Matrix]) -> None:
    a, b = pair
    assert determinant_of_product(a, b).answer == determinant(a.times_matrix(b))
    assert float(determinant_of_product(a, b).answer) == pytest.approx(
        np.linalg.det(as_array(a) @ as_array(b)), abs=1e-6
    )
    assert determinant_of_multiple(Fraction(-2), a).answer == determinant(a.scale(-2))
    assert determinant_of_power(a, 3).answer == determinant(a.times_matrix(a).times_matrix(a))
    if determinant(a) == 0:
        with pytest.raises(NotSolvable):
            determinant_of_inverse(a)
    else:
        assert determinant_of_inverse(a).answer == determinant(inverse(a).answer)
