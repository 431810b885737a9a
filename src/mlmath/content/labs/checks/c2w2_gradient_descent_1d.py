"""Checks for the lab "Optimization Using Gradient Descent in One Variable"."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mlmath.labcheck import Case, check_cases

Slope = Callable[[float], float]


def _walk(fprime: Slope, x0: float, rate: float, steps: int) -> np.ndarray:
    points = [x0]
    for _ in range(steps):
        points.append(points[-1] - rate * fprime(points[-1]))
    return np.array(points)


def _parabola_slope(x: float) -> float:
    return 2 * x - 4


def _two_valleys(x: float) -> float:
    return x**4 - 3 * x**2 + x


def _two_valleys_slope(x: float) -> float:
    return 4 * x**3 - 6 * x + 1


def _mirrored(x: float) -> float:
    return x**4 - 3 * x**2 - x


def _mirrored_slope(x: float) -> float:
    return 4 * x**3 - 6 * x - 1


def check_descend(descend: object) -> None:
    """``descend(fprime, x0, learning_rate, steps)``: x0 and every point after it."""
    check_cases(
        descend,
        "descend(fprime, x0, learning_rate, steps)",
        [
            Case(
                (_parabola_slope, 0.0, 0.25, 3),
                np.array([0.0, 1.0, 1.5, 1.75]),
                "the lesson's walk",
                shown="fprime(x) = 2x − 4, x0 = 0, learning_rate = 0.25, steps = 3",
            ),
            Case(
                (_parabola_slope, 0.0, 1.5, 3),
                np.array([0.0, 6.0, -6.0, 18.0]),
                "a learning rate that is too large",
                shown="fprime(x) = 2x − 4, x0 = 0, learning_rate = 1.5, steps = 3",
            ),
            Case(
                (_two_valleys_slope, 0.5, 0.05, 4),
                _walk(_two_valleys_slope, 0.5, 0.05, 4),
                "two valleys",
                shown="fprime(x) = 4x³ − 6x + 1, x0 = 0.5, learning_rate = 0.05, steps = 4",
            ),
            Case(
                (_parabola_slope, 3.0, 0.1, 0),
                np.array([3.0]),
                "no steps at all",
                shown="fprime(x) = 2x − 4, x0 = 3, learning_rate = 0.1, steps = 0",
            ),
        ],
    )


def check_loss_slope(loss_slope: object) -> None:
    """``loss_slope(w, x, y)``: the derivative in w of the mean of (w·x − y)²."""
    check_cases(
        loss_slope,
        "loss_slope(w, x, y)",
        [
            Case((0.0, np.array([1.0, 2.0]), np.array([2.0, 4.0])), -10.0, "two points, w = 0"),
            Case((2.0, np.array([1.0, 2.0]), np.array([2.0, 4.0])), 0.0, "the best w"),
            Case(
                (1.0, np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 1.0])),
                16.0 / 3.0,
                "three points, w too large",
            ),
            Case(
                (-0.5, np.array([0.5, -1.0, 2.0, 1.5]), np.array([1.0, 0.0, 2.0, -1.0])),
                2
                * np.mean(
                    (-0.5 * np.array([0.5, -1.0, 2.0, 1.5]) - [1.0, 0.0, 2.0, -1.0])
                    * [0.5, -1.0, 2.0, 1.5]
                ),
                "four points with negative x",
            ),
        ],
    )


def check_best_start(best_start: object) -> None:
    """``best_start(f, fprime, starts, learning_rate, steps)``: the lowest end point."""

    def lowest(f: Callable[[float], float], fprime: Slope, starts: list[float]) -> float:
        ends = [_walk(fprime, x0, 0.05, 200)[-1] for x0 in starts]
        return float(min(ends, key=f))

    check_cases(
        best_start,
        "best_start(f, fprime, starts, learning_rate, steps)",
        [
            Case(
                (_two_valleys, _two_valleys_slope, [0.5, 0.0], 0.05, 200),
                lowest(_two_valleys, _two_valleys_slope, [0.5, 0.0]),
                "the lesson's two valleys",
                shown="f(x) = x⁴ − 3x² + x, starts = [0.5, 0.0], learning_rate = 0.05, steps = 200",
            ),
            Case(
                (_mirrored, _mirrored_slope, [-0.5, 0.0, 2.0], 0.05, 200),
                lowest(_mirrored, _mirrored_slope, [-0.5, 0.0, 2.0]),
                "the mirrored valleys",
                shown=(
                    "f(x) = x⁴ − 3x² − x, starts = [-0.5, 0.0, 2.0], "
                    "learning_rate = 0.05, steps = 200"
                ),
            ),
            Case(
                (_two_valleys, _two_valleys_slope, [1.5], 0.05, 200),
                lowest(_two_valleys, _two_valleys_slope, [1.5]),
                "a single start",
                shown="f(x) = x⁴ − 3x² + x, starts = [1.5], learning_rate = 0.05, steps = 200",
            ),
        ],
    )
