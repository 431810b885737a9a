"""Does a function have a derivative at a point? Compare the slopes on either side.

A derivative exists where the graph is smooth: the function is defined and
continuous there, the slopes from the left and from the right agree, and they
are finite. Each failure has a picture — a jump, a corner, a vertical tangent.

>>> from mlmath.engine.calculus.expression import Func, Var
>>> from fractions import Fraction
>>> derivative_exists(Func("abs", Var("x")), "x", Fraction(0)).answer
'corner'
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Literal

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.expression import Expr, Undefined, Value
from mlmath.engine.notation import float_text
from mlmath.engine.solution import Formula, Solution, Step

Verdict = Literal["exists", "jump", "corner", "vertical"]

H = Fraction(1, 10**6)
JUMP = 1e-3
SHRINK = 1000
STEEP = 1e3
KINK = 1e-3

EXPLANATIONS: dict[Verdict, str] = {
    "exists": "Both one-sided slopes agree and are finite: the derivative exists",
    "jump": (
        "The graph breaks (it jumps or has a hole) at this point, so no tangent line can touch it"
    ),
    "corner": (
        "The slopes from the left and from the right differ: a corner, with no single tangent"
    ),
    "vertical": (
        "The slopes grow without bound: the tangent is vertical, and a vertical line has no slope"
    ),
}


def _value(expression: Expr, variable: str, x: Value) -> float | None:
    try:
        return float(expression.evaluate({variable: x}))
    except (Undefined, ZeroDivisionError, OverflowError):
        return None


def _gap(expression: Expr, variable: str, at: Fraction, here: float, h: Fraction) -> float:
    """How far the values at ``at ± h`` are from the value at ``at`` (inf if undefined)."""
    sides = [_value(expression, variable, at - h), _value(expression, variable, at + h)]
    return max(abs(here - v) if v is not None else math.inf for v in sides)


def _breaks(expression: Expr, variable: str, at: Fraction, here: float) -> bool:
    """Whether the graph breaks at ``at``: the values next to it stay away from f(at) as h
    shrinks. A continuous graph closes the gap, even a steep one (x^(1/3) at 0 moves
    0.01 at h = 10⁻⁶ but only 0.001 at h = 10⁻⁹); a jump keeps it."""
    if _gap(expression, variable, at, here, H) <= JUMP:
        return False
    closer = _gap(expression, variable, at, here, H / SHRINK)
    return closer > JUMP and closer > _gap(expression, variable, at, here, H) / 2


def derivative_exists(expression: Expr, variable: str, at: Fraction) -> Solution[Verdict]:
    """``exists``, ``jump`` (not continuous or not defined), ``corner`` or ``vertical``."""
    here = _value(expression, variable, at)
    left = _value(expression, variable, at - H)
    right = _value(expression, variable, at + H)
    where = numbers.text(at)
    steps = []
    verdict: Verdict
    if here is None or left is None or right is None or _breaks(expression, variable, at, here):
        shown = _show(here)
        steps.append(
            Step(
                f"Look at the values next to x = {where}",
                Formula(
                    rf"f({where}) \text{{ is }} {shown},"
                    rf"\quad f({where} - h) \approx {_show(left)},"
                    rf"\quad f({where} + h) \approx {_show(right)}",
                    f"f({where}) is {shown}, f({where} - h) ≈ {_show(left)}, "
                    f"f({where} + h) ≈ {_show(right)}",
                ),
            )
        )
        verdict = "jump"
    else:
        slope_left = (here - left) / float(H)
        slope_right = (right - here) / float(H)
        steps.append(
            Step(
                f"Slopes of short secants on each side of x = {where} (h = 10⁻⁶)",
                Formula(
                    rf"\text{{left}} \approx {_show(slope_left)},"
                    rf"\quad \text{{right}} \approx {_show(slope_right)}",
                    f"left ≈ {_show(slope_left)}, right ≈ {_show(slope_right)}",
                ),
            )
        )
        if max(abs(slope_left), abs(slope_right)) > STEEP:
            verdict = "vertical"
        elif abs(slope_left - slope_right) > KINK:
            verdict = "corner"
        else:
            verdict = "exists"
            slope = round((slope_left + slope_right) / 2, DECIMALS) + 0.0
            steps.append(
                Step(
                    "As h shrinks, both one-sided slopes approach the same finite value, "
                    f"f′({where}) ≈ {_show(slope)}: the derivative exists"
                )
            )
            return Solution(verdict, tuple(steps))
    steps.append(Step(EXPLANATIONS[verdict]))
    return Solution(verdict, tuple(steps))


DECIMALS = 4
"""Decimal places of the slope both sides approach (a secant with h = 10⁻⁶ is that close)."""


def _show(value: float | None) -> str:
    """A value or slope as a person writes it (−0.000001, not -1e-06)."""
    if value is None:
        return "undefined"
    return float_text(value, 4) if value else "0"


__all__ = ["EXPLANATIONS", "Verdict", "derivative_exists"]
