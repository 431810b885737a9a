"""Checks for the lab "Solving Linear Systems: 2 variables"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_add_multiple(add_multiple: object) -> None:
    """``add_multiple(M, source, target, k)``: row ``target`` plus ``k`` times row ``source``."""
    receipts = np.array([[2.0, 1.0, 8.0], [1.0, 3.0, 9.0]])
    three = np.array([[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, -1.0, 2.0], [4.0, 0.0, 1.0, -1.0]])
    check_cases(
        add_multiple,
        "add_multiple(M, source, target, k)",
        [
            Case(
                (receipts, 0, 1, -0.5),
                np.array([[2.0, 1.0, 8.0], [0.0, 2.5, 5.0]]),
                "the receipts, R2 ← R2 − ½·R1",
            ),
            Case(
                (three, 2, 0, 2.0),
                np.array([[9.0, 2.0, 5.0, 2.0], [0.0, 1.0, -1.0, 2.0], [4.0, 0.0, 1.0, -1.0]]),
                "three rows, R1 ← R1 + 2·R3",
            ),
            Case((receipts, 1, 0, 0.0), receipts.copy(), "k = 0 (nothing changes)"),
        ],
    )


def check_solve_2x2(solve_2x2: object) -> None:
    """``solve_2x2(M)``: the solution ``[x, y]`` of the system with augmented matrix ``M``."""
    check_cases(
        solve_2x2,
        "solve_2x2(M)",
        [
            Case(
                (np.array([[2.0, 1.0, 8.0], [1.0, 3.0, 9.0]]),),
                np.array([3.0, 2.0]),
                "the receipts",
            ),
            Case(
                (np.array([[1.0, 1.0, 4.0], [1.0, -1.0, 2.0]]),),
                np.array([3.0, 1.0]),
                "x + y = 4, x − y = 2",
            ),
            Case(
                (np.array([[5.0, 2.0, 1.0], [3.0, 4.0, -5.0]]),),
                np.array([1.0, -2.0]),
                "a negative solution",
            ),
            Case(
                (np.array([[0.5, 1.0, 2.0], [1.0, 0.0, 1.0]]),),
                np.array([1.0, 1.5]),
                "a 0 in row 2",
            ),
        ],
    )


def check_classify(classify: object) -> None:
    """``classify(A, b)``: ``"one solution"``, ``"infinitely many"`` or ``"no solution"``."""
    singular = np.array([[1.0, 2.0], [2.0, 4.0]])
    zero = np.zeros((2, 2))
    check_cases(
        classify,
        "classify(A, b)",
        [
            Case(
                (np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([8.0, 9.0])),
                "one solution",
                "the receipts",
            ),
            Case((singular, np.array([3.0, 6.0])), "infinitely many", "the same line twice"),
            Case((singular, np.array([3.0, 5.0])), "no solution", "two parallel lines"),
            Case(
                (np.array([[2.0, -1.0], [-6.0, 3.0]]), np.array([1.0, -3.0])),
                "infinitely many",
                "negative multiples",
            ),
            Case((zero, np.array([0.0, 0.0])), "infinitely many", "0 = 0 twice"),
            Case((zero, np.array([0.0, 1.0])), "no solution", "0 = 1"),
        ],
    )
