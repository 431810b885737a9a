"""Tests of "Loaded Dice": the public example and hidden, seeded variants."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close
from mlmath.grading.spec import TestCase, make_case

# The first twenty rows of rolls.csv.
LOADED = np.array([4, 2, 5, 3, 6, 2, 6, 6, 4, 5, 2, 3, 6, 2, 4, 2, 6, 6, 5, 5])
FAIR = np.array([6, 6, 3, 5, 4, 6, 4, 3, 3, 6, 5, 5, 5, 2, 2, 6, 5, 5, 3, 2])
FAIR_PMF = np.full(6, 1 / 6)
LOADED_PMF = np.array([0.12, 0.12, 0.12, 0.12, 0.12, 0.40])


def _pmf(rng: np.random.Generator, sides: int) -> np.ndarray:
    weights = rng.uniform(0.2, 1.0, size=sides)
    weights[rng.integers(sides)] *= rng.uniform(2, 5)  # one loaded face
    return weights / weights.sum()


def public_tests(reference: ModuleType) -> list[TestCase]:
    return [
        make_case(reference, "empirical_pmf", LOADED, name="empirical_pmf: twenty loaded rolls"),
        make_case(reference, "expected_value", LOADED_PMF, name="expected_value: the loaded die"),
        make_case(reference, "variance", FAIR_PMF, name="variance: a fair die"),
        make_case(reference, "sum_pmf", FAIR_PMF, FAIR_PMF, name="sum_pmf: two fair dice"),
        make_case(reference, "joint_table", LOADED, FAIR, name="joint_table: twenty pairs"),
        make_case(reference, "covariance", LOADED, FAIR, name="covariance: twenty pairs"),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for sides in (6, int(rng.choice([4, 8, 12]))):
        pmf = _pmf(rng, sides)
        rolls = rng.choice(np.arange(1, sides + 1), size=int(rng.integers(30, 500)), p=pmf)
        cases.append(
            make_case(
                reference,
                "empirical_pmf",
                rolls,
                sides,
                name=f"empirical_pmf: {rolls.size} rolls of a {sides}-sided die",
                points=2,
            )
        )
        cases.append(
            make_case(
                reference,
                "expected_value",
                pmf,
                name=f"expected_value: a loaded {sides}-sided die",
                points=2,
            )
        )
        cases.append(
            make_case(
                reference, "variance", pmf, name=f"variance: a loaded {sides}-sided die", points=2
            )
        )
    # A face that never comes up must still get its (zero) entry.
    rolls = rng.integers(1, 6, size=40)
    cases.append(
        make_case(
            reference,
            "empirical_pmf",
            rolls,
            name="empirical_pmf: a six that never came up",
            points=2,
        )
    )
    a, b = _pmf(rng, 6), _pmf(rng, int(rng.choice([4, 8])))
    cases.append(
        make_case(
            reference,
            "sum_pmf",
            a,
            b,
            name=f"sum_pmf: a 6-sided and a {b.size}-sided die",
            points=3,
        )
    )
    cases.append(make_case(reference, "sum_pmf", a, a, name="sum_pmf: two loaded dice", points=2))
    n = int(rng.integers(50, 300))
    first = rng.choice(np.arange(1, 7), size=n, p=_pmf(rng, 6))
    second = np.where(rng.random(n) < 0.5, first, rng.integers(1, 7, size=n))  # dependent
    cases.append(
        make_case(
            reference,
            "joint_table",
            first,
            second,
            name=f"joint_table: {n} pairs of dependent dice",
            points=3,
        )
    )
    cases.append(
        make_case(
            reference,
            "covariance",
            first,
            second,
            name=f"covariance: {n} pairs of dependent dice",
            points=2,
            check=Close(relative=1e-9, absolute=1e-12),
        )
    )
    x = np.round(rng.normal(0, 5, size=int(rng.integers(2, 6))), 2)
    y = np.round(2 * x + rng.normal(0, 1, size=x.size), 2)
    cases.append(
        make_case(
            reference,
            "covariance",
            x,
            y,
            name=f"covariance: {x.size} decimal pairs",
            points=2,
            check=Close(relative=1e-9, absolute=1e-12),
        )
    )
    return cases
