"""Checks for the lab "Four Birthday Problems"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlmath.labcheck import Case, check_cases


def _all_different(n: int) -> float:
    """P(n birthdays all differ), by counting: 365·364·…·(365 − n + 1) / 365ⁿ."""
    if n > 365:
        return 0.0
    return math.perm(365, n) / 365**n


def check_shares_mine(shares_mine: object) -> None:
    """``shares_mine(n)``: ``1 − (364/365)ⁿ``."""
    check_cases(
        shares_mine,
        "shares_mine(n)",
        [
            Case((1,), 1 / 365, "one other person"),
            Case((23,), 1 - (364 / 365) ** 23, "23 people"),
            Case((253,), 1 - (364 / 365) ** 253, "253 people"),
            Case((0,), 0.0, "nobody else"),
            Case((500,), 1 - (364 / 365) ** 500, "more people than days"),
        ],
    )


def check_some_pair(some_pair: object) -> None:
    """``some_pair(n)``: ``1 − ∏ (365 − k)/365`` over ``k = 0 … n − 1``."""
    check_cases(
        some_pair,
        "some_pair(n)",
        [
            Case((2,), 1 / 365, "two people"),
            Case((23,), 1 - _all_different(23), "23 people"),
            Case((50,), 1 - _all_different(50), "50 people"),
            Case((1,), 0.0, "one person: no pair at all"),
            Case((366,), 1.0, "366 people: a repeat is certain"),
        ],
    )


def _about(tolerance: float) -> Any:
    def compare(got: Any, expected: Any) -> str | None:
        if isinstance(got, bool) or not isinstance(got, int | float | np.floating):
            return f"expected a share (a number from 0 to 1), got {type(got).__name__}"
        if abs(float(got) - expected) <= tolerance:
            return None
        return (
            f"a simulation of this size lands within {tolerance} of the exact "
            f"{expected:.4f}; {float(got):.4f} is too far"
        )

    return compare


def check_simulate_some_pair(simulate_some_pair: object) -> None:
    """``simulate_some_pair(n, trials, rng)``: the share of simulated rooms with a repeat."""
    cases = [
        Case(
            (n, 20_000, np.random.default_rng(seed)),
            round(1 - _all_different(n), 4),
            f"{n} people",
            shown=f"n = {n}, trials = 20000, rng = np.random.default_rng({seed})",
        )
        for n, seed in [(23, 1), (50, 2), (5, 3)]
    ]
    check_cases(
        simulate_some_pair, "simulate_some_pair(n, trials, rng)", cases, compare=_about(0.015)
    )
