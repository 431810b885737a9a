"""Checks for the lab "Matrix Multiplication"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_matmul(matmul: object) -> None:
    """``matmul(A, B)``: the matrix product, entry (i, j) = row i of A · column j of B."""
    check_cases(
        matmul,
        "matmul(A, B)",
        [
            Case(
                (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[2.0, 0.0], [1.0, 3.0]])),
                np.array([[4.0, 6.0], [10.0, 12.0]]),
                "the lesson's 2×2 product",
            ),
            Case(
                (
                    np.array([[1.0, 0.0, 2.0], [-1.0, 3.0, 1.0]]),
                    np.array([[3.0, 1.0], [2.0, 1.0], [1.0, 0.0]]),
                ),
                np.array([[5.0, 1.0], [4.0, 2.0]]),
                "a 2×3 times a 3×2",
            ),
            Case(
                (np.array([[1.0], [2.0], [3.0]]), np.array([[4.0, 5.0]])),
                np.array([[4.0, 5.0], [8.0, 10.0], [12.0, 15.0]]),
                "a column times a row (3×1 times 1×2)",
            ),
            Case(
                (np.array([[1.0, 2.0, 3.0]]), np.array([[4.0], [5.0], [6.0]])),
                np.array([[32.0]]),
                "a row times a column (1×3 times 3×1)",
            ),
        ],
    )


def check_compose(compose: object) -> None:
    """``compose(first, second)``: the one matrix that applies ``first``, then ``second``."""
    rotate = np.array([[0.0, -1.0], [1.0, 0.0]])
    stretch = np.array([[2.0, 0.0], [0.0, 1.0]])
    shear = np.array([[1.0, 1.0], [0.0, 1.0]])
    mirror = np.array([[1.0, 0.0], [0.0, -1.0]])
    lift = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]])  # the plane into space
    flatten = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])  # space onto the plane
    check_cases(
        compose,
        "compose(first, second)",
        [
            Case(
                (rotate, stretch),
                np.array([[0.0, -2.0], [1.0, 0.0]]),
                "rotate, then stretch x by 2",
            ),
            Case((shear, mirror), np.array([[1.0, 1.0], [0.0, -1.0]]), "shear, then mirror"),
            Case((lift, flatten), np.array([[3.0, -1.0], [2.0, 0.0]]), "2 → 3 → 2 dimensions"),
        ],
    )


def check_layer(layer: object) -> None:
    """``layer(W, b, x)``: a ReLU layer, ``max(0, W x + b)`` entry by entry."""
    check_cases(
        layer,
        "layer(W, b, x)",
        [
            Case(
                (np.array([[1.0, -1.0], [2.0, 0.0]]), np.array([0.0, -7.0]), np.array([3.0, 1.0])),
                np.array([2.0, 0.0]),
                "the lesson's layer",
            ),
            Case(
                (
                    np.array([[-5.0, 1.0], [3.0, -3.0]]),
                    np.array([-5.0, 2.0]),
                    np.array([3.0, -4.0]),
                ),
                np.array([0.0, 23.0]),
                "the first neuron stays quiet",
            ),
            Case(
                (
                    np.array([[1.0, 1.0], [1.0, -1.0], [-2.0, 0.5]]),
                    np.array([0.5, 0.0, 1.0]),
                    np.array([2.0, 4.0]),
                ),
                np.array([6.5, 0.0, 0.0]),
                "three neurons",
            ),
            Case(
                (np.array([[5.0, 1.0]]), np.array([4.0]), np.array([3.0, 2.0])),
                np.array([21.0]),
                "one neuron",
            ),
        ],
    )
