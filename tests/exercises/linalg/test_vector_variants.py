"""The random pieces of the linear-algebra variants draw what a stored seed drew before."""

from __future__ import annotations

import numpy as np
import pytest

from mlmath.exercises.linalg.vector_variants import two_distinct


@pytest.mark.parametrize("n", [2, 3, 4, 5, 9])
def test_two_distinct_draws_as_numpy_choice_does(n: int) -> None:
    for seed in range(300):
        ours, numpys = np.random.default_rng([seed, n]), np.random.default_rng([seed, n])
        for _ in range(4):
            expected = tuple(int(i) for i in numpys.choice(n, size=2, replace=False))
            assert two_distinct(ours, n) == expected
        assert ours.random() == numpys.random(), "the stream goes on from the same place"
