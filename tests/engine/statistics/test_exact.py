"""Statistics of decimal data are exact: checked against plain Fraction arithmetic.

The reference here is written independently of the engine — the textbook formulas in
:class:`fractions.Fraction`, square roots in 40-digit decimals — and the data have the
large common offsets (1000000000000.4, …) that make floating-point sums lose digits.
Every statistic must agree with the reference to at least 10 significant digits; the
exact ones (sums, means, variances, slope, F) agree exactly.
"""

from __future__ import annotations

import math
import time
from decimal import Context, Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine.probability.joint import correlation, covariance
from mlmath.engine.statistics.anova import anova_sums, one_way_anova
from mlmath.engine.statistics.columns import Column
from mlmath.engine.statistics.hypothesis_tests import t_test, welch_test
from mlmath.engine.statistics.intervals import data_summary
from mlmath.engine.statistics.regression import line_fit, linear_regression
from mlmath.engine.statistics.sampling import sample_mean, sample_variance

OFFSETS = (0, 1_000_000, 1_000_000_000_000)
WIDE = Context(prec=40)


def digits_of_agreement(value: float, exact: Fraction | Decimal) -> float:
    """−log10 of the relative error (17 when they agree to the last bit)."""
    reference = Fraction(exact)
    if reference == 0:
        return 17.0 if value == 0 else 0.0
    error = abs(Fraction(value) - reference) / abs(reference)
    return 17.0 if error == 0 else -math.log10(error)


def exact_sqrt(x: Fraction) -> Decimal:
    return WIDE.divide(Decimal(x.numerator), Decimal(x.denominator)).sqrt(WIDE)


@st.composite
def offset_data(draw: st.DrawFn, min_size: int = 3, max_size: int = 30) -> list[float]:
    """Decimals with 1 to 3 places around a common offset, as a learner would type them."""
    offset = draw(st.sampled_from(OFFSETS))
    places = draw(st.integers(1, 3 if offset < 10**12 else 2))
    ticks = draw(
        st.lists(st.integers(-999, 999), min_size=min_size, max_size=max_size).filter(
            lambda t: len(set(t)) > 1
        )
    )
    return [float(Fraction(offset) + Fraction(t, 10**places)) for t in ticks]


def fractions_of(values: list[float]) -> list[Fraction]:
    return [Fraction(repr(v)) for v in values]


def mean_of(xs: list[Fraction]) -> Fraction:
    return sum(xs, Fraction()) / len(xs)


def squares_of(xs: list[Fraction]) -> Fraction:
    m = mean_of(xs)
    return sum(((x - m) ** 2 for x in xs), Fraction())


@settings(max_examples=150, deadline=None)
@given(offset_data())
def test_sums_means_and_variances_are_exact(data: list[float]) -> None:
    xs = fractions_of(data)
    column = Column.of(data)
    assert list(column) == xs, "each value is the decimal that was typed"
    assert column.total == sum(xs, Fraction())
    assert column.mean == mean_of(xs)
    assert column.squares == squares_of(xs)
    assert sample_mean(data).answer == float(mean_of(xs))
    assert sample_variance(data).answer == float(squares_of(xs) / (len(xs) - 1))
    mean, sd, _ = data_summary(data)
    assert mean == mean_of(xs)
    assert digits_of_agreement(sd, exact_sqrt(squares_of(xs) / (len(xs) - 1))) >= 15


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_covariance_and_correlation_match_fractions(draw: st.DataObject) -> None:
    x = draw.draw(offset_data(min_size=3, max_size=20))
    y = draw.draw(offset_data(min_size=len(x), max_size=len(x)))
    xs, ys = fractions_of(x), fractions_of(y)
    mx, my = mean_of(xs), mean_of(ys)
    sxy = sum(((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)), Fraction())
    assert covariance(Column.of(x), Column.of(y), sample=True).answer == sxy / (len(xs) - 1)
    r = correlation(Column.of(x), Column.of(y)).answer
    r_exact = Decimal(sxy.numerator) / Decimal(sxy.denominator)
    r_exact = WIDE.divide(r_exact, exact_sqrt(squares_of(xs) * squares_of(ys)))
    assert digits_of_agreement(r, r_exact) >= 14


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_regression_matches_the_textbook_in_fractions(draw: st.DataObject) -> None:
    x = draw.draw(offset_data(min_size=4, max_size=25))
    y = draw.draw(offset_data(min_size=len(x), max_size=len(x)))
    xs, ys = fractions_of(x), fractions_of(y)
    n, mx, my = len(xs), mean_of(xs), mean_of(ys)
    sxx, syy = squares_of(xs), squares_of(ys)
    sxy = sum(((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)), Fraction())
    slope = sxy / sxx
    intercept = my - slope * mx
    residuals = [b - intercept - slope * a for a, b in zip(xs, ys, strict=True)]
    sse = sum((e * e for e in residuals), Fraction())
    s2 = sse / (n - 2)
    fit = line_fit(x, y)
    assert (fit.slope, fit.intercept, fit.sse) == (slope, intercept, sse)
    if syy:
        assert fit.r_squared == 1 - sse / syy
    assert digits_of_agreement(fit.slope_se, exact_sqrt(s2 / sxx)) >= 14
    assert (
        digits_of_agreement(fit.intercept_se, exact_sqrt(s2 * (Fraction(1, n) + mx**2 / sxx))) >= 14
    )
    if sse:
        t_exact = WIDE.divide(
            Decimal(slope.numerator) / Decimal(slope.denominator), exact_sqrt(s2 / sxx)
        )
        assert digits_of_agreement(linear_regression(x, y, "t").answer, t_exact) >= 13


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_anova_f_is_exact_for_many_groups_of_unequal_sizes(draw: st.DataObject) -> None:
    k = draw.draw(st.integers(2, 12))
    groups = [draw.draw(offset_data(min_size=1, max_size=15)) for _ in range(k)]
    exact = [fractions_of(g) for g in groups]
    n = sum(len(g) for g in exact)
    if n <= k:
        return
    grand = sum((sum(g, Fraction()) for g in exact), Fraction()) / n
    ssb = sum((len(g) * (mean_of(g) - grand) ** 2 for g in exact), Fraction())
    ssw = sum((squares_of(g) for g in exact), Fraction())
    sums = anova_sums(groups)
    assert (sums.between, sums.within) == (ssb, ssw)
    if ssw:
        f = one_way_anova(groups, "f").answer
        assert f == float((ssb / (k - 1)) / (ssw / (n - k)))


@settings(max_examples=100, deadline=None)
@given(offset_data(min_size=3), offset_data(min_size=3), st.integers(-50, 50))
def test_t_statistics_keep_their_digits_on_offset_data(
    a: list[float], b: list[float], shift: int
) -> None:
    xs, ys = fractions_of(a), fractions_of(b)
    null = mean_of(xs) + Fraction(shift, 100)
    m, s, _ = data_summary(a)
    t = t_test(m, null, s, len(a), alternative="two-sided", asked="statistic").answer
    t_exact = WIDE.divide(
        Decimal((mean_of(xs) - null).numerator) / Decimal((mean_of(xs) - null).denominator),
        exact_sqrt(squares_of(xs) / (len(xs) - 1) / len(xs)),
    )
    assert digits_of_agreement(t, t_exact) >= 13
    mb, sb, _ = data_summary(b)
    welch = welch_test((m, s, len(a)), (mb, sb, len(b)), alternative="two-sided", asked="statistic")
    va = squares_of(xs) / (len(xs) - 1) / len(xs)
    vb = squares_of(ys) / (len(ys) - 1) / len(ys)
    difference = mean_of(ys) - mean_of(xs)
    welch_exact = WIDE.divide(
        Decimal(difference.numerator) / Decimal(difference.denominator), exact_sqrt(va + vb)
    )
    assert digits_of_agreement(welch.answer, welch_exact) >= 13


def smls_like(offset: int, per_group: int, groups: int = 9) -> list[list[float]]:
    """NIST SmLs-style data: 9 treatments of one pattern of tenths around ``offset``."""
    first = [0.4, *([0.3, 0.5] * ((per_group - 1) // 2))]
    rest = [0.3, *([0.2, 0.4] * ((per_group - 1) // 2))]
    made = [[float(Fraction(offset) + Fraction(repr(v))) for v in first]]
    made += [
        [float(Fraction(offset) + Fraction(repr(v)) + Fraction(g % 2, 5)) for v in rest]
        for g in range(1, groups)
    ]
    return made


@pytest.mark.parametrize("offset", OFFSETS)
@pytest.mark.parametrize("per_group", [21, 201, 2001])
def test_smls_like_anova_agrees_to_at_least_ten_digits(offset: int, per_group: int) -> None:
    groups = smls_like(offset, per_group)
    exact = [fractions_of(g) for g in groups]
    k, n = len(exact), sum(len(g) for g in exact)
    grand = sum((sum(g, Fraction()) for g in exact), Fraction()) / n
    ssb = sum((len(g) * (mean_of(g) - grand) ** 2 for g in exact), Fraction())
    ssw = sum((squares_of(g) for g in exact), Fraction())
    f_exact = (ssb / (k - 1)) / (ssw / (n - k))
    assert digits_of_agreement(one_way_anova(groups, "f").answer, f_exact) >= 15


def test_a_hundred_thousand_rows_stay_exact_and_quick() -> None:
    rng = np.random.default_rng(12)
    x = [float(Fraction(10**12) + Fraction(int(t), 100)) for t in rng.integers(0, 10**6, 100_000)]
    y = [float(Fraction(int(t), 1000)) for t in rng.integers(0, 10**7, 100_000)]
    start = time.process_time()
    fit = line_fit(Column.of(x), Column.of(y))
    slope_se = fit.slope_se
    assert time.process_time() - start < 1.0
    xs, ys = fractions_of(x), fractions_of(y)
    assert Column.of(x).mean == mean_of(xs)
    mx, my = mean_of(xs), mean_of(ys)
    sxy = sum(((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)), Fraction())
    assert fit.slope == sxy / squares_of(xs)
    assert slope_se > 0


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_regression_and_anova_agree_with_statsmodels(draw: st.DataObject) -> None:
    import warnings

    import statsmodels.api as sm
    from statsmodels.stats.oneway import anova_oneway

    n = draw.draw(st.integers(5, 30))
    x = draw.draw(st.lists(st.integers(-500, 500), min_size=n, max_size=n, unique=True))
    noise = draw.draw(st.lists(st.integers(-300, 300), min_size=n, max_size=n))
    xs = [v / 10 for v in x]
    ys = [round(2.5 * a + e / 10, 1) for a, e in zip(xs, noise, strict=True)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ols = sm.OLS(np.array(ys), sm.add_constant(np.array(xs))).fit()
    fit = line_fit(xs, ys)
    assert float(fit.slope) == pytest.approx(ols.params[1], rel=1e-9)
    assert fit.slope_se == pytest.approx(ols.bse[1], rel=1e-9)
    assert fit.intercept_se == pytest.approx(ols.bse[0], rel=1e-9)
    assert float(fit.r_squared) == pytest.approx(ols.rsquared, rel=1e-9, abs=1e-12)
    if fit.sse:
        assert linear_regression(xs, ys, "t").answer == pytest.approx(ols.tvalues[1], rel=1e-9)
        assert linear_regression(xs, ys, "p_value").answer == pytest.approx(
            ols.pvalues[1], rel=1e-6, abs=1e-300
        )
    groups = [ys[: n // 2], ys[n // 2 :]]
    if anova_sums(groups).within:
        reference = anova_oneway(groups, use_var="equal")
        assert one_way_anova(groups, "f").answer == pytest.approx(reference.statistic, rel=1e-9)
        assert one_way_anova(groups, "p_value").answer == pytest.approx(
            reference.pvalue, rel=1e-6, abs=1e-300
        )
