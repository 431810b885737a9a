"""Programming assignment: Single Perceptron Neural Networks for Linear Regression.

A perceptron with no activation computes Y_hat = W X + b. Trained by gradient
descent on the squared error, it *is* linear regression. Complete the seven
functions below; each docstring gives the shapes.

Conventions: features in rows, examples in columns.
    X: shape (n_x, m)  — n_x features of m examples
    Y: shape (1, m)    — the targets
    W: shape (1, n_x), b: shape (1, 1)

Check your work while you go:

    mlmath grade c1w3-perceptron-regression perceptron_regression.py --public

Keep code that reads files or prints under ``if __name__ == "__main__":``.
"""

import numpy as np


def normalize(X: np.ndarray) -> np.ndarray:
    """Scale each feature (each row of X) to mean 0 and standard deviation 1.

    X: array of shape (n_x, m). Returns a new array of the same shape.
    Use the population standard deviation (NumPy's default, ddof=0).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def initialize_parameters(n_x: int, seed: int) -> dict[str, np.ndarray]:
    """Small random weights and a zero bias.

    Use exactly: rng = np.random.default_rng(seed); W = rng.normal(size=(1, n_x)) * 0.01.
    Returns {"W": array of shape (1, n_x), "b": zeros of shape (1, 1)}.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def forward_propagation(X: np.ndarray, parameters: dict[str, np.ndarray]) -> np.ndarray:
    """The perceptron's prediction Y_hat = W X + b, of shape (1, m)."""
    # YOUR CODE HERE
    raise NotImplementedError


def compute_cost(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    """Half the mean squared error: sum((Y_hat - Y)**2) / (2 m). Returns a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def backward_propagation(Y_hat: np.ndarray, X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray]:
    """Gradients of the cost with respect to W and b.

    dW = (Y_hat - Y) X^T / m, shape (1, n_x); db = the mean of (Y_hat - Y), shape (1, 1).
    Returns {"dW": ..., "db": ...}.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def update_parameters(
    parameters: dict[str, np.ndarray], grads: dict[str, np.ndarray], learning_rate: float
) -> dict[str, np.ndarray]:
    """One gradient-descent step: W - learning_rate * dW, b - learning_rate * db.

    Returns a new dict {"W": ..., "b": ...}; the arrays in `parameters` must not change.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def train(
    X: np.ndarray, Y: np.ndarray, num_iterations: int, learning_rate: float, seed: int
) -> dict[str, np.ndarray]:
    """Initialise with `seed`, then repeat forward, backward, update `num_iterations` times.

    Returns the final parameters {"W": ..., "b": ...}.
    """
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    data = np.loadtxt("apartments.csv", delimiter=",", skiprows=1)
    X = normalize(data[:, :2].T)
    Y = data[:, 2].reshape(1, -1)
    Y_norm = (Y - Y.mean()) / Y.std()
    parameters = train(X, Y_norm, num_iterations=100, learning_rate=0.5, seed=0)
    print("W =", parameters["W"], "b =", parameters["b"])
    print("cost =", compute_cost(forward_propagation(X, parameters), Y_norm))
