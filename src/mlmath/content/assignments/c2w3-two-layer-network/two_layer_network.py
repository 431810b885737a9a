"""Programming assignment: Neural Network with Two Layers.

A hidden layer of sigmoid units and one sigmoid output, trained on the log loss.
Conventions: features in rows, examples in columns.
    X: (n_x, m), Y: (1, m), W1: (n_h, n_x), b1: (n_h, 1), W2: (1, n_h), b2: (1, 1)

Check your work while you go:

    mlmath grade c2w3-two-layer-network two_layer_network.py --public

Keep code that reads files or prints under ``if __name__ == "__main__":``.
"""

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-z)), entry by entry."""
    # YOUR CODE HERE
    raise NotImplementedError


def initialize_parameters(n_x: int, n_h: int, seed: int) -> dict[str, np.ndarray]:
    """Use exactly: rng = np.random.default_rng(seed); W1 = rng.normal(size=(n_h, n_x)) * 0.5,
    then W2 = rng.normal(size=(1, n_h)) * 0.5; b1 zeros (n_h, 1), b2 zeros (1, 1).
    Returns {"W1", "b1", "W2", "b2"}."""
    # YOUR CODE HERE
    raise NotImplementedError


def forward_propagation(X: np.ndarray, parameters: dict[str, np.ndarray]):
    """A1 = sigmoid(W1 X + b1), shape (n_h, m); A2 = sigmoid(W2 A1 + b2), shape (1, m).
    Returns (A2, {"A1": A1, "A2": A2})."""
    # YOUR CODE HERE
    raise NotImplementedError


def compute_cost(A2: np.ndarray, Y: np.ndarray) -> float:
    """The mean log loss -(1/m) sum(Y ln A2 + (1 - Y) ln(1 - A2)), as a float."""
    # YOUR CODE HERE
    raise NotImplementedError


def backward_propagation(parameters, cache, X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray]:
    """The gradients {"dW1", "db1", "dW2", "db2"}, each shaped like its parameter.

    dZ2 = A2 - Y; dW2 = dZ2 A1^T / m; db2 = sum(dZ2) / m as (1, 1);
    dZ1 = (W2^T dZ2) * A1 * (1 - A1); dW1 = dZ1 X^T / m; db1 = row sums of dZ1 / m as (n_h, 1).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def update_parameters(parameters, grads, learning_rate: float) -> dict[str, np.ndarray]:
    """One gradient-descent step on every parameter.

    Returns a new dict; the arrays in `parameters` must not change."""
    # YOUR CODE HERE
    raise NotImplementedError


def predict(X: np.ndarray, parameters: dict[str, np.ndarray]) -> np.ndarray:
    """1 where A2 > 0.5, else 0; an integer array of shape (1, m)."""
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    data = np.loadtxt("rings.csv", delimiter=",", skiprows=1)
    X, Y = data[:, :2].T, data[:, 2:].T
    parameters = initialize_parameters(2, 6, seed=0)
    for i in range(5000):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.0)
        if i % 1000 == 0:
            print(i, compute_cost(A2, Y))
    print("accuracy", np.mean(predict(X, parameters) == Y))
