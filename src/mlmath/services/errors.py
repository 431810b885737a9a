"""Errors a service raises for a person to read: each says what happened and what to do."""

from __future__ import annotations


class NotFound(LookupError):
    """The object does not exist, or belongs to someone else (the two are never told apart)."""

    def __init__(self, what: str = "page") -> None:
        super().__init__(f"There is no such {what}, or it is not yours to see.")
        self.what = what


class Conflict(ValueError):
    """The request no longer fits the stored state (say, answering a replaced variant)."""
