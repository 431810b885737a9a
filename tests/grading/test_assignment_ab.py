"""The A/B Testing assignment: the reference scores full marks across seeds, the starter
scores 0, the committed data is what its script writes, and typical mistakes get the
intended feedback."""

from __future__ import annotations

import pytest
from tests.fixtures.assignments import (
    assert_data_is_what_the_script_writes,
    assert_declared,
    assert_hidden_inputs_vary_with_the_seed,
    assert_mistake_gets_the_feedback,
    assert_reference_scores_full_marks,
    assert_starter_scores_zero_with_a_clear_message,
    with_function,
)

from mlmath.grading.harness import Grader
from mlmath.grading.submission import read_python

pytestmark = pytest.mark.sandbox

ID = "c3w4-ab-testing"


def test_the_assignment_is_declared() -> None:
    names = assert_declared(ID, 3)
    assert {"ab_testing.py", "visits.csv"} <= names
    assert "make_data.py" not in names


def test_the_committed_data_is_what_the_script_writes() -> None:
    assert_data_is_what_the_script_writes(ID, "visits.csv", "visits_csv")


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_reference_scores_full_marks(grader: Grader, seed: int) -> None:
    assert_reference_scores_full_marks(grader, ID, seed)


def test_the_starter_scores_zero_with_a_clear_message(grader: Grader) -> None:
    assert_starter_scores_zero_with_a_clear_message(grader, ID)


def test_hidden_inputs_vary_with_the_seed() -> None:
    assert_hidden_inputs_vary_with_the_seed(ID)


MISTAKES = [
    (
        "conversion_rate",
        "def conversion_rate(converted):\n    return float(np.sum(converted))",
        "expected",
    ),
    (
        "pooled_z_statistic",
        "def pooled_z_statistic(converted_a, converted_b):\n"
        "    pa, pb = np.mean(converted_a), np.mean(converted_b)\n"
        "    se = math.sqrt(pa * (1 - pa) / len(converted_a) + pb * (1 - pb) / len(converted_b))\n"
        "    return float((pb - pa) / se)",
        "expected",
    ),
    (
        "p_value",
        "def p_value(z, alternative='two-sided'):\n    return 1 - normal_cdf(abs(z))",
        "expected 0.0455",
    ),
    (
        "welch_t",
        "def welch_t(x_a, x_b):\n"
        "    se = math.sqrt(np.var(x_a) / len(x_a) + np.var(x_b) / len(x_b))\n"
        "    return float((np.mean(x_b) - np.mean(x_a)) / se)",
        "expected",
    ),
    (
        "difference_interval",
        "def difference_interval(converted_a, converted_b, z_star=1.96):\n"
        "    d = np.mean(converted_b) - np.mean(converted_a)\n"
        "    return (float(d - z_star), float(d + z_star))",
        "[0]: expected",
    ),
]


@pytest.mark.parametrize(("function", "wrong", "feedback"), MISTAKES)
def test_typical_mistakes_get_the_intended_feedback(
    grader: Grader, function: str, wrong: str, feedback: str
) -> None:
    assert_mistake_gets_the_feedback(grader, ID, function, wrong, feedback)


def test_a_two_sided_p_value_in_the_decision_loses_points(grader: Grader) -> None:
    """Doubling the one-sided p-value in ab_decision is caught by the hidden tests."""
    wrong = (
        "def ab_decision(converted_a, converted_b, alpha=0.05):\n"
        "    z = pooled_z_statistic(converted_a, converted_b)\n"
        "    p = p_value(z, 'two-sided')\n"
        "    return {'z': z, 'p_value': p, 'ship_b': bool(p < alpha)}"
    )
    result = grader.grade(ID, read_python(with_function(ID, "ab_decision", wrong).encode()), seed=1)
    verdicts = [t.passed for t in result.tests if t.function == "ab_decision"]
    assert not all(verdicts)
    assert result.score < result.max_score
