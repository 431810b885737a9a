"""Solve a system by substitution: isolate one unknown and put it into the other equations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from mlmath.engine.exact import Vector
from mlmath.engine.linalg.elimination import solution_set, solve_by_elimination
from mlmath.engine.linalg.linear_expression import LinearEquation, LinearExpression
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.substitution import choose_isolation, equations_of, solve_by_substitution
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.solution import Solution
from mlmath.exercises.linalg.elimination_mistakes import substitute_with_slip
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = "Systems of equations"

ISOLATION_SIGN_SLIP = Misconception(
    "isolation_sign_slip",
    "Sign slip when isolating the unknown",
    "Moving a term to the other side of the equals sign changes its sign: "
    "x + 2y = 5 gives x = 5 − 2y, not x = 5 + 2y.",
    TOPIC,
)
DISTRIBUTED_TO_FIRST_TERM_ONLY = Misconception(
    "distributed_to_first_term_only",
    "Only the first term was multiplied",
    "When x = 5 − 2y goes into 3x, all of 5 − 2y is multiplied by 3: "
    "3(5 − 2y) = 15 − 6y. Keep the brackets until you multiply out every term.",
    TOPIC,
)
CONSTANT_KEPT_ITS_SIGN = Misconception(
    "constant_kept_its_sign",
    "The number kept its sign when it moved across the equals sign",
    "After substituting, the number from the brackets moves to the right-hand side, and "
    "moving changes its sign: 15 − 7y = 1 gives −7y = 1 − 15, not −7y = 1 + 15.",
    TOPIC,
)
CONSTANT_NOT_MULTIPLIED = Misconception(
    "constant_not_multiplied",
    "Only the unknown's term was multiplied",
    "When x = 5 − 2y goes into 3x, the number 5 is multiplied by 3 as well: "
    "3(5 − 2y) = 15 − 6y, not 5 − 6y. Multiply every term inside the brackets.",
    TOPIC,
)

Substituted = Callable[[LinearEquation, str, LinearExpression], LinearEquation]
"""How one equation comes out when ``name = expression`` is put into it."""


def _moved_keeping_sign(
    other: LinearEquation, name: str, expression: LinearExpression
) -> LinearEquation:
    """The bracket's number moved to the right-hand side with its sign kept."""
    right = other.substitute(name, expression)
    return right.with_right_added(2 * other.left.coefficient(name) * expression.constant)


def _constant_left_alone(
    other: LinearEquation, name: str, expression: LinearExpression
) -> LinearEquation:
    """Only the unknowns' terms of the bracket multiplied by the coefficient of ``name``."""
    c = other.left.coefficient(name)
    if c == 0:
        return other  # nothing to put the expression into
    spread = LinearExpression(
        expression.names, tuple(c * a for a in expression.coefficients), expression.constant
    )
    return LinearEquation.from_sides(
        other.left.without(name) + spread, LinearExpression.number(other.left.names, other.right)
    )


def substitute_wrongly(system: LinearSystem, substituted: Substituted) -> SolutionSet | None:
    """The "solution" a learner finds when the first substitution goes wrong as
    ``substituted`` says, and every later step is right; ``None`` if it finds none."""
    equations = equations_of(system)
    labelled = list(enumerate(equations, start=1))
    choice = choose_isolation(labelled, system.variables)
    if choice is None:
        return None
    label, name = choice
    expression = equations[label - 1].solve_for(name)
    if expression.constant == 0 or len(labelled) < 2:
        return None  # no number in the brackets to slip on, or nothing to put it into
    reduced = [substituted(e, name, expression) for k, e in labelled if k != label]
    rest_names = [v for v in system.variables if v != name]
    if not rest_names:
        return None
    rest = solve_by_elimination(
        LinearSystem.of(
            [[e.left.coefficient(v) for v in rest_names] for e in reduced],
            [e.right for e in reduced],
            rest_names,
        )
    ).answer
    if rest.kind != "unique" or rest.particular is None:
        return None
    values = dict(zip(rest_names, rest.particular, strict=True))
    values[name] = expression.evaluate(values)
    return SolutionSet(system.variables, Vector(tuple(values[v] for v in system.variables)))


@register
class SolveBySubstitution(LinearSystemSkill):
    id = "linalg.solve_by_substitution"
    title = "Solve by substitution"
    summary = "Isolate one unknown, substitute it into the other equations, repeat."
    misconceptions = (
        ISOLATION_SIGN_SLIP,
        DISTRIBUTED_TO_FIRST_TERM_ONLY,
        CONSTANT_KEPT_ITS_SIGN,
        CONSTANT_NOT_MULTIPLIED,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            system = regular_system(
                rng,
                2,
                bound=6,
                solution_range=(-5, 6),
                clean_steps=True,
                want_unit_coefficient=True,
            )
        elif level == 2:
            system = regular_system(
                rng,
                3,
                bound=6,
                solution_range=(-5, 6),
                clean_steps=True,
                want_unit_coefficient=True,
            )
        else:
            system = regular_system(
                rng,
                3,
                bound=9,
                solution_range=(-9, 9),
                denominators=(1, 2, 3),
                want_unit_coefficient=True,
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        return ("Solve by substitution:", system_of(params))

    def solve(self, params: Params) -> Solution[SolutionSet]:
        return solve_by_substitution(system_of(params))

    def answer(self, params: Params) -> SolutionSet:
        """A unique solution is the same by any method; otherwise the parametric form
        is the one substitution reads off, so it is worked out in full."""
        fast = solution_set(system_of(params))
        return fast if fast.kind == "unique" else self.solve(params).answer

    def hints(self, params: Params) -> tuple[str, ...]:
        system = system_of(params)
        hints = [
            "Which equation has an unknown with coefficient 1 or −1? Isolating it avoids fractions."
        ]
        choice = choose_isolation(list(enumerate(equations_of(system), start=1)), system.variables)
        if choice is not None:
            label, name = choice
            expression = equations_of(system)[label - 1].solve_for(name)
            hints.append(
                f"First step: from equation {label}, {name} = {expression.text()}. "
                "Put that, in brackets, wherever the other equations have "
                f"{name}."
            )
        hints.append("Repeat with one fewer unknown, then work back up to the first one.")
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        out: dict[str, Any] = {}
        for slip in ("isolation_sign_slip", "distributed_to_first_term_only"):
            wrong = substitute_with_slip(system, slip)
            if wrong is not None:
                out[slip] = wrong
        for misconception, substituted in (
            (CONSTANT_KEPT_ITS_SIGN, _moved_keeping_sign),
            (CONSTANT_NOT_MULTIPLIED, _constant_left_alone),
        ):
            found = substitute_wrongly(system, substituted)
            if found is not None:
                out[misconception.id] = found
        return out
