"""How probability and statistics steps write numbers and tables.

Exact fractions stay fractions (``3/8``), decimals stay the decimals they are
(``0.037``, ``1000000000000.45``); real numbers are written to four decimal places
or four significant figures, whichever shows more, so a small standard error keeps
its digits (0.0004292, not 0.0004) and a short fraction gets its decimal beside it
(19/217 ≈ 0.08756). A :class:`Table` is a small labelled grid — a PMF, a joint
distribution, a count table — that renders itself as text, LaTeX and JSON; a long
one shows its first and last rows.

>>> text_of(Fraction(3, 8)), text_of(0.84134), text_of(Fraction(37, 1000))
('3/8', '0.8413', '0.037')
>>> text_of(Fraction(1, 5)), text_of(Fraction(1, 4)), text_of(0.000429187)
('0.2', '1/4', '0.0004292')
>>> real_text(27.0), real_text(2.102745), real_text(Fraction(10000000000004333, 10000))
('27', '2.1027', '1000000000000.4333')
>>> approx(Fraction(19, 217)), given_text(1000000000000.4), given_text(Fraction(-5, 2))
((' \\\\approx 0.08756', ' ≈ 0.08756'), '1000000000000.4', '-2.5')
>>> print(Table(("x", "P(X = x)"), ((0, Fraction(1, 4)), (1, Fraction(3, 4)))).text())
x  P(X = x)
0       1/4
1       3/4
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.render import number_json, number_latex, number_text
from mlmath.engine.significant import sig_latex, sig_text
from mlmath.engine.solution import Formula

Number = Fraction | int | float
Cell = Number | str

DECIMALS = 4
"""Real numbers show at least this many decimal places …"""
SIGNIFICANT = 4
"""… and at least this many significant figures, whichever shows more."""
MOST_DIGITS = 17
"""No more digits than a float holds."""
TABLE_ROWS = 12
"""A table longer than this shows its first and last rows only."""


def _figures(x: Number) -> int:
    value = abs(float(x))
    if value == 0 or not math.isfinite(value):
        return SIGNIFICANT
    magnitude = math.floor(math.log10(value))
    return min(max(SIGNIFICANT, magnitude + 1 + DECIMALS), MOST_DIGITS)


_LARGEST_EXACT = 10**MOST_DIGITS


def _exact_digits(x: Fraction) -> str | None:
    """A terminating fraction's exact decimal, when it has at most 17 digits."""
    n, d = x.numerator, x.denominator
    if d == 1:
        return str(n)
    if abs(n) >= _LARGEST_EXACT:
        return None
    twos = (d & -d).bit_length() - 1
    odd = d >> twos
    fives = round(math.log(odd, 5)) if odd > 1 else 0
    if 5**fives != odd:
        return None
    places = max(twos, fives)
    digits = str(abs(n) * (10**places // d)).rjust(places + 1, "0")
    if len(digits.lstrip("0")) > MOST_DIGITS:
        return None
    shown = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return f"-{shown}" if n < 0 else shown


def _plain(x: float) -> str | None:
    """``x`` with four decimals or four significant figures, whichever shows more, when it
    needs no power of ten (1e-4 ≤ |x| < 1e15); None otherwise."""
    size = abs(x)
    if not 1e-4 <= size < 1e15:
        return "0" if x == 0 else None
    if size >= 0.1:
        decimals = min(DECIMALS, max(0, MOST_DIGITS - 1 - math.floor(math.log10(size))))
    else:
        decimals = SIGNIFICANT - 1 - math.floor(math.log10(size))
    shown = f"{x:.{decimals}f}"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return "0" if shown == "-0" else shown


def _real(x: Number, rounded: Callable[[Number, int], str]) -> str:
    if type(x) is float and (shown := _plain(x)) is not None:
        return shown
    if isinstance(x, Fraction) and (exact := _exact_digits(x)) is not None:
        return exact
    if isinstance(x, int):
        return str(x)
    return rounded(x, _figures(x))


def real_text(x: Number) -> str:
    """A real number: four decimals or four significant figures, whichever shows more
    (every digit of an exact decimal up to 17)."""
    return _real(x, sig_text)


def real_latex(x: Number) -> str:
    return _real(x, sig_latex)


def is_shown_exactly(x: Number, write: Callable[[Number], str] | None = None) -> bool:
    """Whether ``write`` (:func:`real_text` unless given) writes ``x`` as the value itself —
    0.5, 1/4 as 0.25, 19/217 as a fraction; a float as the decimal that reads back as it —
    so that "=" and not "≈" leads to it."""
    shown = (write or real_text)(x)
    if "×" in shown:
        return False
    try:
        if isinstance(x, float):
            return float(shown) == x
        return Fraction(shown) == Fraction(x)
    except (ValueError, OverflowError, ZeroDivisionError):  # inf or nan: no decimal is it
        return False


def decimal_text(x: Number) -> str:
    """``x`` as a decimal when that is the value itself (5.5, 30.25), else as
    :func:`text_of` writes it (11/3): for problems posed in decimals."""
    return real_text(x) if is_shown_exactly(x) else text_of(x)


def decimal_latex(x: Number) -> str:
    """:func:`decimal_text` in LaTeX."""
    return real_latex(x) if is_shown_exactly(x) else latex_of(x)


def to_real(x: Number) -> tuple[str, str]:
    """``(latex, text)`` of "= 0.5" or "≈ 0.03419": the relation a rounded value is
    written with."""
    if is_shown_exactly(x):
        return f"= {real_latex(x)}", f"= {real_text(x)}"
    return rf"\approx {real_latex(x)}", f"≈ {real_text(x)}"


def tail_text(p: float) -> str:
    """A tail probability; one too small for a float (below about 10^-308) is not 0."""
    return real_text(p) if p > 0 else "0 (below 10^-300, too small for a float to hold)"


def tail_latex(p: float) -> str:
    return real_latex(p) if p > 0 else r"0\ (\text{below } 10^{-300})"


SHORT_FRACTION = 12
"""A fraction written with at most this many characters is shown, its decimal beside it."""


def exact_text(x: Number) -> str:
    """An exact result: its decimal when it terminates (``0.75``), the fraction and its
    decimal when the fraction is short (``19/217 ≈ 0.08756``), else the decimal alone."""
    if isinstance(x, Fraction):
        if (exact := _exact_digits(x)) is not None:
            return exact
        if len(number_text(x)) <= SHORT_FRACTION:
            return f"{number_text(x)} ≈ {real_text(x)}"
        return real_text(x)
    return real_text(x)


def exact_latex(x: Number) -> str:
    if isinstance(x, Fraction):
        if (exact := _exact_digits(x)) is not None:
            return exact
        if len(number_text(x)) <= SHORT_FRACTION:
            return rf"{number_latex(x)} \approx {real_latex(x)}"
        return real_latex(x)
    return real_latex(x)


MOST_TYPED_DECIMALS = 10
"""A float with more significant digits than this after the point was not typed."""


def given_text(x: Number) -> str:
    """A number the learner gave, as they would have typed it: ``1000000000000.4``,
    ``2.5``, ``1/3``; a float with more digits than anyone types is written like a
    worked-out number, ``given_text(3.13467411674353)`` is ``3.1347``."""
    if isinstance(x, float):
        if x.is_integer() and abs(x) < 1e15:
            return str(int(x))
        shown = f"{x:.15g}"  # the typed decimal, without the float's noise (0.025, not …022)
        if "e" in shown:
            return sig_text(x, SIGNIFICANT)
        fraction_digits = shown.partition(".")[2].lstrip("0")
        if len(fraction_digits) > MOST_TYPED_DECIMALS:
            # nobody types 3.13467411674353: it was worked out (a standard deviation
            # of data, say), so it is written like every other worked-out number
            return real_text(x)
        return shown
    if isinstance(x, Fraction) and (exact := _exact_digits(x)) is not None:
        return exact
    if isinstance(x, Fraction) and len(number_text(x)) > SHORT_FRACTION:
        return real_text(x)
    return number_text(x)


def given_percent_text(share: Number) -> str:
    """A share given in a problem as a percentage, with every decimal it has: 0.125 is
    ``12.5%`` and 0.95 is ``95%`` (rounding to whole percents would show 0.125 as 12%)."""
    return f"{given_text(float(share) * 100)}%"


def given_latex(x: Number) -> str:
    shown = given_text(x)
    if "×" in shown:
        return sig_latex(x, SIGNIFICANT)
    if "/" in shown:
        return number_latex(x)
    return shown


def _decimal(x: Fraction) -> str | None:
    """A fraction as a person would write it from a problem: tenths, hundredths and
    fifths as decimals (``37/1000`` is ``0.037``, ``1/5`` is ``0.2``), halves, quarters
    and thirds as fractions, a huge denominator as a decimal."""
    d = x.denominator
    if d % 5 == 0 and (exact := _exact_digits(x)) is not None:
        return exact
    return real_text(x) if d > 10**4 else None


def text_of(x: Number) -> str:
    """A number as text: exact when it is a fraction, four decimals or four significant
    figures (whichever shows more) when it is real."""
    if isinstance(x, float):
        return real_text(x)
    if isinstance(x, Fraction) and (shown := _decimal(x)) is not None:
        return shown
    return number_text(x)


def latex_of(x: Number) -> str:
    if isinstance(x, float):
        return real_latex(x)
    if isinstance(x, Fraction) and (shown := _decimal(x)) is not None:
        return real_latex(x) if "×" in shown else shown
    return number_latex(x)


def approx(x: Number) -> tuple[str, str]:
    """``(latex, text)`` of " ≈ 0.08756" for a fraction a reader wants as a decimal too;
    " = 30.875" when the decimal shown is the fraction exactly (247/8)."""
    if isinstance(x, Fraction) and x.denominator > 1 and _decimal(x) is None:
        latex, text = to_real(x)
        return f" {latex}", f" {text}"
    return "", ""


def paren(x: Number) -> tuple[str, str]:
    """``(latex, text)`` of a number, in brackets when it is negative."""
    if x < 0:
        return rf"\left({latex_of(x)}\right)", f"({text_of(x)})"
    return latex_of(x), text_of(x)


def formula(latex: str, text: str, display: bool = False) -> Formula:
    return Formula(latex, text, display)


def total(values: Sequence[Fraction]) -> Fraction:
    """The exact sum, added over one common denominator: a single reduction at the end
    instead of a gcd at every addition (the same fraction, several times faster)."""
    if not all(isinstance(v, Fraction | int) for v in values):
        return sum(values, Fraction(0))
    denominator = math.lcm(*(v.denominator for v in values))
    return Fraction(sum(v.numerator * (denominator // v.denominator) for v in values), denominator)


def _cell_text(c: Cell) -> str:
    return c if isinstance(c, str) else text_of(c)


_POWER = re.compile(r"(-?[\d.]+) × 10\^(-?\d+)")


def _cell_latex(c: Cell) -> str:
    """A cell in LaTeX: a number as math; words as text, with any ``2.5 × 10^-6`` in them
    written as math (``^`` is not allowed in text)."""
    if not isinstance(c, str):
        return latex_of(c)
    pieces = _POWER.split(c)
    out = []
    for i in range(0, len(pieces), 3):
        if pieces[i]:
            out.append(rf"\text{{{pieces[i]}}}")
        if i + 2 < len(pieces):
            out.append(rf"{pieces[i + 1]} \times 10^{{{pieces[i + 2]}}}")
    return " ".join(out) or r"\text{}"


def shown_rows(n: int, head: int = 8, tail: int = 3) -> tuple[list[int], int]:
    """Which of n rows a table shows — all when there are few, else the first ``head``
    and the last ``tail`` — and after how many shown rows the gap falls (0: no gap)."""
    if n <= TABLE_ROWS:
        return list(range(n)), 0
    return [*range(head), *range(n - tail, n)], head


@dataclass(frozen=True, slots=True)
class Table:
    """A labelled grid: a header row, then rows of numbers or labels.

    A long table holds only some of its rows: ``omitted`` rows are left out after the
    first ``gap_after`` rows, and the table says so where they would be.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    omitted: int = 0
    gap_after: int = 0

    def _gap(self) -> tuple[str, ...]:
        return (f"… {self.omitted:,} more rows", *("⋮" for _ in self.header[1:]))

    def _with_gap(self, cells: list[list[str]], gap: list[str]) -> list[list[str]]:
        if not self.omitted:
            return cells
        return [*cells[: self.gap_after], gap, *cells[self.gap_after :]]

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
            return _exact_digits(c) or text_of(c)
        return _cell_latex(c) if latex else _cell_text(c)

    def text(self) -> str:
        body = [[self._cell(c, False) for c in row] for row in self.rows]
        grid = [list(self.header), *self._with_gap(body, list(self._gap()))]
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
        cells = [[self._cell(c, True) for c in row] for row in self.rows]
        gap = [rf"\text{{{self._gap()[0]}}}", *(r"\vdots" for _ in self.header[1:])]
        body = r" \\ ".join(" & ".join(row) for row in self._with_gap(cells, gap))
        return rf"\begin{{array}}{{{spec}}} {head} \\ \hline {body} \end{{array}}"

    def to_json(self) -> Any:
        out: dict[str, Any] = {
            "header": list(self.header),
            "rows": [[c if isinstance(c, str) else number_json(c) for c in r] for r in self.rows],
        }
        if self.omitted:
            out["omitted_rows"] = {"count": self.omitted, "after": self.gap_after}
        return out
