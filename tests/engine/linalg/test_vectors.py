"""Vector operations checked against NumPy, and the surds they produce checked against floats."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine import render
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import (
    SPECIAL_ANGLES,
    angle_between,
    cosine_of_angle,
    distance,
    dot_from_angle,
    dot_product,
    l1_norm,
    l2_norm,
    linear_combination,
    projection,
    scalar_multiple,
    vector_difference,
    vector_sum,
)
from mlmath.engine.solution import NotSolvable
from mlmath.engine.surds import Surd

entries = st.integers(-20, 20)
small_fractions = st.fractions(min_value=-10, max_value=10, max_denominator=6)


def vectors(size: int, elements: st.SearchStrategy[int] | st.SearchStrategy[Fraction] = entries):
    return st.lists(elements, min_size=size, max_size=size).map(Vector.of)


pairs = st.integers(1, 5).flatmap(lambda n: st.tuples(vectors(n), vectors(n)))


@settings(max_examples=200)
@given(st.integers(1, 5).flatmap(lambda n: vectors(n, small_fractions)))
def test_norms_match_numpy(v: Vector) -> None:
    array = np.array(v.to_floats())
    assert float(l1_norm(v).answer) == pytest.approx(np.linalg.norm(array, 1))
    assert l2_norm(v).answer.to_float() == pytest.approx(np.linalg.norm(array))
    assert render.solution_text(l2_norm(v))


@settings(max_examples=200)
@given(pairs, small_fractions)
def test_sum_difference_multiple_match_numpy(pair: tuple[Vector, Vector], k: Fraction) -> None:
    u, v = pair
    a, b = np.array(u.to_floats()), np.array(v.to_floats())
    assert np.allclose(vector_sum(u, v).answer.to_floats(), a + b)
    assert np.allclose(vector_difference(u, v).answer.to_floats(), a - b)
    assert np.allclose(scalar_multiple(k, u).answer.to_floats(), float(k) * a)
    combined = linear_combination(k, u, Fraction(2), v).answer
    assert np.allclose(combined.to_floats(), float(k) * a + 2 * b)


@settings(max_examples=200)
@given(pairs)
def test_dot_and_distance_match_numpy(pair: tuple[Vector, Vector]) -> None:
    u, v = pair
    a, b = np.array(u.to_floats()), np.array(v.to_floats())
    assert float(dot_product(u, v).answer) == pytest.approx(float(a @ b))
    assert distance(u, v).answer.to_float() == pytest.approx(np.linalg.norm(a - b))
    assert distance(u, v, "l1").answer.to_float() == pytest.approx(np.linalg.norm(a - b, 1))


@settings(max_examples=200)
@given(pairs)
def test_angle_matches_arccos(pair: tuple[Vector, Vector]) -> None:
    u, v = pair
    if u.is_zero() or v.is_zero():
        with pytest.raises(NotSolvable):
            angle_between(u, v)
        return
    a, b = np.array(u.to_floats()), np.array(v.to_floats())
    cosine = float(a @ b) / (np.linalg.norm(a) * np.linalg.norm(b))
    assert cosine_of_angle(u, v).answer.to_float() == pytest.approx(cosine)
    expected = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    assert angle_between(u, v).answer == pytest.approx(expected, abs=1e-4)


@settings(max_examples=200)
@given(pairs)
def test_projection_leaves_a_perpendicular_remainder(pair: tuple[Vector, Vector]) -> None:
    u, w = pair
    if w.is_zero():
        with pytest.raises(NotSolvable):
            projection(u, w)
        return
    p = projection(u, w).answer
    assert (u - p).dot(w) == 0


@pytest.mark.parametrize("degrees", sorted(SPECIAL_ANGLES))
def test_geometric_dot_product_uses_exact_cosines(degrees: int) -> None:
    value = dot_from_angle(Fraction(3), Fraction(4), degrees).answer
    assert value.to_float() == pytest.approx(12 * math.cos(math.radians(degrees)), abs=1e-12)


def test_special_angles_come_out_exact() -> None:
    assert angle_between(Vector.of([1, 0]), Vector.of([-1, 1])).answer == 135.0
    assert angle_between(Vector.of([1, 2]), Vector.of([-2, 1])).answer == 90.0


def test_sizes_must_match() -> None:
    with pytest.raises(NotSolvable, match="same size"):
        dot_product(Vector.of([1, 2]), Vector.of([1, 2, 3]))


@settings(max_examples=200)
@given(st.integers(-(10**6), 10**6), st.integers(1, 10**4))
def test_surd_square_roots_square_back(p: int, q: int) -> None:
    value = Fraction(p, q)
    root = Surd.sqrt(value)
    assert root * root == Surd(value)
    if value >= 0:
        assert root.to_float() == pytest.approx(math.sqrt(value))


@settings(max_examples=200)
@given(small_fractions, small_fractions, st.sampled_from([2, 3, 5, -1, -3]), small_fractions)
def test_surd_arithmetic_matches_complex(a: Fraction, b: Fraction, d: int, c: Fraction) -> None:
    x = Surd(a, b, d)
    y = Surd(c, a, d)
    zx, zy = x.to_complex(), y.to_complex()
    assert (x + y).to_complex() == pytest.approx(zx + zy)
    assert (x * y).to_complex() == pytest.approx(zx * zy)
    if y != Surd(Fraction(0)):
        assert (x / y).to_complex() == pytest.approx(zx / zy)
