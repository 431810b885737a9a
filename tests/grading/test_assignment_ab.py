"""The A/B Testing assignment: the reference scores full marks across seeds, the starter
scores 0, the committed data is what its script writes, and typical mistakes get the
intended feedback."""

from __future__ import annotations

import importlib.util

import pytest

from mlmath.grading.harness import Grader
from mlmath.grading.spec import ASSIGNMENTS, list_assignments, load_assignment
from mlmath.grading.submission import read_python

pytestmark = pytest.mark.sandbox

ID = "c3w4-ab-testing"
FOLDER = ASSIGNMENTS / ID


def reference() -> str:
    return (FOLDER / "reference.py").read_text()


def with_function(name: str, replacement: str) -> str:
    source = reference()
    start = source.index(f"def {name}(")
    following = source.find("\ndef ", start + 1)
    end = len(source) if following < 0 else following + 1
    return source[:start] + replacement.strip() + "\n\n\n" + source[end:]


def test_the_assignment_is_declared() -> None:
    assert ID in list_assignments()
    assignment = load_assignment(ID)
    assert assignment.course == 3
    names = {path.name for path in assignment.learner_files()}
    assert {"ab_testing.py", "visits.csv"} <= names
    assert not names & {"reference.py", "tests.py", "make_data.py"}
    assert all(path.is_file() for path in assignment.learner_files())


def test_the_committed_data_is_what_the_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_ab_data", FOLDER / "make_data.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (FOLDER / "visits.csv").read_text() == module.visits_csv()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_reference_scores_full_marks(grader: Grader, seed: int) -> None:
    result = grader.grade(ID, read_python(reference().encode()), seed=seed)
    failures = [(test.name, test.message) for test in result.tests if not test.passed]
    assert failures == []
    assert result.score == result.max_score > 20


def test_the_starter_scores_zero_with_a_clear_message(grader: Grader) -> None:
    assignment = load_assignment(ID)
    starter = (assignment.folder / assignment.starter).read_bytes()
    result = grader.grade(ID, read_python(starter), seed=1)
    assert result.score == 0
    assert all("raised NotImplementedError" in test.message for test in result.tests)


def test_hidden_inputs_vary_with_the_seed() -> None:
    assignment = load_assignment(ID)
    first = [repr(case.args) for case in assignment.tests(seed=1)]
    assert first != [repr(case.args) for case in assignment.tests(seed=2)]
    assert [repr(case.args) for case in assignment.tests(seed=1)] == first


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
    source = with_function(function, wrong)
    result = grader.grade(ID, read_python(source.encode()), seed=3, public_only=True)
    failing = [test for test in result.tests if test.function == function]
    assert failing
    assert not failing[0].passed
    assert feedback in failing[0].message, failing[0].message
    assert failing[0].call.startswith(f"{function}(")


def test_a_two_sided_p_value_in_the_decision_loses_points(grader: Grader) -> None:
    """Doubling the one-sided p-value in ab_decision is caught by the hidden tests."""
    wrong = (
        "def ab_decision(converted_a, converted_b, alpha=0.05):\n"
        "    z = pooled_z_statistic(converted_a, converted_b)\n"
        "    p = p_value(z, 'two-sided')\n"
        "    return {'z': z, 'p_value': p, 'ship_b': bool(p < alpha)}"
    )
    result = grader.grade(ID, read_python(with_function("ab_decision", wrong).encode()), seed=1)
    verdicts = [t.passed for t in result.tests if t.function == "ab_decision"]
    assert not all(verdicts)
    assert result.score < result.max_score
