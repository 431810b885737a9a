"""Fuzzing: no typed text raises anything but AnswerError, hangs, or executes.

Thousands of random and grammar-shaped strings go through every kind of answer;
each must be read or rejected with a message, quickly.
"""

from __future__ import annotations

import builtins
import time
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlmath.answers import AnswerError, AnswerFormat, Choice, Kind, Verdict, compare, parse
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.solution_set import SolutionSet

FORMATS = (
    AnswerFormat(Kind.NUMBER, percent_allowed=True),
    AnswerFormat(Kind.VECTOR),
    AnswerFormat(Kind.VECTOR, up_to_scale=True),
    AnswerFormat(Kind.MATRIX),
    AnswerFormat(Kind.SOLUTION_SET, variables=("x", "y", "z")),
    AnswerFormat(Kind.EXPRESSION, variables=("x", "y")),
    AnswerFormat(Kind.CHOICE, options=(Choice("a1", "yes"), Choice("b2", "no"))),
    AnswerFormat(Kind.CHOICES, options=(Choice("a1", "yes"), Choice("b2", "no"))),
)

EXPECTED = {
    Kind.NUMBER: Fraction(1, 2),
    Kind.VECTOR: Vector.of([1, 2]),
    Kind.MATRIX: Matrix.of([[1, 2], [3, 4]]),
    Kind.SOLUTION_SET: SolutionSet(("x", "y", "z"), Vector.of([1, 0, 0]), (Vector.of([1, 1, 0]),)),
    Kind.EXPRESSION: "x^2 + y",
    Kind.CHOICE: "a1",
    Kind.CHOICES: frozenset({"a1"}),
}

# Modules the checks import lazily are loaded first, as on a running server: their
# imports legitimately exec text (dataclasses build methods that way).
for _module in ("mlmath.engine.linalg.rank", "mlmath.answers.symbolic", "mpmath", "sympy"):
    __import__(_module)

SLOWEST_CHECK = 1.5  # seconds, for one parse + compare, even under a loaded test machine


def _check(text: str) -> None:
    with _nothing_executes():
        _check_every_kind(text)


def _check_message(error: AnswerError, text: str) -> None:
    """One sentence for a learner, pointing into what they typed."""
    message = error.message
    assert message
    assert message[0].isupper() or message[0] == "'"
    assert message.endswith(".")
    assert error.position is None or 0 <= error.position <= len(text)


def _check_every_kind(text: str) -> None:
    for fmt in FORMATS:
        started = time.perf_counter()
        try:
            value = parse(text, fmt)
        except AnswerError as error:
            _check_message(error, text)
            continue
        finally:
            assert time.perf_counter() - started < SLOWEST_CHECK, (text, fmt.kind)
        verdict = compare(EXPECTED[fmt.kind], value, fmt)
        assert isinstance(verdict, Verdict)
        if not fmt.up_to_scale:  # a zero vector is no eigenvector, not even of itself
            assert compare(value, value, fmt) is not Verdict.DIFFERENT, (text, fmt.kind)
        assert time.perf_counter() - started < SLOWEST_CHECK, (text, fmt.kind)


@contextmanager
def _nothing_executes() -> Iterator[None]:
    """Fail loudly if reading or comparing an answer reaches for eval or exec."""

    real_eval, real_exec = builtins.eval, builtins.exec

    def guarded(real: Any) -> Any:
        def run(source: object, *args: Any, **kwargs: Any) -> Any:
            # Imports exec compiled module code; nothing may eval or exec *text*.
            if isinstance(source, str | bytes):
                raise AssertionError("text reached eval/exec while reading an answer")
            return real(source, *args, **kwargs)

        return run

    with (
        patch.object(builtins, "eval", guarded(real_eval)),
        patch.object(builtins, "exec", guarded(real_exec)),
    ):
        yield


ATOMS = [
    "1",
    "0",
    "-",
    "+",
    "*",
    "/",
    "^",
    "**",
    "(",
    ")",
    "[",
    "]",
    ";",
    ",",
    " ",
    "\n",
    "x",
    "y",
    "z",
    "t",
    "e",
    "pi",
    "π",
    "√",
    "sqrt(",
    "ln(",
    "sin(",
    "exp(",
    "abs(",
    "=",
    "%",
    ".",
    "2.5e-3",
    "1e308",
    "9^9",
    "10^",
    "1/0",
    "0^0",
    "²",
    "−",
    "×",
    "no solution",
    "infinitely many",
    "a",
    "b",
    "yes",
    "and",
    "∅",
    "'",
    "_",
    "ᵀ",
    "__import__('os')",
    ".system(",
    "lambda",
    "\u200b",
    "１",
    "ﬁ",
    "e^",
    "log10(",
]


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ATOMS), max_size=25).map("".join))
def test_grammar_shaped_text_only_raises_answer_errors(text: str) -> None:
    _check(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_arbitrary_text_only_raises_answer_errors(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('touch /tmp/mlmath-pwned')",
        "().__class__.__bases__[0].__subclasses__()",
        "exec('1')",
        "eval('2+2')",
        "lambda: 0",
        "open('/etc/passwd').read()",
        "x.__class__",
        "Symbol('x')",
        "Integer(2)**Integer(3)",
        "1 if True else 0",
        "[x for x in range(10)]",
        "{'a': 1}",
        "`ls`",
        "$(ls)",
        "#",
        "(10^7)!",
        "9^9^9",
        "2^100000",
        "1e999999",
        "(" * 10_000 + ")" * 10_000,
        "(" * 600 + "1" + ")" * 600,
        "-" * 1999 + "1",
        "x^" * 600 + "2",
        "sqrt(" * 30 + "2" + ")" * 30,
        "1" * 5000,
        " ".join(["1"] * 999),
        "\n".join(["1 2 3 4 5 6 7 8 9 10 11"] * 11),
        "\x00\x01\x02",
        "\ud800" if False else "\U0010ffff",
    ],
)
def test_hostile_inputs_are_rejected_or_read_safely(text: str) -> None:
    _check(text)
    assert not __import__("os").path.exists("/tmp/mlmath-pwned")
