"""Likelihood and maximum likelihood: which parameter makes the data we saw most likely?

The likelihood L(θ) is the probability (or density) of the observed data, read as a
function of the parameter θ. Maximum likelihood picks the θ that makes it largest;
for the common models calculus gives the answer in closed form: the sample
proportion for a Bernoulli, the sample mean and the divide-by-n variance for a
Gaussian. Linear discriminant analysis (LDA) fits two Gaussians by maximum
likelihood and classifies by the larger prior × density.

>>> round(bernoulli_likelihood(3, 5, 0.6, binomial=False).answer, 4)
0.0346
>>> mle_bernoulli(7, 10).answer
0.7
>>> round(mle_gaussian((2.0, 4.0, 9.0), "variance").answer, 4)
8.6667
>>> lda_threshold(160.0, 176.0, 6.0, 0.5).answer
168.0
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.probability.notation import (
    exact_latex,
    exact_text,
    formula,
    given_latex,
    given_text,
    real_latex,
    real_text,
)
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column, exact
from mlmath.engine.statistics.sampling import Data, need, sample_mean, sample_variance


def bernoulli_likelihood(successes: int, n: int, p: float, binomial: bool) -> Solution[float]:
    """L(p) for k successes in n independent trials, in order (Bernoulli) or as a count."""
    if n < 1 or not 0 <= successes <= n:
        raise NotSolvable("the number of successes must be between 0 and n, with n ≥ 1")
    if not 0 < p < 1:
        raise NotSolvable("the probability p must be between 0 and 1")
    k, failures = successes, n - successes
    product = p**k * (1 - p) ** failures
    steps = [
        Step(
            "The trials are independent, so their probabilities multiply: p for each "
            "success, 1 − p for each failure",
            formula(
                rf"p^{{{k}}}(1 - p)^{{{failures}}} = {given_latex(p)}^{{{k}}}\cdot "
                rf"{given_latex(1 - p)}^{{{failures}}}"
                rf" = {real_latex(product)}",
                f"p^{k}·(1 − p)^{failures} = {given_text(p)}^{k}·{given_text(1 - p)}^{failures} = "
                f"{real_text(product)}",
            ),
        )
    ]
    answer = product
    if binomial:
        ways = math.comb(n, k)
        answer = ways * product
        steps.append(
            Step(
                f"Only the count is known, so any of the C({n}, {k}) orders could have "
                "happened: multiply by the binomial coefficient",
                formula(
                    rf"L({given_latex(p)}) = \binom{{{n}}}{{{k}}}\cdot {real_latex(product)} = "
                    rf"{ways}\cdot "
                    rf"{real_latex(product)} = {real_latex(answer)}",
                    f"L({given_text(p)}) = C({n}, {k})·{real_text(product)} = "
                    f"{ways}·{real_text(product)} = {real_text(answer)}",
                ),
            )
        )
    return Solution(answer, tuple(steps))


def gaussian_log_likelihood(
    data: Data | Column, mean: float | Fraction, sd: float | Fraction
) -> Solution[float]:
    """ℓ(μ, σ) = −(n/2)·ln(2πσ²) − Σ(x − μ)²/(2σ²)."""
    column = Column.of(data)
    need(column, 1)
    if not sd > 0:
        raise NotSolvable("the standard deviation must be positive")
    n = column.n
    ss = column.squares_about(exact(mean))
    constant = -n / 2 * math.log(2 * math.pi * sd * sd)
    answer = constant - float(ss / (2 * exact(sd) ** 2))
    return Solution(
        answer,
        (
            Step(
                "The likelihood is the product of the normal densities at the data points; "
                "its logarithm turns the product into a sum",
                formula(
                    r"\ell(\mu, \sigma) = -\frac{n}{2}\ln(2\pi\sigma^2) - "
                    r"\frac{\sum (x_i - \mu)^2}{2\sigma^2}",
                    "ℓ(μ, σ) = −(n/2)·ln(2πσ²) − Σ(x − μ)² / (2σ²)",
                ),
            ),
            Step(
                "Add the squared distances of the data from μ",
                formula(
                    rf"\sum (x_i - {given_latex(mean)})^2 = {exact_latex(ss)}",
                    f"Σ (x − {given_text(mean)})² = {exact_text(ss)}",
                ),
            ),
            Step(
                "Substitute n, σ² and the sum",
                formula(
                    rf"\ell = -\frac{{{n}}}{{2}}\ln(2\pi\cdot {given_latex(sd * sd)}) - "
                    rf"\frac{{{real_latex(ss)}}}{{2\cdot {given_latex(sd * sd)}}} = "
                    rf"{real_latex(constant)} - "
                    rf"{real_latex(ss / (2 * sd * sd))} = {real_latex(answer)}",
                    f"ℓ = −({n}/2)·ln(2π·{given_text(sd * sd)}) − "
                    f"{real_text(ss)}/(2·{given_text(sd * sd)}) = "
                    f"{real_text(constant)} − {real_text(ss / (2 * sd * sd))} = "
                    f"{real_text(answer)}",
                ),
            ),
        ),
    )


def mle_bernoulli(successes: int, n: int) -> Solution[float]:
    """p̂ = k/n, from setting the derivative of the log-likelihood to zero."""
    if n < 1 or not 0 <= successes <= n:
        raise NotSolvable("the number of successes must be between 0 and n, with n ≥ 1")
    k = successes
    answer = k / n
    return Solution(
        answer,
        (
            Step(
                "Write the log-likelihood of k successes in n trials",
                formula(
                    rf"\ell(p) = {k}\ln p + {n - k}\ln(1 - p)",
                    f"ℓ(p) = {k}·ln p + {n - k}·ln(1 − p)",
                ),
            ),
            Step(
                "Set its derivative to zero",
                formula(
                    rf"\frac{{{k}}}{{p}} - \frac{{{n - k}}}{{1 - p}} = 0",
                    f"{k}/p − {n - k}/(1 − p) = 0",
                ),
            ),
            Step(
                "Solve for p: the maximum is the sample proportion k/n",
                formula(
                    rf"\hat p = \frac{{{k}}}{{{n}}} = {real_latex(answer)}",
                    f"p̂ = {k} / {n} = {real_text(answer)}",
                ),
            ),
        ),
    )


def mle_gaussian(data: Data, asked: str) -> Solution[float]:
    """μ̂ = x̄, σ̂² = (1/n)Σ(x − x̄)², σ̂ = √σ̂²."""
    if asked not in ("mean", "variance", "sd"):
        raise NotSolvable("ask for the mean, the variance or the sd")
    need(data, 1 if asked == "mean" else 2)
    mean = sample_mean(data)
    derivation = Step(
        "Setting ∂ℓ/∂μ = 0 gives Σ(x − μ) = 0: the estimate of μ is the sample mean",
        formula(r"\hat\mu = \bar x", "μ̂ = x̄"),
        mean.steps,
    )
    if asked == "mean":
        return Solution(mean.answer, (derivation,))
    variance = sample_variance(data, unbiased=False)
    variance_step = Step(
        "Setting ∂ℓ/∂σ = 0 gives σ² = Σ(x − μ̂)²/n: maximum likelihood divides by n, not n − 1",
        formula(
            rf"\hat\sigma^2 = \frac{{1}}{{n}}\sum (x_i - \bar x)^2 = {real_latex(variance.answer)}",
            f"σ̂² = (1/n)·Σ (x − x̄)² = {real_text(variance.answer)}",
        ),
        variance.steps,
    )
    if asked == "variance":
        return Solution(variance.answer, (derivation, variance_step))
    sd = math.sqrt(variance.answer)
    return Solution(
        sd,
        (
            derivation,
            variance_step,
            Step(
                "The estimate of σ is the square root of the estimate of σ²",
                formula(
                    rf"\hat\sigma = \sqrt{{{real_latex(variance.answer)}}} = {real_latex(sd)}",
                    f"σ̂ = √{real_text(variance.answer)} = {real_text(sd)}",
                ),
            ),
        ),
    )


def lda_threshold(mean_a: float, mean_b: float, sd: float, prior_a: float) -> Solution[float]:
    """The x where π_A·N(x; μ_A, σ²) = π_B·N(x; μ_B, σ²), for two classes with one σ.

    x* = (μ_A + μ_B)/2 + σ²·ln(π_A/π_B)/(μ_B − μ_A).
    """
    if mean_a == mean_b:
        raise NotSolvable("the two class means must differ for a threshold to exist")
    if not sd > 0:
        raise NotSolvable("the standard deviation must be positive")
    if not 0 < prior_a < 1:
        raise NotSolvable("the prior of class A must be between 0 and 1")
    prior_b = 1 - prior_a
    middle = (mean_a + mean_b) / 2
    log_ratio = math.log(prior_a / prior_b)
    shift = sd * sd * log_ratio / (mean_b - mean_a)
    answer = middle + shift
    steps = [
        Step(
            "Classify by the larger prior × density. With one σ for both classes the "
            "squares x² cancel and the boundary is a single point",
            formula(
                r"x^* = \frac{\mu_A + \mu_B}{2} + \frac{\sigma^2 \ln(\pi_A/\pi_B)}{\mu_B - \mu_A}",
                "x* = (μA + μB)/2 + σ²·ln(πA/πB) / (μB − μA)",
            ),
        ),
        Step(
            "Halfway between the class means",
            formula(
                rf"\frac{{{given_latex(mean_a)} + {given_latex(mean_b)}}}{{2}} = "
                rf"{given_latex(middle)}",
                f"({given_text(mean_a)} + {given_text(mean_b)}) / 2 = {given_text(middle)}",
            ),
        ),
    ]
    if prior_a != prior_b:
        steps.append(
            Step(
                "Unequal priors move the boundary away from the more common class",
                formula(
                    rf"\frac{{{given_latex(sd * sd)}\cdot\ln({given_latex(prior_a)}/"
                    rf"{given_latex(prior_b)})}}"
                    rf"{{{given_latex(mean_b)} - {given_latex(mean_a)}}} = {real_latex(shift)}",
                    f"{given_text(sd * sd)}·ln({given_text(prior_a)}/{given_text(prior_b)}) / "
                    f"({given_text(mean_b)} − {given_text(mean_a)}) "
                    f"= {real_text(shift)}",
                ),
            )
        )
    steps.append(
        Step(
            "The threshold",
            formula(rf"x^* = {real_latex(answer)}", f"x* = {real_text(answer)}"),
        )
    )
    return Solution(answer, tuple(steps))
