"""One-way ANOVA: do several groups share one mean?

The total spread of all values splits into spread *between* the group means and
spread *within* the groups: SST = SSB + SSW. Each divided by its degrees of freedom
(k − 1 and N − k) gives a mean square; their ratio F is near 1 when the groups share
one mean and large when they do not.

The sums of squares are exact fractions of the data (see :mod:`.columns`), so F keeps
every digit on data with a large common offset, like 1000000000000.4, 1000000000000.3, …

>>> round(one_way_anova(((1.0, 2.0, 3.0), (4.0, 5.0, 6.0), (7.0, 8.0, 9.0)), "f").answer, 4)
27.0
>>> anova_sums(((1, 2), (4, 6)))
AnovaSums(between=Fraction(49, 4), within=Fraction(5, 2), groups=2, values=4)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.probability.notation import (
    Table,
    exact_latex,
    exact_text,
    formula,
    real_latex,
    real_text,
    shown_rows,
    tail_latex,
    tail_text,
)
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column, Value, columns
from mlmath.engine.statistics.distributions import f_upper_tail


@dataclass(frozen=True, slots=True)
class AnovaSums:
    """SSB and SSW of k groups holding N values in all, exactly."""

    between: Fraction
    within: Fraction
    groups: int
    values: int

    def f(self, df_within: int | None = None) -> Fraction:
        """(SSB/(k − 1)) / (SSW/df_within), df_within = N − k unless given."""
        df_w = self.values - self.groups if df_within is None else df_within
        return (self.between / (self.groups - 1)) / (self.within / df_w)


def anova_sums(groups: Iterable[Column | Iterable[Value]]) -> AnovaSums:
    exact = columns(groups)
    return _sums(exact, [g.mean for g in exact])


def _sums(groups: Sequence[Column], means: Sequence[Fraction]) -> AnovaSums:
    total_n = sum(g.n for g in groups)
    grand = _grand_mean(groups)
    between = sum((g.n * (m - grand) ** 2 for g, m in zip(groups, means, strict=True)), Fraction())
    within = sum((g.squares for g in groups), Fraction())
    return AnovaSums(between, within, len(groups), total_n)


def _grand_mean(groups: Sequence[Column]) -> Fraction:
    return sum((g.total for g in groups), Fraction()) / sum(g.n for g in groups)


def one_way_anova(groups: Iterable[Column | Iterable[Value]], asked: str) -> Solution[float]:
    """F = (SSB/(k − 1)) / (SSW/(N − k)) and its p-value P(F ≥ f)."""
    if asked not in ("f", "p_value"):
        raise NotSolvable("ask for f or p_value")
    exact = columns(groups)
    k = len(exact)
    if k < 2 or any(g.n < 1 for g in exact):
        raise NotSolvable("give at least two groups, each with at least one value")
    means = [g.mean for g in exact]
    sums = _sums(exact, means)
    if sums.values <= k:
        raise NotSolvable("some group needs at least two values to measure the spread within")
    if sums.within == 0:
        raise NotSolvable("every group has no spread inside it, so F is not defined")
    grand = _grand_mean(exact)
    df_b, df_w = k - 1, sums.values - k
    ssb, ssw = sums.between, sums.within
    msb, msw = ssb / df_b, ssw / df_w
    f_exact = msb / msw
    f = float(f_exact)
    shown, gap = shown_rows(k)
    rows = tuple((f"group {i + 1}", str(exact[i].n), exact_text(means[i])) for i in shown)
    table = Table(("group", "n", "mean"), rows, omitted=k - len(shown), gap_after=gap)
    steps = [
        Step(f"The mean of each of the k = {k} groups", table),
        Step(
            f"The grand mean of all N = {sums.values:,} values",
            formula(rf"\bar x = {exact_latex(grand)}", f"x̄ = {exact_text(grand)}"),
        ),
        Step(
            "Between groups: each group mean's squared distance from the grand mean, "
            "weighted by the group size",
            formula(
                rf"SSB = \sum n_j(\bar x_j - \bar x)^2 = {exact_latex(ssb)}",
                f"SSB = Σ nj·(x̄j − x̄)² = {exact_text(ssb)}",
            ),
        ),
        Step(
            "Within groups: each value's squared distance from its own group mean",
            formula(
                rf"SSW = \sum_j \sum_i (x_{{ij}} - \bar x_j)^2 = {exact_latex(ssw)}",
                f"SSW = Σ (x − x̄j)² = {exact_text(ssw)}",
            ),
        ),
        Step(
            f"Divide by the degrees of freedom, k − 1 = {df_b} and N − k = {df_w}",
            formula(
                rf"MSB = \frac{{SSB}}{{{df_b}}} = {exact_latex(msb)},\quad "
                rf"MSW = \frac{{SSW}}{{{df_w}}} = {exact_latex(msw)}",
                f"MSB = SSB/{df_b} = {exact_text(msb)}, MSW = SSW/{df_w} = {exact_text(msw)}",
            ),
        ),
        Step(
            "F compares the spread between groups with the spread within them",
            formula(
                rf"F = \frac{{MSB}}{{MSW}} = {exact_latex(f_exact)}",
                f"F = MSB / MSW = {exact_text(f_exact)}",
            ),
        ),
    ]
    if asked == "f":
        return Solution(f, tuple(steps))
    p = f_upper_tail(df_b, df_w, f)
    steps.append(
        Step(
            f"Only large F speaks against H0: the p-value is the right tail of F({df_b}, {df_w})",
            formula(
                rf"P(F_{{{df_b},{df_w}}} \ge {real_latex(f)}) = {tail_latex(p)}",
                f"P(F({df_b}, {df_w}) ≥ {real_text(f)}) = {tail_text(p)}",
            ),
        )
    )
    return Solution(p, tuple(steps))
