"""A formula tree turned once into nested Python closures, to evaluate at many points.

Comparing two expressions evaluates each at 16 points or more;
:func:`~mlmath.answers.evaluate.float_value` walks the tree and looks up every node's
operation at every point. :func:`float_function` does that look-up once per node and
returns a function of the point that performs *the same* floating-point operations in
the same order — so the values are bit for bit those of ``float_value`` — and raises
:class:`~mlmath.answers.evaluate.Undefined` exactly where it does. Nothing is compiled
from text: each closure is one of the fixed operations below, chosen by the node's op.

>>> from mlmath.answers.expression import expression
>>> f = float_function(expression("x^2 + 1/x", ("x",)).root)
>>> f({"x": 2.0})
4.5
>>> f({"x": 0.0})
Traceback (most recent call last):
...
mlmath.answers.evaluate.Undefined: division
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction

from mlmath.answers.evaluate import CONSTANT_VALUES, FLOAT_FUNCTIONS, Undefined, float_value
from mlmath.answers.tree import Node

Point = Mapping[str, float]
FloatFunction = Callable[[Point], float]

_isfinite = math.isfinite
_pow = math.pow


def float_function(node: Node) -> FloatFunction:
    """``point ↦ float_value(node, point)``, with the tree walked once, here."""
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        try:
            number = node.value.numerator / node.value.denominator
        except OverflowError:
            return lambda point: float_value(node, point)  # raises Undefined, as it does
        return lambda point: number
    if op == "var":
        name = node.value
        assert isinstance(name, str)
        return lambda point: point[name]
    if op == "const":
        assert isinstance(node.value, str)
        constant = CONSTANT_VALUES[node.value]
        return lambda point: constant
    if op in ("+", "-", "*", "/", "^"):
        return _binary(op, float_function(node.args[0]), float_function(node.args[1]))
    if op in {"neg", "%"} or op in FLOAT_FUNCTIONS:
        return _unary(op, float_function(node.args[0]))
    return lambda point: float_value(node, point)  # counting, and anything unusual


def _checked(op: str, result: float) -> float:
    if not _isfinite(result):
        raise Undefined(op)
    return result


def _binary(op: str, left: FloatFunction, right: FloatFunction) -> FloatFunction:
    if op == "+":

        def value(point: Point) -> float:
            result = left(point) + right(point)
            if not _isfinite(result):
                raise Undefined(op)
            return result

    elif op == "-":

        def value(point: Point) -> float:
            result = left(point) - right(point)
            if not _isfinite(result):
                raise Undefined(op)
            return result

    elif op == "*":

        def value(point: Point) -> float:
            result = left(point) * right(point)
            if not _isfinite(result):
                raise Undefined(op)
            return result

    elif op == "/":

        def value(point: Point) -> float:
            numerator = left(point)
            denominator = right(point)
            if denominator == 0:
                raise Undefined("division")
            try:
                result = numerator / denominator
            except (OverflowError, ZeroDivisionError) as error:
                raise Undefined(op) from error
            if not _isfinite(result):
                raise Undefined(op)
            return result

    else:

        def value(point: Point) -> float:
            base = left(point)
            exponent = right(point)
            if base < 0 and not float(exponent).is_integer():
                raise Undefined("power")
            if base == 0 and exponent < 0:
                raise Undefined("power")
            try:
                result = _pow(base, exponent)
            except (OverflowError, ValueError, ZeroDivisionError) as error:
                raise Undefined(op) from error
            if not _isfinite(result):
                raise Undefined(op)
            return result

    return value


def _unary(op: str, inner: FloatFunction) -> FloatFunction:
    if op == "neg":
        return lambda point: _checked(op, -inner(point))
    if op == "%":
        return lambda point: _checked(op, inner(point) / 100)
    function = FLOAT_FUNCTIONS[op]

    def value(point: Point) -> float:
        argument = inner(point)
        try:
            result = function(argument)
        except (OverflowError, ValueError, ZeroDivisionError) as error:
            raise Undefined(op) from error
        if not _isfinite(result):
            raise Undefined(op)
        return result

    return value
