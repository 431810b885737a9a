"""A grader shared by the grading tests (full sandbox when available, else rlimits)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mlmath.grading.harness import Grader

# The shared assignment checks assert; show their failures in full, as in a test module.
pytest.register_assert_rewrite("tests.fixtures.assignments")


@pytest.fixture(scope="session")
def grader() -> Iterator[Grader]:
    with Grader(pool_size=2) as shared:
        yield shared
