"""Rates of change: the slope of a secant from a table, and derivatives by finite differences.

>>> from fractions import Fraction as F
>>> average_rate_of_change((F(2), F(100)), (F(5), F(340))).answer
Fraction(80, 1)
>>> from mlmath.engine.calculus.expression import Var, power, const
>>> round(finite_difference(power(Var("x"), const(3)), "x", 2.0, 1e-5), 6)
12.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Expr, Value
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def average_rate_of_change(
    start: tuple[Fraction, Fraction], end: tuple[Fraction, Fraction]
) -> Solution[Fraction]:
    """Change in output over change in input between two rows of a table: a secant's slope."""
    (t0, d0), (t1, d1) = start, end
    if t0 == t1:
        raise NotSolvable("the two times are the same, so no time passes: pick two different rows")
    change, elapsed = d1 - d0, t1 - t0
    rate = change / elapsed
    return Solution(
        rate,
        (
            Step(
                "Change in distance: later minus earlier",
                Formula(
                    rf"\Delta d = {numbers.latex(d1)} - {numbers.paren_latex(d0)}"
                    rf" = {numbers.latex(change)}",
                    f"Δd = {numbers.text(d1)} - {numbers.paren_text(d0)} = {numbers.text(change)}",
                ),
            ),
            Step(
                "Change in time, in the same order",
                Formula(
                    rf"\Delta t = {numbers.latex(t1)} - {numbers.paren_latex(t0)}"
                    rf" = {numbers.latex(elapsed)}",
                    f"Δt = {numbers.text(t1)} - {numbers.paren_text(t0)} = {numbers.text(elapsed)}",
                ),
            ),
            Step(
                "Average rate of change: the slope of the line through the two points",
                Formula(
                    rf"\frac{{\Delta d}}{{\Delta t}}"
                    rf" = \frac{{{numbers.latex(change)}}}{{{numbers.latex(elapsed)}}}"
                    rf" = {numbers.latex(rate)}",
                    f"Δd/Δt = {numbers.text(change)}/{numbers.text(elapsed)}"
                    f" = {numbers.text(rate)}",
                ),
            ),
        ),
    )


def finite_difference(
    expression: Expr,
    variable: str,
    at: float,
    step: float = 1e-6,
    scheme: Literal["forward", "central"] = "central",
) -> float:
    """The slope of a short secant at ``at``: an estimate of the derivative."""
    here = {variable: at}
    ahead = float(expression.evaluate({variable: at + step}))
    if scheme == "forward":
        return (ahead - float(expression.evaluate(here))) / step
    behind = float(expression.evaluate({variable: at - step}))
    return (ahead - behind) / (2 * step)


def numerical_and_symbolic(
    expression: Expr, variable: str, at: Value, step: float = 1e-4
) -> Solution[tuple[float, Value]]:
    """The derivative at a point two ways: by rules, and by a central difference."""
    exact = derivative(expression, variable)
    symbolic = exact.answer.evaluate({variable: at})
    estimate = finite_difference(expression, variable, float(at), step)
    return Solution(
        (estimate, symbolic),
        (
            Step("Differentiate by the rules", exact.steps[-1].math, exact.steps[:-1]),
            Step(
                "Evaluate the derivative at the point",
                Formula(
                    f"f'({numbers.latex(at)}) = {numbers.latex(symbolic)}",
                    f"f'({numbers.text(at)}) = {numbers.text(symbolic)}",
                ),
            ),
            Step(
                f"Estimate it with a central difference, h = {step:g}",
                Formula(
                    rf"\frac{{f(a + h) - f(a - h)}}{{2h}} \approx {estimate:.6f}",
                    f"(f(a + h) - f(a - h))/(2h) ≈ {estimate:.6f}",
                ),
            ),
        ),
    )


__all__ = ["average_rate_of_change", "finite_difference", "numerical_and_symbolic"]
