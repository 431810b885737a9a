"""Chains of equalities in worked steps say each side once; a statement like 0 = 0 stays."""

from __future__ import annotations

import doctest

import pytest

from mlmath.engine import chains
from mlmath.engine.chains import said_once
from mlmath.engine.solution import Formula


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("p = 7/10 = 7/10", "p = 7/10"),
        ("|v|₂ = √2 = √2", "|v|₂ = √2"),
        ("P = 1/3 = 1/3 ≈ 0.3333", "P = 1/3 ≈ 0.3333"),
        ("rank A = 1 = 1 = rank [A | b], n = 3", "rank A = 1 = rank [A | b], n = 3"),
        ("P(H | E) = 0.1 / 0.4 = 0.25 ≈ 0.25", "P(H | E) = 0.1 / 0.4 ≈ 0.25"),
        ("z = (x − μ)/σ = 9/10 = 9/10 = 0.9", "z = (x − μ)/σ = 9/10 = 0.9"),
        (r"s^2 = \frac{82}{3} = \frac{82}{3} \approx 27.33", r"s^2 = \frac{82}{3} \approx 27.33"),
        ("y - z = -2  ⇒  y = -2  ⇒  y = -2", "y - z = -2  ⇒  y = -2"),
        # nothing repeated, or a statement with two sides: unchanged
        ("det = 0·1 - 0·4 = 0 - 0 = 0", "det = 0·1 - 0·4 = 0 - 0 = 0"),
        ("0 = 0", "0 = 0"),
        ("0 = 0 = 0", "0 = 0"),
        ("P(X = 0) = 1 − 1/2 = 1/2", "P(X = 0) = 1 − 1/2 = 1/2"),
        ("x = 1, y = 1", "x = 1, y = 1"),
        ("f(x = 1) = 1 = 1", "f(x = 1) = 1"),
        ("[0, 1) = [0, 1) = I", "[0, 1) = [0, 1) = I"),
    ],
)
def test_each_side_is_said_once(written: str, read: str) -> None:
    assert said_once(written) == read


def test_a_formula_shows_each_side_once_in_every_format() -> None:
    formula = Formula(r"p = \frac{7}{10} = \frac{7}{10}", "p = 7/10 = 7/10")
    assert formula.text() == "p = 7/10"
    assert formula.latex() == r"p = \frac{7}{10}"
    assert formula.to_json() == {"latex": r"p = \frac{7}{10}", "text": "p = 7/10"}


def test_docstring_examples() -> None:
    assert doctest.testmod(chains).failed == 0
