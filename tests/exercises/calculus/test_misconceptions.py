"""Beginner mistakes of the calculus skills on hand-picked inputs, each diagnosed by name;
and, across generated variants, a named mistake's wrong answer is never a right one."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.fixtures.mistakes import assert_named_or_dropped

from mlmath.exercises.registry import get

PLANE = {"function": "x^2 + 3x*y", "point": [1, 2]}
"""f(1, 2) = 7, f_x = 8, f_y = 3: the plane z = 7 + 8(x − 1) + 3(y − 2)."""

TRIP = {"data": [[0, 0], [1, 50], [2, 120], [3, 170], [4, 260]], "interval": [1, 3]}
"""Between t = 1 and t = 3: (170 − 50)/(3 − 1) = 60 km/h."""

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    ("calculus.tangent_plane", PLANE, "7 + 8(x + 1) + 3(y + 2)", "shifted_wrong_way"),
    # 7 heads in 10 tosses at p = 0.5: L = 10 ln 2 ≈ 6.931, L′ = −8
    (
        "calculus.log_loss",
        {"successes": 7, "trials": 10, "p": "1/2", "asked": "value"},
        "0.693",
        "mean_not_total",
    ),
    (
        "calculus.log_loss",
        {"successes": 7, "trials": 10, "p": "1/2", "asked": "derivative"},
        "-0.8",
        "mean_not_total",
    ),
    ("calculus.average_rate_of_change", TRIP, "85", "end_distance_only"),
    ("calculus.average_rate_of_change", TRIP, "50", "last_step_only"),
    # σ(0.5) ≈ 0.6225: σ² ≈ 0.3875 for σ′ ≈ 0.2350
    ("calculus.sigmoid_derivative", {"z": "1/2"}, "0.3875", "squared_sigmoid"),
    # 3 → 4 → 1: 16 weights and 5 biases; without the output's bias 20
    ("calculus.network_parameters", {"layers": [3, 4, 1]}, "20", "no_output_biases"),
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
    rate = get("calculus.average_rate_of_change")
    one_step = rate.read_inputs({"data": [[0, 0], [1, 50], [2, 120]], "interval": [1, 2]})
    assert "last_step_only" not in rate.buggy_answers(one_step)
    sigmoid = get("calculus.sigmoid_derivative")
    assert "squared_sigmoid" not in sigmoid.buggy_answers(sigmoid.read_inputs({"z": 0}))
    network = get("calculus.network_parameters")
    no_hidden = network.read_inputs({"layers": [3, 2]})
    assert "no_output_biases" not in network.buggy_answers(no_hidden)


@pytest.mark.parametrize(
    ("skill_id", "raw", "response", "where"),
    [
        # (2x + 1)^5 integrated: (2x + 1)^6/(6·2)
        (
            "calculus.derivative_rules",
            {"function": "(2x + 1)^5"},
            "(2x + 1)^6/12",
            "Chain rule on (2x + 1)^5: you integrated instead of differentiating",
        ),
        (
            "calculus.derivative_exp_log",
            {"function": "e^(3x) - x^2"},
            "e^(3x)/3 - 2x",
            "Chain rule on e^(3x): you integrated instead of differentiating",
        ),
        # (1/x)′ taken as 1/(x)′ = 1; (1/x²)′ as 1/(2x)
        (
            "calculus.derivative_basic",
            {"function": "4x^3 - 5/x + 7"},
            "12x^2 - 5",
            "Power rule on x^(-1): you took 1 over the derivative of x",
        ),
        (
            "calculus.derivative_basic",
            {"function": "3/x^2 + x"},
            "3/(2x) + 1",
            "Power rule on x^(-2): you took 1 over the derivative of x^2",
        ),
    ],
)
def test_a_rule_slip_of_the_rule_tree_is_named_where_it_happened(
    skill_id: str, raw: dict[str, Any], response: str, where: str
) -> None:
    skill = get(skill_id)
    feedback = skill.grade(skill.read_inputs(raw), response)
    assert feedback.misconception is not None, feedback
    assert feedback.misconception.name == where


def test_a_mixed_partial_with_the_wrong_sign_is_named() -> None:
    skill = get("calculus.hessian")
    params = skill.read_inputs({"function": "x^2 + 3x*y + 2y^2", "point": [0, 0]})
    feedback = skill.grade(params, "[[2, -3], [-3, 4]]")
    assert feedback.misconception is not None, feedback
    assert feedback.misconception.id == "common.mixed_partial_sign"
    assert skill.grade(params, "[[2, 3], [3, 4]]").verdict == "correct"


NEW_MISTAKES = {
    "calculus.tangent_plane": ("shifted_wrong_way",),
    "calculus.log_loss": ("mean_not_total",),
    "calculus.average_rate_of_change": ("end_distance_only", "last_step_only"),
    "calculus.sigmoid_derivative": ("squared_sigmoid",),
    "calculus.network_parameters": ("no_output_biases",),
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
