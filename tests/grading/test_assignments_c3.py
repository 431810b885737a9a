"""Course 3 assignments: the reference scores full marks across seeds, the starter scores 0,
the committed data is what its script writes, and typical mistakes get the intended feedback."""

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

IDS = ["c3w1-naive-bayes", "c3w2-loaded-dice"]
DATA = {
    "c3w1-naive-bayes": ("emails.csv", "emails_csv"),
    "c3w2-loaded-dice": ("rolls.csv", "rolls_csv"),
}


def test_the_course_3_assignments_are_declared() -> None:
    for assignment_id in IDS:
        assert_declared(assignment_id, 3)


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_committed_data_is_what_the_script_writes(assignment_id: str) -> None:
    assert_data_is_what_the_script_writes(assignment_id, *DATA[assignment_id])


@pytest.mark.parametrize("assignment_id", IDS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_scores_full_marks(grader: Grader, assignment_id: str, seed: int) -> None:
    assert_reference_scores_full_marks(grader, assignment_id, seed)


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_starter_scores_zero_with_a_clear_message(grader: Grader, assignment_id: str) -> None:
    assert_starter_scores_zero_with_a_clear_message(grader, assignment_id)


@pytest.mark.parametrize("assignment_id", IDS)
def test_hidden_inputs_vary_with_the_seed(assignment_id: str) -> None:
    assert_hidden_inputs_vary_with_the_seed(assignment_id)


MISTAKES = [
    (
        "c3w1-naive-bayes",
        "word_likelihoods",
        "def word_likelihoods(words, labels, smoothing=1.0):\n"
        "    return np.array([words[labels == c].mean(axis=0) for c in (0, 1)])",
        "differs",
    ),
    (
        "c3w1-naive-bayes",
        "gaussian_pdf",
        "def gaussian_pdf(x, mean, sd):\n"
        "    return np.exp(-0.5 * (x - mean) ** 2 / sd) / np.sqrt(2 * np.pi * sd)",
        "differs",
    ),
    (
        "c3w2-loaded-dice",
        "empirical_pmf",
        "def empirical_pmf(rolls, sides=6):\n    return np.bincount(rolls) / rolls.size",
        "wrong shape: expected (6,), got (7,)",
    ),
    (
        "c3w2-loaded-dice",
        "covariance",
        "def covariance(x, y):\n    return float(np.mean(x * y))",
        "expected",
    ),
]


@pytest.mark.parametrize(("assignment_id", "function", "wrong", "feedback"), MISTAKES)
def test_typical_mistakes_get_the_intended_feedback(
    grader: Grader, assignment_id: str, function: str, wrong: str, feedback: str
) -> None:
    result = assert_mistake_gets_the_feedback(grader, assignment_id, function, wrong, feedback)
    others = [t for t in result.tests if t.function not in (function, "predict_proba")]
    assert all(test.passed for test in others)


def test_predict_proba_without_logarithms_fails_on_long_emails(grader: Grader) -> None:
    naive = (
        "def predict_proba(words, lengths, spam_prior, likelihoods, length_params):\n"
        "    scores = []\n"
        "    for c, class_prior in ((0, 1 - spam_prior), (1, spam_prior)):\n"
        "        p = likelihoods[c]\n"
        "        factors = np.where(words == 1, p, 1 - p).prod(axis=1)\n"
        "        mean, sd = length_params[c]\n"
        "        scores.append(class_prior * factors * gaussian_pdf(lengths, mean, sd))\n"
        "    return scores[1] / (scores[0] + scores[1])"
    )
    source = with_function("c3w1-naive-bayes", "predict_proba", naive)
    result = grader.grade("c3w1-naive-bayes", read_python(source.encode()), seed=1)
    verdicts = {t.name: t.passed for t in result.tests if t.function == "predict_proba"}
    assert verdicts["predict_proba: the ten training emails"]
    assert not verdicts["predict_proba: 2,000 words per email (underflow)"]
