"""Tests of "Optimizing Functions of One Variable: Cost Minimization"."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.spec import TestCase, make_case

X_EXAMPLE = np.array([1.0, 2.0, 6.0])
Y_EXAMPLE = np.array([1.0, 0.0, 1.0, 1.0])


def public_tests(reference: ModuleType) -> list[TestCase]:
    return [
        make_case(reference, "squared_cost", 2.0, X_EXAMPLE, name="squared_cost: three houses"),
        make_case(
            reference,
            "squared_cost_derivative",
            2.0,
            X_EXAMPLE,
            name="squared_cost_derivative: three houses",
        ),
        make_case(reference, "best_position", X_EXAMPLE, name="best_position: three houses"),
        make_case(reference, "log_loss", 0.5, Y_EXAMPLE, name="log_loss: four answers"),
        make_case(
            reference,
            "log_loss_derivative",
            0.5,
            Y_EXAMPLE,
            name="log_loss_derivative: four answers",
        ),
        make_case(reference, "best_probability", Y_EXAMPLE, name="best_probability: four answers"),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for size in (int(rng.integers(5, 15)), int(rng.integers(50, 200))):
        x = np.round(rng.uniform(-20, 20, size=size), 2)
        c = float(np.round(rng.uniform(-10, 10), 2))
        cases += [
            make_case(
                reference, "squared_cost", c, x, name=f"squared_cost: {size} houses", points=2
            ),
            make_case(
                reference,
                "squared_cost_derivative",
                c,
                x,
                name=f"squared_cost_derivative: {size} houses",
                points=2,
            ),
            make_case(
                reference, "best_position", x, name=f"best_position: {size} houses", points=2
            ),
        ]
        y = (rng.random(size) < rng.uniform(0.2, 0.8)).astype(float)
        y[0], y[1] = 0.0, 1.0
        p = float(np.round(rng.uniform(0.05, 0.95), 3))
        cases += [
            make_case(reference, "log_loss", p, y, name=f"log_loss: {size} answers", points=2),
            make_case(
                reference,
                "log_loss_derivative",
                p,
                y,
                name=f"log_loss_derivative: {size} answers",
                points=2,
            ),
            make_case(
                reference, "best_probability", y, name=f"best_probability: {size} answers", points=2
            ),
        ]
    return cases
