"""Programming assignment: Optimization Using Gradient Descent: Linear Regression.

Fit y ≈ m x + b by gradient descent on J(m, b) = sum((m x + b - y)**2) / (2 n).
Check your work while you go:

    mlmath grade c2w2-gradient-descent-regression gradient_descent_regression.py --public

Keep code that reads files or prints under ``if __name__ == "__main__":``.
"""

import numpy as np


def normalize(x: np.ndarray) -> np.ndarray:
    """(x - mean) / standard deviation (population, ddof=0). Returns a new array."""
    # YOUR CODE HERE
    raise NotImplementedError


def predict(m: float, b: float, x: np.ndarray) -> np.ndarray:
    """The line's predictions m * x + b, an array shaped like x."""
    # YOUR CODE HERE
    raise NotImplementedError


def cost(m: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """J(m, b) = sum((m x + b - y)**2) / (2 n), as a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def gradients(m: float, b: float, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(dJ/dm, dJ/db) = (mean((m x + b - y) * x), mean(m x + b - y)), two floats."""
    # YOUR CODE HERE
    raise NotImplementedError


def gradient_descent(  # noqa: PLR0917 - the signature the learner completes
    x: np.ndarray, y: np.ndarray, m: float, b: float, learning_rate: float, num_iterations: int
) -> tuple[float, float]:
    """Start at (m, b); take num_iterations steps against the gradient. Returns (m, b)."""
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    data = np.loadtxt("advertising.csv", delimiter=",", skiprows=1)
    x, y = normalize(data[:, 0]), normalize(data[:, 1])
    m, b = gradient_descent(x, y, 0.0, 0.0, learning_rate=0.5, num_iterations=50)
    print("m =", m, "b =", b, "cost =", cost(m, b, x, y))
