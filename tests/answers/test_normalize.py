"""Unicode clean-up: what a reader sees is what we read, or the character is named."""

from __future__ import annotations

import pytest

from mlmath.answers.errors import AnswerError, TooLarge
from mlmath.answers.limits import MAX_NESTING, MAX_TEXT_LENGTH
from mlmath.answers.normalize import normalize


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("x² − 3·x", "x^(2) - 3*x"),
        ("１２３", "123"),
        ("2×10⁻³", "2*10^(-3)"),
        ("6÷3", "6/3"),
        ("x\u200by", "xy"),
        ("1\u00a02", "1 2"),
        ("\ufeff5", "5"),
        ("2**3", "2^3"),
        ("x⋅y", "x*y"),
        ("½", "1/2"),
        ("x₁", "x1"),
        ("√5", "√5"),
        ("2π", "2π"),
        ("(1, 2)ᵀ", "(1, 2)^T"),
        ("a\tb", "a b"),
        ("λ²−5λ", " lambda^(2)-5 lambda "),
        ("λ₁ = 2", " lambda1 = 2"),
        ("λ_2", " lambda_2"),
    ],
)
def test_unicode_is_folded_to_what_a_reader_sees(typed: str, read: str) -> None:
    assert normalize(typed).text == read


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("|x|", "vertical line"),
        ("\\frac{1}{2}", "reverse solidus"),
        ("x ≤ 2", "less-than or equal to"),
        ("😀", "grinning face"),
        ("$5", "dollar sign"),
        ("x @ y", "commercial at"),
        ("\x00", "U+0000"),
    ],
)
def test_unreadable_characters_are_named(typed: str, named: str) -> None:
    with pytest.raises(AnswerError, match="cannot be read") as caught:
        normalize(typed)
    assert named in caught.value.message


@pytest.mark.parametrize(
    ("typed", "message", "position"),
    [
        ("(1 + 2", "never closed; add ')'", 0),
        ("1 + 2)", "without a matching '('", 5),
        ("[1, 2)", "closed by ')'", 5),
    ],
)
def test_brackets_must_match(typed: str, message: str, position: int) -> None:
    with pytest.raises(AnswerError) as caught:
        normalize(typed)
    assert message in caught.value.message
    assert caught.value.position == position


def test_positions_point_into_the_typed_text() -> None:
    normalized = normalize("x² + y")
    assert normalized.position(normalized.text.index("y")) == 5


def test_deep_nesting_is_rejected_without_recursion() -> None:
    with pytest.raises(TooLarge, match="too long"):
        normalize("(" * 10_000 + "1" + ")" * 10_000)
    with pytest.raises(TooLarge, match="too deeply nested"):
        normalize("(" * 900 + "1" + ")" * 900)
    normalize("(" * MAX_NESTING + "1" + ")" * MAX_NESTING)


def test_long_text_is_rejected_before_reading() -> None:
    with pytest.raises(TooLarge, match="too long"):
        normalize("1" * (MAX_TEXT_LENGTH + 1))
    with pytest.raises(TooLarge):
        normalize("x" * 1_000_000)
