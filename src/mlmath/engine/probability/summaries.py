"""Describing data: mean, median, mode, quantiles (NumPy's convention), variance.

Quantiles use the convention NumPy's ``np.quantile`` uses by default
(``method="linear"``): sort the n values, go to position h = (n − 1)·q counting
from 0, and interpolate between the two neighbours. The median is the 0.5
quantile, Q1 the 0.25 and Q3 the 0.75 quantile; the box plot's five numbers are
min, Q1, median, Q3, max.

>>> data = tuple(map(Fraction, (7, 1, 3, 5)))
>>> median(data).answer, quantile(data, Fraction(1, 4)).answer
(Fraction(4, 1), Fraction(5, 2))
>>> variance(data, sample=True).answer
Fraction(20, 3)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.probability.notation import (
    TABLE_ROWS,
    Table,
    approx,
    formula,
    latex_of,
    paren,
    real_latex,
    real_text,
    shown_rows,
    text_of,
)
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column

Data = Sequence[Fraction] | Column

WRITTEN_OUT = 10
"""Data longer than this are written as their first and last values."""


def _listed(data: Data) -> str:
    if len(data) <= WRITTEN_OUT:
        return ", ".join(text_of(x) for x in data)
    head, tail = ", ".join(text_of(x) for x in data[:6]), ", ".join(text_of(x) for x in data[-2:])
    return f"{head}, …, {tail} ({len(data):,} values)"


def _need(data: Data, at_least: int = 1) -> None:
    if len(data) < at_least:
        raise NotSolvable(f"give at least {at_least} data value{'s' if at_least > 1 else ''}")


def _sum_written(data: Data, latex: bool) -> str:
    """x₁ + x₂ + … + xₙ, every term when there are few."""
    side = 0 if latex else 1
    if len(data) <= WRITTEN_OUT:
        return " + ".join(paren(x)[side] for x in data)
    dots = r" + \dots + " if latex else " + … + "
    first = " + ".join(paren(x)[side] for x in data[:3])
    return f"{first}{dots}{paren(data[-1])[side]}"


def mean(data: Data) -> Solution[Fraction]:
    column = Column.of(data)
    _need(column)
    s = column.total
    answer = column.mean
    return Solution(
        answer,
        (
            Step(
                "Add all the values",
                formula(
                    rf"{_sum_written(column, True)} = {latex_of(s)}",
                    f"{_sum_written(column, False)} = {text_of(s)}",
                ),
            ),
            Step(
                f"Divide by how many there are, n = {column.n:,}",
                formula(
                    rf"\bar x = \frac{{{latex_of(s)}}}{{{column.n}}} = {latex_of(answer)}"
                    + approx(answer)[0],
                    f"x̄ = {text_of(s)} / {column.n} = {text_of(answer)}" + approx(answer)[1],
                ),
            ),
        ),
    )


def position_value(ordered: Data, h: Fraction) -> tuple[Fraction, str]:
    """The value at 0-based position h of sorted data, interpolating; and how it was read."""
    low = math.floor(h)
    frac = h - low
    if frac == 0:
        return ordered[low], f"position {text_of(h)} holds {text_of(ordered[low])}"
    a, b = ordered[low], ordered[low + 1]
    value = a + frac * (b - a)
    return value, (
        f"position {text_of(h)} lies between {text_of(a)} (position {low}) and {text_of(b)} "
        f"(position {low + 1}): {text_of(a)} + {text_of(frac)}·({text_of(b)} − {text_of(a)}) "
        f"= {text_of(value)}"
    )


def quantile(data: Data, q: Fraction) -> Solution[Fraction]:
    """The q-quantile with NumPy's default (linear) convention."""
    _need(data)
    if not 0 <= q <= 1:
        raise NotSolvable("q must be between 0 and 1")
    ordered = Column.of(data).ordered()
    h = (len(data) - 1) * q
    value, how = position_value(ordered, h)
    return Solution(
        value,
        (
            Step("Sort the data", formula(_listed(ordered), _listed(ordered))),
            Step(
                "Find the position h = (n − 1)·q, counting from 0 (NumPy's default convention)",
                formula(
                    rf"h = ({len(data)} - 1) \cdot {latex_of(q)} = {latex_of(h)}",
                    f"h = ({len(data)} − 1)·{text_of(q)} = {text_of(h)}",
                ),
            ),
            Step(
                f"Read the sorted data: {how}",
                formula(
                    rf"Q({latex_of(q)}) = {latex_of(value)}", f"Q({text_of(q)}) = {text_of(value)}"
                ),
            ),
        ),
    )


def median(data: Data) -> Solution[Fraction]:
    _need(data)
    ordered = Column.of(data).ordered()
    n = len(ordered)
    if n % 2:
        answer = ordered[n // 2]
        rule = f"n = {n} is odd: the median is the middle value, number {n // 2 + 1}"
        math_ = formula(rf"\text{{median}} = {latex_of(answer)}", f"median = {text_of(answer)}")
    else:
        a, b = ordered[n // 2 - 1], ordered[n // 2]
        answer = (a + b) / 2
        rule = f"n = {n} is even: average the two middle values, numbers {n // 2} and {n // 2 + 1}"
        math_ = formula(
            rf"\text{{median}} = \frac{{{latex_of(a)} + {latex_of(b)}}}{{2}} = {latex_of(answer)}",
            f"median = ({text_of(a)} + {text_of(b)}) / 2 = {text_of(answer)}",
        )
    return Solution(
        answer,
        (
            Step("Sort the data first", formula(_listed(ordered), _listed(ordered))),
            Step(rule, math_),
        ),
    )


def mode(data: Data) -> Solution[Fraction]:
    _need(data)
    column = Column.of(data)
    counts = Counter(column.numerators)
    top = max(counts.values())
    d = column.denominator
    modes = sorted(Fraction(m, d) for m, c in counts.items() if c == top)
    if len(modes) > 1:
        raise NotSolvable(
            f"the data has {len(modes):,} modes ({_listed(modes)}); give data with a single mode"
        )
    ordered = sorted(counts.items())
    if len(ordered) > TABLE_ROWS:  # many values: the most frequent first
        ordered.sort(key=lambda item: (-item[1], item[0]))
    shown, gap = shown_rows(len(ordered))
    rows = tuple((Fraction(ordered[i][0], d), str(ordered[i][1])) for i in shown)
    table = Table(("value", "count"), rows, omitted=len(ordered) - len(shown), gap_after=gap)
    return Solution(
        modes[0],
        (
            Step("Count how often each value appears", table),
            Step(
                f"The mode is the value seen most often ({top:,} times)",
                formula(rf"\text{{mode}} = {latex_of(modes[0])}", f"mode = {text_of(modes[0])}"),
            ),
        ),
    )


def _bracketed(x: Fraction) -> str:
    """A number as text, in brackets when it is a fraction: √(2374/7), not √2374/7
    (which reads as √2374 divided by 7); (14244/7) / 6."""
    shown = text_of(x)
    return f"({shown})" if "/" in shown else shown


def _mean_formula(total: Fraction, n: int, mean: Fraction) -> Formula:
    """``x̄ = 168 / 7 = 24``; a mean that does not reduce is written once, with its decimal:
    ``x̄ = 167/7 ≈ 23.86``."""
    if text_of(mean) == f"{text_of(total)}/{n}":
        return formula(
            rf"\bar x = {latex_of(mean)}" + approx(mean)[0],
            f"x̄ = {text_of(mean)}" + approx(mean)[1],
        )
    return formula(
        rf"\bar x = \frac{{{latex_of(total)}}}{{{n}}} = {latex_of(mean)}" + approx(mean)[0],
        f"x̄ = {text_of(total)} / {n} = {text_of(mean)}" + approx(mean)[1],
    )


def variance(data: Data, sample: bool) -> Solution[Fraction]:
    """Population variance (divide by n) or sample variance (divide by n − 1)."""
    column = Column.of(data)
    _need(column, 2 if sample else 1)
    n = column.n
    m, ss = column.mean, column.squares
    divisor = n - 1 if sample else n
    answer = ss / divisor
    shown, gap = shown_rows(n)
    values = (column[i] for i in shown)
    rows = tuple((x, x - m, (x - m) ** 2) for x in values)
    table = Table(("x", "x − x̄", "(x − x̄)²"), rows, omitted=n - len(shown), gap_after=gap)
    why = (
        "This is a sample: divide by n − 1, which makes up for measuring the spread around "
        "the sample's own mean"
        if sample
        else "This is the whole population: divide by n"
    )
    symbol_l, symbol_t = ("s^2", "s²") if sample else (r"\sigma^2", "σ²")
    return Solution(
        answer,
        (
            Step("Find the mean", _mean_formula(column.total, n, m)),
            Step("Subtract the mean from each value and square the difference", table),
            Step(
                "Add the squares",
                formula(
                    rf"\sum (x - \bar x)^2 = {latex_of(ss)}", f"sum of (x − x̄)² = {text_of(ss)}"
                ),
            ),
            Step(
                why,
                formula(
                    rf"{symbol_l} = \frac{{{latex_of(ss)}}}{{{divisor}}} = {latex_of(answer)}"
                    + approx(answer)[0],
                    f"{symbol_t} = {_bracketed(ss)} / {divisor} = {text_of(answer)}"
                    + approx(answer)[1],
                ),
            ),
        ),
    )


def standard_deviation(data: Data, sample: bool) -> Solution[float]:
    var = variance(data, sample)
    sd = math.sqrt(var.answer)
    name_l, name_t = ("s", "s") if sample else (r"\sigma", "σ")
    return Solution(
        sd,
        (
            *var.steps,
            Step(
                "The standard deviation is the square root of the variance (back in the "
                "data's units)",
                formula(
                    rf"{name_l} = \sqrt{{{latex_of(var.answer)}}} \approx {real_latex(sd)}",
                    f"{name_t} = √{_bracketed(var.answer)} ≈ {real_text(sd)}",
                ),
            ),
        ),
    )
