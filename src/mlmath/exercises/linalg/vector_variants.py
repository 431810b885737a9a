"""Random vectors and matrices for the Weeks 3–4 skills, with answers that come out clean.

Eigen-problems are built backwards — ``A = P D P⁻¹`` with an integer P of
determinant ±1 — so the eigenvalues are the chosen integers and A stays integer.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from mlmath.answers import Choice
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.surds import Surd

WEEK3_VECTORS = "Course 1 · Week 3 · Vectors"
WEEK3_TRANSFORMATIONS = "Course 1 · Week 3 · Linear transformations"
WEEK4_DETERMINANTS = "Course 1 · Week 4 · Determinants in depth"
WEEK4_EIGEN = "Course 1 · Week 4 · Eigenvalues and eigenvectors"

YES_NO = (Choice("yes", "yes"), Choice("no", "no"))


def integer(rng: np.random.Generator, low: int, high: int, nonzero: bool = False) -> int:
    """An integer from ``low`` to ``high`` inclusive (never 0 with ``nonzero``)."""
    while True:
        value = int(rng.integers(low, high + 1))
        if value or not nonzero:
            return value


def two_distinct(rng: np.random.Generator, n: int) -> tuple[int, int]:
    """Two different integers from 0 to ``n − 1``, drawn exactly as
    ``rng.choice(n, size=2, replace=False)`` draws them (the same numbers from the same
    stream), without building arrays: Floyd's sampling, then the pair shuffled."""
    first = int(rng.integers(n - 1))
    second = int(rng.integers(n))
    if second == first:
        second = n - 1
    if rng.integers(2) == 0:
        return second, first
    return first, second


def random_vector(
    rng: np.random.Generator, n: int, low: int, high: int, allow_zero: bool = False
) -> Vector:
    while True:
        v = Vector.of([integer(rng, low, high) for _ in range(n)])
        if allow_zero or not v.is_zero():
            return v


def random_matrix(rng: np.random.Generator, rows: int, columns: int, low: int, high: int) -> Matrix:
    return Matrix.of([[integer(rng, low, high) for _ in range(columns)] for _ in range(rows)])


def unimodular(rng: np.random.Generator, n: int, size: int = 2) -> Matrix:
    """An integer matrix of determinant ±1 (so its inverse is integer too)."""
    return unimodular_with_inverse(rng, n, size)[0]


def unimodular_with_inverse(
    rng: np.random.Generator, n: int, size: int = 2
) -> tuple[Matrix, Matrix]:
    """:func:`unimodular` and its inverse, built together (see :func:`_unimodular_rows`)."""
    rows, inverse = _unimodular_rows(rng, n, size)
    return Matrix.of(rows), Matrix.of(inverse)


def _unimodular_rows(
    rng: np.random.Generator, n: int, size: int
) -> tuple[list[list[int]], list[list[int]]]:
    """P and P⁻¹ as plain integer rows: P is a product of row operations ``E``, and each
    ``P ← E P`` is matched by ``P⁻¹ ← P⁻¹ E⁻¹``, the opposite column operation (adding
    k × row j to row i is undone on the right by subtracting k × column i from column j;
    a swap undoes itself). The operations are replayed on P⁻¹ only for an accepted P: most
    draws are rejected, and the random draws are the same either way."""
    while True:
        rows = [[int(i == j) for j in range(n)] for i in range(n)]
        operations: list[tuple[int, int, int]] = []
        for _ in range(n + 1):
            i, j = two_distinct(rng, n)
            k = integer(rng, -size, size, nonzero=True)
            rows[i] = [a + k * b for a, b in zip(rows[i], rows[j], strict=True)]
            operations.append((i, j, k))
        swapped = rng.random() < 0.5
        if swapped:
            rows[0], rows[1] = rows[1], rows[0]
        if max(abs(a) for r in rows for a in r) <= 4 and not _is_triangular(rows):
            inverse = [[int(i == j) for j in range(n)] for i in range(n)]
            for i, j, k in operations:
                for row in inverse:
                    row[j] -= k * row[i]
            if swapped:
                for row in inverse:
                    row[0], row[1] = row[1], row[0]
            return rows, inverse


def _is_triangular(rows: list[list[int]]) -> bool:
    n = len(rows)
    lower = all(rows[i][j] == 0 for i in range(n) for j in range(i + 1, n))
    upper = all(rows[i][j] == 0 for i in range(n) for j in range(i))
    return lower or upper


def with_eigenvalues(rng: np.random.Generator, values: list[int], size: int = 2) -> Matrix:
    """An integer matrix with exactly these eigenvalues (diagonalisable): ``P D P⁻¹``."""
    n = len(values)
    return similar(rng, [[values[i] if i == j else 0 for j in range(n)] for i in range(n)], size)


def similar(rng: np.random.Generator, rows: list[list[int]], size: int = 2) -> Matrix:
    """``P M P⁻¹`` for a random unimodular P, axes renumbered (:func:`shuffled`): an
    integer matrix similar to M (the same eigenvalues, diagonalisable exactly when M is)."""
    p, p_inverse = _unimodular_rows(rng, len(rows), size)
    # plain integers: one Fraction per entry of the result, not per partial product
    return shuffled(rng, Matrix.of(_product(_product(p, rows), p_inverse)))


def _product(left: list[list[int]], right: list[list[int]]) -> list[list[int]]:
    """The matrix product of two matrices of plain integers, as rows."""
    columns = list(zip(*right, strict=True))
    return [[sum(a * b for a, b in zip(row, c, strict=True)) for c in columns] for row in left]


def shuffled(rng: np.random.Generator, matrix: Matrix) -> Matrix:
    """The same transformation with the axes renumbered (rows and columns permuted
    alike): eigenvalues and diagonalisability are unchanged."""
    order = [int(i) for i in rng.permutation(matrix.shape[0])]
    return Matrix(tuple(tuple(matrix[i, j] for j in order) for i in order))


def number_answer(value: Surd) -> Fraction | float:
    """An exact answer when rational, a float (checked to the stated decimals) otherwise."""
    return value.rational if value.is_rational else value.to_float()


def sorted_numbers(values: list[Fraction]) -> Vector:
    return Vector(tuple(sorted(values)))
