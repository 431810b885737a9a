"""Course 2 assignments: the reference scores full marks across seeds, the starter scores 0,
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
)

from mlmath.grading.harness import Grader

pytestmark = pytest.mark.sandbox

IDS = ["c2w1-cost-minimization", "c2w2-gradient-descent-regression", "c2w3-two-layer-network"]
DATA = {
    "c2w1-cost-minimization": ("houses.csv", "houses_csv"),
    "c2w2-gradient-descent-regression": ("advertising.csv", "advertising_csv"),
    "c2w3-two-layer-network": ("rings.csv", "rings_csv"),
}


def test_the_course_2_assignments_are_declared() -> None:
    for assignment_id in IDS:
        assert_declared(assignment_id, 2)


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
    result = assert_mistake_gets_the_feedback(grader, assignment_id, function, wrong, feedback)
    others = [t for t in result.tests if t.function not in (function, "update_parameters")]
    assert all(test.passed for test in others)
