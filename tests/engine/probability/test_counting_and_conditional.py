"""Counting, complement, sum and product rules, conditioning and Bayes — against brute force."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine.probability.conditional import (
    bayes,
    conditional_from_counts,
    label_given_features,
)
from mlmath.engine.probability.counting import (
    COMPARISONS,
    at_least_one,
    dice_event_probability,
    two_draws,
    union,
)
from mlmath.engine.solution import NotSolvable

probabilities = st.fractions(min_value=0, max_value=1, max_denominator=50)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 8), st.integers(1, 3), st.sampled_from(sorted(COMPARISONS)), st.integers(0, 25)
)
def test_dice_probability_is_the_share_of_outcomes(
    sides: int, dice: int, comparison: str, target: int
) -> None:
    outcomes = list(itertools.product(range(1, sides + 1), repeat=dice))
    good = sum(COMPARISONS[comparison](sum(o), target) for o in outcomes)
    assert dice_event_probability(sides, dice, comparison, target).answer == Fraction(
        good, len(outcomes)
    )


@settings(max_examples=200, deadline=None)
@given(probabilities, st.integers(1, 6))
def test_at_least_one_matches_enumerating_every_sequence(p: Fraction, n: int) -> None:
    total = Fraction(0)
    for seq in itertools.product((True, False), repeat=n):
        chance = Fraction(1)
        for success in seq:
            chance *= p if success else 1 - p
        if any(seq):
            total += chance
    assert at_least_one(p, n).answer == total


@settings(max_examples=200, deadline=None)
@given(st.sets(st.integers(0, 11)), st.sets(st.integers(0, 11)))
def test_sum_rule_counts_the_union(a: set[int], b: set[int]) -> None:
    share = lambda s: Fraction(len(s), 12)  # noqa: E731
    assert union(share(a), share(b), share(a & b)).answer == share(a | b)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.integers(0, 6), st.booleans())
def test_two_draws_match_listing_ordered_pairs(red: int, other: int, replacement: bool) -> None:
    if red + other < 2:
        return
    balls = ["r"] * red + ["o"] * other
    pairs = [(i, j) for i in range(len(balls)) for j in range(len(balls)) if replacement or i != j]
    both = sum(balls[i] == balls[j] == "r" for i, j in pairs)
    assert two_draws(red, other, replacement).answer == Fraction(both, len(pairs))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
def test_conditional_from_counts(both: int, a_only: int, b_only: int) -> None:
    if both + b_only == 0:
        with pytest.raises(NotSolvable):
            conditional_from_counts(both, a_only, b_only, "A given B")
        return
    assert conditional_from_counts(both, a_only, b_only, "A given B").answer == Fraction(
        both, both + b_only
    )


@settings(max_examples=200, deadline=None)
@given(probabilities, probabilities, probabilities)
def test_bayes_agrees_with_a_population_of_cases(
    prior: Fraction, sensitivity: Fraction, false_positive: Fraction
) -> None:
    # Joint probabilities of the four kinds of cases, then condition on a positive result.
    ill_positive = prior * sensitivity
    healthy_positive = (1 - prior) * false_positive
    if ill_positive + healthy_positive == 0:
        with pytest.raises(NotSolvable):
            bayes(prior, sensitivity, false_positive)
        return
    posterior = bayes(prior, sensitivity, false_positive).answer
    assert posterior == ill_positive / (ill_positive + healthy_positive)
    # Bayes run backwards recovers the likelihood.
    evidence = ill_positive + healthy_positive
    if prior:
        assert posterior * evidence / prior == sensitivity


def test_label_given_features_reads_one_row() -> None:
    assert label_given_features(((40, 10), (20, 130)), 1).answer == Fraction(4, 5)
    with pytest.raises(NotSolvable):
        label_given_features(((0, 0),), 1)
