"""Tests of "Neural Network with Two Layers"."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.spec import TestCase, make_case

X_EXAMPLE = np.array([[0.5, -1.0, 1.5], [1.0, 0.0, -0.5]])
Y_EXAMPLE = np.array([[1.0, 0.0, 1.0]])
PARAMETERS_EXAMPLE = {
    "W1": np.array([[1.0, -1.0], [0.5, 2.0], [-1.5, 0.5]]),
    "b1": np.array([[0.0], [-1.0], [0.5]]),
    "W2": np.array([[1.0, -2.0, 0.5]]),
    "b2": np.array([[0.5]]),
}


def _network(rng: np.random.Generator, n_x: int, n_h: int) -> dict[str, np.ndarray]:
    return {
        "W1": rng.normal(size=(n_h, n_x)),
        "b1": rng.normal(size=(n_h, 1)),
        "W2": rng.normal(size=(1, n_h)),
        "b2": rng.normal(size=(1, 1)),
    }


def _cases(
    reference: ModuleType,
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict[str, np.ndarray],
    *,
    label: str,
    points: float,
) -> list[TestCase]:
    A2, cache = reference.forward_propagation(X, parameters)
    grads = reference.backward_propagation(parameters, cache, X, Y)
    return [
        make_case(
            reference,
            "forward_propagation",
            X,
            parameters,
            name=f"forward_propagation: {label}",
            points=points,
        ),
        make_case(reference, "compute_cost", A2, Y, name=f"compute_cost: {label}", points=points),
        make_case(
            reference,
            "backward_propagation",
            parameters,
            cache,
            X,
            Y,
            name=f"backward_propagation: {label}",
            points=2 * points,
        ),
        make_case(
            reference,
            "update_parameters",
            parameters,
            grads,
            0.1,
            name=f"update_parameters: {label}",
            points=points,
        ),
        make_case(reference, "predict", X, parameters, name=f"predict: {label}", points=points),
    ]


def public_tests(reference: ModuleType) -> list[TestCase]:
    return [
        make_case(reference, "sigmoid", np.array([-2.0, 0.0, 3.0]), name="sigmoid: three values"),
        make_case(
            reference,
            "initialize_parameters",
            2,
            3,
            0,
            name="initialize_parameters: 2 inputs, 3 hidden units, seed 0",
        ),
        *_cases(
            reference, X_EXAMPLE, Y_EXAMPLE, PARAMETERS_EXAMPLE, label="three examples", points=1
        ),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = [
        make_case(reference, "sigmoid", rng.normal(0, 4, size=(3, 5)), name="sigmoid: a 3×5 array"),
    ]
    n_h, seed = int(rng.integers(2, 8)), int(rng.integers(0, 10_000))
    cases.append(
        make_case(
            reference,
            "initialize_parameters",
            3,
            n_h,
            seed,
            name=f"initialize_parameters: 3 inputs, {n_h} hidden units, seed {seed}",
        )
    )
    for n_x, n_h in (
        (1, int(rng.integers(2, 4))),
        (int(rng.integers(2, 5)), int(rng.integers(4, 9))),
    ):
        m = int(rng.integers(10, 60))
        X = rng.normal(size=(n_x, m))
        Y = (rng.random((1, m)) < 0.5).astype(float)
        label = f"{n_x} input(s), {n_h} hidden units, {m} examples"
        cases += _cases(reference, X, Y, _network(rng, n_x, n_h), label=label, points=2)
    return cases
