"""Skill: minimise (or maximise) a function of two variables — solve ∇f = 0, classify with H."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.calculus.expression import Expr, add, const
from mlmath.engine.calculus.stationary_points import (
    KINDS,
    StationaryPoint,
    hessian_values,
    stationary_point,
)
from mlmath.engine.exact import Vector
from mlmath.engine.render import number_text
from mlmath.engine.solution import NotSolvable, Solution, WorkedLater
from mlmath.exercises.calculus.functions import integer, pick, read_function, shown, written
from mlmath.exercises.calculus.neurons import WEEK3
from mlmath.exercises.calculus.two_variables import XY, term
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3} · Second derivatives and Hessians"
ASKED = ("point", "type")
OPTIONS = tuple(Choice(k, k) for k in KINDS)


def _linear(d: Fraction, e: Fraction) -> Expr:
    from mlmath.engine.calculus.expression import Var, mul

    return add(mul(const(d), Var("x")), mul(const(e), Var("y")))


@register
class OptimiseTwoVariables(Skill):
    id = "calculus.optimise_two_variables"
    title = "Minimum, maximum or saddle of f(x, y)"
    summary = "Solve ∇f = 0 for the flat point, then classify it with the Hessian: det H and f_xx."
    levels = 3
    inputs = (
        Field(
            "function", "expression", "f(x, y), a polynomial of degree 2, e.g. x^2 + xy + y^2 - 3x"
        ),
        Field(
            "asked", "choice", "the point where ∇f = 0, or its type", False, "point", choices=ASKED
        ),
    )
    misconceptions = (
        Misconception(
            "sign_slip",
            "A sign was lost solving ∇f = 0",
            "Moving a term across the equals sign changes its sign: 2x − 6 = 0 gives x = 3, "
            "not −3. Check by putting the point back into both partial derivatives.",
            TOPIC,
        ),
        Misconception(
            "dropped_cross_term",
            "The xy term was left out of the partial derivatives",
            "b·xy changes with both variables: it gives b·y in ∂f/∂x and b·x in ∂f/∂y, and "
            "couples the two equations.",
            TOPIC,
        ),
        Misconception(
            "determinant_alone",
            "det H > 0 alone does not make a minimum",
            "A positive determinant says the surface bends the same way in every direction; "
            "f_xx says which way: f_xx > 0 up (a minimum), f_xx < 0 down (a maximum).",
            TOPIC,
        ),
        Misconception(
            "negative_determinant",
            "det H < 0 means a saddle point, not a maximum",
            "A negative determinant means the surface bends up in one direction and down in "
            "another: a saddle, neither a minimum nor a maximum.",
            TOPIC,
        ),
        Misconception(
            "negative_determinant_minimum",
            "det H < 0 means a saddle point, not a minimum",
            "f_xx > 0 only says the surface bends up along x. A negative determinant means "
            "it bends down along another direction: a saddle, neither a minimum nor a maximum.",
            TOPIC,
        ),
        Misconception(
            "saddle_needs_negative_determinant",
            "A saddle point needs det H < 0",
            "A saddle bends up one way and down another, and that shows as "
            "det H = f_xx·f_yy − f_xy² < 0. With det H > 0 the point is a minimum or a "
            "maximum; the sign of f_xx says which.",
            TOPIC,
        ),
        Misconception(
            "curvature_sign_reversed",
            "f_xx > 0 means a minimum, not a maximum",
            "With det H > 0, f_xx > 0 means the surface bends up like a bowl, so the flat "
            "point is its lowest point (a minimum); f_xx < 0 bends down like a cap (a maximum).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            size = 6 if level < 3 else 9
            a, c = integer(rng, -size, size, nonzero=True), integer(rng, -size, size, nonzero=True)
            b = 0 if level == 1 else integer(rng, -size, size, nonzero=True)
            if level == 1:
                c = abs(c) if a > 0 else -abs(c)
            det = 4 * a * c - b * b
            if det == 0 or (level == 2 and det < 0):
                continue
            if level < 3:
                point = (Fraction(integer(rng, -5, 5)), Fraction(integer(rng, -5, 5)))
            else:
                q = pick(rng, (1, 2, 3))
                point = (Fraction(integer(rng, -9, 9), q), Fraction(integer(rng, -9, 9), q))
                d, e = 2 * a * point[0] + b * point[1], b * point[0] + 2 * c * point[1]
                if d.denominator != 1 or e.denominator != 1:
                    continue  # keep the function's coefficients whole
            f = _quadratic(Fraction(a), Fraction(b), Fraction(c), point, integer(rng, -9, 9))
            return {"function": written(f, XY), "asked": pick(rng, ASKED)}

    def function(self, params: Params) -> Expr:
        return read_function(params["function"], XY)

    def prompt(self, params: Params) -> Prompt:
        if (params.get("asked") or "point") == "point":
            question = "At which point (x, y) is the gradient ∇f zero? Give it as (x, y)."
        else:
            question = "f has one point where ∇f = 0. Is it a minimum, a maximum or a saddle point?"
        return ("For the surface", shown("f", self.function(params), XY), question)

    def answer_format(self, params: Params) -> AnswerFormat:
        if (params.get("asked") or "point") == "point":
            return AnswerFormat(Kind.VECTOR, shape=(2,))
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def check_inputs(self, params: Params) -> None:
        try:
            self._found(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def _found(self, params: Params) -> Solution[StationaryPoint]:
        return stationary_point(self.function(params))

    def solve(self, params: Params) -> Solution[Vector | str]:
        s = self._found(params)
        # the same steps, written only when read (as the stationary point's own)
        if (params.get("asked") or "point") == "point":
            return WorkedLater(s.answer.point, lambda: s.steps)
        return WorkedLater(s.answer.kind, lambda: s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        if (params.get("asked") or "point") == "point":
            return (
                "At a lowest, highest or saddle point the tangent plane is flat. What are both "
                "slopes there?",
                "Compute ∂f/∂x and ∂f/∂y, set both to 0, and solve the two linear equations.",
            )
        return (
            "How does the surface bend at the flat point? The second derivatives tell.",
            "Compute the Hessian H = [[f_xx, f_xy], [f_xy, f_yy]]: det H < 0 is a saddle; "
            "det H > 0 is a minimum if f_xx > 0 and a maximum if f_xx < 0.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = self.function(params)
        found = self._found(params).answer
        if (params.get("asked") or "point") == "type":
            return {
                "maximum": {
                    "determinant_alone": "minimum",
                    "saddle_needs_negative_determinant": "saddle point",
                },
                "minimum": {
                    "curvature_sign_reversed": "maximum",
                    "saddle_needs_negative_determinant": "saddle point",
                },
                "saddle point": {
                    "negative_determinant": "maximum",
                    "negative_determinant_minimum": "minimum",
                },
            }[found.kind]
        x, y = found.point
        out: dict[str, Any] = {"sign_slip": Vector((-x, -y))}
        h = hessian_values(f)
        if h[0, 1] != 0:
            # without the cross term: f_xx·x + d = 0 and f_yy·y + e = 0
            d = -(h[0, 0] * x + h[0, 1] * y)
            e = -(h[1, 0] * x + h[1, 1] * y)
            out["dropped_cross_term"] = Vector((-d / h[0, 0], -e / h[1, 1]))
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The Hessian's numbers decide every wrong option of the type question."""
        if (params.get("asked") or "point") != "type":
            return {}
        h = hessian_values(self.function(params))
        fxx, fxy, fyy = h[0, 0], h[0, 1], h[1, 1]
        det = fxx * fyy - fxy * fxy
        here = (
            f"Here f_xx = {number_text(fxx)}, f_yy = {number_text(fyy)} and "
            f"f_xy = {number_text(fxy)}, so det H = {_factor(fxx)}·{_factor(fyy)} − "
            f"{_factor(fxy)}² = {number_text(det)}, {'above' if det > 0 else 'below'} 0"
        )
        if det > 0:
            here += f", and f_xx is {'above' if fxx > 0 else 'below'} 0"
        return dict.fromkeys(self.buggy_answers(params), here + ".")


def _factor(value: Fraction) -> str:
    """``value`` as a factor of a product: in brackets when negative."""
    return f"({number_text(value)})" if value < 0 else number_text(value)


def _quadratic(
    a: Fraction, b: Fraction, c: Fraction, point: tuple[Fraction, Fraction], k: int
) -> Expr:
    """a·x² + b·xy + c·y² + d·x + e·y + k with ∇f = 0 at ``point``."""
    p, q = point
    d, e = -(2 * a * p + b * q), -(b * p + 2 * c * q)
    parts = [term(int(a), 2, 0)]
    if b:
        parts.append(term(int(b), 1, 1))
    parts.append(term(int(c), 0, 2))
    parts.append(_linear(d, e))
    parts.append(const(k))
    return add(*parts)
