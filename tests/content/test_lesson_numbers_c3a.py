"""The worked examples of c3w1l1, c3w1l2, c3w2l1 and c3w2l2, recomputed a second way.

Each row is (lesson id, text that must appear in the lesson, the value computed here with
NumPy / SciPy / exact fractions, the number as the text shows it). A decimal shown must
equal the computed value to the digits written; a fraction shown ("91/216") exactly.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
from scipy import stats
from tests.content.conftest import lesson_markdown

# -- c3w1l1 ------------------------------------------------------------------------------
TWO_DICE = [a + b for a, b in itertools.product(range(1, 7), repeat=2)]
CLASS = np.array([[9, 2], [3, 6]])  # rows: passed / not; columns: went / not
SPAM = np.array([[40, 10], [20, 130]])


def bayes(prior: float, sens: float, fpr: float) -> float:
    return sens * prior / (sens * prior + fpr * (1 - prior))


# -- c3w1l2 ------------------------------------------------------------------------------
ITEMS = np.array([0.2, 0.4, 0.3, 0.1])  # customer's items bought, 0..3
GOALS = np.array([0.1, 0.3, 0.4, 0.2])
HEIGHT = stats.norm(170, 10)

# -- c3w2l1 ------------------------------------------------------------------------------
BILLS = np.array([20, 25, 22, 30, 21, 24, 150])
GAME_X, GAME_P = np.array([0, 2, 10]), np.array([0.5, 0.3, 0.2])
TIMES = [7, 1, 3, 5, 9, 12]
APPLES = np.array([2, 4, 4, 6])
TEAM = np.array([20, 22, 24, 26, 28])

# -- c3w2l2 ------------------------------------------------------------------------------
HOUSEHOLDS = np.array([[0.15, 0.10, 0.05], [0.05, 0.25, 0.10], [0.05, 0.10, 0.15]])
EMAILS = np.array([[0.50, 0.05], [0.15, 0.10], [0.05, 0.15]])
INDEPENDENT = np.array([[0.12, 0.18, 0.30], [0.08, 0.12, 0.20]])
ADS_X, ADS_Y = [1, 2, 2, 3], [1, 4, 2, 3]
CLICKS = np.array([[0.4, 0.1], [0.1, 0.4]])
SIGMA = np.array([[100, 60], [60, 144]])

CASES = [
    # c3w1l1: counting, complement, sum rule
    ("c3w1l1", r"\frac{6}{36} = \frac{1}{6}", F(TWO_DICE.count(7), 36), "1/6"),
    ("c3w1l1", r"$P(\text{total} > 10)$ drops", F(sum(t > 10 for t in TWO_DICE), 36), "1/12"),
    ("c3w1l1", r"\frac{91}{216} \approx 0.4213", 1 - stats.binom.pmf(0, 3, 1 / 6), "0.4213"),
    ("c3w1l1", r"\frac{125}{216} \approx 0.5787", stats.binom.pmf(0, 3, 1 / 6), "0.5787"),
    ("c3w1l1", "P(X ≥ 1) = 0.6513", stats.binom.sf(0, 10, 0.1), "0.6513"),
    ("c3w1l1", r"Simplify:* $0.35$", 0.19 + 0.19 - 0.03, "0.35"),
    ("c3w1l1", r"= 1 - 0.3585 = 0.6415", stats.binom.sf(0, 20, 0.05), "0.6415"),
    (
        "c3w1l1",
        "# 0.16775, close to 1/6",
        (np.random.default_rng(0).integers(1, 7, size=(100_000, 2)).sum(axis=1) == 7).mean(),
        "0.16775",
    ),
    # conditional probability and the product rule
    ("c3w1l1", r"P(A \mid B) = \frac{9}{12} = \frac34", F(CLASS[0, 0], CLASS[:, 0].sum()), "3/4"),
    ("c3w1l1", r"\frac{9}{11} \approx 0.818", CLASS[0, 0] / CLASS[0].sum(), "0.818"),
    ("c3w1l1", r"0.6 \cdot \frac12 = 0.3", F(3, 5) * F(2, 4), "3/10"),
    ("c3w1l1", "'both red', 0.6 × 0.6 = 0.36", stats.binom.pmf(2, 2, 0.6), "0.36"),
    # discriminative: P(label | features)
    ("c3w1l1", r"= \frac{40}{50}", F(SPAM[0, 0], SPAM[0].sum()), "4/5"),
    ("c3w1l1", r"\frac{38}{42} \approx", 38 / 42, "0.905"),
    ("c3w1l1", r"\frac{1}{71} \approx 0.014", 1 / 71, "0.014"),
    # Bayes
    ("c3w1l1", r"\frac{0.009}{0.108} = \frac{1}{12}", bayes(0.01, 0.9, 0.1), "1/12"),
    ("c3w1l1", r"\approx 0.0833$.", bayes(0.01, 0.9, 0.1), "0.0833"),
    ("c3w1l1", r"0.0917} = 0.45$", bayes(bayes(0.01, 0.9, 0.1), 0.9, 0.1), "0.45"),
    ("c3w1l1", r"\frac{0.18}{0.26} \approx 0.692", bayes(0.2, 0.9, 0.1), "0.692"),
    ("c3w1l1", r"= \frac16 \approx 0.167", bayes(0.1, 0.9, 0.5), "0.167"),
    # c3w1l2: random variables, CDF, Bernoulli, binomial
    ("c3w1l2", "'exactly two heads', 3/8 = 0.375", stats.binom.pmf(2, 3, 0.5), "0.375"),
    ("c3w1l2", r"1 - \frac38 = \frac58", F(1) - F(1, 4) - F(1, 8), "5/8"),
    (
        "c3w1l2",
        r"\frac{3}{36} = \frac{1}{12}",
        F(sum(max(a, b) == 2 for a in range(1, 7) for b in range(1, 7)), 36),
        "1/12",
    ),
    ("c3w1l2", r"= 0.2 + 0.4 = 0.6", np.cumsum(ITEMS)[1], "0.6"),
    ("c3w1l2", r"= 0.3 + 0.1 = 0.4", ITEMS[2:].sum(), "0.4"),
    ("c3w1l2", r"0.3 - 0.09 = 0.21", stats.bernoulli.var(0.3), "0.21"),
    ("c3w1l2", r"-\ln 0.8 \approx 0.223", -stats.bernoulli.logpmf(1, 0.8), "0.223"),
    ("c3w1l2", r"\frac{3}{16} =", stats.bernoulli.var(0.75), "3/16"),
    ("c3w1l2", r"\frac{15}{128} \approx 0.1172", stats.binom.pmf(3, 10, 0.5), "0.1172"),
    ("c3w1l2", r"\frac{405}{1024} \approx 0.3955", stats.binom.pmf(1, 5, 0.25), "0.3955"),
    ("c3w1l2", r"\frac{648}{1024} \approx 0.6328", stats.binom.cdf(1, 5, 0.25), "0.6328"),
    ("c3w1l2", r"\frac{15}{1024} \approx 0.0146", 5 * 0.75 * 0.25**4, "0.0146"),
    ("c3w1l2", r"0.1 = 0.2916", stats.binom.pmf(3, 4, 0.9), "0.2916"),
    # PMF, Poisson, softmax
    ("c3w1l2", r"1 - 0.6 = 0.4$.", 1 - GOALS[[0, 1, 3]].sum(), "0.4"),
    ("c3w1l2", "$0.1353, 0.2707", stats.poisson.pmf(1, 2), "0.2707"),
    ("c3w1l2", "P(X ≤ 1) = 0.4060", stats.poisson.cdf(1, 2), "0.4060"),
    ("c3w1l2", "$(0.665, 0.245, 0.090)$", np.exp(2) / np.exp([2, 1, 0]).sum(), "0.665"),
    # uniform, normal, chi-squared, densities
    (
        "c3w1l2",
        r"\frac{6}{13} \approx 0.4615",
        stats.uniform(6, 13).cdf(13) - stats.uniform(6, 13).cdf(7),
        "0.4615",
    ),
    ("c3w1l2", r"$\frac{4}{13} \approx", stats.uniform(6, 13).sf(15), "4/13"),
    ("c3w1l2", r"\Phi(1.5) \approx 0.9332", HEIGHT.cdf(185), "0.9332"),
    ("c3w1l2", r"1 - 0.9332 = 0.0668", HEIGHT.sf(185), "0.0668"),
    ("c3w1l2", r"0.9332 - 0.1587 = 0.7745", HEIGHT.cdf(185) - HEIGHT.cdf(160), "0.7745"),
    ("c3w1l2", r"f(185) \approx 0.0130", HEIGHT.pdf(185), "0.0130"),
    ("c3w1l2", "giving\n  $0.5596$", stats.norm.cdf(0.15), "0.5596"),
    ("c3w1l2", r"1 - 0.9772 = 0.0228", stats.norm(70, 6).sf(82), "0.0228"),
    ("c3w1l2", "P(\\chi^2_2 \\le 2) \\approx\n0.6321", stats.chi2.cdf(2, 2), "0.6321"),
    ("c3w1l2", r"$1 - 0.6321 = 0.3679$", stats.chi2.sf(2, 2), "0.3679"),
    (
        "c3w1l2",
        r"Wrong: $\operatorname{Var}(\chi^2_{10}) = 10$; right: $20$",
        stats.chi2.var(10),
        "20",
    ),
    ("c3w1l2", r"F(2) - F(1) = 1 - \frac14 = \frac34", F(2**2, 4) - F(1**2, 4), "3/4"),
    (
        "c3w1l2",
        "P(1.5 \\le X \\le 3) = F(3) - F(1.5) = 1 - 0.25 = 0.75",
        stats.triang(1, loc=0, scale=3).cdf(3) - stats.triang(1, loc=0, scale=3).cdf(1.5),
        "0.75",
    ),
    (
        "c3w1l2",
        "$0.2 \\cdot 2 = 0.4$",
        stats.uniform(2, 0.5).cdf(2.3) - stats.uniform(2, 0.5).cdf(2.1),
        "0.4",
    ),
    # c3w2l1: centre, expected value, quantiles, spread
    ("c3w2l1", r"\bar x = \frac{292}{7} \approx 41.71", BILLS.mean(), "41.71"),
    ("c3w2l1", "the median is 24", np.median(BILLS), "24"),
    ("c3w2l1", r"\frac{22 + 24}{2} = 23", np.median(BILLS[:-1]), "23"),
    ("c3w2l1", "so the mode is 1", stats.mode([1, 2, 2, 1, 1]).mode, "1"),
    ("c3w2l1", "P(X ≤ 2) = 0.6321", stats.expon(scale=2).cdf(2), "0.6321"),
    ("c3w2l1", r"$2\ln 2 \approx 1.39$", stats.expon(scale=2).median(), "1.39"),
    ("c3w2l1", "E[X] = 0 + 0.6 + 2 = 2.6", GAME_X @ GAME_P, "2.6"),
    ("c3w2l1", "= 0 + 1.2 + 20\n= 21.2", GAME_X**2 @ GAME_P, "21.2"),
    ("c3w2l1", "= 1.5 + 3 = 4.5", np.arange(1, 7) @ np.array([0.1] * 5 + [0.5]), "4.5"),
    ("c3w2l1", r"\frac{15}{6} = 2.5", F(1, 1) * F(2, 3) + F(5, 6) + F(6, 6), "5/2"),
    ("c3w2l1", r"3 + 0.25 \cdot (5 - 3) = 3.5", np.quantile(TIMES, 0.25), "3.5"),
    ("c3w2l1", r"$7 + 0.75 \cdot 2 = 8.5$", np.quantile(TIMES, 0.75), "8.5"),
    ("c3w2l1", r"Q_3 - Q_1 = 8.5 - 3.5 = 5", np.subtract(*np.quantile(TIMES, [0.75, 0.25])), "5"),
    ("c3w2l1", r"\mathrm{IQR} = 6", np.subtract(*np.quantile(BILLS, [0.75, 0.25])), "6"),
    (
        "c3w2l1",
        r"\mathrm{IQR} = 11 - 4 = 7",
        np.subtract(*np.quantile([5, 3, 4, 3, 11, 9, 12, 10, 17], [0.75, 0.25])),
        "7",
    ),
    ("c3w2l1", "an area of 0.4971", stats.norm.cdf(0.67) - stats.norm.cdf(-0.67), "0.4971"),
    ("c3w2l1", r"$s^2 = \frac83 \approx 2.667$", np.var(APPLES, ddof=1), "2.667"),
    ("c3w2l1", r"$s = \sqrt{8/3} \approx 1.633$", np.std(APPLES, ddof=1), "1.633"),
    ("c3w2l1", r"$\sigma^2 = 8$", np.var(TEAM), "8"),
    ("c3w2l1", r"\sqrt8 \approx 2.83$", np.std(TEAM), "2.83"),
    ("c3w2l1", r"$21.2 - 2.6^2 = 14.44$", GAME_X**2 @ GAME_P - (GAME_X @ GAME_P) ** 2, "14.44"),
    ("c3w2l1", r"\sigma \approx 8.16", np.std([60, 70, 80]), "8.16"),
    # c3w2l2: joint, marginal, conditional, independence, covariance, 2-D normal
    ("c3w2l2", r"P(X = 1) = 0.05 + 0.25 + 0.10 = 0.40", HOUSEHOLDS.sum(axis=1)[1], "0.40"),
    ("c3w2l2", r"P(Y = 1) = 0.10 + 0.25 + 0.10 = 0.45", HOUSEHOLDS.sum(axis=0)[1], "0.45"),
    ("c3w2l2", r"P(X = Y) = 0.15 + 0.25 + 0.15 = 0.55", np.trace(HOUSEHOLDS), "0.55"),
    (
        "c3w2l2",
        r"P(Y = 2 \mid X = 1) = \frac{0.10}{0.40} = 0.25",
        HOUSEHOLDS[1, 2] / HOUSEHOLDS[1].sum(),
        "0.25",
    ),
    ("c3w2l2", "$\\frac{0.25}{0.40}\n   = 0.625$", HOUSEHOLDS[1, 1] / HOUSEHOLDS[1].sum(), "0.625"),
    ("c3w2l2", r"$\frac{0.10}{0.30} = \frac13$", HOUSEHOLDS[1, 2] / HOUSEHOLDS[:, 2].sum(), "1/3"),
    ("c3w2l2", "0.05 + 0.10 +\n0.15 = 0.30$", HOUSEHOLDS[:, 2].sum(), "0.30"),
    ("c3w2l2", r"0.15} = \frac34", EMAILS[2, 1] / EMAILS[2].sum(), "3/4"),
    ("c3w2l2", r"\frac{0.05}{0.55} = \frac{1}{11}", EMAILS[0, 1] / EMAILS[0].sum(), "1/11"),
    (
        "c3w2l2",
        r"P(X = 2 \mid Y = 1) = \frac{0.15}{0.30} = \frac12",
        EMAILS[2, 1] / EMAILS[:, 1].sum(),
        "1/2",
    ),
    (
        "c3w2l2",
        r"$0.60 \cdot 0.30 = 0.18$",
        np.outer(INDEPENDENT.sum(axis=1), INDEPENDENT.sum(axis=0))[0, 1],
        "0.18",
    ),
    (
        "c3w2l2",
        r"$P(X = 0)\,P(Y = 0) = 0.30 \cdot 0.25 = 0.075$",
        HOUSEHOLDS.sum(axis=1)[0] * HOUSEHOLDS.sum(axis=0)[0],
        "0.075",
    ),
    ("c3w2l2", r"$s_{xy} = \frac23 \approx 0.667$", np.cov(ADS_X, ADS_Y)[0, 1], "0.667"),
    ("c3w2l2", r"\approx 0.632$ — a clear", np.corrcoef(ADS_X, ADS_Y)[0, 1], "0.632"),
    ("c3w2l2", r"\frac{22}{3} \approx 7.333", np.dot(ADS_X, ADS_Y) / 3, "7.333"),
    (
        "c3w2l2",
        r"covariance is $0.4 - 0.5 \cdot 0.5 = 0.15$",
        CLICKS[1, 1] - CLICKS.sum(axis=1)[1] * CLICKS.sum(axis=0)[1],
        "0.15",
    ),
    (
        "c3w2l2",
        r"\frac{60}{10 \cdot 12} = 0.5",
        SIGMA[0, 1] / np.sqrt(SIGMA[0, 0] * SIGMA[1, 1]),
        "0.5",
    ),
    ("c3w2l2", r"P(X_1 \le 180) = \Phi(1) \approx 0.8413", stats.norm(170, 10).cdf(180), "0.8413"),
    ("c3w2l2", r"\Phi(0.5) \approx 0.6915", stats.norm(70, 12).cdf(76), "0.6915"),
    ("c3w2l2", r"$\Phi(0.1) \approx 0.5398$", stats.norm.cdf(0.1), "0.5398"),
    ("c3w2l2", r"giving $0.7977$", stats.norm(170, 12).cdf(180), "0.7977"),
    ("c3w2l2", r"180 cm person, 76 kg", 70 + SIGMA[1, 0] / SIGMA[0, 0] * (180 - 170), "76"),
    ("c3w2l2", r"\Phi(-1) \approx 0.1587", stats.norm(30, 6).cdf(24), "0.1587"),
    # the named mistakes of the sum rule, a PMF and a joint table: wrong against right
    ("c3w1l1", r"0.19 + 0.19 - 2 \cdot 0.03 = 0.32", F(16 + 16, 100), "0.32"),
    ("c3w1l1", r"0.19 + 0.19 - 0.19 \cdot 0.19 = 0.3439", 1 - (1 - 0.19) ** 2, "0.3439"),
    ("c3w1l2", r"P(X \le 1) = 1 - \frac18 = \frac78", np.cumsum([F(5, 8), F(1, 4)])[-1], "7/8"),
    ("c3w1l2", r"1 - (\frac58 + \frac18) = \frac14", F(1) - F(5, 8) - F(1, 8), "1/4"),
    ("c3w1l2", r"P(X \le 2) = 1 - 0.2 = 0.8", np.cumsum(GOALS)[2], "0.8"),
    ("c3w1l2", r"P(X = 2) = 1 - (0.1 + 0.3 + 0.2) = 0.4", GOALS[2], "0.4"),
    ("c3w2l2", r"\frac{0.05 + 0.25 + 0.10}{3} \approx 0.133", HOUSEHOLDS[1].mean(), "0.133"),
    ("c3w2l2", r"\frac{0.05 + 0.10 + 0.15}{3} = 0.10", EMAILS[:, 1].mean(), "0.10"),
    ("c3w2l2", r"P(Y = 1 \mid X = 2) = P(Y = 1) = 0.30", EMAILS.sum(axis=0)[1], "0.30"),
    ("c3w2l2", r"\frac{0.15}{0.20} = 0.75", EMAILS[2, 1] / EMAILS[2].sum(), "0.75"),
    ("c3w2l2", r"\frac{0.10}{0.15} = \frac23", EMAILS[1, 1] / EMAILS[1, 0], "2/3"),
    ("c3w2l2", r"\frac{0.10}{0.10 + 0.15} = \frac25", EMAILS[1, 1] / EMAILS[1].sum(), "2/5"),
    ("c3w2l2", "\\frac{0.15}{0.05}\n  = 3$", EMAILS[2, 1] / EMAILS[2, 0], "3"),
    # the named mistakes of normal quantiles, sample spaces, expected values and quartiles
    ("c3w1l2", r"$1.2816 \cdot 15 \approx 19.22$", stats.norm(0, 15).ppf(0.9), "19.22"),
    ("c3w1l2", r"$\Phi(0.9) \approx 0.8159$", stats.norm.cdf(0.9), "0.8159"),
    ("c3w1l2", r"100 + 0.8159 \cdot 15 \approx 112.24", 100 + 15 * stats.norm.cdf(0.9), "112.24"),
    ("c3w1l2", r"$\Phi(1.2816) = 0.9$", stats.norm.cdf(1.2816), "0.9"),
    ("c3w1l1", "wrong: {HT}\n  (1 outcome)", len(list(itertools.combinations("HT", 2))), "1"),
    ("c3w1l1", "(4 outcomes)", len(list(itertools.product("HT", repeat=2))), "4"),
    (
        "c3w1l1",
        "RR, RG, RB, GG, GB, BB (6 outcomes",
        len(list(itertools.combinations_with_replacement("RGB", 2))),
        "6",
    ),
    ("c3w2l1", r"$\frac{0 + 0.6 + 2}{3} \approx 0.867$", (GAME_X * GAME_P).mean(), "0.867"),
    ("c3w2l1", r"= 0 + 0.36 + 4 = 4.36$", ((GAME_X * GAME_P) ** 2).sum(), "4.36"),
    ("c3w2l1", r"1, 3, 5 has the middle value 3", np.median(np.sort(TIMES)[:3]), "3"),
    (
        "c3w2l1",
        r"7, $5 + 0.75 \cdot 2 = 6.5$",
        np.interp((len(TIMES) - 1) * 0.75 - 1, range(len(TIMES)), np.sort(TIMES)),
        "6.5",
    ),
    ("c3w2l1", r"$Q_3 = 7 + 0.75 \cdot 2 = 8.5$", np.quantile(TIMES, 0.75), "8.5"),
]


@pytest.mark.parametrize(("lesson_id", "text", "value", "shown"), CASES)
def test_the_worked_number_is_in_the_lesson_and_right(
    lesson_id: str, text: str, value: object, shown: str
) -> None:
    assert text in lesson_markdown(lesson_id)
    if "/" in shown:
        assert F(float(value)).limit_denominator(10_000) == F(shown)
    else:
        places = len(shown.split(".")[1]) if "." in shown else 0
        assert abs(float(value) - float(shown)) <= 0.5 * 10**-places + 1e-12
