"""How probability steps write numbers and tables.

Exact fractions stay fractions (``3/8``); real numbers from a distribution are
written to four decimal places. A :class:`Table` is a small labelled grid — a
PMF, a joint distribution, a count table — that renders itself as text, LaTeX
and JSON.

>>> text_of(Fraction(3, 8)), text_of(0.84134), text_of(Fraction(37, 1000))
('3/8', '0.8413', '0.037')
>>> text_of(Fraction(1, 5)), text_of(Fraction(1, 4))
('0.2', '1/4')
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
    """A fraction as a person would write it from a problem: tenths, hundredths and
    fifths as decimals (``37/1000`` is ``0.037``, ``1/5`` is ``0.2``), halves, quarters
    and thirds as fractions, a huge denominator to six significant digits."""
    d = x.denominator
    if d > 10**6:
        return f"{float(x):.6g}"
    if d % 5 == 0 and 10**6 % d == 0:
        return _terminating(x)
    return f"{float(x):.6g}" if d > 10**4 else None


def _terminating(x: Fraction) -> str:
    return f"{float(x):f}".rstrip("0").rstrip(".")


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


def approx(x: Number) -> tuple[str, str]:
    """``(latex, text)`` of " ≈ 46.667" for a fraction a reader wants as a decimal too."""
    if isinstance(x, Fraction) and x.denominator > 1 and _decimal(x) is None:
        return rf" \approx {float(x):.3f}", f" ≈ {float(x):.3f}"
    return "", ""


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

    def _decimal_mode(self) -> bool:
        """Whether any cell is written as a decimal: then every terminating one is."""
        return any(
            isinstance(c, Fraction) and _decimal(c) is not None for row in self.rows for c in row
        )

    def _cell(self, c: Cell, latex: bool) -> str:
        if (
            isinstance(c, Fraction)
            and c.denominator > 1
            and 10**6 % c.denominator == 0
            and self._decimal_mode()
        ):
            return _terminating(c)
        return _cell_latex(c) if latex else _cell_text(c)

    def text(self) -> str:
        grid = [list(self.header), *([self._cell(c, False) for c in row] for row in self.rows)]
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
        body = r" \\ ".join(" & ".join(self._cell(c, True) for c in row) for row in self.rows)
        return rf"\begin{{array}}{{{spec}}} {head} \\ \hline {body} \end{{array}}"

    def to_json(self) -> Any:
        return {
            "header": list(self.header),
            "rows": [[c if isinstance(c, str) else number_json(c) for c in r] for r in self.rows],
        }
