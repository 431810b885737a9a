"""Worked solutions as data: a tree of steps, each stating its rule in words.

A solver returns a :class:`Solution`: the answer, and the steps a person would
write to reach it. Steps hold math *objects* (fractions, matrices, systems,
formulas), never pre-rendered strings, so one solution renders as plain text for
the terminal, LaTeX for the web and JSON for programs (see :mod:`.render`).

>>> from fractions import Fraction
>>> s = Solution(Fraction(7), (Step("Add the two numbers", Formula("3 + 4 = 7", "3 + 4 = 7")),))
>>> s.answer, s.steps[0].rule
(Fraction(7, 1), 'Add the two numbers')
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable


@runtime_checkable
class Renderable(Protocol):
    """A math object that knows how to write itself in each output format."""

    def latex(self) -> str: ...

    def text(self) -> str: ...

    def to_json(self) -> Any: ...


Math = Fraction | int | float | Renderable
"""Anything a step or a prompt can show as mathematics."""


@dataclass(frozen=True, slots=True)
class Formula:
    """An ad-hoc formula, given once as LaTeX and once as plain text.

    ``display`` asks for it on a line of its own rather than inside a sentence.
    """

    latex_source: str
    text_source: str
    display: bool = False

    def latex(self) -> str:
        return self.latex_source

    def text(self) -> str:
        return self.text_source

    def to_json(self) -> Any:
        return {"latex": self.latex_source, "text": self.text_source}


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a worked solution.

    ``rule`` says in words what is done ("Subtract 2 × row 1 from row 2");
    ``math`` shows the result of doing it; ``substeps`` refine the step.
    """

    rule: str
    math: Math | None = None
    substeps: tuple[Step, ...] = ()


A = TypeVar("A")


@dataclass(frozen=True, slots=True)
class Solution(Generic[A]):
    """An answer together with the worked steps that reach it."""

    answer: A
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("a worked solution needs at least one step")


class NotSolvable(ValueError):
    """The question has no answer for this input (say, the inverse of a singular matrix).

    The message is written for a learner and says why.
    """
