"""The inputs a skill takes from outside (``mlmath solve``, the explain page).

Each skill declares its inputs once as :class:`Field` objects under plain math
names. A field reads JSON into an exact engine value, checks shape and size, and
describes itself for ``mlmath solve --list``. Every error is one line for a
person.

>>> Field("matrix", "matrix", "the coefficient matrix").read([[1, "1/2"], [0, 2.5]])
Matrix(rows=((Fraction(1, 1), Fraction(1, 2)), (Fraction(0, 1), Fraction(5, 2))))
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.render import to_json

FieldKind = Literal[
    "number", "integer", "vector", "vectors", "matrix", "string", "choice", "expression", "data"
]

MAX_DIMENSION = 10
"""Largest number of rows, columns or vector entries accepted from outside."""
MAX_DATA_POINTS = 10_000
MAX_NUMBER_TEXT = 40
"""Longest number written as text (``"123456789/987654321"``) accepted from outside."""


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
                if not isinstance(raw, list) or not raw:
                    raise InputError("expected a non-empty list of numbers")
                if len(raw) > MAX_DATA_POINTS:
                    raise InputError(f"at most {MAX_DATA_POINTS} data points are accepted")
                return tuple(read_float(x) for x in raw)
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


def read_float(raw: Any) -> float:
    """A finite float from JSON (for real data sets)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise InputError(f"expected a number, got {raw!r}")
    value = float(raw)
    if not math.isfinite(value):
        raise InputError("expected a finite number")
    return value
