"""Inputs as people type them: binomial tails with =, ≤, <, ≥, >; probabilities as
rounded decimals; up to ten dice. Each checked a second way (SciPy, brute force, NumPy)."""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mlmath.engine.probability.counting import (
    COMPARISONS,
    dice_event_probability,
    first_favourable,
    ways_to_total,
)
from mlmath.engine.probability.discrete import (
    binomial_probability,
    cdf_value,
    comparison_of,
    expected_value,
)
from mlmath.engine.probability.joint import marginal
from mlmath.engine.probability.rounding import as_distribution
from mlmath.engine.solution import NotSolvable

SCIPY_TAIL = {
    "=": lambda n, p, k: stats.binom.pmf(k, n, p),
    "<=": lambda n, p, k: stats.binom.cdf(k, n, p),
    "<": lambda n, p, k: stats.binom.cdf(k - 1, n, p),
    ">=": lambda n, p, k: stats.binom.sf(k - 1, n, p),
    ">": lambda n, p, k: stats.binom.sf(k, n, p),
}


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 60),
    st.fractions(0, 1, max_denominator=100),
    st.data(),
    st.sampled_from(["=", "<=", "<", ">=", ">", "≤", "≥"]),
)
def test_binomial_every_comparison_matches_scipy(
    n: int, p: Fraction, data: st.DataObject, comparison: str
) -> None:
    k = data.draw(st.integers(0, n))
    got = binomial_probability(n, p, k, comparison).answer
    expected = SCIPY_TAIL[comparison_of(comparison)](n, float(p), k)
    assert float(got) == pytest.approx(expected, abs=1e-12)


def test_binomial_tails_complement_each_other_exactly() -> None:
    for k in range(11):
        below = binomial_probability(10, Fraction(3, 10), k, "<").answer
        at_least = binomial_probability(10, Fraction(3, 10), k, ">=").answer
        assert below + at_least == 1


def rounded(value: Fraction, places: int) -> Fraction:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return Fraction(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


@st.composite
def distributions(draw: st.DrawFn) -> list[Fraction]:
    q = draw(st.integers(2, 12))
    size = draw(st.integers(2, 6))
    cuts = sorted(draw(st.lists(st.integers(1, q - 1), min_size=size - 1, max_size=size - 1)))
    counts = [b - a for a, b in zip([0, *cuts], [*cuts, q], strict=True)]
    return [Fraction(c, q) for c in counts if c]


@settings(max_examples=200, deadline=None)
@given(distributions(), st.integers(2, 6))
def test_rounded_decimals_are_read_as_the_distribution_they_round(
    probabilities: list[Fraction], places: int
) -> None:
    typed = [rounded(p, places) for p in probabilities]
    read, steps = as_distribution(typed)
    assert sum(read, Fraction()) == 1
    half = Fraction(1, 2 * 10**places)
    assert all(abs(r - t) <= half for r, t in zip(read, typed, strict=True))
    if sum(typed, Fraction()) != 1:
        assert f"{places} decimal place" in steps[0].rule
        if places >= 3:  # the rounding is fine enough to single out the fractions
            assert list(read) == probabilities


@settings(max_examples=100, deadline=None)
@given(distributions(), st.integers(2, 5))
def test_expected_value_from_rounded_decimals_agrees_with_numpy(
    probabilities: list[Fraction], places: int
) -> None:
    values = [Fraction(i * 3 - 2) for i in range(len(probabilities))]
    typed = [rounded(p, places) for p in probabilities]
    solution = expected_value(values, typed)
    read, _ = as_distribution(typed)
    reference = np.dot([float(v) for v in values], [float(p) for p in read])
    assert float(solution.answer) == pytest.approx(reference, abs=1e-12)
    assert abs(float(solution.answer) - float(np.dot(values, probabilities))) <= 10 * 10**-places


def test_six_floats_of_one_sixth_make_a_die() -> None:
    sixth = Fraction(repr(1 / 6))
    faces = [Fraction(i) for i in range(1, 7)]
    solution = cdf_value(faces, [sixth] * 6, Fraction(2), "<=")
    assert solution.answer == Fraction(1, 3)
    assert "1/6" in solution.steps[0].rule


def test_probabilities_off_by_more_than_their_rounding_are_refused() -> None:
    with pytest.raises(NotSolvable, match=r"add up to 1\.2, not 1"):
        as_distribution([Fraction("0.5"), Fraction("0.7")])
    with pytest.raises(NotSolvable, match="add up to 2/3, not 1"):
        as_distribution([Fraction(1, 3), Fraction(1, 3)])


def test_a_joint_table_of_rounded_decimals_is_read_as_thirds() -> None:
    third = Fraction("0.333")
    table = ((third, Fraction(0)), (Fraction(0), third), (third, Fraction(0)))
    values = (Fraction(0), Fraction(1), Fraction(2))
    solution = marginal(table, values, (Fraction(0), Fraction(1)), "Y", Fraction(0))
    assert solution.answer == Fraction(2, 3)


def brute_force(sides: int, dice: int, comparison: str, target: int) -> list[tuple[int, ...]]:
    test = COMPARISONS[comparison]
    faces = range(1, sides + 1)
    return [r for r in itertools.product(faces, repeat=dice) if test(sum(r), target)]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(2, 8),
    st.integers(1, 4),
    st.sampled_from(sorted(COMPARISONS)),
    st.integers(0, 34),
)
def test_dice_counting_matches_listing_every_outcome(
    sides: int, dice: int, comparison: str, target: int
) -> None:
    listed = brute_force(sides, dice, comparison, target)
    solution = dice_event_probability(sides, dice, comparison, target)
    assert solution.answer == Fraction(len(listed), sides**dice)
    assert first_favourable(sides, dice, comparison, target) == listed[:12]


@pytest.mark.parametrize("dice", range(1, 11))
def test_up_to_ten_dice_agree_with_numpy_convolution(dice: int) -> None:
    sides = 6 if dice > 5 else 20
    counts = np.array([1], dtype=object)
    for _ in range(dice):
        counts = np.convolve(counts, np.array([0, *([1] * sides)], dtype=object))
    assert ways_to_total(sides, dice)[: len(counts)] == list(counts)
    target = (dice * (sides + 1)) // 2
    solution = dice_event_probability(sides, dice, ">=", target)
    assert solution.answer == Fraction(int(sum(counts[target:])), sides**dice)
