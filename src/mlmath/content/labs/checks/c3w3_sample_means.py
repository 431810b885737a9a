"""Checks for the lab "Sampling data from different distribution and studying the
distribution of sample mean"."""

from __future__ import annotations

import math

import numpy as np

from mlmath.labcheck import Case, check_cases

_HEIGHTS = np.array([168.0, 175.0, 159.0, 181.0, 170.0])
_FOUR = np.array([4.0, 8.0, 6.0, 2.0])
_WAITS = np.array([0.4, 2.9, 1.1, 0.2, 5.3, 1.8, 0.9, 3.6])


def _above(z: float) -> float:
    """1 − Φ(z), the standard normal's area to the right of z."""
    return 0.5 * math.erfc(z / math.sqrt(2))


def check_standard_error(standard_error: object) -> None:
    """``standard_error(x)``: ``s / √n`` with ``s`` dividing by ``n − 1``."""
    check_cases(
        standard_error,
        "standard_error(x)",
        [
            Case((_HEIGHTS,), float(np.std(_HEIGHTS, ddof=1) / np.sqrt(5)), "the lesson's heights"),
            Case((_FOUR,), math.sqrt(20 / 3) / 2, "four measurements"),
            Case((_WAITS,), float(np.std(_WAITS, ddof=1) / np.sqrt(8)), "eight waiting times"),
            Case((np.array([3.0, 3.0, 3.0]),), 0.0, "no spread at all"),
        ],
    )


def check_prob_mean_above(prob_mean_above: object) -> None:
    """``prob_mean_above(mu, sigma, n, a)``: ``1 − Φ((a − μ)/(σ/√n))``."""
    check_cases(
        prob_mean_above,
        "prob_mean_above(mu, sigma, n, a)",
        [
            Case((170, 8, 16, 173), _above(1.5), "the lesson's 16 students"),
            Case((100, 12, 36, 98), _above(-1.0), "36 bags, a threshold below the mean"),
            Case((2.0, 2.0, 50, 2.5), _above(0.5 / (2 / math.sqrt(50))), "50 waiting times"),
            Case((0.9, 0.3, 100, 0.9), 0.5, "a threshold at the mean"),
        ],
    )


def check_sample_variance(sample_variance: object) -> None:
    """``sample_variance(x)``: ``Σ (x − x̄)² / (n − 1)``."""
    check_cases(
        sample_variance,
        "sample_variance(x)",
        [
            Case((_FOUR,), 20 / 3, "the lesson's four measurements"),
            Case((np.array([0.0, 2.0]),), 2.0, "a sample of two"),
            Case((np.array([15.0, 20.0, 8.0]),), 109 / 3, "three values"),
            Case((np.array([5.0, 5.0, 5.0, 5.0]),), 0.0, "all values equal"),
        ],
    )
