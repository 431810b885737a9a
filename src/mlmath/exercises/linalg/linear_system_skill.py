"""What every skill about a linear system shares: its inputs, its answer format, its examples.

A system comes in as ``matrix`` (one row of coefficients per equation), ``rhs``
(the right-hand sides) and optionally ``variables`` (the unknowns' names,
comma-separated: ``"x, y, z"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from mlmath.answers import AnswerFormat, Kind, show
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.echelon import forward_elimination
from mlmath.engine.linalg.elimination import solution_set, solve_by_elimination
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.system import LinearSystem, default_variables
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.elimination_mistakes import EliminationSlip, eliminate_with_slip
from mlmath.exercises.mistakes import OneSign, Reversed, SignFlipped, Slip
from mlmath.exercises.skill import Examples, Misconception, Params, Skill

SYSTEM_INPUTS = (
    Field("matrix", "matrix", "the coefficients, one row per equation"),
    Field("rhs", "vector", "the right-hand sides, one per equation"),
    Field(
        "variables",
        "string",
        'the names of the unknowns, comma-separated, like "x, y, z" (default x, y, z, w)',
        required=False,
    ),
)

_NAME = re.compile(r"^[a-z]\d?$")


def variable_names(params: Params) -> tuple[str, ...]:
    """The unknowns' names from ``params["variables"]``, or the defaults for the width."""
    raw = params.get("variables")
    n = params["matrix"].shape[1]
    if raw is None:
        return default_variables(n)
    return tuple(name.strip() for name in str(raw).split(","))


def system_of(params: Params) -> LinearSystem:
    return LinearSystem(params["matrix"], params["rhs"], variable_names(params))


def check_system_inputs(params: Params) -> None:
    """One line for a person when ``rhs`` or ``variables`` do not fit ``matrix``."""
    m, n = params["matrix"].shape
    if len(params["rhs"]) != m:
        raise InputError(f"rhs: the matrix has {m} rows, so rhs needs {m} numbers")
    names = variable_names(params)
    if len(names) != n:
        raise InputError(f"variables: the matrix has {n} columns, so name {n} unknowns")
    for name in names:
        if not _NAME.match(name):
            raise InputError(
                f"variables: {name!r} cannot name an unknown; use one small letter, "
                "optionally with a digit (x, y, z or x1, x2, …)"
            )
    if len(set(names)) != n:
        raise InputError("variables: every unknown needs a different name")


def system_params(system: LinearSystem, **extra: Any) -> dict[str, Any]:
    """A variant's params for ``system``, under the input names."""
    return {
        "matrix": system.matrix,
        "rhs": system.rhs,
        "variables": ", ".join(system.variables),
        **extra,
    }


def other_forms(expected: SolutionSet) -> list[str]:
    """Correct answers written the other ways a learner might write them."""
    names = expected.variables
    if expected.particular is None:
        return ["no solution", "There is no solution", "none"]
    values = [number_text(a) for a in expected.particular]
    if expected.kind == "unique":
        return [
            "(" + ", ".join(values) + ")",
            ", ".join(f"{v} = {a}" for v, a in reversed(list(zip(names, values, strict=True)))),
            ";".join(f"{v}={a}" for v, a in zip(names, values, strict=True)),
        ]
    shifted = SolutionSet(
        names,
        expected.particular + expected.directions[0],
        tuple(d.scale(-2) for d in expected.directions),
    )
    return [shifted.text(), _tuple_form(expected)]


def _tuple_form(solutions: SolutionSet) -> str:
    """``(1 - 2t, t)``: the parametric answer written as a point."""
    text = solutions.text()
    parts = [piece.split("=", 1)[1].strip() for piece in text.split(", ")]
    return "(" + ", ".join(parts) + ")"


def nearby_wrong(expected: SolutionSet) -> list[str]:
    """Answers that are plainly wrong for this variant (for the contract suite)."""
    names = expected.variables
    if expected.particular is None:
        return [", ".join(f"{v} = 0" for v in names)]
    moved = expected.particular + Vector.of([1] + [0] * (len(names) - 1))
    wrong = [SolutionSet(names, moved).text(), "no solution"]
    if expected.kind == "unique":
        wrong.append("infinitely many")
    return wrong


class LinearSystemSkill(Skill):
    """Base of the skills whose answer is the solution set of a linear system."""

    inputs = SYSTEM_INPUTS

    def check_inputs(self, params: Params) -> None:
        check_system_inputs(params)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.SOLUTION_SET, variables=variable_names(params))

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Every sign flipped, and the values in the reverse order of the unknowns."""
        return (SignFlipped(), Reversed(", ".join(variable_names(params))), OneSign())

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        expected = self.answer(params)
        assert isinstance(expected, SolutionSet)
        fmt = self.answer_format(params)
        correct = [*base.correct, *other_forms(expected)]
        incorrect = [*base.incorrect]
        for text in nearby_wrong(expected):
            if text not in correct and text not in incorrect:
                incorrect.append(text)
        invalid = [
            f"{fmt.variables[0]} = = 2",
            "(" + ", ".join("1" for _ in fmt.variables),
            "(" + ", ".join("1" for _ in range(len(fmt.variables) + 1)) + ")",
        ]
        return Examples(
            correct=[c for c in dict.fromkeys(correct) if c],
            incorrect=[show(w, fmt) if not isinstance(w, str) else w for w in incorrect],
            invalid=invalid,
        )


def first_operation_hint(system: LinearSystem) -> str | None:
    """The first row operation of the elimination, as a hint."""
    n = system.size[1]
    reduction = forward_elimination(system.augmented(), pivot_limit=n, bar_before=n)
    if not reduction.operations:
        return None
    return f"First step: {reduction.operations[0].describe().lower()}."


def equations_words(count: int) -> str:
    return {2: "two", 3: "three", 4: "four", 5: "five"}.get(count, str(count))


def names_list(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


ELIMINATION_TOPIC = "Solving non-singular systems of linear equations"

FORGOT_RHS = Misconception(
    "forgot_rhs",
    "The right-hand side was not changed",
    "A row operation acts on the whole equation: when you subtract a multiple of one "
    "row from another, do it to the number right of the bar too.",
    "Matrix row-reduction",
)
RHS_SIGN_SLIP = Misconception(
    "rhs_sign_slip",
    "Sign slip when subtracting rows",
    "Subtracting k × row 1 subtracts k × its right-hand side as well, and subtracting a "
    "negative number adds. Redo the subtraction entry by entry, the right-hand side included.",
    ELIMINATION_TOPIC,
)
BACK_SIGN_SLIP = Misconception(
    "back_sign_slip",
    "Sign slip in back substitution",
    "When a known term moves to the other side of the equation its sign changes: "
    "2y + 3z = 7 with z = 1 gives 2y = 7 − 3, not 7 + 3.",
    ELIMINATION_TOPIC,
)
PIVOT_NOT_DIVIDED = Misconception(
    "pivot_not_divided",
    "Forgot to divide by the pivot",
    "After moving the known terms across, the unknown still has its coefficient: "
    "3z = 6 gives z = 2. Divide the whole right-hand side by the pivot.",
    "Solving systems of equations with more variables",
)
NO_SOLUTION_THOUGH_NONSINGULAR = Misconception(
    "no_solution_though_nonsingular",
    "'No solution' was given though det A is not 0",
    "A system with det A ≠ 0 has exactly one solution, whatever the right-hand side: "
    "elimination keeps a pivot in every row, so it never ends in 0 = (non-zero). Keep "
    "eliminating; if the numbers get messy, check the last step.",
    ELIMINATION_TOPIC,
)


class EliminationSkill(LinearSystemSkill):
    """A system with exactly one solution, solved by elimination and back substitution."""

    slips: ClassVar[tuple[EliminationSlip, ...]] = ("forgot_rhs", "back_sign_slip")

    def solve(self, params: Params) -> Solution[SolutionSet]:
        return solve_by_elimination(system_of(params))

    def answer(self, params: Params) -> SolutionSet:
        return solution_set(system_of(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        system = system_of(params)
        first_unknown = system.variables[0]
        hints = [
            f"Which multiple of row 1 must you subtract from each row below it so that "
            f"{first_unknown} disappears from them?"
        ]
        first = first_operation_hint(system)
        if first:
            hints.append(first + " Do it to the whole row, the right-hand side included.")
        hints.append(
            "Once the matrix is in row echelon form, solve the last row first and work upwards."
        )
        return tuple(hints)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        out: dict[str, Any] = {}
        for slip in self.slips:
            wrong = eliminate_with_slip(system, slip)
            if wrong is not None:
                out[slip] = wrong
        return out
