"""NUMBER answers: every accepted form, every rejected form with its message."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mlmath.answers import AnswerError, AnswerFormat, Kind, TooLarge, Verdict, compare, parse, show

NUMBER = AnswerFormat(Kind.NUMBER)
PERCENT = AnswerFormat(Kind.NUMBER, percent_allowed=True)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("3", Fraction(3)),
        ("-7", Fraction(-7)),
        ("+7", Fraction(7)),
        ("0.25", Fraction(1, 4)),
        (".5", Fraction(1, 2)),
        ("3/4", Fraction(3, 4)),
        ("-1/2", Fraction(-1, 2)),
        ("1/-2", Fraction(-1, 2)),
        ("-(-3)", Fraction(3)),
        ("− 1/2", Fraction(-1, 2)),
        ("2.5e-3", Fraction(1, 400)),
        ("2.5E3", Fraction(2500)),
        ("2.5×10^-3", Fraction(1, 400)),
        ("2.5 × 10⁻³", Fraction(1, 400)),
        ("2.5*10^(-3)", Fraction(1, 400)),
        ("(1/2)^3", Fraction(1, 8)),
        ("2^-3", Fraction(1, 8)),
        ("2^3^2", Fraction(512)),
        ("-2^2", Fraction(-4)),
        ("sqrt(9/4)", Fraction(3, 2)),
        ("√16", Fraction(4)),
        ("8^(2/3)", Fraction(4)),
        ("１/２", Fraction(1, 2)),
        ("1 / 2", Fraction(1, 2)),
        ("0.1 + 0.2", Fraction(3, 10)),
        ("2(3 + 1)", Fraction(8)),
        ("abs(-3)", Fraction(3)),
        ("6 ÷ 4", Fraction(3, 2)),
    ],
)
def test_rational_numbers_are_read_exactly(typed: str, value: Fraction) -> None:
    read = parse(typed, NUMBER)
    assert isinstance(read, Fraction)
    assert read == value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("sqrt(2)/2", math.sqrt(2) / 2),
        ("√5", math.sqrt(5)),
        ("2π", 2 * math.pi),
        ("2pi", 2 * math.pi),
        ("pi/4", math.pi / 4),
        ("e^2", math.e**2),
        ("e^-1", math.exp(-1)),
        ("exp(2)", math.exp(2)),
        ("ln(3)", math.log(3)),
        ("log(3)", math.log(3)),
        ("log10(1000)", 3.0),
        ("1/sqrt(2)", 1 / math.sqrt(2)),
        ("2^(1/2)", math.sqrt(2)),
        ("sin(pi/6)", 0.5),
        ("3√2", 3 * math.sqrt(2)),
    ],
)
def test_irrational_constants_become_floats(typed: str, value: float) -> None:
    read = parse(typed, NUMBER)
    assert read == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("typed", ["50%", "50 %", "0.5", "1/2", "50/100"])
def test_percent_is_read_where_a_proportion_is_asked(typed: str) -> None:
    assert compare(Fraction(1, 2), parse(typed, PERCENT), PERCENT) is Verdict.EQUAL


@pytest.mark.parametrize(
    ("typed", "message", "position"),
    [
        ("50%", "Percent signs are not accepted here", 2),
        ("", "empty", None),
        ("   ", "empty", None),
        ("2 3", "Put an operator between the two numbers", 2),
        ("2x", "'x' cannot be read as a number", 1),
        ("1/0", "no real value", None),
        ("sqrt(-1)", "no real value", None),
        ("ln(0)", "no real value", None),
        ("0^-1", "no real value", None),
        ("2+", "stops after '+'", 1),
        ("*2", "'*' is not expected here", 0),
        ("3)", "without a matching '('", 1),
        ("(3", "never closed", 0),
        ("0,5", "Use a point for decimals", 1),
        ("1, 2", "',' is not expected here", 1),
        ("sin 3", "Put the argument of sin in parentheses", 4),
        ("2 = 2", "=", None),
        ("hello", "'hello' cannot be read as a number", 0),
        ("x + 1", "cannot be read as a number", 0),
        ("__import__('os').system('ls')", "cannot be read", None),
    ],
)
def test_unreadable_numbers_say_what_to_type(
    typed: str, message: str, position: int | None
) -> None:
    with pytest.raises(AnswerError) as caught:
        parse(typed, NUMBER)
    assert message in caught.value.message
    if position is not None:
        assert caught.value.position == position


@pytest.mark.parametrize(
    "typed",
    [
        "9^9^9",
        "2^100000",
        "1e999999",
        "1e-999999",
        "10^10^10",
        "(10^7)^(10^7)",
        "9" * 100,
        "exp(1000)",
        "e^(10^6)",
        "2^(2^(2^(2^(2^2))))",
        "----" * 200 + "1",
        "1" + "+1" * 999,
        "(((" * 12 + "1" + ")))" * 12,
    ],
)
def test_resource_attacks_are_too_large_not_slow(typed: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse(typed, NUMBER)
    assert isinstance(caught.value, TooLarge) or "too" in caught.value.message


@pytest.mark.parametrize(
    ("expected", "typed", "fmt", "verdict"),
    [
        (Fraction(1, 2), "0.5", NUMBER, Verdict.EQUAL),
        (Fraction(1, 2), "2/4", NUMBER, Verdict.EQUAL),
        (Fraction(1, 3), "0.333", NUMBER, Verdict.DIFFERENT),
        (Fraction(1, 3), "0.33", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.EQUAL),
        (Fraction(1, 3), "0.3", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.DIFFERENT),
        (Fraction(1, 3), "1/3", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.EQUAL),
        (Fraction(1, 8), "0.13", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.EQUAL),
        (Fraction(1, 8), "0.12", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.EQUAL),
        (Fraction(1, 8), "0.14", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.DIFFERENT),
        (math.sqrt(2) / 2, "sqrt(2)/2", NUMBER, Verdict.EQUAL),
        (math.sqrt(2) / 2, "1/sqrt(2)", NUMBER, Verdict.EQUAL),
        (math.sqrt(2) / 2, "0.7071", NUMBER, Verdict.DIFFERENT),
        (math.sqrt(2) / 2, "0.71", AnswerFormat(Kind.NUMBER, decimals=2), Verdict.EQUAL),
        (0.1, "1/10", NUMBER, Verdict.EQUAL),
        (3, "3.0", NUMBER, Verdict.EQUAL),
        (100.0, "101", AnswerFormat(Kind.NUMBER, relative_tolerance=0.02), Verdict.EQUAL),
        (100.0, "103", AnswerFormat(Kind.NUMBER, relative_tolerance=0.02), Verdict.DIFFERENT),
        (2.0, "2.04", AnswerFormat(Kind.NUMBER, absolute_tolerance=0.05), Verdict.EQUAL),
    ],
)
def test_numbers_compare_exactly_or_within_the_stated_precision(
    expected: object, typed: str, fmt: AnswerFormat, verdict: Verdict
) -> None:
    assert compare(expected, parse(typed, fmt), fmt) is verdict


@given(st.fractions(max_denominator=10**6).filter(lambda f: abs(f.numerator) < 10**12))
def test_fractions_round_trip_exactly(value: Fraction) -> None:
    read = parse(show(value, NUMBER), NUMBER)
    assert read == value
    assert compare(value, read, NUMBER) is Verdict.EQUAL


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_floats_round_trip_within_tolerance(value: float) -> None:
    assert compare(value, parse(show(value, NUMBER), NUMBER), NUMBER) is Verdict.EQUAL


@given(
    st.integers(-(10**6), 10**6),
    st.integers(1, 10**6),
    st.integers(-(10**6), 10**6),
    st.integers(1, 10**6),
)
def test_fraction_arithmetic_matches_python(a: int, b: int, c: int, d: int) -> None:
    typed = f"{a}/{b} + ({c})/{d}"
    assert parse(typed, NUMBER) == Fraction(a, b) + Fraction(c, d)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-1e9, max_value=1e9))
def test_decimals_are_exact_fractions(value: object) -> None:
    assert parse(str(value), NUMBER) == Fraction(str(value))


@given(
    st.from_regex(
        r"[ \n]{0,2}-?[ \n]{0,2}(\d{1,30}\.?\d{0,30}|\.\d{1,30})[ \n]{0,2}", fullmatch=True
    )
)
@example(" -" + "0" * 41)  # too many digits: refused the same way
def test_a_lone_number_is_read_exactly_as_the_grammar_reads_it(typed: str) -> None:
    """Lone numbers skip the parser; the tree (ops, values, positions) is the grammar's."""
    from mlmath.answers.reader import _lone_number, _parser

    def shape(node: Any) -> Any:
        return (node.op, node.value, node.position, tuple(shape(a) for a in node.args))

    def outcome(read: Callable[[str], Any]) -> Any:
        try:
            return shape(read(typed))
        except TooLarge as error:  # too many digits: the same refusal either way
            return (error.message, error.position)

    assert outcome(_lone_number) == outcome(_parser().parse)


def test_a_lone_number_with_too_many_digits_is_refused_like_any_other() -> None:
    with pytest.raises(TooLarge) as fast:
        parse("1" * 5000, NUMBER)
    with pytest.raises(TooLarge) as parsed:
        parse("(" + "1" * 5000 + ")", NUMBER)
    assert fast.value.message == parsed.value.message
