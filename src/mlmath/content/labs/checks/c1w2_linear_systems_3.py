"""Checks for the lab "Solving Linear Systems: 3 variables"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases

LESSON = np.array([[1.0, 1.0, 1.0, 6.0], [2.0, 3.0, 1.0, 11.0], [1.0, -1.0, 2.0, 5.0]])
LESSON_STAIRCASE = np.array([[1.0, 1.0, 1.0, 6.0], [0.0, 1.0, -1.0, -1.0], [0.0, 0.0, -1.0, -3.0]])
TWO = np.array([[2.0, 3.0, 12.0], [4.0, -1.0, 10.0]])
TWO_STAIRCASE = np.array([[2.0, 3.0, 12.0], [0.0, -7.0, -14.0]])
FOUR = np.array(
    [
        [2.0, 1.0, -1.0, 3.0, 2.0],
        [4.0, 3.0, 1.0, 7.0, 10.0],
        [-2.0, 1.0, 4.0, 0.0, 5.0],
        [6.0, 4.0, 3.0, 11.0, 19.0],
    ]
)
FOUR_STAIRCASE = np.array(
    [
        [2.0, 1.0, -1.0, 3.0, 2.0],
        [0.0, 1.0, 3.0, 1.0, 6.0],
        [0.0, 0.0, -3.0, 1.0, -5.0],
        [0.0, 0.0, 0.0, 2.0, 2.0],
    ]
)


def check_forward_eliminate(forward_eliminate: object) -> None:
    """``forward_eliminate(M)``: the staircase of an augmented matrix (no swaps, no scaling)."""
    check_cases(
        forward_eliminate,
        "forward_eliminate(M)",
        [
            Case((LESSON,), LESSON_STAIRCASE, "the lesson's 3×3 system"),
            Case((TWO,), TWO_STAIRCASE, "a 2×2 system"),
            Case((FOUR,), FOUR_STAIRCASE, "a 4×4 system"),
        ],
    )


def check_back_substitute(back_substitute: object) -> None:
    """``back_substitute(U)``: the solution of a staircase (upper-triangular) system."""
    check_cases(
        back_substitute,
        "back_substitute(U)",
        [
            Case((LESSON_STAIRCASE,), np.array([1.0, 2.0, 3.0]), "the lesson's staircase"),
            Case((TWO_STAIRCASE,), np.array([3.0, 2.0]), "a 2×2 staircase"),
            Case((FOUR_STAIRCASE,), np.array([1.0, -1.0, 2.0, 1.0]), "a 4×4 staircase"),
            Case((np.array([[4.0, 2.0]]),), np.array([0.5]), "one equation, 4x = 2"),
        ],
    )


def check_det_by_elimination(det_by_elimination: object) -> None:
    """``det_by_elimination(A)``: the determinant from a staircase, swapping rows when needed."""
    check_cases(
        det_by_elimination,
        "det_by_elimination(A)",
        [
            Case(
                (np.array([[2.0, 4.0, 2.0], [1.0, 3.0, 2.0], [1.0, 1.0, 3.0]]),),
                6.0,
                "the lesson's example",
            ),
            Case((FOUR[:, :4],), -12.0, "a 4×4 matrix"),
            Case((np.array([[0.0, 1.0], [1.0, 0.0]]),), -1.0, "a 0 pivot: one swap needed"),
            Case(
                (np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 1.0], [2.0, 0.0, 3.0]]),),
                -4.0,
                "a 0 pivot in a 3×3",
            ),
            Case(
                (np.array([[1.0, 1.0, 1.0], [2.0, 3.0, 1.0], [3.0, 4.0, 2.0]]),),
                0.0,
                "a singular matrix",
            ),
            Case((np.array([[5.0]]),), 5.0, "a 1×1 matrix"),
        ],
    )
