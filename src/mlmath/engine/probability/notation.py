"""How probability steps write numbers and tables.

Exact fractions stay fractions (``3/8``); real numbers from a distribution are
written to four decimal places. A :class:`Table` is a small labelled grid — a
PMF, a joint distribution, a count table — that renders itself as text, LaTeX
and JSON.

>>> text_of(Fraction(3, 8)), text_of(0.84134), text_of(Fraction(37, 1000))
('3/8', '0.8413', '0.037')
>>> print(Table(("x", "P(X = x)"), ((0, Fraction(1, 4)), (1, Fraction(3, 4)))).text())
x  P(X = x)
0       1/4
1       3/4
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.render import number_json, number_latex, number_text
from mlmath.engine.solution import Formula

Number = Fraction | int | float
Cell = Number | str


def _decimal(x: Fraction) -> str | None:
    """A fraction as a person would write it from a problem: ``37/1000`` is ``0.037``; a
    fraction with a huge denominator is shown to six significant digits."""
    d = x.denominator
    if d <= 12:
        return None
    if d > 10**6:
        return f"{float(x):.6g}"
    if 10**6 % d == 0:
        return f"{float(x):f}".rstrip("0").rstrip(".")
    return f"{float(x):.6g}" if d > 10**4 else None


def text_of(x: Number) -> str:
    """A number as text: exact when it is a fraction, four decimals when it is real."""
    if isinstance(x, float):
        return f"{x:.4f}"
    if isinstance(x, Fraction) and (shown := _decimal(x)) is not None:
        return shown
    return number_text(x)


def latex_of(x: Number) -> str:
    if isinstance(x, float):
        return f"{x:.4f}"
    if isinstance(x, Fraction) and (shown := _decimal(x)) is not None:
        return number_latex(float(shown)) if "e" in shown else shown
    return number_latex(x)


def paren(x: Number) -> tuple[str, str]:
    """``(latex, text)`` of a number, in brackets when it is negative."""
    if x < 0:
        return rf"\left({latex_of(x)}\right)", f"({text_of(x)})"
    return latex_of(x), text_of(x)


def formula(latex: str, text: str, display: bool = False) -> Formula:
    return Formula(latex, text, display)


def total(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0))


def _cell_text(c: Cell) -> str:
    return c if isinstance(c, str) else text_of(c)


def _cell_latex(c: Cell) -> str:
    return rf"\text{{{c}}}" if isinstance(c, str) else latex_of(c)


@dataclass(frozen=True, slots=True)
class Table:
    """A labelled grid: a header row, then rows of numbers or labels."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def text(self) -> str:
        grid = [list(self.header), *([_cell_text(c) for c in row] for row in self.rows)]
        widths = [max(len(r[j]) for r in grid) for j in range(len(self.header))]
        return "\n".join(
            "  ".join(
                cell.rjust(widths[j]) if j else cell.ljust(widths[j]) for j, cell in enumerate(r)
            ).rstrip()
            for r in grid
        )

    def latex(self) -> str:
        spec = "l|" + "r" * (len(self.header) - 1)
        head = " & ".join(rf"\text{{{h}}}" for h in self.header)
        body = r" \\ ".join(" & ".join(_cell_latex(c) for c in row) for row in self.rows)
        return rf"\begin{{array}}{{{spec}}} {head} \\ \hline {body} \end{{array}}"

    def to_json(self) -> Any:
        return {
            "header": list(self.header),
            "rows": [[c if isinstance(c, str) else number_json(c) for c in r] for r in self.rows],
        }
