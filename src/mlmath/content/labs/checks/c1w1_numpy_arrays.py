"""Checks for the lab "Introduction to NumPy Arrays"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_line_y(line_y: object) -> None:
    """``line_y(a, b, c, x)``: the heights of the line ``a·x + b·y = c`` above the points ``x``."""
    check_cases(
        line_y,
        "line_y(a, b, c, x)",
        [
            Case((1, 1, 4, np.array([0.0, 1.0, 4.0])), np.array([4.0, 3.0, 0.0]), "x + y = 4"),
            Case(
                (1, -1, 2, np.array([-2.0, 0.0, 3.5])),
                np.array([-4.0, -2.0, 1.5]),
                "x − y = 2 (a negative b)",
            ),
            Case(
                (2, 5, 3, np.array([0.0, 1.5, 4.0, -1.0])),
                np.array([0.6, 0.0, -1.0, 1.0]),
                "2x + 5y = 3 (b is not 1)",
            ),
            Case((0.5, 2, 1, np.array([2.0])), np.array([0.0]), "a single point"),
        ],
    )


def check_predict(predict: object) -> None:
    """``predict(X, w)``: one prediction per row of ``X``, ``w`` holding a weight per column."""
    flats = np.array([[100, 3], [80, 2]])
    three = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0], [2.5, 0.0, 1.0], [1.0, 1.0, 1.0]])
    check_cases(
        predict,
        "predict(X, w)",
        [
            Case((flats, np.array([3, 10])), np.array([330, 260]), "the lesson's two flats"),
            Case(
                (three, np.array([0.5, -1.0, 2.0])),
                np.array([4.5, 9.0, 3.25, 1.5]),
                "four rows and three features",
            ),
            Case((np.array([[7.0, 1.0]]), np.array([2.0, 3.0])), np.array([17.0]), "one row"),
        ],
    )


def check_det2(det2: object) -> None:
    """``det2(A)``: the determinant ``ad − bc`` of a 2×2 matrix."""
    check_cases(
        det2,
        "det2(A)",
        [
            Case((np.array([[2, 1], [1, 3]]),), 5, "the receipts of the lesson"),
            Case((np.array([[5, 2], [3, 4]]),), 14, "a non-singular matrix"),
            Case((np.array([[2, -1], [-6, 3]]),), 0, "a singular matrix with negative entries"),
            Case((np.array([[0.5, 2.0], [1.5, -4.0]]),), -5.0, "a negative determinant"),
        ],
    )
