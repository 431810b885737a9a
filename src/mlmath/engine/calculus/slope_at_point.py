"""The derivative at a point: differentiate first, then put the number in.

f′(a) is the slope of the tangent line at x = a — the instantaneous rate of change. The
order matters: f(a) is a single number whose derivative is 0, so the point goes into f′(x),
never into f(x) before differentiating.

>>> from mlmath.engine.calculus.expression import Var, add, const, mul, power
>>> x = Var("x")
>>> derivative_at(add(mul(const(3), power(x, const(2))), x), Fraction(2)).answer
Fraction(13, 1)
>>> round(derivative_at(Func("exp", x), Fraction(1)).answer, 4)
2.7183
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.calculus import numerals
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Expr, Func, Undefined, Value
from mlmath.engine.calculus.substitution import plugged
from mlmath.engine.significant import equals_latex, equals_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

__all__ = ["Func", "derivative_at", "value_at"]


def value_at(e: Expr, variable: str, a: Fraction) -> Value:
    """``e`` at ``variable = a``; NotSolvable with the reason when it has no value there."""
    try:
        return e.evaluate({variable: a})
    except (Undefined, ZeroDivisionError) as error:
        raise NotSolvable(f"f′ has no value at {variable} = {numerals.text(a)} ({error})") from None


def derivative_at(f: Expr, a: Fraction, variable: str = "x", name: str = "f") -> Solution[Value]:
    """``f′(a)``: the derivative (worked rule by rule), then the point substituted."""
    found = derivative(f, variable, name=name)
    slope = found.answer
    value = value_at(slope, variable, a)
    shown = plugged(slope, {variable: a})
    at_l, at_t = numerals.latex(a), numerals.text(a)
    if isinstance(value, Fraction):
        result_l, result_t = f" = {numerals.latex(value)}", f" = {numerals.text(value)}"
    else:
        result_l, result_t = equals_latex(value), equals_text(value)
    if slope.variables():
        body_l, body_t = shown.latex() + result_l, shown.text() + result_t
    else:  # a constant slope: nothing to put in
        body_l, body_t = result_l.removeprefix(" = "), result_t.removeprefix(" = ")
    return Solution(
        value,
        (
            Step(
                "Differentiate f first (a number put in too early has slope 0)",
                found.steps[-1].math,
                found.steps[:-1],
            ),
            Step(
                f"Put {variable} = {at_t} into f′({variable}): the slope of the tangent there",
                Formula(f"{name}'({at_l}) = {body_l}", f"{name}'({at_t}) = {body_t}"),
            ),
        ),
    )
