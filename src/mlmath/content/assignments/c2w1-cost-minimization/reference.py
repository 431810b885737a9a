"""Reference solution of "Optimizing Functions of One Variable: Cost Minimization"."""

from __future__ import annotations

import numpy as np


def squared_cost(c: float, x: np.ndarray) -> float:
    return float(np.sum((c - x) ** 2))


def squared_cost_derivative(c: float, x: np.ndarray) -> float:
    return float(2 * np.sum(c - x))


def best_position(x: np.ndarray) -> float:
    return float(np.mean(x))


def log_loss(p: float, y: np.ndarray) -> float:
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


def log_loss_derivative(p: float, y: np.ndarray) -> float:
    return float(-np.sum(y / p - (1 - y) / (1 - p)))


def best_probability(y: np.ndarray) -> float:
    return float(np.mean(y))
