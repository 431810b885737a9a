"""Newton's method: roots of a function, minima in one variable and in two.

For a root, follow the tangent line to where it crosses zero,
``x ← x − f(x)/f′(x)``. For a minimum, look for a root of the derivative,
``x ← x − f′(x)/f″(x)``; in two variables the second derivative becomes the
Hessian matrix and the step is ``p ← p − H⁻¹∇f``. Every number is exact when the
function is a polynomial and the start is rational.

>>> from fractions import Fraction as F
>>> from mlmath.engine.calculus.expression import Var, add, power, const
>>> x = Var("x")
>>> newton_root(add(power(x, const(2)), const(-2)), "x", F(1), 2).answer
Fraction(17, 12)
>>> y = Var("y")
>>> f = add(power(x, const(2)), power(y, const(2)))
>>> hessian_at(f, ("x", "y"), (F(1), F(2))).answer
Matrix(rows=((Fraction(2, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(2, 1))))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.differentiation import (
    derivative,
    derivative_of,
    derivative_rule,
    derivative_statement,
)
from mlmath.engine.calculus.expression import Expr, Value
from mlmath.engine.calculus.gradient import point_latex, point_text
from mlmath.engine.calculus.substitution import put_in
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.products import matrix_vector_product
from mlmath.engine.solution import (
    Formula,
    LazyFormula,
    NotSolvable,
    Solution,
    Step,
    WorkedLater,
)

MAX_NEWTON_STEPS = 50

EXACT_DIGITS = 12
"""An exact fraction with more digits than this (numerator and denominator together) is
no longer readable: the iteration goes on in decimals from there, and says so."""


ITERATION_DIGITS = 12
"""Significant figures of an iterate once it is a decimal: enough to see them converge."""


def _readable(x: Value) -> Value:
    """``x`` itself, or as a float once its exact fraction has grown past EXACT_DIGITS."""
    if isinstance(x, Fraction) and len(str(abs(x.numerator))) + len(str(x.denominator)) > (
        EXACT_DIGITS
    ):
        return float(x)
    return x


def second_derivative(expression: Expr, variable: str = "x") -> Solution[Expr]:
    """``f″``: differentiate once, then differentiate the result again."""
    first = derivative(expression, variable)
    second = derivative(first.answer, variable, name="f'")
    return Solution(
        second.answer,
        (
            Step("Differentiate once", first.steps[-1].math, first.steps[:-1]),
            Step("Differentiate f′ again", second.steps[-1].math, second.steps[:-1]),
            Step(
                "So the second derivative is",
                Formula(
                    f"f''({variable}) = {second.answer.latex()}",
                    f"f''({variable}) = {second.answer.text()}",
                ),
            ),
        ),
    )


def _check_steps(steps: int) -> None:
    if not 1 <= steps <= MAX_NEWTON_STEPS:
        raise NotSolvable(f"the number of steps must be between 1 and {MAX_NEWTON_STEPS}")


def _newton_walk(
    top: Expr,
    slope: Expr,
    variable: str,
    *,
    start: Value,
    steps: int,
    top_name: str,
    slope_name: str,
) -> tuple[Value, list[Step]]:
    """``steps`` updates ``x ← x − top(x)/slope(x)``, each written as a step."""
    _check_steps(steps)
    a = numbers
    x = start
    out: list[Step] = []
    digits = ITERATION_DIGITS
    for k in range(steps):
        x = _readable(x)
        value = top.evaluate({variable: x})
        rate = slope.evaluate({variable: x})
        if rate == 0:
            raise NotSolvable(
                f"{slope_name} is 0 at x = {a.text(x, digits)}: the tangent is flat, so "
                "Newton's method cannot take a step from there; start somewhere else"
            )
        nxt = x - value / rate
        v, r, n = _readable(value), _readable(rate), _readable(nxt)
        if (
            any(isinstance(e, float) for e in (v, r, n))
            and not isinstance(start, float)
            and (not any(s.math is None for s in out))
        ):
            out.append(
                Step(
                    f"From here on the numbers are decimals, shown to {digits} significant "
                    f"figures: the exact fractions would need more than {EXACT_DIGITS} digits"
                )
            )
        worked: tuple[Step, ...] = ()
        if k == 0 and isinstance(x, Fraction):
            # the first step puts the start in, number by number; the later ones repeat it
            worked = (
                Step(
                    f"Put x = {a.text(x)} into {top_name}",
                    put_in(_at(top_name, x), top, {variable: x}, value),
                ),
                Step(
                    f"Put x = {a.text(x)} into {slope_name}",
                    put_in(_at(slope_name, x), slope, {variable: x}, rate),
                ),
            )
        out.append(
            Step(
                f"Step {k + 1}: {top_name}({a.text(x, digits)}) = {a.text(v, digits)} and "
                f"{slope_name}({a.text(x, digits)}) = {a.text(r, digits)}",
                Formula(
                    rf"x_{{{k + 1}}} = {a.latex(x, digits)} - "
                    rf"\frac{{{a.latex(v, digits)}}}{{{a.latex(r, digits)}}}"
                    rf" = {a.latex(n, digits)}",
                    f"x{k + 1} = {a.text(x, digits)} - {a.paren_text(v, digits)}/"
                    f"{a.paren_text(r, digits)} = {a.text(n, digits)}",
                ),
                worked,
            )
        )
        x = nxt
    return x, out


def _at(name: str, x: Value) -> tuple[str, str]:
    """``f′(-5)`` as text and LaTeX (primes as apostrophes in LaTeX)."""
    latex_name = name.replace("″", "''").replace("′", "'")
    return f"{name}({numbers.text(x)})", f"{latex_name}({numbers.latex(x)})"


def newton_root(expression: Expr, variable: str, start: Value, steps: int) -> Solution[Value]:
    """``steps`` Newton steps toward a root of ``expression``: ``x ← x − f(x)/f′(x)``."""
    first = derivative(expression, variable)
    x, walk = _newton_walk(
        expression, first.answer, variable, start=start, steps=steps, top_name="f", slope_name="f′"
    )
    return Solution(
        x,
        (
            Step("Differentiate: f′ is the slope of the tangent", first.steps[-1].math),
            Step(
                "Follow the tangent to where it crosses zero: x ← x − f(x)/f′(x)",
                Formula(rf"x_0 = {numbers.latex(start)}", f"x0 = {numbers.text(start)}"),
            ),
            *walk,
        ),
    )


def newton_minimise(expression: Expr, variable: str, start: Value, steps: int) -> Solution[Value]:
    """``steps`` Newton steps toward a critical point: ``x ← x − f′(x)/f″(x)``."""
    second = second_derivative(expression, variable)
    first = second.steps[0].math
    first_expr = derivative(expression, variable).answer
    x, walk = _newton_walk(
        first_expr,
        second.answer,
        variable,
        start=start,
        steps=steps,
        top_name="f′",
        slope_name="f″",
    )
    return Solution(
        x,
        (
            Step("A minimum is a root of f′, so apply Newton's method to f′", first),
            Step("Its slope is the second derivative", second.steps[-1].math, second.steps[:-1]),
            Step(
                "Update x ← x − f′(x)/f″(x)",
                Formula(rf"x_0 = {numbers.latex(start)}", f"x0 = {numbers.text(start)}"),
            ),
            *walk,
        ),
    )


# --- two variables --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpressionMatrix:
    """A square matrix of expressions (the Hessian before a point is put in)."""

    rows: tuple[tuple[Expr, ...], ...]

    def latex(self) -> str:
        body = r" \\ ".join(" & ".join(e.latex() for e in row) for row in self.rows)
        return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"

    def text(self) -> str:
        return "[" + ", ".join("[" + ", ".join(e.text() for e in r) + "]" for r in self.rows) + "]"

    def to_json(self) -> Any:
        return [[e.text() for e in row] for row in self.rows]


def hessian(
    expression: Expr, variables: tuple[str, ...] = ("x", "y")
) -> Solution[ExpressionMatrix]:
    """The Hessian: row i, column j holds ``∂²f/∂vᵢ∂vⱼ``; the mixed entries agree."""
    return _worked_hessian(expression, variables)


@lru_cache(maxsize=32)
def _worked_hessian(expression: Expr, variables: tuple[str, ...]) -> Solution[ExpressionMatrix]:
    """:func:`hessian`, remembered per expression like :func:`derivative`."""
    firsts = [derivative_of(expression, u, partial=True) for u in variables]
    # the second derivatives are asked for once per Hessian, so worked without being
    # remembered
    rows = [
        tuple(derivative_rule(first, v, partial=True).result for v in variables) for first in firsts
    ]
    result = ExpressionMatrix(tuple(rows))

    def write() -> tuple[Step, ...]:
        steps: list[Step] = []
        for u, first, row in zip(variables, firsts, rows, strict=True):
            steps.append(
                Step(
                    f"Differentiate with respect to {u}",
                    derivative_statement(first, u, partial=True),
                )
            )
            for v, second in zip(variables, row, strict=True):
                steps.append(
                    Step(
                        f"Then with respect to {v}: the entry in row {u}, column {v}",
                        _second_derivative_formula(u, v, second),
                    )
                )
        steps.append(
            Step(
                "Arrange the second derivatives in a matrix",
                LazyFormula(
                    lambda: rf"H = {result.latex()}", lambda: f"H = {result.text()}", display=True
                ),
            )
        )
        return tuple(steps)

    # the steps are written when first read (see derivative)
    return WorkedLater(result, write)


def _second_derivative_formula(u: str, v: str, second: Expr) -> LazyFormula:
    """``∂²f/∂v∂u = …``, written out when shown."""
    return LazyFormula(
        lambda: rf"\frac{{\partial^2 f}}{{\partial {v}\,\partial {u}}} = {second.latex()}",
        lambda: f"∂²f/∂{v}∂{u} = {second.text()}",
    )


def _exact(values: Sequence[Value], what: str) -> tuple[Fraction, ...]:
    if not all(isinstance(v, Fraction) for v in values):
        raise NotSolvable(f"the {what} is not a rational number here; use a polynomial")
    return tuple(Fraction(v) for v in values)


def hessian_at(
    expression: Expr, variables: tuple[str, ...], point: Sequence[Fraction]
) -> Solution[Matrix]:
    """The Hessian evaluated at ``point`` (exact for polynomials)."""
    symbolic = hessian(expression, variables)
    where = dict(zip(variables, point, strict=True))
    values = Matrix(
        tuple(_exact([e.evaluate(where) for e in row], "Hessian") for row in symbolic.answer.rows)
    )
    return WorkedLater(
        values,
        lambda: (
            Step("Find the Hessian", symbolic.steps[-1].math, symbolic.steps[:-1]),
            Step(
                f"Put in {point_text(point)}",
                LazyFormula(
                    lambda: rf"H{point_latex(point)} = {values.latex()}",
                    # the matrix's lower rows line up under its first, after "H = "
                    lambda: "H = " + values.text().replace("\n", "\n    "),
                    display=True,
                ),
                _entries_at(symbolic.answer, variables, point, values),
            ),
        ),
    )


def _entries_at(
    symbolic: ExpressionMatrix,
    variables: tuple[str, ...],
    point: Sequence[Fraction],
    values: Matrix,
) -> tuple[Step, ...]:
    """Each second derivative at the point, the numbers put in (a mixed one once: the
    Hessian is symmetric)."""
    where = dict(zip(variables, point, strict=True))
    steps = []
    for i, u in enumerate(variables):
        for j in range(i, len(variables)):
            v = variables[j]
            name = f"f_{u}{v}"
            label = (f"{name}{point_text(point)}", f"f_{{{u}{v}}}{point_latex(point)}")
            rule = f"Row {u}, column {v}" + (
                f" (and row {v}, column {u}: the same mixed derivative)" if i != j else ""
            )
            steps.append(Step(rule, put_in(label, symbolic.rows[i][j], where, values[i, j])))
    return tuple(steps)


def _determinant_2x2(h: Matrix) -> LazyFormula:
    """``det H = 40·2 - 3·3 = 71``, the numbers put in."""
    (a, b), (c, d) = h.rows
    det = a * d - b * c
    cdot = r" \cdot "
    product_latex = [
        f"{numbers.paren_latex(x)}{cdot}{numbers.paren_latex(y)}" for x, y in ((a, d), (b, c))
    ]
    product_text = [f"{numbers.paren_text(x)}·{numbers.paren_text(y)}" for x, y in ((a, d), (b, c))]
    return LazyFormula(
        lambda: rf"\det H = {product_latex[0]} - {product_latex[1]} = {numbers.latex(det)}",
        lambda: f"det H = {product_text[0]} - {product_text[1]} = {numbers.text(det)}",
    )


def inverse_2x2(h: Matrix) -> Matrix:
    """``[[a, b], [c, d]]⁻¹ = 1/(ad − bc) · [[d, −b], [−c, a]]``; NotSolvable when ad = bc."""
    (a, b), (c, d) = h.rows
    det = a * d - b * c
    if det == 0:
        raise NotSolvable(
            "the Hessian has determinant 0 at this point, so it has no inverse and "
            "Newton's method cannot take a step"
        )
    return Matrix(((d / det, -b / det), (-c / det, a / det)))


def newton_step_2d(
    expression: Expr, variables: tuple[str, str], point: Sequence[Fraction]
) -> Solution[Vector]:
    """One multivariate Newton step ``p − H(p)⁻¹ ∇f(p)``."""
    from mlmath.engine.calculus.gradient import gradient

    grad = gradient(expression, variables)
    where = dict(zip(variables, point, strict=True))
    g = Vector(_exact([c.evaluate(where) for c in grad.answer.components], "gradient"))
    h = hessian_at(expression, variables, point)
    inverse = inverse_2x2(h.answer)
    move = inverse @ g
    assert isinstance(move, Vector)
    start = Vector(tuple(point))
    nxt = start - move
    return WorkedLater(
        nxt,
        lambda: (
            Step("Find the gradient", grad.steps[-1].math, grad.steps[:-1]),
            Step(
                f"The gradient at p = {point_text(point)}",
                LazyFormula(lambda: rf"\nabla f = {g.latex()}", lambda: f"∇f = {g.text()}"),
                tuple(
                    Step(
                        f"Put p into ∂f/∂{v}",
                        put_in(
                            (f"∂f/∂{v}{point_text(point)}", rf"f_{v}{point_latex(point)}"),
                            component,
                            where,
                            value,
                        ),
                    )
                    for v, component, value in zip(
                        variables, grad.answer.components, g, strict=True
                    )
                ),
            ),
            # the Hessian found, then each entry at p (the last step of hessian_at)
            Step("The Hessian at p", h.steps[-1].math, (*h.steps[:-1], *h.steps[-1].substeps)),
            Step(
                "Invert the 2×2 Hessian: swap the diagonal, negate the rest, divide by ad − bc",
                LazyFormula(
                    lambda: rf"H^{{-1}} = {inverse.latex()}",
                    lambda: "H⁻¹ = " + inverse.text().replace("\n", "\n      "),
                    display=True,
                ),
                (Step("ad − bc, the determinant of H", _determinant_2x2(h.answer)),),
            ),
            Step(
                "The Newton step is H⁻¹∇f",
                LazyFormula(
                    lambda: rf"H^{{-1}}\nabla f = {move.latex()}", lambda: f"H⁻¹∇f = {move.text()}"
                ),
                # each entry a row of H⁻¹ dotted with ∇f
                matrix_vector_product(inverse, g, ("H⁻¹", "∇f")).steps[1].substeps,
            ),
            Step(
                "Subtract it from p",
                LazyFormula(
                    lambda: rf"p_1 = {start.latex()} - {move.latex()} = {nxt.latex()}",
                    lambda: f"p1 = {start.text()} - {move.text()} = {nxt.text()}",
                ),
            ),
        ),
    )


__all__ = [
    "MAX_NEWTON_STEPS",
    "ExpressionMatrix",
    "hessian",
    "hessian_at",
    "inverse_2x2",
    "newton_minimise",
    "newton_root",
    "newton_step_2d",
    "second_derivative",
]
