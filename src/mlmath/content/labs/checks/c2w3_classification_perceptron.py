"""Checks for the lab "Classification with Perceptron"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_sigmoid(sigmoid: object) -> None:
    """``sigmoid(z)``: ``1 / (1 + e^(−z))``, entry by entry."""
    z = np.array([-2.0, 0.0, 3.0])
    far = np.array([20.0, -20.0])
    check_cases(
        sigmoid,
        "sigmoid(z)",
        [
            Case((np.array([0.0]),), np.array([0.5]), "the middle, z = 0"),
            Case((np.array([0.5]),), 1 / (1 + np.exp(-np.array([0.5]))), "the lesson's z = 0.5"),
            Case((z,), 1 / (1 + np.exp(-z)), "negative and positive scores"),
            Case((far,), 1 / (1 + np.exp(-far)), "far out in both tails"),
        ],
    )


def check_log_loss(log_loss: object) -> None:
    """``log_loss(y_hat, y)``: the mean of ``−y ln ŷ − (1 − y) ln(1 − ŷ)``."""
    y_hat = np.array([0.9, 0.2, 0.6, 0.3])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    mixed = np.mean([-np.log(0.9), -np.log(0.8), -np.log(0.6), -np.log(0.7)])
    check_cases(
        log_loss,
        "log_loss(y_hat, y)",
        [
            Case((np.array([0.5]), np.array([1.0])), float(np.log(2)), "the lesson's spam"),
            Case(
                (np.array([0.7773]), np.array([1.0])),
                float(-np.log(0.7773)),
                "the lesson's spam after one step",
            ),
            Case((y_hat, y), float(mixed), "spam and normal e-mails"),
            Case(
                (np.array([0.1, 0.4]), np.array([0.0, 0.0])),
                float(-(np.log(0.9) + np.log(0.6)) / 2),
                "only normal e-mails",
            ),
        ],
    )


def check_classify(classify: object) -> None:
    """``classify(X, w, b)``: 1 where ``σ(X @ w + b) ≥ 0.5``, else 0."""
    check_cases(
        classify,
        "classify(X, w, b)",
        [
            Case(
                (np.array([[5.0, 3.0], [0.0, 0.0], [2.0, 1.0]]), np.array([1.2, 2.0]), -5.7),
                np.array([1, 0, 0]),
                "three e-mails",
            ),
            Case(
                (np.array([[0.3], [1.0], [-0.2]]), np.array([1.0]), 0.0),
                np.array([1, 1, 0]),
                "a score between 0 and 0.5 (probability above one half)",
            ),
            Case(
                (np.array([[1.0, 1.0], [3.0, 0.0]]), np.array([1.0, -1.0]), -2.0),
                np.array([0, 1]),
                "a score of exactly 0 (probability one half counts as spam)",
            ),
        ],
    )
