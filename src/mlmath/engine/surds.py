"""Exact square roots: numbers of the form ``a + b·√d`` with rational ``a``, ``b``.

Lengths of integer vectors (``√(3² + 4² + 1²) = √26``), cosines of angles and the
eigenvalues of 2×2 matrices (the quadratic formula) are exact when written with one
square root, so a worked solution can show ``5√2`` or ``(3 + √5)/2`` instead of a
decimal. ``d`` is kept square-free; a negative ``d`` is an imaginary part
(``√−4 = 2i``), which is how complex eigenvalues of a rotation are written.

>>> Surd.sqrt(50).text()
'5√2'
>>> (Surd.sqrt(5) + 3).scale(Fraction(1, 2)).text()
'(3 + √5)/2'
>>> Surd.sqrt(-4).text()
'2i'
>>> Surd.sqrt(Fraction(9, 4)).rational_value()
Fraction(3, 2)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.render import number_latex, number_text


def square_free_split(n: int) -> tuple[int, int]:
    """``n = k²·m`` with ``m`` square-free; returns ``(k, m)`` (``m`` keeps the sign).

    >>> square_free_split(72)
    (6, 2)
    >>> square_free_split(-12)
    (2, -3)
    """
    if n == 0:
        return 0, 1
    sign = -1 if n < 0 else 1
    rest = abs(n)
    outside = 1
    factor = 2
    while factor * factor <= rest:
        while rest % (factor * factor) == 0:
            rest //= factor * factor
            outside *= factor
        factor += 1
    return outside, sign * rest


@dataclass(frozen=True, slots=True)
class Surd:
    """The number ``rational + coefficient·√radicand``.

    Normal form: ``radicand`` is square-free and not 1; when ``coefficient`` is 0
    the radicand is 1 (the number is rational). Two equal numbers have equal fields.
    """

    rational: Fraction
    coefficient: Fraction = Fraction(0)
    radicand: int = 1

    def __post_init__(self) -> None:
        if self.coefficient == 0 and self.radicand != 1:
            object.__setattr__(self, "radicand", 1)
        if self.radicand == 1 and self.coefficient != 0:
            object.__setattr__(self, "rational", self.rational + self.coefficient)
            object.__setattr__(self, "coefficient", Fraction(0))
        if self.radicand == 0:
            object.__setattr__(self, "coefficient", Fraction(0))
            object.__setattr__(self, "radicand", 1)

    # --- building --------------------------------------------------------------

    @classmethod
    def of(cls, value: Surd | Fraction | int) -> Surd:
        return value if isinstance(value, Surd) else cls(Fraction(value))

    @classmethod
    def sqrt(cls, value: Fraction | int) -> Surd:
        """The principal square root of a rational number, simplified."""
        value = Fraction(value)
        # √(p/q) = √(p·q)/q
        outside, inside = square_free_split(value.numerator * value.denominator)
        coefficient = Fraction(outside, value.denominator)
        if inside == 1:
            return cls(coefficient)
        return cls(Fraction(0), coefficient, inside)

    # --- questions --------------------------------------------------------------

    @property
    def is_rational(self) -> bool:
        return self.coefficient == 0

    @property
    def is_real(self) -> bool:
        return self.radicand > 0

    def rational_value(self) -> Fraction:
        if not self.is_rational:
            raise ValueError(f"{self.text()} is not a rational number")
        return self.rational

    def to_float(self) -> float:
        if not self.is_real:
            raise ValueError(f"{self.text()} is not a real number")
        return float(self.rational) + float(self.coefficient) * math.sqrt(self.radicand)

    def to_complex(self) -> complex:
        root = (
            complex(0, math.sqrt(-self.radicand)) if self.radicand < 0 else math.sqrt(self.radicand)
        )
        return float(self.rational) + float(self.coefficient) * root

    def conjugate(self) -> Surd:
        """``a − b√d``: the other root of the same quadratic."""
        return Surd(self.rational, -self.coefficient, self.radicand)

    def to_sympy(self) -> Any:
        """The same number as a SymPy expression (imports SymPy: keep off hot paths)."""
        import sympy

        return sympy.Rational(self.rational.numerator, self.rational.denominator) + sympy.Rational(
            self.coefficient.numerator, self.coefficient.denominator
        ) * sympy.sqrt(self.radicand)

    # --- arithmetic -------------------------------------------------------------

    def _same_field(self, other: Surd) -> int:
        if self.is_rational:
            return other.radicand
        if other.is_rational or other.radicand == self.radicand:
            return self.radicand
        raise ValueError(f"cannot combine √{self.radicand} and √{other.radicand} exactly")

    def __add__(self, other: Surd | Fraction | int) -> Surd:
        other = Surd.of(other)
        d = self._same_field(other)
        return Surd(self.rational + other.rational, self.coefficient + other.coefficient, d)

    __radd__ = __add__

    def __neg__(self) -> Surd:
        return Surd(-self.rational, -self.coefficient, self.radicand)

    def __sub__(self, other: Surd | Fraction | int) -> Surd:
        return self + (-Surd.of(other))

    def __rsub__(self, other: Surd | Fraction | int) -> Surd:
        return Surd.of(other) - self

    def __mul__(self, other: Surd | Fraction | int) -> Surd:
        other = Surd.of(other)
        d = self._same_field(other)
        return Surd(
            self.rational * other.rational + self.coefficient * other.coefficient * d,
            self.rational * other.coefficient + self.coefficient * other.rational,
            d,
        )

    __rmul__ = __mul__

    def scale(self, factor: Fraction | int) -> Surd:
        return Surd(self.rational * factor, self.coefficient * factor, self.radicand)

    def __truediv__(self, other: Surd | Fraction | int) -> Surd:
        other = Surd.of(other)
        if other.is_rational:
            if other.rational == 0:
                raise ZeroDivisionError("division by zero")
            return self.scale(1 / other.rational)
        # multiply top and bottom by the conjugate: (c + e√d)(c − e√d) = c² − e²d
        bottom = other.rational**2 - other.coefficient**2 * other.radicand
        return (self * other.conjugate()).scale(1 / bottom)

    def __rtruediv__(self, other: Surd | Fraction | int) -> Surd:
        return Surd.of(other) / self

    # --- writing ----------------------------------------------------------------

    def _parts(self) -> tuple[int, int, int, int]:
        """``(a, b, d, q)`` with the number equal to ``(a + b√d)/q``, all integers."""
        q = math.lcm(self.rational.denominator, self.coefficient.denominator)
        return (
            int(self.rational * q),
            int(self.coefficient * q),
            self.radicand,
            q,
        )

    def text(self) -> str:
        if self.is_rational:
            return number_text(self.rational)
        a, b, d, q = self._parts()
        root = _root_text(abs(b), d)
        body = root if a == 0 else f"{a} {'-' if b < 0 else '+'} {root}"
        if a == 0 and b < 0:
            body = "-" + body
        if q == 1:
            return body
        return f"({body})/{q}" if a != 0 else f"{body}/{q}"

    def latex(self) -> str:
        if self.is_rational:
            return number_latex(self.rational)
        a, b, d, q = self._parts()
        root = _root_latex(abs(b), d)
        if a == 0:
            top = root
            if q == 1:
                return ("-" if b < 0 else "") + top
            return ("-" if b < 0 else "") + rf"\frac{{{top}}}{{{q}}}"
        top = f"{a} {'-' if b < 0 else '+'} {root}"
        return top if q == 1 else rf"\frac{{{top}}}{{{q}}}"

    def typed(self) -> str:
        """The number as a learner could type it: ``(3 + sqrt(5))/2``, ``2*sqrt(3)``."""
        if self.is_rational:
            return number_text(self.rational)
        a, b, d, q = self._parts()
        root = f"sqrt({d})" if d > 0 else ("i" if d == -1 else f"i*sqrt({-d})")
        root = root if abs(b) == 1 else f"{abs(b)}*{root}"
        body = root if a == 0 else f"{a} {'-' if b < 0 else '+'} {root}"
        if a == 0 and b < 0:
            body = "-" + body
        if q == 1:
            return body
        return f"({body})/{q}" if a != 0 else f"{body}/{q}"

    def to_json(self) -> Any:
        out: dict[str, Any] = {"exact": self.typed()}
        if self.is_real:
            out["approx"] = self.to_float()
        else:
            z = self.to_complex()
            out["approx"] = [z.real, z.imag]
        return out

    def __str__(self) -> str:
        return self.text()


def _root_text(size: int, radicand: int) -> str:
    if radicand < 0:
        inner = "" if radicand == -1 else f"√{-radicand}"
        head = "" if size == 1 else str(size)
        return f"{head}{'i' if not inner else 'i' + inner}" if head else ("i" + inner)
    return f"√{radicand}" if size == 1 else f"{size}√{radicand}"


def _root_latex(size: int, radicand: int) -> str:
    head = "" if size == 1 else str(size)
    if radicand < 0:
        inner = "" if radicand == -1 else rf"\sqrt{{{-radicand}}}"
        return f"{head}i{inner}"
    return rf"{head}\sqrt{{{radicand}}}"
