"""The beginner mistakes of the gradient, the least-squares line and the squared-loss
minimum: hand-picked wrong answers, each diagnosed by name; and, over generated variants,
each mistake's wrong answer worked out a second way (SymPy, NumPy) and named when typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import sympy as sp
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)
from tests.fixtures.mistakes import assert_verdict

from mlmath.answers import Verdict, compare, parse
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params, Skill

POINTS = {"data": [[1, 2], [2, 3], [3, 5]]}
"""Σx = 6, Σy = 10, Σx² = 14, Σxy = 23, n = 3: the line (1.5, 1/3)."""

HOUSES = {"data": [1, 2, 6]}
"""The mean 3; L(m) = 3m² − 18m + 41."""

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # ∂/∂x (x²y + y³) = 2xy, with y³ copied: 2xy + y³ = 5 at (2, 1); ∂f/∂y = 7 is right
    (
        "calculus.gradient",
        {"function": "x^2*y + y^3", "point": [2, 1]},
        "(5, 7)",
        "kept_other_terms",
    ),
    # ∇(x² + 3y² + 5) = (2x, 6y) = (2, 12); copied: (2x + 3y², 6y + x²) = (14, 13)
    (
        "calculus.gradient",
        {"function": "x^2 + 3y^2 + 5", "point": [1, 2]},
        "(14, 13)",
        "kept_other_terms",
    ),
    # 14m + 6b = 23 with 6m + b = 10 (Σb as b): (37/22, −1/11)
    ("calculus.least_squares_line", POINTS, "(37/22, -1/11)", "b_not_times_n"),
    ("calculus.least_squares_line", POINTS, "(1.682, -0.091)", "b_not_times_n"),
    # 36m + 6b = 23 with 6m + 3b = 10 ((Σx)² for Σx²): (1/8, 37/12)
    ("calculus.least_squares_line", POINTS, "(0.125, 3.083)", "square_of_sum"),
    # (2m − 1) + (2m − 2) + (2m − 6) = 6m − 9 = 0
    ("calculus.squared_loss_minimum", HOUSES, "1.5", "two_times_m_only"),
    # −b/a = 18/3
    ("calculus.squared_loss_minimum", HOUSES, "6", "vertex_without_2"),
    ("calculus.squared_loss_minimum", {"data": [4, 10, 7, 3]}, "3", "two_times_m_only"),
    ("calculus.squared_loss_minimum", {"data": [4, 10, 7, 3]}, "12", "vertex_without_2"),
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
    assert feedback.misconception.next_hint() == feedback.misconception.hint


def test_a_mistake_is_left_out_where_its_equations_have_no_single_solution() -> None:
    line = get("calculus.least_squares_line")
    # x = 0 and 2: Σx² − (Σx)² = 4 − 4 = 0, so "m·Σx + b = Σy" leaves no single line
    params = line.read_inputs({"data": [[0, 1], [2, 5]]})
    assert "b_not_times_n" not in line.buggy_answers(params)
    # Σx = 0: (Σx)² = 0 and the first equation loses m
    params = line.read_inputs({"data": [[-1, 1], [0, 2], [1, 4]]})
    assert "square_of_sum" not in line.buggy_answers(params)


# --- the wrong answers a second way, over generated variants -------------------------------

SEEDS = range(15)
FUNCTION = (*standard_transformations, convert_xor, implicit_multiplication_application)
x, y = sp.symbols("x y")


def kept_other_terms(params: Params) -> str:
    """Each partial derivative with the terms holding only the other variable copied in."""
    f = parse_expr(params["function"], transformations=FUNCTION)
    at = dict(zip((x, y), (sp.Rational(str(v)) for v in params["point"]), strict=True))
    entries = []
    for v, other in ((x, y), (y, x)):
        copied = sum(t for t in sp.Add.make_args(f) if t.has(other) and not t.has(v))
        entries.append((sp.diff(f, v) + copied).subs(at))
    return f"({entries[0]}, {entries[1]})"


def normal_equations(params: Params, wrong: str) -> str | None:
    """The line from the normal equations with Σb written as b, or (Σx)² for Σx²."""
    data = np.array([[float(a) for a in row] for row in params["data"].rows])
    px, py = data[:, 0], data[:, 1]
    sxx = px.sum() ** 2 if wrong == "square_of_sum" else px @ px
    n = 1 if wrong == "b_not_times_n" else len(px)
    matrix = np.array([[sxx, px.sum()], [px.sum(), n]])
    if abs(np.linalg.det(matrix)) < 1e-9:
        return None
    m, b = np.linalg.solve(matrix, [px @ py, py.sum()])
    return f"({m:.6f}, {b:.6f})"


def loss(params: Params) -> np.poly1d:
    """Σ(m − xᵢ)² as a polynomial in m."""
    return sum((np.poly1d([1.0, -float(v)]) ** 2 for v in params["data"]), np.poly1d([0.0]))


def two_times_m_only(params: Params) -> str:
    """The root of Σ(2m − xᵢ), the derivative with the 2 on m only."""
    root = sum((np.poly1d([2.0, -float(v)]) for v in params["data"]), np.poly1d([0.0])).roots[0]
    return f"{root:.6f}"


def vertex_without_2(params: Params) -> str:
    """−b/a of the loss multiplied out, a·m² + b·m + c."""
    a, b, _ = loss(params).coeffs
    return f"{-b / a:.6f}"


SECOND_WAY: list[tuple[str, str, Callable[[Params], str | None]]] = [
    ("calculus.gradient", "kept_other_terms", kept_other_terms),
    (
        "calculus.least_squares_line",
        "b_not_times_n",
        lambda p: normal_equations(p, "b_not_times_n"),
    ),
    (
        "calculus.least_squares_line",
        "square_of_sum",
        lambda p: normal_equations(p, "square_of_sum"),
    ),
    ("calculus.squared_loss_minimum", "two_times_m_only", two_times_m_only),
    ("calculus.squared_loss_minimum", "vertex_without_2", vertex_without_2),
]


def named_as(skill: Skill, params: Params, typed: str, misconception: str) -> bool:
    """Whether ``typed`` is the skill's own wrong answer for ``misconception`` and is named
    by it when typed (or by an earlier named mistake with the same answer); False where the
    mistake gives the right answer for this variant."""
    fmt = skill.answer_format(params)
    given = parse(typed, fmt)
    if compare(skill.answer(params), given, fmt) is Verdict.EQUAL:
        return False
    buggy = skill.buggy_answers(params)
    assert compare(buggy[misconception], given, fmt) is Verdict.EQUAL, (typed, params)
    feedback = skill.grade(params, typed)
    assert feedback.verdict == "incorrect", feedback
    assert feedback.misconception is not None, (typed, params)
    if feedback.misconception.id != misconception:  # an earlier mistake, the same answer
        assert compare(buggy[feedback.misconception.id], given, fmt) is Verdict.EQUAL
        return False
    return True


@pytest.mark.parametrize(
    ("skill_id", "misconception", "wrong"), SECOND_WAY, ids=[c[1] for c in SECOND_WAY]
)
def test_a_mistake_worked_out_a_second_way_is_named(
    skill_id: str, misconception: str, wrong: Callable[[Params], str | None]
) -> None:
    skill = get(skill_id)
    named = tried = 0
    for level in range(1, skill.levels + 1):
        for seed in SEEDS:
            params = skill.variant(seed, level).params
            typed = wrong(params)
            if typed is None:
                assert misconception not in skill.buggy_answers(params)
                continue
            tried += 1
            named += named_as(skill, params, typed, misconception)
    assert named >= tried // 2, f"{misconception} named in only {named} of {tried} variants"
