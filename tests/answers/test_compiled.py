"""A compiled formula gives float_value's values bit for bit, and is undefined where it is."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.answers.compiled import float_function
from mlmath.answers.evaluate import Undefined, float_value
from mlmath.answers.expression import expression

FORMULAS = [
    "x^2 + 1/x",
    "sqrt(x) - ln(y)",
    "e^(-x^2)*sin(3x) + cos(y)/tan(x)",
    "(x - 1)^(-2) + x^0.5",
    "log2(x) + log10(y) + abs(x - y)",
    "asin(x/4) + acos(y/50) + atan(x)",
    "sinh(x) + cosh(y) - tanh(x y)",
    "1e300 * 1e300 * x",
    "50% x + 5!",
    "C(10, 3) + x",
    "(-x)^(1/3)",
    "0^(-x)",
    "exp(exp(x))",
]


def _outcome(function: object, point: dict[str, float]) -> tuple[str, float | None]:
    assert callable(function)
    try:
        value = function(point)
    except Undefined:
        return "undefined", None
    return "value", value


@pytest.mark.parametrize("text", FORMULAS)
@settings(max_examples=60, deadline=None)
@given(
    x=st.floats(-60, 60, allow_nan=False) | st.sampled_from([0.0, 1.0, -1.0, 4.0]),
    y=st.floats(-60, 60, allow_nan=False) | st.sampled_from([0.0, 1.0, 50.0]),
)
def test_a_compiled_formula_is_float_value(text: str, x: float, y: float) -> None:
    node = expression(text, ("x", "y")).root
    point = {"x": x, "y": y}
    compiled = _outcome(float_function(node), point)
    reference = _outcome(lambda p: float_value(node, p), point)
    assert compiled[0] == reference[0]
    if compiled[1] is not None and reference[1] is not None:
        assert compiled[1] == reference[1] or (math.isnan(compiled[1]) and math.isnan(reference[1]))
