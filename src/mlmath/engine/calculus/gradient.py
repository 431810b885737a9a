"""Partial derivatives and the gradient of a function of several variables.

>>> from mlmath.engine.calculus.expression import Var, add, mul, power, const
>>> x, y = Var("x"), Var("y")
>>> f = add(power(x, const(2)), mul(const(3), mul(x, y)))
>>> gradient(f).answer.text()
'(2x + 3y, 3x)'
>>> gradient_at(f, ("x", "y"), (const(1).value, const(2).value)).answer
Vector(entries=(Fraction(8, 1), Fraction(3, 1)))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Expr, Value
from mlmath.engine.calculus.substitution import put_in
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Formula, LazyFormula, Solution, Step, WorkedLater


@dataclass(frozen=True, slots=True)
class GradientVector:
    """The gradient as a column of expressions, one partial derivative per variable."""

    components: tuple[Expr, ...]

    def latex(self) -> str:
        body = r" \\ ".join(c.latex() for c in self.components)
        return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"

    def text(self) -> str:
        return "(" + ", ".join(c.text() for c in self.components) + ")"

    def to_json(self) -> Any:
        return [c.text() for c in self.components]


def point_text(point: Sequence[Value]) -> str:
    return "(" + ", ".join(numbers.text(p) for p in point) + ")"


def point_latex(point: Sequence[Value]) -> str:
    return r"\left(" + ", ".join(numbers.latex(p) for p in point) + r"\right)"


def partial_derivative(expression: Expr, variable: str, name: str = "f") -> Solution[Expr]:
    """``∂f/∂variable``: every other variable is held constant."""
    return derivative(expression, variable, partial=True, name=name)


def gradient(
    expression: Expr, variables: tuple[str, ...] = ("x", "y"), name: str = "f"
) -> Solution[GradientVector]:
    """The gradient ``∇f``: the partial derivatives stacked into one vector."""
    return _worked_gradient(expression, variables, name)


@lru_cache(maxsize=32)
def _worked_gradient(
    expression: Expr, variables: tuple[str, ...], name: str
) -> Solution[GradientVector]:
    """:func:`gradient`, remembered per expression like :func:`derivative` (a variant's
    gradient is worked for its answer, its Newton step and every check)."""
    partials = [partial_derivative(expression, v, name) for v in variables]
    result = GradientVector(tuple(s.answer for s in partials))

    def write() -> tuple[Step, ...]:
        steps: list[Step] = []
        for v, s in zip(variables, partials, strict=True):
            others = [w for w in variables if w != v]
            held = f", holding {' and '.join(others)} constant" if others else ""
            steps.append(
                Step(f"Differentiate with respect to {v}{held}", s.steps[-1].math, s.steps[:-1])
            )
        steps.append(
            Step(
                "Stack the partial derivatives into the gradient",
                LazyFormula(
                    lambda: rf"\nabla {name} = {result.latex()}",
                    lambda: f"∇{name} = {result.text()}",
                    display=True,
                ),
            )
        )
        return tuple(steps)

    # the steps are written when first read (see derivative)
    return WorkedLater(result, write)


def gradient_at(
    expression: Expr,
    variables: tuple[str, ...],
    point: Sequence[Value],
    name: str = "f",
) -> Solution[Vector | tuple[float, ...]]:
    """The gradient evaluated at ``point``: exact when every value is rational."""
    symbolic = gradient(expression, variables, name)
    where = dict(zip(variables, point, strict=True))
    values = [c.evaluate(where) for c in symbolic.answer.components]
    substitutions = []
    for v, component, value in zip(variables, symbolic.answer.components, values, strict=True):
        label = (
            f"∂{name}/∂{v}{point_text(point)}",
            rf"\frac{{\partial {name}}}{{\partial {v}}}{point_latex(point)}",
        )
        substitutions.append(
            Step(f"∂{name}/∂{v} at the point", put_in(label, component, where, value))
        )
    answer: Vector | tuple[float, ...]
    if all(isinstance(v, Fraction) for v in values):
        answer = Vector(tuple(Fraction(v) for v in values))
    else:
        answer = tuple(float(v) for v in values)
    steps = (
        Step("Find the gradient", symbolic.steps[-1].math, symbolic.steps),
        Step(f"Put in {point_text(point)}", None, tuple(substitutions)),
        Step(
            "The gradient at the point",
            Formula(
                rf"\nabla {name}{point_latex(point)} = {point_latex(values)}",
                f"∇{name}{point_text(point)} = {point_text(values)}",
            ),
        ),
    )
    return Solution(answer, steps)


__all__ = [
    "GradientVector",
    "gradient",
    "gradient_at",
    "partial_derivative",
    "point_latex",
    "point_text",
]
