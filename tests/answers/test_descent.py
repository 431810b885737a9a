"""The recursive-descent reader builds exactly Lark's tree, or declines and lets Lark read.

Lark's parser is the reference: for every text the quick reader takes, the trees must
agree node for node (operation, value and its type, position); for every text Lark
rejects, the quick reader must decline, so errors keep Lark's messages.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlmath.answers.descent import quick_formula
from mlmath.answers.reader import _parser
from mlmath.answers.tree import Node


def _same(first: Node, second: Node) -> bool:
    return (
        first.op == second.op
        and first.value == second.value
        and type(first.value) is type(second.value)
        and first.position == second.position
        and len(first.args) == len(second.args)
        and all(_same(a, b) for a, b in zip(first.args, second.args, strict=True))
    )


def _lark(text: str) -> Any:
    try:
        return _parser().parse(text)
    except Exception as error:
        return error


def _agrees(text: str) -> None:
    quick, reference = quick_formula(text), _lark(text)
    if isinstance(reference, Exception):
        assert quick is None, (text, quick)
    elif quick is not None:
        assert _same(quick, reference), (text, quick, reference)


@pytest.mark.parametrize(
    "text",
    [
        "2x^2 + 1",
        "-2x^3 - 2x + 6",
        "8*(4x + 1)/(2x^2 + x + 5) + 9*e^(-2x^3 - 2x + 6)*(-6x^2 - 2)",
        "1/2x",
        "e^-x",
        "x^2^3",
        "-x^2",
        "2√2x",
        "√x^2",
        "x!^2",
        "50%",
        "sin(x)cos(x)",
        "log2(x) + log10(x) + arcsin(x)",
        "C(10, 3) + 10C3 + 7 choose 2",
        "(xy)^2",
        "y = 2x + 1",
        "2.5e-3 x",
        "lambda^3 - 5lambda + 6",
        "+-+x",
    ],
)
def test_the_trees_of_typical_answers_are_lark_s(text: str) -> None:
    quick = quick_formula(text)
    assert quick is not None
    assert _same(quick, _parser().parse(text))


@pytest.mark.parametrize(
    "text", ["2 3", "x +", "sin x", "(x", "x)", "a = b = c", "1,2", "9" * 45, "x\t+ 1", ""]
)
def test_what_lark_rejects_is_left_to_lark(text: str) -> None:
    assert quick_formula(text) is None


def test_deep_nesting_is_left_to_lark() -> None:
    assert quick_formula("-" * 1000 + "x") is None


ATOMS = [
    *"xyz0123456789.+-*/^%!=(),√π ",
    "\n",
    "e",
    "xy",
    "x2",
    "2e",
    "1e3",
    "2E-2",
    ".5",
    "sin",
    "ln",
    "log2",
    "sqrt",
    "arctan",
    "abs(",
    "C",
    "C(",
    "10C3",
    "3 nCr 2",
    "binom",
    "choose",
    "lambda",
]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ATOMS), max_size=20).map("".join))
def test_any_text_is_read_as_lark_reads_it_or_left_to_lark(text: str) -> None:
    _agrees(text)
