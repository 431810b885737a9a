"""A t statistic's degrees of freedom and p-value.

The degrees of freedom count the independent pieces of information left for estimating the
spread: n − 1 for one sample or for the differences of n pairs (the mean used one), and
n₁ + n₂ − 2 for two samples with a pooled standard deviation (each mean used one). The
p-value is the tail area of Student's t with those degrees of freedom beyond the statistic —
both tails for a two-sided alternative.

>>> degrees_of_freedom("one-sample", 12, None).answer
11
>>> round(t_p_value(2.2, "one-sample", 12, None, "two-sided").answer, 4)
0.0501
"""

from __future__ import annotations

from mlmath.engine.probability.notation import formula
from mlmath.engine.significant import equals_latex, equals_text, sig_latex, sig_text
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import t_cdf

DESIGNS = ("one-sample", "paired", "two-sample")
ALTERNATIVES = ("two-sided", "greater", "less")


def df_value(design: str, n: int, n_other: int | None) -> int:
    if design not in DESIGNS:
        raise NotSolvable("the design is one-sample, paired or two-sample")
    if design == "two-sample":
        if n_other is None:
            raise NotSolvable("a two-sample test needs the second group's size")
        if n < 2 or n_other < 2 or n + n_other < 3:
            raise NotSolvable("each group needs at least 2 values")
        return n + n_other - 2
    if n < 2:
        raise NotSolvable("the sample needs at least 2 values")
    return n - 1


def degrees_of_freedom(design: str, n: int, n_other: int | None) -> Solution[int]:
    df = df_value(design, n, n_other)
    if design == "two-sample":
        rule = (
            "Two samples with a pooled standard deviation: each sample's mean uses up one "
            "piece of information"
        )
        shown = (
            rf"n_1 + n_2 - 2 = {n} + {n_other} - 2 = {df}",
            f"n₁ + n₂ − 2 = {n} + {n_other} − 2 = {df}",
        )
    else:
        what = "the n differences of the pairs" if design == "paired" else "the sample"
        rule = f"One mean is estimated from {what}, which uses up one piece of information"
        shown = (rf"n - 1 = {n} - 1 = {df}", f"n − 1 = {n} − 1 = {df}")
    return Solution(df, (Step(rule, formula(*shown)),))


def tail_area(t: float, df: float, alternative: str) -> float:
    if alternative == "greater":
        return 1 - t_cdf(df, t)
    if alternative == "less":
        return t_cdf(df, t)
    return 2 * t_cdf(df, -abs(t))


def t_p_value(
    t: float, design: str, n: int, n_other: int | None, alternative: str
) -> Solution[float]:
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    found = degrees_of_freedom(design, n, n_other)
    df = found.answer
    p = tail_area(t, df, alternative)
    st, sl = sig_text(t), sig_latex(t)
    if alternative == "greater":
        rule = "The alternative is 'greater': the p-value is the area to the right of t"
        shown = (
            rf"P(T_{{{df}}} \ge {sl})" + equals_latex(p),
            f"P(T({df}) ≥ {st})" + equals_text(p),
        )
    elif alternative == "less":
        rule = "The alternative is 'less': the p-value is the area to the left of t"
        shown = (
            rf"P(T_{{{df}}} \le {sl})" + equals_latex(p),
            f"P(T({df}) ≤ {st})" + equals_text(p),
        )
    else:
        rule = "Two-sided: a t as far out on either side counts, so double one tail"
        a = sig_latex(abs(t))
        shown = (
            rf"2\,P(T_{{{df}}} \ge {a})" + equals_latex(p),
            f"2·P(T({df}) ≥ {sig_text(abs(t))})" + equals_text(p),
        )
    return Solution(
        p,
        (
            Step(found.steps[0].rule, found.steps[0].math),
            Step(
                f"If H0 is true, t follows Student's t with {df} degrees of freedom (heavier "
                "tails than the normal, since s only estimates σ)"
            ),
            Step(rule, formula(*shown)),
        ),
    )
