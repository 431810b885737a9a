"""Writing the numbers of calculus steps: exact fractions where possible, floats otherwise."""

from __future__ import annotations

from mlmath.engine.calculus.expression import Value
from mlmath.engine.render import number_latex, number_text

DECIMALS = 4


def text(value: Value) -> str:
    if isinstance(value, float):
        return f"{round(value, DECIMALS):g}" if abs(value) < 1e6 else f"{value:.6g}"
    return number_text(value)


def latex(value: Value) -> str:
    if isinstance(value, float):
        return text(value) if abs(value) < 1e6 else number_latex(value)
    return number_latex(value)


def paren_text(value: Value) -> str:
    return f"({text(value)})" if value < 0 else text(value)


def paren_latex(value: Value) -> str:
    return rf"\left({latex(value)}\right)" if value < 0 else latex(value)
