"""Every right form accepted: sets in any order, intervals as pairs, ranges or centre ± margin,
labelled and bracketed vectors, factorials and binomial coefficients, scientific notation
with x, degrees — each read before anything is computed, each limit still enforced."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlmath.answers import AnswerError, AnswerFormat, Kind, TooLarge, Verdict, compare, parse
from mlmath.engine.exact import Vector

NUMBER = AnswerFormat(Kind.NUMBER)
PAIR = AnswerFormat(Kind.VECTOR, shape=(2,))
INTERVAL = AnswerFormat(Kind.VECTOR, shape=(2,), decimals=2, interval=True)
SET = AnswerFormat(Kind.VECTOR, shape=(2,), unordered=True)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("10!/(3!*7!)", 120),
        ("C(10, 3)", 120),
        ("binom(10,3)", 120),
        ("choose(10, 3)", 120),
        ("10C3", 120),
        ("10 nCr 3", 120),
        ("5!", 120),
        ("0!", 1),
        ("C(3, 5)", 0),
        ("7!/5!", 42),
        ("2.5 x 10^-3", Fraction(1, 400)),
        ("2.5×10⁻³", Fraction(1, 400)),
        ("2.5E-3", Fraction(1, 400)),
        ("33.7°", Fraction(337, 10)),
        ("−3", -3),
        ("√4", 2),
    ],
)
def test_counting_and_notations_are_read(typed: str, value: Fraction | int) -> None:
    assert parse(typed, NUMBER) == value


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("301!", "factorials are accepted up to 300!"),
        ("(10^7)!", "too large"),
        ("C(100000, 500)", "too many digits"),
        ("2.5!", "whole numbers"),
        ("(-3)!", "whole numbers"),
        ("3°4", "cannot be read"),
    ],
)
def test_counting_is_bounded_before_it_is_computed(typed: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse(typed, NUMBER)


def test_a_factorial_of_a_variable_is_refused_in_an_expression() -> None:
    fmt = AnswerFormat(Kind.EXPRESSION, variables=("x",))
    with pytest.raises(AnswerError, match="whole numbers only"):
        parse("x!", fmt)


def test_a_huge_factorial_is_refused_as_too_large() -> None:
    with pytest.raises(TooLarge):
        parse("1000!", NUMBER)


@pytest.mark.parametrize(
    "typed",
    [
        "(46.08, 53.92)",
        "[46.08, 53.92]",
        "46.08 to 53.92",
        "from 46.08 to 53.92",
        "between 46.08 and 53.92",
        "50 ± 3.92",
        "50 +- 3.92",
        "50 +/- 3.92",
        "(50 ± 3.92)",
        "46.08 – 53.92",
        "46.08, 53.92",
        "(53.92, 46.08)",
    ],
)
def test_an_interval_in_every_ordinary_form(typed: str) -> None:
    expected = (46.08, 53.92)
    assert compare(expected, parse(typed, INTERVAL), INTERVAL) is Verdict.EQUAL


@pytest.mark.parametrize(
    ("typed", "message"),
    [("± 3", "centre ± margin"), ("50 ±", "centre ± margin"), ("1, 2, 3", "two ends")],
)
def test_an_unfinished_interval_says_what_is_missing(typed: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse(typed, INTERVAL)


def test_plus_minus_is_read_only_where_an_interval_is_asked() -> None:
    with pytest.raises(AnswerError, match="only where an interval is asked"):
        parse("50 ± 3", NUMBER)


@pytest.mark.parametrize(
    "typed",
    [
        "(2, 1)",
        "[2, 1]",
        "<2, 1>",
        "⟨2, 1⟩",
        "x = 2, y = 1",
        "y = 1, x = 2",
        "2\n1",
        "[2; 1]",
        "x = 2 and y = 1",
        "2 and 1",
    ],
)
def test_a_vector_in_every_ordinary_form(typed: str) -> None:
    assert parse(typed, PAIR) == Vector.of([2, 1])


def test_an_and_left_without_a_value_is_pointed_at() -> None:
    with pytest.raises(AnswerError, match="'and' cannot be read") as caught:
        parse("2 and", PAIR)
    assert caught.value.position == 2


def test_derivative_labels_order_a_gradient() -> None:
    assert parse("∂f/∂y = -28, ∂f/∂x = 4", PAIR) == Vector.of([4, -28])


@pytest.mark.parametrize(
    "typed",
    [
        "(3, -1)",
        "(-1, 3)",
        "{3, -1}",
        "-1, 3",
        "x = 3, x = -1",  # the roots of one unknown, each named
        "λ = -1, λ = 3",  # eigenvalues as the lessons write them
        "λ₁ = 3, λ₂ = -1",
        "lambda_1 = -1, lambda_2 = 3",
        "3 and -1",
        "λ = 3 and λ = -1",
        "λ = 3, -1",  # the unknown named once, before its values
        "x = -1 and 3",
    ],
)
def test_a_set_of_values_in_any_order(typed: str) -> None:
    assert compare(Vector.of([-1, 3]), parse(typed, SET), SET) is Verdict.EQUAL


@pytest.mark.parametrize(("typed", "twice"), [("x = 2, x = 1", "x"), ("x = 2, y = 1, y = 3", "y")])
def test_a_name_given_twice_where_each_entry_has_its_own_is_refused(typed: str, twice: str) -> None:
    with pytest.raises(AnswerError, match=f"'{twice}' is given twice"):
        parse(typed, PAIR if typed.count("=") == 2 else AnswerFormat(Kind.VECTOR, shape=(3,)))


def test_one_label_before_an_ordered_vector_is_not_guessed_at() -> None:
    """``x = 2, 1`` may mean x = 2 and y = 1, or x = (2, 1): where order matters the
    learner is asked to say."""
    with pytest.raises(AnswerError, match="Name every entry") as caught:
        parse("  x = 2, 1", PAIR)
    assert caught.value.position == 2


def test_an_order_matters_where_the_question_asks_for_one() -> None:
    assert compare(Vector.of([-1, 3]), parse("(3, -1)", PAIR), PAIR) is Verdict.DIFFERENT


def test_a_percentage_where_a_proportion_is_asked() -> None:
    fmt = AnswerFormat(Kind.NUMBER, decimals=3, percent_allowed=True)
    assert compare(Fraction(161, 1000), parse("16.1%", fmt), fmt) is Verdict.EQUAL


@pytest.mark.parametrize(
    "typed",
    [
        "answer: 1/2",
        "Answer = 0.5",
        "The answer is 0.5",
        "= 0.5",
        "0.5.",
        "1/2 .",
        "p = 0.5",
        "p̂ = 0.5",
        "σ = 0.5",
        "P(A|B) = 0.5",
        "P(X ≤ 3) = 0.5",
        "answer: p = 0.5.",
        "p-value: 0.5",
        "Q1: 1/2",
    ],
)
def test_a_number_framed_as_a_learner_writes_it(typed: str) -> None:
    """What a learner writes around a number (a word before it, the name of the quantity,
    a full stop after it) is not part of the answer."""
    assert parse(typed, NUMBER) == Fraction(1, 2)


@pytest.mark.parametrize("typed", ["CI = 46.1, 53.9", "CI: (46.1, 53.9)", "μ = 50 ± 3.9"])
def test_an_interval_framed_as_a_learner_writes_it(typed: str) -> None:
    assert parse(typed, INTERVAL) == Vector.of([Fraction("46.1"), Fraction("53.9")])


def test_framing_around_vectors_and_expressions_is_dropped_too() -> None:
    assert parse("= (2, 1).", PAIR) == Vector.of([2, 1])
    assert parse("answer: 2x + 1.", AnswerFormat(Kind.EXPRESSION, variables=("x",))) == parse(
        "2x + 1", AnswerFormat(Kind.EXPRESSION, variables=("x",))
    )


@pytest.mark.parametrize(
    ("typed", "message", "position"),
    [
        ("answer: 5 $", "dollar sign", 10),  # still points where it was typed
        ("p = 0.5 = q", "one '='", None),
        ("2p = 1", "not expected here", None),
    ],
)
def test_what_is_left_after_the_framing_is_still_checked(
    typed: str, message: str, position: int | None
) -> None:
    with pytest.raises(AnswerError, match=message) as caught:
        parse(typed, NUMBER)
    if position is not None:
        assert caught.value.position == position


@given(
    value=st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False),
    before=st.sampled_from(["", "answer: ", "The answer is ", "= ", "x = ", "p̂ = ", "P(A|B) = "]),
    after=st.sampled_from(["", ".", " .", ". "]),
)
def test_framing_never_changes_the_number_read(value: Decimal, before: str, after: str) -> None:
    typed = f"{value}"
    assert parse(before + typed + after, NUMBER) == parse(typed, NUMBER) == Fraction(value)
