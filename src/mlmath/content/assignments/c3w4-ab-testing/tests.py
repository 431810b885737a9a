"""Tests of "A/B Testing": the public example and hidden, seeded variants."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close
from mlmath.grading.spec import TestCase, make_case


def _first_visits(count: int = 60) -> dict[str, np.ndarray]:
    """The first visitors of visits.csv, split by group."""
    lines = (Path(__file__).parent / "visits.csv").read_text().splitlines()[1 : count + 1]
    rows = [line.split(",") for line in lines]
    out: dict[str, np.ndarray] = {}
    for group in ("A", "B"):
        out[f"converted_{group}"] = np.array([int(r[1]) for r in rows if r[0] == group])
        out[f"minutes_{group}"] = np.array([float(r[2]) for r in rows if r[0] == group])
    return out


FIRST = _first_visits()
CONVERTED_A, CONVERTED_B = FIRST["converted_A"], FIRST["converted_B"]
MINUTES_A, MINUTES_B = FIRST["minutes_A"], FIRST["minutes_B"]


def _visits(rng: np.random.Generator, n: int, rate: float) -> np.ndarray:
    return (rng.random(n) < rate).astype(int)


def public_tests(reference: ModuleType) -> list[TestCase]:
    return [
        make_case(
            reference, "conversion_rate", CONVERTED_A, name="conversion_rate: the first A visitors"
        ),
        make_case(
            reference,
            "pooled_z_statistic",
            CONVERTED_A,
            CONVERTED_B,
            name="pooled_z_statistic: the first visitors",
        ),
        make_case(reference, "normal_cdf", 1.0, name="normal_cdf: z = 1"),
        make_case(reference, "p_value", 2.0, "two-sided", name="p_value: z = 2, two-sided"),
        make_case(
            reference,
            "difference_interval",
            CONVERTED_A,
            CONVERTED_B,
            name="difference_interval: the first visitors",
        ),
        make_case(reference, "welch_t", MINUTES_A, MINUTES_B, name="welch_t: minutes on the page"),
        make_case(
            reference,
            "ab_decision",
            CONVERTED_A,
            CONVERTED_B,
            name="ab_decision: the first visitors",
        ),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for n in (int(rng.integers(5, 30)), int(rng.integers(500, 5000))):
        visits = _visits(rng, n, float(rng.uniform(0.02, 0.5)))
        if visits.sum() == 0:
            visits[0] = 1
        cases.append(
            make_case(
                reference,
                "conversion_rate",
                visits,
                name=f"conversion_rate: {n} visitors",
                points=1,
            )
        )
    base = float(rng.uniform(0.03, 0.3))
    for lift, label in ((0.0, "no real difference"), (0.03, "B better"), (-0.02, "B worse")):
        n_a, n_b = int(rng.integers(300, 4000)), int(rng.integers(300, 4000))
        a, b = _visits(rng, n_a, base), _visits(rng, n_b, max(0.005, base + lift))
        cases.append(
            make_case(
                reference,
                "pooled_z_statistic",
                a,
                b,
                name=f"pooled_z_statistic: {n_a} and {n_b} visitors, {label}",
                points=3,
            )
        )
        cases.append(
            make_case(
                reference,
                "difference_interval",
                a,
                b,
                float(rng.choice([1.645, 1.96, 2.576])),
                name=f"difference_interval: {n_a} and {n_b} visitors, {label}",
                points=2,
            )
        )
        cases.append(
            make_case(
                reference,
                "ab_decision",
                a,
                b,
                float(rng.choice([0.01, 0.05, 0.1])),
                name=f"ab_decision: {n_a} and {n_b} visitors, {label}",
                points=2,
            )
        )
    for z in (float(rng.uniform(-4, -0.5)), float(rng.uniform(0.5, 4))):
        cases.append(make_case(reference, "normal_cdf", z, name=f"normal_cdf: z = {z:.3f}"))
        for alternative in ("two-sided", "greater", "less"):
            cases.append(
                make_case(
                    reference,
                    "p_value",
                    z,
                    alternative,
                    name=f"p_value: z = {z:.3f}, {alternative}",
                    points=1,
                )
            )
    for n_a, n_b in ((int(rng.integers(3, 8)), int(rng.integers(3, 8))), (400, 90)):
        x_a = np.round(rng.gamma(4.0, 1.5, size=n_a), 2)
        x_b = np.round(rng.gamma(2.0, 3.5, size=n_b), 2)  # a different spread
        cases.append(
            make_case(
                reference,
                "welch_t",
                x_a,
                x_b,
                name=f"welch_t: groups of {n_a} and {n_b}, different spreads",
                points=3,
                check=Close(relative=1e-9, absolute=1e-12),
            )
        )
    return cases
