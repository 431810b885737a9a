"""Every wrong option of a choice question is a named mistake, told why it is wrong here.

A skill's buggy answers name the belief behind a wrong option; :meth:`Skill.why_wrong`
adds what in the variant rules that option out ("Here det A = 0 …"), and the feedback
says both. Hand-picked inputs (the beginners' answers of the evaluation set among them)
check the words; generated variants check that no wrong option goes unnamed.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.answers import Kind
from mlmath.exercises.misconception import Misconception
from mlmath.exercises.registry import all_skills, get

SKILLS = all_skills()


def _choice_skills() -> list[str]:
    """The skills that ask a choice question at some level (seen in a few variants)."""
    found = []
    for skill_id, skill in sorted(SKILLS.items()):
        for level in range(1, skill.levels + 1):
            kinds = {
                skill.answer_format(skill.variant(seed, level).params).kind for seed in range(8)
            }
            if Kind.CHOICE in kinds:
                found.append(skill_id)
                break
    return found


CHOICE_SKILLS = _choice_skills()

CASES: list[tuple[str, dict[str, Any], str, str, str]] = [
    # skill, input, the wrong option chosen, the misconception it shows, words of the reason
    (
        "linalg.classify_system",
        {"matrix": [[1, 2, 3], [2, 4, 6], [1, 0, 1]], "rhs": [1, 2, 3]},
        "unique",
        "square_means_unique",
        "Here det A = 0",
    ),
    (
        "linalg.classify_system",
        {"matrix": [[1, 2, 3], [2, 4, 6], [1, 0, 1]], "rhs": [1, 2, 3]},
        "none",
        "singular_means_none",
        "Here elimination leaves the row 0 = 0",
    ),
    (
        "linalg.classify_system",
        {"matrix": [[1, 1], [1, -1]], "rhs": [4, 2]},
        "infinite",
        "nonsingular_means_infinite",
        "Here det A = -2, not 0.",
    ),
    (
        "linalg.classify_system",
        {"matrix": [[1, 1, 1], [2, 2, 2]], "rhs": [1, 5]},
        "infinite",
        "more_unknowns_means_infinite",
        "Here elimination leaves the row 0 = 3",
    ),
    (
        "linalg.rank_and_solutions",
        {
            "matrix": [[1, 3, 3, 2], [0, 0, 0, 0], [0, 0, 0, 0]],
            "rhs": [-2, 2, -5],
            "question": "solutions",
        },
        "unique",
        "unique_without_every_pivot",
        "1 pivot left of the bar and the rows 0 = 2 and 0 = -5, with 4 unknowns",
    ),
    (
        "linalg.rank_and_solutions",
        {"matrix": [[1, 2], [0, 1]], "rhs": [3, 1], "question": "solutions"},
        "none",
        "none_without_contradiction",
        "2 pivots left of the bar and no zero row",
    ),
    (
        "linalg.planes_intersection",
        {"matrix": [[-2, 2, 4], [3, -3, -6], [-3, 2, 6]], "rhs": [4, -6, 4]},
        "plane",
        "plane_needs_one_pivot",
        "Here elimination leaves 2 pivots left of the bar and the row 0 = 0.",
    ),
    (
        "linalg.planes_intersection",
        {"matrix": [[1, 1, 1], [1, -1, 0], [0, 0, 1]], "rhs": [3, 0, 1]},
        "none",
        "none_needs_contradiction",
        "3 pivots left of the bar and no zero row",
    ),
    (
        "linalg.sentence_systems",
        {
            "sentences": "The atlas is on the same shelf as the novel. "
            "The novel is on the second shelf.",
            "subjects": "novel, atlas",
        },
        "contradictory",
        "contradictory_needs_clash",
        "nothing clashes",
    ),
    (
        "linalg.sentence_systems",
        {"sentences": "The dog is black.", "subjects": "dog, cat"},
        "complete",
        "complete_needs_everything_fixed",
        "is never fixed",
    ),
    (
        "linalg.row_ops_preserve_singularity",
        {
            "matrix": [[-2, -4, 0], [0, 6, 1], [3, 5, -3]],
            "operation": "R1 <-> R2",
            "question": "determinant",
        },
        "0",
        "singularity_flips",
        "multiplies det A = 34 by -1, not by 0",
    ),
    (
        "linalg.solve_3x3",
        {"matrix": [[-9, -7, 4], [-5, 5, 4], [8, 1, -6]], "rhs": [36, -28, 6]},
        "no solution",
        "no_solution_though_nonsingular",
        "Here det A = 112, not 0.",
    ),
    (
        "linalg.lines_intersection",
        {"matrix": [[6, 14], [-5, -6]], "rhs": [-25, 18]},
        "no solution",
        "crossing_as_parallel",
        "Here the slopes are -3/7 and -5/6",
    ),
    (
        "linalg.inverse_exists",
        {"matrix": [[1, 2], [3, 7]]},
        "no",
        "nonzero_determinant_means_inverse",
        "Here det A = 1, not 0.",
    ),
    (
        "linalg.is_basis",
        {"vectors": [[1, 0, 0], [0, 1, 0]]},
        "yes",
        "too_few_vectors",
        "Here there are 2 vectors in R3.",
    ),
    (
        "linalg.eigenbasis",
        {"matrix": [[0, 1], [0, 0]]},
        "yes",
        "too_few_eigenvectors",
        "has only 1 independent eigenvector",
    ),
    (
        "linalg.row_dependence",
        {"matrix": [[1, 2], [3, 1]], "question": "decide"},
        "dependent",
        "independent_called_dependent",
        "a pivot in each of the 2 rows",
    ),
    (
        "linalg.span_membership",
        {"vectors": [[1, 2, 0], [0, 1, 1]], "target": [2, 4, 0]},
        "no",
        "multiple_is_in_span",
        "Here w = 2·(1, 2, 0) + 0·(0, 1, 1).",
    ),
    (
        "calculus.optimise_two_variables",
        {"function": "-3x^2 - 5xy - 3y^2 - 11x - 11y + 8", "asked": "type"},
        "saddle point",
        "saddle_needs_negative_determinant",
        "det H = (-6)·(-6) − (-5)² = 11, above 0",
    ),
    (
        "calculus.optimise_two_variables",
        {"function": "x^2 + 4xy + y^2", "asked": "type"},
        "minimum",
        "negative_determinant_minimum",
        "= -12, below 0",
    ),
    (
        "calculus.derivative_exists",
        {"function": "abs(x + 2)/(x + 2) - 1", "point": -2},
        "exists",
        "break_has_no_derivative",
        "f(-2) is undefined",
    ),
    (
        "calculus.derivative_exists",
        {"function": "abs(x)", "point": 0},
        "vertical",
        "vertical_needs_unbounded_slope",
        "left ≈ -1, right ≈ 1",
    ),
    (
        "calculus.critical_points",
        {"function": "(1/15)x^3 - (3/5)x^2 + x + 9", "find": "maximum"},
        "3",
        "second_derivative_zero",
        "Here T″(x) = 0 at x = 3, but there T′(3) = -4/5, not 0",
    ),
    (
        "statistics.type_errors",
        {"asked": "p_value", "p": 0.028},
        "prob_h1",
        "one_minus_p_as_h1",
        "1 − p = 0.972",
    ),
    (
        "statistics.type_errors",
        {"asked": "classify", "h0_true": "yes", "rejected": "yes"},
        "correct",
        "error_called_correct",
        "Here H0 is true and it was rejected.",
    ),
    (
        "statistics.critical_value",
        {"asked": "decision", "alpha": 0.05, "alternative": "two-sided", "statistic": 2.3},
        "do not reject",
        "decision_against_region",
        "|2.3| = 2.3 ≥ 1.96",
    ),
    (
        "probability.independence_from_table",
        {"table": [[0.1, 0.3, 0.1], [0.1, 0.1, 0.3]], "x_values": [0, 1], "y_values": [0, 1, 2]},
        "yes",
        "one_cell_checked",
        "Here P(X = 0, Y = 1) = 0.3, but P(X = 0)·P(Y = 1) =",
    ),
]


@pytest.mark.parametrize(
    ("skill_id", "raw", "response", "misconception_id", "reason"),
    CASES,
    ids=[f"{case[0]}-{case[3]}" for case in CASES],
)
def test_a_wrong_option_is_named_with_what_rules_it_out_here(
    skill_id: str, raw: dict[str, Any], response: str, misconception_id: str, reason: str
) -> None:
    skill = get(skill_id)
    feedback = skill.grade(skill.read_inputs(raw), response)
    assert feedback.verdict == "incorrect"
    assert feedback.misconception is not None, feedback.message
    assert feedback.misconception.id == misconception_id
    general = skill.misconception(misconception_id)
    assert feedback.misconception.name == general.name
    assert feedback.message.startswith(f"{general.name}. {general.explanation} Here")
    assert reason in feedback.message


def test_a_reason_is_said_after_the_explanation_and_keeps_the_name() -> None:
    m = Misconception("m", "A name", "The general rule.", "A topic", "A hint?")
    seen = m.seen_in("Here det A = 0.")
    assert (seen.id, seen.name, seen.topic, seen.hint) == ("m", "A name", "A topic", "A hint?")
    assert seen.explanation == "The general rule. Here det A = 0."


@pytest.mark.parametrize("skill_id", CHOICE_SKILLS)
@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6), pick=st.integers(0, 2))
def test_every_wrong_option_is_a_named_mistake_with_a_reason(
    skill_id: str, seed: int, pick: int
) -> None:
    skill = SKILLS[skill_id]
    level = 1 + pick % skill.levels
    params = skill.variant(seed, level).params
    fmt = skill.answer_format(params)
    if fmt.kind is not Kind.CHOICE:
        return  # this variant asks for a number
    expected = skill.answer(params)
    for option in fmt.options or ():
        if option.id == expected:
            continue
        feedback = skill.grade(params, option.id)
        assert feedback.verdict == "incorrect"
        assert feedback.misconception is not None, (seed, level, option.id)
        general = skill.misconception(feedback.misconception.id)
        assert feedback.misconception.explanation.startswith(general.explanation)
        assert feedback.misconception.explanation != general.explanation, (
            f"no reason from the variant for {option.id!r} ({feedback.misconception.id})"
        )


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), level=st.integers(2, 3))
def test_where_the_second_derivative_is_zero_is_never_the_turning_point(
    seed: int, level: int
) -> None:
    skill = get("calculus.critical_points")
    params = skill.variant(seed, level).params
    wrong = skill.buggy_answers(params)["second_derivative_zero"]
    assert wrong != skill.answer(params)
    assert skill.grade(params, str(wrong)).misconception is not None


@pytest.mark.parametrize("skill_id", sorted(SKILLS))
def test_reasons_are_given_only_for_buggy_answers(skill_id: str) -> None:
    skill = SKILLS[skill_id]
    for level in range(1, skill.levels + 1):
        for seed in range(6):
            params = skill.variant(seed, level).params
            assert set(skill.why_wrong(params)) <= set(skill.buggy_answers(params))
