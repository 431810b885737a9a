"""Checks for the lab "Simulating Dice Rolls with Numpy"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def _sum_by_counting(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """P(sum = 2 … 12) by listing all 36 pairs of faces."""
    out = np.zeros(11)
    for i in range(6):
        for j in range(6):
            out[i + j] += p[i] * q[j]
    return out


def check_sum_pmf(sum_pmf: object) -> None:
    """``sum_pmf(p, q)``: ``P(S = s) = Σ_{i+j=s} p_i q_j`` for s = 2 … 12."""
    fair = np.full(6, 1 / 6)
    loaded = np.array([0.14, 0.14, 0.14, 0.14, 0.14, 0.30])
    odd = np.array([0.5, 0.0, 0.0, 0.0, 0.0, 0.5])
    check_cases(
        sum_pmf,
        "sum_pmf(p, q)",
        [
            Case((fair, fair), np.array([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1]) / 36, "two fair dice"),
            Case((loaded, fair), _sum_by_counting(loaded, fair), "a loaded six and a fair die"),
            Case(
                (odd, odd),
                np.array([0.25, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0.25]),
                "dice showing only 1 or 6",
            ),
            Case((fair, loaded), _sum_by_counting(fair, loaded), "the loaded die second"),
        ],
    )


def check_marginals(marginals: object) -> None:
    """``marginals(joint)``: ``(row totals, column totals)``."""
    households = np.array([[0.15, 0.10, 0.05], [0.05, 0.25, 0.10], [0.05, 0.10, 0.15]])
    wide = np.array([[0.1, 0.2, 0.0, 0.1], [0.3, 0.0, 0.2, 0.1]])
    check_cases(
        marginals,
        "marginals(joint)",
        [
            Case(
                (households,),
                (np.array([0.30, 0.40, 0.30]), np.array([0.25, 0.45, 0.30])),
                "the lesson's children and cars",
            ),
            Case(
                (wide,),
                (np.array([0.4, 0.6]), np.array([0.4, 0.2, 0.2, 0.2])),
                "a 2×4 table",
            ),
            Case(
                (np.full((2, 2), 0.25),),
                (np.array([0.5, 0.5]), np.array([0.5, 0.5])),
                "two fair coins",
            ),
        ],
    )


def check_covariance_from_joint(covariance_from_joint: object) -> None:
    """``covariance_from_joint(joint, x_values, y_values)``: ``E[XY] − E[X] E[Y]``."""
    households = np.array([[0.15, 0.10, 0.05], [0.05, 0.25, 0.10], [0.05, 0.10, 0.15]])
    values = np.array([0, 1, 2])
    e_x = 0 * 0.30 + 1 * 0.40 + 2 * 0.30
    e_y = 0 * 0.25 + 1 * 0.45 + 2 * 0.30
    e_xy = 1 * 0.25 + 2 * 0.10 + 2 * 0.10 + 4 * 0.15
    check_cases(
        covariance_from_joint,
        "covariance_from_joint(joint, x_values, y_values)",
        [
            Case(
                (np.array([[0.4, 0.1], [0.1, 0.4]]), np.array([0, 1]), np.array([0, 1])),
                0.15,
                "the lesson's clicks and purchases",
            ),
            Case((households, values, values), e_xy - e_x * e_y, "children and cars"),
            Case(
                (np.full((2, 2), 0.25), np.array([1, 2]), np.array([10, 20])),
                0.0,
                "independent variables",
            ),
            Case(
                (np.array([[0.0, 0.5], [0.5, 0.0]]), np.array([-1, 1]), np.array([-1, 1])),
                -1.0,
                "opposite signs: perfectly negative",
            ),
        ],
    )
