"""Beginner mistakes with row echelon form, singular systems, matrix powers and the angle
between vectors: each is named on hand-picked inputs, and its wrong answer, worked out a
second way with NumPy or SymPy for many generated variants, is named when typed."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy as sp
from tests.fixtures.mistakes import assert_verdict

from mlmath.answers import Verdict, compare, show
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # R2 + 3 R1 with the 0 written in: (0, 12); right (0, 0)
    (
        "linalg.row_echelon_form",
        {"matrix": [[1, 2], [3, 6]]},
        "[[1, 2], [0, 12]]",
        "added_multiple",
    ),
    # R2 − ⅓ R1: (0, 16/3)
    (
        "linalg.row_echelon_form",
        {"matrix": [[1, 2], [3, 6]]},
        "[[1, 2], [0, 16/3]]",
        "multiplier_upside_down",
    ),
    # the lesson's example after a swap: R3 + 2 R1 = (0, 9, 6), then R3 + 9 R2
    (
        "linalg.row_echelon_form",
        {"matrix": [[0, 1, 2], [1, 2, 1], [2, 5, 4]]},
        "[[1, 2, 1], [0, 1, 2], [0, 0, 24]]",
        "added_multiple",
    ),
    (
        "linalg.row_echelon_form",
        {"matrix": [[0, 1, 2], [1, 2, 1], [2, 5, 4]]},
        "[[1, 2, 1], [0, 1, 2], [0, 0, 3]]",
        "multiplier_upside_down",
    ),
    # x + 2y = 4 twice over: x = 4 + 2t instead of 4 − 2t
    (
        "linalg.solve_singular_system",
        {"matrix": [[1, 2], [3, 6]], "rhs": [4, 12]},
        "x = 4 + 2t, y = t",
        "free_term_kept_sign",
    ),
    # 2x + 4y = 6: x = 6 − 4t, not divided by the pivot 2
    (
        "linalg.solve_singular_system",
        {"matrix": [[2, 4], [1, 2]], "rhs": [6, 3]},
        "x = 6 - 4t, y = t",
        "pivot_not_divided",
    ),
    # a line in space: (1 + t, 1 + t, t) and (2 − 2t, 1 − t, t)
    (
        "linalg.solve_singular_system",
        {"matrix": [[1, 0, 1], [0, 1, 1], [1, 1, 2]], "rhs": [1, 1, 2]},
        "x = 1 + t, y = 1 + t, z = t",
        "free_term_kept_sign",
    ),
    (
        "linalg.solve_singular_system",
        {"matrix": [[2, 0, 2], [0, 1, 1], [1, 1, 2]], "rhs": [2, 1, 2]},
        "x = 2 - 2t, y = 1 - t, z = t",
        "pivot_not_divided",
    ),
    # A Aᵀ for A²
    (
        "linalg.matrix_power",
        {"matrix": [[1, 2], [3, 4]], "power": 2},
        "[[5, 11], [11, 25]]",
        "row_by_row",
    ),
    # A Aᵀ Aᵀ for A³
    (
        "linalg.matrix_power",
        {"matrix": [[1, 2], [0, 1]], "power": 3},
        "[[9, 2], [4, 1]]",
        "row_by_row",
    ),
    # 135° between (2, 0) and (−1, 1): arcsin gives −45°
    ("linalg.vector_angle", {"u": [2, 0], "v": [-1, 1]}, "-45", "arcsin_not_arccos"),
    # (3, 1), (1, 2): 5 / (10 · 5) = 0.1, arccos 0.1 ≈ 84.3°
    ("linalg.vector_angle", {"u": [3, 1], "v": [1, 2]}, "84.3", "squared_lengths"),
    # (1, 2, 2), (2, 1, 2): 8 / (9 · 9), arccos ≈ 84.3° (right: arccos 8/9 ≈ 27.3°)
    ("linalg.vector_angle", {"u": [1, 2, 2], "v": [2, 1, 2]}, "84.3", "squared_lengths"),
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
    singular = get("linalg.solve_singular_system")
    none = singular.read_inputs({"matrix": [[1, 2], [3, 6]], "rhs": [4, 10]})
    buggy = singular.buggy_answers(none)
    assert "free_term_kept_sign" not in buggy  # no solution: no parameter to move
    assert "pivot_not_divided" not in buggy
    power = get("linalg.matrix_power")
    symmetric = power.read_inputs({"matrix": [[2, 1], [1, 3]], "power": 2})
    assert "row_by_row" not in power.buggy_answers(symmetric)  # A Aᵀ is A A
    angle = get("linalg.vector_angle")
    perpendicular = angle.read_inputs({"u": [1, 0], "v": [0, 2]})
    assert "arcsin_not_arccos" not in angle.buggy_answers(perpendicular)


# --- the wrong answers a second way, with NumPy and SymPy ---------------------------------


def exact(x: Any) -> Fraction:
    return Fraction(str(sp.nsimplify(x)))


def sympy_matrix(m: Matrix) -> sp.Matrix:
    return sp.Matrix([[sp.Rational(a.numerator, a.denominator) for a in row] for row in m.rows])


def from_sympy(m: sp.Matrix) -> Matrix:
    return Matrix(tuple(tuple(exact(m[i, j]) for j in range(m.cols)) for i in range(m.rows)))


def eliminated(p: Params, slip: str) -> Any:
    """Forward elimination in SymPy, the first non-zero entry of each column as its pivot,
    each 0 under a pivot written in and the rest of the row worked with ``slip``."""
    m = sympy_matrix(p["matrix"])
    top = 0
    for column in range(m.cols):
        if top == m.rows:
            break
        below = [i for i in range(top, m.rows) if m[i, column] != 0]
        if not below:
            continue
        m.row_swap(top, below[0])
        pivot = m[top, column]
        for i in range(top + 1, m.rows):
            entry = m[i, column]
            if entry == 0:
                continue
            if slip == "added_multiple":
                m[i, :] = m[i, :] + (entry / pivot) * m[top, :]
            else:
                m[i, :] = m[i, :] - (pivot / entry) * m[top, :]
            m[i, column] = 0
        top += 1
    return from_sympy(m)


def echelon_of(m: sp.Matrix, limit: int) -> tuple[sp.Matrix, list[int]]:
    """Forward elimination in SymPy as the worked solution does it: the first non-zero
    entry of each of the first ``limit`` columns as its pivot, entry ÷ pivot times the
    pivot row subtracted from each row below."""
    m = m.copy()
    pivots: list[int] = []
    for column in range(limit):
        top = len(pivots)
        if top == m.rows:
            break
        below = [i for i in range(top, m.rows) if m[i, column] != 0]
        if not below:
            continue
        m.row_swap(top, below[0])
        for i in range(top + 1, m.rows):
            m[i, :] = m[i, :] - (m[i, column] / m[top, column]) * m[top, :]
        pivots.append(column)
    return m, pivots


def solved_with_slip(p: Params, slip: str) -> Any:
    """Back substitution from the echelon form of [A | b], in SymPy, with ``slip``: each
    term moved across keeps its sign, or the pivot's coefficient is never divided out."""
    a = sympy_matrix(p["matrix"])
    b = sp.Matrix([sp.Rational(x.numerator, x.denominator) for x in p["rhs"]])
    n = a.cols
    echelon, pivots = echelon_of(a.row_join(b), n)
    if any(echelon[i, n] != 0 for i in range(len(pivots), echelon.rows)):
        return None  # a row 0 = c: no solution, nothing to move across
    free = [j for j in range(n) if j not in pivots]
    if not free:
        return None
    ts = sp.symbols(f"t0:{len(free)}")
    values: dict[int, sp.Expr] = dict(zip(free, ts, strict=True))
    for row, column in reversed(list(enumerate(pivots))):
        moved = sum((echelon[row, j] * values[j] for j in range(column + 1, n)), sp.Integer(0))
        kept = slip == "free_term_kept_sign"
        right = echelon[row, n] + moved if kept else echelon[row, n] - moved
        pivot = echelon[row, column]
        values[column] = sp.expand(right if slip == "pivot_not_divided" else right / pivot)
    zero = dict.fromkeys(ts, 0)
    particular = Vector(tuple(exact(values[j].subs(zero)) for j in range(n)))
    directions = tuple(Vector(tuple(exact(sp.diff(values[j], t)) for j in range(n))) for t in ts)
    return SolutionSet(tuple(p["variables"].replace(" ", "").split(",")), particular, directions)


def row_by_row(p: Params) -> Any:
    a = np.array([[float(x) for x in row] for row in p["matrix"].rows])
    n = p["power"]
    result = a
    for _ in range(n - 1):
        # entry (i, j): row i of the result so far with row j of A
        result = np.array([[result[i] @ a[j] for j in range(len(a))] for i in range(len(a))])
    if np.allclose(a, a.T) or n < 2:
        return None
    return Matrix(tuple(tuple(Fraction(round(x)) for x in row) for row in result))


def vectors(p: Params) -> tuple[np.ndarray, np.ndarray]:
    return (
        np.array([float(x) for x in p["u"].entries]),
        np.array([float(x) for x in p["v"].entries]),
    )


def arcsin_not_arccos(p: Params) -> Any:
    u, v = vectors(p)
    if u @ v == 0:
        return None
    return float(np.degrees(np.arcsin(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))))


def squared_lengths(p: Params) -> Any:
    u, v = vectors(p)
    if u @ v == 0:
        return None
    return float(np.degrees(np.arccos(u @ v / ((u @ u) * (v @ v)))))


SECOND_WAY: list[tuple[str, str, Callable[[Params], Any]]] = [
    ("linalg.row_echelon_form", "added_multiple", lambda p: eliminated(p, "added_multiple")),
    (
        "linalg.row_echelon_form",
        "multiplier_upside_down",
        lambda p: eliminated(p, "multiplier_upside_down"),
    ),
    (
        "linalg.solve_singular_system",
        "free_term_kept_sign",
        lambda p: solved_with_slip(p, "free_term_kept_sign"),
    ),
    (
        "linalg.solve_singular_system",
        "pivot_not_divided",
        lambda p: solved_with_slip(p, "pivot_not_divided"),
    ),
    ("linalg.matrix_power", "row_by_row", row_by_row),
    ("linalg.vector_angle", "arcsin_not_arccos", arcsin_not_arccos),
    ("linalg.vector_angle", "squared_lengths", squared_lengths),
]


@pytest.mark.parametrize(
    ("skill_id", "misconception", "second_way"),
    SECOND_WAY,
    ids=[f"{s}-{m}" for s, m, _ in SECOND_WAY],
)
def test_the_wrong_answer_worked_out_a_second_way_is_named(
    skill_id: str, misconception: str, second_way: Callable[[Params], Any]
) -> None:
    """Over generated variants of every level: where the mistake gives a wrong answer that
    no earlier named mistake gives, typing the NumPy / SymPy value gets this mistake's
    name."""
    skill = get(skill_id)
    named = 0
    for level in range(1, skill.levels + 1):
        for seed in range(25):
            params = skill.variant(seed, level).params
            wrong = second_way(params)
            if wrong is None:
                continue
            fmt = skill.answer_format(params)
            buggy = skill.buggy_answers(params)
            if misconception not in buggy:
                # left out only where the slip still gives a right answer
                assert skill.grade(params, show(wrong, fmt)).correct, (seed, level)
                continue
            if compare(skill.answer(params), wrong, fmt) is Verdict.EQUAL:
                continue  # this variant does not tell the mistake apart
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
