"""Formulas that differ only in where their signs and brackets sit are the same answer,
found without probing; and a shared key never joins two different functions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.answers.evaluate import Undefined, float_value
from mlmath.answers.expression import expression
from mlmath.answers.probe import Outcome, _signed, compare_formulas


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("-2x^3", "(-2)x^3"),
        ("-(2x^3)", "-2*x^3"),
        ("-(6x - 3)/(3x^2 + 1)", "(-(6x - 3))/(3x^2 + 1)"),
        ("4x*y", "4(x*y)"),
        ("a - b", "a + (-b)"),
        ("x^(-2)", "x^-2"),
        ("-12xy - 5e^x - 1", "(-12)(x*y) - 5*e^x - 1"),
    ],
)
def test_signs_and_grouping_do_not_change_the_key(first: str, second: str) -> None:
    names = ("x", "y", "a", "b")
    one, other = expression(first, names).root, expression(second, names).root
    assert _signed(one) == _signed(other)
    assert compare_formulas(one, other, names) is Outcome.SAME


@pytest.mark.parametrize(
    ("first", "second"),
    [("-2x", "2x"), ("x - y", "y - x"), ("x/y", "y/x"), ("(x + 1)^2", "x^2 + 1"), ("2^x", "x^2")],
)
def test_different_functions_have_different_keys(first: str, second: str) -> None:
    names = ("x", "y")
    assert _signed(expression(first, names).root) != _signed(expression(second, names).root)


ATOMS = ["x", "y", "2", "3", "(-2)", "1/2", "e"]
OPERATORS = ["+", "-", "*", "/"]


@st.composite
def _formula(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(st.sampled_from(ATOMS))
    shape = draw(st.integers(0, 3))
    left, right = draw(_formula(depth + 1)), draw(_formula(depth + 1))
    if shape == 0:
        return f"-({left})"
    if shape == 1:
        return f"({left})^2"
    return f"({left}){draw(st.sampled_from(OPERATORS))}({right})"


def _value(text: str, point: dict[str, float]) -> float | None:
    try:
        return float_value(expression(text, ("x", "y")).root, point)
    except Undefined:
        return None


@settings(max_examples=400, deadline=None)
@given(_formula(), _formula())
def test_equal_keys_mean_equal_functions(first: str, second: str) -> None:
    one, other = expression(first, ("x", "y")).root, expression(second, ("x", "y")).root
    if _signed(one) != _signed(other):
        return
    for point in ({"x": 1.7, "y": -0.3}, {"x": -2.2, "y": 3.1}, {"x": 0.4, "y": 0.9}):
        a, b = _value(first, point), _value(second, point)
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
