"""Critical values and decisions, a t statistic's degrees of freedom and p-value, sample
sizes and the family-wise error rate — against SciPy and statsmodels, or by the inverse
operation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.weightstats import ttest_ind

from mlmath.engine.statistics.critical_values import critical_value, decision
from mlmath.engine.statistics.multiple_testing import bonferroni_level, familywise_error_rate
from mlmath.engine.statistics.sample_size import required_sample_size, z_star
from mlmath.engine.statistics.t_statistic import degrees_of_freedom, t_p_value
from mlmath.exercises.registry import get

alphas = st.sampled_from([0.1, 0.05, 0.025, 0.01, 0.001])
alternatives = st.sampled_from(["two-sided", "greater", "less"])
dfs = st.one_of(st.none(), st.integers(1, 120))


def scipy_critical(alpha: float, alternative: str, df: int | None) -> float:
    dist = stats.norm if df is None else stats.t(df)
    if alternative == "two-sided":
        return float(dist.ppf(1 - alpha / 2))
    return float(dist.ppf(1 - alpha)) if alternative == "greater" else float(dist.ppf(alpha))


@given(alphas, alternatives, dfs)
def test_critical_values_agree_with_scipy(alpha: float, alternative: str, df: int | None) -> None:
    assert critical_value(alpha, alternative, df).answer == pytest.approx(
        scipy_critical(alpha, alternative, df), rel=1e-9
    )


@given(alphas, alternatives, dfs, st.floats(-6, 6))
def test_rejecting_beyond_the_critical_value_is_rejecting_when_p_is_below_alpha(
    alpha: float, alternative: str, df: int | None, statistic: float
) -> None:
    dist = stats.norm if df is None else stats.t(df)
    if alternative == "two-sided":
        p = 2 * dist.sf(abs(statistic))
    else:
        p = dist.sf(statistic) if alternative == "greater" else dist.cdf(statistic)
    assume(abs(p - alpha) > 1e-9)
    assert (decision(statistic, alpha, alternative, df).answer == "reject") == (p < alpha)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(-50, 50), min_size=3, max_size=15),
    st.lists(st.integers(-50, 50), min_size=3, max_size=15),
    alternatives,
)
def test_a_pooled_t_tests_df_and_p_value_agree_with_statsmodels(
    a: list[int], b: list[int], alternative: str
) -> None:
    assume(np.var(a) > 0 or np.var(b) > 0)
    smaller = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}[alternative]
    t, p, df = ttest_ind(a, b, alternative=smaller, usevar="pooled")
    assume(math.isfinite(t))
    assert degrees_of_freedom("two-sample", len(a), len(b)).answer == df
    assert t_p_value(float(t), "two-sample", len(a), len(b), alternative).answer == pytest.approx(
        p, abs=1e-12
    )


@given(st.lists(st.integers(-50, 50), min_size=2, max_size=30), st.integers(-20, 20), alternatives)
def test_a_one_sample_t_tests_p_value_agrees_with_scipy(
    data: list[int], null: int, alternative: str
) -> None:
    assume(np.var(data) > 0)
    result = stats.ttest_1samp(data, null, alternative=alternative)
    assert degrees_of_freedom("one-sample", len(data), None).answer == len(data) - 1
    assert t_p_value(
        float(result.statistic), "one-sample", len(data), None, alternative
    ).answer == pytest.approx(result.pvalue, abs=1e-12)


@given(
    st.sampled_from([0.8, 0.9, 0.95, 0.98, 0.99]),
    st.integers(1, 500).map(lambda k: k / 10),
    st.one_of(st.integers(1, 100).map(float), st.none()),
    st.integers(1, 99).map(lambda k: k / 100),
)
def test_the_sample_size_is_the_smallest_that_reaches_the_margin(
    confidence: float, margin: float, sd: float | None, p: float
) -> None:
    if sd is None:
        margin = margin / 100
    n = required_sample_size(
        confidence, margin, sd=sd, proportion=None if sd is not None else p
    ).answer
    spread = sd if sd is not None else math.sqrt(p * (1 - p))
    z = z_star(confidence)
    assume(n < 10**9)
    assert z * spread / math.sqrt(n) <= margin * (1 + 1e-12)
    if n > 1:
        assert z * spread / math.sqrt(n - 1) > margin * (1 - 1e-12)


@given(
    st.floats(0.001, 0.2),
    st.integers(1, 500).flatmap(lambda m: st.tuples(st.just(m), st.integers(0, m))),
)
def test_the_familywise_error_rate_agrees_with_the_binomial(
    alpha: float, tests_true: tuple[int, int]
) -> None:
    m, t = tests_true
    assert familywise_error_rate(alpha, m, t).answer == pytest.approx(
        stats.binom.sf(0, t, alpha), abs=1e-12
    )
    assert bonferroni_level(alpha, m).answer * m == pytest.approx(alpha)
    # Bonferroni keeps the family-wise rate at most α
    assert familywise_error_rate(bonferroni_level(alpha, m).answer, m).answer <= alpha + 1e-15


def test_hand_picked_decisions_and_mistakes() -> None:
    skill = get("statistics.critical_value")
    params = {
        "alpha": 0.05,
        "alternative": "less",
        "df": None,
        "statistic": 2.5,
        "asked": "decision",
    }
    assert skill.grade(params, "do not reject").verdict == "correct"
    feedback = skill.grade(params, "reject")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "ignored_direction"
    sizes = get("statistics.sample_size")
    mean = {"margin": 2, "confidence": 0.95, "sd": 10, "proportion": None}
    assert sizes.solve(mean).answer == 97
    assert sizes.grade(mean, "96").misconception.id == "rounded_down"  # type: ignore[union-attr]
