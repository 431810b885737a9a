"""A known mistake, and the wrong answer it produces for one variant.

A :class:`Misconception` says what a mistake is called, why it is one, where to learn
the fix and, when the learner asks for the next hint, a question that points at it.
A :class:`Mistake` pairs one with the answer it gives for a variant — in the answer's
own form, or (``shape``) in another one: a vector typed where one number is asked is
read as a vector, so that the elementwise products typed for a dot product are named.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from mlmath.answers import AnswerFormat


@dataclass(frozen=True, slots=True)
class Misconception:
    """A known mistake: what it is called, why it is wrong, and where to learn the fix.

    ``hint`` is the next hint after this mistake was named (a question that makes the
    learner look at the step that went wrong); without one, the hint is built from the
    explanation."""

    id: str
    name: str
    explanation: str
    topic: str = ""
    hint: str = ""

    def next_hint(self) -> str:
        """The hint to show first after this mistake: its own, or a pointer to the slip."""
        if self.hint:
            return self.hint
        return f"Look again at the step behind your last answer. {self.explanation}"

    def seen_in(self, fact: str) -> Misconception:
        """This misconception with what one variant shows added to its explanation
        ("Here det A = −6, not 0: …"), so that the feedback says why the answer is wrong
        for the question at hand, not only in general. The id and name stay the same."""
        return replace(self, explanation=f"{self.explanation} {fact}")


@dataclass(frozen=True, slots=True)
class Mistake:
    """The answer ``misconception`` produces for one variant.

    ``shape`` is the answer format the wrong answer is typed in when it is not the
    question's own (a vector for a number, a matrix for a vector); ``None`` for the same.
    """

    misconception: Misconception
    answer: Any
    shape: AnswerFormat | None = None
    declared: bool = False
    """A skill's own buggy answer (named whenever it differs from the answer); a computed
    one is named only when it lies clearly apart from the answer."""
    precision: AnswerFormat | None = None
    """How closely a response must match, when not as the answer itself: a percentage
    typed without its sign is read to two places fewer, a test statistic to 2 decimals."""
