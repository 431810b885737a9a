"""Gradient descent: walk downhill by steps proportional to the slope.

``x ← x − α·f′(x)`` in one variable, ``(x, y) ← (x, y) − α·∇f(x, y)`` in two,
until a named stopping rule says enough. Every iterate is a step of the worked
solution. Linear regression by gradient descent uses the same update on the
mean squared error of a line.

>>> from fractions import Fraction as F
>>> from mlmath.engine.calculus.expression import Var, power, const
>>> f = power(Var("x"), const(2))
>>> gradient_descent_1d(f, "x", F(4), F(1, 4), StoppingRule(max_steps=2)).answer
Fraction(1, 1)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Expr, Value
from mlmath.engine.calculus.gradient import gradient, point_latex, point_text
from mlmath.engine.calculus.substitution import put_in
from mlmath.engine.exact import Vector
from mlmath.engine.notation import float_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step

MAX_ITERATIONS = 1000


@dataclass(frozen=True, slots=True)
class StoppingRule:
    """Stop after ``max_steps`` updates, or sooner once an update moves less than ``tolerance``."""

    max_steps: int
    tolerance: float | None = None

    def words(self) -> str:
        if self.tolerance is None:
            return f"take {self.max_steps} step{'s' if self.max_steps != 1 else ''}"
        return (
            f"stop when a step moves less than {float_text(self.tolerance)}, "
            f"or after {self.max_steps} steps"
        )

    def done(self, moved: float, taken: int) -> bool:
        return taken >= self.max_steps or (self.tolerance is not None and moved < self.tolerance)


def _check(rule: StoppingRule, learning_rate: Value) -> None:
    if not 1 <= rule.max_steps <= MAX_ITERATIONS:
        raise NotSolvable(f"the number of steps must be between 1 and {MAX_ITERATIONS}")
    if learning_rate <= 0:
        raise NotSolvable(
            "the learning rate must be positive: it is the size of each step downhill"
        )


def iterates_1d(
    slope: Expr, variable: str, start: Value, learning_rate: Value, rule: StoppingRule
) -> list[Value]:
    """Every iterate ``x₀, x₁, …`` of gradient descent, given the derivative ``slope``."""
    _check(rule, learning_rate)
    xs = [start]
    while True:
        x = xs[-1]
        nxt = x - learning_rate * slope.evaluate({variable: x})
        xs.append(nxt)
        if rule.done(abs(float(nxt - x)), len(xs) - 1):
            return xs


def gradient_descent_1d(
    expression: Expr, variable: str, start: Value, learning_rate: Value, rule: StoppingRule
) -> Solution[Value]:
    first = derivative(expression, variable)
    xs = iterates_1d(first.answer, variable, start, learning_rate, rule)
    a = numbers
    steps = [
        Step(
            "Differentiate: the slope says which way is uphill",
            first.steps[-1].math,
            first.steps[:-1],
        ),
        Step(
            f"Update x ← x − α·f′(x) with α = {a.text(learning_rate)}; {rule.words()}",
            Formula(
                rf"x_{{0}} = {a.latex(start)}",
                f"x0 = {a.text(start)}",
            ),
        ),
    ]
    for k, (x, nxt) in enumerate(itertools.pairwise(xs)):
        slope = first.answer.evaluate({variable: x})
        steps.append(
            Step(
                f"Step {k + 1}: the slope at x{k} = {a.text(x)} is {a.text(slope)}",
                Formula(
                    rf"x_{{{k + 1}}} = {a.latex(x)} - {a.latex(learning_rate)}"
                    rf" \cdot {a.paren_latex(slope)} = {a.latex(nxt)}",
                    f"x{k + 1} = {a.text(x)} - {a.paren_text(learning_rate)}·{a.paren_text(slope)}"
                    f" = {a.text(nxt)}",
                ),
                # the first step puts the start in; the later ones repeat it
                (
                    Step(
                        f"Put x = {a.text(x)} into f′",
                        put_in(
                            (f"f′({a.text(x)})", f"f'({a.latex(x)})"),
                            first.answer,
                            {variable: x},
                            slope,
                        ),
                    ),
                )
                if k == 0
                else (),
            )
        )
    return Solution(xs[-1], tuple(steps))


def iterates_2d(
    partials: Sequence[Expr],
    variables: tuple[str, str],
    start: Sequence[Value],
    learning_rate: Value,
    rule: StoppingRule,
) -> list[tuple[Value, ...]]:
    """Every iterate of gradient descent in the plane, given the two partial derivatives."""
    _check(rule, learning_rate)
    points: list[tuple[Value, ...]] = [tuple(start)]
    while True:
        p = points[-1]
        where = dict(zip(variables, p, strict=True))
        g = [d.evaluate(where) for d in partials]
        nxt = tuple(pi - learning_rate * gi for pi, gi in zip(p, g, strict=True))
        points.append(nxt)
        moved = max(abs(float(a - b)) for a, b in zip(nxt, p, strict=True))
        if rule.done(moved, len(points) - 1):
            return points


def gradient_descent_2d(
    expression: Expr,
    variables: tuple[str, str],
    start: Sequence[Value],
    learning_rate: Value,
    rule: StoppingRule,
) -> Solution[Vector | tuple[float, ...]]:
    grad = gradient(expression, variables)
    partials = grad.answer.components
    points = iterates_2d(partials, variables, start, learning_rate, rule)
    a = numbers
    steps = [
        Step(
            "Find the gradient: the direction of steepest ascent",
            grad.steps[-1].math,
            grad.steps[:-1],
        ),
        Step(
            f"Update p ← p − α·∇f(p) with α = {a.text(learning_rate)}; {rule.words()}",
            Formula(rf"p_0 = {point_latex(start)}", f"p0 = {point_text(start)}"),
        ),
    ]
    for k, (p, nxt) in enumerate(itertools.pairwise(points)):
        where = dict(zip(variables, p, strict=True))
        g = [d.evaluate(where) for d in partials]
        steps.append(
            Step(
                f"Step {k + 1}: the gradient at p{k} = {point_text(p)} is {point_text(g)}",
                Formula(
                    rf"p_{{{k + 1}}} = {point_latex(p)} - {a.latex(learning_rate)}"
                    rf" \cdot {point_latex(g)} = {point_latex(nxt)}",
                    f"p{k + 1} = {point_text(p)} - {a.paren_text(learning_rate)}·{point_text(g)}"
                    f" = {point_text(nxt)}",
                ),
                # the first step puts the start in; the later ones repeat it
                tuple(
                    Step(
                        f"Put p0 into ∂f/∂{v}",
                        put_in(
                            (
                                f"∂f/∂{v}{point_text(p)}",
                                rf"\frac{{\partial f}}{{\partial {v}}}{point_latex(p)}",
                            ),
                            partial,
                            where,
                            gi,
                        ),
                    )
                    for v, partial, gi in zip(variables, partials, g, strict=True)
                )
                if k == 0
                else (),
            )
        )
    last = points[-1]
    answer: Vector | tuple[float, ...]
    if all(isinstance(v, Fraction) for v in last):
        answer = Vector(tuple(Fraction(v) for v in last))
    else:
        answer = tuple(float(v) for v in last)
    return Solution(answer, tuple(steps))


# --- linear regression ---------------------------------------------------------------


def regression_gradient(
    points: Sequence[tuple[Value, Value]], slope: Value, intercept: Value
) -> tuple[Value, Value]:
    """``(∂L/∂m, ∂L/∂b)`` of the mean squared error ``L = (1/n)Σ(m xᵢ + b − yᵢ)²``."""
    n = len(points)
    residuals = [slope * x + intercept - y for x, y in points]
    dm = 2 * sum((r * x for r, (x, _) in zip(residuals, points, strict=True)), Fraction(0)) / n
    db = 2 * sum(residuals, Fraction(0)) / n
    return dm, db


def regression_step(
    points: Sequence[tuple[Fraction, Fraction]],
    slope: Fraction,
    intercept: Fraction,
    learning_rate: Fraction,
) -> Solution[Vector]:
    """One gradient-descent step on the mean squared error of the line ``ŷ = m x + b``."""
    if not points:
        raise NotSolvable("there are no data points")
    if learning_rate <= 0:
        raise NotSolvable("the learning rate must be positive")
    n = len(points)
    a = numbers
    residuals = [slope * x + intercept - y for x, y in points]
    dm, db = regression_gradient(points, slope, intercept)
    m1, b1 = Fraction(slope - learning_rate * dm), Fraction(intercept - learning_rate * db)
    rows = tuple(
        Step(
            f"Point ({a.text(x)}, {a.text(y)})",
            Formula(
                rf"\hat y - y = {a.latex(slope)} \cdot {a.paren_latex(x)}"
                rf" + {a.paren_latex(intercept)} - {a.paren_latex(y)} = {a.latex(r)}",
                f"ŷ - y = {a.text(slope)}·{a.paren_text(x)} + {a.paren_text(intercept)}"
                f" - {a.paren_text(y)} = {a.text(r)}",
            ),
        )
        for (x, y), r in zip(points, residuals, strict=True)
    )
    return Solution(
        Vector((m1, b1)),
        (
            Step(
                "The loss is the mean squared error of the line ŷ = m·x + b",
                Formula(
                    r"L(m, b) = \frac{1}{n}\sum_i (m x_i + b - y_i)^2",
                    "L(m, b) = (1/n) Σ (m·xᵢ + b - yᵢ)²",
                ),
            ),
            Step("Errors of the current line, prediction minus truth", None, rows),
            Step(
                "Partial derivatives (chain rule: 2 × error × the error's derivative)",
                Formula(
                    rf"\frac{{\partial L}}{{\partial m}}"
                    rf" = \frac{{2}}{{{n}}}\sum_i (\hat y_i - y_i)\,x_i = {a.latex(dm)},"
                    rf"\quad \frac{{\partial L}}{{\partial b}}"
                    rf" = \frac{{2}}{{{n}}}\sum_i (\hat y_i - y_i) = {a.latex(db)}",
                    f"∂L/∂m = (2/{n}) Σ (ŷᵢ - yᵢ)xᵢ = {a.text(dm)}, "
                    f"∂L/∂b = (2/{n}) Σ (ŷᵢ - yᵢ) = {a.text(db)}",
                    True,
                ),
            ),
            Step(
                f"Step against the gradient with α = {a.text(learning_rate)}",
                Formula(
                    rf"m = {a.latex(slope)} - {a.latex(learning_rate)}"
                    rf" \cdot {a.paren_latex(dm)} = {a.latex(m1)},"
                    rf"\quad b = {a.latex(intercept)} - {a.latex(learning_rate)}"
                    rf" \cdot {a.paren_latex(db)} = {a.latex(b1)}",
                    f"m = {a.text(slope)} - {a.paren_text(learning_rate)}·{a.paren_text(dm)}"
                    f" = {a.text(m1)}, b = {a.text(intercept)} - {a.paren_text(learning_rate)}"
                    f"·{a.paren_text(db)} = {a.text(b1)}",
                ),
            ),
        ),
    )


__all__ = [
    "MAX_ITERATIONS",
    "StoppingRule",
    "gradient_descent_1d",
    "gradient_descent_2d",
    "iterates_1d",
    "iterates_2d",
    "regression_gradient",
    "regression_step",
]
