"""What the derivative skills share: a function as text in, its derivative as an expression out.

Subclasses choose the functions (``generate``), the misconceptions, and which
misremembered rules (:data:`~mlmath.engine.calculus.differentiation.MISTAKES`)
stand behind them; grading, worked solutions and named mistakes come from here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, ClassVar

from mlmath.answers import AnswerFormat, Expression, Kind
from mlmath.engine.calculus.differentiation import (
    derivative,
    derivative_of,
    derivative_rule,
    mistaken_derivative,
)
from mlmath.engine.calculus.expression import Expr
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.exercises.calculus.functions import as_answer, constant_problem, read_function, shown
from mlmath.exercises.calculus.rule_slips import as_expression_of, rule_slips
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.skill import Feedback, Mistake, Params, Prompt, Skill

VARIABLES = ("x",)


@lru_cache(maxsize=256)
def worked_derivative(function: str) -> Solution[Expression]:
    """The derivative of ``function`` (learner-grammar text) with its worked steps.

    Remembered per function: a variant is solved once for its answer and again for every
    response graded against it, and the steps are the same each time (the tree is immutable).
    """
    answer = as_answer(derivative_of(read_function(function, VARIABLES), "x"))
    # the steps read the function again when shown (its tree is not kept here)
    return WorkedLater(answer, lambda: derivative(read_function(function, VARIABLES), "x").steps)


class DerivativeSkill(Skill):
    """A skill whose answer is ``f′(x)`` for a function ``f`` given as text."""

    inputs = (Field("function", "expression", "f(x), e.g. x^2 * exp(3x)"),)
    mistakes: ClassVar[Mapping[str, str]] = {}
    """Misconception id → the engine's name of the misremembered rule behind it."""

    def function(self, params: Params) -> Expr:
        return read_function(params["function"], VARIABLES)

    def prompt(self, params: Params) -> Prompt:
        return ("Find the derivative f′(x) of", shown("f", self.function(params)))

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.EXPRESSION, variables=VARIABLES)

    def solve(self, params: Params) -> Solution[Expression]:
        return worked_derivative(params["function"])

    def grade(self, params: Params, response: str) -> Feedback:
        problem = constant_problem(response, self.answer_format(params))
        if problem is not None:
            return Feedback("invalid", problem)
        return super().grade(params, response)

    def first_rule(self, params: Params) -> str:
        return derivative_rule(self.function(params), "x").words()

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Read the function from the outside in: is it a sum, a product, a quotient, "
            "or a function of something other than plain x?",
            f"Start with this: {self.first_rule(params)}.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = self.function(params)
        return {
            misconception: as_answer(mistaken_derivative(f, "x", mistake))
            for misconception, mistake in self.mistakes.items()
        }

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sign of the whole derivative."""
        return (SignFlipped(),)

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The skill's named mistakes, then every rule applied wrongly at one place."""
        yield from super().own_mistakes(params)
        topic = self.misconceptions[0].topic if self.misconceptions else ""
        yield from rule_slips(self.function(params), "x", as_expression_of(VARIABLES), topic=topic)

    def check_inputs(self, params: Params) -> None:
        f = self.function(params)
        if not f.variables() <= {"x"}:
            raise InputError("function: use x as the only variable")
        try:
            derivative_rule(f, "x")
        except NotSolvable as error:
            raise InputError(f"function: {error}") from None
