"""Checks for the lab "Vector Operations: Scalar Multiplication, Sum and Dot Product"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, Close, check_cases


def check_norm_l1(norm_l1: object) -> None:
    """``norm_l1(v)``: the sum of the absolute values of the entries."""
    check_cases(
        norm_l1,
        "norm_l1(v)",
        [
            Case((np.array([3.0, 4.0]),), 7.0, "the walk 3 east, 4 north"),
            Case((np.array([2.0, -1.0, 2.0]),), 5.0, "a negative entry"),
            Case((np.array([-6.0, 8.0]),), 14.0, "a negative first entry"),
            Case((np.array([0.5, -0.25, 0.0, 1.0]),), 1.75, "four entries"),
            Case((np.zeros(3),), 0.0, "the zero vector"),
        ],
    )


def check_dot(dot: object) -> None:
    """``dot(u, v)``: the sum of the products of matching entries, one number."""
    check_cases(
        dot,
        "dot(u, v)",
        [
            Case((np.array([2.0, 3.0, 1.0]), np.array([1.0, 2.0, 4.0])), 12.0, "the basket"),
            Case(
                (np.array([-5.0, 1.0, 3.0]), np.array([-3.0, 3.0, -4.0])), 6.0, "negative entries"
            ),
            Case((np.array([1.0, 0.0]), np.array([0.0, 1.0])), 0.0, "perpendicular vectors"),
            Case((np.arange(5.0), np.arange(5.0)), 30.0, "a vector with itself"),
        ],
    )


def check_angle_degrees(angle_degrees: object) -> None:
    """``angle_degrees(u, v)``: the angle between u and v, in degrees (0 to 180)."""
    check_cases(
        angle_degrees,
        "angle_degrees(u, v)",
        [
            Case((np.array([3.0, 1.0]), np.array([1.0, 2.0])), 45.0, "the lesson's example"),
            Case((np.array([2.5, 0.0]), np.array([0.0, -1.0])), 90.0, "perpendicular vectors"),
            Case(
                (np.array([1.0, 2.0, 2.0]), np.array([-2.0, -4.0, -4.0])),
                180.0,
                "opposite directions",
            ),
            Case((np.array([1.0, 1.0]), np.array([3.0, 3.0])), 0.0, "the same direction"),
            Case((np.array([1.0, 0.0]), np.array([-1.0, 1.0])), 135.0, "an obtuse angle"),
        ],
        compare=Close(relative=1e-6, absolute=1e-4, strict_dtype=False),
    )


def check_nearest_row(nearest_row: object) -> None:
    """``nearest_row(X, q)``: the index of the row of X closest to q (L2 distance)."""
    X = np.array([[80.0, 2.0], [100.0, 3.0], [60.0, 1.0], [95.0, 4.0]])
    check_cases(
        nearest_row,
        "nearest_row(X, q)",
        [
            Case((X, np.array([99.0, 3.0])), 1, "a flat close to the second row"),
            Case((X, np.array([0.0, 0.0])), 2, "the origin"),
            Case((X, np.array([90.0, 6.0])), 3, "a flat between two rows"),
            Case((X[:1], np.array([1.0, 1.0])), 0, "a single row"),
        ],
    )
