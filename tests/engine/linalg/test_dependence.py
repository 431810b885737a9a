"""Dependence: the combination found really reproduces the row; verdicts agree with rank."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.dependence import LinearRelation, linear_dependence
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.linalg.singularity import classify_singularity
from mlmath.engine.solution import NotSolvable

from .test_determinant import square_matrices


@st.composite
def vector_lists(draw: st.DrawFn) -> list[Vector]:
    length = draw(st.integers(1, 5))
    count = draw(st.integers(1, 5))
    vectors = [
        draw(st.lists(st.integers(-5, 5), min_size=length, max_size=length)) for _ in range(count)
    ]
    if count > 2 and draw(st.booleans()):
        a, b = draw(st.integers(-3, 3)), draw(st.integers(-3, 3))
        vectors[-1] = [a * x + b * y for x, y in zip(vectors[0], vectors[1], strict=True)]
    return [Vector.of(v) for v in vectors]


@settings(max_examples=200, deadline=None)
@given(vector_lists())
def test_the_combination_reproduces_the_row(vectors: list[Vector]) -> None:
    result = linear_dependence(vectors).answer
    independent = rank_of(Matrix.from_columns(vectors)) == len(vectors)
    assert result.dependent is not independent
    if result.relation is not None:
        assert result.relation.holds_for(vectors)
        assert result.relation.coefficients[result.relation.target] == 0
        # only earlier vectors are used
        assert all(c == 0 for c in result.relation.coefficients[result.relation.target :])


@settings(max_examples=150, deadline=None)
@given(square_matrices())
def test_singularity_agrees_with_rank_and_determinant(matrix: Matrix) -> None:
    verdict = classify_singularity(matrix).answer
    n = matrix.shape[0]
    assert verdict.singular is (rank_of(matrix) < n)
    assert verdict.determinant == determinant(matrix)
    if verdict.singular:
        assert verdict.relation is not None
        assert verdict.relation.holds_for([matrix.row(i) for i in range(n)])
    else:
        assert verdict.relation is None


@pytest.mark.parametrize(
    ("relation", "text"),
    [
        (LinearRelation(2, (2, -1, 0)), "row 3 = 2·row 1 - row 2"),  # type: ignore[arg-type]
        (LinearRelation(1, (0, 0)), "row 2 = 0"),  # type: ignore[arg-type]
        (LinearRelation(2, (-1, 3, 0), "v"), "v3 = -v1 + 3·v2"),  # type: ignore[arg-type]
    ],
)
def test_relations_read_as_a_learner_writes_them(relation: LinearRelation, text: str) -> None:
    assert relation.text() == text


def test_a_dependence_is_explained_then_checked() -> None:
    rows = [Vector.of([1, 1]), Vector.of([3, 3])]
    solution = linear_dependence(rows)
    assert solution.answer.relation is not None
    assert solution.answer.relation.text() == "row 2 = 3·row 1"
    assert solution.steps[-2].rule.startswith("Check")


def test_independence_is_proved_by_pivots() -> None:
    solution = linear_dependence([Vector.of([1, 0, 0]), Vector.of([1, 1, 0])])
    assert not solution.answer.dependent
    assert "Every column has a pivot" in solution.steps[-1].rule


def test_vectors_of_different_lengths_are_refused() -> None:
    with pytest.raises(NotSolvable, match="same number of entries"):
        linear_dependence([Vector.of([1, 2]), Vector.of([1, 2, 3])])


def test_singularity_needs_a_square_matrix() -> None:
    with pytest.raises(NotSolvable, match="square"):
        classify_singularity(Matrix.of([[1, 2, 3], [2, 4, 6]]))
