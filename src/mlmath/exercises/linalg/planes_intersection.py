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
from mlmath.exercises.linalg.zero_rows import elimination_text
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

LINE_NEEDS_TWO_PIVOTS = Misconception(
    "line_needs_two_pivots",
    "Meeting along a line needs exactly two pivots",
    "Three planes share a line when elimination leaves two pivots and a row 0 = 0: one "
    "unknown stays free and runs along the line. Three pivots fix a single point; one "
    "pivot leaves a whole plane; a row 0 = (non-zero) leaves nothing in common.",
    TOPIC,
)
PLANE_NEEDS_ONE_PIVOT = Misconception(
    "plane_needs_one_pivot",
    "All three are the same plane only with a single pivot",
    "The three equations describe one plane only when each is a multiple of the first, "
    "right-hand side included: elimination leaves one pivot and two rows 0 = 0. Two equal "
    "planes are not enough; the third must be the same one too.",
    TOPIC,
)
NONE_NEEDS_CONTRADICTION = Misconception(
    "none_needs_contradiction",
    "No common point needs a row 0 = (non-zero)",
    "Planes have no point in common only when elimination ends in a contradiction, a row "
    "with zeros on the left and a non-zero number on the right; without one, the "
    "equations hold together somewhere.",
    TOPIC,
)


@register
class PlanesIntersection(LinearSystemSkill):
    id = "linalg.planes_intersection"
    title = "How do three planes meet?"
    summary = "Read the picture off the elimination: a point, a line, a plane or nothing."
    misconceptions = (
        ZERO_ROW_MEANS_NONE,
        THREE_PLANES_ONE_POINT,
        IGNORED_CONTRADICTION,
        LINE_NEEDS_TWO_PIVOTS,
        PLANE_NEEDS_ONE_PIVOT,
        NONE_NEEDS_CONTRADICTION,
    )

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
        """Every wrong option, by the belief that picks it: a contradiction missed picks the
        picture the pivots alone would give, a count of equations the point."""
        expected = self.answer(params)
        picked: dict[str, str] = {}
        if expected == "none":
            rank = rank_of(system_of(params).matrix)
            picked[{2: "line", 1: "plane"}.get(rank, "point")] = "ignored_contradiction"
        else:
            picked["none"] = (
                "none_needs_contradiction" if expected == "point" else ("zero_row_means_none")
            )
        picked.setdefault("point", "three_equations_one_point")
        picked.setdefault("line", "line_needs_two_pivots")
        picked.setdefault("plane", "plane_needs_one_pivot")
        return {m: option for option, m in picked.items() if option != expected}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        here = f"Here {elimination_text(system_of(params))}."
        return dict.fromkeys(self.buggy_answers(params), here)

    def examples(self, params: Params) -> Examples:
        expected = self.answer(params)
        label = str(next(c.label for c in OPTIONS if c.id == expected))
        wrong = [c.id for c in OPTIONS if c.id != expected]
        return Examples(correct=[expected, label], incorrect=wrong, invalid=["a circle", "7"])
