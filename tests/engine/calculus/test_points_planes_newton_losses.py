"""The derivative at a point, Newton's update formula, flat points of f(x, y), tangent planes,
a network's parameter count and the log loss — each checked against SymPy, NumPy or SciPy."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.special import xlogy

from mlmath.engine.calculus.log_loss import log_loss_slope, log_loss_value
from mlmath.engine.calculus.network_size import parameter_count
from mlmath.engine.calculus.slope_at_point import derivative_at
from mlmath.engine.calculus.stationary_points import stationary_point
from mlmath.engine.calculus.tangent_plane import tangent_plane
from mlmath.exercises.calculus.functions import read_function
from mlmath.exercises.registry import get

x_, y_ = sympy.symbols("x y")
coefficient = st.integers(-9, 9)


def polynomial_text(coefficients: list[int], variable: str = "x") -> str:
    terms = [f"({c})*{variable}^{k}" for k, c in enumerate(coefficients) if c]
    return " + ".join(terms) or "0"


@settings(max_examples=60, deadline=None)
@given(st.lists(coefficient, min_size=2, max_size=5), st.integers(-4, 4))
def test_the_derivative_at_a_point_agrees_with_sympy(coefficients: list[int], a: int) -> None:
    text = polynomial_text(coefficients)
    assume(any(coefficients[1:]))
    value = derivative_at(read_function(text), Fraction(a)).answer
    assert value == sympy.diff(sympy.sympify(text.replace("^", "**")), x_).subs(x_, a)


@pytest.mark.parametrize(
    ("text", "a"), [("x^2*exp(3x) + 1/x", 1), ("ln(x)*x^2", 2), ("(2x - 1)^3", -1), ("sqrt(x)", 4)]
)
def test_the_derivative_of_other_functions_at_a_point_agrees_with_sympy(text: str, a: int) -> None:
    value = derivative_at(read_function(text), Fraction(a)).answer
    f = sympy.sympify(
        text.replace("^", "**").replace("ln", "log").replace("3x", "3*x").replace("2x", "2*x")
    )
    assert float(value) == pytest.approx(float(sympy.diff(f, x_).subs(x_, a)))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(coefficient, min_size=3, max_size=5),
    st.sampled_from(["root", "minimum"]),
    st.integers(-5, 5),
)
def test_newtons_update_formula_is_one_newton_step(
    coefficients: list[int], goal: str, at: int
) -> None:
    text = polynomial_text(coefficients)
    f = sympy.sympify(text.replace("^", "**"))
    g = f if goal == "root" else sympy.diff(f, x_)
    slope = sympy.diff(g, x_)
    assume(slope != 0 and slope.subs(x_, at) != 0)
    formula = get("calculus.newton_formula").solve({"function": text, "goal": goal}).answer
    step = at - g.subs(x_, at) / slope.subs(x_, at)
    assert formula.evaluate({"x": float(at)}) == pytest.approx(float(step))


@st.composite
def quadratics(draw: st.DrawFn) -> str:
    a, b, c = draw(coefficient), draw(coefficient), draw(coefficient)
    d, e, k = draw(coefficient), draw(coefficient), draw(coefficient)
    assume(4 * a * c - b * b != 0)
    return f"({a})x^2 + ({b})x*y + ({c})y^2 + ({d})x + ({e})y + ({k})"


@settings(max_examples=60, deadline=None)
@given(quadratics())
def test_the_flat_point_has_zero_gradient_and_the_hessian_type(text: str) -> None:
    found = stationary_point(read_function(text, ("x", "y"))).answer
    f = sympy.sympify(text.replace("^", "**").replace(")x", ")*x").replace(")y", ")*y"))
    where = {x_: found.point[0], y_: found.point[1]}
    assert sympy.diff(f, x_).subs(where) == 0
    assert sympy.diff(f, y_).subs(where) == 0
    curvatures = np.linalg.eigvalsh(np.array(sympy.hessian(f, (x_, y_)), dtype=float))
    expected = (
        "minimum" if min(curvatures) > 0 else "maximum" if max(curvatures) < 0 else "saddle point"
    )
    assert found.kind == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(coefficient, min_size=6, max_size=6), st.integers(-3, 3), st.integers(-3, 3))
def test_the_tangent_plane_touches_the_surface_with_its_slopes(
    c: list[int], a: int, b: int
) -> None:
    text = f"({c[0]})x^3 + ({c[1]})x^2*y + ({c[2]})y^2 + ({c[3]})x*y + ({c[4]})x + ({c[5]})"
    plane = tangent_plane(read_function(text, ("x", "y")), (Fraction(a), Fraction(b))).answer
    f = sympy.sympify(
        f"({c[0]})*x**3 + ({c[1]})*x**2*y + ({c[2]})*y**2 + ({c[3]})*x*y + ({c[4]})*x + ({c[5]})"
    )
    where = {x_: a, y_: b}
    expected = (
        f.subs(where)
        + sympy.diff(f, x_).subs(where) * (x_ - a)
        + sympy.diff(f, y_).subs(where) * (y_ - b)
    )
    for px, py in ((0, 0), (1, 2), (-3, 5)):
        assert plane.evaluate({"x": Fraction(px), "y": Fraction(py)}) == expected.subs(
            {x_: px, y_: py}
        )


@given(st.lists(st.integers(1, 300), min_size=2, max_size=6))
def test_the_parameter_count_is_the_size_of_every_weight_and_bias_array(sizes: list[int]) -> None:
    arrays = [np.zeros((n, m)) for m, n in itertools.pairwise(sizes)] + [
        np.zeros(n) for n in sizes[1:]
    ]
    assert parameter_count(sizes).answer == sum(a.size for a in arrays)


@given(
    st.integers(1, 60).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))),
    st.integers(1, 99),
)
def test_the_log_loss_and_its_slope_agree_with_scipy_and_sympy(
    trials_successes: tuple[int, int], hundredths: int
) -> None:
    n, k = trials_successes
    p = Fraction(hundredths, 100)
    expected = -(xlogy(k, float(p)) + xlogy(n - k, 1 - float(p)))
    assert log_loss_value(k, n, p).answer == pytest.approx(expected, rel=1e-12)
    q = sympy.Symbol("q")
    loss = -k * sympy.log(q) - (n - k) * sympy.log(1 - q)
    assert log_loss_slope(k, n, p).answer == sympy.diff(loss, q).subs(
        q, sympy.Rational(hundredths, 100)
    )


def test_the_log_loss_is_smallest_where_its_slope_is_zero() -> None:
    assert log_loss_slope(7, 10, Fraction(7, 10)).answer == 0
    values = [log_loss_value(7, 10, Fraction(h, 100)).answer for h in (60, 70, 80)]
    assert values[1] < values[0]
    assert values[1] < values[2]
    assert math.isclose(log_loss_value(7, 10, Fraction(1, 2)).answer, 10 * math.log(2))
