"""Sample spaces, counting, the birthday problem, total probability, sums of normals, joint
tables and standard scores — each checked by enumeration, SciPy, NumPy or the inverse
operation."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from mlmath.engine.probability.arrangements import count_choices
from mlmath.engine.probability.birthday import shared_probability
from mlmath.engine.probability.joint_moments import (
    EVENTS,
    holds,
    table_correlation,
    table_covariance,
    table_event,
)
from mlmath.engine.probability.normal_sums import normal_combination
from mlmath.engine.probability.sample_spaces import sample_space
from mlmath.engine.probability.standard_scores import normal_quantile, z_score
from mlmath.engine.probability.total_probability import total_probability
from mlmath.exercises.registry import get


@given(st.integers(1, 5), st.integers(1, 4), st.booleans())
def test_the_sample_space_is_every_sequence_of_draws(n: int, k: int, replacement: bool) -> None:
    assume(replacement or k <= n)
    items = "ABCDE"[:n]
    listed = sample_space(items, k, replacement).answer
    pool = itertools.product(items, repeat=k) if replacement else itertools.permutations(items, k)
    assert sorted(listed) == sorted("".join(p) for p in pool)
    assert len(set(listed)) == len(listed) == (n**k if replacement else math.perm(n, k))


@given(st.integers(1, 7), st.integers(0, 5), st.booleans(), st.booleans())
def test_counting_agrees_with_enumeration(n: int, k: int, ordered: bool, replacement: bool) -> None:
    assume(replacement or k <= n)
    items = range(n)
    if ordered:
        pool = (
            itertools.product(items, repeat=k) if replacement else itertools.permutations(items, k)
        )
    else:
        pool = (
            itertools.combinations_with_replacement(items, k)
            if replacement
            else itertools.combinations(items, k)
        )
    assert count_choices(n, k, ordered, replacement).answer == sum(1 for _ in pool)


@given(st.integers(1, 5), st.integers(1, 6))
def test_the_birthday_probability_agrees_with_enumeration(people: int, days: int) -> None:
    lists = list(itertools.product(range(days), repeat=people))
    shared = sum(1 for d in lists if len(set(d)) < people)
    assert shared_probability(people, days).answer == Fraction(shared, len(lists))


def test_one_person_alone_shares_with_nobody_in_one_step() -> None:
    solution = shared_probability(1, 365)
    assert solution.answer == 0
    (step,) = solution.steps
    assert "nobody" in step.rule


def test_the_classic_birthday_numbers() -> None:
    assert float(shared_probability(23, 365).answer) == pytest.approx(0.5072972, abs=1e-7)
    assert float(shared_probability(366, 365).answer) == 1
    big = float(shared_probability(2000, 10**6).answer)
    assert big == pytest.approx(1 - math.exp(-2000 * 1999 / 2 / 10**6), abs=1e-3)


@given(
    st.integers(2, 5).flatmap(
        lambda k: st.tuples(
            st.lists(st.integers(1, 20), min_size=k, max_size=k),
            st.lists(st.integers(0, 20), min_size=k, max_size=k),
        )
    )
)
def test_total_probability_is_the_weighted_average(
    weights_conditionals: tuple[list[int], list[int]],
) -> None:
    weights, counts = weights_conditionals
    priors = [Fraction(w, sum(weights)) for w in weights]
    conditionals = [Fraction(c, 20) for c in counts]
    answer = total_probability(priors, conditionals).answer
    assert float(answer) == pytest.approx(
        float(np.dot([float(p) for p in priors], [float(c) for c in conditionals]))
    )
    assert min(conditionals) <= answer <= max(conditionals)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(-50, 50),
    st.integers(1, 20),
    st.integers(-50, 50),
    st.integers(1, 20),
    st.sampled_from(["sum", "difference"]),
    st.integers(-60, 60),
)
def test_the_sum_of_normals_has_the_distribution_scipy_integrates(  # noqa: PLR0917
    mx: int, sx: int, my: int, sy: int, operation: str, t: int
) -> None:
    mean = float(
        normal_combination(
            Fraction(mx), Fraction(sx), Fraction(my), Fraction(sy), operation, "mean"
        ).answer
    )
    sd = float(
        normal_combination(
            Fraction(mx), Fraction(sx), Fraction(my), Fraction(sy), operation, "sd"
        ).answer
    )
    sign = 1 if operation == "sum" else -1

    # P(X ± Y ≤ t) by integrating the density of X against Y's CDF
    def integrand(x: float) -> float:
        inner = stats.norm.cdf(t - x, my, sy) if sign == 1 else stats.norm.sf(x - t, my, sy)
        return float(stats.norm.pdf(x, mx, sx) * inner)

    numeric, _ = integrate.quad(integrand, mx - 12 * sx, mx + 12 * sx, limit=200)
    assert stats.norm.cdf(t, mean, sd) == pytest.approx(numeric, abs=1e-7)


@st.composite
def joint_tables(
    draw: st.DrawFn,
) -> tuple[tuple[tuple[Fraction, ...], ...], tuple[Fraction, ...], tuple[Fraction, ...]]:
    rows, columns = draw(st.integers(2, 4)), draw(st.integers(2, 4))
    weights = draw(st.lists(st.integers(0, 9), min_size=rows * columns, max_size=rows * columns))
    assume(sum(weights) > 0)
    total = sum(weights)
    table = tuple(
        tuple(Fraction(weights[i * columns + j], total) for j in range(columns))
        for i in range(rows)
    )
    xs = tuple(
        Fraction(v)
        for v in draw(st.lists(st.integers(-5, 5), min_size=rows, max_size=rows, unique=True))
    )
    ys = tuple(
        Fraction(v)
        for v in draw(st.lists(st.integers(-5, 5), min_size=columns, max_size=columns, unique=True))
    )
    return table, xs, ys


@settings(max_examples=60, deadline=None)
@given(joint_tables(), st.sampled_from(EVENTS), st.integers(-6, 6))
def test_a_joint_table_agrees_with_numpy_moments(data: tuple, event: str, t: int) -> None:
    table, xs, ys = data
    p = np.array([[float(c) for c in row] for row in table])
    x = np.array([float(v) for v in xs])[:, None] * np.ones_like(p)
    y = np.array([float(v) for v in ys])[None, :] * np.ones_like(p)
    ex, ey = (p * x).sum(), (p * y).sum()
    cov = (p * (x - ex) * (y - ey)).sum()
    assert float(table_covariance(table, xs, ys).answer) == pytest.approx(cov, abs=1e-12)
    vx, vy = (p * (x - ex) ** 2).sum(), (p * (y - ey) ** 2).sum()
    if vx > 1e-12 and vy > 1e-12:
        assert float(table_correlation(table, xs, ys).answer) == pytest.approx(
            cov / math.sqrt(vx * vy), abs=1e-9
        )
    threshold = Fraction(t)
    expected = sum(
        table[i][j]
        for i, a in enumerate(xs)
        for j, b in enumerate(ys)
        if holds(event, a, b, threshold)
    )
    assert table_event(table, xs, ys, event, threshold).answer == expected


@given(st.integers(-500, 500), st.integers(-200, 200), st.integers(1, 50))
def test_a_z_score_undoes_standardising(x: int, mean: int, sd: int) -> None:
    z = z_score(Fraction(x), Fraction(mean), Fraction(sd)).answer
    assert mean + z * sd == x


@given(
    st.integers(1, 999),
    st.integers(-100, 100),
    st.integers(1, 30),
    st.sampled_from(["below", "above"]),
)
def test_a_normal_quantile_agrees_with_scipy(
    thousandths: int, mean: int, sd: int, side: str
) -> None:
    p = Fraction(thousandths, 1000)
    x = normal_quantile(Fraction(mean), Fraction(sd), p, side).answer
    expected = (
        stats.norm.ppf(float(p), mean, sd)
        if side == "below"
        else stats.norm.isf(float(p), mean, sd)
    )
    assert x == pytest.approx(expected, abs=1e-9)


def test_the_top_ten_percent_and_its_mistakes() -> None:
    skill = get("probability.normal_quantile")
    params = {"mean": Fraction(100), "sd": Fraction(15), "p": Fraction(1, 10), "side": "above"}
    assert skill.grade(params, "119.22").verdict == "correct"
    feedback = skill.grade(params, "80.78")
    assert feedback.misconception is not None
    assert feedback.misconception.id == "wrong_side"
