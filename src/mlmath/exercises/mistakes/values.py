"""Arithmetic on any kind of answer — a number, vector, matrix, array, tuple, expression
or single solution — for computing the wrong answers of slips."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Expression, Kind
from mlmath.answers.tree import Node
from mlmath.engine.exact import Matrix, Vector


def scaled(value: Any, factor: Fraction | float) -> Any:
    """``factor · value`` for a number, vector, matrix, array, tuple or expression."""
    return mapped(value, lambda v: v * factor)


def mapped(value: Any, f: Callable[[Any], Any]) -> Any:
    """``f`` applied to each number of ``value`` (a number, vector, matrix, array or tuple);
    an expression is mapped as a whole formula when ``f`` is a scaling."""
    if isinstance(value, Vector):
        return Vector(tuple(Fraction(f(a)) if is_exact(f(a)) else f(a) for a in value.entries))
    if isinstance(value, Matrix):
        return Matrix(tuple(tuple(Fraction(f(a)) for a in row) for row in value.rows))
    if isinstance(value, np.ndarray):
        return np.vectorize(lambda a: float(f(float(a))))(value)
    if isinstance(value, tuple | list):
        return type(value)(mapped(v, f) for v in value)
    return f(value)


def divided_by(divisor: Fraction | float | int) -> Callable[[Any], Any]:
    return lambda v: v / divisor


def is_exact(value: Any) -> bool:
    return isinstance(value, Fraction | int)


def negated(value: Any) -> Any:
    """``−value`` for any answer, an expression and a single solution included."""
    from mlmath.engine.linalg.solution_set import SolutionSet

    if isinstance(value, SolutionSet):
        if value.particular is None or value.directions:
            return None
        return SolutionSet(value.variables, -value.particular, ())
    if isinstance(value, Expression):
        return Expression(Node("neg", (value.root,)), value.variables)
    if isinstance(value, Vector):
        return -value
    if isinstance(value, Matrix):
        return value.scale(-1)
    return mapped(value, lambda v: -v)


def number_of(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Fraction | int | float | np.floating | np.integer):
        return float(value)
    return None


def shown(value: Any) -> str:
    number = number_of(value)
    if number is not None:
        return f"{number:.4g}"
    return str(value)


def floats(value: Any) -> Any:
    if isinstance(value, Vector):
        return np.array(value.to_floats())
    if isinstance(value, Matrix):
        return np.array(value.to_floats())
    if isinstance(value, np.ndarray):
        return value.astype(float)
    if isinstance(value, tuple | list):
        return np.array([float(v) for v in value])
    return float(value)


def like(original: Any, value: Any) -> Any:
    """``value`` (floats) in the form of ``original``: a number stays a number."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return float(value)
    if isinstance(value, np.ndarray):
        return value
    return float(value)


def answer_shape(answer: Any) -> tuple[int, ...] | None:
    if isinstance(answer, Matrix):
        return answer.shape
    if isinstance(answer, Vector):
        return (len(answer),)
    if isinstance(answer, np.ndarray):
        return tuple(answer.shape)
    return None


def matrix_format(shape: tuple[int, int], fmt: AnswerFormat) -> AnswerFormat:
    return AnswerFormat(Kind.MATRIX, shape=shape, decimals=fmt.decimals)


def vector_format(size: int, fmt: AnswerFormat) -> AnswerFormat:
    return AnswerFormat(Kind.VECTOR, shape=(size,), decimals=fmt.decimals)


def df_text(df: float) -> str:
    return f"{df:g}" if float(df).is_integer() else f"{df:.1f}"
