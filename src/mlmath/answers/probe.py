"""Are two expressions the same function? Probe them at points, then ask SymPy.

Rational formulas (``+ - * /`` and integer powers) are evaluated *exactly* at
rational points, so a difference found is certain. Other formulas are evaluated
in floating point at points that are negative, positive and non-integer; a
disagreement is confirmed at 50 significant digits before it counts. When the
points cannot decide (too few inside the domain), a time-limited symbolic check
may prove equality; otherwise the verdict is "undecided", never "different".

>>> from mlmath.answers.expression import expression
>>> same("2(x+1)", "2x+2")
True
>>> same("(x+1)^2", "x^2+1")
False
"""

from __future__ import annotations

import random
from collections.abc import Callable
from enum import Enum
from fractions import Fraction
from functools import cache
from typing import Any

from mlmath.answers.compiled import float_function
from mlmath.answers.errors import AnswerError
from mlmath.answers.evaluate import RATIONAL_OPS, Undefined, count
from mlmath.answers.limits import check_exact, check_power
from mlmath.answers.symbolic import symbolically_equal
from mlmath.answers.tree import Node

SEED = 20_240_917
EXACT_POINTS = 6
FLOAT_POINTS = 16
ENOUGH_AGREEMENTS = 6
RELATIVE_TOLERANCE = 1e-9


class Outcome(Enum):
    SAME = "same"
    DIFFERENT = "different"
    UNKNOWN = "unknown"


def _rational_points(variables: list[str]) -> list[dict[str, Fraction]]:
    rng = random.Random(SEED)
    points = []
    for _ in range(EXACT_POINTS):
        point = {}
        for name in variables:
            numerator = rng.randint(-40, 40)
            denominator = rng.choice((3, 5, 7, 11, 13))
            point[name] = Fraction(numerator, denominator) or Fraction(2, 9)
        points.append(point)
    return points


PROBE_RANGES = ((-3.0, 3.0), (0.05, 4.0), (4.0, 40.0), (-40.0, -4.0))
"""Where float probes are drawn, in turn: small values of both signs, small positive
values (logarithms, roots), and larger values of both signs (``ln(x - 5)``)."""
WIDE_RANGES = (*PROBE_RANGES, (40.0, 400.0), (-400.0, -40.0), (0.001, 0.05))
"""A second, larger round of probes when the first finds too few points in the domain."""
WIDE_POINTS = 48


def _float_points(
    variables: list[str],
    count: int = FLOAT_POINTS,
    ranges: tuple[tuple[float, float], ...] = PROBE_RANGES,
) -> list[dict[str, float]]:
    rng = random.Random(SEED + count)
    points = []
    for index in range(count):
        low, high = ranges[index % len(ranges)]
        points.append({name: round(rng.uniform(low, high), 4) or 0.37 for name in variables})
    return points


def _is_rational(node: Node) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.op not in RATIONAL_OPS:
            return False
        if current.op == "^":
            exponent = current.args[1]
            if exponent.op == "neg":
                exponent = exponent.args[0]
            if exponent.op != "num":
                return False
            assert isinstance(exponent.value, Fraction)
            if exponent.value.denominator != 1 or abs(exponent.value) > 64:
                return False
        stack.extend(current.args)
    return True


def _exact_at(node: Node, point: dict[str, Fraction]) -> Fraction:
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        return node.value
    if op == "var":
        assert isinstance(node.value, str)
        return point[node.value]
    args = [_exact_at(a, point) for a in node.args]
    if op == "neg":
        return -args[0]
    if op == "abs":
        return abs(args[0])
    if op == "%":
        return args[0] / 100
    left, right = args
    if op == "+":
        return check_exact(left + right)
    if op == "-":
        return check_exact(left - right)
    if op == "*":
        return check_exact(left * right)
    if op == "/":
        if right == 0:
            raise Undefined("division")
        return check_exact(left / right)
    exponent = int(right)
    if left == 0 and exponent < 0:
        raise Undefined("power")
    check_power(left, exponent)
    return check_exact(left**exponent)


def _compare_exactly(first: Node, second: Node, variables: list[str]) -> Outcome:
    agreements = 0
    for point in _rational_points(variables):
        try:
            a = _exact_at(first, point)
            b = _exact_at(second, point)
        except Undefined:
            continue
        if a != b:
            return Outcome.DIFFERENT
        agreements += 1
    return Outcome.SAME if agreements >= EXACT_POINTS // 2 else Outcome.UNKNOWN


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(1.0, abs(a), abs(b))


@cache
def _precise_context() -> Any:
    """One mpmath context at 50 significant digits, made once (making one takes longer
    than a whole check); it is only read from, so threads may share it."""
    from mpmath import MPContext

    context = MPContext()
    context.dps = 50
    return context


def _precise_value(node: Node, point: dict[str, float]) -> Any:
    """The value at ``point`` with 50 significant digits (mpmath), or None if undefined."""
    context = _precise_context()
    functions: dict[str, Callable[[Any], Any]] = {
        "sqrt": context.sqrt,
        "exp": context.exp,
        "ln": context.log,
        "log": context.log,
        "log2": lambda x: context.log(x, 2),
        "log10": lambda x: context.log(x, 10),
        "sin": context.sin,
        "cos": context.cos,
        "tan": context.tan,
        "asin": context.asin,
        "acos": context.acos,
        "atan": context.atan,
        "sinh": context.sinh,
        "cosh": context.cosh,
        "tanh": context.tanh,
        "abs": abs,
    }

    def value(current: Node) -> Any:
        op = current.op
        if op == "num":
            assert isinstance(current.value, Fraction)
            return context.mpf(current.value.numerator) / current.value.denominator
        if op == "var":
            assert isinstance(current.value, str)
            return context.mpf(point[current.value])
        if op == "const":
            return context.pi if current.value == "pi" else context.e
        args = [value(a) for a in current.args]
        if op == "neg":
            return -args[0]
        if op == "%":
            return args[0] / 100
        if op in ("factorial", "binomial"):
            if not all(context.isint(a) for a in args):
                raise ValueError(op)
            return context.mpf(count(op, *(Fraction(int(a)) for a in args)))
        if op in functions:
            return functions[op](args[0])
        left, right = args
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if op == "/":
            return left / right
        if abs(right) > _MAX_PRECISE_EXPONENT and abs(left) not in (0, 1):
            # mpmath would build the exact power of a huge exponent in memory
            raise OverflowError("exponent too large to compare precisely")
        return context.power(left, right)

    try:
        result = value(node)
    except (ZeroDivisionError, ValueError, OverflowError, Undefined):
        return None
    return None if isinstance(result, context.mpc) else result


_MAX_PRECISE_EXPONENT = 10**6
"""Beyond this exponent a precise comparison is not attempted (the float one decides)."""


def _really_differs(first: Node, second: Node, point: dict[str, float]) -> bool:
    a = _precise_value(first, point)
    b = _precise_value(second, point)
    if a is None or b is None:
        return False
    return bool(abs(a - b) > 1e-30 * max(1, abs(a), abs(b)))


def _compare_in_floats(first: Node, second: Node, variables: list[str]) -> Outcome:
    """Compare at float points, then at more and wider ones if too few were in the domain."""
    outcome = _compare_at(first, second, _float_points(variables))
    if outcome is Outcome.UNKNOWN:
        outcome = _compare_at(first, second, _float_points(variables, WIDE_POINTS, WIDE_RANGES))
    return outcome


def _compare_at(first: Node, second: Node, points: list[dict[str, float]]) -> Outcome:
    """``first`` is the answer: where it has a value and ``second`` has none (``ln(x - 5)``
    for ``2x`` at x = 1), the two are different functions."""
    agreements = 0
    undefined_in_second = 0
    first_at, second_at = float_function(first), float_function(second)
    for point in points:
        try:
            a = first_at(point)
        except Undefined:
            continue
        try:
            b = second_at(point)
        except Undefined:
            if _precise_value(first, point) is not None and _precise_value(second, point) is None:
                undefined_in_second += 1
            continue
        if _close(a, b):
            agreements += 1
        elif _really_differs(first, second, point):
            return Outcome.DIFFERENT
    if undefined_in_second >= 2:
        return Outcome.DIFFERENT
    return Outcome.SAME if agreements >= ENOUGH_AGREEMENTS else Outcome.UNKNOWN


def _signed(node: Node) -> tuple[bool, Any]:
    """``node`` as a sign and a key that names the same function: minus signs carried out of
    products and quotients, sums read as a list of signed terms, products as a list of
    factors. ``-2x·y``, ``(-2)·(x·y)`` and ``-(2x·y)`` have one key; so have ``a - b`` and
    ``a + (-b)``. Each step is an identity of real functions that keeps the domain too, so
    two formulas with the same sign and key are the same answer, however they are grouped.
    """
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        return node.value < 0, abs(node.value)
    if op == "neg":
        negative, key = _signed(node.args[0])
        return not negative, key
    if op in ("+", "-"):
        terms: list[tuple[bool, Any]] = []
        _terms(node, False, terms)
        return False, ("+", tuple(terms))
    if op == "*":
        factors: list[Any] = []
        negative = _factors(node, factors)
        return negative, ("*", tuple(factors))
    if op == "/":
        top, top_key = _signed(node.args[0])
        bottom, bottom_key = _signed(node.args[1])
        return top != bottom, ("/", top_key, bottom_key)
    if not node.args:
        return False, (op, node.value)
    return False, (op, node.value, *(_signed(a) for a in node.args))


def _terms(node: Node, negative: bool, out: list[tuple[bool, Any]]) -> None:
    """The terms of a sum, each with its sign, in order."""
    op = node.op
    if op == "+":
        _terms(node.args[0], negative, out)
        _terms(node.args[1], negative, out)
    elif op == "-":
        _terms(node.args[0], negative, out)
        _terms(node.args[1], not negative, out)
    elif op == "neg":
        _terms(node.args[0], not negative, out)
    else:
        sign, key = _signed(node)
        out.append((sign != negative, key))


def _factors(node: Node, out: list[Any]) -> bool:
    """The factors of a product, in order; whether an odd number of them is negative."""
    if node.op == "*":
        left = _factors(node.args[0], out)
        return left != _factors(node.args[1], out)
    negative, key = _signed(node)
    out.append(key)
    return negative


def compare_formulas(first: Node, second: Node, variables: tuple[str, ...]) -> Outcome:
    """Whether two formulas (not equations) agree as functions of ``variables``."""
    if first == second or _signed(first) == _signed(second):
        return Outcome.SAME
    names = sorted(set(variables) | first.symbols() | second.symbols())
    if _is_rational(first) and _is_rational(second):
        try:
            outcome = _compare_exactly(first, second, names)
        except AnswerError:
            outcome = Outcome.UNKNOWN
        if outcome is not Outcome.UNKNOWN:
            return outcome
    outcome = _compare_in_floats(first, second, names)
    if outcome is not Outcome.UNKNOWN:
        return outcome
    return Outcome.SAME if symbolically_equal(first, second) else Outcome.UNKNOWN


def same(first: str, second: str, variables: tuple[str, ...] = ("x",)) -> bool | None:
    """Doctest helper: True, False, or None (cannot tell) for two texts."""
    from mlmath.answers.expression import expression

    outcome = compare_formulas(
        expression(first, variables).root, expression(second, variables).root, variables
    )
    return {Outcome.SAME: True, Outcome.DIFFERENT: False, Outcome.UNKNOWN: None}[outcome]
