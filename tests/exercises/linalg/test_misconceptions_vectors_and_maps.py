"""Beginner mistakes with vectors, matrices as maps, rank, substitution and fitting data:
each is named on hand-picked inputs, and its wrong answer, worked out a second way with
NumPy for many generated variants, is named when typed."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from tests.fixtures.mistakes import assert_verdict

from mlmath.answers import Verdict, compare, show
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # |u| = 3, |v| = 4, 60°: u·v = 6; the shadow 3 cos 60° = 1.5; cos 60° = 0.5
    (
        "linalg.geometric_dot_product",
        {"length_u": 3, "length_v": 4, "angle": 60},
        "1.5",
        "shadow_only",
    ),
    (
        "linalg.geometric_dot_product",
        {"length_u": 3, "length_v": 4, "angle": 60},
        "0.5",
        "cosine_only",
    ),
    # 120°: the shadow falls behind the origin, 5 cos 120° = −2.5 (u·v = −10)
    (
        "linalg.geometric_dot_product",
        {"length_u": 5, "length_v": 4, "angle": 120},
        "-2.5",
        "shadow_only",
    ),
    # [[2, −1], [1, 3]] (3, 1) = (5, 6); (2 + 3) + (−1 + 1) = 5, (1 + 3) + (3 + 1) = 8
    (
        "linalg.matrix_vector_product",
        {"matrix": [[2, -1], [1, 3]], "vector": [3, 1]},
        "(5, 8)",
        "added_entries",
    ),
    # (2 − 1)(3 + 1) = 4, (1 + 3)(3 + 1) = 16
    (
        "linalg.matrix_vector_product",
        {"matrix": [[2, -1], [1, 3]], "vector": [3, 1]},
        "(4, 16)",
        "multiplied_sums",
    ),
    # not square: row sums 3 and 1, v sums to 4
    (
        "linalg.matrix_vector_product",
        {"matrix": [[1, 0, 2], [-1, 3, -1]], "vector": [2, 1, 1]},
        "(7, 5)",
        "added_entries",
    ),
    # A J reverses the columns, J A the rows
    (
        "linalg.identity_matrix",
        {"matrix": [[6, 2], [4, 3]]},
        "[[2, 6], [3, 4]]",
        "other_diagonal",
    ),
    (
        "linalg.identity_matrix",
        {"matrix": [[1, 2, 3], [4, 5, 6]], "side": "left"},
        "[[4, 5, 6], [1, 2, 3]]",
        "other_diagonal",
    ),
    ("linalg.identity_matrix", {"matrix": [[6, 2], [4, 3]]}, "[[7, 2], [4, 4]]", "added_identity"),
    # T(3, 2) = 3(2, 0) + 2(1, 1) = (8, 2); 2(2, 0) + 3(1, 1) = (7, 3)
    (
        "linalg.transformation_image",
        {"matrix": [[2, 1], [0, 1]], "vector": [3, 2]},
        "(7, 3)",
        "weights_reversed",
    ),
    # the quarter turn: the steps (−1, 1) and (−1, −1) as columns
    (
        "linalg.transformation_matrix",
        {"images": [[0, 1], [-1, 0]]},
        "[[-1, -1], [1, -1]]",
        "moves_not_images",
    ),
    # row 3 = row 1 + row 2: one zero row, rank 2
    (
        "linalg.rank",
        {"matrix": [[1, 0, 1], [0, 1, 1], [1, 1, 2]]},
        "1",
        "counted_zero_rows",
    ),
    ("linalg.rank", {"matrix": [[1, 2, 3], [2, 4, 7]]}, "0", "counted_zero_rows"),
    ("linalg.rank", {"matrix": [[1, 2, 3], [2, 4, 7]]}, "3", "counted_columns"),
    ("linalg.rank", {"matrix": [[1, 2, 3], [2, 4, 6]]}, "3", "counted_columns"),
    # x = 5 − 2y into 3x − y = 1: 15 − 7y = 1 → −7y = 1 + 15 (y = −16/7, x = 67/7)
    (
        "linalg.solve_by_substitution",
        {"matrix": [[1, 2], [3, -1]], "rhs": [5, 1]},
        "x = 67/7, y = -16/7",
        "constant_kept_its_sign",
    ),
    # 3(5 − 2y) written 5 − 6y: 5 − 7y = 1, y = 4/7, x = 27/7
    (
        "linalg.solve_by_substitution",
        {"matrix": [[1, 2], [3, -1]], "rhs": [5, 1]},
        "x = 27/7, y = 4/7",
        "constant_not_multiplied",
    ),
    # y = 4x − 10 into 2x + 3y = 12: 14x − 30 = 12 written 14x = 12 − 30
    (
        "linalg.solve_by_substitution",
        {"matrix": [[2, 3], [4, -1]], "rhs": [12, 10]},
        "x = -9/7, y = -106/7",
        "constant_kept_its_sign",
    ),
    # flats: keeping 260 gives −2/5 w2 = 260, w2 = −650, w1 = (330 + 1950)/100
    (
        "linalg.system_from_data",
        {"domain": "houses", "features": [[100, 3], [80, 2]], "targets": [330, 260]},
        "(22.8, -650)",
        "targets_not_subtracted",
    ),
    # −2/5 w2 = −4 left as w2 = −4, then 100 w1 = 342 left as w1 = 342
    (
        "linalg.system_from_data",
        {"domain": "houses", "features": [[100, 3], [80, 2]], "targets": [330, 260]},
        "(342, -4)",
        "weight_not_divided",
    ),
    (
        "linalg.system_from_data",
        {
            "domain": "deliveries",
            "features": [[2, 1], [4, 1], [3, 2]],
            "targets": [14, 20, 22],
            "intercept": "yes",
        },
        "(17, 2, -22)",
        "targets_not_subtracted",
    ),
]


@pytest.mark.parametrize(
    ("skill_id", "raw", "response", "misconception"),
    CASES,
    ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)],
)
def test_a_beginner_mistake_is_named(
    skill_id: str, raw: dict[str, Any], response: str, misconception: str
) -> None:
    assert_verdict(get(skill_id), raw, response, misconception)


def test_a_mistake_is_returned_only_where_it_applies() -> None:
    identity = get("linalg.identity_matrix")
    wide = identity.read_inputs({"matrix": [[1, 2, 3], [4, 5, 6]]})
    assert "added_identity" not in identity.buggy_answers(wide)  # A + I is not defined
    rank = get("linalg.rank")
    square = rank.read_inputs({"matrix": [[1, 2], [2, 4]]})
    assert "counted_columns" not in rank.buggy_answers(square)  # the same as counting rows
    maps = get("linalg.transformation_matrix")
    plane_into_space = maps.read_inputs({"images": [[1, 0, 2], [0, 1, -1]]})
    assert "moves_not_images" not in maps.buggy_answers(plane_into_space)
    substitution = get("linalg.solve_by_substitution")
    no_number = substitution.read_inputs({"matrix": [[1, 2], [3, -1]], "rhs": [0, 7]})
    assert "constant_kept_its_sign" not in substitution.buggy_answers(no_number)


# --- the wrong answers a second way, with NumPy -------------------------------------------


def array(m: Matrix | Vector) -> np.ndarray:
    if isinstance(m, Vector):
        return np.array([float(x) for x in m.entries])
    return np.array([[float(x) for x in row] for row in m.rows])


def exact(x: float) -> Fraction:
    """The simplest fraction within rounding error of a NumPy float."""
    for largest in (10**2, 10**3, 10**4, 10**5, 10**6):
        fraction = Fraction(float(x)).limit_denominator(largest)
        if abs(float(fraction) - float(x)) <= 1e-9 * max(1.0, abs(float(x))):
            return fraction
    return Fraction(float(x))


def vector(values: Any) -> Vector:
    return Vector(tuple(exact(x) for x in values))


def matrix(values: np.ndarray) -> Matrix:
    return Matrix(tuple(tuple(exact(x) for x in row) for row in values))


def shadow_only(p: Params) -> Any:
    return float(p["length_u"]) * np.cos(np.radians(p["angle"]))


def cosine_only(p: Params) -> Any:
    return np.cos(np.radians(p["angle"]))


def added_entries(p: Params) -> Any:
    a, v = array(p["matrix"]), array(p["vector"])
    return vector((a + v).sum(axis=1))  # (aᵢ₁ + v₁) + (aᵢ₂ + v₂) + …


def multiplied_sums(p: Params) -> Any:
    a, v = array(p["matrix"]), array(p["vector"])
    return vector(a.sum(axis=1) * v.sum())


def other_diagonal(p: Params) -> Any:
    a = array(p["matrix"])
    if p["side"] == "right":
        return matrix(a @ np.fliplr(np.eye(a.shape[1])))
    return matrix(np.fliplr(np.eye(a.shape[0])) @ a)


def added_identity(p: Params) -> Any:
    a = array(p["matrix"])
    return matrix(a + np.eye(a.shape[0])) if a.shape[0] == a.shape[1] else None


def weights_reversed(p: Params) -> Any:
    return vector(array(p["matrix"]) @ array(p["vector"])[::-1])


def moves_not_images(p: Params) -> Any:
    columns = np.column_stack([array(v) for v in p["images"]])
    n, k = columns.shape
    return matrix(columns - np.eye(n)) if n == k else None


def counted_zero_rows(p: Params) -> Any:
    a = array(p["matrix"])
    return exact(a.shape[0] - np.linalg.matrix_rank(a))


def counted_columns(p: Params) -> Any:
    a = array(p["matrix"])
    return exact(a.shape[1]) if a.shape[0] != a.shape[1] else None


def substituted(p: Params, slip: str) -> Any:
    """Isolate the first unknown with coefficient ±1, put it into the other equations with
    ``slip``, solve the rest with NumPy and substitute back."""
    a, b = array(p["matrix"]), array(p["rhs"])
    n = a.shape[1]
    found = next(((i, j) for i in range(len(a)) for j in range(n) if abs(a[i, j]) == 1), None)
    if found is None:
        return None
    i, j = found
    constant = b[i] / a[i, j]
    coefficients = -a[i] / a[i, j]  # x_j = constant + Σ coefficients[k] x_k (k ≠ j)
    coefficients[j] = 0
    if constant == 0:
        return None
    rows, rights = [], []
    for r in range(len(a)):
        if r == i:
            continue
        c = a[r, j]
        left = a[r] + c * coefficients
        left[j] = 0
        right = b[r] - c * constant
        if slip == "constant_kept_its_sign":
            right = b[r] + c * constant
        elif slip == "constant_not_multiplied" and c != 0:
            right = b[r] - constant
        rows.append(np.delete(left, j))
        rights.append(right)
    try:
        rest = np.linalg.solve(np.array(rows), np.array(rights))
    except np.linalg.LinAlgError:
        return None
    values = np.insert(rest, j, 0.0)
    values[j] = constant + coefficients @ values
    return SolutionSet(p["variables"], vector(values))


def eliminated(p: Params, slip: str) -> Any:
    """Elimination with the first non-zero pivot of each column, then back substitution,
    with ``slip``: the targets left alone, or no division by the pivots."""
    a = array(p["features"])
    if p["intercept"] == "yes":
        a = np.column_stack([a, np.ones(len(a))])
    m = np.column_stack([a, array(p["targets"])])
    n = a.shape[1]
    pivots = []
    for column in range(n):
        row = len(pivots)
        below = [r for r in range(row, len(m)) if abs(m[r, column]) > 1e-12]
        if not below:
            continue
        m[[row, below[0]]] = m[[below[0], row]]
        for r in range(row + 1, len(m)):
            factor = m[r, column] / m[row, column]
            keep = m[r, n]
            m[r] -= factor * m[row]
            if slip == "targets_not_subtracted":
                m[r, n] = keep
        pivots.append((row, column))
    if len(pivots) != n:
        return None
    values = np.zeros(n)
    for row, column in reversed(pivots):
        right = m[row, n] - m[row, column + 1 : n] @ values[column + 1 :]
        values[column] = right if slip == "weight_not_divided" else right / m[row, column]
    return vector(values)


def with_variables(p: Params) -> Params:
    return {**p, "variables": get("linalg.solve_by_substitution").answer(p).variables}


SECOND_WAY: list[tuple[str, str, Callable[[Params], Any]]] = [
    ("linalg.geometric_dot_product", "shadow_only", shadow_only),
    ("linalg.geometric_dot_product", "cosine_only", cosine_only),
    ("linalg.matrix_vector_product", "added_entries", added_entries),
    ("linalg.matrix_vector_product", "multiplied_sums", multiplied_sums),
    ("linalg.identity_matrix", "other_diagonal", other_diagonal),
    ("linalg.identity_matrix", "added_identity", added_identity),
    ("linalg.transformation_image", "weights_reversed", weights_reversed),
    ("linalg.transformation_matrix", "moves_not_images", moves_not_images),
    ("linalg.rank", "counted_zero_rows", counted_zero_rows),
    ("linalg.rank", "counted_columns", counted_columns),
    (
        "linalg.solve_by_substitution",
        "constant_kept_its_sign",
        lambda p: substituted(with_variables(p), "constant_kept_its_sign"),
    ),
    (
        "linalg.solve_by_substitution",
        "constant_not_multiplied",
        lambda p: substituted(with_variables(p), "constant_not_multiplied"),
    ),
    (
        "linalg.system_from_data",
        "targets_not_subtracted",
        lambda p: eliminated(p, "targets_not_subtracted"),
    ),
    (
        "linalg.system_from_data",
        "weight_not_divided",
        lambda p: eliminated(p, "weight_not_divided"),
    ),
]


@pytest.mark.parametrize(
    ("skill_id", "misconception", "second_way"),
    SECOND_WAY,
    ids=[f"{s}-{m}" for s, m, _ in SECOND_WAY],
)
def test_the_wrong_answer_worked_out_with_numpy_is_named(
    skill_id: str, misconception: str, second_way: Callable[[Params], Any]
) -> None:
    """Over generated variants of every level: where the mistake gives a wrong answer that
    no other named mistake gives, typing the NumPy value gets this mistake's name."""
    skill = get(skill_id)
    named = 0
    for level in range(1, skill.levels + 1):
        for seed in range(25):
            params = skill.variant(seed, level).params
            wrong = second_way(params)
            if wrong is None:
                continue
            fmt = skill.answer_format(params)
            if compare(skill.answer(params), wrong, fmt) is Verdict.EQUAL:
                continue  # this variant does not tell the mistake apart
            buggy = skill.buggy_answers(params)
            assert compare(buggy[misconception], wrong, fmt) is Verdict.EQUAL, (seed, level)
            earlier = list(buggy)[: list(buggy).index(misconception)]
            if any(compare(buggy[m], wrong, fmt) is Verdict.EQUAL for m in earlier):
                continue  # an earlier mistake gives the same answer and is named first
            feedback = skill.grade(params, show(wrong, fmt))
            assert feedback.verdict == "incorrect", (seed, level, feedback)
            assert feedback.misconception is not None, (seed, level)
            assert feedback.misconception.id == misconception, (seed, level, feedback)
            named += 1
    assert named >= 10, f"{misconception} was named on only {named} variants"
