"""Exact vectors and matrices of fractions, for problems a learner works by hand.

Hand-sized linear algebra (elimination, determinants, inverses of small integer
matrices) is done in exact rational arithmetic so that every intermediate
number in a worked solution is the number a person would write.

>>> A = Matrix.of([[1, 2], [3, 4]])
>>> A.shape
(2, 2)
>>> A @ Vector.of([1, 1])
Vector(entries=(Fraction(3, 1), Fraction(7, 1)))
>>> A.transpose().rows[0]
(Fraction(1, 1), Fraction(3, 1))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any

from mlmath.engine.notation import grid_latex, grid_text, number_json, number_text

Scalar = Fraction
ScalarLike = int | Fraction | str | Decimal


def fraction(value: ScalarLike | float) -> Fraction:
    """Return ``value`` as an exact fraction.

    Floats are read through their shortest decimal form, so ``0.1`` becomes
    ``1/10`` rather than the binary approximation.

    >>> fraction(0.1)
    Fraction(1, 10)
    >>> fraction("3/4")
    Fraction(3, 4)
    """
    if type(value) is int:  # the usual case first (a bool is not exactly an int)
        return Fraction(value)
    if isinstance(value, bool):
        raise TypeError("a truth value is not a number")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(repr(value))
    if isinstance(value, Rational | int | Decimal | str):
        return Fraction(value)
    raise TypeError(f"cannot read {value!r} as an exact number")


def plus_multiple(a: Fraction, factor: Fraction, b: Fraction) -> Fraction:
    """``a + factor × b`` exactly, the step of every elimination.

    Worked over one common denominator with plain integers and reduced once: the same
    fraction as ``a + factor * b``, about three times faster (two Fraction operations
    each reduce and dispatch).

    >>> plus_multiple(Fraction(7, 3), Fraction(-5, 2), Fraction(4, 9))
    Fraction(11, 9)
    """
    an, ad = a.as_integer_ratio()
    fn, fd = factor.as_integer_ratio()
    bn, bd = b.as_integer_ratio()
    return Fraction(an * fd * bd + fn * bn * ad, ad * fd * bd)


@dataclass(frozen=True, slots=True)
class Vector:
    """A column vector of exact fractions."""

    entries: tuple[Fraction, ...]

    @classmethod
    def of(cls, values: Iterable[ScalarLike | float]) -> Vector:
        return cls(tuple(fraction(v) for v in values))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Fraction]:
        return iter(self.entries)

    def __getitem__(self, index: int) -> Fraction:
        return self.entries[index]

    def __add__(self, other: Vector) -> Vector:
        _same_length(self, other)
        return Vector(tuple(a + b for a, b in zip(self.entries, other.entries, strict=True)))

    def __sub__(self, other: Vector) -> Vector:
        _same_length(self, other)
        return Vector(tuple(a - b for a, b in zip(self.entries, other.entries, strict=True)))

    def __neg__(self) -> Vector:
        return Vector(tuple(-a for a in self.entries))

    def scale(self, factor: ScalarLike) -> Vector:
        k = fraction(factor)
        return Vector(tuple(k * a for a in self.entries))

    def dot(self, other: Vector) -> Fraction:
        _same_length(self, other)
        mine, theirs = self.entries, other.entries
        if all(a.denominator == 1 for a in mine) and all(b.denominator == 1 for b in theirs):
            # whole numbers (most hand-sized problems): integer arithmetic, one fraction
            return Fraction(
                sum(a.numerator * b.numerator for a, b in zip(mine, theirs, strict=True))
            )
        return sum((a * b for a, b in zip(mine, theirs, strict=True)), Fraction(0))

    def is_zero(self) -> bool:
        return all(a == 0 for a in self.entries)

    def to_floats(self) -> list[float]:
        return [float(a) for a in self.entries]

    # Rendering, so a vector is a math object a worked-solution step can show.
    def latex(self) -> str:
        return grid_latex([(a,) for a in self.entries])

    def text(self) -> str:
        return "(" + ", ".join(number_text(a) for a in self.entries) + ")"

    def to_json(self) -> Any:
        return [number_json(a) for a in self.entries]


@dataclass(frozen=True, slots=True)
class Matrix:
    """An immutable m×n matrix of exact fractions, stored by rows."""

    rows: tuple[tuple[Fraction, ...], ...]

    def __post_init__(self) -> None:
        if not self.rows or not self.rows[0]:
            raise ValueError("a matrix needs at least one row and one column")
        width = len(self.rows[0])
        if any(len(row) != width for row in self.rows):
            raise ValueError("every row of a matrix must have the same number of entries")

    @classmethod
    def of(cls, rows: Iterable[Iterable[ScalarLike | float]]) -> Matrix:
        return cls(tuple(tuple(fraction(v) for v in row) for row in rows))

    @classmethod
    def identity(cls, n: int) -> Matrix:
        return cls(tuple(tuple(Fraction(int(i == j)) for j in range(n)) for i in range(n)))

    @classmethod
    def from_columns(cls, columns: Sequence[Vector]) -> Matrix:
        return cls(tuple(zip(*(c.entries for c in columns), strict=True)))

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.rows[0])

    @property
    def is_square(self) -> bool:
        m, n = self.shape
        return m == n

    def __getitem__(self, index: tuple[int, int]) -> Fraction:
        i, j = index
        return self.rows[i][j]

    def row(self, i: int) -> Vector:
        return Vector(self.rows[i])

    def column(self, j: int) -> Vector:
        return Vector(tuple(row[j] for row in self.rows))

    def columns(self) -> tuple[Vector, ...]:
        return tuple(self.column(j) for j in range(self.shape[1]))

    def transpose(self) -> Matrix:
        return Matrix(tuple(zip(*self.rows, strict=True)))

    def __add__(self, other: Matrix) -> Matrix:
        _same_shape(self, other)
        return Matrix(
            tuple(
                tuple(a + b for a, b in zip(r, s, strict=True))
                for r, s in zip(self.rows, other.rows, strict=True)
            )
        )

    def __sub__(self, other: Matrix) -> Matrix:
        _same_shape(self, other)
        return Matrix(
            tuple(
                tuple(a - b for a, b in zip(r, s, strict=True))
                for r, s in zip(self.rows, other.rows, strict=True)
            )
        )

    def scale(self, factor: ScalarLike) -> Matrix:
        k = fraction(factor)
        return Matrix(tuple(tuple(k * a for a in row) for row in self.rows))

    def __matmul__(self, other: Matrix | Vector) -> Matrix | Vector:
        if isinstance(other, Vector):
            if self.shape[1] != len(other):
                raise ValueError(
                    f"cannot multiply a {self.shape[0]}×{self.shape[1]} matrix "
                    f"by a vector with {len(other)} entries"
                )
            return Vector(tuple(Vector(row).dot(other) for row in self.rows))
        if self.shape[1] != other.shape[0]:
            raise ValueError(
                f"cannot multiply a {self.shape[0]}×{self.shape[1]} matrix "
                f"by a {other.shape[0]}×{other.shape[1]} matrix"
            )
        if all(a.denominator == 1 for row in self.rows for a in row) and all(
            b.denominator == 1 for row in other.rows for b in row
        ):
            # whole numbers (most hand-sized problems): integer arithmetic, one fraction
            # per entry, as Vector.dot does
            left = [[a.numerator for a in row] for row in self.rows]
            right = list(zip(*([b.numerator for b in row] for row in other.rows), strict=True))
            return Matrix(
                tuple(
                    tuple(Fraction(sum(p * q for p, q in zip(r, c, strict=True))) for c in right)
                    for r in left
                )
            )
        columns = other.columns()
        return Matrix(tuple(tuple(Vector(row).dot(c) for c in columns) for row in self.rows))

    def times_vector(self, vector: Vector) -> Vector:
        """``self @ vector``, typed as a vector."""
        result = self @ vector
        assert isinstance(result, Vector)
        return result

    def times_matrix(self, other: Matrix) -> Matrix:
        """``self @ other``, typed as a matrix."""
        result = self @ other
        assert isinstance(result, Matrix)
        return result

    def with_row(self, i: int, row: Iterable[Fraction]) -> Matrix:
        rows = list(self.rows)
        rows[i] = tuple(row)
        return Matrix(tuple(rows))

    def swap_rows(self, i: int, j: int) -> Matrix:
        rows = list(self.rows)
        rows[i], rows[j] = rows[j], rows[i]
        return Matrix(tuple(rows))

    def augment(self, other: Matrix | Vector) -> Matrix:
        """The matrix ``[self | other]``."""
        extra = Matrix.from_columns([other]) if isinstance(other, Vector) else other
        if extra.shape[0] != self.shape[0]:
            raise ValueError("an augmented matrix needs the same number of rows on both sides")
        return Matrix(tuple(r + s for r, s in zip(self.rows, extra.rows, strict=True)))

    def is_zero(self) -> bool:
        return all(a == 0 for row in self.rows for a in row)

    def to_floats(self) -> list[list[float]]:
        return [[float(a) for a in row] for row in self.rows]

    # Rendering, so a matrix is a math object a worked-solution step can show.
    def latex(self) -> str:
        return grid_latex(self.rows)

    def text(self) -> str:
        return grid_text(self.rows)

    def to_json(self) -> Any:
        return [[number_json(a) for a in row] for row in self.rows]


def _same_length(u: Vector, v: Vector) -> None:
    if len(u) != len(v):
        raise ValueError(f"vectors of lengths {len(u)} and {len(v)} cannot be combined")


def _same_shape(a: Matrix, b: Matrix) -> None:
    if a.shape != b.shape:
        raise ValueError(f"matrices of shapes {a.shape} and {b.shape} cannot be combined")
