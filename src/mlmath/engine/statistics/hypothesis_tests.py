"""Hypothesis tests: how surprising are the data if nothing is going on?

A test starts from a null hypothesis H0 (no effect, like "innocent until proven
guilty"), measures how far the estimate lies from H0 in standard errors (the test
statistic), and turns that into a p-value: the probability, *if H0 were true*, of
data at least this far from H0. A p-value is P(data this extreme | H0), not
P(H0 | data). Small p-values (below α) reject H0.

``alternative`` is ``"two-sided"`` (≠), ``"greater"`` (>) or ``"less"`` (<).

>>> round(z_test(103.0, 100.0, 15.0, 100, alternative="two-sided", asked="p_value").answer, 4)
0.0455
>>> round(t_test(5.4, 5.0, 0.8, 16, alternative="greater", asked="statistic").answer, 4)
2.0
>>> ab = two_proportion_test(100, 1000, 130, 1000, alternative="two-sided", asked="statistic")
>>> round(ab.answer, 4)
2.1027
"""

from __future__ import annotations

import math

from mlmath.engine.probability.notation import (
    formula,
    given_latex,
    given_text,
    real_latex,
    real_text,
)
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Real, exact
from mlmath.engine.statistics.distributions import normal_cdf, t_cdf

Group = tuple[Real, float, int]
"""A group's summary: (mean, standard deviation, size)."""

ALTERNATIVES = ("two-sided", "greater", "less")
SYMBOL = {"two-sided": r"\ne", "greater": ">", "less": "<"}
SYMBOL_TEXT = {"two-sided": "≠", "greater": ">", "less": "<"}


def tail_probability(statistic: float, alternative: str, df: float | None) -> float:
    """The p-value of a z (df None) or t statistic."""
    cdf = normal_cdf if df is None else (lambda v: t_cdf(df, v))
    if alternative == "greater":
        return 1 - cdf(statistic)
    if alternative == "less":
        return cdf(statistic)
    return 2 * cdf(-abs(statistic))


def p_value_step(statistic: float, alternative: str, df: float | None) -> tuple[float, Step]:
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    p = tail_probability(statistic, alternative, df)
    name, name_t = ("Z", "Z") if df is None else (f"T_{{{real_text(df)}}}", f"T({real_text(df)})")
    s = statistic
    if alternative == "greater":
        rule = "The alternative is 'greater': the p-value is the area to the right"
        shown = (
            rf"P({name} \ge {real_latex(s)}) = {real_latex(p)}",
            f"P({name_t} ≥ {real_text(s)}) = {real_text(p)}",
        )
    elif alternative == "less":
        rule = "The alternative is 'less': the p-value is the area to the left"
        shown = (
            rf"P({name} \le {real_latex(s)}) = {real_latex(p)}",
            f"P({name_t} ≤ {real_text(s)}) = {real_text(p)}",
        )
    else:
        rule = (
            "The alternative is two-sided: a result as far out on either side counts, "
            "so double the tail area"
        )
        shown = (
            rf"2\,P({name} \ge {real_latex(abs(s))}) = {real_latex(p)}",
            f"2·P({name_t} ≥ {real_text(abs(s))}) = {real_text(p)}",
        )
    return p, Step(rule, formula(*shown))


def _hypotheses(parameter: tuple[str, str], null: Real, alternative: str) -> Step:
    symbol_l, symbol_t = parameter
    return Step(
        "State the hypotheses: H0 is the 'nothing new' claim the data must argue against",
        formula(
            rf"H_0: {symbol_l} = {given_latex(null)},\quad H_1: {symbol_l} {SYMBOL[alternative]} "
            rf"{given_latex(null)}",
            f"H0: {symbol_t} = {given_text(null)}, H1: {symbol_t} {SYMBOL_TEXT[alternative]} "
            f"{given_text(null)}",
        ),
    )


def _finish(
    statistic: float, steps: list[Step], alternative: str, df: float | None, asked: str
) -> Solution[float]:
    if asked == "statistic":
        return Solution(statistic, tuple(steps))
    if asked != "p_value":
        raise NotSolvable("ask for the statistic or the p_value")
    p, step = p_value_step(statistic, alternative, df)
    return Solution(p, (*steps, step))


def mean_test(
    mean: Real, null: Real, sd: float, n: int, *, alternative: str, asked: str, sd_known: bool
) -> Solution[float]:
    """z = (x̄ − μ0)/(σ/√n) with σ known; t = (x̄ − μ0)/(s/√n), n − 1 df, with σ estimated."""
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    if not sd > 0 or n < 2:
        raise NotSolvable("the standard deviation must be positive and n at least 2")
    se = sd / math.sqrt(n)
    statistic = float(exact(mean) - exact(null)) / se  # the difference exactly, then divide
    letter, sigma = ("z", r"\sigma") if sd_known else ("t", "s")
    steps = [
        _hypotheses((r"\mu", "μ"), null, alternative),
        Step(
            "The standard error of the sample mean",
            formula(
                rf"\mathrm{{SE}} = \frac{{{sigma}}}{{\sqrt n}} = "
                rf"\frac{{{given_latex(sd)}}}{{\sqrt{{{n}}}}} = "
                rf"{real_latex(se)}",
                f"SE = {'σ' if sd_known else 's'}/√n = {given_text(sd)} / √{n} = {real_text(se)}",
            ),
        ),
        Step(
            "How many standard errors the sample mean lies from μ0"
            + ("" if sd_known else f" (σ is estimated by s: Student's t with n − 1 = {n - 1} df)"),
            formula(
                rf"{letter} = \frac{{{given_latex(mean)} - {given_latex(null)}}}{{{real_latex(se)}"
                rf"}} = {real_latex(statistic)}",
                f"{letter} = ({given_text(mean)} − {given_text(null)}) / {real_text(se)} = "
                f"{real_text(statistic)}",
            ),
        ),
    ]
    return _finish(statistic, steps, alternative, None if sd_known else n - 1, asked)


def z_test(
    mean: Real, null: Real, sd: float, n: int, *, alternative: str, asked: str
) -> Solution[float]:
    return mean_test(mean, null, sd, n, alternative=alternative, asked=asked, sd_known=True)


def t_test(
    mean: Real, null: Real, sd: float, n: int, *, alternative: str, asked: str
) -> Solution[float]:
    return mean_test(mean, null, sd, n, alternative=alternative, asked=asked, sd_known=False)


def proportion_test(
    successes: int, n: int, null: float, *, alternative: str, asked: str
) -> Solution[float]:
    """z = (p̂ − p0)/√(p0(1 − p0)/n): the standard error is computed under H0."""
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    if n < 1 or not 0 <= successes <= n:
        raise NotSolvable("the number of successes must be between 0 and n, with n ≥ 1")
    if not 0 < null < 1:
        raise NotSolvable("the proportion under H0 must be between 0 and 1")
    p_hat = successes / n
    se = math.sqrt(null * (1 - null) / n)
    statistic = (p_hat - null) / se
    steps = [
        _hypotheses(("p", "p"), null, alternative),
        Step(
            "The sample proportion",
            formula(
                rf"\hat p = \frac{{{successes}}}{{{n}}} = {real_latex(p_hat)}",
                f"p̂ = {successes}/{n} = {real_text(p_hat)}",
            ),
        ),
        Step(
            "Under H0 the standard error uses p0, the proportion H0 claims",
            formula(
                rf"\mathrm{{SE}} = "
                rf"\sqrt{{\frac{{{given_latex(null)}(1 - {given_latex(null)})}}{{{n}}}}} = "
                rf"{real_latex(se)}",
                f"SE = √({given_text(null)}·(1 − {given_text(null)}) / {n}) = {real_text(se)}",
            ),
        ),
        Step(
            "Standardise",
            formula(
                rf"z = \frac{{{real_latex(p_hat)} - {given_latex(null)}}}{{{real_latex(se)}}} = "
                rf"{real_latex(statistic)}",
                f"z = ({real_text(p_hat)} − {given_text(null)}) / {real_text(se)} = "
                f"{real_text(statistic)}",
            ),
        ),
    ]
    return _finish(statistic, steps, alternative, None, asked)


def welch_df(sd_a: float, n_a: int, sd_b: float, n_b: int) -> float:
    va, vb = sd_a**2 / n_a, sd_b**2 / n_b
    return (va + vb) ** 2 / (va**2 / (n_a - 1) + vb**2 / (n_b - 1))


def welch_test(group_a: Group, group_b: Group, *, alternative: str, asked: str) -> Solution[float]:
    """Welch's t = (x̄_B − x̄_A)/√(s_A²/n_A + s_B²/n_B), Welch–Satterthwaite df.

    ``alternative`` compares μ_B with μ_A ("greater" means μ_B > μ_A).
    """
    (mean_a, sd_a, n_a), (mean_b, sd_b, n_b) = group_a, group_b
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    if not (sd_a > 0 and sd_b > 0) or n_a < 2 or n_b < 2:
        raise NotSolvable("each group needs a positive standard deviation and at least 2 values")
    va, vb = sd_a**2 / n_a, sd_b**2 / n_b
    se = math.sqrt(va + vb)
    diff = float(exact(mean_b) - exact(mean_a))
    statistic = diff / se
    df = welch_df(sd_a, n_a, sd_b, n_b)
    steps = [
        _hypotheses((r"\mu_B - \mu_A", "μB − μA"), 0, alternative),
        Step(
            "Each group's mean has its own variance s²/n; the variances of independent "
            "groups add (Welch: no assumption that the two σ are equal)",
            formula(
                rf"\mathrm{{SE}} = \sqrt{{\frac{{{given_latex(sd_a)}^2}}{{{n_a}}} + "
                rf"\frac{{{given_latex(sd_b)}^2}}{{{n_b}}}}} = \sqrt{{{real_latex(va)} + "
                rf"{real_latex(vb)}}} = {real_latex(se)}",
                f"SE = √({given_text(sd_a)}²/{n_a} + {given_text(sd_b)}²/{n_b}) = "
                f"√({real_text(va)} + {real_text(vb)}) = {real_text(se)}",
            ),
        ),
        Step(
            "The difference of the means in standard errors",
            formula(
                rf"t = \frac{{{given_latex(mean_b)} - {given_latex(mean_a)}}}{{{real_latex(se)}}} "
                rf"= {real_latex(statistic)}",
                f"t = ({given_text(mean_b)} − {given_text(mean_a)}) / {real_text(se)} = "
                f"{real_text(statistic)}",
            ),
        ),
    ]
    if asked == "p_value":
        steps.append(
            Step(
                "Welch–Satterthwaite degrees of freedom",
                formula(
                    rf"\nu = \frac{{(v_A + v_B)^2}}{{\frac{{v_A^2}}{{n_A - 1}} + "
                    rf"\frac{{v_B^2}}{{n_B - 1}}}} = {real_latex(df)}",
                    f"ν = (vA + vB)² / (vA²/(nA − 1) + vB²/(nB − 1)) = {real_text(df)}",
                ),
            )
        )
    return _finish(statistic, steps, alternative, df, asked)


def two_proportion_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int, *, alternative: str, asked: str
) -> Solution[float]:
    """z = (p̂_B − p̂_A)/√(p̂(1 − p̂)(1/n_A + 1/n_B)) with the pooled p̂ (H0: p_A = p_B)."""
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    for k, n in ((successes_a, n_a), (successes_b, n_b)):
        if n < 1 or not 0 <= k <= n:
            raise NotSolvable("each group's successes must be between 0 and its size")
    pa, pb = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if pooled in (0, 1):
        raise NotSolvable(
            "with no successes (or only successes) in both groups there is nothing to test"
        )
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    statistic = (pb - pa) / se
    steps = [
        _hypotheses((r"p_B - p_A", "pB − pA"), 0, alternative),
        Step(
            "Each version's rate",
            formula(
                rf"\hat p_A = \frac{{{successes_a}}}{{{n_a}}} = {real_latex(pa)},\quad "
                rf"\hat p_B = \frac{{{successes_b}}}{{{n_b}}} = {real_latex(pb)}",
                f"p̂A = {successes_a}/{n_a} = {real_text(pa)}, p̂B = {successes_b}/{n_b} = "
                f"{real_text(pb)}",
            ),
        ),
        Step(
            "Under H0 both versions share one rate: pool the two groups to estimate it",
            formula(
                rf"\hat p = \frac{{{successes_a} + {successes_b}}}{{{n_a} + {n_b}}} = "
                rf"{real_latex(pooled)}",
                f"p̂ = ({successes_a} + {successes_b}) / ({n_a} + {n_b}) = {real_text(pooled)}",
            ),
        ),
        Step(
            "The standard error of the difference under H0",
            formula(
                rf"\mathrm{{SE}} = \sqrt{{\hat p(1 - \hat p)\left(\frac{{1}}{{{n_a}}} + "
                rf"\frac{{1}}{{{n_b}}}\right)}} = {real_latex(se)}",
                f"SE = √(p̂(1 − p̂)(1/{n_a} + 1/{n_b})) = {real_text(se)}",
            ),
        ),
        Step(
            "The difference of the rates in standard errors",
            formula(
                rf"z = \frac{{{real_latex(pb)} - {real_latex(pa)}}}{{{real_latex(se)}}} = "
                rf"{real_latex(statistic)}",
                f"z = ({real_text(pb)} − {real_text(pa)}) / {real_text(se)} = "
                f"{real_text(statistic)}",
            ),
        ),
    ]
    return _finish(statistic, steps, alternative, None, asked)
