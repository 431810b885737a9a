"""Checks for the lab "Summary statistics and visualization of data sets"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases

_TIMES = np.array([7.0, 1.0, 3.0, 5.0, 9.0, 12.0])
_BILLS = np.array([5.0, 3.0, 4.0, 3.0, 11.0, 9.0, 12.0, 10.0, 17.0])
_SPEND = np.array([1.0, 2.0, 2.0, 3.0])
_SALES = np.array([1.0, 4.0, 2.0, 3.0])
_ANSCOMBE_X = np.array([10.0, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5])
_ANSCOMBE_Y = np.array([8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68])


def check_quantile(quantile: object) -> None:
    """``quantile(values, q)``: sorted, position ``(n − 1) q``, linear interpolation."""
    check_cases(
        quantile,
        "quantile(values, q)",
        [
            Case((_TIMES, 0.25), 3.5, "the lesson's delivery times, Q1"),
            Case((_TIMES, 0.5), 6.0, "the delivery times, median"),
            Case((_TIMES, 0.75), 8.5, "the delivery times, Q3"),
            Case((_BILLS, 0.25), 4.0, "phone bills, a whole-number position"),
            Case((_BILLS, 0.9), float(np.quantile(_BILLS, 0.9)), "phone bills, 90th percentile"),
            Case((_BILLS, 1.0), 17.0, "q = 1: the largest value"),
        ],
    )


def check_sample_covariance(sample_covariance: object) -> None:
    """``sample_covariance(x, y)``: ``Σ (x − x̄)(y − ȳ) / (n − 1)``."""
    check_cases(
        sample_covariance,
        "sample_covariance(x, y)",
        [
            Case((_SPEND, _SALES), 2 / 3, "the lesson's advertising weeks"),
            Case((_SPEND, -_SALES), -2 / 3, "one falls as the other rises"),
            Case(
                (_ANSCOMBE_X, _ANSCOMBE_Y),
                float(np.cov(_ANSCOMBE_X, _ANSCOMBE_Y)[0, 1]),
                "Anscombe's data set I",
            ),
            Case(
                (np.array([1.0, 2.0, 3.0]), np.array([5.0, 5.0, 5.0])),
                0.0,
                "a constant column",
            ),
        ],
    )


def check_correlation(correlation: object) -> None:
    """``correlation(x, y)``: ``s_xy / (s_x s_y)``."""
    check_cases(
        correlation,
        "correlation(x, y)",
        [
            Case((_SPEND, _SALES), 2 / np.sqrt(10), "the lesson's advertising weeks"),
            Case(
                (np.array([0.0, 1.0, 2.0, 5.0]), np.array([3.0, 1.0, -1.0, -7.0])),
                -1.0,
                "points on a falling line",
            ),
            Case(
                (_ANSCOMBE_X, _ANSCOMBE_Y),
                float(np.corrcoef(_ANSCOMBE_X, _ANSCOMBE_Y)[0, 1]),
                "Anscombe's data set I",
            ),
        ],
    )
