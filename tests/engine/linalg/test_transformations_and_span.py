"""Transformations, span and bases, a layer's forward pass and principal directions,
each checked a second way (NumPy, or the defining equation)."""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.neural import layer_output, regression_predictions, squared_error_loss
from mlmath.engine.linalg.principal_directions import covariance_matrix, principal_direction
from mlmath.engine.linalg.span import coordinates_in_basis, in_span, is_basis, span_dimension
from mlmath.engine.linalg.transformations import (
    composition,
    image_of,
    images_of_basis,
    matrix_from_images,
    signed_area,
    transformation_rank,
)
from mlmath.engine.solution import NotSolvable

entries = st.integers(-5, 5)


def vectors(n: int) -> st.SearchStrategy[Vector]:
    return st.lists(entries, min_size=n, max_size=n).map(Vector.of)


def matrices(rows: int, columns: int) -> st.SearchStrategy[Matrix]:
    return st.lists(
        st.lists(entries, min_size=columns, max_size=columns), min_size=rows, max_size=rows
    ).map(Matrix.of)


def rank_deficient(n: int) -> st.SearchStrategy[Matrix]:
    """Singular matrices: the last column is a combination of the others."""
    return st.tuples(matrices(n, n - 1), st.lists(entries, min_size=n - 1, max_size=n - 1)).map(
        lambda t: t[0].augment(t[0].times_vector(Vector.of(t[1])))
    )


sizes = st.integers(2, 3)


@settings(max_examples=200)
@given(sizes.flatmap(lambda n: st.tuples(st.lists(vectors(n), min_size=n, max_size=n), vectors(n))))
def test_matrix_from_images_sends_basis_vectors_to_them(data: tuple[list[Vector], Vector]) -> None:
    images, v = data
    a = matrix_from_images(images).answer
    assert list(images_of_basis(a).answer) == images
    expected = sum(
        (img.scale(c) for img, c in zip(images, v, strict=True)), Vector.of([0] * len(v))
    )
    assert image_of(a, v).answer == expected


@settings(max_examples=200)
@given(sizes.flatmap(lambda n: st.tuples(matrices(n, n), vectors(n))))
def test_the_combination_is_written_with_its_signs_and_adds_up(data: tuple[Matrix, Vector]) -> None:
    """``T(v) = -5·T(e1) - T(e2)``, as a person writes it (never ``+ -1·T(e2)``), and the
    written combination of the columns is the image."""
    a, v = data
    written = render.solution_text(image_of(a, v)).split("T(v) = ", 1)[1].split("\n", 1)[0]
    assert "+ -" not in written
    terms = _TERM.findall(written)
    assert terms or written == "0"
    total = np.zeros(len(v))
    for sign, coefficient, j in terms:
        assert coefficient != "1·"  # a coefficient of 1 is not written
        factor = Fraction(coefficient.strip("()·") or 1) * (-1 if sign.strip() == "-" else 1)
        total += float(factor) * np.array([float(x) for x in a.column(int(j) - 1)])
    assert np.allclose(total, [float(x) for x in a.times_vector(v).entries])


_TERM = re.compile(r"(^-|\s[+-]\s)?(\(?\d+(?:/\d+)?\)?·)?T\(e(\d+)\)")
"""One term of a written combination: its sign, its coefficient, the column it takes."""


@settings(max_examples=200)
@given(sizes.flatmap(lambda n: st.tuples(matrices(n, n), matrices(n, n), vectors(n))))
def test_composition_applies_first_then_second(data: tuple[Matrix, Matrix, Vector]) -> None:
    first, second, v = data
    combined = composition(first, second).answer
    assert combined.times_vector(v) == second.times_vector(first.times_vector(v))


@settings(max_examples=200)
@given(st.one_of(sizes.flatmap(lambda n: matrices(n, n)), sizes.flatmap(rank_deficient)))
def test_rank_and_signed_area_match_numpy(a: Matrix) -> None:
    array = np.array(a.to_floats())
    assert transformation_rank(a).answer == np.linalg.matrix_rank(array)
    assert float(signed_area(a).answer) == pytest.approx(np.linalg.det(array), abs=1e-6)
    assert render.solution_text(transformation_rank(a))


def test_a_reflection_flips_orientation() -> None:
    steps = signed_area(Matrix.of([[1, 0], [0, -1]])).steps
    assert "flips orientation" in steps[-1].rule


@settings(max_examples=200)
@given(
    st.one_of(sizes.flatmap(lambda n: matrices(n, n)), sizes.flatmap(rank_deficient)),
    sizes.flatmap(vectors),
)
def test_basis_span_and_coordinates(a: Matrix, w: Vector) -> None:
    columns = list(a.columns())
    n = a.shape[0]
    independent = bool(np.linalg.matrix_rank(np.array(a.to_floats())) == n)
    assert is_basis(columns).answer is independent
    assert span_dimension(columns).answer == np.linalg.matrix_rank(np.array(a.to_floats()))
    if len(w) != n:
        return
    if independent:
        c = coordinates_in_basis(columns, w).answer
        assert a.times_vector(c) == w
        assert in_span(columns, w).answer is True
    else:
        with pytest.raises(NotSolvable, match="not a basis"):
            coordinates_in_basis(columns, w)
        rank = np.linalg.matrix_rank(np.array(a.to_floats()))
        reachable = bool(np.linalg.matrix_rank(np.array(a.augment(w).to_floats())) == rank)
        assert in_span(columns, w).answer is reachable


def test_counting_decides_some_bases() -> None:
    assert is_basis([Vector.of([1, 0, 0]), Vector.of([0, 1, 0])]).answer is False
    assert is_basis([Vector.of([1, 0]), Vector.of([0, 1]), Vector.of([1, 1])]).answer is False


@settings(max_examples=200)
@given(
    st.tuples(st.integers(1, 3), st.integers(1, 4)).flatmap(
        lambda s: st.tuples(
            matrices(*s),
            vectors(s[1]),
            vectors(s[0]),
            st.sampled_from(["identity", "relu", "step"]),
        )
    )
)
def test_layer_output_matches_numpy(data: tuple[Matrix, Vector, Vector, str]) -> None:
    w, x, b, activation = data
    z = np.array(w.to_floats()) @ np.array(x.to_floats()) + np.array(b.to_floats())
    expected = {"identity": z, "relu": np.maximum(z, 0), "step": (z > 0).astype(float)}
    out = layer_output(w, x, b, activation).answer  # type: ignore[arg-type]
    assert np.allclose(out.to_floats(), expected[activation])


def test_regression_predictions_and_loss() -> None:
    x = Matrix.of([[1, 2], [3, 4], [0, 1]])
    predictions = regression_predictions(x, Vector.of([2, -1]), Fraction(1)).answer
    assert predictions == Vector.of([1, 3, 0])
    loss = squared_error_loss(predictions, Vector.of([1, 1, 1])).answer
    assert loss == Fraction(5, 6)


@settings(max_examples=200)
@given(st.integers(3, 6).flatmap(lambda n: matrices(n, 2)))
def test_covariance_and_principal_direction_match_numpy(data: Matrix) -> None:
    array = np.array(data.to_floats())
    assert np.allclose(np.array(covariance_matrix(data).answer.to_floats()), np.cov(array.T))
    try:
        direction = principal_direction(data).answer
    except NotSolvable:
        values = np.linalg.eigvalsh(np.cov(array.T))
        assert np.isclose(values[0], values[1])
        return
    values, vectors_ = np.linalg.eigh(np.cov(array.T))
    top = vectors_[:, -1]
    d = np.array(direction.to_floats())
    d = d / np.linalg.norm(d)
    assert abs(abs(float(d @ top)) - 1) < 1e-9
