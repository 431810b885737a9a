"""Tests of "Single Perceptron Neural Networks for Linear Regression"."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close
from mlmath.grading.spec import TestCase, make_case

# The public example: five apartments, area (m²) and rooms; prices in k€.
X_EXAMPLE = np.array([[48.0, 75.0, 62.0, 110.0, 90.0], [2.0, 3.0, 2.0, 4.0, 3.0]])
Y_EXAMPLE = np.array([[190.0, 270.0, 231.0, 385.0, 318.0]])
PARAMETERS_EXAMPLE = {"W": np.array([[0.5, -0.2]]), "b": np.array([[0.1]])}


def _data(rng: np.random.Generator, n_x: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    X = rng.normal(0, 1, size=(n_x, m))
    W = rng.uniform(-2, 2, size=(1, n_x))
    Y = W @ X + rng.uniform(-1, 1) + rng.normal(0, 0.1, size=(1, m))
    return X, Y


def _parameters(rng: np.random.Generator, n_x: int) -> dict[str, np.ndarray]:
    return {"W": rng.normal(0, 1, size=(1, n_x)), "b": rng.normal(0, 1, size=(1, 1))}


def public_tests(reference: ModuleType) -> list[TestCase]:
    X = reference.normalize(X_EXAMPLE)
    Y = (Y_EXAMPLE - Y_EXAMPLE.mean()) / Y_EXAMPLE.std()
    Y_hat = reference.forward_propagation(X, PARAMETERS_EXAMPLE)
    grads = reference.backward_propagation(Y_hat, X, Y)
    return [
        make_case(reference, "normalize", X_EXAMPLE, name="normalize: five apartments"),
        make_case(reference, "initialize_parameters", 2, 0, name="initialize_parameters: seed 0"),
        make_case(
            reference, "forward_propagation", X, PARAMETERS_EXAMPLE, name="forward_propagation"
        ),
        make_case(reference, "compute_cost", Y_hat, Y, name="compute_cost"),
        make_case(reference, "backward_propagation", Y_hat, X, Y, name="backward_propagation"),
        make_case(
            reference, "update_parameters", PARAMETERS_EXAMPLE, grads, 0.1, name="update_parameters"
        ),
        make_case(reference, "train", X, Y, 20, 0.5, 0, name="train: 20 steps"),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for n_x, m in ((1, int(rng.integers(5, 12))), (3, int(rng.integers(20, 40)))):
        X = rng.normal(rng.uniform(-50, 50), rng.uniform(1, 30), size=(n_x, m))
        cases.append(
            make_case(reference, "normalize", X, name=f"normalize: {n_x} feature(s), {m} examples")
        )
    for n_x in (1, int(rng.integers(2, 6))):
        seed = int(rng.integers(0, 10_000))
        cases.append(
            make_case(
                reference,
                "initialize_parameters",
                n_x,
                seed,
                name=f"initialize_parameters: {n_x} feature(s), seed {seed}",
            )
        )
    for n_x, m in ((1, 7), (4, int(rng.integers(10, 30)))):
        X, Y = _data(rng, n_x, m)
        parameters = _parameters(rng, n_x)
        Y_hat = reference.forward_propagation(X, parameters)
        grads = reference.backward_propagation(Y_hat, X, Y)
        shape = f"{n_x} feature(s), {m} examples"
        cases += [
            make_case(
                reference,
                "forward_propagation",
                X,
                parameters,
                name=f"forward_propagation: {shape}",
                points=2,
            ),
            make_case(reference, "compute_cost", Y_hat, Y, name=f"compute_cost: {shape}", points=2),
            make_case(
                reference,
                "backward_propagation",
                Y_hat,
                X,
                Y,
                name=f"backward_propagation: {shape}",
                points=3,
            ),
            make_case(
                reference,
                "update_parameters",
                parameters,
                grads,
                float(rng.uniform(0.01, 0.5)),
                name=f"update_parameters: {shape}",
                points=2,
            ),
        ]
    for n_x in (1, 3):
        X, Y = _data(rng, n_x, int(rng.integers(20, 50)))
        iterations = int(rng.integers(30, 120))
        cases.append(
            make_case(
                reference,
                "train",
                X,
                Y,
                iterations,
                0.3,
                int(rng.integers(0, 1000)),
                name=f"train: {n_x} feature(s), {iterations} steps",
                check=Close(relative=1e-6, absolute=1e-8),
                points=3,
            )
        )
    return cases
