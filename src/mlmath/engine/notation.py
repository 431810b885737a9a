"""Numbers and grids of numbers written out: as a learner types them, as LaTeX, as JSON.

The one place that knows how a number or a table of numbers is written, used by the
exact vectors and matrices to show themselves and by :mod:`mlmath.engine.render`.

>>> from fractions import Fraction
>>> number_text(Fraction(-1, 2)), number_latex(Fraction(-1, 2)), number_json(Fraction(3))
('-1/2', '-\\\\frac{1}{2}', 3)
>>> print(grid_text([[Fraction(1), Fraction(-2)], [Fraction(30), Fraction(4)]]))
⎡ 1  -2⎤
⎣30   4⎦

A float is written with six significant figures and, unless it is tiny or huge, without
a power of ten — never in a programming language's e-notation:

>>> number_text(4.5397868702e-05), number_text(-1e-06), number_text(2.5e-12)
('0.0000453979', '-0.000001', '2.5 × 10^-12')
>>> number_latex(4.5397868702e-05), number_latex(2.5e-12)
('0.0000453979', '2.5 \\\\times 10^{-12}')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

FLOAT_FIGURES = 6
"""Significant figures of a float written out."""

SMALLEST_PLAIN = -7
"""A float below 10^SMALLEST_PLAIN in size is written with a power of ten …"""
LARGEST_PLAIN = 15
"""… and so is one of 10^LARGEST_PLAIN or more; between, every digit is written out."""


def _float_parts(value: float, significant: int) -> tuple[str, int | None]:
    """``value`` to ``significant`` figures: its digits written out in full, or a mantissa
    and a power of ten when the number is tiny or huge."""
    shown = f"{value:.{significant}g}"
    mantissa, _, exponent = shown.partition("e")
    if not exponent:
        return shown, None
    power = int(exponent)
    if SMALLEST_PLAIN <= power < LARGEST_PLAIN:
        return format(Decimal(shown), "f"), None
    return mantissa, power


def float_text(value: float, significant: int = FLOAT_FIGURES) -> str:
    """A float as a person writes it: ``0.0000453979``, ``1234570``, ``2.5 × 10^-12``."""
    digits, power = _float_parts(value, significant)
    return digits if power is None else f"{digits} × 10^{power}"


def float_latex(value: float, significant: int = FLOAT_FIGURES) -> str:
    digits, power = _float_parts(value, significant)
    return digits if power is None else rf"{digits} \times 10^{{{power}}}"


def number_text(value: Fraction | int | float) -> str:
    """A number as a learner would type it: ``3``, ``-1/2``, ``0.25``."""
    if isinstance(value, float):
        return float_text(value)
    if type(value) is not Fraction:
        value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def number_latex(value: Fraction | int | float) -> str:
    if isinstance(value, float):
        return float_latex(value)
    if type(value) is not Fraction:
        value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value.numerator < 0 else ""
    return rf"{sign}\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def number_json(value: Fraction | int | float) -> Any:
    """Integers stay integers; other fractions become ``"p/q"`` strings, exactly."""
    if isinstance(value, float):
        return value
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def grid_latex(rows: Sequence[Sequence[Fraction]]) -> str:
    """A table of numbers as a bracketed LaTeX matrix."""
    body = r" \\ ".join(" & ".join(number_latex(a) for a in row) for row in rows)
    return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"


def grid_text(rows: Sequence[Sequence[Fraction]], bar_before: int | None = None) -> str:
    """A table of numbers in aligned columns between tall brackets (a bar before column
    ``bar_before`` for an augmented matrix)."""
    return bracketed([[number_text(a) for a in row] for row in rows], bar_before)


def bracketed(cells: Sequence[Sequence[str]], bar_before: int | None = None) -> str:
    """Cells already written (numbers, or entries such as ``4 - λ``) in aligned columns
    between tall brackets, as :func:`grid_text` writes numbers."""
    widths = [max(len(r[j]) for r in cells) for j in range(len(cells[0]))]
    lines = []
    for i, row in enumerate(cells):
        parts = []
        for j, cell in enumerate(row):
            if bar_before is not None and j == bar_before:
                parts.append("│")
            parts.append(cell.rjust(widths[j]))
        body = "  ".join(parts)
        if len(cells) == 1:
            left, right = "[", "]"
        elif i == 0:
            left, right = "⎡", "⎤"
        elif i == len(cells) - 1:
            left, right = "⎣", "⎦"
        else:
            left, right = "⎢", "⎥"
        lines.append(f"{left}{body}{right}")
    return "\n".join(lines)
