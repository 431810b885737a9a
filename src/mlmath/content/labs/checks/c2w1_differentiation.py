"""Checks for the lab "Differentiation in Python: Symbolic, Numerical and Automatic"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_average_speeds(average_speeds: object) -> None:
    """``average_speeds(t, d)``: the average speed between each pair of consecutive readings."""
    check_cases(
        average_speeds,
        "average_speeds(t, d)",
        [
            Case(
                (np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([0.0, 50.0, 120.0, 170.0, 260.0])),
                np.array([50.0, 70.0, 50.0, 90.0]),
                "the lesson's trip meter",
            ),
            Case(
                (np.array([0.0, 0.5, 2.0]), np.array([0.0, 20.0, 80.0])),
                np.array([40.0, 40.0]),
                "readings at uneven times",
            ),
            Case((np.array([1.0, 3.0]), np.array([50.0, 170.0])), np.array([60.0]), "two readings"),
        ],
    )


def _central(f: object, x: float, h: float) -> float:
    assert callable(f)
    return float((f(x + h) - f(x - h)) / (2 * h))


def check_central_difference(central_difference: object) -> None:
    """``central_difference(f, x, h)``: the slope of the secant from x − h to x + h."""

    def square5(t: float) -> float:
        return 5 * t**2

    def cube(t: float) -> float:
        return t**3

    def reciprocal(t: float) -> float:
        return 1 / t

    check_cases(
        central_difference,
        "central_difference(f, x, h)",
        [
            Case((square5, 2.0, 0.1), 20.0, "the car", shown="f(x) = 5x², x = 2, h = 0.1"),
            Case((cube, 1.0, 0.1), _central(cube, 1.0, 0.1), shown="f(x) = x³, x = 1, h = 0.1"),
            Case(
                (np.exp, 0.0, 1e-3),
                _central(np.exp, 0.0, 1e-3),
                shown="f = np.exp, x = 0, h = 0.001",
            ),
            Case(
                (reciprocal, 2.0, 0.5),
                _central(reciprocal, 2.0, 0.5),
                shown="f(x) = 1/x, x = 2, h = 0.5",
            ),
        ],
    )


def check_sigmoid_slope(sigmoid_slope: object) -> None:
    """``sigmoid_slope(z)``: the derivative of 1 / (1 + e^(−z)), entry by entry."""

    def slope(z: np.ndarray) -> np.ndarray:
        e = np.exp(-z)
        return np.asarray(e / (1 + e) ** 2)

    check_cases(
        sigmoid_slope,
        "sigmoid_slope(z)",
        [
            Case((np.array([0.0]),), np.array([0.25]), "the middle, z = 0"),
            Case(
                (np.array([-2.0, 0.0, 3.0]),),
                slope(np.array([-2.0, 0.0, 3.0])),
                "negative and positive z",
            ),
            Case(
                (np.array([20.0, -20.0]),),
                slope(np.array([20.0, -20.0])),
                "far out, where it is flat",
            ),
        ],
    )
