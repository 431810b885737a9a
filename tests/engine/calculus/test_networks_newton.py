"""Perceptron and backpropagation against finite differences; Newton's method against SymPy."""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine.calculus.backpropagation import PARAMETERS, Network, numerical_partial, partial
from mlmath.engine.calculus.expression import Var, add, const, mul, power
from mlmath.engine.calculus.newton import hessian_at, newton_minimise, newton_root, newton_step_2d
from mlmath.engine.calculus.perceptron import (
    classification_step,
    log_loss,
    regression_step,
    sigmoid,
    sigmoid_derivative,
)

small = st.integers(-3, 3)
weights = st.floats(-2, 2, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.floats(-8, 8, allow_nan=False))
def test_sigmoid_slope_matches_a_finite_difference(z: float) -> None:
    h = 1e-6
    numeric = (float(sigmoid(z + h)) - float(sigmoid(z - h))) / (2 * h)
    assert math.isclose(float(sigmoid_derivative(z).answer), numeric, abs_tol=1e-8)


@settings(max_examples=60, deadline=None)
@given(st.lists(small, min_size=1, max_size=3), small, small, st.sampled_from([0, 1]))
def test_perceptron_updates_follow_the_loss_gradient(
    x: list[int], bias: int, y_value: int, label: int
) -> None:
    xs = tuple(Fraction(v) for v in x)
    w = tuple(Fraction(1) for _ in xs)
    rate = Fraction(1, 10)
    new = regression_step(xs, Fraction(y_value), w, Fraction(bias), rate).answer
    z = sum(a * b for a, b in zip(w, xs, strict=True)) + bias
    assert new[-1] == bias - rate * (z - y_value)  # ∂(½(z − y)²)/∂b = z − y
    stepped = classification_step(xs, label, w, Fraction(bias), rate).answer
    h = 1e-6
    loss_at = lambda b: log_loss(sigmoid(float(z - bias) + b), label)  # noqa: E731
    slope = (loss_at(bias + h) - loss_at(bias - h)) / (2 * h)
    assert math.isclose(float(stepped[-1]), bias - 0.1 * slope, abs_tol=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(weights, min_size=2, max_size=2), min_size=2, max_size=3),
    st.lists(weights, min_size=3, max_size=3),
    st.lists(weights, min_size=2, max_size=2),
    st.sampled_from([0, 1]),
    st.sampled_from(PARAMETERS),
)
def test_backpropagation_matches_finite_differences(
    hidden: list[list[float]], output: list[float], x: list[float], y: int, parameter: str
) -> None:
    n = len(hidden)
    net = Network(tuple(map(tuple, hidden)), tuple(output[:n]), tuple(output[:n]), output[-1])
    for unit in range(1, n + 1):
        exact = partial(net, x, y, parameter, unit=unit, source=2).answer
        numeric = numerical_partial(net, x, y, parameter, unit=unit, source=2)
        assert math.isclose(exact, numeric, abs_tol=1e-7)


X, Y = Var("x"), Var("y")
SX, SY = sp.symbols("x y")


@settings(max_examples=40, deadline=None)
@given(small, small, st.integers(1, 4), st.integers(-3, 3))
def test_newton_steps_match_sympy(a: int, b: int, lead: int, start: int) -> None:
    f = add(mul(const(lead), power(X, const(3))), mul(const(a), X), const(b))
    g = lead * SX**3 + a * SX + b
    slope = sp.diff(g, SX).subs(SX, start)
    if slope != 0:
        expected = start - g.subs(SX, start) / slope
        assert newton_root(f, "x", Fraction(start), 1).answer == Fraction(str(expected))
    curvature = sp.diff(g, SX, 2).subs(SX, start)
    if curvature != 0:
        expected = start - slope / curvature
        assert newton_minimise(f, "x", Fraction(start), 1).answer == Fraction(str(expected))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), small, small, small, small, small)
def test_hessian_and_newton_step_match_sympy(  # noqa: PLR0917 - Hypothesis draws each
    a: int, c: int, b: int, d: int, e: int, px: int, py: int
) -> None:
    f = add(
        mul(const(a), power(X, const(2))),
        mul(const(b), mul(X, Y)),
        mul(const(c), power(Y, const(2))),
        mul(const(d), power(X, const(3))),
        mul(const(e), Y),
    )
    g = a * SX**2 + b * SX * SY + c * SY**2 + d * SX**3 + e * SY
    point = (Fraction(px), Fraction(py))
    h = sp.hessian(g, (SX, SY)).subs({SX: px, SY: py})
    ours = hessian_at(f, ("x", "y"), point).answer
    assert [[Fraction(str(v)) for v in row] for row in h.tolist()] == [list(r) for r in ours.rows]
    if h.det() != 0:
        grad = sp.Matrix([sp.diff(g, v) for v in (SX, SY)]).subs({SX: px, SY: py})
        expected = sp.Matrix([px, py]) - h.inv() * grad
        step = newton_step_2d(f, ("x", "y"), point).answer
        assert list(step.entries) == [Fraction(str(v)) for v in expected]
