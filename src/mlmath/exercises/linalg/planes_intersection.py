"""How three planes in space meet: in a point, a line, a whole plane, or nowhere."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.linalg.geometry import Intersection, planes_intersection, planes_meet
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.solution import Solution, Step
from mlmath.exercises.linalg.linear_system_skill import (
    LinearSystemSkill,
    system_of,
    system_params,
)
from mlmath.exercises.linalg.random_systems import regular_system, singular_system
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt

TOPIC = "Systems of equations as planes (3×3)"

OPTIONS = (
    Choice("point", "They meet in exactly one point"),
    Choice("line", "They meet along a line"),
    Choice("plane", "They are all the same plane"),
    Choice("none", "They have no point in common"),
)

ZERO_ROW_MEANS_NONE = Misconception(
    "zero_row_means_none",
    "Read 0 = 0 as 'no common point'",
    "A row 0 = 0 says one plane adds nothing new (it contains the others' common line); "
    "only a row 0 = (non-zero) means there is no common point.",
    "Solving singular systems of linear equations",
)
THREE_PLANES_ONE_POINT = Misconception(
    "three_equations_one_point",
    "Three equations were taken to mean one point",
    "Three planes meet in a single point only when none of them depends on the others "
    "(the determinant is non-zero, rank 3). Count pivots, not equations.",
    TOPIC,
)
IGNORED_CONTRADICTION = Misconception(
    "ignored_contradiction",
    "Skipped a row that reads 0 = (non-zero)",
    "A row like 0 = 4 can never hold: the planes have no point in common, even though "
    "pairs of them may meet.",
    TOPIC,
)


@register
class PlanesIntersection(LinearSystemSkill):
    id = "linalg.planes_intersection"
    title = "How do three planes meet?"
    summary = "Read the picture off the elimination: a point, a line, a plane or nothing."
    misconceptions = (ZERO_ROW_MEANS_NONE, THREE_PLANES_ONE_POINT, IGNORED_CONTRADICTION)

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        kind = ["point", "line", "line", "plane", "none", "none"][int(rng.integers(6))]
        if level == 1:
            kind = ["point", "line"][int(rng.integers(2))]
        bound = 5 if level == 1 else 9
        denominators = (1, 2, 3) if level == 3 else (1,)
        if kind == "point":
            system = regular_system(
                rng,
                3,
                bound=bound,
                solution_range=(-5, 5),
                denominators=denominators,
                clean_steps=level == 1,
            )
        elif kind == "none":
            rank = 2 if level == 2 or rng.integers(3) else 1
            system = singular_system(
                rng, (3, 3), rank, consistent=False, bound=bound, denominators=denominators
            )
        else:
            rank = 2 if kind == "line" else 1
            system = singular_system(
                rng, (3, 3), rank, consistent=True, bound=bound, denominators=denominators
            )
        return system_params(system)

    def prompt(self, params: Params) -> Prompt:
        return (
            "Each equation is a plane in space. How do the three planes meet?",
            system_of(params),
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def solve(self, params: Params) -> Solution[Intersection]:
        solved = planes_intersection(system_of(params))
        reading = solved.answer
        label = next(c.label for c in OPTIONS if c.id == reading.intersection)
        return Solution(reading.intersection, (*solved.steps, Step(f"Answer: {label}")))

    def answer(self, params: Params) -> Intersection:
        return planes_meet(system_of(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "After elimination, how many pivots are there, and does any row read 0 = (non-zero)?",
            "Reduce [A | b] to row echelon form: 3 pivots → a point; a 0 = c row → nowhere.",
            "With no contradiction: 2 pivots leave one free variable (a line), "
            "1 pivot leaves two (a plane).",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        expected = self.answer(params)
        out: dict[str, Any] = {}
        if expected in ("line", "plane"):
            out["zero_row_means_none"] = "none"
            out["three_equations_one_point"] = "point"
        if expected == "none":
            rank = rank_of(system.matrix)
            out["ignored_contradiction"] = {2: "line", 1: "plane"}.get(rank, "point")
        return out

    def examples(self, params: Params) -> Examples:
        expected = self.answer(params)
        label = str(next(c.label for c in OPTIONS if c.id == expected))
        wrong = [c.id for c in OPTIONS if c.id != expected]
        return Examples(correct=[expected, label], incorrect=wrong, invalid=["a circle", "7"])
