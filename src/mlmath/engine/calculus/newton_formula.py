"""Newton's update written as a formula in x, before any number is put in.

For a root of f, Newton follows the tangent to its zero: x ← x − f(x)/f′(x). For a minimum
(or maximum) it looks for a root of f′ instead, so the update is x ← x − f′(x)/f″(x). For
a polynomial the update is one fraction over a common denominator:

    x − f(x)/f′(x) = (x·f′(x) − f(x)) / f′(x).

>>> from mlmath.engine.calculus.expression import Var, add, const, power
>>> f = add(power(Var("x"), const(2)), const(-2))
>>> numerator, denominator = newton_update(f, "root").answer
>>> [str(c) for c in numerator], [str(c) for c in denominator]
(['2', '0', '1'], ['0', '2'])
>>> newton_update(f, "root").steps[-1].math.text()
'x - f(x)/f′(x) = (x^2 + 2)/(2x)'
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.calculus.differentiation import derivative, derivative_of
from mlmath.engine.calculus.expression import Expr, Var, add, const, div, mul, power, sub
from mlmath.engine.calculus.optimisation import polynomial_coefficients
from mlmath.engine.solution import (
    Formula,
    LazyFormula,
    NotSolvable,
    Solution,
    Step,
    WorkedLater,
)

GOALS = ("root", "minimum")

Coefficients = list[Fraction]
RationalFunction = tuple[Coefficients, Coefficients]


def _trim(c: Sequence[Fraction]) -> Coefficients:
    out = list(c)
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return out


def polynomial(c: Sequence[Fraction], variable: str = "x") -> Expr:
    """The expression c₀ + c₁x + … (highest power first when written)."""
    x = Var(variable)
    terms = [mul(const(a), power(x, const(k))) for k, a in enumerate(c) if a != 0]
    return add(*reversed(terms)) if terms else const(0)


def _times_x_minus(f: Coefficients, slope: Coefficients) -> Coefficients:
    """x·slope(x) − f(x)."""
    n = max(len(f), len(slope) + 1)
    out = [Fraction(0)] * n
    for k, a in enumerate(slope):
        out[k + 1] += a
    for k, a in enumerate(f):
        out[k] -= a
    return _trim(out)


def update_function(f: Expr, goal: str, variable: str = "x") -> tuple[Expr, Expr, Expr]:
    """(g, g′, the update x − g/g′) where g = f for a root and g = f′ for a minimum."""
    if goal not in GOALS:
        raise NotSolvable("the goal is root or minimum")
    g = f if goal == "root" else derivative_of(f, variable)
    slope = derivative_of(g, variable)
    if slope == const(0):
        what = "f′" if goal == "root" else "f″"
        raise NotSolvable(f"{what} is 0 everywhere, so Newton's step divides by zero")
    return g, slope, sub(Var(variable), div(g, slope))


def update_coefficients(f: Expr, goal: str, variable: str = "x") -> RationalFunction | None:
    """The update's (numerator, denominator) coefficients for a polynomial f, else None —
    the answer of :func:`newton_update` without its steps."""
    g, slope, _ = update_function(f, goal, variable)
    try:
        g_c = _trim(polynomial_coefficients(g, variable))
        slope_c = _trim(polynomial_coefficients(slope, variable))
    except NotSolvable:
        return None
    return _times_x_minus(g_c, slope_c), slope_c


def newton_update(f: Expr, goal: str, variable: str = "x") -> Solution[RationalFunction | Expr]:
    """The update as (numerator, denominator) coefficients for a polynomial, else as an
    expression, with the steps that build it."""
    g, slope, update = update_function(f, goal, variable)
    x = variable
    top, bottom = ("f(x)", "f′(x)") if goal == "root" else ("f′(x)", "f″(x)")
    top_l, bottom_l = ("f(x)", "f'(x)") if goal == "root" else ("f'(x)", "f''(x)")
    try:
        g_c = _trim(polynomial_coefficients(g, x))
        slope_c = _trim(polynomial_coefficients(slope, x))
    except NotSolvable:
        coefficients: RationalFunction | None = None
    else:
        coefficients = (_times_x_minus(g_c, slope_c), slope_c)

    def write() -> tuple[Step, ...]:
        steps = [
            Step(
                "Newton's method follows the tangent to where it crosses 0"
                if goal == "root"
                else (
                    "A minimum is where f′ = 0, so apply Newton's root step to f′ (its slope is f″)"
                ),
                Formula(
                    rf"x_{{k+1}} = x_k - \frac{{{top_l.replace('(x)', '(x_k)')}}}"
                    rf"{{{bottom_l.replace('(x)', '(x_k)')}}}",
                    f"x_(k+1) = x_k − {top.replace('(x)', '(x_k)')}/"
                    f"{bottom.replace('(x)', '(x_k)')}",
                ),
            )
        ]
        if goal == "minimum":
            found = derivative(f, x)
            steps.append(Step("Differentiate f", found.steps[-1].math, found.steps[:-1]))
        second = derivative(g, x, name="f" if goal == "root" else "f'")
        steps.append(
            Step(
                "Differentiate again" if goal == "minimum" else "Differentiate f",
                second.steps[-1].math,
                second.steps[:-1],
            )
        )
        steps.append(
            Step(
                "Substitute both into the update",
                LazyFormula(
                    lambda: (
                        rf"x - \frac{{{top_l}}}{{{bottom_l}}} = x - "
                        rf"\frac{{{g.latex()}}}{{{slope.latex()}}}"
                    ),
                    lambda: f"x - {top}/{bottom} = x - ({g.text()})/({slope.text()})",
                ),
            )
        )
        if coefficients is None:
            return tuple(steps)
        numerator, slope_c = coefficients
        n_expr, d_expr = polynomial(numerator, x), polynomial(slope_c, x)
        steps.append(
            Step(
                f"Write it as one fraction over the common denominator {bottom}: "
                f"x − {top}/{bottom} = (x·{bottom} − {top})/{bottom}",
                LazyFormula(
                    lambda: (
                        rf"\frac{{x\left({slope.latex()}\right) - \left({g.latex()}\right)}}"
                        rf"{{{slope.latex()}}} = \frac{{{n_expr.latex()}}}{{{d_expr.latex()}}}"
                    ),
                    lambda: (
                        f"(x({slope.text()}) - ({g.text()}))/({slope.text()}) = "
                        f"({n_expr.text()})/({d_expr.text()})"
                    ),
                ),
            )
        )
        steps.append(
            Step(
                "The update formula",
                LazyFormula(
                    lambda: (
                        rf"x - \frac{{{top_l}}}{{{bottom_l}}} = "
                        rf"\frac{{{n_expr.latex()}}}{{{d_expr.latex()}}}"
                    ),
                    lambda: f"x - {top}/{bottom} = ({n_expr.text()})/({d_expr.text()})",
                ),
            )
        )
        return tuple(steps)

    # the steps are written when first read: the answer is asked for far more often
    answer: RationalFunction | Expr = update if coefficients is None else coefficients
    return WorkedLater(answer, write)
