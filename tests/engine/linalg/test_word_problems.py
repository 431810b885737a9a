"""Word problems and data sets become systems whose solution is the story's truth."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from mlmath.engine.linalg.data_fit import DataSet, fit_weights, random_data_set
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.linalg.word_problems import (
    CONTEXTS,
    context_by_id,
    money,
    random_word_problem,
    story,
    translate,
)
from mlmath.engine.solution import NotSolvable


@pytest.mark.parametrize(
    ("unknowns", "comparisons", "fractions"),
    [(2, False, False), (2, True, False), (3, True, True), (3, False, True)],
)
def test_generated_problems_are_well_posed(
    unknowns: int, comparisons: bool, fractions: bool
) -> None:
    stories = set()
    for seed in range(40):
        context, system, truth = random_word_problem(
            np.random.default_rng(seed), unknowns, comparisons, fractions
        )
        assert determinant(system.matrix) != 0
        assert system.is_solution(truth)
        assert all(b >= 0 for b in system.rhs)
        sentences = story(context, system)
        assert len(sentences) == unknowns
        assert not any("The numbers satisfy" in s for s in sentences)
        assert translate(context, system).answer == system
        stories.add(sentences)
    assert len(stories) == 40


def test_sentences_read_as_a_person_writes_them() -> None:
    fruit = context_by_id("fruit")
    assert story(fruit, LinearSystem.of([[2, 3], [1, -1]], [13, 1], ["a", "b"])) == (
        "On Monday, 2 apples and 3 bananas cost $13.",
        "An apple costs $1 more than a banana.",
    )
    cinema = context_by_id("cinema")
    tickets = LinearSystem.of([[1, 1], [1, -2]], [60, 0], ["a", "c"])
    assert story(cinema, tickets) == (
        "60 tickets were sold in all.",
        "There are twice as many adult tickets as child tickets.",
    )


def test_money_is_written_like_a_receipt() -> None:
    from fractions import Fraction

    assert money(Fraction(5, 2)) == "$2.50"
    assert money(Fraction(3)) == "$3"


def test_every_context_has_three_unknowns_and_a_story() -> None:
    for context in CONTEXTS:
        assert len(context.items) == 3
        assert len(context.legend(3)) == 3


@pytest.mark.parametrize(("features", "intercept"), [(2, False), (2, True), (3, True)])
def test_data_sets_are_fitted_exactly(features: int, intercept: bool) -> None:
    for seed in range(25):
        data, truth = random_data_set(np.random.default_rng(seed), features, intercept, True)
        weights = fit_weights(data).answer
        assert weights == truth
        design = data.design_matrix()
        exact = sympy.Matrix(design.to_floats()).rank()
        assert exact == design.shape[0]
        assert design.times_vector(weights) == data.targets


def test_too_few_examples_are_refused() -> None:
    data = DataSet.of("houses", [[3, 1]], [210])
    with pytest.raises(NotSolvable, match="exactly 2 examples"):
        fit_weights(data)
    repeated = DataSet.of("houses", [[3, 1], [6, 2]], [210, 420])
    with pytest.raises(NotSolvable, match="do not pin the weights down"):
        fit_weights(repeated)
