"""One-way ANOVA: do several groups share one mean?

The total spread of all values splits into spread *between* the group means and
spread *within* the groups: SST = SSB + SSW. Each divided by its degrees of freedom
(k − 1 and N − k) gives a mean square; their ratio F is near 1 when the groups share
one mean and large when they do not.

>>> round(one_way_anova(((1.0, 2.0, 3.0), (4.0, 5.0, 6.0), (7.0, 8.0, 9.0)), "f").answer, 4)
27.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mlmath.engine.probability.notation import Table, formula
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import f_upper_tail


def one_way_anova(groups: Sequence[Sequence[float]], asked: str) -> Solution[float]:
    """F = (SSB/(k − 1)) / (SSW/(N − k)) and its p-value P(F ≥ f)."""
    if asked not in ("f", "p_value"):
        raise NotSolvable("ask for f or p_value")
    k = len(groups)
    if k < 2 or any(len(g) < 1 for g in groups):
        raise NotSolvable("give at least two groups, each with at least one value")
    total_n = sum(len(g) for g in groups)
    if total_n <= k:
        raise NotSolvable("some group needs at least two values to measure the spread within")
    grand = math.fsum(math.fsum(g) for g in groups) / total_n
    means = [math.fsum(g) / len(g) for g in groups]
    ssb = math.fsum(len(g) * (m - grand) ** 2 for g, m in zip(groups, means, strict=True))
    ssw = math.fsum(math.fsum((x - m) ** 2 for x in g) for g, m in zip(groups, means, strict=True))
    if ssw == 0:
        raise NotSolvable("every group has no spread inside it, so F is not defined")
    df_b, df_w = k - 1, total_n - k
    msb, msw = ssb / df_b, ssw / df_w
    f = msb / msw
    rows = tuple(
        (f"group {i + 1}", str(len(g)), f"{m:.4f}")
        for i, (g, m) in enumerate(zip(groups, means, strict=True))
    )
    steps = [
        Step("The mean of each group", Table(("group", "n", "mean"), rows)),
        Step(
            "The grand mean of all N values",
            formula(rf"\bar x = {grand:.4f}", f"x̄ = {grand:.4f}"),
        ),
        Step(
            "Between groups: each group mean's squared distance from the grand mean, "
            "weighted by the group size",
            formula(
                rf"SSB = \sum n_j(\bar x_j - \bar x)^2 = {ssb:.4f}",
                f"SSB = Σ nj·(x̄j − x̄)² = {ssb:.4f}",
            ),
        ),
        Step(
            "Within groups: each value's squared distance from its own group mean",
            formula(
                rf"SSW = \sum_j \sum_i (x_{{ij}} - \bar x_j)^2 = {ssw:.4f}",
                f"SSW = Σ (x − x̄j)² = {ssw:.4f}",
            ),
        ),
        Step(
            f"Divide by the degrees of freedom, k − 1 = {df_b} and N − k = {df_w}",
            formula(
                rf"MSB = \frac{{{ssb:.4f}}}{{{df_b}}} = {msb:.4f},\quad "
                rf"MSW = \frac{{{ssw:.4f}}}{{{df_w}}} = {msw:.4f}",
                f"MSB = {ssb:.4f}/{df_b} = {msb:.4f}, MSW = {ssw:.4f}/{df_w} = {msw:.4f}",
            ),
        ),
        Step(
            "F compares the spread between groups with the spread within them",
            formula(
                rf"F = \frac{{MSB}}{{MSW}} = \frac{{{msb:.4f}}}{{{msw:.4f}}} = {f:.4f}",
                f"F = MSB / MSW = {msb:.4f} / {msw:.4f} = {f:.4f}",
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
                rf"P(F_{{{df_b},{df_w}}} \ge {f:.4f}) = {p:.4f}",
                f"P(F({df_b}, {df_w}) ≥ {f:.4f}) = {p:.4f}",
            ),
        )
    )
    return Solution(p, tuple(steps))
