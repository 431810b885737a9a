"""Characteristic polynomials, eigenbases, products' transposes and inverses, matrix
powers, projections and shares of variance — each checked a second way: against SymPy and
NumPy, or by the inverse operation."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mlmath.answers import AnswerFormat, Kind, parse
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.eigenbasis import eigenbasis, is_eigenbasis
from mlmath.engine.linalg.explained_variance import variance_share
from mlmath.engine.linalg.powers import matrix_power
from mlmath.engine.linalg.product_rules import inverse_of_product, transpose_of_product
from mlmath.engine.linalg.vectors import projection
from mlmath.engine.solution import NotSolvable
from mlmath.exercises.linalg.vector_variants import with_eigenvalues
from mlmath.exercises.registry import get

small = st.integers(-6, 6)


def square(n: int) -> st.SearchStrategy[Matrix]:
    return st.lists(st.lists(small, min_size=n, max_size=n), min_size=n, max_size=n).map(Matrix.of)


def as_numpy(m: Matrix) -> np.ndarray:
    return np.array(m.to_floats())


@settings(max_examples=60)
@given(st.integers(2, 3).flatmap(square), st.integers(-5, 5))
def test_the_characteristic_polynomial_agrees_with_sympy(a: Matrix, at: int) -> None:
    skill = get("linalg.characteristic_polynomial")
    answer = skill.solve({"matrix": a}).answer
    lam = sympy.Symbol("lam")
    n = a.shape[0]
    # SymPy's charpoly is det(λI − A) = (−1)ⁿ det(A − λI)
    reference = (-1) ** n * sympy.Matrix(a.rows).charpoly(lam).as_expr()
    assert answer.evaluate({"lambda": float(at)}) == pytest.approx(float(reference.subs(lam, at)))
    assert answer.evaluate({"lambda": float(at)}) == pytest.approx(
        float(determinant(a - Matrix.identity(n).scale(Fraction(at))))
    )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(-6, 6), min_size=2, max_size=3).filter(lambda v: len(set(v)) > 1),
    st.integers(0, 2**32 - 1),
)
def test_an_eigenbasis_satisfies_ap_equals_pd(values: list[int], seed: int) -> None:
    a = with_eigenvalues(np.random.default_rng(seed), values, 2)
    p = eigenbasis(a).answer
    assert is_eigenbasis(a, p)
    # AP = PD, with D the eigenvalues NumPy finds
    d = np.linalg.solve(as_numpy(p), as_numpy(a) @ as_numpy(p))
    assert np.allclose(d, np.diag(np.diag(d)), atol=1e-9)
    assert sorted(np.round(np.diag(d), 9)) == pytest.approx(sorted(values))


def test_a_shear_has_no_eigenbasis_and_the_solver_says_why() -> None:
    with pytest.raises(NotSolvable, match="no eigenbasis"):
        eigenbasis(Matrix.of([[1, 1], [0, 1]]))
    with pytest.raises(NotSolvable, match="complex"):
        eigenbasis(Matrix.of([[0, -1], [1, 0]]))


def test_any_scaling_and_order_of_the_eigenvectors_is_graded_correct() -> None:
    skill = get("linalg.find_eigenbasis")
    params = {"matrix": Matrix.of([[4, 1], [2, 3]])}
    for response in ("[[1, 1], [-2, 1]]", "[[1, 1], [1, -2]]", "[[-3, 2], [6, 2]]"):
        assert skill.grade(params, response).verdict == "correct", response
    feedback = skill.grade(params, "[[1, -2], [1, 1]]")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "vectors_as_rows"


@settings(max_examples=60)
@given(
    st.integers(1, 3).flatmap(
        lambda m: st.integers(1, 3).flatmap(
            lambda k: st.tuples(
                st.lists(st.lists(small, min_size=k, max_size=k), min_size=m, max_size=m),
                st.lists(st.lists(small, min_size=m, max_size=m), min_size=k, max_size=k),
            )
        )
    )
)
def test_the_transpose_of_a_product_agrees_with_numpy(
    rows: tuple[list[list[int]], list[list[int]]],
) -> None:
    a, b = Matrix.of(rows[0]), Matrix.of(rows[1])
    result = transpose_of_product(a, b).answer
    assert np.array_equal(as_numpy(result), (as_numpy(a) @ as_numpy(b)).T)


@settings(max_examples=60)
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(square(n), square(n))))
def test_the_inverse_of_a_product_undoes_it(pair: tuple[Matrix, Matrix]) -> None:
    a, b = pair
    assume(determinant(a) != 0 and determinant(b) != 0)
    result = inverse_of_product(a, b).answer
    n = a.shape[0]
    assert a.times_matrix(b).times_matrix(result) == Matrix.identity(n)
    assert np.allclose(as_numpy(result), np.linalg.inv(as_numpy(a) @ as_numpy(b)))


def test_a_singular_factor_has_no_inverse_of_the_product() -> None:
    with pytest.raises(NotSolvable, match="det A = 0"):
        inverse_of_product(Matrix.of([[1, 2], [2, 4]]), Matrix.identity(2))


@settings(max_examples=60)
@given(st.integers(1, 4).flatmap(square), st.integers(0, 8))
def test_matrix_powers_agree_with_numpy(a: Matrix, n: int) -> None:
    result = matrix_power(a, n).answer
    expected = np.linalg.matrix_power(
        np.array([[int(x) for x in r] for r in a.rows], dtype=object), n
    )
    assert [[int(x) for x in r] for r in result.rows] == expected.tolist()


vectors = st.integers(2, 4).flatmap(
    lambda n: st.tuples(
        st.lists(small, min_size=n, max_size=n), st.lists(small, min_size=n, max_size=n)
    )
)


@settings(max_examples=80)
@given(vectors)
def test_the_projection_leaves_a_perpendicular_remainder(pair: tuple[list[int], list[int]]) -> None:
    u, w = Vector.of(pair[0]), Vector.of(pair[1])
    assume(not w.is_zero())
    p = projection(u, w).answer
    assert (u - p).dot(w) == 0  # the remainder is perpendicular to the line
    assert p.scale(w.dot(w)) == w.scale(u.dot(w))  # and p lies on the line of w
    uu, ww = np.array(pair[0], float), np.array(pair[1], float)
    assert np.allclose(p.to_floats(), uu @ ww / (ww @ ww) * ww)


@st.composite
def covariances(draw: st.DrawFn) -> Matrix:
    n = draw(st.integers(2, 3))
    x = np.array(
        draw(
            st.lists(
                st.lists(st.integers(-5, 5), min_size=n, max_size=n), min_size=n + 2, max_size=8
            )
        )
    )
    c = x.T @ x
    assume(np.linalg.matrix_rank(c) == n)
    return Matrix.of(c.tolist())


@settings(max_examples=40, deadline=None)
@given(covariances(), st.integers(1, 3))
def test_the_share_of_variance_agrees_with_numpy(c: Matrix, component: int) -> None:
    n = c.shape[0]
    assume(component <= n)
    try:
        share = variance_share(c, component).answer
    except NotSolvable:
        assume(False)
        return
    values = sorted(np.linalg.eigvalsh(as_numpy(c)), reverse=True)
    assert float(share) == pytest.approx(values[component - 1] / sum(values), abs=1e-9)


def test_the_shares_of_all_directions_add_up_to_one() -> None:
    c = Matrix.of([[4, 1, 0], [1, 2, 0], [0, 0, 1]])
    total = sum(float(variance_share(c, k).answer) for k in (1, 2, 3))
    assert total == pytest.approx(1.0)


def test_a_share_typed_as_a_percentage_is_accepted() -> None:
    skill = get("linalg.explained_variance")
    params = {"covariance": Matrix.of([[4, 4], [4, 10]]), "component": 1}
    assert skill.solve(params).answer == Fraction(6, 7)
    assert skill.grade(params, "85.7%").verdict == "correct"
    assert skill.grade(params, "6/7").verdict == "correct"
    assert parse("0.857", AnswerFormat(Kind.NUMBER)) is not None
