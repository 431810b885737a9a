"""The statistics engine against SciPy, statsmodels and simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mlmath.engine.solution import NotSolvable
from mlmath.engine.statistics import distributions as dist
from mlmath.engine.statistics.anova import one_way_anova
from mlmath.engine.statistics.bayesian import beta_estimator, discrete_posterior
from mlmath.engine.statistics.hypothesis_tests import (
    proportion_test,
    t_test,
    two_proportion_test,
    welch_test,
    z_test,
)
from mlmath.engine.statistics.intervals import (
    mean_interval,
    prediction_interval,
    proportion_interval,
    regression_interval,
)
from mlmath.engine.statistics.likelihood import (
    bernoulli_likelihood,
    gaussian_log_likelihood,
    lda_threshold,
    mle_bernoulli,
    mle_gaussian,
)
from mlmath.engine.statistics.power import z_test_power
from mlmath.engine.statistics.sampling import (
    expected_biased_variance,
    sample_mean_probability,
    sample_variance,
)

values = st.floats(-100, 100, allow_nan=False).map(lambda v: round(v, 2))
samples = st.lists(values, min_size=3, max_size=12).filter(lambda xs: np.ptp(xs) > 0.5)
ALTERNATIVES = ("two-sided", "greater", "less")


@settings(max_examples=100, deadline=None)
@given(st.floats(-6, 6), st.floats(0.001, 0.999), st.integers(1, 60))
def test_special_functions_match_scipy_stats(x: float, p: float, df: int) -> None:
    assert dist.normal_cdf(x) == pytest.approx(stats.norm.cdf(x), abs=1e-12)
    assert dist.normal_quantile(p) == pytest.approx(stats.norm.ppf(p), abs=1e-9)
    assert dist.t_cdf(df, x) == pytest.approx(stats.t.cdf(x, df), abs=1e-12)
    assert dist.t_quantile(df, p) == pytest.approx(stats.t.ppf(p, df), rel=1e-8)
    f = abs(x)
    assert dist.f_upper_tail(2, df, f) == pytest.approx(stats.f.sf(f, 2, df), abs=1e-12)
    assert dist.beta_median(1 + f, 1 + df) == pytest.approx(stats.beta.median(1 + f, 1 + df))


@settings(max_examples=100, deadline=None)
@given(samples, st.floats(-50, 50), st.sampled_from(ALTERNATIVES))
def test_one_sample_t_matches_scipy(data: list[float], null: float, alternative: str) -> None:
    mean, sd, n = float(np.mean(data)), float(np.std(data, ddof=1)), len(data)
    ref = stats.ttest_1samp(data, null, alternative=alternative)
    t = t_test(mean, null, sd, n, alternative=alternative, asked="statistic").answer
    p = t_test(mean, null, sd, n, alternative=alternative, asked="p_value").answer
    assert t == pytest.approx(ref.statistic, rel=1e-9, abs=1e-9)
    assert p == pytest.approx(ref.pvalue, rel=1e-7, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(samples, samples, st.sampled_from(ALTERNATIVES))
def test_welch_matches_scipy(a: list[float], b: list[float], alternative: str) -> None:
    ga = (float(np.mean(a)), float(np.std(a, ddof=1)), len(a))
    gb = (float(np.mean(b)), float(np.std(b, ddof=1)), len(b))
    ref = stats.ttest_ind(b, a, equal_var=False, alternative=alternative)
    t = welch_test(ga, gb, alternative=alternative, asked="statistic").answer
    p = welch_test(ga, gb, alternative=alternative, asked="p_value").answer
    assert t == pytest.approx(ref.statistic, rel=1e-9, abs=1e-9)
    assert p == pytest.approx(ref.pvalue, rel=1e-7, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.lists(samples, min_size=2, max_size=5))
def test_anova_matches_scipy(groups: list[list[float]]) -> None:
    ref = stats.f_oneway(*groups)
    if not np.isfinite(ref.pvalue) or ref.statistic == 0:
        return
    assert one_way_anova(groups, "f").answer == pytest.approx(ref.statistic, rel=1e-9)
    assert one_way_anova(groups, "p_value").answer == pytest.approx(ref.pvalue, rel=1e-7, abs=1e-14)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(-10, 10),
    st.floats(0.1, 10),
    st.integers(2, 200),
    st.floats(-3, 3),
    st.sampled_from(ALTERNATIVES),
)
def test_z_test_matches_the_normal_distribution(
    null: float, sd: float, n: int, shift: float, alternative: str
) -> None:
    mean = null + shift * sd / math.sqrt(n)
    z = z_test(mean, null, sd, n, alternative=alternative, asked="statistic").answer
    p = z_test(mean, null, sd, n, alternative=alternative, asked="p_value").answer
    assert z == pytest.approx(shift, abs=1e-9)
    expected = {
        "two-sided": 2 * stats.norm.sf(abs(shift)),
        "greater": stats.norm.sf(shift),
        "less": stats.norm.cdf(shift),
    }[alternative]
    assert p == pytest.approx(expected, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 500), st.data(), st.floats(0.05, 0.95), st.sampled_from(ALTERNATIVES))
def test_proportion_tests_match_scipy(
    n: int, data: st.DataObject, null: float, alternative: str
) -> None:
    k = data.draw(st.integers(0, n))
    z_ref = (k / n - null) / math.sqrt(null * (1 - null) / n)
    p_ref = {
        "two-sided": 2 * stats.norm.sf(abs(z_ref)),
        "greater": stats.norm.sf(z_ref),
        "less": stats.norm.cdf(z_ref),
    }[alternative]
    z = proportion_test(k, n, null, alternative=alternative, asked="statistic").answer
    p = proportion_test(k, n, null, alternative=alternative, asked="p_value").answer
    assert z == pytest.approx(z_ref, rel=1e-9, abs=1e-9)
    assert p == pytest.approx(p_ref, rel=1e-7, abs=1e-12)
    n_b = data.draw(st.integers(1, 500))
    k_b = data.draw(st.integers(0, n_b))
    if k + k_b in (0, n + n_b):
        with pytest.raises(NotSolvable):
            two_proportion_test(k, n, k_b, n_b, alternative=alternative, asked="statistic")
        return
    z = two_proportion_test(k, n, k_b, n_b, alternative=alternative, asked="statistic").answer
    p = two_proportion_test(k, n, k_b, n_b, alternative="two-sided", asked="p_value").answer
    # The pooled two-proportion z-test is the chi-squared test of the 2×2 table: χ² = z².
    table = np.array([[k, n - k], [k_b, n_b - k_b]])
    chi2, p_chi2, _, _ = stats.chi2_contingency(table, correction=False)
    assert z**2 == pytest.approx(chi2, rel=1e-9, abs=1e-9)
    assert p == pytest.approx(p_chi2, rel=1e-6, abs=1e-12)
    assert (z > 0) == (k_b / n_b > k / n)


def test_proportion_tests_match_statsmodels() -> None:
    proportion = pytest.importorskip("statsmodels.stats.proportion")
    _, p_ref = proportion.proportions_ztest(130, 1000, 0.1, prop_var=0.1)
    assert proportion_test(130, 1000, 0.1, alternative="two-sided", asked="p_value").answer == (
        pytest.approx(p_ref)
    )
    _, p_ref = proportion.proportions_ztest([130, 100], [1000, 1000], alternative="larger")
    ab = two_proportion_test(100, 1000, 130, 1000, alternative="greater", asked="p_value")
    assert ab.answer == pytest.approx(p_ref)


@settings(max_examples=60, deadline=None)
@given(samples, st.sampled_from((0.8, 0.9, 0.95, 0.99)), st.booleans())
def test_mean_interval_matches_scipy(data: list[float], confidence: float, known: bool) -> None:
    mean, sd, n = float(np.mean(data)), float(np.std(data, ddof=1)), len(data)
    lo, hi = mean_interval(mean, sd, n, confidence, sd_known=known).answer
    if known:
        ref = stats.norm.interval(confidence, loc=mean, scale=sd / math.sqrt(n))
    else:
        ref = stats.t.interval(confidence, n - 1, loc=mean, scale=sd / math.sqrt(n))
    assert (lo, hi) == pytest.approx(ref, rel=1e-9, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 1000), st.data(), st.sampled_from((0.9, 0.95, 0.99)))
def test_proportion_interval_matches_the_normal_approximation(
    n: int, data: st.DataObject, confidence: float
) -> None:
    k = data.draw(st.integers(1, n - 1))
    p = k / n
    ref = stats.norm.interval(confidence, loc=p, scale=math.sqrt(p * (1 - p) / n))
    assert proportion_interval(k, n, confidence).answer == pytest.approx(ref, rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 12), st.integers(0, 10**6), st.sampled_from((0.9, 0.95)), st.floats(-5, 15))
def test_regression_intervals_match_scipy(
    n: int, seed: int, confidence: float, x_new: float
) -> None:
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(0, 10, n), 1)
    if np.ptp(x) < 0.5:
        return
    y = np.round(2 + 0.5 * x + rng.normal(0, 1, n), 1)
    fit = stats.linregress(x, y)
    t = stats.t.ppf(1 - (1 - confidence) / 2, n - 2)
    slope = (fit.slope - t * fit.stderr, fit.slope + t * fit.stderr)
    intercept = (
        fit.intercept - t * fit.intercept_stderr,
        fit.intercept + t * fit.intercept_stderr,
    )
    assert regression_interval(list(x), list(y), confidence, "slope").answer == pytest.approx(
        slope, rel=1e-7, abs=1e-7
    )
    assert regression_interval(list(x), list(y), confidence, "intercept").answer == (
        pytest.approx(intercept, rel=1e-7, abs=1e-7)
    )
    # The prediction interval from the design matrix: s²·(1 + x0ᵀ(XᵀX)⁻¹x0).
    design = np.column_stack([np.ones(n), x])
    residuals = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    s2 = residuals @ residuals / (n - 2)
    x0 = np.array([1.0, x_new])
    half = t * math.sqrt(s2 * (1 + x0 @ np.linalg.inv(design.T @ design) @ x0))
    centre = fit.intercept + fit.slope * x_new
    assert prediction_interval(list(x), list(y), x_new, confidence).answer == pytest.approx(
        (centre - half, centre + half), rel=1e-7, abs=1e-7
    )


def test_regression_intervals_match_statsmodels() -> None:
    sm = pytest.importorskip("statsmodels.api")
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    y = np.array([2.1, 3.9, 6.2, 7.8, 10.1, 12.2])
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    ci = fit.conf_int(alpha=0.05)
    assert regression_interval(list(x), list(y), 0.95, "slope").answer == pytest.approx(
        tuple(ci[1])
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 30), st.data(), st.floats(0.01, 0.99))
def test_likelihood_and_its_maximum(n: int, data: st.DataObject, p: float) -> None:
    k = data.draw(st.integers(0, n))
    assert bernoulli_likelihood(k, n, p, binomial=True).answer == pytest.approx(
        stats.binom.pmf(k, n, p), rel=1e-9
    )
    p_hat = mle_bernoulli(k, n).answer
    grid = np.linspace(0.001, 0.999, 999)
    best = grid[np.argmax(stats.binom.logpmf(k, n, grid))]
    assert abs(best - p_hat) < 0.0015


@settings(max_examples=100, deadline=None)
@given(samples, st.floats(-50, 50), st.floats(0.5, 30))
def test_gaussian_likelihood_and_its_maximum(data: list[float], mean: float, sd: float) -> None:
    expected = float(stats.norm.logpdf(data, mean, sd).sum())
    assert gaussian_log_likelihood(data, mean, sd).answer == pytest.approx(expected, rel=1e-9)
    mu, var = stats.norm.fit(data)
    assert mle_gaussian(data, "mean").answer == pytest.approx(mu, abs=1e-9)
    assert mle_gaussian(data, "sd").answer == pytest.approx(var, rel=1e-9)
    assert mle_gaussian(data, "variance").answer == pytest.approx(np.var(data), rel=1e-9)
    assert sample_variance(data).answer == pytest.approx(np.var(data, ddof=1), rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.floats(-50, 50), st.floats(1, 30), st.floats(0.5, 10), st.floats(0.05, 0.95))
def test_lda_threshold_balances_prior_times_density(
    mean_a: float, gap: float, sd: float, prior_a: float
) -> None:
    mean_b = mean_a + gap
    x = lda_threshold(mean_a, mean_b, sd, prior_a).answer
    left = math.log(prior_a) + stats.norm.logpdf(x, mean_a, sd)
    right = math.log(1 - prior_a) + stats.norm.logpdf(x, mean_b, sd)
    assert left == pytest.approx(right, abs=1e-7)


@settings(max_examples=100, deadline=None)
@given(st.floats(0.5, 5), st.floats(0.5, 5), st.integers(0, 30), st.data())
def test_beta_estimators_match_scipy(a: float, b: float, n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    post = stats.beta(a + k, b + n - k)
    assert beta_estimator(a, b, k, n, "mean").answer == pytest.approx(post.mean(), rel=1e-9)
    assert beta_estimator(a, b, k, n, "median").answer == pytest.approx(post.median(), rel=1e-7)
    if a + k > 1 and b + n - k > 1:
        mode = beta_estimator(a, b, k, n, "map").answer
        grid = np.linspace(0.0005, 0.9995, 2000)
        assert abs(grid[np.argmax(post.pdf(grid))] - mode) < 0.001


def test_discrete_posterior_adds_up_to_one() -> None:
    hyps, prior = (0.2, 0.5, 0.9), (0.3, 0.5, 0.2)
    total = sum(discrete_posterior(hyps, prior, 4, 6, i).answer for i in range(3))
    assert total == pytest.approx(1.0)


def test_sampling_distribution_by_simulation() -> None:
    rng = np.random.default_rng(7)
    population = rng.exponential(10.0, size=(20000, 40))  # skewed, finite variance
    means = population.mean(axis=1)
    simulated = float(np.mean(means >= 12.0))
    clt = sample_mean_probability(10.0, 10.0, 40, 12.0, "above").answer
    assert abs(simulated - clt) < 0.015
    biased = population[:, :4].var(axis=1).mean()
    assert biased == pytest.approx(expected_biased_variance(100.0, 4).answer, rel=0.05)


def test_confidence_intervals_cover_at_their_level_and_power_by_simulation() -> None:
    rng = np.random.default_rng(11)
    samples_ = rng.normal(50.0, 8.0, size=(4000, 10))
    caught = 0
    for row in samples_:
        lo, hi = mean_interval(float(row.mean()), float(row.std(ddof=1)), 10, 0.9, False).answer
        caught += lo <= 50.0 <= hi
    assert abs(caught / 4000 - 0.9) < 0.02
    shifted = rng.normal(105.0, 15.0, size=(4000, 36)).mean(axis=1)
    rejected = float(np.mean((shifted - 100.0) / (15.0 / 6) > stats.norm.ppf(0.95)))
    power = z_test_power(100.0, 105.0, 15.0, 36, alpha=0.05, alternative="greater").answer
    assert abs(rejected - power) < 0.03
