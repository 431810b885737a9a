"""The newer named mistakes of the characteristic polynomial, span and eigenbasis skills:
hand-picked inputs, each typed wrong answer diagnosed by name; and, over generated
variants, each mistake's wrong answer worked out a second way with NumPy or SymPy and
named when typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import sympy as sp
from tests.fixtures.mistakes import assert_verdict

from mlmath.answers import Verdict, compare
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

A = [[4, 1], [2, 3]]
"""The lessons' matrix: p(λ) = λ² − 7λ + 10, eigenvalues 2 and 5, P = [[1, 1], [−2, 1]]."""

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # (4 − λ)(3 − λ) − (1 − λ)(2 − λ) = 10 − 4λ
    ("linalg.characteristic_polynomial", {"matrix": A}, "10 - 4λ", "lambda_in_every_entry"),
    ("linalg.characteristic_polynomial", {"matrix": A}, "-4lambda+10", "lambda_in_every_entry"),
    # det(A − λ·ones) of a 3×3 is a line too: here 8 − 8λ
    (
        "linalg.characteristic_polynomial",
        {"matrix": [[1, 2, 0], [0, 1, 3], [1, 0, 2]]},
        "8 - 8λ",
        "lambda_in_every_entry",
    ),
    # 12 + λ² − 2, the −7λ left out
    ("linalg.characteristic_polynomial", {"matrix": A}, "λ^2 + 10", "middle_terms_dropped"),
    ("linalg.characteristic_polynomial", {"matrix": A}, "10 + lambda^2", "middle_terms_dropped"),
    # 12 − 7λ − λ² − 2
    (
        "linalg.characteristic_polynomial",
        {"matrix": A},
        "-λ^2 - 7λ + 10",
        "lambda_squared_sign",
    ),
    # w = −2v: on the line of v, pointing the other way
    (
        "linalg.span_membership",
        {"vectors": [[1, 2]], "target": [-2, -4]},
        "no",
        "negative_multiple",
    ),
    (
        "linalg.span_membership",
        {"vectors": [[1, 2, 0], [0, 1, 1]], "target": [-2, -4, 0]},
        "no",
        "negative_multiple",
    ),
    # c = 3 from the first entry, but 3·(1, 2) = (3, 6)
    (
        "linalg.span_membership",
        {"vectors": [[1, 2]], "target": [3, 4]},
        "yes",
        "unchecked_entry",
    ),
    # c₁ = 2, c₂ = 1 from the first two entries, but the third comes out 1, not 2
    (
        "linalg.span_membership",
        {"vectors": [[1, 2, 0], [0, 1, 1]], "target": [2, 5, 2]},
        "yes",
        "unchecked_entry",
    ),
    # v₂ = 2v₁ from 2v₁ + v₂ = 0 and v₂ = −v₁ from −v₁ + v₂ = 0
    ("linalg.find_eigenbasis", {"matrix": A}, "[[1, 1], [2, -1]]", "signs_lost"),
    # the same two wrong vectors, scaled and in the other order
    ("linalg.find_eigenbasis", {"matrix": A}, "[[-1, 1/2], [1, 1]]", "signs_lost"),
    # λ = 1: (0, 0, 1) has no pivot entry to lose; λ = 2: (1, −1, 1); λ = 3: (0, 2, −1)
    (
        "linalg.find_eigenbasis",
        {"matrix": [[2, 0, 0], [1, 3, 0], [0, 1, 1]]},
        "[[0, 1, 0], [0, -1, 2], [1, 1, -1]]",
        "signs_lost",
    ),
    # (1, −2) written as (−2, 1), (1, 1) as itself
    ("linalg.find_eigenbasis", {"matrix": A}, "[[-2, 1], [1, 1]]", "swapped_entries"),
    ("linalg.find_eigenbasis", {"matrix": A}, "[[2, 2], [2, -1]]", "swapped_entries"),
]


@pytest.mark.parametrize(
    ("skill_id", "raw", "response", "misconception"),
    CASES,
    ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)],
)
def test_a_beginner_mistake_is_named(
    skill_id: str, raw: dict[str, Any], response: str, misconception: str
) -> None:
    feedback = assert_verdict(get(skill_id), raw, response, misconception)
    assert feedback.misconception is not None
    assert feedback.misconception.name in feedback.message


def test_the_last_entry_that_fails_is_shown() -> None:
    skill = get("linalg.span_membership")
    params = skill.read_inputs({"vectors": [[1, 2, 0], [0, 1, 1]], "target": [2, 5, 2]})
    message = skill.grade(params, "yes").message
    assert "c1 = 2, c2 = 1 fit the first 2 entries of w" in message
    assert "= (2, 5, 1), not w = (2, 5, 2)" in message


def test_a_mistake_is_offered_only_where_it_applies() -> None:
    polynomial = get("linalg.characteristic_polynomial")
    three = polynomial.read_inputs({"matrix": [[1, 2, 0], [0, 1, 3], [1, 0, 2]]})
    assert "middle_terms_dropped" not in polynomial.buggy_answers(three)
    assert "lambda_squared_sign" not in polynomial.buggy_answers(three)
    span = get("linalg.span_membership")
    # c = 3/2 from the first entry: no whole-number weights to stop at
    halves = span.read_inputs({"vectors": [[2, 1]], "target": [3, 4]})
    assert set(span.buggy_answers(halves)) == {"few_vectors_fill_space"}
    # a positive multiple keeps its own name
    twice = span.read_inputs({"vectors": [[1, 2]], "target": [2, 4]})
    assert set(span.buggy_answers(twice)) == {"multiple_is_in_span"}
    basis = get("linalg.find_eigenbasis")
    # swapping (1, 1) and (1, −1) gives eigenvectors again
    symmetric = basis.read_inputs({"matrix": [[2, 1], [1, 2]]})
    assert "swapped_entries" not in basis.buggy_answers(symmetric)
    three_by_three = basis.read_inputs({"matrix": [[2, 0, 0], [1, 3, 0], [0, 1, 1]]})
    assert "swapped_entries" not in basis.buggy_answers(three_by_three)


# --- the wrong answers a second way, with NumPy and SymPy ---------------------------------

LAMBDA = sp.Symbol("lambda")


def _sympy_matrix(value: Any) -> sp.Matrix:
    return sp.Matrix([[sp.Rational(x.numerator, x.denominator) for x in row] for row in value.rows])


def _polynomial_text(expression: sp.Expr) -> str:
    return str(sp.expand(expression)).replace("**", "^")


def _matrix_text(columns: list[sp.Matrix]) -> str:
    rows = sp.Matrix.hstack(*columns).tolist()
    return "[" + ", ".join("[" + ", ".join(str(x) for x in row) + "]" for row in rows) + "]"


def _lambda_in_every_entry(p: Params) -> str | None:
    a = _sympy_matrix(p["matrix"])
    return _polynomial_text((a - LAMBDA * sp.ones(*a.shape)).det())


def _middle_terms_dropped(p: Params) -> str | None:
    a = p["matrix"].to_floats()
    if len(a) != 2:
        return None
    coefficients = np.poly(np.array(a))  # λ² − (a + d)λ + det A
    return f"lambda^2 + ({round(coefficients[2])})"


def _lambda_squared_sign(p: Params) -> str | None:
    a = p["matrix"].to_floats()
    if len(a) != 2:
        return None
    _, middle, constant = (round(c) for c in np.poly(np.array(a)))
    return f"-lambda^2 + ({middle})*lambda + ({constant})"


def _columns(p: Params) -> tuple[np.ndarray, np.ndarray]:
    vectors = np.array([v.to_floats() for v in p["vectors"]]).T
    return vectors, np.array(p["target"].to_floats())


def _in_span(vectors: np.ndarray, w: np.ndarray) -> bool:
    rank = np.linalg.matrix_rank
    return bool(rank(np.column_stack([vectors, w])) == rank(vectors))


def _negative_multiple(p: Params) -> str | None:
    vectors, w = _columns(p)
    for v in vectors.T:
        c = (w @ v) / (v @ v)
        if c < 0 and np.allclose(c * v, w):
            return "no"
    return None


def _unchecked_entry(p: Params) -> str | None:
    vectors, w = _columns(p)
    k = vectors.shape[1]
    if k != len(w) - 1 or _in_span(vectors, w) or np.isclose(np.linalg.det(vectors[:k]), 0):
        return None
    weights = np.linalg.solve(vectors[:k], w[:k])
    return "yes" if np.allclose(weights, np.round(weights)) else None


def _signs_lost(p: Params) -> str | None:
    """Each eigenvector with its pivot entries negated (SymPy's rref and null space),
    written with columns in reverse order and scaled by −2: named at any scale and order."""
    a = _sympy_matrix(p["matrix"])
    columns: list[sp.Matrix] = []
    for value, _, _ in a.eigenvects():
        shifted = a - value * sp.eye(a.rows)
        _, pivots = shifted.rref()
        for v in shifted.nullspace():
            columns.append(-2 * sp.Matrix([-x if i in pivots else x for i, x in enumerate(v)]))
    return _matrix_text(columns[::-1]) if len(columns) == a.rows else None


def _swapped_entries(p: Params) -> str | None:
    """NumPy's eigenvectors with their two entries swapped, scaled to whole numbers (the
    variants' eigenvectors have small whole-number directions)."""
    a = np.array(p["matrix"].to_floats())
    if a.shape != (2, 2):
        return None
    _, vectors = np.linalg.eig(a)
    columns = []
    for eigenvector in np.real(vectors).T:
        # largest entry 1, then the two entries swapped
        v = eigenvector[::-1] / eigenvector[np.argmax(np.abs(eigenvector))]
        for scale in range(1, 13):
            if np.allclose(scale * v, np.round(scale * v)):
                columns.append(sp.Matrix([round(x) for x in 3 * scale * v]))
                break
        else:
            return None
    return _matrix_text(columns)


SECOND_WAY: list[tuple[str, str, Callable[[Params], str | None]]] = [
    ("linalg.characteristic_polynomial", "lambda_in_every_entry", _lambda_in_every_entry),
    ("linalg.characteristic_polynomial", "middle_terms_dropped", _middle_terms_dropped),
    ("linalg.characteristic_polynomial", "lambda_squared_sign", _lambda_squared_sign),
    ("linalg.span_membership", "negative_multiple", _negative_multiple),
    ("linalg.span_membership", "unchecked_entry", _unchecked_entry),
    ("linalg.find_eigenbasis", "signs_lost", _signs_lost),
    ("linalg.find_eigenbasis", "swapped_entries", _swapped_entries),
]


@pytest.mark.parametrize(
    ("skill_id", "misconception", "wrong_answer"),
    SECOND_WAY,
    ids=[f"{s}-{m}" for s, m, _ in SECOND_WAY],
)
def test_the_wrong_answer_worked_out_a_second_way_is_named(
    skill_id: str, misconception: str, wrong_answer: Callable[[Params], str | None]
) -> None:
    """Over 40 seeds at each level: the wrong answer worked out with NumPy or SymPy, typed,
    is named as this misconception wherever the skill offers it — unless it is right for
    the variant, or another named mistake (listed first) gives the same answer there."""
    skill = get(skill_id)
    named = 0
    for level in range(1, skill.levels + 1):
        for seed in range(40):
            params = skill.variant(seed, level).params
            typed = wrong_answer(params)
            if typed is None or misconception not in skill.buggy_answers(params):
                continue  # the mistake does not apply here
            feedback = skill.grade(params, typed)
            if feedback.verdict == "correct":
                continue  # the mistake gives the right answer here
            assert feedback.verdict == "incorrect", (seed, level, typed, feedback)
            assert feedback.misconception is not None, (seed, level, typed)
            if feedback.misconception.id != misconception:
                fmt = skill.answer_format(params)
                earlier = skill.buggy_answers(params)[feedback.misconception.id]
                assert compare(earlier, skill.buggy_answers(params)[misconception], fmt) in (
                    Verdict.EQUAL,
                    Verdict.INCOMPLETE,
                ), (seed, level, typed, feedback.misconception.id)
                continue
            named += 1
    assert named >= 5, f"{misconception} was named only {named} times"


def test_every_named_variant_of_the_span_mistakes_agrees_with_numpy() -> None:
    """The other way round: wherever the skill offers one of the two span mistakes, NumPy
    finds the same situation (a negative multiple; weights from the top that miss)."""
    skill = get("linalg.span_membership")
    for level in range(1, skill.levels + 1):
        for seed in range(40):
            params = skill.variant(seed, level).params
            buggy = skill.buggy_answers(params)
            if "negative_multiple" in buggy:
                assert _negative_multiple(params) == "no", (seed, level)
            if "unchecked_entry" in buggy:
                assert _unchecked_entry(params) == "yes", (seed, level)
