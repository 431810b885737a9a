"""Beginner mistakes of the linear-algebra skills on hand-picked inputs, each diagnosed by
name; and, across generated variants, a named mistake's wrong answer is never a right one."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.fixtures.mistakes import assert_named_or_dropped

from mlmath.exercises.registry import get

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # √(3 − 4 + 12) = √11 for ‖(3, −4, 12)‖ = 13
    ("linalg.vector_norm", {"vector": [3, -4, 12]}, "sqrt(11)", "entries_not_squared"),
    ("linalg.vector_norm", {"vector": [3, -4, 12]}, "13/3", "divided_by_count"),
    ("linalg.vector_norm", {"vector": [2, -1, 2], "norm": "l1"}, "5/3", "divided_by_count"),
    # u − v = (−3, 4): the largest gap 4 for the distance 5 (L2) or 7 (L1)
    ("linalg.vector_distance", {"u": [1, 5], "v": [4, 1]}, "4", "largest_difference"),
    (
        "linalg.vector_distance",
        {"u": [1, 5], "v": [4, 1], "norm": "l1"},
        "4",
        "largest_difference",
    ),
    # u − v = (3, −2); matching entries multiplied: (4, 3)
    (
        "linalg.vector_arithmetic",
        {"u": [4, 1], "v": [1, 3], "b": -1},
        "(4, 3)",
        "multiplied_entries",
    ),
    # 2u + v = (9, 5); (2u) * v = (8, 6)
    (
        "linalg.vector_arithmetic",
        {"u": [4, 1], "v": [1, 3], "a": 2},
        "(8, 6)",
        "multiplied_entries",
    ),
    # det = −2, area 3: the image has area 6
    (
        "linalg.determinant_area",
        {"matrix": [[1, 2], [3, 4]], "area": 3},
        "-2",
        "determinant_itself",
    ),
    # a 0 in the first pivot position; one swap gives det = −4
    (
        "linalg.determinant_by_elimination",
        {"matrix": [[0, 2, 1], [1, 1, 1], [2, 0, 3]]},
        "0",
        "zero_pivot_as_zero",
    ),
    # a + c = 31 tickets, 14a + 13c = 425 dollars
    (
        "linalg.word_problem_system",
        {"context": "cinema", "matrix": [[1, 1], [14, 13]], "rhs": [31, 425]},
        "[[1, 1, 425], [14, 13, 31]]",
        "rhs_swapped",
    ),
    # already a staircase; pivots scaled to 1 but nothing cleared above them
    (
        "linalg.rref",
        {"matrix": [[1, 1, 1, 6], [0, 1, -1, -1], [0, 0, -1, -3]]},
        "[[1, 1, 1, 6], [0, 1, -1, -1], [0, 0, 1, 3]]",
        "above_not_cleared",
    ),
    # R3 → R3 − 2R1 gives (0, 5, −2); once: (1, 3, 1); the first entry alone: (0, 1, 4)
    (
        "linalg.row_operation",
        {"matrix": [[1, -2, 3], [0, 1, 1], [2, 1, 4]], "operation": "R3 -> R3 - 2R1"},
        "[[1, -2, 3], [0, 1, 1], [1, 3, 1]]",
        "factor_left_out",
    ),
    (
        "linalg.row_operation",
        {"matrix": [[1, -2, 3], [0, 1, 1], [2, 1, 4]], "operation": "R3 -> R3 - 2R1"},
        "[[1, -2, 3], [0, 1, 1], [0, 1, 4]]",
        "one_entry_changed",
    ),
    ("linalg.row_echelon_form", {"matrix": [[2, 4], [1, 3]]}, "[[2, 4], [1, 3]]", "left_unchanged"),
]


@pytest.mark.parametrize(
    ("skill_id", "raw", "response", "misconception"),
    CASES,
    ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)],
)
def test_a_beginner_mistake_is_named(
    skill_id: str, raw: dict[str, Any], response: str, misconception: str
) -> None:
    skill = get(skill_id)
    feedback = skill.grade(skill.read_inputs(raw), response)
    assert feedback.verdict == "incorrect", feedback
    assert feedback.misconception is not None, feedback
    assert feedback.misconception.id == misconception
    assert feedback.misconception.next_hint() == feedback.misconception.hint


def test_a_mistake_is_returned_only_where_it_applies() -> None:
    area = get("linalg.determinant_area")
    positive = area.read_inputs({"matrix": [[3, 1], [1, 2]], "area": 2})
    assert "determinant_itself" not in area.buggy_answers(positive)  # = forgetting the area
    elimination = get("linalg.determinant_by_elimination")
    no_swap = elimination.read_inputs({"matrix": [[1, 2, 0], [3, 4, 1], [0, 1, 5]]})
    assert "zero_pivot_as_zero" not in elimination.buggy_answers(no_swap)
    operation = get("linalg.row_operation")
    once = operation.read_inputs({"matrix": [[1, 2], [3, 4]], "operation": "R2 -> R2 - R1"})
    assert "factor_left_out" not in operation.buggy_answers(once)
    words = get("linalg.word_problem_system")
    coefficients = words.read_inputs(
        {"context": "cinema", "matrix": [[1, 1], [14, 13]], "rhs": [31, 425], "ask": "coefficients"}
    )
    assert "rhs_swapped" not in words.buggy_answers(coefficients)


NEW_MISTAKES = {
    "linalg.vector_norm": ("entries_not_squared", "divided_by_count"),
    "linalg.vector_distance": ("largest_difference",),
    "linalg.vector_arithmetic": ("multiplied_entries",),
    "linalg.determinant_area": ("determinant_itself",),
    "linalg.determinant_by_elimination": ("zero_pivot_as_zero",),
    "linalg.word_problem_system": ("rhs_swapped",),
    "linalg.rref": ("above_not_cleared",),
    "linalg.row_operation": ("factor_left_out", "one_entry_changed"),
    "linalg.row_echelon_form": ("left_unchanged",),
}


@settings(max_examples=60, deadline=None)
@given(
    skill_id=st.sampled_from(sorted(NEW_MISTAKES)),
    seed=st.integers(0, 10**6),
    level=st.integers(1, 3),
)
def test_a_named_wrong_answer_is_never_a_right_one(skill_id: str, seed: int, level: int) -> None:
    """Where a variant's mistake gives the right answer it is dropped, never named; where it
    gives a wrong one, typing it is rejected with a name."""
    skill = get(skill_id)
    params = skill.variant(seed, level).params
    buggy = skill.buggy_answers(params)
    assert_named_or_dropped(skill, params, (buggy[m] for m in NEW_MISTAKES[skill_id] if m in buggy))
