"""Characteristic polynomials against SymPy; eigenpairs checked by A·v = λ·v and NumPy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.characteristic import Approximate, characteristic_polynomial, eigenvalues
from mlmath.engine.linalg.eigen import diagonalize, eigenbasis_exists, eigenvectors
from mlmath.engine.solution import NotSolvable
from mlmath.engine.surds import Surd

entries = st.integers(-6, 6)


def matrices(n: int) -> st.SearchStrategy[Matrix]:
    return st.lists(st.lists(entries, min_size=n, max_size=n), min_size=n, max_size=n).map(
        Matrix.of
    )


small = st.integers(2, 3).flatmap(matrices)


def upper_triangular(n: int) -> st.SearchStrategy[Matrix]:
    """Triangular matrices: rational eigenvalues, often repeated, sometimes defective."""
    return matrices(n).map(
        lambda m: Matrix(
            tuple(
                tuple(a if j >= i else Fraction(0) for j, a in enumerate(r))
                for i, r in enumerate(m.rows)
            )
        )
    )


@settings(max_examples=200)
@given(small)
def test_characteristic_polynomial_matches_sympy(a: Matrix) -> None:
    n = a.shape[0]
    ours = characteristic_polynomial(a).answer
    lam = sympy.Symbol("lam")
    theirs = sympy.Matrix(a.to_floats()).applyfunc(sympy.nsimplify).charpoly(lam)
    # SymPy's charpoly is det(λI − A) = (−1)ⁿ det(A − λI)
    expected = [sympy.Rational(c) * (-1) ** n for c in reversed(theirs.all_coeffs())]
    assert [sympy.Rational(c.numerator, c.denominator) for c in ours.coefficients] == expected


def _check_eigenpairs(a: Matrix) -> None:
    spaces = eigenvectors(a).answer
    array = np.array(a.to_floats())
    for space in spaces:
        for v in space.vectors:
            if v.is_rational:
                assert a.times_vector(v.to_vector()) == v.to_vector().scale(space.value.rational)
            x = np.array(v.to_floats())
            assert np.allclose(array @ x, space.value.to_float() * x)
            assert not np.allclose(x, 0)


@settings(max_examples=200, deadline=None)
@given(small)
def test_eigenvalues_match_sympy_or_numpy(a: Matrix) -> None:
    roots = eigenvalues(a).answer
    if any(isinstance(r, Approximate) for r in roots):
        ours = [complex(r.real, r.imaginary) for r in roots if isinstance(r, Approximate)]
        theirs = list(np.linalg.eigvals(np.array(a.to_floats())))
        key = lambda z: (round(z.real, 4), round(z.imag, 4))  # noqa: E731
        assert np.allclose(sorted(ours, key=key), sorted(theirs, key=key), atol=1e-6)
    else:
        exact = {}
        for r in roots:
            assert isinstance(r, Surd)
            value = sympy.nsimplify(r.to_sympy())
            exact[value] = exact.get(value, 0) + 1
        theirs = sympy.Matrix(a.to_floats()).applyfunc(sympy.nsimplify).eigenvals()
        assert {sympy.nsimplify(sympy.expand(k)): v for k, v in theirs.items()} == exact
    real_and_exact = all(isinstance(r, Surd) and r.is_real for r in roots)
    if real_and_exact:
        _check_eigenpairs(a)
    else:
        with pytest.raises(NotSolvable, match=r"complex|not exact"):
            _check_eigenpairs(a)


@settings(max_examples=200)
@given(st.integers(2, 3).flatmap(upper_triangular))
def test_triangular_eigenpairs_and_diagonalisation(a: Matrix) -> None:
    _check_eigenpairs(a)
    n = a.shape[0]
    if eigenbasis_exists(a).answer:
        result = diagonalize(a).answer
        p, d = result.basis.to_matrix(), result.diagonal.to_matrix()
        assert a.times_matrix(p) == p.times_matrix(d)
        assert np.linalg.matrix_rank(np.array(p.to_floats())) == n
    else:
        with pytest.raises(NotSolvable, match="diagonalised"):
            diagonalize(a)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([[2, 1], [1, 2]], ["1", "3"]),
        ([[1, 1], [0, 1]], ["1", "1"]),
        ([[0, -1], [1, 0]], ["-i", "i"]),
        ([[1, 2], [2, 1]], ["-1", "3"]),
        ([[2, 1], [1, 1]], ["(3 - √5)/2", "(3 + √5)/2"]),
        ([[2, 0, 0], [0, 3, 4], [0, 4, 9]], ["1", "2", "11"]),
    ],
)
def test_known_eigenvalues(rows: list[list[int]], expected: list[str]) -> None:
    assert [r.text() for r in eigenvalues(Matrix.of(rows)).answer] == expected


def test_rotation_has_no_real_eigenvectors() -> None:
    with pytest.raises(NotSolvable, match="complex"):
        eigenvectors(Matrix.of([[0, -1], [1, 0]]))
    assert eigenbasis_exists(Matrix.of([[0, -1], [1, 0]])).answer is False


def test_shear_has_no_eigenbasis() -> None:
    solution = eigenbasis_exists(Matrix.of([[1, 1], [0, 1]]))
    assert solution.answer is False
    assert "only 1" in solution.steps[-1].rule


def test_irrational_eigenvectors_are_exact() -> None:
    spaces = eigenvectors(Matrix.of([[1, 1], [1, 0]])).answer
    golden = spaces[1]
    assert golden.value == Surd(Fraction(1, 2), Fraction(1, 2), 5)
    assert render.text(golden.vectors[0]) == "((1 + √5)/2, 1)"


def test_near_singular_and_repeated() -> None:
    a = Matrix.of([[1, Fraction(1, 1000)], [0, 1]])
    assert eigenbasis_exists(a).answer is False
    identity = Matrix.identity(3)
    assert eigenbasis_exists(identity).answer is True
    assert len(eigenvectors(identity).answer[0].vectors) == 3
