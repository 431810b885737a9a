"""Errors of a test and its power.

A type I error rejects a true H0 (convicting an innocent person); its probability is
α, chosen in advance. A type II error keeps a false H0 (acquitting a guilty one); its
probability β depends on how large the real effect is. The power 1 − β is the chance
the test notices an effect of a given size.

>>> round(z_test_power(100.0, 105.0, 15.0, 36, alpha=0.05, alternative="greater").answer, 4)
0.6388
>>> classify_decision(h0_true=True, rejected=True).answer
'type_i'
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
from mlmath.engine.statistics.distributions import check_alpha, normal_cdf, normal_quantile


def classify_decision(h0_true: bool, rejected: bool) -> Solution[str]:
    """'type_i', 'type_ii' or 'correct' for a decision and the truth."""
    if h0_true and rejected:
        answer, rule = "type_i", "H0 was true but was rejected: a type I error (a false alarm)"
    elif not h0_true and not rejected:
        answer, rule = "type_ii", "H0 was false but was kept: a type II error (a missed effect)"
    else:
        answer, rule = "correct", "The decision agrees with the truth: no error"
    truth = "H0 true" if h0_true else "H0 false"
    decision = "reject H0" if rejected else "keep H0"
    return Solution(
        answer,
        (
            Step(
                "Name the truth and the decision separately",
                formula(rf"\text{{{truth}}},\ \text{{{decision}}}", f"{truth}, {decision}"),
            ),
            Step(rule),
        ),
    )


def z_test_power(
    null: Real, true_mean: Real, sd: float, n: int, *, alpha: float, alternative: str
) -> Solution[float]:
    """P(reject H0: μ = null | μ = true_mean) for a z-test of a mean with known σ."""
    check_alpha(alpha)
    if not sd > 0 or n < 1:
        raise NotSolvable("the standard deviation must be positive and n ≥ 1")
    if alternative not in ("two-sided", "greater", "less"):
        raise NotSolvable("alternative must be two-sided, greater or less")
    se = sd / math.sqrt(n)
    shift = float(exact(true_mean) - exact(null)) / se  # the difference exactly
    tail = alpha / 2 if alternative == "two-sided" else alpha
    z_crit = normal_quantile(1 - tail)
    steps = [
        Step(
            "The standard error of the mean",
            formula(
                rf"\mathrm{{SE}} = \frac{{{given_latex(sd)}}}{{\sqrt{{{n}}}}} = {real_latex(se)}",
                f"SE = {given_text(sd)} / √{n} = {real_text(se)}",
            ),
        ),
        Step(
            f"The test rejects when z passes the critical value that leaves α = "
            f"{given_text(alpha)} "
            + ("split over both tails" if alternative == "two-sided" else "in one tail"),
            formula(
                rf"z^* = \Phi^{{-1}}(1 - {given_latex(tail)}) = {real_latex(z_crit)}",
                f"z* = Φ⁻¹(1 − {given_text(tail)}) = {real_text(z_crit)}",
            ),
        ),
        Step(
            "If the true mean is μ1, the statistic z is centred at (μ1 − μ0)/SE instead of 0",
            formula(
                rf"\delta = \frac{{{given_latex(true_mean)} - {given_latex(null)}}}{{"
                rf"{real_latex(se)}}} = {real_latex(shift)}",
                f"δ = ({given_text(true_mean)} − {given_text(null)}) / {real_text(se)} = "
                f"{real_text(shift)}",
            ),
        ),
    ]
    if alternative == "greater":
        power = 1 - normal_cdf(z_crit - shift)
        shown = (
            rf"1 - \beta = P(Z > {real_latex(z_crit)} - {real_latex(shift)}) = {real_latex(power)}",
            f"1 − β = P(Z > {real_text(z_crit)} − {real_text(shift)}) = {real_text(power)}",
        )
    elif alternative == "less":
        power = normal_cdf(-z_crit - shift)
        shown = (
            rf"1 - \beta = P(Z < -{real_latex(z_crit)} - {real_latex(shift)}) = "
            rf"{real_latex(power)}",
            f"1 − β = P(Z < −{real_text(z_crit)} − {real_text(shift)}) = {real_text(power)}",
        )
    else:
        power = 1 - normal_cdf(z_crit - shift) + normal_cdf(-z_crit - shift)
        shown = (
            rf"1 - \beta = P(Z > {real_latex(z_crit)} - {real_latex(shift)}) + P(Z < "
            rf"-{real_latex(z_crit)} - {real_latex(shift)})"
            rf" = {real_latex(power)}",
            f"1 − β = P(Z > {real_text(z_crit)} − {real_text(shift)}) + P(Z < −{real_text(z_crit)} "
            f"− {real_text(shift)}) = "
            f"{real_text(power)}",
        )
    steps.append(
        Step("The power is the probability of landing in the rejection region", formula(*shown))
    )
    return Solution(power, tuple(steps))
