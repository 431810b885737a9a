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
    Table,
    approx,
    formula,
    latex_of,
    paren,
    text_of,
    total,
)
from mlmath.engine.solution import NotSolvable, Solution, Step

Data = Sequence[Fraction]


def _listed(data: Data) -> str:
    return ", ".join(text_of(x) for x in data)


def _need(data: Data, at_least: int = 1) -> None:
    if len(data) < at_least:
        raise NotSolvable(f"give at least {at_least} data value{'s' if at_least > 1 else ''}")


def mean(data: Data) -> Solution[Fraction]:
    _need(data)
    s = total(data)
    answer = s / len(data)
    return Solution(
        answer,
        (
            Step(
                "Add all the values",
                formula(
                    rf"{' + '.join(paren(x)[0] for x in data)} = {latex_of(s)}",
                    f"{' + '.join(paren(x)[1] for x in data)} = {text_of(s)}",
                ),
            ),
            Step(
                f"Divide by how many there are, n = {len(data)}",
                formula(
                    rf"\bar x = \frac{{{latex_of(s)}}}{{{len(data)}}} = {latex_of(answer)}"
                    + approx(answer)[0],
                    f"x̄ = {text_of(s)} / {len(data)} = {text_of(answer)}" + approx(answer)[1],
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
    ordered = sorted(data)
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
    ordered = sorted(data)
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
    counts = Counter(data)
    top = max(counts.values())
    modes = sorted(x for x, c in counts.items() if c == top)
    if len(modes) > 1:
        raise NotSolvable(
            f"the data has {len(modes)} modes ({_listed(modes)}); give data with a single mode"
        )
    rows = tuple((x, str(c)) for x, c in sorted(counts.items()))
    return Solution(
        modes[0],
        (
            Step("Count how often each value appears", Table(("value", "count"), rows)),
            Step(
                f"The mode is the value seen most often ({top} times)",
                formula(rf"\text{{mode}} = {latex_of(modes[0])}", f"mode = {text_of(modes[0])}"),
            ),
        ),
    )


def variance(data: Data, sample: bool) -> Solution[Fraction]:
    """Population variance (divide by n) or sample variance (divide by n − 1)."""
    _need(data, 2 if sample else 1)
    n = len(data)
    m = total(data) / n
    deviations = [x - m for x in data]
    squares = [d * d for d in deviations]
    ss = total(squares)
    divisor = n - 1 if sample else n
    answer = ss / divisor
    rows = tuple((x, d, s) for x, d, s in zip(data, deviations, squares, strict=True))
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
            Step(
                "Find the mean",
                formula(
                    rf"\bar x = \frac{{{latex_of(total(data))}}}{{{n}}} = {latex_of(m)}",
                    f"x̄ = {text_of(total(data))} / {n} = {text_of(m)}",
                ),
            ),
            Step(
                "Subtract the mean from each value and square the difference",
                Table(("x", "x − x̄", "(x − x̄)²"), rows),
            ),
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
                    f"{symbol_t} = {text_of(ss)} / {divisor} = {text_of(answer)}"
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
                    rf"{name_l} = \sqrt{{{latex_of(var.answer)}}} \approx {sd:.4f}",
                    f"{name_t} = √{text_of(var.answer)} ≈ {sd:.4f}",
                ),
            ),
        ),
    )
