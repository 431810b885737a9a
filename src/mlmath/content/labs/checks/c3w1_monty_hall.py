"""Checks for the lab "Monty Hall Problem"."""

from __future__ import annotations

import numpy as np

from mlmath.labcheck import Case, check_cases


def check_running_share(running_share: object) -> None:
    """``running_share(wins)``: entry k is the mean of ``wins[0..k]``."""
    check_cases(
        running_share,
        "running_share(wins)",
        [
            Case(
                (np.array([True, False, True, True]),),
                np.array([1.0, 0.5, 2 / 3, 0.75]),
                "four games",
            ),
            Case((np.array([False, False, True]),), np.array([0.0, 0.0, 1 / 3]), "a late win"),
            Case((np.array([True]),), np.array([1.0]), "a single game"),
            Case(
                (np.array([0, 1, 0, 1, 1, 0]),),
                np.array([0.0, 0.5, 1 / 3, 0.5, 0.6, 0.5]),
                "wins written as 0 and 1",
            ),
        ],
    )


def check_posterior(posterior: object) -> None:
    """``posterior(prior, likelihood)``: ``prior · likelihood`` divided by its sum."""
    disease = np.array([0.9 * 0.01, 0.1 * 0.99])
    clinic = np.array([0.9 * 0.2, 0.1 * 0.8])
    check_cases(
        posterior,
        "posterior(prior, likelihood)",
        [
            Case(
                (np.array([1 / 3, 1 / 3, 1 / 3]), np.array([0.5, 1.0, 0.0])),
                np.array([1 / 3, 2 / 3, 0.0]),
                "you picked door 0, the host opened door 2",
            ),
            Case(
                (np.array([0.01, 0.99]), np.array([0.9, 0.1])),
                disease / disease.sum(),
                "the lesson's test: ill or not, after a positive",
            ),
            Case(
                (np.array([0.2, 0.8]), np.array([0.9, 0.1])),
                clinic / clinic.sum(),
                "the same test in a clinic",
            ),
            Case(
                (np.array([0.5, 0.25, 0.25]), np.array([1.0, 1.0, 1.0])),
                np.array([0.5, 0.25, 0.25]),
                "evidence that favours nobody",
            ),
        ],
    )


def check_switch_win_probability(switch_win_probability: object) -> None:
    """``switch_win_probability(n, k)``: ``(n − 1)/n · 1/(n − 1 − k)``."""
    check_cases(
        switch_win_probability,
        "switch_win_probability(n, k)",
        [
            Case((3, 1), 2 / 3, "the classic game"),
            Case((3, 0), 1 / 3, "a host who opens nothing"),
            Case((4, 1), 3 / 8, "four doors, one opened"),
            Case((10, 8), 0.9, "ten doors, all goats but one opened"),
            Case((100, 98), 0.99, "a hundred doors"),
        ],
    )
