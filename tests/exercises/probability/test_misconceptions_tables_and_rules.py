"""The named mistakes of the sum rule, a PMF with one entry missing and a joint table: hand-
picked inputs whose wrong answers a beginner would type, and each wrong answer worked out
a second way with NumPy on generated variants, then typed and named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from tests.fixtures.mistakes import assert_verdict, share_apart, stands_apart

from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

HOUSEHOLDS = {
    "table": [["0.15", "0.10", "0.05"], ["0.05", "0.25", "0.10"], ["0.05", "0.10", "0.15"]],
    "x_values": [0, 1, 2],
    "y_values": [0, 1, 2],
}
EMAILS = {
    "table": [["0.50", "0.05"], ["0.15", "0.10"], ["0.05", "0.15"]],
    "x_values": [0, 1, 2],
    "y_values": [0, 1],
}
GOALS = {"values": [0, 1, 2, 3], "probabilities": ["0.1", "0.3", "0.2"], "missing": 3}
THREE_GOALS = {"values": [0, 1, 2], "probabilities": ["5/8", "1/8"], "missing": 2}
LANGUAGES = {"p_a": "0.19", "p_b": "0.19", "p_both": "0.03"}
CLUBS = {"p_a": "7/12", "p_b": "5/12", "p_both": "1/4"}

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows (or "correct")
    # P(Y = 1 | X = 2) = 0.15 / 0.20; over everyone, P(Y = 1) = 0.30
    ("probability.conditional_distribution", {**EMAILS, "x": 2, "y": 1}, "3/4", "correct"),
    ("probability.conditional_distribution", {**EMAILS, "x": 2, "y": 1}, "75%", "correct"),
    (
        "probability.conditional_distribution",
        {**EMAILS, "x": 2, "y": 1},
        "0.3",
        "ignored_condition",
    ),
    # 0.15 / 0.05: the cell over the rest of its row, more than 1
    ("probability.conditional_distribution", {**EMAILS, "x": 2, "y": 1}, "3", "rest_of_row"),
    ("probability.conditional_distribution", {**EMAILS, "x": 1, "y": 1}, "0.4", "correct"),
    ("probability.conditional_distribution", {**EMAILS, "x": 1, "y": 1}, "2/3", "rest_of_row"),
    (
        "probability.conditional_distribution",
        {**HOUSEHOLDS, "x": 1, "y": 2},
        "0.3",
        "ignored_condition",
    ),
    # P(X = 1) adds the row 0.05 + 0.25 + 0.10; its average is 0.40 / 3
    (
        "probability.joint_marginal",
        {**HOUSEHOLDS, "variable": "X", "value": 1},
        "0.40",
        "correct",
    ),
    (
        "probability.joint_marginal",
        {**HOUSEHOLDS, "variable": "X", "value": 1},
        "2/15",
        "averaged_cells",
    ),
    (
        "probability.joint_marginal",
        {**HOUSEHOLDS, "variable": "X", "value": 1},
        "0.1333",
        "averaged_cells",
    ),
    (
        "probability.joint_marginal",
        {**EMAILS, "variable": "Y", "value": 1},
        "0.1",
        "averaged_cells",
    ),
    # 0.1, 0.3, ?, 0.2: P(X = 2) = 0.4, and P(X <= 2) = 1 - 0.2 = 0.8
    ("probability.pmf_table", GOALS, "0.4", "correct"),
    ("probability.pmf_table", GOALS, "0.8", "cumulative"),
    ("probability.pmf_table", GOALS, "80%", "cumulative"),
    ("probability.pmf_table", THREE_GOALS, "1/4", "correct"),
    ("probability.pmf_table", THREE_GOALS, "7/8", "cumulative"),
    # 19 + 19 - 3 = 35 of 100; 16 + 16 = 32 speak one language only
    ("probability.sum_rule", LANGUAGES, "0.35", "correct"),
    ("probability.sum_rule", LANGUAGES, "0.32", "subtracted_twice"),
    ("probability.sum_rule", LANGUAGES, "0.3439", "independence_formula"),
    ("probability.sum_rule", CLUBS, "3/4", "correct"),
    ("probability.sum_rule", CLUBS, "1/2", "subtracted_twice"),
    ("probability.sum_rule", CLUBS, "109/144", "independence_formula"),
    ("probability.sum_rule", CLUBS, "0.7569", "independence_formula"),
]


@pytest.mark.parametrize(("skill_id", "raw", "response", "expected"), CASES)
def test_responses_get_their_verdict_and_their_named_mistake(
    skill_id: str, raw: dict[str, Any], response: str, expected: str
) -> None:
    feedback = assert_verdict(get(skill_id), raw, response, expected)
    if feedback.misconception is not None:
        assert feedback.misconception.name in feedback.message


def test_the_rest_of_a_row_is_named_only_where_the_row_has_other_cells() -> None:
    skill = get("probability.conditional_distribution")
    alone = skill.read_inputs(
        {
            "table": [["0", "1/2"], ["1/4", "1/4"]],
            "x_values": [0, 1],
            "y_values": [0, 1],
            "x": 0,
            "y": 1,
        }
    )
    assert "rest_of_row" not in skill.buggy_answers(alone)


# -- each wrong answer a second way, with NumPy ----------------------------------------


def joint(params: Params) -> tuple[np.ndarray, list[float], list[float]]:
    table = np.array(params["table"].to_floats())
    return table, [float(v) for v in params["x_values"]], [float(v) for v in params["y_values"]]


def column_total(params: Params) -> float:
    """P(Y = y) over everyone: the condition X = x left out."""
    table, _, ys = joint(params)
    return float(table.sum(axis=0)[ys.index(float(params["y"]))])


def cell_over_rest_of_row(params: Params) -> float | None:
    """The cell over the other cells of its row (none when the cell is the whole row)."""
    table, xs, ys = joint(params)
    row, j = table[xs.index(float(params["x"]))], ys.index(float(params["y"]))
    rest = np.delete(row, j).sum()
    return None if np.isclose(rest, 0) else float(row[j] / rest)


def average_of_line(params: Params) -> float:
    """The mean of the row (for X) or the column (for Y) in place of its total."""
    table, xs, ys = joint(params)
    value = float(params["value"])
    if params["variable"] == "X":
        return float(np.mean(table[xs.index(value), :]))
    return float(np.mean(table[:, ys.index(value)]))


def running_total(params: Params) -> float:
    """The completed PMF's CDF at the missing value: P(X <= x) for P(X = x)."""
    known = np.array([float(p) for p in params["probabilities"]])
    position = params["missing"] - 1
    pmf = np.insert(known, position, 1 - known.sum())
    return float(np.cumsum(pmf)[position])


def exactly_one(params: Params) -> float:
    """A only plus B only: the overlap taken away from both."""
    a, b, both = (float(params[k]) for k in ("p_a", "p_b", "p_both"))
    return float(np.sum([a - both, b - both]))


def as_if_independent(params: Params) -> float:
    """1 - P(neither) with the events treated as independent: P(A) + P(B) - P(A)P(B)."""
    a, b = float(params["p_a"]), float(params["p_b"])
    return float(1 - np.prod([1 - a, 1 - b]))


SECOND_WAY: dict[tuple[str, str], Callable[[Params], float | None]] = {
    ("probability.conditional_distribution", "ignored_condition"): column_total,
    ("probability.conditional_distribution", "rest_of_row"): cell_over_rest_of_row,
    ("probability.joint_marginal", "averaged_cells"): average_of_line,
    ("probability.pmf_table", "cumulative"): running_total,
    ("probability.sum_rule", "subtracted_twice"): exactly_one,
    ("probability.sum_rule", "independence_formula"): as_if_independent,
}


@settings(max_examples=150, deadline=None)
@given(
    mistake=st.sampled_from(sorted(SECOND_WAY)),
    seed=st.integers(0, 10**6),
    level=st.integers(1, 3),
)
def test_each_new_mistake_typed_to_four_places_is_named(
    mistake: tuple[str, str], seed: int, level: int
) -> None:
    """The wrong answer worked out with NumPy agrees with the skill's own, and typed as a
    learner would (four decimal places) it is named — unless this variant happens to make
    it the right answer, or another named mistake gives the same number."""
    skill_id, misconception_id = mistake
    skill = get(skill_id)
    params = skill.variant(seed, level).params
    wrong = SECOND_WAY[mistake](params)
    buggy = skill.buggy_answers(params)
    if wrong is None:
        assert misconception_id not in buggy
        return
    assert float(buggy[misconception_id]) == pytest.approx(wrong, abs=1e-12)
    assume(stands_apart(skill, params, misconception_id))
    feedback = skill.grade(params, f"{wrong:.4f}")
    assert feedback.verdict == "incorrect", (params, feedback)
    assert feedback.misconception is not None, (params, wrong)
    assert feedback.misconception.id == misconception_id


@pytest.mark.parametrize(("skill_id", "misconception_id"), sorted(SECOND_WAY))
def test_each_new_mistake_is_named_on_most_variants(skill_id: str, misconception_id: str) -> None:
    """On most generated variants the mistake gives a wrong answer of its own, apart from
    the right one and from every other named mistake."""
    share = share_apart(get(skill_id), misconception_id)
    assert share >= 0.5, f"{misconception_id} stands apart on {share:.0%} of the variants"
