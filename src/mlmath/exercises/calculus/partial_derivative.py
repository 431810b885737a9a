"""Skill: a partial derivative — differentiate in one variable while the other is held constant."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Expression, Kind
from mlmath.engine.calculus.expression import Expr, add
from mlmath.engine.calculus.gradient import partial_derivative
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.exercises.calculus.functions import (
    WEEK2,
    as_answer,
    constant_problem,
    pick,
    read_function,
    shown,
    written,
)
from mlmath.exercises.calculus.rule_slips import as_expression_of, rule_slips
from mlmath.exercises.calculus.two_variables import XY, polynomial_xy, pure_terms, with_exponential
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Feedback, Misconception, Mistake, Params, Prompt, Skill

TOPIC = f"{WEEK2} · Intro to gradients"


@register
class PartialDerivative(Skill):
    id = "calculus.partial_derivative"
    title = "Partial derivatives"
    summary = "Differentiate a function of x and y in one variable, holding the other constant."
    levels = 3
    inputs = (
        Field("function", "expression", "f(x, y), e.g. x^2*y + 3y^2"),
        Field("variable", "choice", "differentiate with respect to", choices=XY),
    )
    misconceptions = (
        Misconception(
            "other_variable_as_variable",
            "The other variable was differentiated too",
            "In ∂f/∂x, y is a fixed number, like 5: the derivative of 3x²y is 6xy, and a term with "
            "only y in it is a constant whose derivative is 0.",
            TOPIC,
        ),
        Misconception(
            "dropped_mixed_terms",
            "Terms containing the other variable were dropped",
            "Holding y constant does not make x²y vanish: y is a constant FACTOR, so ∂/∂x (x²y) = "
            "2xy. Only terms with no x at all differentiate to 0.",
            TOPIC,
        ),
        Misconception(
            "wrong_variable",
            "That is the partial derivative with respect to the other variable",
            "Check the subscript: ∂f/∂x differentiates in x (y held constant), ∂f/∂y in y.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        f = polynomial_xy(rng, level)
        if level == 3:
            f = with_exponential(rng, f)
        return {"function": written(f, XY), "variable": pick(rng, XY)}

    def function(self, params: Params) -> Expr:
        return read_function(params["function"], XY)

    def prompt(self, params: Params) -> Prompt:
        v = params["variable"]
        return (f"Find the partial derivative ∂f/∂{v} of", shown("f", self.function(params), XY))

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.EXPRESSION, variables=XY)

    def solve(self, params: Params) -> Solution[Expression]:
        s = partial_derivative(self.function(params), params["variable"])
        return WorkedLater(as_answer(s.answer, XY), lambda: s.steps)

    def grade(self, params: Params, response: str) -> Feedback:
        problem = constant_problem(response, self.answer_format(params))
        if problem is not None:
            return Feedback("invalid", problem)
        return super().grade(params, response)

    def hints(self, params: Params) -> tuple[str, ...]:
        v = params["variable"]
        other = "y" if v == "x" else "x"
        return (
            f"Pretend {other} is a number, say 5. Which terms change when {v} changes?",
            f"Differentiate term by term in {v}; {other} behaves like a constant factor.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = self.function(params)
        v = params["variable"]
        other = "y" if v == "x" else "x"
        d = partial_derivative(f, v).answer
        d_other = partial_derivative(f, other).answer
        dropped = partial_derivative(pure_terms(f, other), v).answer
        return {
            "other_variable_as_variable": as_answer(add(d, d_other), XY),
            "dropped_mixed_terms": as_answer(dropped, XY),
            "wrong_variable": as_answer(d_other, XY),
        }

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the whole derivative."""
        return (SignFlipped(),)

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The skill's named mistakes, then every rule applied wrongly at one place."""
        yield from super().own_mistakes(params)
        f, v = self.function(params), params["variable"]
        yield from rule_slips(f, v, as_expression_of(XY), variables=XY, partial=True, topic=TOPIC)

    def check_inputs(self, params: Params) -> None:
        f = self.function(params)
        if not f.variables() <= set(XY):
            raise InputError("function: use x and y as the variables")
        try:
            partial_derivative(f, params["variable"])
        except NotSolvable as error:
            raise InputError(f"function: {error}") from None
