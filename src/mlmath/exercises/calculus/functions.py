"""Functions for calculus skills: read from learner-grammar text into the engine's tree, and back.

A variant stores its function as text (``"x^2*e^(3x)"``), so ``mlmath solve``
takes the same input a learner would type. :func:`read_function` turns that
text into the engine's expression tree; :func:`as_answer` turns an engine
result into the :class:`~mlmath.answers.Expression` the checker compares with.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

import numpy as np

from mlmath.answers import AnswerError, AnswerFormat, Expression, expression, parse
from mlmath.answers.evaluate import exact_value
from mlmath.answers.tidy import tidy
from mlmath.answers.tree import Node
from mlmath.engine.calculus.expression import (
    Add,
    Const,
    Div,
    Expr,
    Func,
    Mul,
    Pow,
    Var,
    add,
    const,
    div,
    mul,
    neg,
    power,
    sub,
)
from mlmath.engine.solution import Formula
from mlmath.exercises.inputs import InputError

T = TypeVar("T")

WEEK1 = "Course 2 · Week 1"
WEEK2 = "Course 2 · Week 2"

_SAME = {"exp": "exp", "ln": "ln", "log": "ln", "sin": "sin", "cos": "cos", "abs": "abs"}


_KNOWN: dict[tuple[str, tuple[str, ...]], Expr] = {}
_KNOWN_LIMIT = 512


def written(f: Expr, variables: tuple[str, ...] = ("x",)) -> str:
    """``f`` as text for a variant's params, remembered so reading it back costs nothing."""
    text = f.text()
    if len(_KNOWN) >= _KNOWN_LIMIT:
        _KNOWN.clear()
    _KNOWN[(text, variables)] = read_function(text, variables) if _roundtrip_check else f
    return text


_roundtrip_check = False
"""Set in tests to read every generated function back through the grammar."""


def read_function(text: str, variables: tuple[str, ...] = ("x",)) -> Expr:
    """The engine tree of a function typed in the learner grammar; one-line InputError otherwise."""
    known = _KNOWN.get((text, variables))
    if known is not None:
        return known
    f = _read(text, variables)
    if len(_KNOWN) >= _KNOWN_LIMIT:
        _KNOWN.clear()
    _KNOWN[(text, variables)] = f
    return f


def _read(text: str, variables: tuple[str, ...]) -> Expr:
    try:
        node = expression(text, variables).root
    except AnswerError as error:
        raise InputError(f"function: {error.message}") from None
    if node.op == "=":
        raise InputError("function: give an expression such as x^2 + 1, not an equation")
    return _convert(node)


def _convert(node: Node) -> Expr:
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        return Const(node.value)
    if op == "var":
        assert isinstance(node.value, str)
        return Var(node.value)
    if op == "const":
        if node.value == "e":
            return Func("exp", const(1))
        raise InputError("function: π is not supported here; use a number instead")
    args = [_convert(a) for a in node.args]
    if op == "neg":
        return neg(args[0])
    if op == "%":
        return div(args[0], const(100))
    if op == "sqrt":
        return power(args[0], const(Fraction(1, 2)))
    if op in _SAME:
        return Func(_SAME[op], args[0])
    if op == "+":
        return add(args[0], args[1])
    if op == "-":
        return sub(args[0], args[1])
    if op == "*":
        return mul(args[0], args[1])
    if op == "/":
        if args[1] == const(0):
            raise InputError("function: division by zero")
        return div(args[0], args[1])
    if op == "^":
        base, exponent = args
        if base == Func("exp", const(1)):
            return Func("exp", exponent)
        return power(base, exponent)
    raise InputError(f"function: {op} is not covered by this course's rules")


@lru_cache(maxsize=256)
def as_answer(result: Expr, variables: tuple[str, ...] = ("x",)) -> Expression:
    """An engine result as the expression the answer checker compares with (remembered:
    expressions are immutable and compare by structure, and a variant's answer is asked
    for when it is shown and again when it is graded)."""
    return Expression(tidy(to_node(result)), variables)


_NODE_FUNCTIONS = {"exp": "exp", "ln": "ln", "sin": "sin", "cos": "cos", "abs": "abs"}


def to_node(f: Expr) -> Node:
    """The answer checker's formula tree for an engine expression (no text in between)."""
    if isinstance(f, Const):
        if f.value < 0:
            return Node.apply("neg", Node.number(-f.value))
        return Node.number(f.value)
    if isinstance(f, Var):
        return Node.variable(f.name)
    if isinstance(f, Add):
        node = to_node(f.terms[0])
        for term in f.terms[1:]:
            node = Node.apply("+", node, to_node(term))
        return node
    if isinstance(f, Mul):
        return Node.apply("*", to_node(f.left), to_node(f.right))
    if isinstance(f, Div):
        return Node.apply("/", to_node(f.numerator), to_node(f.denominator))
    if isinstance(f, Pow):
        return Node.apply("^", to_node(f.base), to_node(f.exponent))
    if isinstance(f, Func):
        if f.name == "sigmoid":
            exponent = Node.apply("exp", Node.apply("neg", to_node(f.argument)))
            return Node.apply("/", Node.number(1), Node.apply("+", Node.number(1), exponent))
        return Node.apply(_NODE_FUNCTIONS[f.name], to_node(f.argument))
    raise TypeError(type(f).__name__)


def shown(name: str, f: Expr, variables: tuple[str, ...] = ("x",)) -> Formula:
    """``f(x) = …`` for a prompt."""
    args = ", ".join(variables)
    return Formula(f"{name}({args}) = {f.latex()}", f"{name}({args}) = {f.text()}", True)


# --- random pieces -------------------------------------------------------------------------


def integer(rng: np.random.Generator, low: int, high: int, nonzero: bool = False) -> int:
    """A uniform integer in ``[low, high]``, never 0 when ``nonzero``."""
    while True:
        value = int(rng.integers(low, high + 1))
        if value or not nonzero:
            return value


def pick(rng: np.random.Generator, options: Sequence[T]) -> T:
    return options[int(rng.integers(len(options)))]


def monomial(coefficient: Fraction | int, exponent: Fraction | int, variable: str = "x") -> Expr:
    return mul(const(coefficient), power(Var(variable), const(exponent)))


def constant_problem(response: str, answer_format: AnswerFormat) -> str | None:
    """Why a typed expression without variables has no usable value (``9^9^9^9``), or None."""
    if any(name in response for name in answer_format.variables):
        return None
    try:
        given = parse(response, answer_format)
    except AnswerError:
        return None  # the grader reports the reading error itself
    if not isinstance(given, Expression) or given.root.symbols():
        return None
    try:
        exact_value(given.root)
    except AnswerError as error:
        return error.message
    return None
