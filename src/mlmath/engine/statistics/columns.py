"""A column of data held exactly, and the sums every statistic of it is made of.

Data typed as decimals are rational numbers: ``1000000000000.4`` is 10000000000004/10.
A :class:`Column` keeps every value as an integer over one common denominator, so
sums, sums of squares and sums of products are sums of integers — exact, whatever
the offset or the number of values — and the mean, the sum of squared deviations
Σ(x − x̄)² and the sum of cross products Σ(x − x̄)(y − ȳ) come out as exact fractions.
Floating point enters only at the end, for a square root or a distribution function,
where it loses nothing that matters (relative error near 1e-16).

Values read from binary floats are taken as the shortest decimal that reads back as
the same float — the decimal that was typed, for anything of up to 15 significant
digits — and found for a whole column at once with NumPy.

>>> xs = Column.of([1000000000000.4, 1000000000000.3, 1000000000000.5])
>>> xs.mean, xs.squares
(Fraction(5000000000002, 5), Fraction(1, 50))
>>> Column.of(["1/3", 2]).total
Fraction(7, 3)
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

import numpy as np

from mlmath.engine.solution import NotSolvable

Value = int | float | Fraction | Decimal | str
"""A data value as it arrives: a number, or text like ``"3/4"`` or ``"2.5"``."""

MAX_DENOMINATOR_DIGITS = 200
"""Values whose common denominator would pass this many digits (fractions with many
different denominators) cannot be added up exactly in reasonable time."""
_EXACT_FLOAT = 2.0**52
_MAX_PLACES = 26


class Column(Sequence[Fraction]):
    """Data values as integers over one common denominator: value i is
    ``numerators[i] / denominator``."""

    __slots__ = ("_squares_sum", "_total", "denominator", "numerators")

    def __init__(self, numerators: list[int], denominator: int = 1) -> None:
        if denominator < 1:
            raise ValueError("the denominator must be a positive integer")
        self.numerators = numerators
        self.denominator = denominator
        self._total: int | None = None
        self._squares_sum: int | None = None

    # --- reading ---------------------------------------------------------------

    @classmethod
    def of(cls, values: Column | Iterable[Value] | np.ndarray[Any, Any]) -> Column:
        """The exact column of ``values`` (a Column is returned as it is)."""
        if isinstance(values, Column):
            return values
        items = values.tolist() if isinstance(values, np.ndarray) else list(values)
        kinds = set(map(type, items))
        if kinds <= {int}:
            return cls(cast("list[int]", items))
        if all(issubclass(k, np.integer) for k in kinds):
            return cls([int(v) for v in items])
        if all(k is int or issubclass(k, float | np.floating) for k in kinds) and all(
            abs(v) < _EXACT_FLOAT for v in items if type(v) is int
        ):
            return _from_floats(cast("list[float]", items))
        if kinds <= {Fraction, int}:
            return _from_rationals(cast("list[Fraction]", items))
        return _from_mixed(items)

    # --- the Sequence protocol: values as exact fractions --------------------------

    def __len__(self) -> int:
        return len(self.numerators)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return Column(self.numerators[index], self.denominator)
        return Fraction(self.numerators[index], self.denominator)

    def __iter__(self) -> Iterator[Fraction]:
        d = self.denominator
        return (Fraction(m, d) for m in self.numerators)

    def __repr__(self) -> str:
        """Exact, so that equal reprs mean equal columns (a variant's data is keyed by it)."""
        return f"Column({self.numerators!r}, {self.denominator})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Column):
            return self.denominator == other.denominator and self.numerators == other.numerators
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    # --- sums ------------------------------------------------------------------------

    @property
    def n(self) -> int:
        return len(self.numerators)

    @property
    def integer_total(self) -> int:
        """Σ numerators: the total times the denominator."""
        if self._total is None:
            self._total = sum(self.numerators)
        return self._total

    @property
    def integer_squares(self) -> int:
        """Σ numerators²."""
        if self._squares_sum is None:
            ms = self.numerators
            self._squares_sum = sum(map(operator.mul, ms, ms))
        return self._squares_sum

    @property
    def total(self) -> Fraction:
        """Σx, exactly."""
        return Fraction(self.integer_total, self.denominator)

    @property
    def mean(self) -> Fraction:
        """x̄ = Σx / n, exactly."""
        self._need(1)
        return Fraction(self.integer_total, self.n * self.denominator)

    @property
    def squares(self) -> Fraction:
        """Σ(x − x̄)², exactly: (n·Σm² − (Σm)²) / (n·d²) with x = m/d."""
        self._need(1)
        s = self.integer_total
        return Fraction(self.n * self.integer_squares - s * s, self.n * self.denominator**2)

    def squares_about(self, centre: Fraction) -> Fraction:
        """Σ(x − c)², exactly: Σ(x − x̄)² + n(x̄ − c)²."""
        return self.squares + self.n * (self.mean - centre) ** 2

    def variance(self, sample: bool = True) -> Fraction:
        """Σ(x − x̄)² / (n − 1) (sample) or / n (population), exactly."""
        self._need(2 if sample else 1)
        return self.squares / (self.n - 1 if sample else self.n)

    def cross(self, other: Column) -> Fraction:
        """Σ(x − x̄)(y − ȳ) for paired columns, exactly."""
        if other.n != self.n:
            raise NotSolvable("x and y must have the same number of values (they come in pairs)")
        self._need(1)
        products = sum(map(operator.mul, self.numerators, other.numerators))
        top = self.n * products - self.integer_total * other.integer_total
        return Fraction(top, self.n * self.denominator * other.denominator)

    def count(self, value: Fraction) -> int:
        """How many values equal ``value``."""
        scaled = value * self.denominator
        if scaled.denominator != 1:
            return 0
        return self.numerators.count(int(scaled))

    def ordered(self) -> Column:
        """The values sorted from smallest to largest."""
        return Column(sorted(self.numerators), self.denominator)

    def floats(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        """The values as floats (for figures and for checks against other libraries)."""
        d, ms = self.denominator, self.numerators
        if d < _EXACT_FLOAT and all(-_EXACT_FLOAT < m < _EXACT_FLOAT for m in (min(ms), max(ms))):
            return np.asarray(ms, dtype=float) / d  # both exact as floats: one rounding
        return np.array([m / d for m in ms], dtype=float)

    def to_json(self) -> list[int | float]:
        d = self.denominator
        return [m // d if m % d == 0 else float(Fraction(m, d)) for m in self.numerators]

    def _need(self, at_least: int) -> None:
        if self.n < at_least:
            raise NotSolvable(f"give at least {at_least} data value{'s' if at_least > 1 else ''}")


def _from_floats(items: list[float]) -> Column:
    """Each float as the shortest decimal that reads back as it, over a common 10^d."""
    if len(items) <= SMALL:
        small = _from_reprs(items)
        if small is not None:
            return small
    values = np.asarray(items, dtype=float)
    if not np.all(np.isfinite(values)):
        raise NotSolvable("every data value must be a finite number")
    numerators = np.zeros(len(values), dtype=np.float64)
    places = np.full(len(values), -1, dtype=np.int64)
    pending = np.arange(len(values))
    for d in range(_MAX_PLACES + 1):
        if not len(pending):
            break
        scale = 10.0**d
        part = values[pending]
        m = np.rint(part * scale)
        found = (np.abs(m) < _EXACT_FLOAT) & (m / scale == part)
        numerators[pending[found]] = m[found]
        places[pending[found]] = d
        pending = pending[~found]
    if len(pending):  # more digits than a float keeps in 15 places: its shortest repr
        return _from_rationals([Fraction(repr(float(v))) for v in values])
    top = int(places.max()) if len(places) else 0
    if np.all(places == top):
        return Column(numerators.astype(np.int64).tolist(), 10**top)
    shift = top - places
    if top <= 18 and float(np.max(np.abs(numerators) * 10.0**shift)) < 2.0**62:
        scaled = numerators.astype(np.int64) * (10**shift).astype(np.int64)
        return Column(scaled.tolist(), 10**top)
    ints = numerators.astype(np.int64).tolist()
    return Column([m * 10**k for m, k in zip(ints, shift.tolist(), strict=True)], 10**top)


SMALL = 64
"""A column this short is read value by value (NumPy's set-up costs more than it saves)."""


def _from_reprs(items: list[float]) -> Column | None:
    """Each float's shortest text (its repr) read as a decimal; None when one is written with
    an exponent or is not finite."""
    parts = []
    for v in items:
        if type(v) is int:
            parts.append((v, 0))
            continue
        found = decimal_parts(repr(float(v)))
        if found is None:
            return None
        numerator, places = found
        if places == 1 and numerator % 10 == 0:  # "3.0" is 3
            numerator, places = numerator // 10, 0
        parts.append((numerator, places))
    top = max((p for _, p in parts), default=0)
    return Column([m * 10 ** (top - p) for m, p in parts], 10**top)


def _from_mixed(items: list[Any]) -> Column:
    """Floats, decimal texts and :class:`~decimal.Decimal` values (each read exactly) over a
    common 10^d; anything else (``"1/3"``, a Fraction) through exact fractions."""
    numerators: list[int] = [0] * len(items)
    places: list[int] = [0] * len(items)
    floats = [i for i, v in enumerate(items) if isinstance(v, float | np.floating)]
    if floats:
        column = _from_floats([float(items[i]) for i in floats])
        top = len(str(column.denominator)) - 1
        for i, m in zip(floats, column.numerators, strict=True):
            numerators[i], places[i] = m, top
    chosen = set(floats)
    for i, v in enumerate(items):
        if i in chosen:
            continue
        if type(v) is int:
            numerators[i] = v
            continue
        text = str(v).strip() if isinstance(v, str | Decimal) else None
        parts = decimal_parts(text) if text is not None else None
        if parts is None:
            return _from_rationals([_rational(v) for v in items])
        numerators[i], places[i] = parts
    top = max(places, default=0)
    return Column(
        [m if p == top else m * 10 ** (top - p) for m, p in zip(numerators, places, strict=True)],
        10**top,
    )


def decimal_parts(text: str) -> tuple[int, int] | None:
    """``"-12.50"`` as (-1250, 2): a plain decimal's digits and its places (None otherwise)."""
    point = text.find(".")
    digits = text if point < 0 else text[:point] + text[point + 1 :]
    if not digits or not (digits.isdecimal() or (digits[0] in "+-" and digits[1:].isdecimal())):
        return None
    return int(digits), 0 if point < 0 else len(text) - point - 1


def _from_rationals(values: list[Fraction]) -> Column:
    denominator = 1
    for d in {v.denominator for v in values}:
        denominator = math.lcm(denominator, d)
        if denominator.bit_length() > MAX_DENOMINATOR_DIGITS * 3.33:
            raise NotSolvable(
                "the values are fractions with too many different denominators to add up "
                "exactly; give them as decimals"
            )
    return Column([v.numerator * (denominator // v.denominator) for v in values], denominator)


def _rational(value: Value) -> Fraction:
    if isinstance(value, Fraction | int | np.integer) and not isinstance(value, bool):
        return Fraction(int(value) if isinstance(value, np.integer) else value)
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise NotSolvable("every data value must be a finite number")
        return Fraction(repr(float(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NotSolvable("every data value must be a finite number")
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise NotSolvable(f"{value!r} is not a number") from None
    raise NotSolvable(f"{value!r} is not a number")


def columns(groups: Iterable[Column | Iterable[Value]]) -> tuple[Column, ...]:
    """Each group as an exact column."""
    return tuple(Column.of(g) for g in groups)


Real = float | int | Fraction


def exact(value: Real | Decimal) -> Fraction:
    """A number as the exact decimal it was typed as: a float is read from its shortest
    text (0.1 is 1/10, not the binary float nearest it)."""
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise NotSolvable("expected a finite number")
        return Fraction(repr(float(value)))
    return Fraction(int(value) if isinstance(value, np.integer) else value)
