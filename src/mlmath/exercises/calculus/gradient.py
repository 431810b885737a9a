"""Skill: the gradient of f(x, y) at a point — the vector of both partial derivatives."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.expression import Add, Expr, add
from mlmath.engine.calculus.gradient import gradient_at, partial_derivative
from mlmath.engine.exact import Vector
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import WEEK2, integer, read_function, shown, written
from mlmath.exercises.calculus.rule_slips import rule_slips
from mlmath.exercises.calculus.two_variables import XY, polynomial_xy, pure_terms
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Mistake, Params, Prompt, Skill

TOPIC = f"{WEEK2} · Gradient notation"


def other_terms(f: Expr, variable: str) -> Expr:
    """The terms of ``f`` with no ``variable`` but another variable in them (y³ for
    ∂f/∂x): constants in ∂f/∂``variable`` that a beginner copies into the derivative."""
    terms = f.terms if isinstance(f, Add) else (f,)
    return add(*(t for t in terms if t.variables() and not t.depends_on(variable)))


@register
class GradientAtPoint(Skill):
    id = "calculus.gradient"
    title = "The gradient at a point"
    summary = "Compute ∇f = (∂f/∂x, ∂f/∂y) and evaluate it at a point."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x, y), e.g. x^2 + 3x*y"),
        Field("point", "vector", "the point (x, y), e.g. [1, 2]", min_size=2, max_size=2),
    )
    misconceptions = (
        Misconception(
            "swapped_components",
            "The components are in the wrong order",
            "∇f lists ∂f/∂x first and ∂f/∂y second, in the order of the variables.",
            TOPIC,
        ),
        Misconception(
            "dropped_mixed_terms",
            "Terms containing the other variable were dropped",
            "Holding y constant makes y a constant FACTOR, not zero: ∂/∂x (x²y) = 2xy.",
            TOPIC,
        ),
        Misconception(
            "kept_other_terms",
            "A term with only the other variable in it was kept instead of becoming 0",
            "In ∂f/∂x a term with no x in it, like y³, is a constant while y is held fixed, and "
            "a constant's derivative is 0: ∂/∂x (x²y + y³) = 2xy, not 2xy + y³. Keep only the "
            "terms that contain x; in ∂f/∂y, only those that contain y.",
            TOPIC,
            hint="Which terms of f have no x in them at all? What does each become in ∂f/∂x?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        bound = 3 if level == 1 else 5
        point = Vector.of([integer(rng, -bound, bound), integer(rng, -bound, bound)])
        return {"function": written(polynomial_xy(rng, level), XY), "point": point}

    def function(self, params: Params) -> Expr:
        return read_function(params["function"], XY)

    def prompt(self, params: Params) -> Prompt:
        x, y = params["point"]
        return (
            "Compute the gradient ∇f at the point (" + f"{x}, {y})" + " of",
            shown("f", self.function(params), XY),
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(2,), decimals=3)

    def solve(self, params: Params) -> Solution[Any]:
        return gradient_at(self.function(params), XY, tuple(params["point"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "The gradient has one entry per variable. What does each entry measure?",
            "Find ∂f/∂x (y held constant) and ∂f/∂y (x held constant), then put in the point.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = self.function(params)
        where = dict(zip(XY, params["point"], strict=True))
        fx = partial_derivative(f, "x").answer.evaluate(where)
        fy = partial_derivative(f, "y").answer.evaluate(where)
        dx = partial_derivative(pure_terms(f, "y"), "x").answer.evaluate(where)
        dy = partial_derivative(pure_terms(f, "x"), "y").answer.evaluate(where)
        return {
            "swapped_components": Vector.of([fy, fx]),
            "dropped_mixed_terms": Vector.of([dx, dy]),
            "kept_other_terms": Vector.of(
                [fx + other_terms(f, "x").evaluate(where), fy + other_terms(f, "y").evaluate(where)]
            ),
        }

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of every entry, and the entries swapped."""
        return (SignFlipped(),)

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The skill's named mistakes, then a rule applied wrongly in one partial derivative."""
        yield from super().own_mistakes(params)
        f = self.function(params)
        where = dict(zip(XY, params["point"], strict=True))
        right = [partial_derivative(f, v).answer.evaluate(where) for v in XY]
        for index, v in enumerate(XY):

            def build(wrong: Expr, index: int = index) -> Vector:
                entries = list(right)
                entries[index] = wrong.evaluate(where)
                return Vector(tuple(Fraction(e) for e in entries))

            yield from rule_slips(
                f, v, build, variables=XY, partial=True, topic=TOPIC, within=f"in ∂f/∂{v}"
            )

    def check_inputs(self, params: Params) -> None:
        f = self.function(params)
        if not f.variables() <= set(XY):
            raise InputError("function: use x and y as the variables")
        try:
            self.solve(params)
        except (NotSolvable, ValueError) as error:
            raise InputError(f"function: {error}") from None
