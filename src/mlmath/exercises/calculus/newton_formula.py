"""Skill: Newton's update as a formula in x — x − f/f′ for a root, x − f′/f″ for a minimum."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Expression, Kind
from mlmath.answers.tree import Node
from mlmath.engine.calculus.differentiation import derivative_of
from mlmath.engine.calculus.expression import Add, Const, Expr, Var, add, const, div, sub
from mlmath.engine.calculus.newton_formula import (
    GOALS,
    newton_update,
    update_coefficients,
    update_function,
)
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.exercises.calculus.functions import (
    as_answer,
    integer,
    monomial,
    pick,
    read_function,
    shown,
    to_node,
    written,
)
from mlmath.exercises.calculus.neurons import WEEK3
from mlmath.exercises.figures import formula_problem
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.characteristic_polynomial import polynomial_expression
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3} · Root finding with Newton’s method"


@lru_cache(maxsize=64)
def _update(function: str, goal: str) -> Expression:
    """The update formula alone (no steps), remembered per variant: grading asks for it
    several times."""
    f = read_function(function)
    quick = update_coefficients(f, goal)
    return NewtonFormula._as_answer(quick if quick is not None else update_function(f, goal)[2])


def _expression(e: Expr) -> Expression:
    """A wrong answer as an expression to compare with (no tidying: it is never shown
    before a learner types it)."""
    return Expression(to_node(e), ("x",))


def _constant_term(e: Expr) -> Fraction:
    """The constant term of a sum (``-7`` in ``x^2 - 7``), 0 when there is none."""
    if isinstance(e, Const):
        return e.value
    if isinstance(e, Add):
        return sum((t.value for t in e.terms if isinstance(t, Const)), Fraction(0))
    return Fraction(0)


def _derivative_keeping_constant(e: Expr) -> Expr:
    """The derivative as a learner writes it who keeps the constant term: 2x − 7 for
    x² − 7."""
    return add(derivative_of(e), const(_constant_term(e)))


def _step(g: Expr, slope: Expr, sign: int = -1) -> Expr:
    x = Var("x")
    quotient = div(g, slope)
    return sub(x, quotient) if sign < 0 else add(x, quotient)


@register
class NewtonFormula(Skill):
    id = "calculus.newton_formula"
    title = "Newton's update formula"
    summary = (
        "Newton's step as a formula: x − f(x)/f′(x) for a root, x − f′(x)/f″(x) for a minimum."
    )
    levels = 3
    inputs = (
        Field("function", "expression", "f(x), e.g. x^2 - 2"),
        Field(
            "goal",
            "choice",
            "a root of f (f = 0) or a minimum of f (f′ = 0)",
            False,
            "root",
            choices=GOALS,
        ),
    )
    misconceptions = (
        Misconception(
            "upside_down",
            "The fraction is upside down",
            "The tangent at x reaches 0 after a run of f(x)/f′(x): height over slope. "
            "f′(x)/f(x) is slope over height, which has the wrong size (and units).",
            TOPIC,
        ),
        Misconception(
            "added_step",
            "The step was added instead of subtracted",
            "Newton's update is x − f(x)/f′(x): where f and f′ have the same sign the root lies "
            "to the LEFT, so the step is taken away.",
            TOPIC,
        ),
        Misconception(
            "mixed_up_goal",
            "Root and minimum were mixed up",
            "For a root of f, divide f by f′. For a minimum of f, look for a root of f′: "
            "divide f′ by f″.",
            TOPIC,
        ),
        Misconception(
            "not_divided",
            "The step was not divided by the slope",
            "Newton's step is a height over a slope: f(x)/f′(x) for a root, f′(x)/f″(x) for a "
            "minimum (f″ is the slope of f′). Without the division, x − f(x) or x − f′(x), the "
            "step ignores how steep the curve is: a steep curve needs only a small move, a "
            "flat one a large move.",
            TOPIC,
        ),
        Misconception(
            "constant_kept",
            "A constant was left in the derivative",
            "A constant never changes, so its slope is 0: the derivative of x² − 7 is 2x, not "
            "2x − 7. Drop the constant when you differentiate, then put the derivatives into "
            "the update.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                f = add(monomial(1, 2), const(-integer(rng, 2, 30)))
                goal = "root"
            elif level == 2:
                if integer(rng, 0, 1):
                    f = add(
                        monomial(1, 3),
                        monomial(integer(rng, -9, 9), 1),
                        const(integer(rng, -20, 20, nonzero=True)),
                    )
                else:
                    f = add(
                        monomial(integer(rng, 2, 5), 2),
                        monomial(integer(rng, -9, 9, nonzero=True), 1),
                        const(integer(rng, -20, 20)),
                    )
                goal = "root"
            else:
                goal = pick(rng, GOALS)
                top = 4 if goal == "minimum" else 3
                f = add(
                    monomial(integer(rng, 1, 5), top),
                    *(monomial(integer(rng, -20, 20), k) for k in range(top - 1, 0, -1)),
                    const(integer(rng, -20, 20)),
                )
            params = {"function": written(f), "goal": goal}
            try:
                self._other(params)
            except NotSolvable:
                continue
            return params

    def function(self, params: Params) -> Expr:
        return read_function(params["function"])

    def prompt(self, params: Params) -> Prompt:
        goal = params.get("goal") or "root"
        aim = "a root of f (where f(x) = 0)" if goal == "root" else "a minimum of f"
        return (
            f"Newton's method is used to find {aim} for",
            shown("f", self.function(params)),
            "Write the update x_new as a formula in x (one fraction, or any equal form).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.EXPRESSION, variables=("x",))

    def check_inputs(self, params: Params) -> None:
        if not self.function(params).variables() <= {"x"}:
            raise InputError("function: use x as the only variable")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Expression]:
        f, goal = self.function(params), params.get("goal") or "root"
        return WorkedLater(self.answer(params), lambda: newton_update(f, goal).steps)

    def answer(self, params: Params) -> Expression:
        return _update(params["function"], params.get("goal") or "root")

    @staticmethod
    def _as_answer(update: Any) -> Expression:
        if isinstance(update, Expr):
            return as_answer(update)
        numerator, denominator = update
        top = polynomial_expression(numerator, "x").root
        bottom = polynomial_expression(denominator, "x").root
        return Expression(Node.apply("/", top, bottom), ("x",))

    def _other(self, params: Params) -> Expr:
        f, goal = self.function(params), params.get("goal") or "root"
        other = "minimum" if goal == "root" else "root"
        return update_function(f, other)[2]

    def hints(self, params: Params) -> tuple[str, ...]:
        if (params.get("goal") or "root") == "root":
            return (
                "Follow the tangent at x down to where it meets 0: how far along is that?",
                "The tangent drops f(x) over a run of f(x)/f′(x), so x_new = x − f(x)/f′(x). "
                "Differentiate and substitute.",
            )
        return (
            "At a minimum the slope f′ is 0. Whose root are you looking for?",
            "Apply the root step to f′: x_new = x − f′(x)/f″(x).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The step alone, without x."""
        f, goal = self.function(params), params.get("goal") or "root"
        g = f if goal == "root" else derivative_of(f)
        slope = derivative_of(g)
        if slope == const(0):
            return ()
        ratio = "f(x)/f′(x)" if goal == "root" else "f′(x)/f″(x)"
        return (
            OtherQuantity(
                as_answer(div(g, slope)),
                f"the step {ratio}",
                "the update",
                "subtract it from x.",
                True,
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f, goal = self.function(params), params.get("goal") or "root"
        g = f if goal == "root" else derivative_of(f)
        slope = derivative_of(g)
        out: dict[str, Any] = {"added_step": _expression(_step(g, slope, +1))}
        if g != const(0):
            out["upside_down"] = _expression(sub(Var("x"), div(slope, g)))
        with contextlib.suppress(NotSolvable):
            out["mixed_up_goal"] = _expression(self._other(params))
        if slope not in (const(0), const(1)):
            out["not_divided"] = _expression(sub(Var("x"), g))
        kept_g = g if goal == "root" else _derivative_keeping_constant(f)
        kept_slope = _derivative_keeping_constant(kept_g)
        if (kept_g, kept_slope) != (g, slope) and kept_slope != const(0):
            out["constant_kept"] = _expression(_step(kept_g, kept_slope))
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if formula_problem("newton", params["function"], ("x",)):
            return None
        return {
            "kind": "newton",
            "params": {
                "function": params["function"],
                "start": 3,
                "mode": params.get("goal") or "root",
                "domain": [-6, 6],
            },
            "caption": "Press N to take a step: each new x is your formula applied to the "
            "last one. Check one step by hand.",
        }
