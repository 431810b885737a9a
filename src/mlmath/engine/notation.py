"""Numbers and grids of numbers written out: as a learner types them, as LaTeX, as JSON.

The one place that knows how a number or a table of numbers is written, used by the
exact vectors and matrices to show themselves and by :mod:`mlmath.engine.render`.

>>> from fractions import Fraction
>>> number_text(Fraction(-1, 2)), number_latex(Fraction(-1, 2)), number_json(Fraction(3))
('-1/2', '-\\\\frac{1}{2}', 3)
>>> print(grid_text([[Fraction(1), Fraction(-2)], [Fraction(30), Fraction(4)]]))
⎡ 1  -2⎤
⎣30   4⎦
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any


def number_text(value: Fraction | int | float) -> str:
    """A number as a learner would type it: ``3``, ``-1/2``, ``0.25``."""
    if isinstance(value, float):
        return f"{value:.6g}"
    if type(value) is not Fraction:
        value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def number_latex(value: Fraction | int | float) -> str:
    if isinstance(value, float):
        mantissa, _, exponent = f"{value:.6g}".partition("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}" if exponent else mantissa
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
    cells = [[number_text(a) for a in row] for row in rows]
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
