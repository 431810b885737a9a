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

from fractions import Fraction
from typing import Literal

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.expression import Expr, Undefined, Value
from mlmath.engine.solution import Formula, Solution, Step

Verdict = Literal["exists", "jump", "corner", "vertical"]

H = Fraction(1, 10**6)
JUMP = 1e-3
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


def derivative_exists(expression: Expr, variable: str, at: Fraction) -> Solution[Verdict]:
    """``exists``, ``jump`` (not continuous or not defined), ``corner`` or ``vertical``."""
    here = _value(expression, variable, at)
    left = _value(expression, variable, at - H)
    right = _value(expression, variable, at + H)
    where = numbers.text(at)
    steps = []
    verdict: Verdict
    if (
        here is None
        or left is None
        or right is None
        or max(abs(here - left), abs(right - here)) > JUMP
    ):
        shown = "undefined" if here is None else f"{here:.4g}"
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
    steps.append(Step(EXPLANATIONS[verdict]))
    return Solution(verdict, tuple(steps))


def _show(value: float | None) -> str:
    if value is None:
        return "undefined"
    return f"{value:.4g}"


__all__ = ["EXPLANATIONS", "Verdict", "derivative_exists"]
