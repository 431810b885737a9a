"""The tangent plane of a surface z = f(x, y) at a point (a, b).

Near the point the surface looks flat; the plane that touches it there has the surface's
height and both its slopes:

    z = f(a, b) + f_x(a, b)·(x − a) + f_y(a, b)·(y − b).

It is the linear approximation of f that gradient descent trusts for one small step.

>>> from mlmath.engine.calculus.expression import Var, add, const, mul, power
>>> x, y = Var("x"), Var("y")
>>> f = add(power(x, const(2)), mul(const(3), mul(x, y)))
>>> tangent_plane(f, (Fraction(1), Fraction(2))).answer.text()
'8x + 3y - 7'
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.calculus import numerals
from mlmath.engine.calculus.expression import Expr, Undefined, Var, add, const, mul
from mlmath.engine.calculus.gradient import gradient
from mlmath.engine.calculus.substitution import plugged
from mlmath.engine.solution import LazyFormula, NotSolvable, Solution, Step, WorkedLater

XY = ("x", "y")


def _exact(value: Fraction | float, what: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if float(value).is_integer():
        return Fraction(int(value))
    raise NotSolvable(
        f"{what} is not a rational number at this point; use a polynomial (or a point where "
        "the values are exact)"
    )


def plane_values(f: Expr, point: Sequence[Fraction]) -> tuple[Fraction, Fraction, Fraction]:
    """(f(a, b), f_x(a, b), f_y(a, b)), exactly."""
    where = dict(zip(XY, point, strict=True))
    try:
        height = _exact(f.evaluate(where), "f")
        fx, fy = gradient(f, XY).answer.components
        slopes = (_exact(fx.evaluate(where), "f_x"), _exact(fy.evaluate(where), "f_y"))
    except (Undefined, ZeroDivisionError) as error:
        raise NotSolvable(f"f has no value or slope at this point ({error})") from None
    return height, slopes[0], slopes[1]


def plane_expression(
    height: Fraction, fx: Fraction, fy: Fraction, a: Fraction, b: Fraction
) -> Expr:
    """``height + fx·(x − a) + fy·(y − b)``, multiplied out."""
    return add(mul(const(fx), Var("x")), mul(const(fy), Var("y")), const(height - fx * a - fy * b))


def _shift(name: str, at: Fraction, latex: bool) -> str:
    write = numerals.latex if latex else numerals.text
    if at == 0:
        return name
    sign = "-" if at > 0 else "+"
    inner = f"{name} {sign} {write(abs(at))}"
    return rf"\left({inner}\right)" if latex else f"({inner})"


def _term(slope: Fraction, shift: str, latex: bool) -> str:
    write = numerals.latex if latex else numerals.text
    if slope == 0:
        return ""
    sign = " - " if slope < 0 else " + "
    size = abs(slope)
    joiner = r" \cdot " if latex else "·"
    bracketed = shift.startswith(("(", "\\left"))
    body = shift if size == 1 else write(size) + ("" if bracketed else joiner) + shift
    return sign + body


def tangent_plane(f: Expr, point: Sequence[Fraction]) -> Solution[Expr]:
    """z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b), built and multiplied out."""
    if not f.variables() <= set(XY):
        raise NotSolvable("use x and y as the only variables")
    a, b = point
    height, fx, fy = plane_values(f, point)
    grad = gradient(f, XY)
    gx, gy = grad.answer.components
    where = {"x": a, "y": b}
    at_l = rf"\left({numerals.latex(a)}, {numerals.latex(b)}\right)"
    at_t = f"({numerals.text(a)}, {numerals.text(b)})"
    plane = plane_expression(height, fx, fy, a, b)

    def filled(latex: bool) -> str:
        write = numerals.latex if latex else numerals.text
        return (
            write(height)
            + _term(fx, _shift("x", a, latex), latex)
            + _term(fy, _shift("y", b, latex), latex)
        )

    def write() -> tuple[Step, ...]:
        return (
            Step(
                "The height of the surface at the point",
                LazyFormula(
                    lambda: rf"f{at_l} = {plugged(f, where).latex()} = {numerals.latex(height)}",
                    lambda: f"f{at_t} = {plugged(f, where).text()} = {numerals.text(height)}",
                ),
            ),
            Step(
                "Both partial derivatives: the slopes in the x and y directions",
                grad.steps[-1].math,
                grad.steps[:-1],
            ),
            Step(
                "The slopes at the point",
                LazyFormula(
                    lambda: (
                        rf"f_x{at_l} = {plugged(gx, where).latex()} = {numerals.latex(fx)}, \quad "
                        rf"f_y{at_l} = {plugged(gy, where).latex()} = {numerals.latex(fy)}"
                    ),
                    lambda: (
                        f"f_x{at_t} = {plugged(gx, where).text()} = {numerals.text(fx)}, "
                        f"f_y{at_t} = {plugged(gy, where).text()} = {numerals.text(fy)}"
                    ),
                ),
            ),
            Step(
                "The tangent plane has the surface's height and both its slopes at the point: "
                "z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)",
                LazyFormula(lambda: f"z = {filled(True)}", lambda: f"z = {filled(False)}"),
            ),
            Step(
                "Multiply out and collect terms",
                LazyFormula(lambda: f"z = {plane.latex()}", lambda: f"z = {plane.text()}"),
            ),
        )

    # the steps are written when first read: substituting the point into f and its slopes
    # takes longer than finding the plane
    return WorkedLater(plane, write)
