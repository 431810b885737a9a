"""CHOICE and CHOICES answers: ids, letters, numbers or labels, in any case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlmath.answers import AnswerError, AnswerFormat, Choice, Kind, Verdict, compare, parse, show

OPTIONS = (
    Choice("det", "Determinant"),
    Choice("rank", "Rank"),
    Choice("trace", "The trace"),
)
CHOICE = AnswerFormat(Kind.CHOICE, options=OPTIONS)
CHOICES = AnswerFormat(Kind.CHOICES, options=OPTIONS)


@pytest.mark.parametrize(
    ("typed", "option_id"),
    [
        ("a", "det"),
        ("B", "rank"),
        ("(c)", "trace"),
        ("c)", "trace"),
        ("C.", "trace"),
        ("1", "det"),
        ("3", "trace"),
        ("rank", "rank"),
        ("RANK", "rank"),
        ("determinant", "det"),
        ("the  Trace", "trace"),
        ("  det  ", "det"),
        ("ｂ", "rank"),
    ],
)
def test_one_option_by_id_letter_number_or_label(typed: str, option_id: str) -> None:
    assert parse(typed, CHOICE) == option_id


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("d", "'d' is not one of the options; type the letter of one option (a, b, c)"),
        ("", "Choose one option"),
        ("a, b", "is not one of the options"),
        ("@", "is not one of the options"),
    ],
)
def test_unknown_options_are_named(typed: str, message: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse(typed, CHOICE)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("a, b", {"det", "rank"}),
        ("a b", {"det", "rank"}),
        ("A;C", {"det", "trace"}),
        ("rank and the trace", {"rank", "trace"}),
        ("1, 2, 3", {"det", "rank", "trace"}),
        ("b, b", {"rank"}),
        ("the trace", {"trace"}),
        ("none", set()),
    ],
)
def test_several_options(typed: str, chosen: set[str]) -> None:
    assert parse(typed, CHOICES) == frozenset(chosen)


@pytest.mark.parametrize("typed", ["a, z", "", "a,,,", "x y z"])
def test_unknown_options_in_a_set_are_rejected(typed: str) -> None:
    if typed == "a,,,":
        assert parse(typed, CHOICES) == frozenset({"det"})
        return
    with pytest.raises(AnswerError):
        parse(typed, CHOICES)


def test_choices_compare_as_sets() -> None:
    assert compare(frozenset({"det", "rank"}), parse("b, a", CHOICES), CHOICES) is Verdict.EQUAL
    assert compare(frozenset({"det"}), parse("a, b", CHOICES), CHOICES) is Verdict.DIFFERENT
    assert compare("rank", parse("B", CHOICE), CHOICE) is Verdict.EQUAL
    assert compare("rank", parse("A", CHOICE), CHOICE) is Verdict.DIFFERENT


@given(st.sets(st.sampled_from([o.id for o in OPTIONS])))
def test_choices_round_trip(chosen: set[str]) -> None:
    value = frozenset(chosen)
    assert compare(value, parse(show(value, CHOICES), CHOICES), CHOICES) is Verdict.EQUAL


@given(st.sampled_from([o.id for o in OPTIONS]))
def test_choice_round_trips(option_id: str) -> None:
    assert parse(show(option_id, CHOICE), CHOICE) == option_id


SYSTEMS = AnswerFormat(
    Kind.CHOICE,
    options=(
        Choice("unique", "Exactly one solution"),
        Choice("none", "No solution"),
        Choice("infinite", "Infinitely many solutions"),
    ),
)
EXISTS = AnswerFormat(
    Kind.CHOICE,
    options=(
        Choice("exists", "Yes: the derivative exists there"),
        Choice("jump", "No: the graph breaks (a jump or a hole)"),
        Choice("corner", "No: the graph has a corner"),
    ),
)


@pytest.mark.parametrize(
    ("typed", "option_id", "fmt"),
    [
        ("one solution", "unique", SYSTEMS),
        ("No solution.", "none", SYSTEMS),
        ("infinitely many", "infinite", SYSTEMS),
        ("Infinite solutions!", "infinite", SYSTEMS),
        ("no", "none", SYSTEMS),
        ("yes", "exists", EXISTS),
        ("corner", "corner", EXISTS),
        ("No: the graph has a corner", "corner", EXISTS),
        ("no, it has a corner", "corner", EXISTS),
    ],
)
def test_an_option_in_words_case_and_punctuation_ignored(
    typed: str, option_id: str, fmt: AnswerFormat
) -> None:
    assert parse(typed, fmt) == option_id


def test_words_that_fit_several_options_are_not_guessed() -> None:
    with pytest.raises(AnswerError, match="not one of the options"):
        parse("no", EXISTS)
