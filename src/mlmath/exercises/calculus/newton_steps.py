"""Skills: Newton's method in one variable, for a root and for a minimum."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus import numerals
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Expr, Undefined, Value, add, const
from mlmath.engine.calculus.newton import newton_minimise, newton_root
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import integer, monomial, read_function, shown, written
from mlmath.exercises.calculus.neurons import WEEK3
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import NewtonStep, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

ROOTS = f"{WEEK3} · Root finding with Newton’s method"
OPTIMISATION = f"{WEEK3} · Adapting Newton’s method for optimization"

NEWTON_INPUTS = (
    Field("function", "expression", "f(x), a polynomial such as x^3 - 2x - 5"),
    Field("start", "number", "the starting point x₀"),
    Field("steps", "integer", "how many Newton steps", required=False, default=1),
)


def _values(f: Expr, x: Value) -> tuple[Value, Value, Value]:
    """``f(x), f′(x), f″(x)``."""
    first = derivative(f, "x").answer
    second = derivative(first, "x").answer
    where = {"x": x}
    return f.evaluate(where), first.evaluate(where), second.evaluate(where)


UPDATES: dict[str, Callable[[Value, Value, Value, Value], Value]] = {
    # rule: (x, f(x), f′(x), f″(x)) → the next x
    "root": lambda x, v, s, c: x - v / s,
    "divided_by_function": lambda x, v, s, c: x - s / v,
    "added_step": lambda x, v, s, c: x + v / s,
    "no_derivative": lambda x, v, s, c: x - v,
    "minimum": lambda x, v, s, c: x - s / c,
    "added_minimum_step": lambda x, v, s, c: x + s / c,
    "gradient_step": lambda x, v, s, c: x - s,
}


def _walk(f: Expr, start: Value, steps: int, rule: str) -> Value:
    """``steps`` updates of a (possibly mistaken) Newton-like rule, for the buggy answers."""
    x = start
    for _ in range(steps):
        try:
            x = UPDATES[rule](x, *_values(f, x))
        except ZeroDivisionError:
            return Fraction(10**9)
    return x


def _check(skill: Skill, params: Params) -> None:
    f = read_function(params["function"])
    if not f.variables() <= {"x"}:
        raise InputError("function: use x as the only variable")
    if not 1 <= params["steps"] <= 10:
        raise InputError("steps: give a whole number of steps from 1 to 10")
    try:
        skill.solve(params)
    except (NotSolvable, Undefined) as error:
        raise InputError(str(error)) from None


@register
class NewtonRootStep(Skill):
    id = "calculus.newton_root_step"
    title = "Newton's method for a root"
    summary = "Follow the tangent line to its zero: x ← x − f(x)/f′(x)."
    levels = 3
    inputs = NEWTON_INPUTS
    misconceptions = (
        Misconception(
            "divided_by_function",
            "The fraction is upside down: f′/f instead of f/f′",
            "The tangent at x₀ reaches zero after a run of f(x₀)/f′(x₀): value over slope.",
            ROOTS,
        ),
        Misconception(
            "added_step",
            "The step was added instead of subtracted",
            "The update is x₁ = x₀ − f(x₀)/f′(x₀). Adding moves away from where the tangent "
            "crosses zero.",
            ROOTS,
        ),
        Misconception(
            "no_derivative",
            "The value f(x₀) was subtracted without dividing by the slope",
            "Newton's step divides by f′(x₀): a steep function needs only a small move to "
            "reach zero, a flat one a large move.",
            ROOTS,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                f = add(monomial(1, 2), const(-integer(rng, 1, 30)))
                start = Fraction(integer(rng, 1, 6))
            elif level == 2:
                f = add(
                    monomial(1, 3), monomial(integer(rng, -6, 6), 1), const(integer(rng, -9, 9))
                )
                start = Fraction(integer(rng, -3, 3))
            else:
                f = add(
                    monomial(integer(rng, 1, 4), 3),
                    monomial(integer(rng, -8, 8), 2),
                    monomial(integer(rng, -15, 15), 1),
                    const(integer(rng, -40, 40)),
                )
                start = Fraction(integer(rng, -6, 6))
            value, slope, _ = _values(f, start)
            if value != 0 and slope != 0:
                params = {"function": written(f), "start": start, "steps": 1 if level < 3 else 2}
                try:
                    self.solve(params)
                except NotSolvable:
                    continue
                return params

    def prompt(self, params: Params) -> Prompt:
        steps = params["steps"]
        count = "one step" if steps == 1 else f"{steps} steps"
        return (
            "Newton's method looks for a root of",
            shown("f", read_function(params["function"])),
            f"Starting from x₀ = {numerals.text(params['start'])}, take {count}. "
            "Where does it land? (A fraction, or a decimal to 4 places.)",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[Value]:
        f = read_function(params["function"])
        return newton_root(f, "x", params["start"], params["steps"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Draw the tangent line at x₀. Where does it cross the x-axis?",
            "Compute f(x₀) and f′(x₀); then x₁ = x₀ − f(x₀)/f′(x₀).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One step of x − f(x)/f′(x): f·f′ for f/f′, the step added, the change alone."""
        if params["steps"] != 1:
            return ()
        f = read_function(params["function"])
        x = params["start"]
        value, slope, _ = _values(f, x)
        return (NewtonStep(x, value, slope),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = read_function(params["function"])
        start, steps = params["start"], params["steps"]
        return {
            rule: _walk(f, start, steps, rule)
            for rule in ("divided_by_function", "added_step", "no_derivative")
        }

    def check_inputs(self, params: Params) -> None:
        _check(self, params)


@register
class NewtonOptimisationStep(Skill):
    id = "calculus.newton_optimisation_step"
    title = "Newton's method for a minimum"
    summary = "Find where f′ = 0 with Newton's method: x ← x − f′(x)/f″(x)."
    levels = 3
    inputs = NEWTON_INPUTS
    misconceptions = (
        Misconception(
            "root_of_function",
            "That step looks for a root of f, not a minimum",
            "At a minimum the SLOPE is zero, so Newton's method is applied to f′: "
            "x₁ = x₀ − f′(x₀)/f″(x₀).",
            OPTIMISATION,
        ),
        Misconception(
            "added_minimum_step",
            "The step was added instead of subtracted",
            "x₁ = x₀ − f′(x₀)/f″(x₀): where f curves upward (f″ > 0) this moves downhill.",
            OPTIMISATION,
        ),
        Misconception(
            "gradient_step",
            "That is a gradient-descent step with learning rate 1",
            "Newton's method divides the slope by the curvature f″(x₀) instead of multiplying it "
            "by a fixed learning rate.",
            OPTIMISATION,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                f = add(
                    monomial(integer(rng, 1, 5), 2),
                    monomial(integer(rng, -9, 9, nonzero=True), 1),
                    const(integer(rng, -5, 5)),
                )
                start = Fraction(integer(rng, -3, 3))
            elif level == 2:
                f = add(
                    monomial(1, 3),
                    monomial(integer(rng, -6, 6), 2),
                    monomial(integer(rng, -9, 9), 1),
                )
                start = Fraction(integer(rng, -3, 3))
            else:
                f = add(
                    monomial(integer(rng, 1, 4), 4),
                    monomial(integer(rng, -6, 6), 3),
                    monomial(integer(rng, -9, 9), 2),
                    monomial(integer(rng, -30, 30), 1),
                    const(integer(rng, -9, 9)),
                )
                start = Fraction(integer(rng, -5, 5, nonzero=True))
            value, slope, curvature = _values(f, start)
            if slope != 0 and curvature != 0 and value != 0:
                return {"function": written(f), "start": start, "steps": 1}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Newton's method looks for a minimum of",
            shown("f", read_function(params["function"])),
            f"Starting from x₀ = {numerals.text(params['start'])}, take "
            f"{'one step' if params['steps'] == 1 else str(params['steps']) + ' steps'}. "
            "Where does it land? (A fraction, or a decimal to 4 places.)",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[Value]:
        f = read_function(params["function"])
        return newton_minimise(f, "x", params["start"], params["steps"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "At a minimum, which derivative is zero? Newton's method can look for its root.",
            "Compute f′(x₀) and f″(x₀); then x₁ = x₀ − f′(x₀)/f″(x₀).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One step of x − f′(x)/f″(x): f′·f″ for f′/f″, upside down, added, the change alone."""
        if params["steps"] != 1:
            return ()
        f = read_function(params["function"])
        x = params["start"]
        _, slope, curvature = _values(f, x)
        return (NewtonStep(x, slope, curvature),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        f = read_function(params["function"])
        start, steps = params["start"], params["steps"]
        return {
            "root_of_function": _walk(f, start, steps, "root"),
            "added_minimum_step": _walk(f, start, steps, "added_minimum_step"),
            "gradient_step": _walk(f, start, steps, "gradient_step"),
        }

    def check_inputs(self, params: Params) -> None:
        _check(self, params)
