"""Math objects → pieces a template can show: words (escaped) and LaTeX for KaTeX.

Templates never receive pre-built HTML from here: a piece is either words or a
LaTeX source plus a plain-text fallback, and Jinja escapes both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.answers.format import AnswerFormat, Choice, Kind
from mlmath.answers.numeric import entries_of
from mlmath.engine import render
from mlmath.engine.solution import Renderable, Solution, Step


@dataclass(frozen=True, slots=True)
class Piece:
    """Words (``latex`` empty) or math (``latex`` for KaTeX, ``text`` as the fallback)."""

    text: str
    latex: str = ""
    block: bool = False

    @property
    def is_math(self) -> bool:
        return bool(self.latex)


def math_piece(obj: Any) -> Piece:
    return Piece(render.text(obj), render.latex(obj), render.is_block(obj))


def pieces(prompt: Sequence[Any]) -> list[Piece]:
    """A prompt (words and math objects) as pieces."""
    return [Piece(p) if isinstance(p, str) else math_piece(p) for p in prompt]


@dataclass(frozen=True, slots=True)
class StepView:
    rule: str
    math: Piece | None
    substeps: Sequence[StepView]


def _step(step: Step) -> StepView:
    math = math_piece(step.math) if step.math is not None else None
    return StepView(step.rule, math, [_step(s) for s in step.substeps])


def steps(solution: Solution[Any]) -> list[StepView]:
    return [_step(s) for s in solution.steps]


def answer_piece(value: Any, fmt: AnswerFormat | None = None) -> Piece:
    """How a value read from a learner's answer (or a skill's answer) is shown."""
    if fmt is not None and fmt.kind in (Kind.CHOICE, Kind.CHOICES):
        ids = sorted(value) if isinstance(value, set | frozenset | list | tuple) else [value]
        labels = []
        for option_id in ids:
            try:
                labels.append(fmt.option(str(option_id)).label)
            except KeyError:
                labels.append(str(option_id))
        return Piece(", ".join(render.text(x) if not isinstance(x, str) else x for x in labels))
    if fmt is not None and fmt.kind is Kind.VECTOR and (fmt.interval or fmt.unordered):
        entries = entries_of(value)
        if entries is not None:
            return _listed(entries, interval=fmt.interval)
    if isinstance(value, Fraction | int | float | Renderable) and not isinstance(value, bool):
        try:
            return math_piece(value)
        except (TypeError, AttributeError):
            pass
    if type(value).__module__.startswith("sympy"):
        import sympy

        return Piece(str(value), sympy.latex(value))
    if (
        isinstance(value, tuple | list)
        and value
        and all(isinstance(v, Fraction | int | float) for v in value)
    ):
        return Piece(
            "(" + ", ".join(render.text(v) for v in value) + ")",
            r"\left(" + ", ".join(render.latex(v) for v in value) + r"\right)",
        )
    return Piece(str(value))


def _listed(entries: Sequence[Any], *, interval: bool) -> Piece:
    """An interval's two ends ``(a, b)``, or a set of values ``{a, b}`` (in any order)."""
    numbers = [float(v) if isinstance(v, float) else Fraction(v) for v in entries]
    texts = ", ".join(_decimal(v) or render.text(v) for v in numbers)
    latexes = ", ".join(_decimal(v) or render.latex(v) for v in numbers)
    if interval:
        return Piece(f"({texts})", rf"\left({latexes}\right)")
    return Piece(f"{{{texts}}}", rf"\left\{{{latexes}\right\}}")


def percent_piece(value: Fraction | float) -> Piece:
    """A percentage as it was read: ``16.1% = 0.161``."""
    shown, percent = render.text(value), render.text(value * 100)
    if isinstance(value, Fraction):
        shown = _decimal(value) or shown
        percent = _decimal(value * 100) or percent
    return Piece(f"{percent}% = {shown}", rf"{percent}\% = {shown}")


def _decimal(value: Fraction | float) -> str | None:
    """A fraction with a short exact decimal (``1152/25`` → ``46.08``) in decimals."""
    if not isinstance(value, Fraction) or value.denominator == 1:
        return None
    denominator, places = value.denominator, 0
    while denominator % 10 == 0 or denominator % 2 == 0 or denominator % 5 == 0:
        for factor in (10, 2, 5):
            if denominator % factor == 0:
                denominator //= factor
                break
        places += 1
    if denominator != 1 or places > 12:
        return None
    digits = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return digits if Fraction(digits) == value else None


def option_pieces(fmt: AnswerFormat) -> list[tuple[Choice, Piece]]:
    return [
        (c, Piece(c.label) if isinstance(c.label, str) else math_piece(c.label))
        for c in fmt.options
    ]
