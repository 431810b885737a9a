"""Render math objects, prompts and worked solutions as text, LaTeX, Markdown or JSON.

Rendering is separate from solving: solvers build :class:`~.solution.Step` trees
of math objects, and the functions here write them out.

>>> from fractions import Fraction
>>> text(Fraction(-3, 4)), latex(Fraction(-3, 4))
('-3/4', '-\\\\frac{3}{4}')
>>> print(text(Matrix.of([[1, -2], [30, 4]])))
⎡ 1  -2⎤
⎣30   4⎦
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .exact import Matrix, Vector
from .notation import grid_text, number_json, number_latex, number_text
from .solution import Formula, LazyFormula, Math, Renderable, Solution, Step

# --- matrices and vectors ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Augmented:
    """A matrix drawn with a vertical bar before column ``bar_before``: ``[A | b]``."""

    matrix: Matrix
    bar_before: int

    def latex(self) -> str:
        n = self.matrix.shape[1]
        spec = "r" * self.bar_before + "|" + "r" * (n - self.bar_before)
        body = r" \\ ".join(" & ".join(number_latex(a) for a in row) for row in self.matrix.rows)
        return rf"\left[\begin{{array}}{{{spec}}} {body} \end{{array}}\right]"

    def text(self) -> str:
        return grid_text(self.matrix.rows, self.bar_before)

    def to_json(self) -> Any:
        return [[number_json(a) for a in row] for row in self.matrix.rows]


def matrix_latex(m: Matrix) -> str:
    return m.latex()


def vector_latex(v: Vector) -> str:
    return v.latex()


# --- dispatch ------------------------------------------------------------------


def text(obj: Math | str | Sequence[Math]) -> str:
    """Plain text for a terminal: numbers as typed, matrices as aligned grids."""
    if isinstance(obj, str):
        return obj
    if isinstance(obj, Fraction | int | float):
        return number_text(obj)
    if isinstance(obj, list | tuple):
        return ", ".join(text(item) for item in obj)
    assert isinstance(obj, Renderable)
    return obj.text()


def latex(obj: Math | str | Sequence[Math]) -> str:
    """LaTeX for KaTeX (math mode, without delimiters)."""
    if isinstance(obj, str):
        return latex_words(obj)
    if isinstance(obj, Fraction | int | float):
        return number_latex(obj)
    if isinstance(obj, list | tuple):
        return ",\\; ".join(latex(item) for item in obj)
    assert isinstance(obj, Renderable)
    return obj.latex()


def to_json(obj: Any) -> Any:
    """A JSON-ready value: exact numbers stay exact (``"1/3"``)."""
    if obj is None or isinstance(obj, bool | str):
        return obj
    if isinstance(obj, Fraction | int | float):
        return number_json(obj)
    if isinstance(obj, Renderable):
        return obj.to_json()
    if isinstance(obj, dict):
        return {str(k): to_json(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        items = sorted(obj, key=str) if isinstance(obj, set | frozenset) else obj
        return [to_json(v) for v in items]
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def is_block(obj: Math | str) -> bool:
    """Whether a math object is shown on a line of its own rather than inline."""
    if isinstance(obj, Matrix | Vector | Augmented):
        return True
    if isinstance(obj, Formula | LazyFormula):
        return obj.display
    if isinstance(obj, str | Fraction | int | float):
        return False
    return "\n" in obj.text()


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "%": r"\%",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def latex_words(words: str) -> str:
    """Plain words inside math: ``\\text{…}`` with LaTeX's special characters escaped."""
    return r"\text{" + _latex_escape(words) + "}"


def _latex_escape(words: str) -> str:
    return "".join(_LATEX_SPECIALS.get(c, c) for c in words)


# --- worked solutions ----------------------------------------------------------


def step_to_json(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": step.rule}
    if step.math is not None:
        out["latex"] = latex(step.math)
        out["text"] = text(step.math)
        out["value"] = to_json(step.math)
    if step.substeps:
        out["substeps"] = [step_to_json(s) for s in step.substeps]
    return out


def solution_to_json(solution: Solution[Any]) -> dict[str, Any]:
    return {"answer": to_json(solution.answer), "steps": [step_to_json(s) for s in solution.steps]}


def solution_text(solution: Solution[Any]) -> str:
    """The worked solution as numbered plain-text steps."""
    lines: list[str] = []
    _steps_text(solution.steps, lines, prefix="", indent="")
    return "\n".join(lines)


def _steps_text(steps: Sequence[Step], lines: list[str], prefix: str, indent: str) -> None:
    for i, step in enumerate(steps, 1):
        label = f"{prefix}{i}."
        lines.append(f"{indent}{label} {step.rule}")
        if step.math is not None:
            pad = indent + " " * (len(label) + 1)
            lines.extend(pad + line for line in text(step.math).splitlines())
        if step.substeps:
            _steps_text(step.substeps, lines, prefix=label, indent=indent + "   ")


def solution_markdown(solution: Solution[Any]) -> str:
    """The worked solution as a Markdown list with ``$$…$$`` math (for KaTeX)."""
    lines: list[str] = []
    _steps_markdown(solution.steps, lines, indent="")
    return "\n".join(lines)


def _steps_markdown(steps: Sequence[Step], lines: list[str], indent: str) -> None:
    for i, step in enumerate(steps, 1):
        lines.append(f"{indent}{i}. {step.rule}")
        if step.math is not None:
            lines.append(f"{indent}   $${latex(step.math)}$$")
        if step.substeps:
            _steps_markdown(step.substeps, lines, indent + "   ")


def solution_latex(solution: Solution[Any]) -> str:
    """The worked solution as a LaTeX ``enumerate`` list."""
    lines = [r"\begin{enumerate}"]
    _steps_latex(solution.steps, lines)
    lines.append(r"\end{enumerate}")
    return "\n".join(lines)


def _steps_latex(steps: Sequence[Step], lines: list[str]) -> None:
    for step in steps:
        lines.append(r"\item " + _latex_escape(step.rule))
        if step.math is not None:
            lines.append(r"\[" + latex(step.math) + r"\]")
        if step.substeps:
            lines.append(r"\begin{enumerate}")
            _steps_latex(step.substeps, lines)
            lines.append(r"\end{enumerate}")


__all__ = [
    "Augmented",
    "is_block",
    "latex",
    "latex_words",
    "matrix_latex",
    "number_json",
    "number_latex",
    "number_text",
    "solution_latex",
    "solution_markdown",
    "solution_text",
    "solution_to_json",
    "step_to_json",
    "text",
    "to_json",
    "vector_latex",
]
