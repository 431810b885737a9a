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

from mlmath.engine.probability.notation import formula
from mlmath.engine.solution import NotSolvable, Solution, Step
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
                rf"p^{{{k}}}(1 - p)^{{{failures}}} = {p:g}^{{{k}}}\cdot {1 - p:g}^{{{failures}}}"
                rf" = {product:.6f}",
                f"p^{k}·(1 − p)^{failures} = {p:g}^{k}·{1 - p:g}^{failures} = {product:.6f}",
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
                    rf"L({p:g}) = \binom{{{n}}}{{{k}}}\cdot {product:.6f} = {ways}\cdot "
                    rf"{product:.6f} = {answer:.4f}",
                    f"L({p:g}) = C({n}, {k})·{product:.6f} = {ways}·{product:.6f} = {answer:.4f}",
                ),
            )
        )
    return Solution(answer, tuple(steps))


def gaussian_log_likelihood(data: Data, mean: float, sd: float) -> Solution[float]:
    """ℓ(μ, σ) = −(n/2)·ln(2πσ²) − Σ(x − μ)²/(2σ²)."""
    need(data, 1)
    if not sd > 0:
        raise NotSolvable("the standard deviation must be positive")
    n = len(data)
    ss = math.fsum((x - mean) ** 2 for x in data)
    constant = -n / 2 * math.log(2 * math.pi * sd * sd)
    answer = constant - ss / (2 * sd * sd)
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
                formula(rf"\sum (x_i - {mean:g})^2 = {ss:.4f}", f"Σ (x − {mean:g})² = {ss:.4f}"),
            ),
            Step(
                "Substitute n, σ² and the sum",
                formula(
                    rf"\ell = -\frac{{{n}}}{{2}}\ln(2\pi\cdot {sd * sd:g}) - "
                    rf"\frac{{{ss:.4f}}}{{2\cdot {sd * sd:g}}} = {constant:.4f} - "
                    rf"{ss / (2 * sd * sd):.4f} = {answer:.4f}",
                    f"ℓ = −({n}/2)·ln(2π·{sd * sd:g}) − {ss:.4f}/(2·{sd * sd:g}) = "
                    f"{constant:.4f} − {ss / (2 * sd * sd):.4f} = {answer:.4f}",
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
                    rf"\hat p = \frac{{{k}}}{{{n}}} = {answer:.4f}",
                    f"p̂ = {k} / {n} = {answer:.4f}",
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
            rf"\hat\sigma^2 = \frac{{1}}{{n}}\sum (x_i - \bar x)^2 = {variance.answer:.4f}",
            f"σ̂² = (1/n)·Σ (x − x̄)² = {variance.answer:.4f}",
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
                    rf"\hat\sigma = \sqrt{{{variance.answer:.4f}}} = {sd:.4f}",
                    f"σ̂ = √{variance.answer:.4f} = {sd:.4f}",
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
                rf"\frac{{{mean_a:g} + {mean_b:g}}}{{2}} = {middle:g}",
                f"({mean_a:g} + {mean_b:g}) / 2 = {middle:g}",
            ),
        ),
    ]
    if prior_a != prior_b:
        steps.append(
            Step(
                "Unequal priors move the boundary away from the more common class",
                formula(
                    rf"\frac{{{sd * sd:g}\cdot\ln({prior_a:g}/{prior_b:g})}}"
                    rf"{{{mean_b:g} - {mean_a:g}}} = {shift:.4f}",
                    f"{sd * sd:g}·ln({prior_a:g}/{prior_b:g}) / ({mean_b:g} − {mean_a:g}) "
                    f"= {shift:.4f}",
                ),
            )
        )
    steps.append(
        Step(
            "The threshold",
            formula(rf"x^* = {answer:.4f}", f"x* = {answer:.4f}"),
        )
    )
    return Solution(answer, tuple(steps))
