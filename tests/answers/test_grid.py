"""VECTOR and MATRIX answers: layouts, entries, shapes, and comparison against NumPy."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlmath.answers import AnswerError, AnswerFormat, Kind, TooLarge, Verdict, compare, parse, show
from mlmath.engine.exact import Matrix, Vector

VECTOR = AnswerFormat(Kind.VECTOR)
VECTOR3 = AnswerFormat(Kind.VECTOR, shape=(3,))
MATRIX = AnswerFormat(Kind.MATRIX)
MATRIX22 = AnswerFormat(Kind.MATRIX, shape=(2, 2))
EIGENVECTOR = AnswerFormat(Kind.VECTOR, up_to_scale=True)


@pytest.mark.parametrize(
    "typed",
    [
        "(1, 2, 3)",
        "[1, 2, 3]",
        "1 2 3",
        "1, 2, 3",
        "1,2,3",
        "  ( 1 ,2 , 3 ) ",
        "[1; 2; 3]",
        "1\n2\n3",
        "[1]\n[2]\n[3]",
        "[[1], [2], [3]]",
        "(1, 2, 3)^T",
        "(1, 2, 3)ᵀ",
        "[1 2 3]'",
        "(1, 4/2, 3.0)",
        "(1, sqrt(4), 6/2)",
        "(１, ２, ３)",
        "1 +2 3",
    ],
)
def test_vectors_in_every_layout(typed: str) -> None:
    read = parse(typed, VECTOR3)
    assert read == Vector.of([1, 2, 3])


@pytest.mark.parametrize(
    ("typed", "entries"),
    [
        ("1 -2 3", [1, -2, 3]),
        ("1 - 2 3", [-1, 3]),
        ("1 -2", [1, -2]),
        ("-1/2 3/4", [Fraction(-1, 2), Fraction(3, 4)]),
        ("(1/2, -0.25)", [Fraction(1, 2), Fraction(-1, 4)]),
        ("2.5e-3 1", [Fraction(1, 400), 1]),
    ],
)
def test_spaces_separate_entries_unless_next_to_an_operator(
    typed: str, entries: list[Fraction]
) -> None:
    assert parse(typed, VECTOR) == Vector.of(entries)


def test_irrational_entries_give_a_float_array() -> None:
    read = parse("(sqrt(2)/2, 1/2)", VECTOR)
    assert isinstance(read, np.ndarray)
    assert read.tolist() == pytest.approx([math.sqrt(2) / 2, 0.5])


@pytest.mark.parametrize(
    "typed",
    [
        "[[1,2],[3,4]]",
        "[[1, 2], [3, 4]]",
        "[(1, 2), (3, 4)]",
        "((1, 2), (3, 4))",
        "1 2; 3 4",
        "1 2;3 4;",
        "[1 2; 3 4]",
        "[1, 2; 3, 4]",
        "1 2\n3 4",
        "  1   2  \n\n  3   4  ",
        "1, 2\n3, 4",
        "[1 2]\n[3 4]",
        "[[1 2] [3 4]]",
        "⎡1  2⎤\n⎣3  4⎦",
        "[1 3; 2 4]^T",
        "[2/2 4/2; 0.3e1 sqrt(16)]",
    ],
)
def test_matrices_in_every_layout(typed: str) -> None:
    assert parse(typed, MATRIX22) == Matrix.of([[1, 2], [3, 4]])


@pytest.mark.parametrize(
    ("typed", "fmt", "message"),
    [
        ("(1, 2)", VECTOR3, "Expected a vector with 3 entries, got 2"),
        ("1 2; 3 4", VECTOR, "A vector is one row or one column"),
        ("1 2 3; 4 5 6", MATRIX22, "Expected a 2×2 matrix, got 2×3"),
        ("1 2; 3 4 5", MATRIX, "Row 2 has 3 entries, row 1 has 2"),
        ("1 2; 3", MATRIX, "Row 2 has 1 entry, row 1 has 2"),
        ("(1,, 2)", VECTOR, "An entry is missing between two commas"),
        ("(1, 2,)", VECTOR, "An entry is missing at the end"),
        ("", VECTOR, "empty"),
        ("()", VECTOR, "empty"),
        ("(1, x)", VECTOR, "'x' cannot be read as a number"),
        ("(1, 2", VECTOR, "never closed"),
        ("(1, 1/0)", VECTOR, "no real value"),
        ("[1 2; 3 4]]", MATRIX, "without a matching"),
        ("1 2 3 %", VECTOR, "Percent signs are not accepted"),
    ],
)
def test_shape_and_entry_messages(typed: str, fmt: AnswerFormat, message: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse(typed, fmt)
    assert message in caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        " ".join(["1"] * 11),
        "; ".join(["1"] * 11),
        "[" + ", ".join(["[" + ", ".join(["1"] * 11) + "]"] * 11) + "]",
        "\n".join([" ".join(["1"] * 30)] * 30),
    ],
)
def test_oversized_grids_are_too_large(typed: str) -> None:
    with pytest.raises(TooLarge):
        parse(typed, MATRIX)


def test_a_thousand_by_thousand_matrix_is_rejected_by_length() -> None:
    with pytest.raises(TooLarge):
        parse("\n".join([" ".join(["1"] * 1000)] * 1000), MATRIX)


@pytest.mark.parametrize(
    ("expected", "typed", "verdict"),
    [
        (Vector.of([1, 2]), "(2, 4)", Verdict.EQUAL),
        (Vector.of([1, 2]), "(-1/2, -1)", Verdict.EQUAL),
        (Vector.of([1, 2]), "(0, 0)", Verdict.DIFFERENT),
        (Vector.of([1, 2]), "(1, 3)", Verdict.DIFFERENT),
        (Vector.of([0, 1]), "(0, -5)", Verdict.EQUAL),
        (Vector.of([0, 1]), "(1, 0)", Verdict.DIFFERENT),
        (Vector.of([1, 2]), "(sqrt(2), 2sqrt(2))", Verdict.EQUAL),
        (np.array([0.6, 0.8]), "(3, 4)", Verdict.EQUAL),
        (np.array([0.6, 0.8]), "(3, 5)", Verdict.DIFFERENT),
    ],
)
def test_eigenvectors_are_equal_at_any_non_zero_scale(
    expected: object, typed: str, verdict: Verdict
) -> None:
    assert compare(expected, parse(typed, EIGENVECTOR), EIGENVECTOR) is verdict


@pytest.mark.parametrize(
    ("expected", "typed", "fmt", "verdict"),
    [
        (Vector.of([1, 2]), "(1, 2, 0)", VECTOR, Verdict.DIFFERENT),
        (Vector.of([1, 2]), "(2, 1)", VECTOR, Verdict.DIFFERENT),
        (Matrix.of([[1, 2], [3, 4]]), "1 3; 2 4", MATRIX, Verdict.DIFFERENT),
        (Matrix.of([[1, 2], [3, 4]]), "1 2", MATRIX, Verdict.DIFFERENT),
        (np.array([[0.5, 1.0]]), "1/2 1", MATRIX, Verdict.EQUAL),
        ([[Fraction(1, 3)]], "0.33", AnswerFormat(Kind.MATRIX, decimals=2), Verdict.EQUAL),
        ([Fraction(1, 3), 1], "(0.333, 1)", VECTOR, Verdict.DIFFERENT),
    ],
)
def test_entrywise_comparison_checks_shape(
    expected: object, typed: str, fmt: AnswerFormat, verdict: Verdict
) -> None:
    assert compare(expected, parse(typed, fmt), fmt) is verdict


small_fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=50)


@given(st.integers(1, 6).flatmap(lambda n: st.lists(small_fractions, min_size=n, max_size=n)))
def test_vectors_round_trip(entries: list[Fraction]) -> None:
    vector = Vector.of(entries)
    assert parse(show(vector, VECTOR), VECTOR) == vector


@given(
    st.tuples(st.integers(1, 5), st.integers(1, 5)).flatmap(
        lambda shape: st.lists(
            st.lists(small_fractions, min_size=shape[1], max_size=shape[1]),
            min_size=shape[0],
            max_size=shape[0],
        )
    )
)
def test_matrices_round_trip_and_agree_with_numpy(rows: list[list[Fraction]]) -> None:
    matrix = Matrix.of(rows)
    read = parse(show(matrix, MATRIX), MATRIX)
    assert read == matrix
    as_array = np.array([[float(v) for v in row] for row in rows])
    assert compare(as_array, read, MATRIX) is Verdict.EQUAL
    grid = "\n".join(" ".join(str(v) for v in row) for row in rows)
    assert compare(as_array, parse(grid, MATRIX), MATRIX) is Verdict.EQUAL


@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=6),
)
def test_float_vectors_round_trip(entries: list[float]) -> None:
    array = np.array(entries)
    assert compare(array, parse(show(array, VECTOR), VECTOR), VECTOR) is Verdict.EQUAL


@given(
    st.lists(st.integers(-20, 20), min_size=2, max_size=5).filter(any),
    st.fractions(min_value=-10, max_value=10, max_denominator=7).filter(bool),
)
def test_any_non_zero_multiple_is_the_same_eigenvector(
    entries: list[int], factor: Fraction
) -> None:
    vector = Vector.of(entries)
    scaled = vector.scale(factor)
    assert compare(vector, parse(show(scaled, VECTOR), EIGENVECTOR), EIGENVECTOR) is Verdict.EQUAL
