"""Reference solution of "Single Perceptron Neural Networks for Linear Regression"."""

from __future__ import annotations

import numpy as np


def normalize(X: np.ndarray) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    scaled: np.ndarray = (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
    return scaled


def initialize_parameters(n_x: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {"W": rng.normal(size=(1, n_x)) * 0.01, "b": np.zeros((1, 1))}


def forward_propagation(X: np.ndarray, parameters: dict[str, np.ndarray]) -> np.ndarray:
    prediction: np.ndarray = parameters["W"] @ X + parameters["b"]
    return prediction


def compute_cost(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    m = Y.shape[1]
    return float(np.sum((Y_hat - Y) ** 2) / (2 * m))


def backward_propagation(Y_hat: np.ndarray, X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray]:
    m = X.shape[1]
    dZ = Y_hat - Y
    return {"dW": dZ @ X.T / m, "db": np.sum(dZ, axis=1, keepdims=True) / m}


def update_parameters(
    parameters: dict[str, np.ndarray], grads: dict[str, np.ndarray], learning_rate: float
) -> dict[str, np.ndarray]:
    return {
        "W": parameters["W"] - learning_rate * grads["dW"],
        "b": parameters["b"] - learning_rate * grads["db"],
    }


def train(
    X: np.ndarray, Y: np.ndarray, num_iterations: int, learning_rate: float, seed: int
) -> dict[str, np.ndarray]:
    parameters = initialize_parameters(X.shape[0], seed)
    for _ in range(num_iterations):
        Y_hat = forward_propagation(X, parameters)
        grads = backward_propagation(Y_hat, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters
