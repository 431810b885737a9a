"""Skills: the Hessian of a function of two variables, and one multivariate Newton step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.expression import Expr, add, const
from mlmath.engine.calculus.gradient import gradient
from mlmath.engine.calculus.newton import hessian, hessian_at, inverse_2x2, newton_step_2d
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import integer, read_function, shown, written
from mlmath.exercises.calculus.neurons import WEEK3
from mlmath.exercises.calculus.two_variables import XY, polynomial_xy, term
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import MixedPartials, NewtonStep, OneSign, Reversed, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

HESSIANS = f"{WEEK3} · Second derivatives and Hessians"
MULTIVARIATE = f"{WEEK3} · Multivariate Newton’s method"

INPUTS = (
    Field("function", "expression", "f(x, y), a polynomial such as x^2 + 3xy + 2y^2"),
    Field("point", "vector", "the point (x, y)", min_size=2, max_size=2),
)


def _function(params: Params) -> Expr:
    return read_function(params["function"], XY)


def _check(skill: Skill, params: Params) -> None:
    if not _function(params).variables() <= set(XY):
        raise InputError("function: use x and y as the only variables")
    try:
        skill.solve(params)
    except NotSolvable as error:
        raise InputError(str(error)) from None


@lru_cache(maxsize=32)
def worked_hessian(function: str, point: tuple[Fraction, ...]) -> Solution[Matrix]:
    """The Hessian of ``function`` (learner-grammar text) at ``point``, with its steps.

    Remembered per variant: it is worked while generating, for the answer, and again for
    every response graded, and the steps are immutable.
    """
    return hessian_at(read_function(function, XY), XY, point)


@lru_cache(maxsize=32)
def worked_newton_step(function: str, point: tuple[Fraction, ...]) -> Solution[Vector]:
    """One Newton step for ``function`` from ``point``, with its steps, remembered likewise."""
    return newton_step_2d(read_function(function, XY), XY, point)


@lru_cache(maxsize=32)
def newton_parts(function: str, point: tuple[Fraction, ...]) -> tuple[Vector, Vector]:
    """The gradient ∇f and the move H⁻¹∇f at ``point``, remembered likewise; the values
    alone (the worked steps are the Newton step's)."""
    f = read_function(function, XY)
    where = dict(zip(XY, point, strict=True))
    values = [c.evaluate(where) for c in gradient(f, XY).answer.components]
    if not all(isinstance(v, Fraction) for v in values):
        raise NotSolvable("the gradient is not exact here; use a polynomial")
    g = Vector(tuple(Fraction(v) for v in values))
    rows = [[e.evaluate(where) for e in row] for row in hessian(f, XY).answer.rows]
    if not all(isinstance(v, Fraction) for row in rows for v in row):
        raise NotSolvable("the Hessian is not a rational number here; use a polynomial")
    move = inverse_2x2(Matrix.of(rows)) @ g
    assert isinstance(move, Vector)
    return g, move


def _point(rng: np.random.Generator, size: int) -> Vector:
    return Vector.of([integer(rng, -size, size), integer(rng, -size, size)])


@register
class Hessian(Skill):
    id = "calculus.hessian"
    title = "The Hessian matrix"
    summary = "Collect the four second partial derivatives of f(x, y) in a 2×2 matrix."
    levels = 3
    inputs = INPUTS
    misconceptions = (
        Misconception(
            "halved",
            "Every entry is half of what it should be",
            "For f = ax² + bxy + cy² the Hessian is [[2a, b], [b, 2c]]: differentiate twice, "
            "don't copy the coefficients (that is the matrix of the quadratic form, H/2).",
            HESSIANS,
        ),
        Misconception(
            "swapped_diagonal",
            "The two diagonal entries are swapped",
            "Row 1, column 1 holds ∂²f/∂x² (differentiate twice in x); the bottom right holds "
            "∂²f/∂y².",
            HESSIANS,
        ),
        Misconception(
            "no_mixed_partials",
            "The mixed partial derivatives were set to 0",
            "Off the diagonal sits ∂²f/∂x∂y: differentiate in x, then in y. Terms with both "
            "x and y give it.",
            HESSIANS,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params = {"function": written(polynomial_xy(rng, level), XY), "point": _point(rng, 3)}
            h = self.solve(params).answer
            if h[0, 1] != 0 and h[0, 0] != h[1, 1]:
                return params

    def prompt(self, params: Params) -> Prompt:
        x, y = params["point"]
        return (
            "Find the Hessian matrix [[f_xx, f_xy], [f_yx, f_yy]] of",
            shown("f", _function(params), XY),
            f"at the point (x, y) = ({x}, {y}).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.MATRIX, shape=(2, 2))

    def solve(self, params: Params) -> Solution[Matrix]:
        return worked_hessian(params["function"], params["point"].entries)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many ways are there to differentiate twice when there are two variables?",
            "Find ∂f/∂x and ∂f/∂y first; then differentiate each of them in x and in y.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The mixed partials left out, and the transpose."""
        return (MixedPartials(), OneSign())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        (a, b), (c, d) = self.solve(params).answer.rows
        return {
            "halved": Matrix(((a / 2, b / 2), (c / 2, d / 2))),
            "swapped_diagonal": Matrix(((d, b), (c, a))),
            "no_mixed_partials": Matrix(((a, Fraction(0)), (Fraction(0), d))),
        }

    def check_inputs(self, params: Params) -> None:
        _check(self, params)


@register
class NewtonStep2D(Skill):
    id = "calculus.newton_step_2d"
    title = "Newton's method in two variables"
    summary = "Take one step p ← p − H⁻¹∇f toward a minimum of f(x, y)."
    levels = 3
    inputs = INPUTS
    misconceptions = (
        Misconception(
            "used_hessian",
            "The gradient was multiplied by H instead of H⁻¹",
            "In one variable Newton divides by f″; in two it multiplies by the INVERSE of the "
            "Hessian: p₁ = p₀ − H⁻¹∇f.",
            MULTIVARIATE,
        ),
        Misconception(
            "gradient_step",
            "That is a plain gradient step, p − ∇f",
            "Newton's method rescales the gradient by the curvature: multiply by H⁻¹ before "
            "subtracting.",
            MULTIVARIATE,
        ),
        Misconception(
            "added_step",
            "The step was added instead of subtracted",
            "The update is p₁ = p₀ − H⁻¹∇f(p₀); adding it moves away from the critical point.",
            MULTIVARIATE,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            a, c = integer(rng, 1, 5), integer(rng, 1, 5)
            terms = [
                term(a, 2, 0),
                term(c, 0, 2),
                term(integer(rng, -9, 9), 1, 0),
                term(integer(rng, -9, 9), 0, 1),
                const(integer(rng, -9, 9)),
            ]
            if level >= 2:
                terms.append(term(integer(rng, -3, 3, nonzero=True), 1, 1))
            if level == 3:
                terms.append(term(integer(rng, -2, 2, nonzero=True), 3, 0))
            params = {"function": written(add(*terms), XY), "point": _point(rng, 4)}
            try:
                gradient, move = self._parts(params)
            except NotSolvable:
                continue
            if any(gradient) and move != gradient:
                return params

    def _parts(self, params: Params) -> tuple[Vector, Vector]:
        return newton_parts(params["function"], params["point"].entries)

    def prompt(self, params: Params) -> Prompt:
        x, y = params["point"]
        return (
            "Newton's method looks for a minimum of",
            shown("f", _function(params), XY),
            f"Starting from (x, y) = ({x}, {y}), take one step. Where does it land?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(2,), decimals=4)

    def solve(self, params: Params) -> Solution[Vector]:
        return worked_newton_step(params["function"], params["point"].entries)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "In one variable the step is f′/f″. What plays the role of f′ and of f″ here?",
            "Compute ∇f and the Hessian H at the point, invert H, and subtract H⁻¹∇f.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One step of p − H⁻¹∇f: H for H⁻¹, the step added, the change alone; x and y
        swapped."""
        p = params["point"]
        try:
            g, _ = self._parts(params)
        except NotSolvable:
            return ()
        h = worked_hessian(params["function"], p.entries).answer
        return (NewtonStep(p, g, h), Reversed("(x, y)"))

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        p = params["point"]
        g, move = self._parts(params)
        h = worked_hessian(params["function"], p.entries).answer
        with_h = h @ g
        assert isinstance(with_h, Vector)
        return {
            "used_hessian": p - with_h,
            "gradient_step": p - g,
            "added_step": p + move,
        }

    def check_inputs(self, params: Params) -> None:
        _check(self, params)
