"""The rank of a matrix: how many rows (or columns) are linearly independent.

>>> from mlmath.engine.exact import Matrix
>>> rank_of(Matrix.of([[1, 2], [2, 4]]))
1
"""

from __future__ import annotations

from mlmath.engine.exact import Matrix


def rank_of(matrix: Matrix) -> int:
    """The rank, by exact forward elimination (no worked steps)."""
    rows = [list(r) for r in matrix.rows]
    n_rows, n_cols = matrix.shape
    rank = 0
    for col in range(n_cols):
        pivot = next((i for i in range(rank, n_rows) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(rank + 1, n_rows):
            factor = rows[i][col] / rows[rank][col]
            if factor:
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
        if rank == n_rows:
            break
    return rank
