"""Each assignment: the reference scores full marks; typical mistakes get the intended feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixtures.assignments import (
    assert_declared,
    assert_hidden_inputs_vary_with_the_seed,
    assert_mistake_gets_the_feedback,
    assert_reference_scores_full_marks,
    assert_starter_scores_zero_with_a_clear_message,
    reference,
    with_function,
)

from mlmath.grading.harness import Grader
from mlmath.grading.submission import read_python

pytestmark = pytest.mark.sandbox

IDS = ["c1w2-linear-systems", "c1w3-perceptron-regression", "c1w4-eigenvectors"]


def test_the_three_course_1_assignments_are_declared() -> None:
    for assignment_id in IDS:
        assert_declared(assignment_id, 1)


@pytest.mark.parametrize("assignment_id", IDS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_scores_full_marks(grader: Grader, assignment_id: str, seed: int) -> None:
    assert_reference_scores_full_marks(grader, assignment_id, seed)


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_starter_scores_zero_with_a_clear_message(grader: Grader, assignment_id: str) -> None:
    assert_starter_scores_zero_with_a_clear_message(grader, assignment_id)


def test_hidden_inputs_vary_with_the_seed() -> None:
    assert_hidden_inputs_vary_with_the_seed("c1w2-linear-systems")


MISTAKES = [
    (
        "c1w2-linear-systems",
        "augment",
        "def augment(A, b):\n    return np.hstack([A, b.reshape(1, -1).T[:, :0]])",
        "wrong shape: expected (3, 4), got (3, 3)",
    ),
    (
        "c1w2-linear-systems",
        "swap_rows",
        "def swap_rows(M, i, j):\n    M[[i, j]] = M[[j, i]]\n    return M",
        "your function changed its input `M` (entry [0, 0] was 1.2, is now 1.6)",
    ),
    (
        "c1w2-linear-systems",
        "back_substitution",
        "def back_substitution(U, c):\n    x = np.zeros(len(c), dtype=int)\n"
        "    for i in range(len(c) - 1, -1, -1):\n"
        "        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]\n    return x",
        "wrong dtype: expected floating-point numbers, got int64",
    ),
    (
        "c1w2-linear-systems",
        "back_substitution",
        "def back_substitution(U, c):\n    return np.zeros(len(c)) / np.zeros(len(c))",
        "your result contains NaN (not a number), first at entry [0]",
    ),
    (
        "c1w2-linear-systems",
        "determinant",
        "def determinant(A):\n    return A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]",
        "expected 4.448, got",
    ),
    (
        "c1w2-linear-systems",
        "solve",
        "def solve(A, b):\n    return np.linalg.solve(A, b.reshape(-1, 1))",
        "wrong shape: expected (3,), got (3, 1)",
    ),
    (
        "c1w3-perceptron-regression",
        "initialize_parameters",
        "def initialize_parameters(n_x, seed):\n    rng = np.random.default_rng(seed)\n"
        "    return {'W': rng.normal(size=(1, n_x)) * 0.01, 'b': 0}",
        "['b']: expected a NumPy array of shape (1, 1), got the number 0",
    ),
    (
        "c1w3-perceptron-regression",
        "backward_propagation",
        "def backward_propagation(Y_hat, X, Y):\n    dZ = Y_hat - Y\n"
        "    return {'dW': dZ @ X.T, 'db': np.sum(dZ, axis=1, keepdims=True)}",
        "['dW']: entry [0, 0] differs",
    ),
    (
        "c1w3-perceptron-regression",
        "update_parameters",
        "def update_parameters(parameters, grads, learning_rate):\n"
        "    parameters['W'] -= learning_rate * grads['dW']\n"
        "    parameters['b'] -= learning_rate * grads['db']\n    return parameters",
        "your function changed its input `parameters` (['W']: entry [0, 0] was",
    ),
    (
        "c1w4-eigenvectors",
        "center_data",
        "def center_data(X):\n    return X - X.mean(axis=1, keepdims=True)",
        "entry [0, 0] differs",
    ),
    (
        "c1w4-eigenvectors",
        "steady_state",
        "def steady_state(P):\n    values, vectors = np.linalg.eig(P)\n"
        "    return vectors[:, 0] / undefined_total",
        "raised NameError: name 'undefined_total' is not defined",
    ),
]


@pytest.mark.parametrize(("assignment_id", "function", "wrong", "feedback"), MISTAKES)
def test_typical_mistakes_get_the_intended_feedback(
    grader: Grader, assignment_id: str, function: str, wrong: str, feedback: str
) -> None:
    result = assert_mistake_gets_the_feedback(grader, assignment_id, function, wrong, feedback)
    dependents = ("solve", "train", "principal_components")  # they call other functions
    others = [t for t in result.tests if t.function not in (function, *dependents)]
    assert all(test.passed for test in others)


def test_exception_shows_only_the_learners_own_lines(grader: Grader) -> None:
    source = with_function(
        "c1w2-linear-systems",
        "determinant",
        "def determinant(A):\n    return np.linalg.det(A[:, :2])",
    )
    result = grader.grade("c1w2-linear-systems", read_python(source.encode()), public_only=True)
    message = next(t for t in result.tests if t.function == "determinant").message
    assert "LinAlgError" in message
    assert "line " in message
    assert "numpy" not in message.split("\n", 1)[1]
    assert "runner" not in message


def test_a_syntax_error_names_the_line(grader: Grader) -> None:
    result = grader.grade(
        "c1w2-linear-systems", read_python(b"import numpy as np\n\ndef augment(A, b)\n    pass\n")
    )
    assert result.score == 0
    assert any("SyntaxError at line 3: def augment(A, b)" in note for note in result.notes)


def test_a_missing_function_is_named(grader: Grader) -> None:
    source = reference("c1w2-linear-systems").replace("def determinant(", "def determinent(")
    result = grader.grade("c1w2-linear-systems", read_python(source.encode()), public_only=True)
    message = next(t for t in result.tests if t.function == "determinant").message
    assert message == "function `determinant` not found in your file (check its name)"


def test_a_notebook_submission_maps_lines_to_cells(grader: Grader, tmp_path: Path) -> None:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# my work"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport numpy as np"),
        nbformat.v4.new_code_cell(
            reference("c1w2-linear-systems")
            .split("import numpy as np")[1]
            .replace(
                "def determinant(A: np.ndarray) -> float:\n",
                "def determinant(A: np.ndarray) -> float:\n    1 / 0\n",
            )
        ),
    ]
    path = tmp_path / "work.ipynb"
    nbformat.write(notebook, path)
    from mlmath.grading.submission import read_submission

    result = grader.grade("c1w2-linear-systems", read_submission(path), public_only=True)
    message = next(t for t in result.tests if t.function == "determinant").message
    assert "ZeroDivisionError" in message
    assert "cell 3, line" in message
    assert sum(t.passed for t in result.tests) == 4
