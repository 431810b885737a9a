"""The newer named mistakes of the eigenvalue and determinant skills: hand-picked inputs,
each typed wrong answer diagnosed by name; and, over generated variants, each mistake's
wrong answer worked out a second way with NumPy and named when typed."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from tests.fixtures.mistakes import assert_verdict

from mlmath.answers import Verdict, compare
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # b1 = (1, 0), b2 = (1, 1), w = (3, 1): right (2, 1)
    (
        "linalg.basis_coordinates",
        {"basis": [[1, 0], [1, 1]], "vector": [3, 1]},
        "(3, -2)",
        "basis_as_rows",
    ),
    (
        "linalg.basis_coordinates",
        {"basis": [[1, 0], [1, 1]], "vector": [3, 1]},
        "(3, 2)",
        "projected_onto_each",
    ),
    # [[4, 1], [2, 3]]: eigenvalues 2 and 5, trace 7, det 10
    ("linalg.eigenvalues", {"matrix": [[4, 1], [2, 3]]}, "(7, 10)", "trace_and_determinant"),
    ("linalg.eigenvalues", {"matrix": [[4, 1], [2, 3]]}, "10, 7", "trace_and_determinant"),
    # [[7, 2], [3, 2]]: λ² − 9λ + 8 → 1, 8; with + 6: λ² − 9λ + 20 → 4, 5
    ("linalg.eigenvalues", {"matrix": [[7, 2], [3, 2]]}, "(5, 4)", "cross_term_added"),
    # λ² − 5λ + (4 + 6): no real roots, so the mistake is not offered; with irrational roots
    # (λ² − 5λ + 2 for [[4, -2], [1, 1]]) it is typed to 2 decimals
    ("linalg.eigenvalues", {"matrix": [[4, -2], [1, 1]]}, "(0.44, 4.56)", "cross_term_added"),
    # λ = 2: (1, −2), swapped (−2, 1), at any scale
    (
        "linalg.eigenvectors",
        {"matrix": [[4, 1], [2, 3]], "eigenvalue": 2},
        "(-2, 1)",
        "swapped_entries",
    ),
    (
        "linalg.eigenvectors",
        {"matrix": [[4, 1], [2, 3]], "eigenvalue": 2},
        "(4, -2)",
        "swapped_entries",
    ),
    # the lesson's data: right (1, 2); raw products give about (1, 3.11)
    (
        "linalg.principal_direction",
        {"data": [[0, 0], [0, 3], [0, 6], [4, 7]]},
        "(2, 1)",
        "swapped_entries",
    ),
    (
        "linalg.principal_direction",
        {"data": [[0, 0], [0, 3], [0, 6], [4, 7]]},
        "(1, 3.11)",
        "not_centred",
    ),
    (
        "linalg.principal_direction",
        {"data": [[0, 0], [0, 3], [0, 6], [4, 7]]},
        "(0.32, 1)",
        "not_centred",
    ),
    # A = [[1, 2], [3, 4]]: det(A⁻¹) = −1/2
    ("linalg.determinant_inverse", {"matrix": [[1, 2], [3, 4]]}, "1/12", "reciprocal_entries"),
    ("linalg.determinant_inverse", {"matrix": [[1, 2], [3, 4]]}, "0.1", "signs_dropped"),
    # 3×3: + + + along row 1 gives 1·2 + 2·(−2) + 3·(−3) = −11 (det A = −3)
    (
        "linalg.determinant_inverse",
        {"matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 10]]},
        "-1/11",
        "signs_dropped",
    ),
    # A = [[3, 1], [1, 2]], B = [[1, 2], [2, 2]]: det(AB) = −10
    (
        "linalg.determinant_product",
        {"left": [[3, 1], [1, 2]], "right": [[1, 2], [2, 2]]},
        "8",
        "matching_entries_multiplied",
    ),
    (
        "linalg.determinant_product",
        {"left": [[3, 1], [1, 2]], "right": [[1, 2], [2, 2]]},
        "42",
        "signs_dropped",
    ),
    # rank 2 and rank 1, both singular
    (
        "linalg.transformation_rank",
        {"matrix": [[1, 2, 3], [2, 4, 6], [1, 0, 1]]},
        "1",
        "singular_means_a_line",
    ),
    (
        "linalg.transformation_rank",
        {"matrix": [[1, 2, 3], [2, 4, 6], [3, 6, 9]]},
        "2",
        "one_dimension_lost",
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
    feedback = assert_verdict(get(skill_id), raw, response, misconception)
    assert feedback.misconception is not None
    assert feedback.misconception.name in feedback.message


def test_a_mistake_is_offered_only_where_it_applies() -> None:
    values = get("linalg.eigenvalues")
    complex_roots = values.read_inputs({"matrix": [[4, 1], [2, 3]]})  # λ² − 7λ + 14
    assert "cross_term_added" not in values.buggy_answers(complex_roots)
    space = values.read_inputs({"matrix": [[1, 0, 0], [0, 2, 0], [1, 1, 3]]})
    assert "trace_and_determinant" not in values.buggy_answers(space)
    inverse = get("linalg.determinant_inverse")
    with_zero = inverse.read_inputs({"matrix": [[3, 1], [0, 1]]})
    assert "reciprocal_entries" not in inverse.buggy_answers(with_zero)
    rank = get("linalg.transformation_rank")
    full = rank.read_inputs({"matrix": [[2, 1], [1, 3]]})
    assert "one_dimension_lost" not in rank.buggy_answers(full)
    vectors = get("linalg.eigenvectors")
    axis = vectors.read_inputs({"matrix": [[1, 0], [-3, 4]], "eigenvalue": 4})  # v = (0, 1)
    assert "swapped_entries" not in vectors.buggy_answers(axis)


# --- the wrong answers a second way, with NumPy -------------------------------------------


def _array(value: Any) -> np.ndarray:
    if hasattr(value, "rows"):
        return np.array([[float(x) for x in row] for row in value.rows])
    return np.array([[float(x) for x in v] for v in value])  # basis vectors, as rows


def _exact(x: float) -> Fraction:
    return Fraction(float(x)).limit_denominator(10**6)


def _typed(values: Any, decimals: int | None = None) -> str:
    numbers = [values] if np.ndim(values) == 0 else list(values)
    if decimals is None:
        shown = [str(_exact(x)) for x in numbers]
    else:
        shown = [f"{float(x):.{decimals}f}" for x in numbers]
    return shown[0] if np.ndim(values) == 0 else "(" + ", ".join(shown) + ")"


def _unit_largest(v: np.ndarray) -> np.ndarray:
    """The direction scaled so that its larger entry (in size) is 1."""
    return v / v[int(np.argmax(np.abs(v)))]


def _signs_dropped(a: np.ndarray) -> float:
    """Row-1 expansion with every term added (the minors with NumPy)."""
    if a.shape == (1, 1):
        return float(a[0, 0])
    minors = [np.delete(a[1:], j, axis=1) for j in range(a.shape[0])]
    return float(sum(a[0, j] * np.linalg.det(m) for j, m in enumerate(minors)))


def _trace_and_det(p: Params) -> str | None:
    a = _array(p["matrix"])
    if a.shape != (2, 2):
        return None
    return _typed([np.trace(a), np.linalg.det(a)])


def _cross_term_added(p: Params) -> str | None:
    a = _array(p["matrix"])
    if a.shape != (2, 2):
        return None
    roots = np.roots([1, -np.trace(a), a[0, 0] * a[1, 1] + a[0, 1] * a[1, 0]])
    if np.iscomplexobj(roots) and np.any(np.abs(roots.imag) > 1e-9):
        return None
    return _typed(sorted(roots.real), decimals=2)


def _swapped_eigenvector(p: Params) -> str | None:
    a = _array(p["matrix"])
    if a.shape != (2, 2):
        return None
    values, vectors = np.linalg.eig(a)
    v = np.real(vectors[:, int(np.argmin(np.abs(values - float(p["eigenvalue"]))))])
    if np.min(np.abs(v)) < 1e-9:
        return None
    return _typed(_unit_largest(v[::-1]))


def _not_centred(p: Params) -> str | None:
    x = _array(p["data"])
    values, vectors = np.linalg.eigh(x.T @ x)
    if np.isclose(values[0], values[1]):
        return None
    return _typed(_unit_largest(vectors[:, -1]), decimals=2)


def _swapped_direction(p: Params) -> str | None:
    _, vectors = np.linalg.eigh(np.cov(_array(p["data"]), rowvar=False))
    return _typed(_unit_largest(vectors[::-1, -1]), decimals=2)


def _basis_as_rows(p: Params) -> str | None:
    return _typed(np.linalg.solve(_array(p["basis"]), _array([p["vector"]])[0]))


def _projected(p: Params) -> str | None:
    w = _array([p["vector"]])[0]
    return _typed([w @ b / (b @ b) for b in _array(p["basis"])])


def _entrywise_product(p: Params) -> str | None:
    return _typed(np.linalg.det(_array(p["left"]) * _array(p["right"])))


def _product_signs_dropped(p: Params) -> str | None:
    return _typed(_signs_dropped(_array(p["left"])) * _signs_dropped(_array(p["right"])))


def _reciprocal_entries(p: Params) -> str | None:
    a = _array(p["matrix"])
    if np.any(a == 0):
        return None
    return _typed(np.linalg.det(1 / a))


def _inverse_signs_dropped(p: Params) -> str | None:
    unsigned = _signs_dropped(_array(p["matrix"]))
    return None if abs(unsigned) < 1e-9 else _typed(1 / unsigned)


def _singular_rank(guess: Callable[[int], int]) -> Callable[[Params], str | None]:
    def wrong(p: Params) -> str | None:
        a = _array(p["matrix"])
        if a.shape[0] != a.shape[1] or not np.isclose(np.linalg.det(a), 0):
            return None
        return str(guess(a.shape[0]))

    return wrong


SECOND_WAY: list[tuple[str, str, Callable[[Params], str | None]]] = [
    ("linalg.basis_coordinates", "basis_as_rows", _basis_as_rows),
    ("linalg.basis_coordinates", "projected_onto_each", _projected),
    ("linalg.eigenvalues", "trace_and_determinant", _trace_and_det),
    ("linalg.eigenvalues", "cross_term_added", _cross_term_added),
    ("linalg.eigenvectors", "swapped_entries", _swapped_eigenvector),
    ("linalg.principal_direction", "not_centred", _not_centred),
    ("linalg.principal_direction", "swapped_entries", _swapped_direction),
    ("linalg.determinant_product", "matching_entries_multiplied", _entrywise_product),
    ("linalg.determinant_product", "signs_dropped", _product_signs_dropped),
    ("linalg.determinant_inverse", "reciprocal_entries", _reciprocal_entries),
    ("linalg.determinant_inverse", "signs_dropped", _inverse_signs_dropped),
    ("linalg.transformation_rank", "singular_means_a_line", _singular_rank(lambda n: 1)),
    ("linalg.transformation_rank", "one_dimension_lost", _singular_rank(lambda n: n - 1)),
]


@pytest.mark.parametrize(
    ("skill_id", "misconception", "wrong_answer"),
    SECOND_WAY,
    ids=[f"{s}-{m}" for s, m, _ in SECOND_WAY],
)
def test_the_wrong_answer_worked_out_with_numpy_is_named(
    skill_id: str, misconception: str, wrong_answer: Callable[[Params], str | None]
) -> None:
    """Over 40 seeds at each level: the NumPy wrong answer, typed, is named as this
    misconception wherever the skill offers it — unless it is right for the variant, or
    another named mistake (listed first) gives the same answer there."""
    skill = get(skill_id)
    named = 0
    for level in range(1, skill.levels + 1):
        for seed in range(40):
            params = skill.variant(seed, level).params
            typed = wrong_answer(params)
            if typed is None or misconception not in skill.buggy_answers(params):
                continue  # the mistake does not apply (or an irrational PCA answer)
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
