"""Towers of powers are refused before evaluation; functions with restricted domains are
compared where the answer is defined."""

from __future__ import annotations

import pytest

from mlmath.answers import AnswerFormat, Kind, TooLarge, Verdict, compare, parse
from mlmath.answers.expression import expression

FORMAT = AnswerFormat(Kind.EXPRESSION, variables=("x",))


@pytest.mark.parametrize(
    "text",
    ["9^9^9", "9^9^9^9", "(10^7)^(10^7)", "x^(9^9)", "exp(800)", "e^900 x", "2^1000", "1^11e308"],
)
def test_power_towers_are_too_large_to_check(text: str) -> None:
    with pytest.raises(TooLarge, match="too large to check"):
        parse(text, FORMAT)


@pytest.mark.parametrize("text", ["2^10 x", "e^3 + x", "x^100", "exp(-800) + x", "10^299 x"])
def test_large_but_reasonable_powers_are_read(text: str) -> None:
    parse(text, FORMAT)


@pytest.mark.parametrize(
    ("expected", "given", "verdict"),
    [
        ("2x", "ln(x - 5)", Verdict.DIFFERENT),
        ("1/(x - 50)", "ln(x - 50)", Verdict.DIFFERENT),
        ("ln(x - 50)", "ln(x - 50)", Verdict.EQUAL),
        ("sqrt(x - 10)", "(x - 10)^(1/2)", Verdict.EQUAL),
        ("1/(2 sqrt(x - 10))", "0.5 (x - 10)^(-1/2)", Verdict.EQUAL),
        ("2 ln(x)", "ln(x^2)", Verdict.EQUAL),  # equal wherever the answer is defined
        ("ln(x^2)", "2 ln(x)", Verdict.DIFFERENT),  # the answer is defined for x < 0 too
        ("ln(x - 300)", "ln(x - 300) + 0.001", Verdict.DIFFERENT),
    ],
)
def test_restricted_domains(expected: str, given: str, verdict: Verdict) -> None:
    assert compare(expression(expected, ("x",)), parse(given, FORMAT), FORMAT) is verdict


def test_numbers_beyond_floating_point_are_compared_without_crashing() -> None:
    given = parse("11e308 x", FORMAT)
    assert compare(expression("2x", ("x",)), given, FORMAT) in (
        Verdict.DIFFERENT,
        Verdict.UNDECIDED,
    )
