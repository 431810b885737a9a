"""Reference solution of "Neural Network with Two Layers"."""

from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1 / (1 + np.exp(-z))
    return result


def initialize_parameters(n_x: int, n_h: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(size=(n_h, n_x)) * 0.5,
        "b1": np.zeros((n_h, 1)),
        "W2": rng.normal(size=(1, n_h)) * 0.5,
        "b2": np.zeros((1, 1)),
    }


def forward_propagation(
    X: np.ndarray, parameters: dict[str, np.ndarray]
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    A1 = sigmoid(parameters["W1"] @ X + parameters["b1"])
    A2 = sigmoid(parameters["W2"] @ A1 + parameters["b2"])
    return A2, {"A1": A1, "A2": A2}


def compute_cost(A2: np.ndarray, Y: np.ndarray) -> float:
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


def backward_propagation(
    parameters: dict[str, np.ndarray], cache: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray
) -> dict[str, np.ndarray]:
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = (parameters["W2"].T @ dZ2) * A1 * (1 - A1)
    return {
        "dW1": dZ1 @ X.T / m,
        "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
        "dW2": dZ2 @ A1.T / m,
        "db2": np.sum(dZ2, axis=1, keepdims=True) / m,
    }


def update_parameters(
    parameters: dict[str, np.ndarray], grads: dict[str, np.ndarray], learning_rate: float
) -> dict[str, np.ndarray]:
    return {name: parameters[name] - learning_rate * grads["d" + name] for name in parameters}


def predict(X: np.ndarray, parameters: dict[str, np.ndarray]) -> np.ndarray:
    A2, _ = forward_propagation(X, parameters)
    labels: np.ndarray = (A2 > 0.5).astype(int)
    return labels
