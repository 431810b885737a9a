"""Random square matrices for practice: any, singular on purpose, or with clean pivots.

Shared by the determinant, singularity and dependence skills, so every one of
them draws from the same well-tested pools.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant


def entries(
    rng: np.random.Generator, count: int, low: int, high: int, halves: bool = False
) -> list[Fraction]:
    """``count`` numbers from ``low`` to ``high``; with ``halves``, some are halves."""
    values = [Fraction(int(rng.integers(low, high + 1))) for _ in range(count)]
    if halves:
        values = [v + Fraction(1, 2) if rng.random() < 0.35 else v for v in values]
    return values


def random_matrix(
    rng: np.random.Generator, n: int, low: int, high: int, halves: bool = False
) -> Matrix:
    """An ``n×n`` matrix of random entries (any determinant)."""
    values = entries(rng, n * n, low, high, halves)
    return Matrix(tuple(tuple(values[i * n : (i + 1) * n]) for i in range(n)))


def nonsingular_matrix(
    rng: np.random.Generator, n: int, low: int, high: int, halves: bool = False
) -> Matrix:
    while True:
        matrix = random_matrix(rng, n, low, high, halves)
        if determinant(matrix) != 0:
            return matrix


def singular_matrix(
    rng: np.random.Generator, n: int, low: int, high: int, halves: bool = False
) -> Matrix:
    """A singular matrix whose dependence is not always a plain multiple: one row is
    a small combination of the others, then the rows are shuffled."""
    while True:
        base = [list(row) for row in random_matrix(rng, n, low, high, halves).rows]
        helpers = n - 1
        weights = [int(rng.integers(-2, 3)) for _ in range(helpers)]
        if all(w == 0 for w in weights) or (0 in weights and rng.random() < 0.75):
            continue
        built = [
            sum((w * base[i][j] for i, w in enumerate(weights)), Fraction(0)) for j in range(n)
        ]
        if any(abs(x) > 3 * max(abs(low), abs(high), 1) for x in built) or all(
            x == 0 for x in built
        ):
            continue
        rows = [*base[:helpers], built]
        order = rng.permutation(n)
        matrix = Matrix(tuple(tuple(rows[int(i)]) for i in order))
        if determinant(matrix) == 0:
            return matrix


def has_parallel_rows(matrix: Matrix) -> bool:
    """Whether some row is a multiple of another (including a zero row)."""
    rows = [matrix.row(i) for i in range(matrix.shape[0])]
    for i, u in enumerate(rows):
        if u.is_zero():
            return True
        for v in rows[i + 1 :]:
            if v.is_zero():
                return True
            pairs = [(a, b) for a, b in zip(u, v, strict=True)]
            if all(a * d == b * c for (a, b) in pairs for (c, d) in pairs):
                return True
    return False


def clean_pivot_matrix(rng: np.random.Generator, n: int, needs_swap: bool, halves: bool) -> Matrix:
    """``L·U`` with small integer multipliers and pivots, so elimination stays tidy;
    with ``needs_swap`` the first pivot position holds 0 and a swap is needed.

    Row ``i`` of ``L·U`` is row ``i`` of ``U`` plus multiples of the rows of ``U``
    above it, so it is drawn (its multipliers and its row of ``U``) until its
    entries are within ±12, without redrawing the rows already kept.
    """
    upper: list[list[Fraction]] = []
    rows: list[list[Fraction]] = []
    for i in range(n):
        for _ in range(1000):
            multipliers = [int(rng.integers(-2, 3)) for _ in range(i)]
            u = [Fraction(0)] * i + [
                entries(rng, 1, -4, 5, halves and j > i)[0] for j in range(i, n)
            ]
            while u[i] == 0:
                u[i] = Fraction(int(rng.integers(-3, 4)))
            if needs_swap and i == 1:
                multipliers[0] = 0
            row = list(u)
            for k, multiplier in enumerate(multipliers):
                if multiplier:
                    row = [a + multiplier * b for a, b in zip(row, upper[k], strict=True)]
            if all(abs(a) <= 12 for a in row):
                break
        else:  # pragma: no cover - a row of U alone is always within the bound
            raise RuntimeError("could not draw a row within bounds")
        upper.append(u)
        rows.append(row)
    if needs_swap:
        rows[0], rows[1] = rows[1], rows[0]
    return Matrix(tuple(tuple(r) for r in rows))
