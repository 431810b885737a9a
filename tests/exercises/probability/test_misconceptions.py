"""The probability skills on hand-picked inputs: every accepted form of a right answer, and
the named mistakes real beginners make, each diagnosed by name."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.fixtures.mistakes import assert_named_or_dropped

from mlmath.exercises.registry import get

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows (or "correct")
    ("probability.binomial_probability", {"n": 10, "p": "1/2", "k": 3}, "15/128", "correct"),
    ("probability.binomial_probability", {"n": 10, "p": "1/2", "k": 3}, "0.1172", "correct"),
    ("probability.binomial_probability", {"n": 10, "p": "1/2", "k": 3}, "11.72%", "correct"),
    (
        "probability.binomial_probability",
        {"n": 10, "p": "1/2", "k": 3},
        "1/1024",
        "forgot_coefficient",
    ),
    (
        "probability.binomial_probability",
        {"n": 5, "p": "1/2", "k": 2, "comparison": "<"},
        "16/32",
        "endpoint",
    ),
    (
        "probability.conditional_probability",
        {"both": 9, "a_only": 3, "b_only": 2},
        "9/11",
        "correct",
    ),
    (
        "probability.conditional_probability",
        {"both": 9, "a_only": 3, "b_only": 2},
        "9/12",
        "swapped_condition",
    ),
    (
        "probability.bayes_theorem",
        {"prior": "0.01", "sensitivity": "0.9", "false_positive_rate": "0.1"},
        "0.0833",
        "correct",
    ),
    (
        "probability.bayes_theorem",
        {"prior": "0.01", "sensitivity": "0.9", "false_positive_rate": "0.1"},
        "0.9",
        "swapped_condition",
    ),
    (
        "probability.bayes_theorem",
        {"prior": "0.01", "sensitivity": "0.9", "false_positive_rate": "0.2"},
        "0.8182",
        "ignored_prior",
    ),
    ("probability.complement", {"p": "1/6", "n": 3}, "91/216", "correct"),
    ("probability.complement", {"p": "1/6", "n": 3}, "1/2", "added_probabilities"),
    (
        "probability.sum_rule",
        {"p_a": "1/2", "p_b": "1/3", "p_both": "1/6"},
        "5/6",
        "added_overlapping",
    ),
    ("probability.independence", {"red": 3, "other": 2, "replacement": "no"}, "3/10", "correct"),
    (
        "probability.independence",
        {"red": 3, "other": 2, "replacement": "no"},
        "9/25",
        "multiplied_dependent",
    ),
    (
        "probability.event_probability",
        {"sides": 6, "dice": 2, "comparison": "=", "target": 7},
        "1/11",
        "totals_equally_likely",
    ),
    ("probability.variance", {"data": [2, 4, 4, 6], "kind": "sample"}, "8/3", "correct"),
    ("probability.variance", {"data": [2, 4, 4, 6], "kind": "sample"}, "2", "divided_by_n"),
    (
        "probability.variance",
        {"data": [2, 4, 4, 6], "kind": "population"},
        "2.667",
        "divided_by_n_minus_1",
    ),
    ("probability.central_tendency", {"data": [9, 1, 5, 3, 7], "asked": "median"}, "5", "correct"),
    (
        "probability.central_tendency",
        {"data": [9, 1, 3, 4, 7], "asked": "median"},
        "3",
        "median_unsorted",
    ),
    ("probability.quantiles", {"data": [7, 1, 3, 5, 9, 12], "asked": "Q1"}, "3.5", "correct"),
    ("probability.covariance", {"x": [1, 2, 3], "y": [50, 60, 70]}, "10", "correct"),
    ("probability.covariance", {"x": [1, 2, 3], "y": [50, 60, 70]}, "190", "no_centering"),
    ("probability.normal_probability", {"mean": 170, "sd": 10, "upper": 185}, "0.933", "correct"),
    ("probability.normal_probability", {"mean": 170, "sd": 10, "upper": 185}, "93.3%", "correct"),
    (
        "probability.normal_probability",
        {"mean": 170, "sd": 10, "lower": 185},
        "0.933",
        "wrong_tail",
    ),
    (
        "probability.normal_probability",
        {"mean": 170, "sd": 10, "upper": 185},
        "0.560",
        "divided_by_variance",
    ),
    ("probability.pdf_interval", {"m": 2, "lower": 1, "upper": 2}, "3/4", "correct"),
    ("probability.pdf_interval", {"m": 2, "lower": 1, "upper": 2}, "1", "density_as_probability"),
    (
        "probability.uniform_probability",
        {"a": 0, "b": 10, "lower": 2, "upper": 5},
        "0.3",
        "correct",
    ),
    (
        "probability.uniform_probability",
        {"a": 0, "b": 10, "lower": 2, "upper": 5},
        "0.1",
        "density_as_probability",
    ),
    ("probability.chi_squared", {"k": 2, "asked": "P(X <= x)", "x": 2}, "0.632", "correct"),
    ("probability.chi_squared", {"k": 4, "asked": "mean"}, "0", "mean_zero"),
    (
        "probability.multivariate_normal",
        {"mean": [170, 70], "covariance": [[100, 60], [60, 144]], "asked": "correlation"},
        "0.5",
        "correct",
    ),
    (
        "probability.multivariate_normal",
        {"mean": [170, 70], "covariance": [[100, 60], [60, 144]], "asked": "correlation"},
        "60",
        "covariance_as_correlation",
    ),
    (
        "probability.conditional_distribution",
        {
            "table": [["0.1", "0.3"], ["0.2", "0.4"]],
            "x_values": [0, 1],
            "y_values": [0, 1],
            "x": 1,
            "y": 1,
        },
        "2/3",
        "correct",
    ),
    (
        "probability.conditional_distribution",
        {
            "table": [["0.1", "0.3"], ["0.2", "0.4"]],
            "x_values": [0, 1],
            "y_values": [0, 1],
            "x": 1,
            "y": 1,
        },
        "0.4",
        "joint_instead",
    ),
    (
        "probability.independence_from_table",
        {"table": [["1/8", "3/8"], ["1/8", "3/8"]], "x_values": [0, 1], "y_values": [0, 1]},
        "yes",
        "correct",
    ),
    (
        "probability.discriminative_conditional",
        {"table": [[40, 10], [20, 130]], "row": 1},
        "0.8",
        "correct",
    ),
    (
        "probability.discriminative_conditional",
        {"table": [[40, 10], [20, 130]], "row": 1},
        "2/3",
        "features_given_label",
    ),
    (
        "probability.expected_value",
        {"values": [0, 2, 10], "probabilities": ["0.5", "0.3", "0.2"]},
        "2.6",
        "correct",
    ),
    (
        "probability.expected_value",
        {"values": [0, 2, 10], "probabilities": ["0.5", "0.3", "0.2"], "g": "x^2"},
        "6.76",
        "squared_the_mean",
    ),
    # two values tie as the most likely: either one is the mode, not E[X] = 2.6
    (
        "probability.expected_value",
        {"values": [0, 2, 10], "probabilities": ["0.4", "0.4", "0.2"]},
        "0",
        "most_likely_value",
    ),
    (
        "probability.expected_value",
        {"values": [0, 2, 10], "probabilities": ["0.4", "0.4", "0.2"]},
        "2",
        "most_likely_value",
    ),
    ("probability.bernoulli", {"p": "0.2", "asked": "P(X = 0)"}, "0", "value_for_probability"),
    ("probability.bernoulli", {"p": "0.2", "asked": "variance"}, "0.8", "variance_one_minus_p"),
    # one trial's chance for several: p itself
    ("probability.complement", {"p": "1/6", "n": 3}, "1/6", "common.one_trial"),
    (
        "probability.binomial_probability",
        {"n": 5, "p": "1/4", "k": 1},
        "0.25",
        "common.one_trial",
    ),
    (
        "probability.binomial_probability",
        {"n": 6, "p": "1/2", "k": 2, "comparison": ">="},
        "1/2",
        "common.one_trial",
    ),
    (
        "probability.independence",
        {"red": 3, "other": 2, "replacement": "no"},
        "3/5",
        "common.one_trial",
    ),
    # F(1) for the PMF 0.2, 0.4, 0.3, 0.1 on 0 … 3 is 0.6; one value too far: F(2) = 0.9
    (
        "probability.cdf_value",
        {"values": [0, 1, 2, 3], "probabilities": ["0.2", "0.4", "0.3", "0.1"], "x": 1},
        "0.9",
        "common.off_by_one",
    ),
    # sorted 20, 21, 22, 24, 25, 30, 150: the median is 24, not (24 + 25)/2
    (
        "probability.central_tendency",
        {"data": [20, 25, 22, 30, 21, 24, 150], "asked": "median"},
        "24.5",
        "median_averaged_odd",
    ),
    (
        "probability.central_tendency",
        {"data": [20, 25, 22, 30, 21, 24, 150], "asked": "median"},
        "23",
        "median_averaged_odd",
    ),
    # P(X < Y) = 1/4 leaves out the diagonal; P(X ≤ Y) = 1
    (
        "probability.joint_moments",
        {
            "table": [["1/4", "1/4"], ["0", "1/2"]],
            "x_values": [0, 1],
            "y_values": [0, 1],
            "asked": "probability",
            "event": "x<y",
        },
        "1",
        "endpoint",
    ),
]


@pytest.mark.parametrize(("skill_id", "raw", "response", "expected"), CASES)
def test_responses_get_their_verdict_and_their_named_mistake(
    skill_id: str, raw: dict[str, Any], response: str, expected: str
) -> None:
    skill = get(skill_id)
    params = skill.read_inputs(raw)
    feedback = skill.grade(params, response)
    if expected == "correct":
        assert feedback.verdict == "correct", feedback
    else:
        assert feedback.verdict == "incorrect"
        assert feedback.misconception is not None, feedback
        assert feedback.misconception.id == expected


def test_the_command_line_example_of_the_brief() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlmath",
            "solve",
            "probability.binomial_probability",
            "--input",
            json.dumps({"n": 10, "p": "1/2", "k": 3}),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    solution = json.loads(result.stdout)
    assert solution["answer"] == "15/128"
    assert any("C(10, 3) = 120" in step["rule"] for step in solution["steps"])


@pytest.mark.parametrize(
    ("skill_id", "raw", "message"),
    [
        ("probability.binomial_probability", {"n": 10, "p": "3/2", "k": 3}, "between 0 and 1"),
        (
            "probability.cdf_value",
            {"values": [0, 1], "probabilities": ["1/2", "1/3"], "x": 0},
            "add up to",
        ),
        (
            "probability.multivariate_normal",
            {"mean": [0, 0], "covariance": [[1, 2], [3, 4]], "asked": "correlation"},
            "symmetric",
        ),
        ("probability.central_tendency", {"data": [1, 1, 2, 2], "asked": "mode"}, "2 modes"),
    ],
)
def test_impossible_inputs_get_one_line_for_a_person(
    skill_id: str, raw: dict[str, Any], message: str
) -> None:
    from mlmath.exercises.inputs import InputError

    with pytest.raises(InputError, match=message) as error:
        get(skill_id).read_inputs(raw)
    assert "\n" not in str(error.value)


def test_a_mistake_is_returned_only_where_it_applies() -> None:
    median = get("probability.central_tendency")
    even = median.read_inputs({"data": [20, 25, 22, 30, 21, 24], "asked": "median"})
    assert not [m for m in median.own_mistakes(even) if m.misconception.id == "median_averaged_odd"]
    joint = get("probability.joint_moments")
    equal = joint.read_inputs(
        {
            "table": [["1/4", "1/4"], ["0", "1/2"]],
            "x_values": [0, 1],
            "y_values": [0, 1],
            "asked": "probability",
            "event": "x=y",
        }
    )
    assert "endpoint" not in joint.buggy_answers(equal)


NEW_MISTAKES = {
    "probability.bernoulli": ("value_for_probability", "variance_one_minus_p"),
    "probability.joint_moments": ("endpoint",),
}
SLIPS = {
    "probability.complement": "common.one_trial",
    "probability.binomial_probability": "common.one_trial",
    "probability.independence": "common.one_trial",
    "probability.cdf_value": "common.off_by_one",
    "probability.expected_value": "most_likely_value",
    "probability.central_tendency": "median_averaged_odd",
}


@settings(max_examples=80, deadline=None)
@given(
    skill_id=st.sampled_from(sorted({*NEW_MISTAKES, *SLIPS})),
    seed=st.integers(0, 10**6),
    level=st.integers(1, 3),
)
def test_a_named_wrong_answer_is_never_a_right_one(skill_id: str, seed: int, level: int) -> None:
    """Where a variant's mistake gives the right answer it is dropped, never named; where it
    gives a wrong one, typing it is rejected with a name."""
    skill = get(skill_id)
    params = skill.variant(seed, level).params
    buggy = skill.buggy_answers(params)
    wrong = [buggy[m] for m in NEW_MISTAKES.get(skill_id, ()) if m in buggy]
    if skill_id in SLIPS:
        wrong += [
            m.answer
            for m in skill.diagnosis(params).mistakes
            if m.misconception.id == SLIPS[skill_id]
        ]
    assert_named_or_dropped(skill, params, wrong)
