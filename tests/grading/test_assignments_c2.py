"""Course 2 assignments: the reference scores full marks across seeds, the starter scores 0,
the committed data is what its script writes, and typical mistakes get the intended feedback."""

from __future__ import annotations

import importlib.util

import pytest

from mlmath.grading.harness import Grader
from mlmath.grading.spec import ASSIGNMENTS, list_assignments, load_assignment
from mlmath.grading.submission import read_python

pytestmark = pytest.mark.sandbox

IDS = ["c2w1-cost-minimization", "c2w2-gradient-descent-regression", "c2w3-two-layer-network"]
DATA = {
    "c2w1-cost-minimization": ("houses.csv", "houses_csv"),
    "c2w2-gradient-descent-regression": ("advertising.csv", "advertising_csv"),
    "c2w3-two-layer-network": ("rings.csv", "rings_csv"),
}


def reference(assignment_id: str) -> str:
    return (ASSIGNMENTS / assignment_id / "reference.py").read_text()


def with_function(assignment_id: str, name: str, replacement: str) -> str:
    source = reference(assignment_id)
    start = source.index(f"def {name}(")
    following = source.find("\ndef ", start + 1)
    end = len(source) if following < 0 else following + 1
    return source[:start] + replacement.strip() + "\n\n\n" + source[end:]


def test_the_course_2_assignments_are_declared() -> None:
    assert set(IDS) <= set(list_assignments())
    for assignment_id in IDS:
        assignment = load_assignment(assignment_id)
        assert assignment.course == 2
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
        "c2w1-cost-minimization",
        "squared_cost_derivative",
        "def squared_cost_derivative(c, x):\n    return float(np.sum(c - x))",
        "expected",
    ),
    (
        "c2w2-gradient-descent-regression",
        "gradient_descent",
        "def gradient_descent(x, y, m, b, learning_rate, num_iterations):\n"
        "    for _ in range(num_iterations):\n"
        "        dm, db = gradients(m, b, x, y)\n"
        "        m, b = m + learning_rate * dm, b + learning_rate * db\n"
        "    return float(m), float(b)",
        "[0]: expected",
    ),
    (
        "c2w3-two-layer-network",
        "backward_propagation",
        "def backward_propagation(parameters, cache, X, Y):\n"
        "    m = X.shape[1]\n"
        "    A1, A2 = cache['A1'], cache['A2']\n"
        "    dZ2 = A2 - Y\n"
        "    dZ1 = parameters['W2'].T @ dZ2\n"
        "    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1, axis=1, keepdims=True) / m,\n"
        "            'dW2': dZ2 @ A1.T / m, 'db2': np.sum(dZ2, axis=1, keepdims=True) / m}",
        "dW1",
    ),
    (
        "c2w3-two-layer-network",
        "backward_propagation",
        "def backward_propagation(parameters, cache, X, Y):\n"
        "    m = X.shape[1]\n"
        "    A1, A2 = cache['A1'], cache['A2']\n"
        "    dZ2 = A2 - Y\n"
        "    dZ1 = (parameters['W2'].T @ dZ2) * A1 * (1 - A1)\n"
        "    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1) / m,\n"
        "            'dW2': dZ2 @ A1.T / m, 'db2': np.sum(dZ2, axis=1, keepdims=True) / m}",
        "db1",
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
    others = [t for t in result.tests if t.function not in (function, "update_parameters")]
    assert all(test.passed for test in others)
