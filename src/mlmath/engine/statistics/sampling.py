"""Samples and what they say about a population: means, proportions, the CLT, bias.

A sample of n values drawn from a population with mean μ and standard deviation σ
has a mean x̄ that varies from sample to sample. Its spread is the standard error
σ/√n, and by the Central Limit Theorem its distribution is close to normal when n
is large — for any population with a finite variance.

>>> sample_mean((170.0, 165.0, 180.0, 175.0)).answer
172.5
>>> round(standard_error_mean(8.0, 16).answer, 4)
2.0
>>> round(sample_mean_probability(170.0, 8.0, 16, 173.0, "above").answer, 4)
0.0668
>>> round(expected_biased_variance(36.0, 4).answer, 4)
27.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mlmath.engine.probability.notation import (
    exact_latex,
    exact_text,
    formula,
    given_latex,
    given_text,
    real_latex,
    real_text,
    to_real,
)
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column, Real, Value, exact
from mlmath.engine.statistics.distributions import normal_cdf

Data = Sequence[Value]
"""Data values: floats, or exact numbers (see :class:`.columns.Column`)."""


LISTED = 10
"""A sample longer than this is written as its first few values, …, its last."""


def listed(data: Data) -> str:
    """The values as the learner gave them: all of a short sample, else the first and
    last few and how many there are."""
    values = Column.of(data if len(data) <= LISTED else [*data[:6], *data[-2:]])
    shown = [given_text(x) for x in values]
    if len(data) <= LISTED:
        return ", ".join(shown)
    return f"{', '.join(shown[:6])}, …, {', '.join(shown[6:])} ({len(data):,} values)"


def need(data: Data, at_least: int) -> None:
    if len(data) < at_least:
        raise NotSolvable(f"give at least {at_least} data values")


def sample_mean(data: Data | Column) -> Solution[float]:
    """x̄ = (x₁ + … + xₙ)/n, added exactly."""
    column = Column.of(data)
    need(column, 1)
    n, total = column.n, column.total
    mean = column.mean
    return Solution(
        float(mean),
        (
            Step(
                "Add the values of the sample",
                formula(rf"\sum x_i = {exact_latex(total)}", f"Σ x = {exact_text(total)}"),
            ),
            Step(
                f"Divide by the sample size n = {n}: the sample mean estimates the population mean",
                formula(
                    rf"\bar x = \frac{{\sum x_i}}{{{n}}} = {exact_latex(mean)}",
                    f"x̄ = Σ x / {n} = {exact_text(mean)}",
                ),
            ),
        ),
    )


def sample_proportion(successes: int, n: int) -> Solution[float]:
    """p̂ = k/n: the share of the sample with the property."""
    if n < 1 or not 0 <= successes <= n:
        raise NotSolvable("the number of successes must be between 0 and the sample size n ≥ 1")
    answer = successes / n
    return Solution(
        answer,
        (
            Step(
                "The sample proportion is the count with the property over the sample size",
                formula(
                    rf"\hat p = \frac{{{successes}}}{{{n}}} = {real_latex(answer)}",
                    f"p̂ = {successes} / {n} = {real_text(answer)}",
                ),
            ),
        ),
    )


def standard_error_mean(sd: float, n: int) -> Solution[float]:
    """SE(x̄) = σ/√n."""
    if not sd > 0 or n < 1:
        raise NotSolvable("the standard deviation must be positive and the sample size n ≥ 1")
    root = math.sqrt(n)
    answer = sd / root
    return Solution(
        answer,
        (
            Step(
                "Averages of n values vary less than single values: Var(x̄) = σ²/n, so the "
                "standard deviation of x̄ is σ/√n",
                formula(r"\mathrm{SE}(\bar x) = \frac{\sigma}{\sqrt n}", "SE(x̄) = σ / √n"),
            ),
            Step(
                "Substitute σ and n",
                formula(
                    rf"\frac{{{given_latex(sd)}}}{{\sqrt{{{n}}}}} = "
                    rf"\frac{{{given_latex(sd)}}}{{{real_latex(root)}}} = "
                    rf"{real_latex(answer)}",
                    f"{given_text(sd)} / √{n} = {given_text(sd)} / {real_text(root)} = "
                    f"{real_text(answer)}",
                ),
            ),
        ),
    )


def standard_error_proportion(p: float, n: int) -> Solution[float]:
    """SE(p̂) = √(p(1 − p)/n): a proportion is the mean of 0/1 values with σ² = p(1 − p)."""
    if not 0 < p < 1 or n < 1:
        raise NotSolvable("the proportion must be between 0 and 1 and the sample size n ≥ 1")
    variance = p * (1 - p)
    answer = math.sqrt(variance / n)
    (variance_l, variance_t), (answer_l, answer_t) = to_real(variance), to_real(answer)
    return Solution(
        answer,
        (
            Step(
                "A proportion is the mean of 0/1 answers, whose variance is p(1 − p)",
                formula(
                    rf"\sigma^2 = {given_latex(p)}\cdot(1 - {given_latex(p)}) "
                    rf"{variance_l}",
                    f"σ² = {given_text(p)}·(1 − {given_text(p)}) {variance_t}",
                ),
            ),
            Step(
                "Divide by n and take the square root, as for any sample mean",
                formula(
                    rf"\mathrm{{SE}}(\hat p) = \sqrt{{\frac{{{real_latex(variance)}}}{{{n}}}}} "
                    rf"{answer_l}",
                    f"SE(p̂) = √({real_text(variance)} / {n}) {answer_t}",
                ),
            ),
        ),
    )


def sample_mean_probability(
    mean: Real, sd: float, n: int, threshold: Real, side: str
) -> Solution[float]:
    """P(x̄ ≤ threshold) or P(x̄ ≥ threshold), with x̄ ≈ N(μ, σ²/n) by the CLT."""
    if side not in ("above", "below"):
        raise NotSolvable("side must be 'above' or 'below'")
    se = standard_error_mean(sd, n)
    z = float(exact(threshold) - exact(mean)) / se.answer  # the difference exactly
    left = normal_cdf(z)
    answer = 1 - left if side == "above" else left
    last = (
        Step(
            "The area to the right is 1 minus the area to the left",
            formula(
                rf"P(\bar X \ge {given_latex(threshold)}) = 1 - {real_latex(left)} = "
                rf"{real_latex(answer)}",
                f"P(X̄ ≥ {given_text(threshold)}) = 1 − {real_text(left)} = {real_text(answer)}",
            ),
        )
        if side == "above"
        else Step(
            "The probability is the area to the left",
            formula(
                rf"P(\bar X \le {given_latex(threshold)}) = {real_latex(answer)}",
                f"P(X̄ ≤ {given_text(threshold)}) = {real_text(answer)}",
            ),
        )
    )
    return Solution(
        answer,
        (
            Step(
                f"By the Central Limit Theorem the mean of n = {n} values is close to normal, "
                "centred at μ with standard deviation σ/√n",
                formula(
                    rf"\bar X \approx N\left({given_latex(mean)},\ "
                    rf"{real_latex(se.answer)}^2\right)",
                    f"X̄ ≈ N({given_text(mean)}, {real_text(se.answer)}²)",
                ),
                se.steps,
            ),
            Step(
                "Standardise with the standard error, not with σ",
                formula(
                    rf"z = \frac{{{given_latex(threshold)} - {given_latex(mean)}}}{{"
                    rf"{real_latex(se.answer)}}} = {real_latex(z)}",
                    f"z = ({given_text(threshold)} − {given_text(mean)}) / {real_text(se.answer)} "
                    f"= {real_text(z)}",
                ),
            ),
            Step(
                "Read the standard normal CDF",
                formula(
                    rf"\Phi({real_latex(z)}) = {real_latex(left)}",
                    f"Φ({real_text(z)}) = {real_text(left)}",
                ),
            ),
            last,
        ),
    )


def sample_variance(data: Data | Column, unbiased: bool = True) -> Solution[float]:
    """s² = Σ(x − x̄)²/(n − 1) (unbiased), or the plug-in Σ(x − x̄)²/n, exactly."""
    column = Column.of(data)
    need(column, 2)
    n = column.n
    m, ss = column.mean, column.squares
    divisor = n - 1 if unbiased else n
    answer = ss / divisor
    why = (
        "Divide by n − 1: the deviations are measured from x̄, which sits closer to the data "
        "than μ does, and n − 1 makes up for it exactly (E[s²] = σ²)"
        if unbiased
        else "Divide by n: the plug-in (maximum likelihood) estimate"
    )
    return Solution(
        float(answer),
        (
            Step(
                "Find the sample mean",
                formula(rf"\bar x = {exact_latex(m)}", f"x̄ = {exact_text(m)}"),
            ),
            Step(
                "Add the squared deviations from the sample mean",
                formula(
                    rf"\sum (x_i - \bar x)^2 = {exact_latex(ss)}",
                    f"Σ (x − x̄)² = {exact_text(ss)}",
                ),
            ),
            Step(
                why,
                formula(
                    rf"\frac{{\sum (x_i - \bar x)^2}}{{{divisor}}} = {exact_latex(answer)}",
                    f"Σ (x − x̄)² / {divisor} = {exact_text(answer)}",
                ),
            ),
        ),
    )


def expected_biased_variance(variance: float, n: int) -> Solution[float]:
    """E[(1/n)Σ(X − X̄)²] = (n − 1)/n · σ²: the divide-by-n estimator runs low."""
    if not variance > 0 or n < 2:
        raise NotSolvable("the variance must be positive and the sample size n ≥ 2")
    answer = (n - 1) / n * variance
    return Solution(
        answer,
        (
            Step(
                "The sum of squared deviations from the sample mean has expected value "
                "(n − 1)σ², not nσ²: one degree of freedom is used up by x̄",
                formula(
                    r"E\left[\sum (X_i - \bar X)^2\right] = (n - 1)\,\sigma^2",
                    "E[Σ (X − X̄)²] = (n − 1)σ²",
                ),
            ),
            Step(
                "Dividing by n therefore gives (n − 1)/n times σ², too small on average: "
                "the estimator is biased",
                formula(
                    rf"E[\hat\sigma^2] = \frac{{{n - 1}}}{{{n}}}\cdot {given_latex(variance)} = "
                    rf"{real_latex(answer)}",
                    f"E[σ̂²] = ({n - 1}/{n})·{given_text(variance)} = {real_text(answer)}",
                ),
            ),
        ),
    )
