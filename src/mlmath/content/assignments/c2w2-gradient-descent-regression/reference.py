"""Reference solution of "Optimization Using Gradient Descent: Linear Regression"."""

from __future__ import annotations

import numpy as np


def normalize(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    scaled: np.ndarray = (x - x.mean()) / x.std()
    return scaled


def predict(m: float, b: float, x: np.ndarray) -> np.ndarray:
    prediction: np.ndarray = m * x + b
    return prediction


def cost(m: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    return float(np.sum((m * x + b - y) ** 2) / (2 * len(x)))


def gradients(m: float, b: float, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    error = m * x + b - y
    return float(np.mean(error * x)), float(np.mean(error))


def gradient_descent(  # noqa: PLR0917 - the signature the learner completes
    x: np.ndarray, y: np.ndarray, m: float, b: float, learning_rate: float, num_iterations: int
) -> tuple[float, float]:
    for _ in range(num_iterations):
        dm, db = gradients(m, b, x, y)
        m, b = m - learning_rate * dm, b - learning_rate * db
    return float(m), float(b)
