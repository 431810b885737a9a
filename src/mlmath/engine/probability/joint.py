"""Two random variables at once: joint tables, marginals, conditionals, independence.

A joint table gives P(X = x, Y = y) with x along the rows and y along the
columns. Adding a row gives the marginal P(X = x); dividing a cell by its row's
total gives the conditional P(Y = y | X = x). X and Y are independent exactly
when every cell equals the product of its two marginals.

>>> table = ((Fraction(1, 8), Fraction(3, 8)), (Fraction(1, 8), Fraction(3, 8)))
>>> independence_from_table(table, (0, 1), (0, 1)).answer
True
>>> conditional_distribution(table, (0, 1), (0, 1), 1, 1).answer
Fraction(3, 4)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.probability.notation import (
    Cell,
    Table,
    approx,
    formula,
    latex_of,
    real_latex,
    real_text,
    shown_rows,
    text_of,
    total,
)
from mlmath.engine.probability.rounding import as_distribution
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column

Grid = Sequence[Sequence[Fraction]]


def check_joint(table: Grid, x_values: Sequence[Fraction], y_values: Sequence[Fraction]) -> None:
    if len(table) != len(x_values) or any(len(r) != len(y_values) for r in table):
        raise NotSolvable("the table needs one row per x value and one column per y value")
    if len(set(x_values)) != len(x_values) or len(set(y_values)) != len(y_values):
        raise NotSolvable("the x values and the y values must each be different")
    if any(p < 0 for r in table for p in r):
        raise NotSolvable("probabilities cannot be negative")
    if total([p for r in table for p in r]) != 1:
        raise NotSolvable("the probabilities in a joint table must add up to 1")


def joint_distribution(
    table: Grid, x_values: Sequence[Fraction], y_values: Sequence[Fraction]
) -> tuple[tuple[tuple[Fraction, ...], ...], tuple[Step, ...]]:
    """The joint table with cells that add up to exactly 1 — rounded decimals read as the
    distribution they round (see :mod:`.rounding`) — and the step that says how."""
    if len(table) != len(x_values) or any(len(r) != len(y_values) for r in table):
        raise NotSolvable("the table needs one row per x value and one column per y value")
    if len(set(x_values)) != len(x_values) or len(set(y_values)) != len(y_values):
        raise NotSolvable("the x values and the y values must each be different")
    cells, read = as_distribution([p for r in table for p in r], "the table's cells")
    width = len(y_values)
    rows = tuple(tuple(cells[i * width : (i + 1) * width]) for i in range(len(x_values)))
    return rows, read


def joint_table(
    table: Grid, x_values: Sequence[Fraction], y_values: Sequence[Fraction], margins: bool = False
) -> Table:
    header = ("x \\ y", *(text_of(y) for y in y_values)) + (("P(X = x)",) if margins else ())
    rows: list[tuple[Cell, ...]] = [
        (text_of(x), *row, *((total(row),) if margins else ()))
        for x, row in zip(x_values, table, strict=True)
    ]
    if margins:
        columns = [total([r[j] for r in table]) for j in range(len(y_values))]
        rows.append(("P(Y = y)", *columns, Fraction(1)))
    return Table(header, tuple(rows))


def _index(values: Sequence[Fraction], value: Fraction, name: str) -> int:
    if value not in values:
        raise NotSolvable(f"{text_of(value)} is not one of the {name} values in the table")
    return list(values).index(value)


def marginal(
    table: Grid,
    x_values: Sequence[Fraction],
    y_values: Sequence[Fraction],
    variable: str,
    value: Fraction,
) -> Solution[Fraction]:
    """P(X = value) (add its row) or P(Y = value) (add its column)."""
    table, read = joint_distribution(table, x_values, y_values)
    if variable == "X":
        i = _index(x_values, value, "x")
        cells = list(table[i])
        where = "row"
    else:
        j = _index(y_values, value, "y")
        cells = [r[j] for r in table]
        where = "column"
    answer = total(cells)
    other = "Y" if variable == "X" else "X"
    return Solution(
        answer,
        (
            *read,
            Step("The joint table", joint_table(table, x_values, y_values)),
            Step(
                f"{variable} = {text_of(value)} happens together with every value of {other}: "
                f"add its {where}",
                formula(
                    rf"P({variable} = {latex_of(value)}) = "
                    + " + ".join(latex_of(c) for c in cells)
                    + rf" = {latex_of(answer)}",
                    f"P({variable} = {text_of(value)}) = "
                    + " + ".join(text_of(c) for c in cells)
                    + f" = {text_of(answer)}",
                ),
            ),
        ),
    )


def conditional_distribution(
    table: Grid,
    x_values: Sequence[Fraction],
    y_values: Sequence[Fraction],
    x: Fraction,
    y: Fraction,
) -> Solution[Fraction]:
    """P(Y = y | X = x) = P(X = x, Y = y) / P(X = x)."""
    table, read = joint_distribution(table, x_values, y_values)
    i, j = _index(x_values, x, "x"), _index(y_values, y, "y")
    row = table[i]
    px = total(row)
    if px == 0:
        raise NotSolvable(f"P(X = {text_of(x)}) is 0, so nothing can be conditioned on it")
    cell = row[j]
    answer = cell / px
    return Solution(
        answer,
        (
            *read,
            Step("The joint table", joint_table(table, x_values, y_values)),
            Step(
                f"Condition on X = {text_of(x)}: only its row matters; its total is the marginal",
                formula(
                    rf"P(X = {latex_of(x)}) = "
                    + " + ".join(latex_of(c) for c in row)
                    + rf" = {latex_of(px)}",
                    f"P(X = {text_of(x)}) = "
                    + " + ".join(text_of(c) for c in row)
                    + f" = {text_of(px)}",
                ),
            ),
            Step(
                "Divide the cell by the row's total, so that the row adds up to 1",
                formula(
                    rf"P(Y = {latex_of(y)} \mid X = {latex_of(x)}) = "
                    rf"\frac{{{latex_of(cell)}}}{{{latex_of(px)}}} = {latex_of(answer)}",
                    f"P(Y = {text_of(y)} | X = {text_of(x)}) = {text_of(cell)} / {text_of(px)} "
                    f"= {text_of(answer)}",
                ),
            ),
        ),
    )


def independence_from_table(
    table: Grid, x_values: Sequence[Fraction], y_values: Sequence[Fraction]
) -> Solution[bool]:
    """Whether every cell equals P(X = x)·P(Y = y)."""
    table, read = joint_distribution(table, x_values, y_values)
    rows = [total(r) for r in table]
    cols = [total([r[j] for r in table]) for j in range(len(y_values))]
    first = Step("Add the margins", joint_table(table, x_values, y_values, margins=True), read)
    for i, x in enumerate(x_values):
        for j, y in enumerate(y_values):
            product = rows[i] * cols[j]
            if table[i][j] != product:
                return Solution(
                    False,
                    (
                        *read,
                        first,
                        Step(
                            f"Check the cell x = {text_of(x)}, y = {text_of(y)} against the "
                            "product of its margins: they differ, so X and Y are not independent",
                            formula(
                                rf"{latex_of(rows[i])} \cdot {latex_of(cols[j])} = "
                                rf"{latex_of(product)}"
                                rf" \ne {latex_of(table[i][j])}",
                                f"{text_of(rows[i])} · {text_of(cols[j])} = {text_of(product)} "
                                f"≠ {text_of(table[i][j])}",
                            ),
                        ),
                    ),
                )
    return Solution(
        True,
        (
            *read,
            first,
            Step(
                "Every cell equals the product of its row total and its column total, so X and Y "
                "are independent: knowing X does not change the distribution of Y",
                formula(
                    r"P(X = x, Y = y) = P(X = x)\,P(Y = y) \text{ for all } x, y",
                    "P(X = x, Y = y) = P(X = x)·P(Y = y) for all x, y",
                ),
            ),
        ),
    )


def covariance(
    x: Sequence[Fraction] | Column, y: Sequence[Fraction] | Column, sample: bool
) -> Solution[Fraction]:
    """Cov(X, Y) from paired data: the average product of deviations from the means."""
    xs, ys = Column.of(x), Column.of(y)
    n = xs.n
    if n != ys.n:
        raise NotSolvable("x and y must have the same number of values (they come in pairs)")
    if n < (2 if sample else 1):
        raise NotSolvable("give at least two pairs")
    mx, my = xs.mean, ys.mean
    s = xs.cross(ys)
    divisor = n - 1 if sample else n
    answer = s / divisor
    shown, gap = shown_rows(n)
    pairs = ((xs[i], ys[i]) for i in shown)
    rows = tuple((a, b, a - mx, b - my, (a - mx) * (b - my)) for a, b in pairs)
    table = Table(
        ("x", "y", "x − x̄", "y − ȳ", "product"), rows, omitted=n - len(shown), gap_after=gap
    )
    return Solution(
        answer,
        (
            Step(
                "Find both means",
                formula(
                    rf"\bar x = {latex_of(mx)}, \quad \bar y = {latex_of(my)}",
                    f"x̄ = {text_of(mx)}, ȳ = {text_of(my)}",
                ),
            ),
            Step("Subtract the means and multiply the deviations pair by pair", table),
            Step(
                "Add the products",
                formula(
                    rf"\sum (x - \bar x)(y - \bar y) = {latex_of(s)}",
                    f"sum of (x − x̄)(y − ȳ) = {text_of(s)}",
                ),
            ),
            Step(
                (
                    "Sample covariance: divide by n − 1"
                    if sample
                    else "Population covariance: divide by n"
                ),
                formula(
                    rf"\operatorname{{Cov}}(X, Y) = \frac{{{latex_of(s)}}}{{{divisor}}} = "
                    rf"{latex_of(answer)}{approx(answer)[0]}",
                    f"Cov(X, Y) = {text_of(s)} / {divisor} = {text_of(answer)}{approx(answer)[1]}",
                ),
            ),
        ),
    )


def correlation(x: Sequence[Fraction] | Column, y: Sequence[Fraction] | Column) -> Solution[float]:
    """Pearson's r = Cov(X, Y) / (sd(X)·sd(Y)) — the n or n − 1 cancels."""
    xs, ys = Column.of(x), Column.of(y)
    cov = covariance(xs, ys, sample=True)
    vx, vy = xs.variance(sample=True), ys.variance(sample=True)
    if vx == 0 or vy == 0:
        raise NotSolvable("one of the variables never changes, so its correlation is undefined")
    # r² = Cov²/(s_x²·s_y²) exactly; one square root at the end.
    r = math.copysign(math.sqrt(cov.answer**2 / (vx * vy)), cov.answer)
    return Solution(
        r,
        (
            *cov.steps,
            Step(
                "The sample variances of x and y, the same way",
                formula(
                    rf"s_x^2 = {latex_of(vx)}, \quad s_y^2 = {latex_of(vy)}",
                    f"s_x² = {text_of(vx)}, s_y² = {text_of(vy)}",
                ),
            ),
            Step(
                "Divide the covariance by both standard deviations: the units cancel and r "
                "lies between −1 and 1",
                formula(
                    rf"r = \frac{{{latex_of(cov.answer)}}}{{\sqrt{{{latex_of(vx)} \cdot "
                    rf"{latex_of(vy)}}}}} \approx {real_latex(r)}",
                    f"r = {text_of(cov.answer)} / √({text_of(vx)}·{text_of(vy)}) ≈ {real_text(r)}",
                ),
            ),
        ),
    )
