"""Writing the numbers of calculus steps: exact fractions where possible, floats otherwise.

Floats are written with significant figures, not a fixed number of decimals, so a
small number keeps its digits: 0.000429187 stays 0.000429187, not 0.0004.

>>> text(0.00042918712), text(2.0), text(1234.56789), text(-0.1 + 0.2)
('0.000429187', '2', '1234.57', '0.1')
>>> text(4.5397868702e-05), latex(-1.5e-12)
('0.0000453979', '-1.5 \\\\times 10^{-12}')
"""

from __future__ import annotations

from mlmath.engine.calculus.expression import Value
from mlmath.engine.notation import float_latex, float_text
from mlmath.engine.render import number_latex, number_text

SIGNIFICANT = 6
"""Significant figures of a float in a worked step."""


def text(value: Value, significant: int = SIGNIFICANT) -> str:
    if isinstance(value, float):
        return float_text(value, significant)
    return number_text(value)


def latex(value: Value, significant: int = SIGNIFICANT) -> str:
    if isinstance(value, float):
        return float_latex(value, significant)
    return number_latex(value)


def paren_text(value: Value, significant: int = SIGNIFICANT) -> str:
    """The number in brackets where it follows an operator: negative, or a fraction that
    is divided (``(1/4)/3``, not ``1/4/3``)."""
    shown = text(value, significant)
    return f"({shown})" if value < 0 or "/" in shown else shown


def paren_latex(value: Value, significant: int = SIGNIFICANT) -> str:
    shown = latex(value, significant)
    return rf"\left({shown}\right)" if value < 0 else shown
