"""The inputs a skill takes from outside (``mlmath solve``, the explain page).

Each skill declares its inputs once as :class:`Field` objects under plain math
names. A field reads JSON into an exact engine value, checks shape and size, and
describes itself for ``mlmath solve --list``. Every error is one line for a
person.

Data sets (kind ``data``: one column of values; ``groups``: several columns of
different lengths) are read exactly, as the decimals they were typed as (see
:class:`~mlmath.engine.statistics.columns.Column`), and may be as large as real data:
up to :data:`MAX_DATA_POINTS` values in all.

>>> Field("matrix", "matrix", "the coefficient matrix").read([[1, "1/2"], [0, 2.5]])
Matrix(rows=((Fraction(1, 1), Fraction(1, 2)), (Fraction(0, 1), Fraction(5, 2))))
>>> Field("data", "data", "the sample").read([1000000000000.4, "1000000000000.3"]).mean
Fraction(20000000000007, 20)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.render import to_json
from mlmath.engine.solution import NotSolvable
from mlmath.engine.statistics.columns import Column, decimal_parts

FieldKind = Literal[
    "number",
    "integer",
    "vector",
    "vectors",
    "matrix",
    "string",
    "choice",
    "expression",
    "data",
    "groups",
]

MAX_DIMENSION = 10
"""Largest number of rows, columns or vector entries accepted from outside."""
MAX_DATA_POINTS = 250_000
"""Most data values a skill accepts from outside, in all its data inputs together."""
MAX_GROUPS = 500
"""Most groups (of a ``groups`` input, such as ANOVA's) accepted from outside."""
MAX_NUMBER_TEXT = 40
"""Longest number written as text (``"123456789/987654321"``) accepted from outside."""
LARGEST = 10**15
"""Numbers from outside are smaller than this in size (15 digits before the point)."""
DATA_KINDS = ("data", "groups")
"""Kinds of input that hold a data set (and can be read from columns of a CSV file)."""


def read_json(text: str | bytes) -> Any:
    """JSON as the learner wrote it: a decimal long enough to lose digits in a binary float
    (more than 15 characters) is kept exactly, as a :class:`~decimal.Decimal`."""
    return json.loads(text, parse_float=_decimal_or_float)


def _decimal_or_float(text: str) -> float | Decimal:
    return float(text) if len(text) <= 15 else Decimal(text)


class InputError(ValueError):
    """The input to a skill is malformed; the message says which input and why."""


@dataclass(frozen=True, slots=True)
class Field:
    """One named input of a skill."""

    name: str
    kind: FieldKind
    help: str
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()
    square: bool = False
    min_size: int = 1
    max_size: int = MAX_DIMENSION

    def read(self, raw: Any) -> Any:
        """The value of this input, from its JSON form."""
        try:
            return self._read(raw)
        except InputError as error:
            raise InputError(f"{self.name}: {error}") from None

    def _read(self, raw: Any) -> Any:
        match self.kind:
            case "number":
                return read_number(raw)
            case "integer":
                value = read_number(raw)
                if value.denominator != 1:
                    raise InputError(f"expected a whole number, got {raw!r}")
                return int(value)
            case "vector":
                return self._vector(raw)
            case "vectors":
                if not isinstance(raw, list) or not raw:
                    raise InputError("expected a list of vectors, like [[1, 2], [3, 4]]")
                if len(raw) > self.max_size:
                    raise InputError(f"at most {self.max_size} vectors are accepted")
                vectors = tuple(self._vector(v) for v in raw)
                if len({len(v) for v in vectors}) != 1:
                    raise InputError("every vector must have the same number of entries")
                return vectors
            case "matrix":
                return self._matrix(raw)
            case "string" | "expression":
                if not isinstance(raw, str):
                    raise InputError(f"expected text, got {type(raw).__name__}")
                if len(raw) > 500:
                    raise InputError("text longer than 500 characters is not accepted")
                return raw
            case "choice":
                if raw not in self.choices:
                    raise InputError(f"expected one of {', '.join(self.choices)}; got {raw!r}")
                return raw
            case "data":
                return read_column(raw)
            case "groups":
                return read_groups(raw, self.min_size)
        raise AssertionError(self.kind)

    def _vector(self, raw: Any) -> Vector:
        if not isinstance(raw, list) or not raw:
            raise InputError("expected a list of numbers, like [1, 2, 3]")
        if any(isinstance(x, list) for x in raw):
            raise InputError("expected a flat list of numbers, like [1, 2, 3]")
        if not self.min_size <= len(raw) <= self.max_size:
            low, high = self.min_size, self.max_size
            wanted = f"{low}" if low == high else f"{low} to {high}"
            raise InputError(f"expected {wanted} entries, got {len(raw)}")
        return Vector(tuple(read_number(x) for x in raw))

    def _matrix(self, raw: Any) -> Matrix:
        if not isinstance(raw, list) or not raw or not all(isinstance(r, list) for r in raw):
            raise InputError("expected a list of rows, like [[1, 2], [3, 4]]")
        if len({len(r) for r in raw}) != 1:
            raise InputError("every row must have the same number of entries")
        rows, columns = len(raw), len(raw[0])
        low, high = self.min_size, self.max_size
        if self.square and low == high and (rows, columns) != (low, low):
            raise InputError(f"expected a {low}×{low} matrix, got {rows}×{columns}")
        if self.square and rows != columns:
            raise InputError(f"expected a square matrix, got {rows}×{columns}")
        for count, what in ((rows, "rows"), (columns, "columns")):
            if not low <= count <= high:
                wanted = f"{low}" if low == high else f"{low} to {high}"
                raise InputError(f"expected {wanted} {what}, got {count}")
        return Matrix(tuple(tuple(read_number(x) for x in row) for row in raw))

    def schema(self) -> dict[str, Any]:
        """A JSON description for ``mlmath solve --list``."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "help": self.help}
        if not self.required:
            out["default"] = to_json(self.default)
        if self.choices:
            out["choices"] = list(self.choices)
        if self.kind in ("vector", "vectors", "matrix"):
            out["size"] = [self.min_size, self.max_size]
        if self.kind in DATA_KINDS:
            out["most_values"] = MAX_DATA_POINTS
        if self.kind == "groups":
            out["groups"] = [self.min_size, MAX_GROUPS]
        if self.square:
            out["square"] = True
        return out


def read_number(raw: Any) -> Fraction:
    """An exact number from JSON: an integer, a decimal, or a string like ``"3/4"``."""
    if isinstance(raw, bool) or raw is None:
        raise InputError(f"expected a number, got {raw!r}")
    if isinstance(raw, int):
        if abs(raw) >= 10**15:
            raise InputError("numbers of more than 15 digits are not accepted")
        return Fraction(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise InputError("expected a finite number")
        if raw != 0 and not 1e-12 <= abs(raw) < 1e15:
            raise InputError(f"{raw!r} is outside the accepted range (1e-12 to 1e15)")
        return Fraction(repr(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise InputError("expected a finite number")
        if len(str(raw)) > MAX_NUMBER_TEXT:
            raise InputError("that number is written with too many characters")
        value = Fraction(raw)
        if value and not Fraction(1, 10**12) <= abs(value) < LARGEST:
            raise InputError(f"{raw} is outside the accepted range (1e-12 to 1e15)")
        return value
    if isinstance(raw, str):
        text = raw.strip()
        if len(text) > MAX_NUMBER_TEXT:
            raise InputError("that number is written with too many characters")
        if "e" in text.lower() or "_" in text:
            raise InputError(f"expected a number like 3, -1.5 or 2/3, got {raw!r}")
        try:
            value = Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise InputError(f"expected a number like 3, -1.5 or 2/3, got {raw!r}") from None
        return value
    raise InputError(f"expected a number, got {type(raw).__name__}")


def read_column(raw: Any, name: str = "") -> Column:
    """A data set from JSON, exactly: a list of numbers (or numbers as text, ``"3/4"``)."""
    where = f"{name}: " if name else ""
    if isinstance(raw, Column):  # already exact (read from a CSV file)
        return _bounded(raw, where)
    if not isinstance(raw, list | tuple) or not raw:
        raise InputError(f"{where}expected a non-empty list of numbers, like [2.5, 3.1, 4]")
    if len(raw) > MAX_DATA_POINTS:
        raise InputError(
            f"{where}{len(raw):,} values is more than the {MAX_DATA_POINTS:,} accepted"
        )
    values = list(raw)
    for i, v in enumerate(values):
        kind = type(v)
        if kind is float or kind is int:
            continue
        if kind is Decimal and v.is_finite() and len(str(v)) <= MAX_NUMBER_TEXT:
            continue  # a long decimal from the JSON, read exactly by the column
        if kind is str and len(v) <= MAX_NUMBER_TEXT and decimal_parts(v.strip()) is not None:
            continue  # a decimal written as text: the same
        try:
            values[i] = read_number(v)
        except InputError as error:
            raise InputError(f"{where}value {i + 1}: {error}") from None
    try:
        column = Column.of(values)
    except NotSolvable as error:
        raise InputError(f"{where}{error}") from None
    return _bounded(column, where)


def _bounded(column: Column, where: str) -> Column:
    if not column.n:
        raise InputError(f"{where}expected a non-empty list of numbers, like [2.5, 3.1, 4]")
    if column.n > MAX_DATA_POINTS:
        raise InputError(
            f"{where}{column.n:,} values is more than the {MAX_DATA_POINTS:,} accepted"
        )
    largest = max(abs(min(column.numerators)), abs(max(column.numerators)))
    if largest >= LARGEST * column.denominator:
        raise InputError(f"{where}data values must be smaller than 1e15 in size")
    return column


def read_groups(raw: Any, at_least: int = 2) -> tuple[Column, ...]:
    """Groups of data (each a list of numbers, sizes may differ) from JSON."""
    if not isinstance(raw, list | tuple) or not all(
        isinstance(g, list | tuple | Column) for g in raw
    ):
        raise InputError("expected a list of groups, each a list of numbers: [[1, 2], [3, 4, 5]]")
    if not at_least <= len(raw) <= MAX_GROUPS:
        raise InputError(f"expected {at_least} to {MAX_GROUPS} groups, got {len(raw):,}")
    total = sum(len(g) for g in raw)
    if total > MAX_DATA_POINTS:
        raise InputError(f"{total:,} values is more than the {MAX_DATA_POINTS:,} accepted")
    return tuple(read_column(g, f"group {i + 1}") for i, g in enumerate(raw))
