"""Evaluate a formula tree: exactly (fractions) where possible, else in floating point.

Exact evaluation keeps ``3/4``, ``2.5e-3`` and ``(1/2)^3`` as fractions and bounds
every power and intermediate size before computing it; anything irrational
(``sqrt(2)``, ``pi``, ``ln(3)``) falls back to a float. Float evaluation at a
point is what expression comparison probes with.

>>> from mlmath.answers.reader import Names, read_formula
>>> exact_value(read_formula("2.5*10^-3", Names(())))
Fraction(1, 400)
>>> exact_value(read_formula("sqrt(9/4)", Names(())))
Fraction(3, 2)
>>> round(exact_value(read_formula("sqrt(2)/2", Names(()))), 6)
0.707107
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction

from mlmath.answers.errors import AnswerError, TooLarge
from mlmath.answers.limits import TOO_LARGE, check_counting, check_exact, check_power
from mlmath.answers.tree import Node


class Undefined(ArithmeticError):
    """The formula has no real value here (division by zero, log of a negative …)."""


def _log(x: float) -> float:
    if x <= 0:
        raise Undefined("log")
    return math.log(x)


def _sqrt(x: float) -> float:
    if x < 0:
        raise Undefined("sqrt")
    return math.sqrt(x)


FLOAT_FUNCTIONS: dict[str, Callable[[float], float]] = {
    "sqrt": _sqrt,
    "exp": math.exp,
    "ln": _log,
    "log": _log,
    "log2": lambda x: _log(x) / math.log(2),
    "log10": lambda x: _log(x) / math.log(10),
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "asin": math.asin,
    "acos": math.acos,
    "atan": math.atan,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "tanh": math.tanh,
    "abs": abs,
}

CONSTANT_VALUES = {"pi": math.pi, "e": math.e}

RATIONAL_OPS = frozenset({"num", "var", "+", "-", "*", "/", "^", "neg", "%", "abs"})


def count(op: str, n: Fraction | float, k: Fraction | float | None = None) -> int:
    """``n!`` (op ``factorial``) or ``C(n, k)`` (op ``binomial``), bounded before computing;
    :class:`Undefined` for arguments that are not whole numbers (0 ≤ k ≤ n for C)."""
    whole = check_counting(n, k if op == "binomial" else None)
    if whole is None:
        raise Undefined(op)
    whole_n, whole_k = whole
    if op == "factorial":
        return math.factorial(whole_n)
    return math.comb(whole_n, whole_k) if 0 <= whole_k <= whole_n else 0


"""Operations that keep rational inputs rational (``^`` only with integer exponents)."""


def float_value(node: Node, point: Mapping[str, float]) -> float:
    """The value at ``point``; raises :class:`Undefined` where there is none."""
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        try:
            return node.value.numerator / node.value.denominator
        except OverflowError as error:  # 11e308: beyond floating point
            raise Undefined("num") from error
    if op == "var":
        assert isinstance(node.value, str)
        return point[node.value]
    if op == "const":
        assert isinstance(node.value, str)
        return CONSTANT_VALUES[node.value]
    try:
        if op == "^":
            base = float_value(node.args[0], point)
            exponent = float_value(node.args[1], point)
            if base < 0 and not float(exponent).is_integer():
                raise Undefined("power")
            if base == 0 and exponent < 0:
                raise Undefined("power")
            result = math.pow(base, exponent)
        elif op in ("+", "-", "*", "/"):
            left = float_value(node.args[0], point)
            right = float_value(node.args[1], point)
            if op == "+":
                result = left + right
            elif op == "-":
                result = left - right
            elif op == "*":
                result = left * right
            else:
                if right == 0:
                    raise Undefined("division")
                result = left / right
        elif op == "binomial":
            n = float_value(node.args[0], point)
            k = float_value(node.args[1], point)
            result = float(
                count(
                    op, Fraction(n) if n.is_integer() else n, Fraction(k) if k.is_integer() else k
                )
            )
        elif op == "factorial":
            n = float_value(node.args[0], point)
            result = float(count(op, Fraction(n) if n.is_integer() else n))
        elif op == "neg":
            result = -float_value(node.args[0], point)
        elif op == "%":
            result = float_value(node.args[0], point) / 100
        else:
            result = FLOAT_FUNCTIONS[op](float_value(node.args[0], point))
    except (OverflowError, ValueError, ZeroDivisionError) as error:
        raise Undefined(op) from error
    if not math.isfinite(result):
        raise Undefined(op)
    return result


def exact_value(node: Node) -> Fraction | float:
    """The value of a formula without variables: a Fraction when rational, else a float.

    Raises AnswerError when it has no real value (``1/0``, ``sqrt(-1)``) and
    TooLarge when it is too large to compute.
    """
    try:
        return _exact(node)
    except Undefined:
        raise AnswerError(
            "This has no real value (a division by zero, or a root or logarithm of a "
            "negative number); check the answer."
        ) from None
    except OverflowError:
        raise TooLarge(f"{TOO_LARGE}: the number is beyond the range we can compute.") from None


def _exact(node: Node) -> Fraction | float:
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        return node.value
    if op == "const":
        assert isinstance(node.value, str)
        return CONSTANT_VALUES[node.value]
    if op == "var":
        raise AnswerError(f"'{node.value}' is a variable; a number is expected here.")
    args = [_exact(a) for a in node.args]
    if op == "neg":
        return -args[0]
    if op == "%":
        return _bounded(args[0] / 100)
    if op == "abs":
        return -args[0] if args[0] < 0 else args[0]
    if op in ("factorial", "binomial"):
        try:
            return check_exact(Fraction(count(op, *args)))
        except Undefined:
            raise AnswerError(
                "A factorial n! or a binomial coefficient C(n, k) needs whole numbers n ≥ 0 "
                "and k; check the answer."
            ) from None
    if op in ("+", "-", "*", "/"):
        left, right = args
        if op == "/" and right == 0:
            raise Undefined("division")
        result = {
            "+": lambda: left + right,
            "-": lambda: left - right,
            "*": lambda: left * right,
            "/": lambda: left / right,
        }[op]()
        return _bounded(result)
    if op == "^":
        return _power(args[0], args[1])
    if op == "sqrt":
        value = args[0]
        if value < 0:
            raise Undefined("sqrt")
        if isinstance(value, Fraction):
            root = _rational_root(value, 2)
            if root is not None:
                return root
        return math.sqrt(value)
    try:
        result = FLOAT_FUNCTIONS[op](float(args[0]))
    except ValueError:
        raise Undefined(op) from None
    if not math.isfinite(result):
        raise OverflowError(op)
    return result


def _bounded(value: Fraction | float) -> Fraction | float:
    if isinstance(value, Fraction):
        return check_exact(value)
    if not math.isfinite(value):
        raise OverflowError("float")
    return value


def _power(base: Fraction | float, exponent: Fraction | float) -> Fraction | float:
    if isinstance(exponent, Fraction) and exponent.denominator == 1:
        n = exponent.numerator
        if isinstance(base, Fraction):
            if base == 0 and n < 0:
                raise Undefined("power")
            check_power(base, n)
            return _bounded(base**n)
        if abs(n) > 100_000:
            if abs(base) in (0.0, 1.0):
                return base**n if base != 0 or n > 0 else _raise_undefined()
            raise OverflowError("power")
        if base == 0 and n < 0:
            raise Undefined("power")
        return _bounded(math.pow(base, n))
    if base < 0:
        raise Undefined("power")
    if base == 0:
        if exponent <= 0:
            raise Undefined("power")
        return Fraction(0)
    if isinstance(base, Fraction) and isinstance(exponent, Fraction) and exponent.denominator <= 12:
        root = _rational_root(base, exponent.denominator)
        if root is not None:
            check_power(root, exponent.numerator)
            return _bounded(root**exponent.numerator)
    return _bounded(math.pow(float(base), float(exponent)))


def _raise_undefined() -> Fraction:
    raise Undefined("power")


def _rational_root(value: Fraction, degree: int) -> Fraction | None:
    """The exact ``degree``-th root of a non-negative fraction, when it is rational."""
    numerator = _integer_root(value.numerator, degree)
    denominator = _integer_root(value.denominator, degree)
    if numerator is None or denominator is None:
        return None
    return Fraction(numerator, denominator)


def _integer_root(n: int, degree: int) -> int | None:
    if n < 0:
        return None
    if degree == 2:
        root = math.isqrt(n)
    else:
        if n.bit_length() >= 1000:
            return None
        root = round(math.pow(n, 1 / degree))
        for candidate in (root - 1, root, root + 1):
            if candidate >= 0 and candidate**degree == n:
                return candidate
        return None
    return root if root * root == n else None


MAX_MAGNITUDE_DIGITS = 300
"""A constant part of a formula may have at most this many digits before the point."""


def check_magnitudes(node: Node) -> None:
    """Refuse towers such as ``9^9^9`` or ``x^(10^7)`` before anything evaluates them.

    Every power (and ``exp``) whose exponent is a constant is bounded: the exponent by
    :data:`~mlmath.answers.limits.MAX_POWER_EXPONENT`, and a constant base raised to it
    by :data:`MAX_MAGNITUDE_DIGITS` digits. Raises :class:`TooLarge`.

    >>> from mlmath.answers.expression import expression
    >>> check_magnitudes(expression("2^10 x + e^3", ("x",)).root)
    >>> check_magnitudes(expression("9^9^9", ("x",)).root)
    Traceback (most recent call last):
    ...
    mlmath.answers.errors.TooLarge: This answer is too large to check: a power in it is too large.
    """
    from mlmath.answers.limits import MAX_POWER_EXPONENT

    stack = [node]
    while stack:
        current = stack.pop()
        stack.extend(current.args)
        if current.op not in ("^", "exp"):
            continue
        exponent_node = current.args[-1]
        if exponent_node.symbols():
            continue
        exponent = _constant(exponent_node)
        if exponent is None:
            continue
        if current.op == "exp":
            if exponent * math.log10(math.e) > MAX_MAGNITUDE_DIGITS:
                raise _too_large(node)
            continue
        if abs(exponent) > MAX_POWER_EXPONENT:
            raise _too_large(node)
        base_node = current.args[0]
        if base_node.symbols():
            continue
        base = _constant(base_node)
        if (
            base is not None
            and abs(base) > 1
            and exponent * math.log10(abs(base)) > (MAX_MAGNITUDE_DIGITS)
        ):
            raise _too_large(node)


def _too_large(node: Node) -> TooLarge:
    return TooLarge(f"{TOO_LARGE}: a power in it is too large.", node.position)


def _constant(node: Node) -> float | None:
    """The value of a constant part: infinite when it overflows, ``None`` where it has none
    (say, ``1/0``)."""
    try:
        return float_value(node, {})
    except Undefined as error:
        return math.inf if isinstance(error.__cause__, OverflowError) else None
