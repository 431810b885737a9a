"""The worked examples of c3w3l1–c3w3l3 and c3w4l1–c3w4l2, recomputed a second way.

Each row is (lesson id, text that must appear in the lesson, the value computed here with
NumPy / SciPy or the engine, the number as the text shows it). A decimal shown must equal
the computed value to the digits written.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
from scipy import stats
from tests.content.conftest import lesson_markdown

from mlmath.exercises.registry import get


def engine(skill: str, **raw: Any) -> Any:
    s = get(skill)
    return s.answer(s.read_inputs(raw))


# -- c3w3l1 ------------------------------------------------------------------------------
DELIVERIES = np.array([12, 15, 9, 20, 14, 8])
THREES = [np.mean(c) for c in itertools.combinations(DELIVERIES, 3)]
HEIGHTS = np.array([168, 175, 159, 181, 170])
FOUR = np.array([4, 8, 6, 2])

# -- c3w3l2 ------------------------------------------------------------------------------
A, B = stats.norm(30, 4), stats.norm(40, 4)
TOSSES = [1, 0, 1, 1, 0]
POINTS = [2, 4, 9]
CALLS = [2, 0, 3, 1, 4]

# -- c3w3l3 ------------------------------------------------------------------------------
POST = stats.beta(2 + 7, 2 + 3)


def posterior(prior: list[float], likelihood: list[float]) -> np.ndarray:
    joint = np.array(prior) * np.array(likelihood)
    return joint / joint.sum()


# -- c3w4l1 ------------------------------------------------------------------------------
Z95 = stats.norm.ppf(0.975)
PHONES = np.array([18, 21, 19, 22, 20])
FIT = stats.linregress([1, 2, 3, 4, 5], [3, 5, 6, 9, 10])
S_RES = np.sqrt(0.8 / 3)
T3 = stats.t.ppf(0.975, 3)

# -- c3w4l2 ------------------------------------------------------------------------------
WELCH = stats.ttest_ind_from_stats(58, 9, 15, 52, 6, 10, equal_var=False)
DIETS = stats.f_oneway([2, 4, 3, 5, 1], [5, 6, 4, 7, 3], [8, 6, 7, 9, 5])
T_BATTERY = (52.1 - 50) / (3 / np.sqrt(10))

CASES = [
    # c3w3l1: population and sample, means and proportions
    ("c3w3l1", r"$\mu = (12 + 15 + 9 + 20 + 14 + 8)/6 = 78/6 = 13$", DELIVERIES.mean(), "13"),
    ("c3w3l1", r"$\bar x = (15 + 20 + 8)/3 = 43/3 \approx 14.33$", np.mean([15, 20, 8]), "14.33"),
    ("c3w3l1", "means range from 9.67 to\n   16.33", max(THREES), "16.33"),
    ("c3w3l1", "average of all 20 sample means is exactly 13", np.mean(THREES), "13"),
    ("c3w3l1", r"$\bar x = 853/5 = 170.6$ cm", HEIGHTS.mean(), "170.6"),
    ("c3w3l1", r"$\bar x = 1103/6 \approx 183.83$", np.append(HEIGHTS, 250).mean(), "183.83"),
    ("c3w3l1", r"$(170 + 175)/2 = 172.5$", np.median(np.append(HEIGHTS, 250)), "172.5"),
    (
        "c3w3l1",
        r"$\hat p = 8/40 = 0.2$",
        engine("statistics.sample_mean_proportion", asked="proportion", successes=8, n=40),
        "0.2",
    ),
    # the CLT
    (
        "c3w3l1",
        r"$\mathrm{SE} = 8/\sqrt{16} = 8/4 = 2$ cm",
        engine("statistics.standard_error", n=16, sd=8),
        "2",
    ),
    (
        "c3w3l1",
        r"$P(\bar X \ge 173) = 1 - 0.9332 = 0.0668$",
        engine("statistics.clt_probability", mean=170, sd=8, n=16, threshold=173, side="above"),
        "0.0668",
    ),
    ("c3w3l1", r"0.354$. A single student", stats.norm(170, 8).sf(173), "0.354"),
    # standardised with σ²/n, and with σ·√n
    ("c3w3l1", r"$1 - \Phi(0.75) = 0.2266$", stats.norm(170, 8**2 / 16).sf(173), "0.2266"),
    ("c3w3l1", r"\approx 0.094$, giving 0.463", stats.norm(170, 8 * np.sqrt(16)).sf(173), "0.463"),
    (
        "c3w3l1",
        r"$\mathrm{SE}(\hat p) = \sqrt{0.21/100} \approx 0.0458$",
        stats.binom(100, 0.3).std() / 100,
        "0.0458",
    ),
    ("c3w3l1", r"$P(\bar X \le 98) = \Phi(-1) = 0.1587$", stats.norm(100, 2).cdf(98), "0.1587"),
    # point estimates
    ("c3w3l1", r"$s \approx 8.204$ cm", HEIGHTS.std(ddof=1), "8.204"),
    (
        "c3w3l1",
        r"$\mathrm{SE}(\bar x) = 8.204/\sqrt 5 \approx 3.669$ cm",
        stats.sem(HEIGHTS),
        "3.669",
    ),
    ("c3w3l1", r"\sqrt{0.000368} \approx 0.0192$", np.sqrt(0.92 * 0.08 / 200), "0.0192"),
    ("c3w3l1", r"probability $0.95^{20} \approx 0.36$", stats.binom.pmf(0, 20, 0.05), "0.36"),
    # bias
    ("c3w3l1", r"$s^2 = 20/3 \approx 6.67$", np.var(FOUR, ddof=1), "6.67"),
    ("c3w3l1", "dividing by $n = 4$ gives $20/4 = 5$", np.var(FOUR), "5"),
    (
        "c3w3l1",
        r"$E[\hat\sigma^2] = \tfrac{3}{4} \cdot 36 = 27$",
        engine("statistics.biased_estimator", asked="expected_plug_in", variance=36, n=4),
        "27",
    ),
    ("c3w3l1", r"$E[\hat\sigma^2] = \tfrac{9}{10} \cdot 50 = 45$", 50 * 9 / 10, "45"),
    ("c3w3l1", "whose average is $0.707$", np.mean([0, np.sqrt(2), np.sqrt(2), 0]), "0.707"),
    # c3w3l2: LDA
    ("c3w3l2", "almost twice as high (0.0605 against 0.0324)", A.pdf(34), "0.0605"),
    ("c3w3l2", "almost twice as high (0.0605 against 0.0324)", B.pdf(34), "0.0324"),
    (
        "c3w3l2",
        r"$x^* = 35 + 1.3557 = 36.3557 \approx 36.36$ cm",
        engine("statistics.lda_threshold", mean_a=30, mean_b=40, sd=4, prior_a=0.7),
        "36.3557",
    ),
    ("c3w3l2", r"$0.7 \cdot 0.0324 = 0.0227$", 0.7 * A.pdf(36), "0.0227"),
    ("c3w3l2", r"$0.3 \cdot 0.0605 = 0.0181$", 0.3 * B.pdf(36), "0.0181"),
    ("c3w3l2", r"$x^* \approx 42.35$ cm", 35 + 16 * np.log(99) / 10, "42.35"),
    (
        "c3w3l2",
        r"2.5 \cdot 1.3863 \approx 18.47$",
        engine("statistics.lda_threshold", mean_a=10, mean_b=20, sd=5, prior_a=0.8),
        "18.47",
    ),
    # likelihood
    (
        "c3w3l2",
        r"0.6^3 \cdot 0.4^2 = 0.03456.",
        np.prod(stats.bernoulli.pmf(TOSSES, 0.6)),
        "0.03456",
    ),
    (
        "c3w3l2",
        r"$0.3^3 \cdot 0.7^2 = 0.01323$",
        np.prod(stats.bernoulli.pmf(TOSSES, 0.3)),
        "0.01323",
    ),
    ("c3w3l2", r"$L(0.6) = 10 \cdot 0.03456 = 0.3456$", stats.binom.pmf(3, 5, 0.6), "0.3456"),
    ("c3w3l2", r"&= -6.0527 - 1.4444 = -7.4971.", stats.norm(5, 3).logpdf(POINTS).sum(), "-7.4971"),
    ("c3w3l2", r"\approx 3.99$", stats.norm(1, 0.1).pdf(1), "3.99"),
    ("c3w3l2", r"$3 \cdot 0.147 = 0.441$", stats.binom.pmf(2, 3, 0.7), "0.441"),
    # maximum likelihood
    (
        "c3w3l2",
        r"$\hat p = 12/15 = 0.8$",
        engine("statistics.mle_bernoulli", successes=12, n=15),
        "0.8",
    ),
    ("c3w3l2", r"0.25^3 \approx 0.000495$", 0.75**12 * 0.25**3, "0.000495"),
    ("c3w3l2", r"0.2^3 \approx 0.000550$", 0.8**12 * 0.2**3, "0.000550"),
    (
        "c3w3l2",
        r"$\hat p = 3/5 = 0.6$",
        engine("statistics.mle_bernoulli", successes=3, n=5),
        "0.6",
    ),
    (
        "c3w3l2",
        r"(9 + 1 + 16)/3 = 26/3 \approx 8.667$",
        engine("statistics.mle_gaussian", data=POINTS, asked="variance"),
        "8.667",
    ),
    ("c3w3l2", r"$\hat\sigma = \sqrt{8.667} \approx 2.944$", stats.norm.fit(POINTS)[1], "2.944"),
    ("c3w3l2", r"\dfrac{10}{5} = 2$", np.mean(CALLS), "2"),
    ("c3w3l2", r"$\hat\sigma^2 = 20/4 = 5$", np.var([1, 3, 5, 7]), "5"),
    # c3w3l3: naive Bayes
    (
        "c3w3l3",
        r"\frac{0.224}{0.272} \approx 0.8235.",
        engine(
            "statistics.naive_bayes_posterior",
            prior=0.4,
            likelihoods_yes=[0.8, 0.3],
            likelihoods_no=[0.1, 0.2],
            present=[1, 0],
        ),
        "0.8235",
    ),
    (
        "c3w3l3",
        r"$0.056/(0.056 + 0.072) \approx 0.44$",
        engine(
            "statistics.naive_bayes_posterior",
            prior=0.1,
            likelihoods_yes=[0.8, 0.3],
            likelihoods_no=[0.1, 0.2],
            present=[1, 0],
        ),
        "0.44",
    ),
    (
        "c3w3l3",
        r"$0.12/0.13 \approx 0.923$",
        engine(
            "statistics.naive_bayes_posterior",
            prior=0.5,
            likelihoods_yes=[0.8, 0.3],
            likelihoods_no=[0.1, 0.2],
            present=[1, 1],
        ),
        "0.923",
    ),
    ("c3w3l3", r"$(0 + 1)/(300 + 2) \approx 0.0033$", 1 / 302, "0.0033"),
    # prior to posterior
    (
        "c3w3l3",
        r"$P(p = 0.5 \mid \text{HHH}) = 0.1/0.1432 \approx 0.6983$",
        engine(
            "statistics.posterior_update",
            hypotheses=[0.5, 0.6],
            prior=[0.8, 0.2],
            successes=3,
            n=3,
            which=1,
        ),
        "0.6983",
    ),
    ("c3w3l3", "0.3666$ — the likelihoods", posterior([0.5, 0.5], [0.125, 0.216])[0], "0.3666"),
    ("c3w3l3", r"= 0.1/0.1128 \approx 0.887$", posterior([0.8, 0.2], [0.125, 0.064])[0], "0.887"),
    (
        "c3w3l3",
        r"\frac{0.256}{0.3185} \approx 0.804.$$",
        posterior([0.5, 0.5], [0.125, 0.512])[1],
        "0.804",
    ),
    ("c3w3l3", r"\approx 0.621$", posterior([0.5, 0.5], [0.5**4, 0.8**3 * 0.2])[1], "0.621"),
    ("c3w3l3", r"0.0512) \approx 0.313$", posterior([0.9, 0.1], [0.125, 0.512])[1], "0.313"),
    (
        "c3w3l3",
        r"= 0.032/0.11025 \approx 0.290$",
        engine(
            "statistics.posterior_update",
            hypotheses=[0.3, 0.5, 0.8],
            prior=[0.25, 0.5, 0.25],
            successes=2,
            n=3,
            which=3,
        ),
        "0.290",
    ),
    # Bayesian estimators
    ("c3w3l3", r"$\alpha/(\alpha + \beta) = 9/14 \approx 0.643$", POST.mean(), "0.643"),
    (
        "c3w3l3",
        r"= 8/12 \approx 0.667$: the MAP",
        engine("statistics.bayesian_estimators", a=2, b=2, successes=7, n=10, asked="map"),
        "0.667",
    ),
    (
        "c3w3l3",
        "numerically, $0.6498$",
        engine("statistics.bayesian_estimators", a=2, b=2, successes=7, n=10, asked="median"),
        "0.6498",
    ),
    ("c3w3l3", "from 0.386 to 0.861", POST.ppf(0.025), "0.386"),
    ("c3w3l3", "from 0.386 to 0.861", POST.ppf(0.975), "0.861"),
    ("c3w3l3", r"$702/1004 \approx 0.699$", stats.beta(2 + 700, 2 + 300).mean(), "0.699"),
    ("c3w3l3", "The median, 0.841", stats.beta(4, 1).median(), "0.841"),
    (
        "c3w3l3",
        r"$11/28 \approx 0.393$",
        engine("statistics.bayesian_estimators", a=3, b=8, successes=8, n=17, asked="mean"),
        "0.393",
    ),
    # c3w4l1: margin of error
    (
        "c3w4l1",
        r"$E = 1.96 \cdot 0.0158 \approx 0.031$",
        engine("statistics.margin_of_error", n=1000, confidence=0.95, proportion=0.52),
        "0.031",
    ),
    (
        "c3w4l1",
        r"$E = 1.96 \cdot 2.4 \approx 4.704$ cm",
        engine("statistics.margin_of_error", n=100, confidence=0.95, sd=24),
        "4.704",
    ),
    ("c3w4l1", r"$2.576 \cdot 2.4 \approx 6.18$ cm", stats.norm.ppf(0.995) * 2.4, "6.18"),
    ("c3w4l1", r"(1.96 \cdot 24/2)^2 \approx 553.2$", (Z95 * 24 / 2) ** 2, "553.2"),
    ("c3w4l1", r"(1.96 \cdot 0.5/0.03)^2 \approx 1067.1$", (Z95 * 0.5 / 0.03) ** 2, "1067.1"),
    (
        "c3w4l1",
        r"$E = 2.576 \cdot 0.0229 \approx 0.059$",
        stats.norm.ppf(0.995) * np.sqrt(0.3 * 0.7 / 400),
        "0.059",
    ),
    # interval for a proportion
    (
        "c3w4l1",
        r"$0.67 \pm 0.0922 = [0.578,\ 0.762]$",
        engine("statistics.confidence_interval_proportion", successes=67, n=100, confidence=0.95)[
            0
        ],
        "0.578",
    ),
    (
        "c3w4l1",
        r"$0.67 \pm 0.0922 = [0.578,\ 0.762]$",
        0.67 + Z95 * np.sqrt(0.67 * 0.33 / 100),
        "0.762",
    ),
    (
        "c3w4l1",
        r"$0.05 \pm 0.0675 = [-0.018,\ 0.118]$",
        0.05 - Z95 * np.sqrt(0.05 * 0.95 / 40),
        "-0.018",
    ),
    (
        "c3w4l1",
        r"$[0.014,\ 0.165]$",
        stats.binomtest(2, 40).proportion_ci(method="wilson").high,
        "0.165",
    ),
    # interval for a mean
    ("c3w4l1", r"$20.3 \pm 1.176 = [19.12,\ 21.48]$", 20.3 + Z95 * 3 / 5, "21.48"),
    ("c3w4l1", r"$t^*_4 = 2.776$", stats.t.ppf(0.975, 4), "2.776"),
    (
        "c3w4l1",
        r"$20 \pm 1.963 = [18.04,\ 21.96]$",
        stats.t.interval(0.95, 4, loc=PHONES.mean(), scale=stats.sem(PHONES))[0],
        "18.04",
    ),
    ("c3w4l1", r"$20 \pm 1.386 = [18.61,\ 21.39]$", 20 - Z95 * stats.sem(PHONES), "18.61"),
    ("c3w4l1", r"covers only about 88 %", stats.t(4).cdf(1.96) - stats.t(4).cdf(-1.96), "0.88"),
    ("c3w4l1", r"$[47.14,\ 52.86]$", 50 - stats.t.ppf(0.975, 9) * 4 / np.sqrt(10), "47.14"),
    # regression and prediction
    ("c3w4l1", r"$\mathrm{SE}(b_1) = 0.5164/\sqrt{10} \approx 0.1633$", FIT.stderr, "0.1633"),
    ("c3w4l1", r"$1.8 \pm 0.520 = [1.28,\ 2.32]$", FIT.slope + T3 * FIT.stderr, "2.32"),
    (
        "c3w4l1",
        r"$1.2 \pm 3.182 \cdot 0.5416 = [-0.52,\ 2.92]$",
        FIT.intercept - T3 * FIT.intercept_stderr,
        "-0.52",
    ),
    (
        "c3w4l1",
        r"$6.6 \pm 1.800 = [4.80,\ 8.40]$",
        engine(
            "statistics.prediction_interval",
            x=[1, 2, 3, 4, 5],
            y=[3, 5, 6, 9, 10],
            x_new=3,
            confidence=0.95,
        )[0],
        "4.80",
    ),
    ("c3w4l1", r"$6.6 \pm 1.800 = [4.80,\ 8.40]$", 6.6 + T3 * S_RES * np.sqrt(1.2), "8.40"),
    ("c3w4l1", r"6.6 \pm 0.735 = [5.87,\ 7.33]$", 6.6 - T3 * S_RES * np.sqrt(0.2), "5.87"),
    ("c3w4l1", r"[9.62,\ 14.38]$", 12 + T3 * S_RES * np.sqrt(2.1), "14.38"),
    # the standard deviation of y for s, s/Sxx, the slope's SE for the intercept's, s alone
    ("c3w4l1", r"$s_y = \sqrt{33.2/4} \approx 2.881$", np.std([3, 5, 6, 9, 10], ddof=1), "2.881"),
    (
        "c3w4l1",
        r"$1.8 \pm 3.182 \cdot 2.881/\sqrt{10} = [-1.10,\ 4.70]$",
        FIT.slope - T3 * FIT.stderr * np.std([3, 5, 6, 9, 10], ddof=1) / S_RES,
        "-1.10",
    ),
    ("c3w4l1", r"0.5164/10 = [1.64,\ 1.96]$", FIT.slope + T3 * FIT.stderr / np.sqrt(10), "1.96"),
    ("c3w4l1", r"0.1633 = [0.68,\ 1.72]$", FIT.intercept - T3 * FIT.stderr, "0.68"),
    ("c3w4l1", r"0.5164 = [4.96,\ 8.24]$", FIT.intercept + FIT.slope * 3 + T3 * S_RES, "8.24"),
    (
        "c3w4l1",
        r"2.881\sqrt{1.2} = [-3.44,\ 16.64]$",
        FIT.intercept + FIT.slope * 3 - T3 * np.std([3, 5, 6, 9, 10], ddof=1) * np.sqrt(1.2),
        "-3.44",
    ),
    # c3w4l2: A/B test and one-sample tests
    (
        "c3w4l2",
        r"$z = (0.13 - 0.10)/0.0143 \approx 2.10$",
        engine(
            "statistics.ab_test",
            successes_a=100,
            n_a=1000,
            successes_b=130,
            n_b=1000,
            asked="statistic",
        ),
        "2.10",
    ),
    (
        "c3w4l2",
        r"2 \cdot 0.0177 = 0.0355$",
        engine("statistics.ab_test", successes_a=100, n_a=1000, successes_b=130, n_b=1000),
        "0.0355",
    ),
    (
        "c3w4l2",
        r"$P(Z \le 2.10) \approx 0.982$",
        engine(
            "statistics.ab_test",
            successes_a=100,
            n_a=1000,
            successes_b=130,
            n_b=1000,
            alternative="less",
        ),
        "0.982",
    ),
    (
        "c3w4l2",
        r"0.00989$; $z = (0.12 - 0.10)/0.00989 \approx 2.02$",
        engine(
            "statistics.ab_test",
            successes_a=200,
            n_a=2000,
            successes_b=240,
            n_b=2000,
            asked="statistic",
        ),
        "2.02",
    ),
    ("c3w4l2", "two-sided p-value of about 0.754", stats.binomtest(6, 10).pvalue, "0.754"),
    (
        "c3w4l2",
        r"$100 \cdot (1 - 0.8) = 100 \cdot 0.2 = 20$",
        engine(
            "statistics.type_errors",
            asked="count",
            tests=1000,
            true_nulls=900,
            alpha=0.05,
            power=0.8,
            error="type_ii",
        ),
        "20",
    ),
    ("c3w4l2", r"$45/125 = 36\,\%$", 900 * 0.05 / (900 * 0.05 + 100 * 0.8), "0.36"),
    ("c3w4l2", r"$1 - 0.95^{20} \approx 0.64$", 1 - stats.binom.pmf(0, 20, 0.05), "0.64"),
    (
        "c3w4l2",
        "0.361 to about 0.628",
        stats.norm(105, 2.5).cdf(100 + stats.norm.ppf(0.99) * 2.5),
        "0.628",
    ),
    (
        "c3w4l2",
        r"$2\,P(Z \ge 2.0) = 2 \cdot 0.0228 = 0.0455$",
        engine("statistics.proportion_test", successes=52, n=400, null=0.1),
        "0.0455",
    ),
    (
        "c3w4l2",
        r"$P(Z \le -1.8) \approx 0.0359$",
        engine("statistics.z_test", mean=498.2, null=500, sd=4, n=16, alternative="less"),
        "0.0359",
    ),
    ("c3w4l2", r"$t = (52.1 - 50)/0.9487 \approx 2.214$", T_BATTERY, "2.214"),
    (
        "c3w4l2",
        r"$2\,P(T_9 \ge 2.214) \approx 0.0541$",
        engine("statistics.t_test", null=50, mean=52.1, sd=3, n=10),
        "0.0541",
    ),
    ("c3w4l2", r"$2\,P(Z \ge 2.214) \approx 0.0269$", 2 * stats.norm.sf(T_BATTERY), "0.0269"),
    (
        "c3w4l2",
        r"$t \approx 2.333$, $p \approx 0.0445$",
        2 * stats.t.sf(2.1 / (3 * np.sqrt(0.9) / np.sqrt(10)), 9),
        "0.0445",
    ),
    # two samples, ANOVA, power
    ("c3w4l2", r"$t = (58 - 52)/3 = 2.0$", WELCH.statistic, "2.0"),
    (
        "c3w4l2",
        r"1.44 + 2.083} \approx 22.99.",
        (3.6 + 5.4) ** 2 / (3.6**2 / 9 + 5.4**2 / 14),
        "22.99",
    ),
    ("c3w4l2", r"$2\,P(T_{22.99} \ge 2.0) \approx 0.0574$", WELCH.pvalue, "0.0574"),
    (
        "c3w4l2",
        "right tail alone gives\n$0.0287$",
        engine(
            "statistics.two_sample_test",
            mean_a=52,
            sd_a=6,
            n_a=10,
            mean_b=58,
            sd_b=9,
            n_b=15,
            alternative="greater",
        ),
        "0.0287",
    ),
    (
        "c3w4l2",
        r"and $t \approx 1.846$",
        stats.ttest_ind_from_stats(58, 9, 15, 52, 6, 10).statistic,
        "1.846",
    ),
    ("c3w4l2", r"5. $F = 20/2.5 = 8$.", DIETS.statistic, "8"),
    ("c3w4l2", r"$P(F_{2,12} \ge 8) \approx 0.0062$", DIETS.pvalue, "0.0062"),
    (
        "c3w4l2",
        r"$F = (6/2)/(96/6) = 3/16 \approx 0.19$",
        stats.f_oneway([1, 5, 9], [2, 6, 10], [3, 7, 11]).statistic,
        "0.19",
    ),
    ("c3w4l2", r"$F = (24/1)/(4/4) = 24$", stats.f_oneway([1, 2, 3], [5, 6, 7]).statistic, "24"),
    (
        "c3w4l2",
        r"P(Z > -0.355) \approx 0.639.",
        engine("statistics.power", null=100, true_mean=105, sd=15, n=36),
        "0.639",
    ),
    ("c3w4l2", r"approx 104.11$", 100 + stats.norm.ppf(0.95) * 2.5, "104.11"),
    (
        "c3w4l2",
        r"\right)^2 \approx 55.6.",
        ((stats.norm.ppf(0.95) + stats.norm.ppf(0.8)) * 15 / 5) ** 2,
        "55.6",
    ),
    (
        "c3w4l2",
        r"P(Z > -1.689) \approx 0.954$",
        engine("statistics.power", null=100, true_mean=105, sd=15, n=100),
        "0.954",
    ),
    (
        "c3w4l2",
        r"$P(Z > 1.96 - 2) \approx 0.516$",
        engine("statistics.power", null=100, true_mean=105, sd=15, n=36, alternative="two-sided"),
        "0.516",
    ),
    (
        "c3w4l2",
        "the power is only about 0.26",
        engine("statistics.power", null=100, true_mean=105, sd=15, n=9),
        "0.26",
    ),
    # the named mistakes of the sample size and of ANOVA: wrong against right
    ("c3w4l1", r"$(10/2)^2 = 25$", (10 / 2) ** 2, "25"),
    ("c3w4l1", r"$1.960 \cdot 10^2/2^2 = 49$", round(Z95, 3) * 10**2 / 2**2, "49"),
    ("c3w4l1", r"$1.960^2 \cdot 10^2/2^2 = 96.04$", (round(Z95, 3) * 10 / 2) ** 2, "96.04"),
    ("c3w4l2", "F = (40/3)/2.5 \\approx\n  5.33$", DIETS.statistic * 2 / 3, "5.33"),
    (
        "c3w4l2",
        r"$SST = 40 + 30 = 70$",
        np.var(np.concatenate([[2, 4, 3, 5, 1], [5, 6, 4, 7, 3], [8, 6, 7, 9, 5]])) * 15,
        "70",
    ),
    ("c3w4l2", r"$F = 20/(70/12) \approx 3.43$", 20 / (70 / 12), "3.43"),
]


@pytest.mark.parametrize(("lesson_id", "text", "value", "shown"), CASES)
def test_the_worked_number_is_in_the_lesson_and_right(
    lesson_id: str, text: str, value: float, shown: str
) -> None:
    assert text in lesson_markdown(lesson_id)
    places = len(shown.split(".")[1]) if "." in shown else 0
    assert abs(float(value) - float(shown)) <= 0.5 * 10**-places + 1e-9
