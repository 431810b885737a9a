"""A family of shared mistakes, declared by a skill with the values it needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from mlmath.answers import AnswerFormat
from mlmath.exercises.misconception import Mistake


class Slip:
    """One family of shared mistakes, declared by a skill with the values it needs."""

    rank: ClassVar[int] = 3
    """Specificity: slips of lower rank are tried first (the sign flip, broadest, last)."""

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        raise NotImplementedError
