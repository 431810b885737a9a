"""Bayesian statistics: a prior belief about a parameter, updated by data into a posterior.

A frequentist treats the parameter as a fixed unknown number; a Bayesian describes
what we believe about it with a distribution. Bayes' rule multiplies the prior by
the likelihood of the data and rescales so the total is 1. With a Beta(a, b) prior
on a coin's p and k heads in n tosses, the posterior is Beta(a + k, b + n − k): the
prior counts as a + b earlier tosses. The posterior is summarised by its mean, its
median or its mode (the MAP estimate).

>>> round(discrete_posterior((0.5, 0.8), (0.5, 0.5), 3, 3, 1).answer, 4)
0.8038
>>> beta_estimator(2, 2, 7, 10, "mean").answer
0.6428571428571429
>>> beta_estimator(2, 2, 7, 10, "map").answer
0.6666666666666666
>>> round(naive_bayes_posterior(0.4, (0.8, 0.3), (0.1, 0.2), (1, 0)).answer, 4)
0.8235
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mlmath.engine.probability.notation import (
    Table,
    formula,
    given_latex,
    given_text,
    real_latex,
    real_text,
    to_real,
)
from mlmath.engine.probability.rounding import as_distribution
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import exact
from mlmath.engine.statistics.distributions import beta_median


def discrete_posterior(
    hypotheses: Sequence[float], prior: Sequence[float], successes: int, n: int, target: int
) -> Solution[float]:
    """P(p = hypotheses[target] | k successes in n) for a prior over a few values of p."""
    if len(hypotheses) != len(prior) or len(hypotheses) < 2:
        raise NotSolvable("give at least two hypotheses and one prior probability for each")
    if any(not 0 <= p <= 1 for p in hypotheses) or any(w < 0 for w in prior):
        raise NotSolvable("hypotheses are probabilities from 0 to 1 and priors are not negative")
    exact_prior, read = as_distribution([exact(w) for w in prior], "the prior probabilities")
    prior = [float(w) for w in exact_prior]
    if n < 1 or not 0 <= successes <= n:
        raise NotSolvable("the number of successes must be between 0 and n, with n ≥ 1")
    if not 0 <= target < len(hypotheses):
        raise NotSolvable(f"target must be a hypothesis number from 0 to {len(hypotheses) - 1}")
    k = successes
    likelihoods = [p**k * (1 - p) ** (n - k) for p in hypotheses]
    products = [w * lik for w, lik in zip(prior, likelihoods, strict=True)]
    evidence = math.fsum(products)
    if evidence == 0:
        raise NotSolvable("the data are impossible under every hypothesis")
    posterior = [x / evidence for x in products]
    answer = posterior[target]
    rows = tuple(
        (
            f"p = {given_text(p)}",
            f"{given_text(w)}",
            f"{real_text(lik)}",
            f"{real_text(x)}",
            f"{real_text(post)}",
        )
        for p, w, lik, x, post in zip(
            hypotheses, prior, likelihoods, products, posterior, strict=True
        )
    )
    return Solution(
        answer,
        (
            *read,
            Step(
                f"Likelihood of {k} successes in {n} trials under each hypothesis: "
                f"p^{k}(1 − p)^{n - k} (the same binomial coefficient would cancel)",
                formula(
                    ",\\ ".join(f"{real_text(lik)}" for lik in likelihoods),
                    ", ".join(f"{real_text(lik)}" for lik in likelihoods),
                ),
            ),
            Step(
                "Multiply each prior by its likelihood; add the products to get P(data)",
                formula(
                    rf"P(\text{{data}}) = {real_latex(evidence)}",
                    f"P(data) = {real_text(evidence)}",
                ),
            ),
            Step(
                "Divide each product by P(data): the posterior adds up to 1",
                Table(
                    ("hypothesis", "prior", "likelihood", "prior × likelihood", "posterior"), rows
                ),
            ),
            Step(
                f"The posterior of p = {given_text(hypotheses[target])}",
                formula(
                    rf"P(p = {given_latex(hypotheses[target])} \mid \text{{data}}) = "
                    rf"\frac{{{real_latex(products[target])}}}{{{real_latex(evidence)}}} = "
                    rf"{real_latex(answer)}",
                    f"P(p = {given_text(hypotheses[target])} | data) = "
                    f"{real_text(products[target])} / "
                    f"{real_text(evidence)} = {real_text(answer)}",
                ),
            ),
        ),
    )


def beta_estimator(a: float, b: float, successes: int, n: int, asked: str) -> Solution[float]:
    """Posterior mean, median or MAP of p after a Beta(a, b) prior and k successes in n."""
    if not (a > 0 and b > 0):
        raise NotSolvable("the Beta prior needs a > 0 and b > 0")
    if n < 0 or not 0 <= successes <= n:
        raise NotSolvable("the number of successes must be between 0 and n")
    if asked not in ("mean", "median", "map"):
        raise NotSolvable("ask for the posterior mean, median or map")
    post_a, post_b = a + successes, b + n - successes
    update = Step(
        "Beta prior × Bernoulli likelihood is again a Beta: add the successes to a and the "
        "failures to b",
        formula(
            rf"\mathrm{{Beta}}({given_latex(a)} + {successes},\ {given_latex(b)} + "
            rf"{n - successes}) = "
            rf"\mathrm{{Beta}}({given_latex(post_a)},\ {given_latex(post_b)})",
            f"Beta({given_text(a)} + {successes}, {given_text(b)} + {n - successes}) = "
            f"Beta({given_text(post_a)}, {given_text(post_b)})",
        ),
    )
    if asked == "mean":
        answer = post_a / (post_a + post_b)
        answer_l, answer_t = to_real(answer)
        a_t, b_t, sum_t = given_text(post_a), given_text(post_b), given_text(post_a + post_b)
        a_l, b_l, sum_l = given_latex(post_a), given_latex(post_b), given_latex(post_a + post_b)
        last = Step(
            "The mean of Beta(α, β) is α/(α + β)",
            formula(
                rf"E[p \mid \text{{data}}] = \frac{{{a_l}}}{{{a_l} + {b_l}}} = "
                rf"\frac{{{a_l}}}{{{sum_l}}} {answer_l}",
                f"E[p | data] = {a_t} / ({a_t} + {b_t}) = {a_t} / {sum_t} {answer_t}",
            ),
        )
    elif asked == "map":
        if post_a <= 1 or post_b <= 1:
            raise NotSolvable(
                "the posterior has its mode at 0 or 1 unless a + k > 1 and b + n − k > 1"
            )
        answer = (post_a - 1) / (post_a + post_b - 2)
        answer_l, answer_t = to_real(answer)
        a_t, b_t = given_text(post_a), given_text(post_b)
        a_l, b_l = given_latex(post_a), given_latex(post_b)
        top_t, bottom_t = given_text(post_a - 1), given_text(post_a + post_b - 2)
        top_l, bottom_l = given_latex(post_a - 1), given_latex(post_a + post_b - 2)
        last = Step(
            "The mode of Beta(α, β) (α, β > 1), where the density peaks, is "
            "(α − 1)/(α + β − 2): the MAP estimate",
            formula(
                rf"\hat p_{{\mathrm{{MAP}}}} = \frac{{{a_l} - 1}}{{{a_l} + {b_l} - 2}} = "
                rf"\frac{{{top_l}}}{{{bottom_l}}} {answer_l}",
                f"p̂_MAP = ({a_t} − 1) / ({a_t} + {b_t} − 2) = {top_t} / {bottom_t} {answer_t}",
            ),
        )
    else:
        answer = beta_median(post_a, post_b)
        last = Step(
            "The median splits the posterior area in half; read it numerically from the "
            "Beta CDF (close to (α − 1/3)/(α + β − 2/3))",
            formula(
                rf"F_{{\mathrm{{Beta}}({given_latex(post_a)}, {given_latex(post_b)})}}(m) = 0.5 "
                rf"\Rightarrow m = "
                rf"{real_latex(answer)}",
                f"F(m) = 0.5 for Beta({given_text(post_a)}, {given_text(post_b)}) ⇒ m = "
                f"{real_text(answer)}",
            ),
        )
    return Solution(answer, (update, last))


def naive_bayes_posterior(
    prior: float,
    likelihoods_yes: Sequence[float],
    likelihoods_no: Sequence[float],
    present: Sequence[int],
) -> Solution[float]:
    """P(class | features) when the features are independent given the class.

    ``likelihoods_yes[i]`` is P(feature i present | class), ``likelihoods_no[i]`` the same
    for the other class; ``present[i]`` is 1 when feature i is seen, 0 when it is absent.
    """
    if not 0 < prior < 1:
        raise NotSolvable("the prior must be between 0 and 1")
    if not len(likelihoods_yes) == len(likelihoods_no) == len(present) >= 1:
        raise NotSolvable("give one likelihood per class and one 0/1 entry for each feature")
    if any(not 0 <= q <= 1 for q in (*likelihoods_yes, *likelihoods_no)):
        raise NotSolvable("likelihoods are probabilities from 0 to 1")
    if any(x not in (0, 1) for x in present):
        raise NotSolvable("present holds 1 for a feature seen and 0 for one absent")
    factors_yes = [q if x else 1 - q for q, x in zip(likelihoods_yes, present, strict=True)]
    factors_no = [q if x else 1 - q for q, x in zip(likelihoods_no, present, strict=True)]
    score_yes = prior * math.prod(factors_yes)
    score_no = (1 - prior) * math.prod(factors_no)
    if score_yes + score_no == 0:
        raise NotSolvable("these features are impossible under both classes")
    answer = score_yes / (score_yes + score_no)

    def product(p: float, factors: list[float]) -> tuple[str, str]:
        return (
            r" \cdot ".join(f"{given_text(v)}" for v in (p, *factors)),
            " · ".join(f"{given_text(v)}" for v in (p, *factors)),
        )

    yes_l, yes_t = product(prior, factors_yes)
    no_l, no_t = product(1 - prior, factors_no)
    return Solution(
        answer,
        (
            Step(
                "Naive assumption: given the class, features are independent, so their "
                "probabilities multiply; an absent feature contributes 1 − P(present)",
                formula(
                    rf"P(\text{{yes}})\prod P(x_i \mid \text{{yes}}) = {yes_l} = "
                    rf"{real_latex(score_yes)}",
                    f"P(yes)·Π P(x | yes) = {yes_t} = {real_text(score_yes)}",
                ),
            ),
            Step(
                "The same for the other class",
                formula(
                    rf"P(\text{{no}})\prod P(x_i \mid \text{{no}}) = {no_l} = "
                    rf"{real_latex(score_no)}",
                    f"P(no)·Π P(x | no) = {no_t} = {real_text(score_no)}",
                ),
            ),
            Step(
                "Bayes' theorem: divide by the sum of both, which is P(features)",
                formula(
                    rf"P(\text{{yes}} \mid x) = \frac{{{real_latex(score_yes)}}}"
                    rf"{{{real_latex(score_yes)} + {real_latex(score_no)}}} = {real_latex(answer)}",
                    f"P(yes | x) = {real_text(score_yes)} / ({real_text(score_yes)} + "
                    f"{real_text(score_no)}) = "
                    f"{real_text(answer)}",
                ),
            ),
        ),
    )
