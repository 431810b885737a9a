"""Checks for the lab "Regression with Perceptron"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_predict(predict: object) -> None:
    """``predict(X, w, b)``: ``X @ w + b``, one prediction per row of ``X``."""
    three = np.array([[1.0, 2.0], [0.5, 3.0], [1.2, 4.0]])
    check_cases(
        predict,
        "predict(X, w, b)",
        [
            Case(
                (np.array([[2.0, 1.0]]), np.array([1.0, 1.0]), 0.0),
                np.array([3.0]),
                "the lesson's house",
            ),
            Case(
                (three, np.array([300.0, 15.0]), -5.0),
                np.array([325.0, 190.0, 415.0]),
                "three flats and a negative bias",
            ),
            Case(
                (np.array([[0.8], [1.0], [1.3]]), np.array([2.0]), 0.5),
                np.array([2.1, 2.5, 3.1]),
                "one feature (a single column)",
            ),
        ],
    )


def check_cost(cost: object) -> None:
    """``cost(y_hat, y)``: the mean of ``(y_hat − y)² / 2``."""
    check_cases(
        cost,
        "cost(y_hat, y)",
        [
            Case((np.array([3.0]), np.array([5.0])), 2.0, "the lesson's house before the step"),
            Case((np.array([4.2]), np.array([5.0])), 0.32, "the lesson's house after the step"),
            Case(
                (np.array([1.0, 2.0, 6.0, 4.0]), np.array([2.0, 2.0, 3.0, 5.0])),
                np.mean(np.array([1.0, 0.0, 9.0, 1.0]) / 2),
                "four examples",
            ),
            Case((np.array([7.0, -1.0]), np.array([7.0, -1.0])), 0.0, "perfect predictions"),
        ],
    )


def check_gradients(gradients: object) -> None:
    """``gradients(X, y, y_hat)``: ``(X.T @ (y_hat − y) / m, mean(y_hat − y))``."""
    X = np.array([[1.0, 2.0], [0.5, 3.0], [2.0, 1.0]])
    y = np.array([4.0, 1.0, 2.0])
    y_hat = np.array([5.0, 0.0, 4.0])
    error = y_hat - y
    check_cases(
        gradients,
        "gradients(X, y, y_hat)",
        [
            Case(
                (np.array([[2.0, 1.0]]), np.array([5.0]), np.array([3.0])),
                (np.array([-4.0, -2.0]), -2.0),
                "the lesson's house",
            ),
            Case(
                (X, y, y_hat),
                (X.T @ error / 3, float(np.mean(error))),
                "three examples, two features",
            ),
            Case(
                (np.array([[1.0], [3.0]]), np.array([2.0, 2.0]), np.array([2.0, 2.0])),
                (np.array([0.0]), 0.0),
                "perfect predictions: nothing to correct",
            ),
        ],
    )
