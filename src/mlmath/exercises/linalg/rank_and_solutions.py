"""From the ranks (or the echelon form): how many solutions, how many free variables."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.linalg.echelon import forward_elimination, is_row_echelon_form
from mlmath.engine.linalg.rank import RankReading, rank_and_solutions
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.linear_system_skill import (
    SYSTEM_INPUTS,
    check_system_inputs,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import pick, regular_system, singular_system
from mlmath.exercises.linalg.zero_rows import elimination_text
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "The rank of a matrix in general"

OPTIONS = (
    Choice("unique", "Exactly one solution"),
    Choice("none", "No solution"),
    Choice("infinite", "Infinitely many solutions"),
)
QUESTIONS = ("solutions", "free_variables")

ZERO_ROW_MEANS_NONE = Misconception(
    "zero_row_means_none",
    "Read 0 = 0 as 'no solution'",
    "A zero row with 0 on the right says 0 = 0: always true. Only 0 = (non-zero), where "
    "rank [A | b] > rank A, means there is no solution.",
    "Solving singular systems of linear equations",
)
IGNORED_CONTRADICTION = Misconception(
    "ignored_contradiction",
    "Compared only rank A with the number of unknowns",
    "First compare rank A with rank [A | b]: if the augmented matrix has one more pivot "
    "(a row 0 = c with c ≠ 0), there is no solution at all.",
    TOPIC,
)
UNIQUE_WITHOUT_EVERY_PIVOT = Misconception(
    "unique_without_every_pivot",
    "Exactly one solution was read off too few pivots",
    "Exactly one solution needs a pivot in every column of A (rank A = the number of "
    "unknowns) and no row 0 = (non-zero). A column without a pivot is a free unknown: "
    "infinitely many solutions, if there are any.",
    TOPIC,
)
NONE_WITHOUT_CONTRADICTION = Misconception(
    "none_without_contradiction",
    "'No solution' was chosen without a row 0 = (non-zero)",
    "Only a contradiction, a row with zeros left of the bar and a non-zero number right "
    "of it (rank [A | b] > rank A), means no solution; without one the equations all hold "
    "together.",
    TOPIC,
)
INFINITE_WITHOUT_FREE_UNKNOWN = Misconception(
    "infinite_without_free_unknown",
    "'Infinitely many' was chosen with no free unknown",
    "Infinitely many solutions need a free unknown, a column of A without a pivot. When "
    "every column has one (rank A = the number of unknowns), back substitution fixes "
    "every unknown: exactly one solution.",
    TOPIC,
)
UNKNOWNS_MINUS_EQUATIONS = Misconception(
    "unknowns_minus_equations",
    "Subtracted the number of equations, not the rank",
    "Free variables = unknowns − rank. Equations that depend on the others (rows that "
    "became 0 = 0) do not fix any unknown.",
    TOPIC,
)
COUNTED_PIVOTS = Misconception(
    "counted_pivots",
    "Counted the pivot variables instead of the free ones",
    "Pivot columns give the variables you solve for; the free variables are the columns "
    "without a pivot: unknowns − rank.",
    "Row echelon form in general",
)


@register
class RankAndSolutions(Skill):
    id = "linalg.rank_and_solutions"
    title = "What the rank says about the solutions"
    summary = "Compare rank A, rank [A | b] and the number of unknowns."
    inputs = (
        *SYSTEM_INPUTS,
        Field(
            "question",
            "choice",
            "what to find: the number of solutions, or of free variables",
            required=False,
            default="solutions",
            choices=QUESTIONS,
        ),
    )
    misconceptions = (
        ZERO_ROW_MEANS_NONE,
        IGNORED_CONTRADICTION,
        UNIQUE_WITHOUT_EVERY_PIVOT,
        NONE_WITHOUT_CONTRADICTION,
        INFINITE_WITHOUT_FREE_UNKNOWN,
        UNKNOWNS_MINUS_EQUATIONS,
        COUNTED_PIVOTS,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        kind = ["unique", "none", "infinite", "infinite"][int(rng.integers(4))]
        question = "solutions" if level == 1 else QUESTIONS[int(rng.integers(2))]
        if question == "free_variables" and kind == "none":
            kind = "infinite"
        if level < 3:
            m, n = (3, 3) if level == 1 or rng.integers(2) else (3, 4)
        else:
            m, n = (pick(rng, [3, 4]), pick(rng, [4, 5]))
        if kind == "unique":
            n = m
            system = regular_system(rng, m, bound=9, solution_range=(-5, 5))
        else:
            rank = (
                int(rng.integers(1, m)) if kind == "none" or m >= n else int(rng.integers(1, m + 1))
            )
            system = singular_system(rng, (m, n), rank, consistent=kind == "infinite", bound=9)
        if level < 3:
            system = _echelon_system(system)
        return system_params(system, question=question)

    def check_inputs(self, params: Params) -> None:
        check_system_inputs(params)

    def _question(self, params: Params) -> str:
        return str(params.get("question") or "solutions")

    def prompt(self, params: Params) -> Prompt:
        system = system_of(params)
        reduced = is_row_echelon_form(system.matrix) and is_row_echelon_form(system.augmented())
        lead = (
            "A system's augmented matrix [A | b] has been reduced to row echelon form:"
            if reduced
            else "Here is the augmented matrix [A | b] of a system:"
        )
        n = system.size[1]
        question = (
            "How many solutions does the system have?"
            if self._question(params) == "solutions"
            else f"The system has {n} unknowns. How many free variables does it have "
            "(the dimension of its solution set)?"
        )
        return (lead, system.augmented_display(), question)

    def answer_format(self, params: Params) -> AnswerFormat:
        if self._question(params) == "solutions":
            return AnswerFormat(Kind.CHOICE, options=OPTIONS)
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Any]:
        worked = rank_and_solutions(system_of(params))
        reading = worked.answer
        if self._question(params) == "solutions":
            return Solution(reading.kind, worked.steps)
        free = reading.free_variables
        if free is None:
            raise NotSolvable("this system has no solution, so it has no free variables to count")
        return Solution(
            Fraction(free),
            (
                *worked.steps,
                Step(
                    f"Free variables = unknowns − rank = {reading.unknowns} − "
                    f"{reading.coefficient_rank} = {free}",
                    free,
                ),
            ),
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many pivots are left of the bar, and is there a row 0 = (non-zero)?",
            "rank A = pivots left of the bar; rank [A | b] counts a 0 = c row as one more.",
            "If the ranks agree, free variables = unknowns − rank.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        reading: RankReading = rank_and_solutions(system).answer
        m, n = system.size
        if self._question(params) == "solutions":
            return _wrong_options(reading)
        out: dict[str, Any] = {"counted_pivots": Fraction(reading.coefficient_rank)}
        if n >= m:
            out["unknowns_minus_equations"] = Fraction(n - m)
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        if self._question(params) != "solutions":
            return {}
        system = system_of(params)
        here = f"Here {elimination_text(system)}, with {system.size[1]} unknowns."
        return dict.fromkeys(self.buggy_answers(params), here)

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        expected = self.solve(params).answer
        if self._question(params) == "solutions":
            wrong = [c.id for c in OPTIONS if c.id != expected]
            return Examples(correct=base.correct, incorrect=wrong, invalid=["lots", "3 + "])
        return Examples(
            correct=[*base.correct, f"{expected}.0"],
            incorrect=list(dict.fromkeys([*base.incorrect, str(expected + 1)])),
            invalid=["free", "(1"],
        )


def _wrong_options(reading: RankReading) -> dict[str, str]:
    """Every wrong option of the solutions question, by the belief that picks it."""
    if reading.kind == "unique":
        return {"none_without_contradiction": "none", "infinite_without_free_unknown": "infinite"}
    if reading.kind == "infinite":
        return {"zero_row_means_none": "none", "unique_without_every_pivot": "unique"}
    if reading.coefficient_rank == reading.unknowns:
        return {"ignored_contradiction": "unique"}
    return {"ignored_contradiction": "infinite", "unique_without_every_pivot": "unique"}


def _echelon_system(system: LinearSystem) -> LinearSystem:
    """The system whose augmented matrix is the row echelon form of ``system``'s."""
    n = system.size[1]
    result = forward_elimination(system.augmented(), pivot_limit=n).result
    scaled = []
    for row in result.rows:
        lcm = 1
        for a in row:
            lcm = lcm * a.denominator // _gcd(lcm, a.denominator)
        scaled.append([a * lcm for a in row])
    return LinearSystem.of([r[:n] for r in scaled], [r[n] for r in scaled], system.variables)


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a
