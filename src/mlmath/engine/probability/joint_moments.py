"""Event probabilities, covariance and correlation read from a joint table.

An event about X and Y (X < Y, X + Y ≤ 3, …) happens in some cells of the table: add their
probabilities. E[X], E[Y] and E[XY] are weighted sums over the table, and

    Cov(X, Y) = E[XY] − E[X]·E[Y],   ρ = Cov(X, Y) / (σ_X·σ_Y),

where σ_X² = E[X²] − E[X]² comes from X's marginal. ρ lies between −1 and 1.

>>> table = ((Fraction(1, 4), Fraction(1, 4)), (Fraction(0), Fraction(1, 2)))
>>> table_covariance(table, (Fraction(0), Fraction(1)), (Fraction(0), Fraction(1))).answer
Fraction(1, 8)
>>> zero_one = (Fraction(0), Fraction(1))
>>> round(table_correlation(table, zero_one, zero_one).answer, 4)
0.5774
>>> table_event(table, (Fraction(0), Fraction(1)), (Fraction(0), Fraction(1)), "x<y", None).answer
Fraction(1, 4)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

from mlmath.engine.probability.joint import Grid, check_joint, joint_table
from mlmath.engine.probability.notation import formula, latex_of, paren, text_of, total
from mlmath.engine.significant import equals_latex, equals_text, value_latex, value_text
from mlmath.engine.solution import LazyFormula, NotSolvable, Solution, Step, formula_later

EVENTS = ("x<y", "x=y", "x>y", "sum<=", "sum=")
EVENT_TEXT = {
    "x<y": "X < Y",
    "x=y": "X = Y",
    "x>y": "X > Y",
    "sum<=": "X + Y ≤ {t}",
    "sum=": "X + Y = {t}",
}
EVENT_LATEX = {
    "x<y": "X < Y",
    "x=y": "X = Y",
    "x>y": "X > Y",
    "sum<=": r"X + Y \le {t}",
    "sum=": "X + Y = {t}",
}


def holds(event: str, x: Fraction, y: Fraction, threshold: Fraction | None) -> bool:
    if event == "x<y":
        return x < y
    if event == "x=y":
        return x == y
    if event == "x>y":
        return x > y
    assert threshold is not None
    return x + y <= threshold if event == "sum<=" else x + y == threshold


def event_name(event: str, threshold: Fraction | None, latex: bool = False) -> str:
    shown = "" if threshold is None else (latex_of(threshold) if latex else text_of(threshold))
    return (EVENT_LATEX if latex else EVENT_TEXT)[event].format(t=shown)


def table_event(
    table: Grid,
    xs: Sequence[Fraction],
    ys: Sequence[Fraction],
    event: str,
    threshold: Fraction | None,
) -> Solution[Fraction]:
    """P(event): add the cells where it holds."""
    check_joint(table, xs, ys)
    if event not in EVENTS:
        raise NotSolvable(f"the event is one of {', '.join(EVENTS)}")
    if event.startswith("sum") and threshold is None:
        raise NotSolvable("an event about X + Y needs the threshold t")
    cells = [
        (x, y, table[i][j])
        for i, x in enumerate(xs)
        for j, y in enumerate(ys)
        if holds(event, x, y, threshold)
    ]
    answer = total([p for _, _, p in cells])
    name_t, name_l = event_name(event, threshold), event_name(event, threshold, True)
    listed_t = ", ".join(f"({text_of(x)}, {text_of(y)})" for x, y, _ in cells) or "none"
    listed_l = ", ".join(f"({latex_of(x)}, {latex_of(y)})" for x, y, _ in cells) or r"\text{none}"
    return Solution(
        answer,
        (
            Step("The joint table", joint_table(table, xs, ys)),
            Step(
                f"The cells (x, y) where {name_t} holds",
                formula(listed_l, listed_t),
            ),
            Step(
                "Add their probabilities (the cells are separate outcomes)",
                formula(
                    rf"P({name_l}) = "
                    + (" + ".join(latex_of(p) for *_, p in cells) or "0")
                    + equals_latex(answer),
                    f"P({name_t}) = "
                    + (" + ".join(text_of(p) for *_, p in cells) or "0")
                    + equals_text(answer),
                ),
            ),
        ),
    )


def _moments(table: Grid, xs: Sequence[Fraction], ys: Sequence[Fraction]) -> tuple[Fraction, ...]:
    px = [total(list(r)) for r in table]
    py = [total([r[j] for r in table]) for j in range(len(ys))]
    ex = total([x * p for x, p in zip(xs, px, strict=True)])
    ey = total([y * p for y, p in zip(ys, py, strict=True)])
    exy = total([x * y * table[i][j] for i, x in enumerate(xs) for j, y in enumerate(ys)])
    ex2 = total([x * x * p for x, p in zip(xs, px, strict=True)])
    ey2 = total([y * y * p for y, p in zip(ys, py, strict=True)])
    return ex, ey, exy, ex2 - ex * ex, ey2 - ey * ey


def moments(table: Grid, xs: Sequence[Fraction], ys: Sequence[Fraction]) -> tuple[Fraction, ...]:
    """(E[X], E[Y], E[XY], Var X, Var Y), exactly."""
    check_joint(table, xs, ys)
    return _moments(table, xs, ys)


def _grouped(x: Fraction) -> str:
    """A number in brackets when it is negative or a fraction: (1/2)², √(3/16)."""
    shown = text_of(x)
    return f"({shown})" if x < 0 or "/" in shown else shown


def _weighted(values: Sequence[Fraction], probs: Sequence[Fraction]) -> tuple[str, str]:
    terms_l = " + ".join(
        rf"{paren(v)[0]} \cdot {latex_of(p)}" for v, p in zip(values, probs, strict=True) if p
    )
    terms_t = " + ".join(
        f"{paren(v)[1]}·{text_of(p)}" for v, p in zip(values, probs, strict=True) if p
    )
    return terms_l or "0", terms_t or "0"


def _marginals(table: Grid, ys: Sequence[Fraction]) -> tuple[list[Fraction], list[Fraction]]:
    """P(X = x) for each row and P(Y = y) for each column."""
    return [total(list(r)) for r in table], [total([r[j] for r in table]) for j in range(len(ys))]


def _lazy(write: Callable[[], tuple[str, str]]) -> LazyFormula:
    """A formula from ``write() = (latex, text)``, written out only when it is shown: most
    solutions are worked for their answer alone, and writing the sums takes longer."""
    return formula_later(lambda: write()[0], lambda: write()[1])


def _covariance_steps(
    table: Grid, xs: Sequence[Fraction], ys: Sequence[Fraction], moments: tuple[Fraction, ...]
) -> tuple[Fraction, list[Step]]:
    """Cov(X, Y) and its steps, from the :func:`_moments` of the table."""
    ex, ey, exy, _, _ = moments
    cov = exy - ex * ey

    def means() -> tuple[str, str]:
        px, py = _marginals(table, ys)
        xl, xt = _weighted(xs, px)
        yl, yt = _weighted(ys, py)
        return (
            rf"E[X] = {xl} = {latex_of(ex)}, \quad E[Y] = {yl} = {latex_of(ey)}",
            f"E[X] = {xt} = {text_of(ex)}, E[Y] = {yt} = {text_of(ey)}",
        )

    def product_mean() -> tuple[str, str]:
        products = [(x * y, table[i][j]) for i, x in enumerate(xs) for j, y in enumerate(ys)]
        pl, pt = _weighted([v for v, _ in products], [p for _, p in products])
        return rf"E[XY] = {pl} = {latex_of(exy)}", f"E[XY] = {pt} = {text_of(exy)}"

    def covariance() -> tuple[str, str]:
        return (
            rf"\operatorname{{Cov}}(X, Y) = E[XY] - E[X]E[Y] = {latex_of(exy)} - "
            rf"{paren(ex)[0]} \cdot {paren(ey)[0]}" + equals_latex(cov),
            f"Cov(X, Y) = E[XY] − E[X]·E[Y] = {text_of(exy)} − {paren(ex)[1]}·{paren(ey)[1]}"
            + equals_text(cov),
        )

    steps = [
        Step(
            "The joint table with its marginals (row and column totals)",
            joint_table(table, xs, ys, margins=True),
        ),
        Step("E[X] and E[Y] from the marginals: each value times its probability", _lazy(means)),
        Step("E[XY] from every cell: x·y times the cell's probability", _lazy(product_mean)),
        Step("The covariance: E[XY] minus the product of the means", _lazy(covariance)),
    ]
    return cov, steps


def table_covariance(
    table: Grid, xs: Sequence[Fraction], ys: Sequence[Fraction]
) -> Solution[Fraction]:
    check_joint(table, xs, ys)
    cov, steps = _covariance_steps(table, xs, ys, _moments(table, xs, ys))
    return Solution(cov, tuple(steps))


def _root(x: Fraction) -> Fraction | float:
    p, q = math.isqrt(x.numerator), math.isqrt(x.denominator)
    return Fraction(p, q) if p * p == x.numerator and q * q == x.denominator else math.sqrt(x)


def correlation_value(
    table: Grid, xs: Sequence[Fraction], ys: Sequence[Fraction]
) -> Fraction | float:
    ex, ey, exy, vx, vy = _moments(table, xs, ys)
    if vx == 0 or vy == 0:
        raise NotSolvable("X or Y never varies (variance 0), so the correlation is undefined")
    return _correlation(exy - ex * ey, vx, vy)


def _correlation(cov: Fraction, vx: Fraction, vy: Fraction) -> Fraction | float:
    """Cov / (σX σY): exact when both variances' product is a perfect square."""
    root = _root(vx * vy)
    return cov / root if isinstance(root, Fraction) else float(cov) / root


def table_correlation(
    table: Grid, xs: Sequence[Fraction], ys: Sequence[Fraction]
) -> Solution[Fraction | float]:
    check_joint(table, xs, ys)
    moments = _moments(table, xs, ys)
    cov, steps = _covariance_steps(table, xs, ys, moments)
    ex, ey, _, vx, vy = moments
    if vx == 0 or vy == 0:
        raise NotSolvable("X or Y never varies (variance 0), so the correlation is undefined")
    answer = _correlation(cov, vx, vy)
    sx, sy = _root(vx), _root(vy)

    def variances() -> tuple[str, str]:
        px, py = _marginals(table, ys)
        x2l, x2t = _weighted([x * x for x in xs], px)
        y2l, y2t = _weighted([y * y for y in ys], py)
        return (
            rf"\sigma_X^2 = {x2l} - {paren(ex)[0]}^2 = {latex_of(vx)}, \quad "
            rf"\sigma_Y^2 = {y2l} - {paren(ey)[0]}^2 = {latex_of(vy)}",
            f"σX² = {x2t} − {_grouped(ex)}² = {text_of(vx)}, σY² = {y2t} − {_grouped(ey)}² = "
            f"{text_of(vy)}",
        )

    def correlation() -> tuple[str, str]:
        return (
            rf"\rho = "
            rf"\frac{{{latex_of(cov)}}}{{\sqrt{{{latex_of(vx)}}}\,\sqrt{{{latex_of(vy)}}}}} = "
            rf"\frac{{{latex_of(cov)}}}{{{value_latex(sx)} \cdot {value_latex(sy)}}}"
            + equals_latex(answer),
            f"ρ = {_grouped(cov)} / (√{_grouped(vx)}·√{_grouped(vy)}) = {_grouped(cov)} / "
            f"({value_text(sx)}·{value_text(sy)})" + equals_text(answer),
        )

    steps.append(Step("The variances from the marginals: E[X²] − E[X]²", _lazy(variances)))
    steps.append(
        Step(
            "Divide the covariance by both standard deviations: ρ is between −1 and 1",
            _lazy(correlation),
        )
    )
    return Solution(answer, tuple(steps))
