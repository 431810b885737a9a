"""Where a derivative exists: the verdict for each picture, and steps a beginner can read."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from mlmath.engine import render
from mlmath.engine.calculus.existence import derivative_exists
from mlmath.exercises.calculus.functions import read_function

E_NOTATION = re.compile(r"\de[-+]?\d")


@pytest.mark.parametrize(
    ("function", "point", "verdict"),
    [
        ("x^2", 0, "exists"),
        ("3(x - 2)^2 + x^3 - 4x", 2, "exists"),
        ("abs(x)", 0, "corner"),
        ("4abs(x + 3) - 7", -3, "corner"),
        ("x^(1/3)", 0, "vertical"),
        ("3(x - 2)^(1/3) + 6", 2, "vertical"),
        ("9(x + 5)^(1/3) - 3x^2 + 4x - 16", -5, "vertical"),
        ("abs(x)/x", 0, "jump"),
        ("2abs(x - 1)/(x - 1) + 3", 1, "jump"),
        ("1/x", 0, "jump"),
    ],
)
def test_verdicts(function: str, point: int, verdict: str) -> None:
    assert derivative_exists(read_function(function), "x", Fraction(point)).answer == verdict


@pytest.mark.parametrize(
    ("function", "point"),
    [("x^2", 0), ("2(x - 2)^2", 2), ("x^3", 0), ("12345.6 + abs(x)/x", 0), ("x^(1/3)", 0)],
)
def test_numbers_are_written_as_a_person_writes_them(function: str, point: int) -> None:
    solution = derivative_exists(read_function(function), "x", Fraction(point))
    for shown in (render.solution_text(solution), render.solution_latex(solution)):
        assert not E_NOTATION.search(shown), shown


def test_a_smooth_turning_point_names_the_slope_both_sides_approach() -> None:
    text = render.solution_text(derivative_exists(read_function("2(x - 2)^2"), "x", Fraction(2)))
    assert "left ≈ -0.000002, right ≈ 0.000002" in text
    assert "approach the same finite value, f′(2) ≈ 0: the derivative exists" in text
