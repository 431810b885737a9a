"""A function with numbers put in for its variables, written before it is simplified.

A worked step shows the substitution first — f′(2) = 6(2) + 1 — and the value after it.
:func:`plugged` rebuilds an expression with each variable replaced by a :class:`Plugged`
number, through the node classes themselves (not the folding constructors), so nothing is
multiplied out: the text reads as a person writes the substitution.

>>> from mlmath.engine.calculus.expression import Var, add, const, mul, power
>>> x = Var("x")
>>> f = add(mul(const(3), power(x, const(2))), mul(const(-4), x), const(1))
>>> plugged(f, {"x": Fraction(2)}).text()
'3(2)^2 - 4(2) + 1'
>>> plugged(f, {"x": Fraction(-1, 2)}).latex()
'3 \\\\left(-\\\\frac{1}{2}\\\\right)^{2} - 4 \\\\left(-\\\\frac{1}{2}\\\\right) + 1'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.calculus import numerals
from mlmath.engine.calculus.expression import Expr, Value, Var
from mlmath.engine.solution import LazyFormula


@dataclass(frozen=True, slots=True)
class Plugged(Var):
    """A number standing where a variable was, written in brackets: ``(2)``, ``(-1/2)``."""

    value: Fraction | float = Fraction(0)

    def text(self) -> str:
        return f"({numerals.text(self.value)})"

    def latex(self) -> str:
        return rf"\left({numerals.latex(self.value)}\right)"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        return self.value


def plugged(e: Expr, point: Mapping[str, Fraction | float]) -> Expr:
    """``e`` with every variable in ``point`` replaced by its number, unsimplified."""
    if isinstance(e, Var):
        return Plugged(e.name, point[e.name]) if e.name in point else e
    if not dataclasses.is_dataclass(e):
        return e
    changes: dict[str, object] = {}
    for f in dataclasses.fields(e):
        value = getattr(e, f.name)
        if isinstance(value, Expr):
            changes[f.name] = plugged(value, point)
        elif isinstance(value, tuple) and value and all(isinstance(v, Expr) for v in value):
            changes[f.name] = tuple(plugged(v, point) for v in value)
    return dataclasses.replace(e, **changes) if changes else e


def put_in(
    label: tuple[str, str], e: Expr, point: Mapping[str, Fraction | float], value: Value
) -> LazyFormula:
    """``f′(-5) = 4(-5)^3 + 18(-5)^2 - 10(-5) + 21 = 21``: a worked step's value at a point,
    with the substitution written out between its name and its value. ``label`` is the
    name at the point as (text, LaTeX); an ``e`` with none of the point's variables in it
    (a constant) is written without the substitution: ``f_yy(-2, 0) = 0``."""
    text_label, latex_label = label
    if not e.variables() & point.keys():
        return LazyFormula(
            lambda: f"{latex_label} = {numerals.latex(value)}",
            lambda: f"{text_label} = {numerals.text(value)}",
        )
    return LazyFormula(
        lambda: f"{latex_label} = {plugged(e, point).latex()} = {numerals.latex(value)}",
        lambda: f"{text_label} = {plugged(e, point).text()} = {numerals.text(value)}",
    )
