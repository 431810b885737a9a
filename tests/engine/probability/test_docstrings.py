"""The examples in the probability engine's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "conditional",
    "continuous",
    "counting",
    "discrete",
    "joint",
    "multivariate",
    "notation",
    "rounding",
    "summaries",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"mlmath.engine.probability.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
