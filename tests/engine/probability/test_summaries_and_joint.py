"""Summaries, joint tables, covariance and the 2-D normal against NumPy and SciPy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.probability.joint import (
    conditional_distribution,
    correlation,
    covariance,
    independence_from_table,
    marginal,
)
from mlmath.engine.probability.multivariate import mvn_correlation, mvn_marginal_probability
from mlmath.engine.probability.summaries import (
    mean,
    median,
    mode,
    quantile,
    standard_deviation,
    variance,
)
from mlmath.engine.solution import NotSolvable

data_sets = st.lists(st.integers(-50, 50).map(Fraction), min_size=2, max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    data_sets,
    st.sampled_from(
        [Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(1), Fraction(1, 10)]
    ),
)
def test_quantiles_use_numpys_default_convention(data: list[Fraction], q: Fraction) -> None:
    x = np.array(data, dtype=float)
    assert float(quantile(data, q).answer) == pytest.approx(np.quantile(x, float(q)))
    assert float(median(data).answer) == pytest.approx(np.median(x))
    assert float(mean(data).answer) == pytest.approx(x.mean())


@settings(max_examples=200, deadline=None)
@given(data_sets)
def test_variance_divides_by_n_or_n_minus_one(data: list[Fraction]) -> None:
    x = np.array(data, dtype=float)
    assert float(variance(data, sample=False).answer) == pytest.approx(np.var(x), abs=1e-9)
    assert float(variance(data, sample=True).answer) == pytest.approx(np.var(x, ddof=1), abs=1e-9)
    assert standard_deviation(data, sample=True).answer == pytest.approx(np.std(x, ddof=1))


def test_mode_and_its_refusals() -> None:
    assert mode([Fraction(v) for v in (3, 1, 3, 2)]).answer == 3
    with pytest.raises(NotSolvable, match="2 modes"):
        mode([Fraction(v) for v in (1, 1, 2, 2)])


@st.composite
def joint_tables(draw: st.DrawFn) -> tuple[list[list[Fraction]], list[Fraction], list[Fraction]]:
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    if draw(st.booleans()):
        px = draw(st.lists(st.integers(1, 9), min_size=rows, max_size=rows))
        py = draw(st.lists(st.integers(1, 9), min_size=columns, max_size=columns))
        weights = [[a * b for b in py] for a in px]
    else:
        weights = [
            draw(st.lists(st.integers(0, 9), min_size=columns, max_size=columns))
            for _ in range(rows)
        ]
    total = sum(map(sum, weights)) or 1
    if total == 1 and not any(map(any, weights)):
        weights[0][0] = 1
    table = [[Fraction(w, total) for w in r] for r in weights]
    return table, [Fraction(i) for i in range(rows)], [Fraction(j) for j in range(columns)]


@settings(max_examples=200, deadline=None)
@given(joint_tables())
def test_marginals_conditionals_and_independence(
    joint: tuple[list[list[Fraction]], list[Fraction], list[Fraction]],
) -> None:
    table, xs, ys = joint
    p = np.array(table, dtype=object)
    for i, x in enumerate(xs):
        assert marginal(table, xs, ys, "X", x).answer == sum(p[i, :], Fraction(0))
    for j, y in enumerate(ys):
        assert marginal(table, xs, ys, "Y", y).answer == sum(p[:, j], Fraction(0))
    for i, x in enumerate(xs):
        row = sum(p[i, :], Fraction(0))
        for j, y in enumerate(ys):
            if row:
                got = conditional_distribution(table, xs, ys, x, y).answer
                assert got == p[i, j] / row
    outer = np.outer(p.sum(axis=1), p.sum(axis=0))
    assert independence_from_table(table, xs, ys).answer == bool((outer == p).all())


pairs = st.integers(2, 20).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(-30, 30).map(Fraction), min_size=n, max_size=n),
        st.lists(st.integers(-30, 30).map(Fraction), min_size=n, max_size=n),
    )
)


@settings(max_examples=200, deadline=None)
@given(pairs)
def test_covariance_and_correlation_match_numpy(xy: tuple[list[Fraction], list[Fraction]]) -> None:
    x, y = xy
    a, b = np.array(x, dtype=float), np.array(y, dtype=float)
    assert float(covariance(x, y, sample=True).answer) == pytest.approx(
        np.cov(a, b)[0, 1], abs=1e-9
    )
    assert float(covariance(x, y, sample=False).answer) == pytest.approx(
        np.cov(a, b, ddof=0)[0, 1], abs=1e-9
    )
    if a.std() > 0 and b.std() > 0:
        assert correlation(x, y).answer == pytest.approx(np.corrcoef(a, b)[0, 1])


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 50), st.integers(1, 50), st.integers(-49, 49), st.floats(-60, 60))
def test_bivariate_normal_reading(v1: int, v2: int, c: int, x: float) -> None:
    if v1 * v2 - c * c <= 0:
        return
    sigma = Matrix.of([[v1, c], [c, v2]])
    rho = float(mvn_correlation(sigma).answer)
    cov = np.array([[v1, c], [c, v2]], dtype=float)
    assert rho == pytest.approx(cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]))
    # The marginal of X2 from SciPy's multivariate normal: a huge bound on X1.
    mean = Vector.of([3, -2])
    got = mvn_marginal_probability(mean, sigma, 2, x).answer
    expected = stats.multivariate_normal([3, -2], cov).cdf([1e6, x])
    assert got == pytest.approx(expected, abs=1e-4)
    assert got == pytest.approx(stats.norm(-2, np.sqrt(v2)).cdf(x), abs=1e-12)
