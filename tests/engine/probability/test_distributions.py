"""Discrete and continuous distributions against SciPy and NumPy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from mlmath.engine.probability.continuous import (
    chi_squared,
    linear_density_probability,
    normal_probability,
    uniform_probability,
)
from mlmath.engine.probability.discrete import (
    bernoulli,
    binomial_moments,
    binomial_probability,
    binomial_sum,
    cdf_value,
    expected_value,
    missing_probability,
)
from mlmath.engine.solution import NotSolvable


@st.composite
def pmfs(draw: st.DrawFn) -> tuple[list[Fraction], list[Fraction]]:
    size = draw(st.integers(1, 7))
    values = sorted(draw(st.sets(st.integers(-10, 10), min_size=size, max_size=size)))
    weights = draw(st.lists(st.integers(1, 20), min_size=size, max_size=size))
    return [Fraction(v) for v in values], [Fraction(w, sum(weights)) for w in weights]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 40), st.fractions(0, 1, max_denominator=20), st.data())
def test_binomial_matches_scipy(n: int, p: Fraction, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    pmf = binomial_probability(n, p, k, "=").answer
    assert float(pmf) == pytest.approx(stats.binom.pmf(k, n, float(p)), abs=1e-12)
    below = binomial_probability(n, p, k, "<=").answer
    assert float(below) == pytest.approx(stats.binom.cdf(k, n, float(p)), abs=1e-12)
    assert binomial_probability(n, p, k, "<").answer == below - pmf
    assert binomial_sum(n, p, range(n + 1)) == 1
    mean, var = binomial_moments(n, p)
    assert (float(mean), float(var)) == pytest.approx(stats.binom.stats(n, float(p)))


@settings(max_examples=200, deadline=None)
@given(st.fractions(0, 1, max_denominator=30))
def test_bernoulli_is_binomial_with_one_trial(p: Fraction) -> None:
    assert bernoulli(p, "mean").answer == p
    assert bernoulli(p, "variance").answer == binomial_moments(1, p)[1]
    assert bernoulli(p, "P(X = 0)").answer == binomial_probability(1, p, 0, "=").answer


@settings(max_examples=200, deadline=None)
@given(pmfs(), st.integers(-11, 11), st.sampled_from(["<=", "<", ">=", ">"]))
def test_cdf_and_tails_add_the_pmf(
    pmf: tuple[list[Fraction], list[Fraction]], x: int, comparison: str
) -> None:
    values, probs = pmf
    v, p = np.array(values, dtype=object), np.array(probs, dtype=object)
    mask = {"<=": v <= x, "<": v < x, ">=": v >= x, ">": v > x}[comparison]
    assert cdf_value(values, probs, Fraction(x), comparison).answer == sum(p[mask], Fraction(0))
    complement = {"<=": ">", "<": ">=", ">=": "<", ">": "<="}[comparison]
    both = (
        cdf_value(values, probs, Fraction(x), comparison).answer
        + cdf_value(values, probs, Fraction(x), complement).answer
    )
    assert both == 1


@settings(max_examples=200, deadline=None)
@given(pmfs())
def test_expected_values_match_numpy(pmf: tuple[list[Fraction], list[Fraction]]) -> None:
    values, probs = pmf
    x, p = np.array(values, dtype=float), np.array(probs, dtype=float)
    assert float(expected_value(values, probs).answer) == pytest.approx(x @ p)
    assert float(expected_value(values, probs, "x^2").answer) == pytest.approx(x**2 @ p)
    missing = len(values) - 1
    known = probs[:missing]
    assert missing_probability(values, known, missing).answer == probs[missing]


def test_a_pmf_that_does_not_add_up_to_one_is_refused() -> None:
    with pytest.raises(NotSolvable, match="add up to"):
        expected_value([Fraction(0), Fraction(1)], [Fraction(1, 2), Fraction(1, 3)])


@settings(max_examples=200, deadline=None)
@given(st.integers(-50, 50), st.integers(1, 60), st.integers(-70, 120), st.integers(0, 80))
def test_uniform_matches_scipy(a: int, width: int, lower: int, length: int) -> None:
    b, upper = a + width, lower + length
    expected = stats.uniform.cdf(upper, a, width) - stats.uniform.cdf(lower, a, width)
    got = uniform_probability(Fraction(a), Fraction(b), Fraction(lower), Fraction(upper))
    assert float(got.answer) == pytest.approx(expected, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(-100, 100),
    st.floats(0.1, 30),
    st.one_of(st.none(), st.floats(-150, 150)),
    st.one_of(st.none(), st.floats(-150, 150)),
)
def test_normal_matches_scipy(
    mean: float, sd: float, lower: float | None, upper: float | None
) -> None:
    if lower is None and upper is None:
        return
    if lower is not None and upper is not None and upper < lower:
        lower, upper = upper, lower
    dist = stats.norm(mean, sd)
    expected = (1.0 if upper is None else dist.cdf(upper)) - (
        0.0 if lower is None else dist.cdf(lower)
    )
    assert normal_probability(mean, sd, lower, upper).answer == pytest.approx(expected, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 100), st.floats(0, 300))
def test_chi_squared_matches_scipy(k: int, x: float) -> None:
    assert chi_squared(k, "P(X <= x)", x).answer == pytest.approx(stats.chi2.cdf(x, k), abs=1e-12)
    mean, var = stats.chi2.stats(k)
    assert chi_squared(k, "mean").answer == mean
    assert chi_squared(k, "variance").answer == var


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 20), st.integers(0, 100), st.integers(0, 100))
def test_linear_density_is_the_integral_of_the_density(m: int, a: int, b: int) -> None:
    lower, upper = sorted((Fraction(a * m, 100), Fraction(b * m, 100)))
    area, _ = integrate.quad(lambda x: 2 * x / m**2, float(lower), float(upper))
    assert float(linear_density_probability(Fraction(m), lower, upper).answer) == pytest.approx(
        area, abs=1e-9
    )
