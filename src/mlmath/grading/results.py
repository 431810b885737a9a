"""What grading produces: small documented dataclasses, turned into JSON by :meth:`to_dict`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    GRADED = "graded"
    """Every test ran (or was stopped by a limit the learner's code hit); the score counts."""
    ERROR = "error"
    """Our own failure: no score is given, the grading is retried."""


GRADING_ERROR_MESSAGE = "grading error, will retry"


@dataclass(frozen=True, slots=True)
class TestResult:
    """One test of one function, in the learner's terms."""

    name: str
    """What the test checks, e.g. ``solve: a 4×4 system``."""
    function: str
    """The learner's function under test."""
    points: float
    """Points earned (all or nothing per test)."""
    max_points: float
    passed: bool
    public: bool
    """Public tests are the ones the learner can run while working (``--public``)."""
    message: str = ""
    """Why it failed, one or two sentences: shape, dtype, entry, NaN, mutation, exception, limit."""
    call: str = ""
    """The call that was made, e.g. ``solve(A, b)`` with the inputs shown."""
    expected: str = ""
    got: str = ""


@dataclass(slots=True)
class GradingResult:
    """The grade of one submission."""

    assignment: str
    status: Status
    score: float = 0.0
    max_score: float = 0.0
    tests: list[TestResult] = field(default_factory=list)
    output: str = ""
    """What the learner's code printed (capped)."""
    notes: list[str] = field(default_factory=list)
    """Whole-submission messages: load errors, limits, truncated output, sandbox warnings."""
    seed: int = 0
    """Seed of the hidden tests' inputs: the same seed reproduces the same grade."""
    seconds: float = 0.0

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        data["percent"] = round(self.percent, 1)
        return data
