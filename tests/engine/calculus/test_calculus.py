"""Derivatives against SymPy, gradient descent against a NumPy loop, minima against closed forms."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import (
    Const,
    Expr,
    Func,
    Undefined,
    Var,
    add,
    const,
    div,
    mul,
    power,
)
from mlmath.engine.calculus.gradient import gradient_at
from mlmath.engine.calculus.gradient_descent import StoppingRule, gradient_descent_1d, iterates_2d
from mlmath.engine.calculus.optimisation import (
    critical_points,
    least_squares_line,
    log_loss_minimum,
    squared_loss_minimum,
)
from mlmath.exercises.calculus.functions import to_node

X = Var("x")
SX = sp.Symbol("x")


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> Expr:
    if depth == 0 or draw(st.booleans()):
        if draw(st.booleans()):
            return X
        return const(draw(st.integers(-5, 5)))
    kind = draw(st.sampled_from(["+", "*", "/", "^", "exp", "ln", "sin", "cos", "sigmoid"]))
    a = draw(expressions(depth - 1))
    if kind in ("exp", "sin", "cos", "sigmoid"):
        return Func(kind, a)
    if kind == "ln":
        return Func("ln", add(power(a, const(2)), const(1)))
    if kind == "^":
        exponent = draw(st.integers(-3, 4))
        assume(not (isinstance(a, Const) and a.value == 0 and exponent < 0))  # 0⁻¹: no function
        return power(a, const(exponent))
    b = draw(expressions(depth - 1))
    if kind == "+":
        return add(a, b)
    if kind == "*":
        return mul(a, b)
    return div(a, add(power(b, const(2)), const(1)))


def to_sympy(f: Expr) -> sp.Expr:
    from mlmath.answers.expression import Expression

    return Expression(to_node(f), ("x",)).to_sympy()


@settings(max_examples=150, deadline=None)
@given(expressions(), st.floats(-2, 2))
def test_derivative_agrees_with_sympy(f: Expr, at: float) -> None:
    ours = derivative(f).answer
    sf = to_sympy(f)
    x = next((s for s in sf.free_symbols if s.name == "x"), SX)
    theirs = sp.lambdify(x, sp.diff(sf, x), "math")
    try:
        expected = float(theirs(at))
        got = float(ours.evaluate({"x": at}))
    except (Undefined, ZeroDivisionError, OverflowError, ValueError):
        return
    if math.isfinite(expected) and abs(expected) < 1e8:
        assert got == pytest.approx(expected, rel=1e-6, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=3, max_size=3), st.integers(-3, 3), st.integers(-3, 3))
def test_gradient_at_a_point_agrees_with_sympy(c: list[int], px: int, py: int) -> None:
    y = Var("y")
    f = add(
        mul(const(c[0]), mul(power(X, const(2)), y)),
        mul(const(c[1]), power(y, const(3))),
        mul(const(c[2]), X),
    )
    g = gradient_at(f, ("x", "y"), (Fraction(px), Fraction(py))).answer
    sx, sy = sp.symbols("x y")
    sf = c[0] * sx**2 * sy + c[1] * sy**3 + c[2] * sx
    assert list(g) == [sp.diff(sf, v).subs({sx: px, sy: py}) for v in (sx, sy)]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 4),
    st.integers(-9, 9),
    st.integers(-5, 5),
    st.sampled_from([0.01, 0.05, 0.1]),
    st.integers(1, 20),
)
def test_gradient_descent_1d_matches_a_numpy_loop(
    a: int, b: int, x0: int, alpha: float, steps: int
) -> None:
    f = add(mul(const(a), power(X, const(2))), mul(const(b), X))
    rate = Fraction(str(alpha))
    ours = gradient_descent_1d(f, "x", Fraction(x0), rate, StoppingRule(steps)).answer
    x = np.float64(x0)
    for _ in range(steps):
        x = x - alpha * (2 * a * x + b)
    assert float(ours) == pytest.approx(float(x), rel=1e-9, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 4), st.integers(1, 4), st.integers(-5, 5), st.integers(-5, 5), st.integers(1, 15)
)
def test_gradient_descent_2d_matches_a_numpy_loop(
    a: int, b: int, x0: int, y0: int, steps: int
) -> None:
    fx = mul(const(2 * a), X)
    fy = mul(const(2 * b), Var("y"))
    points = iterates_2d(
        (fx, fy), ("x", "y"), (Fraction(x0), Fraction(y0)), Fraction(1, 20), StoppingRule(steps)
    )
    p = np.array([x0, y0], dtype=float)
    for _ in range(steps):
        p = p - 0.05 * np.array([2 * a * p[0], 2 * b * p[1]])
    assert np.allclose([float(v) for v in points[-1]], p)


@settings(max_examples=100, deadline=None)
@given(st.integers(-6, 5), st.integers(1, 6), st.sampled_from([1, -1]))
def test_critical_points_of_a_cubic_agree_with_scipy(r1: int, gap: int, sign: int) -> None:
    from scipy.optimize import minimize_scalar

    r2 = r1 + gap
    # f′(x) = 6·sign·(x − r1)(x − r2)
    f = mul(
        const(sign),
        add(
            mul(const(2), power(X, const(3))),
            mul(const(-3 * (r1 + r2)), power(X, const(2))),
            mul(const(6 * r1 * r2), X),
        ),
    )
    points = critical_points(f).answer
    minimum = next(p.x for p in points if p.kind == "minimum")
    result = minimize_scalar(
        lambda t: float(f.evaluate({"x": t})),
        bounds=(minimum - gap / 2, minimum + gap / 2),
        method="bounded",
    )
    assert float(minimum) == pytest.approx(result.x, abs=1e-4)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-50, 50), min_size=1, max_size=8))
def test_squared_loss_is_smallest_at_the_mean(data: list[int]) -> None:
    assert squared_loss_minimum([Fraction(v) for v in data]).answer == Fraction(
        sum(data), len(data)
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 500).flatmap(lambda n: st.tuples(st.integers(1, n - 1), st.just(n))))
def test_log_loss_is_smallest_at_the_proportion(kn: tuple[int, int]) -> None:
    from scipy.optimize import minimize_scalar

    k, n = kn
    p = log_loss_minimum(k, n).answer
    result = minimize_scalar(
        lambda q: -k * math.log(q) - (n - k) * math.log(1 - q),
        bounds=(1e-9, 1 - 1e-9),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert float(p) == pytest.approx(result.x, abs=1e-5)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-9, 9), st.integers(-9, 9)),
        min_size=2,
        max_size=6,
        unique_by=lambda p: p[0],
    )
)
def test_least_squares_line_agrees_with_numpy(points: list[tuple[int, int]]) -> None:
    m, b = least_squares_line(
        [Fraction(x) for x, _ in points], [Fraction(y) for _, y in points]
    ).answer
    slope, intercept = np.polyfit([x for x, _ in points], [y for _, y in points], 1)
    assert float(m) == pytest.approx(slope, abs=1e-8)
    assert float(b) == pytest.approx(intercept, abs=1e-8)
