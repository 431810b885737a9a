"""Errors raised while reading a learner's answer."""

from __future__ import annotations


class AnswerError(ValueError):
    """The typed answer could not be read, or is too large to check.

    ``message`` is one sentence for the learner saying what is wrong and what to
    do; ``position`` is the 0-based character offset of the problem, when known.
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class TooLarge(AnswerError):
    """A limit (length, nesting, digits, exponent, size) was hit before computing."""
