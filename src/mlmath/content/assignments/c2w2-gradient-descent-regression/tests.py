"""Tests of "Optimization Using Gradient Descent: Linear Regression"."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close
from mlmath.grading.spec import TestCase, make_case

X_EXAMPLE = np.array([1.0, 2.0, 3.0, 4.0])
Y_EXAMPLE = np.array([3.0, 5.0, 6.0, 9.0])


def _line(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(0, 1, size=n)
    y = rng.uniform(-3, 3) * x + rng.uniform(-2, 2) + rng.normal(0, 0.3, size=n)
    return x, y


def public_tests(reference: ModuleType) -> list[TestCase]:
    return [
        make_case(reference, "normalize", X_EXAMPLE, name="normalize: four weeks"),
        make_case(reference, "predict", 2.0, 1.0, X_EXAMPLE, name="predict: m = 2, b = 1"),
        make_case(reference, "cost", 2.0, 1.0, X_EXAMPLE, Y_EXAMPLE, name="cost: m = 2, b = 1"),
        make_case(
            reference, "gradients", 2.0, 1.0, X_EXAMPLE, Y_EXAMPLE, name="gradients: m = 2, b = 1"
        ),
        make_case(
            reference,
            "gradient_descent",
            X_EXAMPLE,
            Y_EXAMPLE,
            0.0,
            0.0,
            0.05,
            3,
            name="gradient_descent: 3 steps from (0, 0)",
        ),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for n in (int(rng.integers(5, 12)), int(rng.integers(40, 120))):
        x, y = _line(rng, n)
        m, b = float(rng.uniform(-2, 2)), float(rng.uniform(-2, 2))
        raw = rng.uniform(0, 100, size=n)
        cases += [
            make_case(reference, "normalize", raw, name=f"normalize: {n} values", points=2),
            make_case(reference, "predict", m, b, x, name=f"predict: {n} values", points=1),
            make_case(reference, "cost", m, b, x, y, name=f"cost: {n} points", points=2),
            make_case(reference, "gradients", m, b, x, y, name=f"gradients: {n} points", points=3),
        ]
    for n in (int(rng.integers(10, 30)), int(rng.integers(60, 150))):
        x, y = _line(rng, n)
        iterations = int(rng.integers(20, 200))
        cases.append(
            make_case(
                reference,
                "gradient_descent",
                x,
                y,
                float(rng.uniform(-1, 1)),
                float(rng.uniform(-1, 1)),
                float(rng.uniform(0.05, 0.5)),
                iterations,
                name=f"gradient_descent: {n} points, {iterations} steps",
                check=Close(relative=1e-6, absolute=1e-8),
                points=4,
            )
        )
    return cases
