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

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from .chains import said_once


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

    ``display`` asks for it on a line of its own rather than inside a sentence. A chain
    of equalities is written with each side once ("p = 7/10", not "p = 7/10 = 7/10"; see
    :func:`.chains.said_once`).
    """

    latex_source: str
    text_source: str
    display: bool = False

    def latex(self) -> str:
        return said_once(self.latex_source)

    def text(self) -> str:
        return said_once(self.text_source)

    def to_json(self) -> Any:
        return {"latex": self.latex(), "text": self.text()}


@dataclass(frozen=True, slots=True, eq=False)
class LazyFormula:
    """A formula written out only when it is shown: ``write_latex`` and ``write_text``
    make the two forms on demand. A solver uses it for steps whose text takes longer to
    write than the answer takes to find, as most solutions are worked for their answer
    (grading) and only some are shown. ``display`` as for :class:`Formula`; two are equal
    when they read the same."""

    write_latex: Callable[[], str] = field(repr=False)
    write_text: Callable[[], str] = field(repr=False)
    display: bool = False

    def latex(self) -> str:
        return self.write_latex()

    def text(self) -> str:
        return self.write_text()

    def to_json(self) -> Any:
        return {"latex": self.latex(), "text": self.text()}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LazyFormula):
            return NotImplemented
        return (self.latex(), self.text(), self.display) == (
            other.latex(),
            other.text(),
            other.display,
        )

    def __hash__(self) -> int:
        return hash((self.latex(), self.text(), self.display))

    def __repr__(self) -> str:
        return f"LazyFormula({self.text()!r})"


def formula_later(
    write_latex: Callable[[], str], write_text: Callable[[], str], display: bool = False
) -> LazyFormula:
    """The :class:`Formula` of ``write_latex()`` and ``write_text()``, written out only when
    it is shown, and then read exactly as that Formula (each side of a chain said once)."""
    return LazyFormula(lambda: said_once(write_latex()), lambda: said_once(write_text()), display)


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


class WorkedLater(Solution[A]):
    """A solution whose steps are written out on first use, by ``write``.

    Most solutions are worked for their answer alone (every answer check asks for it) and
    only some are shown; when the steps take longer to write than the answer to find, a
    solver returns this. It is a :class:`Solution` in every other way: ``steps`` reads the
    same, and it equals a Solution with the same answer and steps."""

    __slots__ = ("_write",)
    _write: Callable[[], tuple[Step, ...]]

    def __init__(self, answer: A, write: Callable[[], tuple[Step, ...]]) -> None:
        object.__setattr__(self, "answer", answer)
        object.__setattr__(self, "_write", write)

    @property
    def steps(self) -> tuple[Step, ...]:
        try:
            kept: tuple[Step, ...] = _STEPS_SLOT.__get__(self, Solution)
        except AttributeError:
            kept = tuple(self._write())
            if not kept:
                raise ValueError("a worked solution needs at least one step") from None
            _STEPS_SLOT.__set__(self, kept)
        return kept

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Solution):
            return NotImplemented
        return (self.answer, self.steps) == (other.answer, other.steps)

    def __hash__(self) -> int:
        return hash((self.answer, self.steps))

    def __repr__(self) -> str:
        return f"Solution(answer={self.answer!r}, steps={self.steps!r})"


_STEPS_SLOT: Any = Solution.__dict__["steps"]
"""Where a Solution keeps its steps (a slot): :class:`WorkedLater` fills it once written."""


class NotSolvable(ValueError):
    """The question has no answer for this input (say, the inverse of a singular matrix).

    The message is written for a learner and says why.
    """
