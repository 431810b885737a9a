"""Tests of "Eigenvalues and Eigenvectors"."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close, Each, UpToSign
from mlmath.grading.spec import TestCase, make_case

LINKS_EXAMPLE = np.array([[0, 1], [0, 2], [1, 2], [2, 0], [3, 2]])
SHEAR = np.array([[2.0, 1.0], [1.0, 2.0]])
DATA_EXAMPLE = np.array([[2.0, 1.0], [3.0, 2.5], [4.0, 3.0], [5.0, 4.5], [6.0, 5.0]])

EIGENVECTOR = Each((Close(relative=1e-6, absolute=1e-9), UpToSign(relative=1e-6, absolute=1e-9)))
COMPONENTS = Each((Close(relative=1e-7, absolute=1e-9), UpToSign(relative=1e-6, absolute=1e-8)))


def _real_eigen_2x2(rng: np.random.Generator, *, symmetric: bool) -> np.ndarray:
    """A 2×2 matrix with distinct real eigenvalues (symmetric, or similar to a diagonal)."""
    values = np.sort(rng.choice(np.arange(-6, 8), size=2, replace=False).astype(float))
    if symmetric:
        angle = rng.uniform(0, np.pi)
        Q = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        rotated: np.ndarray = Q @ np.diag(values) @ Q.T
        return rotated
    while True:
        S = rng.integers(-3, 4, size=(2, 2)).astype(float)
        if abs(np.linalg.det(S)) >= 1:
            similar: np.ndarray = S @ np.diag(values) @ np.linalg.inv(S)
            return similar


def _dominant(rng: np.random.Generator, n: int) -> np.ndarray:
    """Symmetric with a clear gap between the two largest eigenvalues (power iteration
    converges fast)."""
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    values = np.concatenate([[rng.uniform(8, 12)], rng.uniform(-3, 3, size=n - 1)])
    dominant: np.ndarray = Q @ np.diag(values) @ Q.T
    return dominant


def _links(rng: np.random.Generator, n: int) -> np.ndarray:
    pairs = {(int(i), int(j)) for i, j in rng.integers(0, n, size=(3 * n, 2)) if i != j}
    pairs |= {(i, (i + 1) % n) for i in range(n - 1)}  # keeps the chain connected
    return np.array(sorted(pairs), dtype=np.int64)


def _data(rng: np.random.Generator, m: int, n: int) -> np.ndarray:
    mixing = rng.normal(0, 1, size=(n, n)) * rng.uniform(0.5, 3, size=n)
    return rng.normal(0, 1, size=(m, n)) @ mixing + rng.uniform(-10, 10, size=n)


def public_tests(reference: ModuleType) -> list[TestCase]:
    P = reference.transition_matrix(LINKS_EXAMPLE, 4)
    return [
        make_case(reference, "eigenvalues_2x2", SHEAR, name="eigenvalues_2x2: [[2, 1], [1, 2]]"),
        make_case(
            reference,
            "power_iteration",
            SHEAR,
            np.array([1.0, 0.0]),
            50,
            name="power_iteration: [[2, 1], [1, 2]]",
            check=EIGENVECTOR,
        ),
        make_case(
            reference, "transition_matrix", LINKS_EXAMPLE, 4, name="transition_matrix: 4 pages"
        ),
        make_case(reference, "steady_state", P, name="steady_state: 4 pages"),
        make_case(reference, "center_data", DATA_EXAMPLE, name="center_data: 5 points in 2-D"),
        make_case(
            reference,
            "principal_components",
            DATA_EXAMPLE,
            1,
            name="principal_components: 5 points in 2-D",
            check=COMPONENTS,
        ),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = [
        make_case(
            reference,
            "eigenvalues_2x2",
            _real_eigen_2x2(rng, symmetric=symmetric),
            name=f"eigenvalues_2x2: a {'symmetric' if symmetric else 'non-symmetric'} matrix",
            check=Close(relative=1e-7, absolute=1e-8),
            points=2,
        )
        for symmetric in (True, False, False)
    ]
    for n in (2, int(rng.integers(3, 6))):
        cases.append(
            make_case(
                reference,
                "power_iteration",
                _dominant(rng, n),
                rng.uniform(0.5, 1.5, size=n),
                int(rng.integers(60, 120)),
                name=f"power_iteration: a {n}×{n} symmetric matrix",
                check=EIGENVECTOR,
                points=3,
            )
        )
    for n in (int(rng.integers(4, 7)), int(rng.integers(7, 11))):
        links = _links(rng, n)
        dead_end = n - 1
        links = links[links[:, 0] != dead_end]  # one page without links
        cases.append(
            make_case(
                reference,
                "transition_matrix",
                links,
                n,
                name=f"transition_matrix: {n} pages, one without links",
                points=2,
            )
        )
        cases.append(
            make_case(
                reference,
                "steady_state",
                reference.transition_matrix(links, n),
                name=f"steady_state: {n} pages",
                check=Close(relative=1e-6, absolute=1e-9),
                points=3,
            )
        )
    for m, n in ((int(rng.integers(8, 20)), 3), (int(rng.integers(30, 60)), 5)):
        X = _data(rng, m, n)
        cases.append(
            make_case(reference, "center_data", X, name=f"center_data: {m} samples, {n} features")
        )
        k = int(rng.integers(1, n))
        cases.append(
            make_case(
                reference,
                "principal_components",
                X,
                k,
                name=f"principal_components: {k} of {n} features, {m} samples",
                check=COMPONENTS,
                points=3,
            )
        )
    return cases
