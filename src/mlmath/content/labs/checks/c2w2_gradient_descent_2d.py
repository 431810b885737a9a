"""Checks for the lab "Optimization Using Gradient Descent in Two Variables"."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mlmath.labcheck import Case, check_cases

Gradient = Callable[[np.ndarray], np.ndarray]


def _bowl_gradient(p: np.ndarray) -> np.ndarray:
    return np.array([2 * p[0], 4 * p[1]])


def _tilted_gradient(p: np.ndarray) -> np.ndarray:
    """Of f(x, y) = x² + xy + y²: each partial derivative involves both coordinates."""
    return np.array([2 * p[0] + p[1], p[0] + 2 * p[1]])


def _walk(gradient: Gradient, start: np.ndarray, rate: float, steps: int) -> np.ndarray:
    points = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        points.append(points[-1] - rate * gradient(points[-1]))
    return np.array(points)


def check_descend_2d(descend_2d: object) -> None:
    """``descend_2d(gradient, start, learning_rate, steps)``: every point, one per row."""
    check_cases(
        descend_2d,
        "descend_2d(gradient, start, learning_rate, steps)",
        [
            Case(
                (_bowl_gradient, np.array([2.0, 1.0]), 0.1, 2),
                np.array([[2.0, 1.0], [1.6, 0.6], [1.28, 0.36]]),
                "the lesson's walk",
                shown="gradient(p) = (2x, 4y), start = (2, 1), learning_rate = 0.1, steps = 2",
            ),
            Case(
                (_tilted_gradient, np.array([1.0, -2.0]), 0.2, 3),
                _walk(_tilted_gradient, np.array([1.0, -2.0]), 0.2, 3),
                "a bowl whose partial derivatives mix x and y",
                shown=(
                    "gradient(p) = (2x + y, x + 2y), start = (1, −2), "
                    "learning_rate = 0.2, steps = 3"
                ),
            ),
            Case(
                (_bowl_gradient, np.array([0.5, 0.5]), 0.1, 0),
                np.array([[0.5, 0.5]]),
                "no steps",
                shown="gradient(p) = (2x, 4y), start = (0.5, 0.5), learning_rate = 0.1, steps = 0",
            ),
        ],
    )


def check_numerical_gradient(numerical_gradient: object) -> None:
    """``numerical_gradient(f, p, h)``: a central difference in each coordinate separately."""

    def bowl(p: np.ndarray) -> float:
        return float(p[0] ** 2 + 2 * p[1] ** 2)

    def mixed(p: np.ndarray) -> float:
        return float(p[0] ** 2 * p[1] + np.exp(p[1]))

    def expected(f: Callable[[np.ndarray], float], p: np.ndarray, h: float) -> np.ndarray:
        unit = np.eye(len(p))
        return np.array([(f(p + h * e) - f(p - h * e)) / (2 * h) for e in unit])

    check_cases(
        numerical_gradient,
        "numerical_gradient(f, p, h)",
        [
            Case(
                (bowl, np.array([2.0, 1.0]), 1e-4),
                np.array([4.0, 4.0]),
                "the lesson's bowl",
                shown="f(x, y) = x² + 2y², p = (2, 1), h = 0.0001",
            ),
            Case(
                (mixed, np.array([1.0, 0.5]), 1e-3),
                expected(mixed, np.array([1.0, 0.5]), 1e-3),
                "a function mixing x and y",
                shown="f(x, y) = x²y + e^y, p = (1, 0.5), h = 0.001",
            ),
            Case(
                (bowl, np.array([-1.0, 3.0]), 0.5),
                np.array([-2.0, 12.0]),
                "a large step h",
                shown="f(x, y) = x² + 2y², p = (−1, 3), h = 0.5",
            ),
        ],
    )


def check_mse_gradient(mse_gradient: object) -> None:
    """``mse_gradient(m, b, x, y)``: (∂L/∂m, ∂L/∂b) for L = mean((m·x + b − y)²)."""
    x3 = np.array([0.5, -1.0, 2.0])
    y3 = np.array([1.0, 0.0, 3.0])
    error = 0.5 * x3 + 1.0 - y3
    check_cases(
        mse_gradient,
        "mse_gradient(m, b, x, y)",
        [
            Case(
                (0.0, 0.0, np.array([1.0, 2.0]), np.array([2.0, 4.0])),
                np.array([-10.0, -6.0]),
                "the lesson's two points",
            ),
            Case(
                (2.0, 0.0, np.array([1.0, 2.0]), np.array([2.0, 4.0])),
                np.array([0.0, 0.0]),
                "the best line",
            ),
            Case(
                (0.5, 1.0, x3, y3),
                np.array([2 * np.mean(error * x3), 2 * np.mean(error)]),
                "three points",
            ),
        ],
    )
