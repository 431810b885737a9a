"""What kind of answer a question expects, and how precisely.

A skill states its :class:`AnswerFormat` *before* the learner answers, so the
page can say "give an exact fraction or a decimal to 2 places" up front, and the
checker knows how to read and compare what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mlmath.engine.solution import Math


class Kind(Enum):
    NUMBER = "number"  # 3, -1/2, 0.25, 2.5e-3, 50% (when percent is allowed), sqrt(2)/2
    VECTOR = "vector"  # (1, 2, 3), [1, 2, 3], 1 2 3
    MATRIX = "matrix"  # [[1,2],[3,4]], 1 2; 3 4, a grid of lines
    SOLUTION_SET = "solution_set"  # "no solution", "infinitely many", x = 1 - t, y = t, (1, 2)
    EXPRESSION = "expression"  # 2x^2 + 3x, 2(x+1), e^(-x)
    CHOICE = "choice"  # one option id of several
    CHOICES = "choices"  # select all that apply: a set of option ids


QUICK_KINDS = frozenset({Kind.NUMBER, Kind.VECTOR, Kind.MATRIX, Kind.CHOICE, Kind.CHOICES})


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a multiple-choice question: a stable id and what the learner sees."""

    id: str
    label: str | Math


@dataclass(frozen=True, slots=True)
class AnswerFormat:
    """How to read and compare one answer.

    Numbers compare exactly when both sides are rational and no tolerance is
    set; otherwise within ``absolute_tolerance + relative_tolerance·|expected|``.
    ``decimals`` states the precision asked for ("to 2 decimal places"): any
    answer within half a unit of that place is accepted.

    A vector may stand for a set (``unordered``: eigenvalues, roots, the solutions
    of an equation, in any order) or for an interval (``interval``: two ends, typed
    as ``(a, b)``, ``[a, b]``, ``a to b`` or ``a ± m``). ``variables`` name a vector's
    entries where they have names, so ``y = 1, x = 2`` is read in their order.
    """

    kind: Kind
    relative_tolerance: float = 0.0
    absolute_tolerance: float = 0.0
    decimals: int | None = None
    percent_allowed: bool = False
    shape: tuple[int, ...] | None = None
    up_to_scale: bool = False
    variables: tuple[str, ...] = ()
    options: tuple[Choice, ...] = ()
    require_parametric: bool = True
    unordered: bool = False
    interval: bool = False

    @property
    def checked_quickly(self) -> bool:
        """Whether comparing answers of this kind stays within exact or floating-point
        arithmetic on bounded input (no symbolic algebra, whose time has no useful
        bound): such an answer can be checked without leaving a server's event loop."""
        return self.kind in QUICK_KINDS

    def option(self, option_id: str) -> Choice:
        for choice in self.options:
            if choice.id == option_id:
                return choice
        raise KeyError(option_id)
