"""Checks for the lab "Linear Transformations"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases

HALF_ROOT_3 = np.sqrt(3.0) / 2
HALF_ROOT_2 = np.sqrt(2.0) / 2


def check_matrix_from_images(matrix_from_images: object) -> None:
    """``matrix_from_images(image_e1, image_e2)``: the matrix with those images as columns."""
    check_cases(
        matrix_from_images,
        "matrix_from_images(image_e1, image_e2)",
        [
            Case(
                (np.array([0.0, 1.0]), np.array([-1.0, 0.0])),
                np.array([[0.0, -1.0], [1.0, 0.0]]),
                "a quarter turn anticlockwise",
            ),
            Case(
                (np.array([4.0, 1.0]), np.array([2.0, 2.0])),
                np.array([[4.0, 2.0], [1.0, 2.0]]),
                "the lesson's check-yourself",
            ),
            Case(
                (np.array([1.0, 0.0]), np.array([1.0, 1.0])),
                np.array([[1.0, 1.0], [0.0, 1.0]]),
                "a horizontal shear",
            ),
            Case(
                (np.array([1.0, 0.0, 2.0]), np.array([0.0, 1.0, -1.0])),
                np.array([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]]),
                "the plane into space (images with 3 entries)",
            ),
        ],
    )


def check_rotation(rotation: object) -> None:
    """``rotation(degrees)``: the matrix turning the plane anticlockwise by that angle."""
    check_cases(
        rotation,
        "rotation(degrees)",
        [
            Case((90.0,), np.array([[0.0, -1.0], [1.0, 0.0]]), "a quarter turn"),
            Case((30.0,), np.array([[HALF_ROOT_3, -0.5], [0.5, HALF_ROOT_3]]), "30°"),
            Case((0.0,), np.eye(2), "no turn at all"),
            Case((180.0,), -np.eye(2), "a half turn"),
            Case(
                (-45.0,),
                np.array([[HALF_ROOT_2, HALF_ROOT_2], [-HALF_ROOT_2, HALF_ROOT_2]]),
                "−45° (clockwise)",
            ),
        ],
    )


def check_inverse_2x2(inverse_2x2: object) -> None:
    """``inverse_2x2(A)``: the inverse of an invertible 2×2 matrix by the formula."""
    check_cases(
        inverse_2x2,
        "inverse_2x2(A)",
        [
            Case(
                (np.array([[4.0, 7.0], [2.0, 6.0]]),),
                np.array([[0.6, -0.7], [-0.2, 0.4]]),
                "the lesson's example",
            ),
            Case(
                (np.array([[3.0, 1.0], [5.0, 2.0]]),),
                np.array([[2.0, -1.0], [-5.0, 3.0]]),
                "determinant 1",
            ),
            Case(
                (np.array([[0.0, 1.0], [1.0, 0.0]]),),
                np.array([[0.0, 1.0], [1.0, 0.0]]),
                "a swap of the axes",
            ),
            Case(
                (np.array([[1.0, 2.0], [3.0, 4.0]]),),
                np.array([[-2.0, 1.0], [1.5, -0.5]]),
                "a negative determinant",
            ),
        ],
    )
