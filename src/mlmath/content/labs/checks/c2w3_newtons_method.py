"""Checks for the lab "Optimization Using Newton's Method"."""

from __future__ import annotations

import math

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_newton_step(newton_step: object) -> None:
    """``newton_step(f, df, x)``: ``x − f(x) / f′(x)``."""

    def square_minus_2(x: float) -> float:
        return x**2 - 2

    def square_minus_30(x: float) -> float:
        return x**2 - 30

    def double(x: float) -> float:
        return 2 * x

    check_cases(
        newton_step,
        "newton_step(f, df, x)",
        [
            Case((square_minus_2, double, 1.0), 1.5, "√2, first step", "f(x) = x² − 2, x = 1"),
            Case(
                (square_minus_2, double, 1.5),
                17 / 12,
                "√2, second step",
                "f(x) = x² − 2, x = 1.5",
            ),
            Case((square_minus_30, double, 5.0), 5.5, "√30", "f(x) = x² − 30, x = 5"),
            Case(
                (math.cos, lambda x: -math.sin(x), 1.0),
                1.0 + math.cos(1.0) / math.sin(1.0),
                "a root of cos",
                "f(x) = cos x, f′(x) = −sin x, x = 1",
            ),
        ],
    )


def check_newton_minimize_step(newton_minimize_step: object) -> None:
    """``newton_minimize_step(df, d2f, x)``: ``x − f′(x) / f″(x)``."""
    check_cases(
        newton_minimize_step,
        "newton_minimize_step(df, d2f, x)",
        [
            Case(
                (lambda x: 4 * x**3 - 3, lambda x: 12 * x**2, 1.0),
                11 / 12,
                "the lesson's x⁴ − 3x",
                "f(x) = x⁴ − 3x: f′(x) = 4x³ − 3, f″(x) = 12x², x = 1",
            ),
            Case(
                (lambda x: 10 * x - 5, lambda x: 10.0, -1.0),
                0.5,
                "a parabola: one step to the vertex",
                "f(x) = 5x² − 5x + 1: f′(x) = 10x − 5, f″(x) = 10, x = −1",
            ),
            Case(
                (lambda q: -7 / q + 3 / (1 - q), lambda q: 7 / q**2 + 3 / (1 - q) ** 2, 0.4),
                0.4 - (-7 / 0.4 + 3 / 0.6) / (7 / 0.16 + 3 / 0.36),
                "the coin's log loss",
                "f(p) = −7 ln p − 3 ln(1 − p), p = 0.4",
            ),
            Case(
                (lambda x: 2 * x - 6, lambda x: 2.0, 0.0),
                3.0,
                "x² − 6x + 20",
                "f(x) = x² − 6x + 20: f′(x) = 2x − 6, f″(x) = 2, x = 0",
            ),
        ],
    )


def _cubic_gradient(p: np.ndarray) -> np.ndarray:
    x, y = p
    return np.array([3 * x**2 + 2 * y, 2 * x + 2 * y])


def _cubic_hessian(p: np.ndarray) -> np.ndarray:
    return np.array([[6 * p[0], 2.0], [2.0, 2.0]])


def check_newton_step_2d(newton_step_2d: object) -> None:
    """``newton_step_2d(grad, hess, p)``: ``p − H(p)⁻¹ ∇f(p)``."""
    cubic = "f(x, y) = x³ + 2xy + y²"
    check_cases(
        newton_step_2d,
        "newton_step_2d(grad, hess, p)",
        [
            Case(
                (_cubic_gradient, _cubic_hessian, np.array([1.0, 1.0])),
                np.array([0.75, -0.75]),
                "the lesson's first step",
                f"{cubic}, p = (1, 1)",
            ),
            Case(
                (_cubic_gradient, _cubic_hessian, np.array([0.75, -0.75])),
                np.array([0.675, -0.675]),
                "the lesson's second step",
                f"{cubic}, p = (0.75, −0.75)",
            ),
            Case(
                (
                    lambda p: np.array([10 * p[0] + 2, 4 * p[1] - 2]),
                    lambda p: np.array([[10.0, 0.0], [0.0, 4.0]]),
                    np.array([-1.0, -3.0]),
                ),
                np.array([-0.2, 0.5]),
                "a quadratic: one step to the minimum",
                "f(x, y) = 5x² + 2y² + 2x − 2y + 5, p = (−1, −3)",
            ),
            Case(
                (_cubic_gradient, _cubic_hessian, np.array([0.0, -0.25])),
                np.array([0.0, 0.0]),
                "a start that leads to the saddle",
                f"{cubic}, p = (0, −0.25)",
            ),
        ],
    )
