"""The three elementary row operations, as data.

Each operation knows how to apply itself, how to say what it does in words and
symbols, and what it does to a determinant — the facts behind "row operations
that preserve singularity".

>>> from mlmath.engine.exact import Matrix
>>> op = AddMultiple(target=1, source=0, factor=Fraction(-3))
>>> op.describe()
'Subtract 3 × row 1 from row 2'
>>> op.apply(Matrix.of([[1, 2], [3, 4]])).rows[1]
(Fraction(0, 1), Fraction(-2, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.exact import Matrix, plus_multiple
from mlmath.engine.render import number_latex, number_text


@dataclass(frozen=True, slots=True)
class Swap:
    """Exchange two rows. Multiplies the determinant by −1."""

    first: int
    second: int

    def apply(self, matrix: Matrix) -> Matrix:
        return matrix.swap_rows(self.first, self.second)

    def describe(self) -> str:
        return f"Swap row {self.first + 1} and row {self.second + 1}"

    def latex(self) -> str:
        return rf"R_{{{self.first + 1}}} \leftrightarrow R_{{{self.second + 1}}}"

    def text(self) -> str:
        return f"R{self.first + 1} <-> R{self.second + 1}"

    @property
    def determinant_factor(self) -> Fraction:
        return Fraction(-1)


@dataclass(frozen=True, slots=True)
class Scale:
    """Multiply a row by a non-zero number. Multiplies the determinant by that number."""

    row: int
    factor: Fraction

    def __post_init__(self) -> None:
        if self.factor == 0:
            raise ValueError("multiplying a row by 0 is not an elementary row operation")

    def apply(self, matrix: Matrix) -> Matrix:
        return matrix.with_row(self.row, (self.factor * a for a in matrix.rows[self.row]))

    def describe(self) -> str:
        if self.factor.numerator == 1 and self.factor.denominator != 1:
            return f"Divide row {self.row + 1} by {self.factor.denominator}"
        return f"Multiply row {self.row + 1} by {number_text(self.factor)}"

    def latex(self) -> str:
        return rf"R_{{{self.row + 1}}} \to {_coefficient_latex(self.factor)}R_{{{self.row + 1}}}"

    def text(self) -> str:
        return f"R{self.row + 1} -> {number_text(self.factor)}·R{self.row + 1}"

    @property
    def determinant_factor(self) -> Fraction:
        return self.factor


@dataclass(frozen=True, slots=True)
class AddMultiple:
    """Add ``factor`` times row ``source`` to row ``target``. Leaves the determinant unchanged."""

    target: int
    source: int
    factor: Fraction

    def __post_init__(self) -> None:
        if self.target == self.source:
            raise ValueError("a row operation adds a multiple of a *different* row")

    def apply(self, matrix: Matrix) -> Matrix:
        source = matrix.rows[self.source]
        return matrix.with_row(
            self.target,
            (
                plus_multiple(a, self.factor, b) if b else a
                for a, b in zip(matrix.rows[self.target], source, strict=True)
            ),
        )

    def describe(self) -> str:
        size = abs(self.factor)
        times = "" if size == 1 else f"{number_text(size)} × "
        if self.factor < 0:
            return f"Subtract {times}row {self.source + 1} from row {self.target + 1}"
        return f"Add {times}row {self.source + 1} to row {self.target + 1}"

    def latex(self) -> str:
        sign = "-" if self.factor < 0 else "+"
        return (
            rf"R_{{{self.target + 1}}} \to R_{{{self.target + 1}}} {sign} "
            rf"{_coefficient_latex(abs(self.factor))}R_{{{self.source + 1}}}"
        )

    def text(self) -> str:
        sign = "-" if self.factor < 0 else "+"
        size = abs(self.factor)
        times = "" if size == 1 else f"{number_text(size)}·"
        return f"R{self.target + 1} -> R{self.target + 1} {sign} {times}R{self.source + 1}"

    @property
    def determinant_factor(self) -> Fraction:
        return Fraction(1)


RowOperation = Swap | Scale | AddMultiple


def _coefficient_latex(factor: Fraction) -> str:
    if factor == 1:
        return ""
    if factor == -1:
        return "-"
    return number_latex(factor)
