"""Plurals of the nouns a step speaks of: spelling rules and the listed irregular nouns."""

from __future__ import annotations

import doctest

import pytest

from mlmath.engine import plurals
from mlmath.engine.plurals import plural


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("colour", "colours"),
        ("sport", "sports"),
        ("locker", "lockers"),
        ("shelf", "shelves"),
        ("knife", "knives"),
        ("roof", "roofs"),
        ("city", "cities"),
        ("day", "days"),
        ("box", "boxes"),
        ("match", "matches"),
        ("bus", "buses"),
        ("die", "dice"),
        ("Person", "People"),
        ("matrix", "matrices"),
    ],
)
def test_plural(noun: str, expected: str) -> None:
    assert plural(noun) == expected


def test_docstring_examples() -> None:
    assert doctest.testmod(plurals).failed == 0
