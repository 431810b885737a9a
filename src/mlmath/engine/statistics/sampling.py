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

from mlmath.engine.probability.notation import formula
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import normal_cdf

Data = Sequence[float]


def listed(data: Data) -> str:
    return ", ".join(f"{x:g}" for x in data)


def need(data: Data, at_least: int) -> None:
    if len(data) < at_least:
        raise NotSolvable(f"give at least {at_least} data values")


def sample_mean(data: Data) -> Solution[float]:
    """x̄ = (x₁ + … + xₙ)/n."""
    need(data, 1)
    n, total = len(data), math.fsum(data)
    answer = total / n
    return Solution(
        answer,
        (
            Step(
                "Add the values of the sample",
                formula(rf"\sum x_i = {total:g}", f"Σ x = {total:g}"),
            ),
            Step(
                f"Divide by the sample size n = {n}: the sample mean estimates the population mean",
                formula(
                    rf"\bar x = \frac{{{total:g}}}{{{n}}} = {answer:.4f}",
                    f"x̄ = {total:g} / {n} = {answer:.4f}",
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
                    rf"\hat p = \frac{{{successes}}}{{{n}}} = {answer:.4f}",
                    f"p̂ = {successes} / {n} = {answer:.4f}",
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
                    rf"\frac{{{sd:g}}}{{\sqrt{{{n}}}}} = \frac{{{sd:g}}}{{{root:.4f}}} = "
                    rf"{answer:.4f}",
                    f"{sd:g} / √{n} = {sd:g} / {root:.4f} = {answer:.4f}",
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
    return Solution(
        answer,
        (
            Step(
                "A proportion is the mean of 0/1 answers, whose variance is p(1 − p)",
                formula(
                    rf"\sigma^2 = {p:g}\cdot(1 - {p:g}) = {variance:.4f}",
                    f"σ² = {p:g}·(1 − {p:g}) = {variance:.4f}",
                ),
            ),
            Step(
                "Divide by n and take the square root, as for any sample mean",
                formula(
                    rf"\mathrm{{SE}}(\hat p) = \sqrt{{\frac{{{variance:.4f}}}{{{n}}}}} = "
                    rf"{answer:.4f}",
                    f"SE(p̂) = √({variance:.4f} / {n}) = {answer:.4f}",
                ),
            ),
        ),
    )


def sample_mean_probability(
    mean: float, sd: float, n: int, threshold: float, side: str
) -> Solution[float]:
    """P(x̄ ≤ threshold) or P(x̄ ≥ threshold), with x̄ ≈ N(μ, σ²/n) by the CLT."""
    if side not in ("above", "below"):
        raise NotSolvable("side must be 'above' or 'below'")
    se = standard_error_mean(sd, n)
    z = (threshold - mean) / se.answer
    left = normal_cdf(z)
    answer = 1 - left if side == "above" else left
    last = (
        Step(
            "The area to the right is 1 minus the area to the left",
            formula(
                rf"P(\bar X \ge {threshold:g}) = 1 - {left:.4f} = {answer:.4f}",
                f"P(X̄ ≥ {threshold:g}) = 1 − {left:.4f} = {answer:.4f}",
            ),
        )
        if side == "above"
        else Step(
            "The probability is the area to the left",
            formula(
                rf"P(\bar X \le {threshold:g}) = {answer:.4f}",
                f"P(X̄ ≤ {threshold:g}) = {answer:.4f}",
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
                    rf"\bar X \approx N\left({mean:g},\ {se.answer:.4f}^2\right)",
                    f"X̄ ≈ N({mean:g}, {se.answer:.4f}²)",
                ),
                se.steps,
            ),
            Step(
                "Standardise with the standard error, not with σ",
                formula(
                    rf"z = \frac{{{threshold:g} - {mean:g}}}{{{se.answer:.4f}}} = {z:.4f}",
                    f"z = ({threshold:g} − {mean:g}) / {se.answer:.4f} = {z:.4f}",
                ),
            ),
            Step(
                "Read the standard normal CDF",
                formula(rf"\Phi({z:.4f}) = {left:.4f}", f"Φ({z:.4f}) = {left:.4f}"),
            ),
            last,
        ),
    )


def sample_variance(data: Data, unbiased: bool = True) -> Solution[float]:
    """s² = Σ(x − x̄)²/(n − 1) (unbiased), or the plug-in Σ(x − x̄)²/n."""
    need(data, 2)
    n = len(data)
    m = math.fsum(data) / n
    ss = math.fsum((x - m) ** 2 for x in data)
    divisor = n - 1 if unbiased else n
    answer = ss / divisor
    why = (
        "Divide by n − 1: the deviations are measured from x̄, which sits closer to the data "
        "than μ does, and n − 1 makes up for it exactly (E[s²] = σ²)"
        if unbiased
        else "Divide by n: the plug-in (maximum likelihood) estimate"
    )
    return Solution(
        answer,
        (
            Step(
                "Find the sample mean",
                formula(rf"\bar x = {m:.4f}", f"x̄ = {m:.4f}"),
            ),
            Step(
                "Add the squared deviations from the sample mean",
                formula(rf"\sum (x_i - \bar x)^2 = {ss:.4f}", f"Σ (x − x̄)² = {ss:.4f}"),
            ),
            Step(
                why,
                formula(
                    rf"\frac{{{ss:.4f}}}{{{divisor}}} = {answer:.4f}",
                    f"{ss:.4f} / {divisor} = {answer:.4f}",
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
                    rf"E[\hat\sigma^2] = \frac{{{n - 1}}}{{{n}}}\cdot {variance:g} = {answer:.4f}",
                    f"E[σ̂²] = ({n - 1}/{n})·{variance:g} = {answer:.4f}",
                ),
            ),
        ),
    )
