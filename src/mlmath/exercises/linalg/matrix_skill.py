"""What the skills about one matrix share: the ``matrix`` input and invalid examples."""

from __future__ import annotations

import numpy as np

from mlmath.engine.exact import Matrix
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.random_systems import hidden_matrix, pick

MATRIX_INPUT = Field("matrix", "matrix", "the matrix, as a list of rows")


def wrong_shape(matrix: Matrix) -> list[str]:
    """Responses that cannot be read as a matrix of the right shape."""
    m, n = matrix.shape
    return [
        " ".join("1" for _ in range(n + 1))
        + ("; " + " ".join("1" for _ in range(n + 1))) * (m - 1),
        "[[1, 2], [3]",
    ]


def level_matrix(rng: np.random.Generator, level: int, *, full_rank: bool = False) -> Matrix:
    """A matrix for row reduction: 2 rows at level 1, 3 at level 2, 3 or 4 at level 3."""
    if level == 1:
        shape = (2, pick(rng, [2, 3]))
        rank = 2 if full_rank or rng.integers(3) else 1
        return hidden_matrix(rng, shape, rank, bound=6)
    if level == 2:
        shape = (3, pick(rng, [3, 4]))
        rank = 3 if full_rank else pick(rng, [1, 2, 2, 3, 3])
        return hidden_matrix(rng, shape, rank, bound=9)
    shape = (pick(rng, [3, 4]), pick(rng, [4, 5]))
    rank = shape[0] if full_rank else pick(rng, list(range(1, shape[0] + 1)))
    return hidden_matrix(rng, shape, rank, bound=12, denominators=(1, 2, 3))
