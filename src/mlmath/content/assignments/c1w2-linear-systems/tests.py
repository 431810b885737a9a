"""Tests of "System of Linear Equations": the public example and hidden, seeded variants."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from mlmath.grading.compare import Close
from mlmath.grading.spec import TestCase, make_case

RECEIPTS = np.array([[1.2, 0.3, 1.1], [2.1, 0.8, 0.2], [1.6, 2.4, 2.4]])
TOTALS = np.array([11.94, 7.88, 26.40])
UPPER = np.array([[2.0, 1.0, -1.0], [0.0, 3.0, 2.0], [0.0, 0.0, 4.0]])


def _determinant_check(A: np.ndarray) -> Close:
    """Elimination round-off grows with size and magnitude: scale the absolute tolerance."""
    scale = max(1.0, float(np.abs(A).max())) ** A.shape[0]
    return Close(relative=1e-8, absolute=1e-10 * scale)


def _well_conditioned(rng: np.random.Generator, n: int, *, integers: bool) -> np.ndarray:
    while True:
        if integers:
            A = rng.integers(-9, 10, size=(n, n)).astype(float)
        else:
            A = np.round(rng.normal(0, 3, size=(n, n)), 3)
        if np.linalg.cond(A) < 1e3:
            return A


def _singular(rng: np.random.Generator, n: int) -> np.ndarray:
    """A square matrix whose last row is an integer combination of two others."""
    A = rng.integers(-6, 7, size=(n, n)).astype(float)
    weights = rng.integers(1, 4, size=2)
    A[-1] = weights[0] * A[0] - weights[1] * A[1]
    order = rng.permutation(n)
    return A[order]


def _zero_first_pivot(rng: np.random.Generator, n: int) -> np.ndarray:
    """Non-singular, with a zero in the top-left corner: elimination must swap rows."""
    while True:
        A = _well_conditioned(rng, n, integers=True)
        A[0, 0] = 0.0
        if np.linalg.cond(A) < 1e3:
            return A


def public_tests(reference: ModuleType) -> list[TestCase]:
    return [
        make_case(reference, "augment", RECEIPTS, TOTALS, name="augment: the fruit receipts"),
        make_case(reference, "swap_rows", RECEIPTS, 0, 2, name="swap_rows: first and last rows"),
        make_case(
            reference,
            "determinant",
            RECEIPTS,
            name="determinant: the fruit receipts",
            check=_determinant_check(RECEIPTS),
        ),
        make_case(
            reference,
            "back_substitution",
            UPPER,
            np.array([1.0, 8.0, 8.0]),
            name="back_substitution: a 3×3 triangular system",
        ),
        make_case(
            reference,
            "solve",
            RECEIPTS,
            TOTALS,
            name="solve: prices from the fruit receipts",
            check=Close(relative=1e-7, absolute=1e-9),
        ),
    ]


def hidden_tests(reference: ModuleType, rng: np.random.Generator) -> list[TestCase]:
    cases = []
    for n in (2, int(rng.integers(4, 6))):
        A = _well_conditioned(rng, n, integers=True)
        b = rng.integers(-20, 21, size=n).astype(float)
        cases.append(make_case(reference, "augment", A, b, name=f"augment: a {n}×{n} system"))
    M = rng.normal(size=(int(rng.integers(3, 6)), int(rng.integers(2, 5))))
    cases.append(
        make_case(reference, "swap_rows", M, 0, M.shape[0] - 1, name="swap_rows: a random matrix")
    )
    cases.append(make_case(reference, "swap_rows", M, 1, 1, name="swap_rows: a row with itself"))
    for n, A in (
        (2, _well_conditioned(rng, 2, integers=True)),
        (3, _well_conditioned(rng, 3, integers=False)),
        (4, _zero_first_pivot(rng, 4)),
        (5, _well_conditioned(rng, 5, integers=True)),
        (4, _singular(rng, 4)),
    ):
        singular = " (singular)" if abs(np.linalg.det(A)) < 1e-6 else ""
        cases.append(
            make_case(
                reference,
                "determinant",
                A,
                name=f"determinant: a {n}×{n} matrix{singular}",
                check=_determinant_check(A),
                points=2,
            )
        )
    for n in (3, 5):
        U = np.triu(_well_conditioned(rng, n, integers=False))
        U[np.diag_indices(n)] = rng.choice([-1.0, 1.0], size=n) * rng.uniform(1, 5, size=n)
        c = np.round(rng.normal(0, 5, size=n), 2)
        cases.append(
            make_case(
                reference,
                "back_substitution",
                U,
                c,
                name=f"back_substitution: a {n}×{n} triangular system",
                points=2,
            )
        )
    for n, A, label in (
        (3, _well_conditioned(rng, 3, integers=True), ""),
        (4, _zero_first_pivot(rng, 4), " that needs a row swap"),
        (6, _well_conditioned(rng, 6, integers=False), ""),
        (4, _singular(rng, 4), " with no unique solution"),
    ):
        b = np.round(rng.normal(0, 10, size=n), 2)
        cases.append(
            make_case(
                reference,
                "solve",
                A,
                b,
                name=f"solve: a {n}×{n} system{label}",
                check=Close(relative=1e-6, absolute=1e-8),
                points=3,
            )
        )
    return cases
