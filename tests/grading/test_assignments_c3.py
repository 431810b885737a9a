"""Course 3 assignments: the reference scores full marks across seeds, the starter scores 0,
the committed data is what its script writes, and typical mistakes get the intended feedback."""

from __future__ import annotations

import importlib.util

import pytest

from mlmath.grading.harness import Grader
from mlmath.grading.spec import ASSIGNMENTS, list_assignments, load_assignment
from mlmath.grading.submission import read_python

pytestmark = pytest.mark.sandbox

IDS = ["c3w1-naive-bayes", "c3w2-loaded-dice"]
DATA = {
    "c3w1-naive-bayes": ("emails.csv", "emails_csv"),
    "c3w2-loaded-dice": ("rolls.csv", "rolls_csv"),
}


def reference(assignment_id: str) -> str:
    return (ASSIGNMENTS / assignment_id / "reference.py").read_text()


def with_function(assignment_id: str, name: str, replacement: str) -> str:
    source = reference(assignment_id)
    start = source.index(f"def {name}(")
    following = source.find("\ndef ", start + 1)
    end = len(source) if following < 0 else following + 1
    return source[:start] + replacement.strip() + "\n\n\n" + source[end:]


def test_the_course_3_assignments_are_declared() -> None:
    assert set(IDS) <= set(list_assignments())
    for assignment_id in IDS:
        assignment = load_assignment(assignment_id)
        assert assignment.course == 3
        names = {path.name for path in assignment.learner_files()}
        assert not names & {"reference.py", "tests.py"}
        assert all(path.is_file() for path in assignment.learner_files())


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_committed_data_is_what_the_script_writes(assignment_id: str) -> None:
    folder = ASSIGNMENTS / assignment_id
    spec = importlib.util.spec_from_file_location(f"make_{assignment_id}", folder / "make_data.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    file_name, function = DATA[assignment_id]
    assert (folder / file_name).read_text() == getattr(module, function)()


@pytest.mark.parametrize("assignment_id", IDS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_scores_full_marks(grader: Grader, assignment_id: str, seed: int) -> None:
    result = grader.grade(assignment_id, read_python(reference(assignment_id).encode()), seed=seed)
    failures = [(test.name, test.message) for test in result.tests if not test.passed]
    assert failures == []
    assert result.score == result.max_score > 20


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_starter_scores_zero_with_a_clear_message(grader: Grader, assignment_id: str) -> None:
    assignment = load_assignment(assignment_id)
    starter = (assignment.folder / assignment.starter).read_bytes()
    result = grader.grade(assignment_id, read_python(starter), seed=1)
    assert result.score == 0
    assert all("raised NotImplementedError" in test.message for test in result.tests)


@pytest.mark.parametrize("assignment_id", IDS)
def test_hidden_inputs_vary_with_the_seed(assignment_id: str) -> None:
    assignment = load_assignment(assignment_id)
    first = [repr(case.args) for case in assignment.tests(seed=1)]
    assert first != [repr(case.args) for case in assignment.tests(seed=2)]
    assert [repr(case.args) for case in assignment.tests(seed=1)] == first


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
    source = with_function(assignment_id, function, wrong)
    result = grader.grade(assignment_id, read_python(source.encode()), seed=3, public_only=True)
    failing = [test for test in result.tests if test.function == function]
    assert failing
    assert not failing[0].passed
    assert feedback in failing[0].message, failing[0].message
    assert failing[0].call.startswith(f"{function}(")
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
