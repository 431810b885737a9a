"""Numbers, vectors and matrices compared entry by entry: exactly or within a tolerance.

>>> from fractions import Fraction
>>> from mlmath.answers.format import AnswerFormat, Kind
>>> numbers_equal(Fraction(1, 3), Fraction(333, 1000), AnswerFormat(Kind.NUMBER))
False
>>> numbers_equal(Fraction(1, 3), Fraction(333, 1000), AnswerFormat(Kind.NUMBER, decimals=3))
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from numbers import Real
from typing import Any

import numpy as np

from mlmath.answers.format import AnswerFormat
from mlmath.engine.exact import Matrix, Vector

Number = Fraction | float

FLOAT_RELATIVE_TOLERANCE = 1e-9
"""Two floats closer than this (relative) are the same number when no tolerance is asked."""


def as_number(value: Any) -> Number | None:
    """``value`` as a Fraction (exact) or a float, or None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int | np.integer):
        return Fraction(int(value))
    if isinstance(value, Decimal):
        return Fraction(value) if value.is_finite() else None
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, Real):
        return float(value)
    return None


def _allowance(expected: Number, fmt: AnswerFormat) -> Number:
    """How far from ``expected`` an answer may be, under the format's precision."""
    allowance: Number = Fraction(0)
    if fmt.decimals is not None:
        allowance += Fraction(1, 2 * 10 ** max(fmt.decimals, 0)) if fmt.decimals >= 0 else 0
    if fmt.absolute_tolerance:
        allowance += fraction_or_float(fmt.absolute_tolerance)
    if fmt.relative_tolerance:
        allowance += fraction_or_float(fmt.relative_tolerance) * _magnitude(expected)
    return allowance


def _magnitude(value: Number) -> Number:
    return -value if value < 0 else value


def fraction_or_float(value: float) -> Number:
    return Fraction(repr(value)) if math.isfinite(value) else value


def numbers_equal(expected: Any, given: Any, fmt: AnswerFormat, scale: float = 1.0) -> bool:
    """Whether ``given`` is the number ``expected`` under the format's precision.

    ``scale`` widens the default float tolerance (for entries of a scaled vector).
    """
    e = as_number(expected)
    g = as_number(given)
    if e is None or g is None:
        return False
    allowance = _allowance(e, fmt)
    exact = isinstance(e, Fraction) and isinstance(g, Fraction)
    if isinstance(e, Fraction) and isinstance(g, Fraction) and isinstance(allowance, Fraction):
        return _magnitude(g - e) <= allowance
    difference = abs(float(g) - float(e))
    if allowance:
        return bool(difference <= float(allowance) * (1 + 1e-12) + 1e-15)
    if exact:
        return g == e
    return difference <= FLOAT_RELATIVE_TOLERANCE * max(1.0, abs(float(e)), abs(scale))


def entries_of(value: Any) -> list[Any] | None:
    """A vector's entries as a list (Vector, NumPy array, list or tuple)."""
    if isinstance(value, Vector):
        return list(value.entries)
    if isinstance(value, np.ndarray):
        if value.ndim == 1:
            return list(value.tolist())
        if value.ndim == 2 and 1 in value.shape:
            return list(value.reshape(-1).tolist())
        return None
    if isinstance(value, Matrix):
        rows, columns = value.shape
        if columns == 1:
            return [row[0] for row in value.rows]
        if rows == 1:
            return list(value.rows[0])
        return None
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and all(as_number(v) is not None for v in value)
    ):
        return list(value)
    return None


def rows_of(value: Any) -> list[list[Any]] | None:
    """A matrix's rows as lists (Matrix, 2-D NumPy array, or nested sequences)."""
    if isinstance(value, Matrix):
        return [list(row) for row in value.rows]
    if isinstance(value, np.ndarray):
        return [list(row) for row in value.tolist()] if value.ndim == 2 else None
    if isinstance(value, Sequence) and not isinstance(value, str):
        rows = [list(row) for row in value if isinstance(row, Sequence | np.ndarray)]
        return rows if len(rows) == len(value) and rows else None
    return None


def vectors_equal(expected: Any, given: Any, fmt: AnswerFormat) -> bool:
    """Entry by entry; in any order for a set (``fmt.unordered``) or an interval's ends."""
    e = entries_of(expected)
    g = entries_of(given)
    if e is None or g is None or len(e) != len(g):
        return False
    if (fmt.unordered or fmt.interval) and not fmt.up_to_scale:
        e, g = _in_order(e), _in_order(g)
        if e is None or g is None:
            return False
    if fmt.up_to_scale:
        return _parallel([as_number(v) for v in e], [as_number(v) for v in g], fmt)
    return all(numbers_equal(a, b, fmt) for a, b in zip(e, g, strict=True))


def _in_order(entries: list[Any]) -> list[Number] | None:
    numbers = [as_number(v) for v in entries]
    if any(n is None for n in numbers):
        return None
    return sorted(n for n in numbers if n is not None)


def _parallel(expected: list[Number | None], given: list[Number | None], fmt: AnswerFormat) -> bool:
    """Whether ``given`` is a non-zero multiple of ``expected`` (an eigenvector at any scale)."""
    if any(v is None for v in expected + given):
        return False
    e = [v for v in expected if v is not None]
    g = [v for v in given if v is not None]
    largest = max(range(len(e)), key=lambda i: abs(float(e[i])))
    if e[largest] == 0 or all(v == 0 for v in g):
        return False
    if all(isinstance(v, Fraction) for v in e + g) and not _allowance(Fraction(1), fmt):
        factor = g[largest] / e[largest]
        return factor != 0 and all(b == factor * a for a, b in zip(e, g, strict=True))
    factor = float(g[largest]) / float(e[largest])
    if factor == 0:
        return False
    magnitude = max(abs(float(v)) for v in g)
    return all(
        numbers_equal(float(a) * factor, b, fmt, scale=magnitude) for a, b in zip(e, g, strict=True)
    )


def matrices_equal(expected: Any, given: Any, fmt: AnswerFormat) -> bool:
    e = rows_of(expected)
    g = rows_of(given)
    if e is None or g is None or len(e) != len(g):
        return False
    if any(len(a) != len(b) for a, b in zip(e, g, strict=True)):
        return False
    return all(
        numbers_equal(a, b, fmt)
        for row_e, row_g in zip(e, g, strict=True)
        for a, b in zip(row_e, row_g, strict=True)
    )
