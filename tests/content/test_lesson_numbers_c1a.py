"""The worked examples of c1w1l1, c1w1l2, c1w2l1 and c1w2l2, recomputed another way.

Each row names a lesson, a piece of its text with ``{}`` holes, and how to compute what
goes in the holes (SymPy for exact answers, NumPy for ranks and determinants, the engine
where a skill answers the same question). The filled-in text must appear in the lesson.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy as sp

from mlmath.content.curriculum import Curriculum
from mlmath.exercises.registry import get

Numbers = Sequence[Any]


def solve(a: list[list[int]], b: list[int]) -> list[sp.Rational]:
    """The one solution of a square system, exactly."""
    return list(sp.Matrix(a).LUsolve(sp.Matrix(b)))


def det(a: list[list[int]]) -> int:
    return round(float(np.linalg.det(np.array(a, dtype=float))))


def rank(a: list[list[int]]) -> int:
    return int(np.linalg.matrix_rank(np.array(a, dtype=float)))


def family(aug: list[list[int]], names: str) -> list[sp.Expr]:
    """Every solution of a singular system, with its free unknown renamed t."""
    symbols = sp.symbols(names)
    (solution,) = sp.linsolve(sp.Matrix(aug), *symbols)
    free = sorted(solution.free_symbols, key=str)
    return [sp.expand(x.subs(free[0], sp.Symbol("t"))) for x in solution]


def engine(skill: str, **raw: Any) -> Any:
    s = get(skill)
    return s.answer(s.read_inputs(raw))


def mistake(skill: str, misconception: str, **raw: Any) -> Any:
    """The wrong answer the practice names ``misconception`` for these inputs."""
    s = get(skill)
    return s.buggy_answers(s.read_inputs(raw))[misconception]


def latex_matrix(m: sp.Matrix, bar: bool = False) -> str:
    """A matrix as the lessons write it: bmatrix, or an array with a bar before the last column."""
    rows = r" \\ ".join(" & ".join(sp.latex(x) for x in m.row(i)) for i in range(m.rows))
    if not bar:
        return rf"\begin{{bmatrix}} {rows} \end{{bmatrix}}"
    cols = "r" * (m.cols - 1)
    return rf"\left[\begin{{array}}{{{cols}|r}} {rows} \end{{array}}\right]"


def add_rows(m: list[list[int]], *ops: tuple[int, int, int]) -> sp.Matrix:
    """The matrix after the row operations R_target -> R_target + k·R_source, in NumPy.

    Each op is (target, k, source), rows counted from 1 as in the lessons."""
    arr = np.array(m, dtype=float)
    for target, k, source in ops:
        arr[target - 1] += k * arr[source - 1]
    return sp.Matrix(arr.round().astype(int))


def t_expr(e: sp.Expr) -> str:
    """-1 + t and 3 - 2t in the lessons' order (constant first)."""
    const, rest = e.as_coeff_Add()
    text = str(sp.latex(rest)).replace(" ", "")
    if rest == 0:
        return str(const)
    if const == 0:
        return text
    return f"{const} - {text[1:]}" if text.startswith("-") else f"{const} + {text}"


CASES: list[tuple[str, str, Callable[[], Numbers]]] = [
    # c1w1l1 — two unknowns
    ("c1w1l1", "$w_2 = {}$", lambda: solve([[100, 3], [80, 2]], [330, 260])[1:]),
    (
        "c1w1l1",
        "so $100 w_1 = 300$ and $w_1 = {}$",
        lambda: solve([[100, 3], [80, 2]], [330, 260])[:1],
    ),
    (
        "c1w1l1",
        "$3 \\cdot 120 + 10 \\cdot 4 = 360 + 40 = {}$",
        lambda: [int(np.dot([120, 4], [3, 10]))],
    ),
    ("c1w1l1", "So $(w_1, w_2) = ({}, {})$", lambda: solve([[5, 5], [2, 9]], [60, 73])),
    ("c1w1l1", "so $-c = -9$ and $c = {1}$", lambda: solve([[1, 1], [14, 13]], [31, 425])),
    ("c1w1l1", "$a + 9 = 31$, so $a = {0}$", lambda: solve([[1, 1], [14, 13]], [31, 425])),
    ("c1w1l1", "divide by $\\tfrac52$*: $b = {1}$", lambda: solve([[2, 1], [1, 3]], [8, 9])),
    ("c1w1l1", "so $2a = 6$ and $a = {0}$", lambda: solve([[2, 1], [1, 3]], [8, 9])),
    (
        "c1w1l1",
        "so $u = {1}$; then $r + 15 = 40$ gives $r = {0}$",
        lambda: solve([[1, 1], [1, -1]], [40, 10]),
    ),
    ("c1w1l1", "The lines cross at $(x, y) = ({}, {})$", lambda: solve([[1, 1], [1, -1]], [4, 2])),
    ("c1w1l1", "The point is $({}, {})$", lambda: solve([[2, -1], [1, 1]], [1, 5])),
    ("c1w1l1", "$1 \\cdot 4 - 2 \\cdot 2 = 4 - 4 = {}$", lambda: [det([[1, 2], [2, 4]])]),
    ("c1w1l1", "$3 \\cdot 2 - (-6)(-1) = 6 - 6 = {}$", lambda: [det([[3, -6], [-1, 2]])]),
    ("c1w1l1", "$3 \\cdot 2 - 6 \\cdot 1 = 6 - 6 = {}$", lambda: [det([[3, 6], [1, 2]])]),
    ("c1w1l1", "$2 \\cdot 3 - 1 \\cdot 1 = {} \\ne 0$", lambda: [det([[2, 1], [1, 3]])]),
    ("c1w1l1", "$4 \\cdot 3 - (-2)(-6) = 12 - 12 = {}$", lambda: [det([[4, -2], [-6, 3]])]),
    (
        "c1w1l1",
        "row 2 $= {}\\,$row 1",
        lambda: [
            engine("linalg.row_dependence", matrix=[[2, -4], [-3, 6]], question="combination")
        ],
    ),
    ("c1w1l1", "$5 \\cdot 4 - 2 \\cdot 3 = 20 - 6 = {}$", lambda: [det([[5, 2], [3, 4]])]),
    ("c1w1l1", "$2 \\cdot 3 - (-1)(-6) = 6 - 6 = {}$", lambda: [det([[2, -1], [-6, 3]])]),
    ("c1w1l1", "$3 \\cdot 1 - (-2) \\cdot 4 = 3 + 8 = {}$", lambda: [det([[3, -2], [4, 1]])]),
    (
        "c1w1l1",
        "print(np.linalg.matrix_rank(X)) # {}",
        lambda: [rank([[1, 10, 50], [1, 20, 68], [1, 30, 86]])],
    ),
    ("c1w1l1", "so $b = {1}$ and $a = {0}$ (check", lambda: solve([[2, 1], [1, 3]], [7, 11])),
    # c1w1l2 — three unknowns
    (
        "c1w1l2",
        "row 3 says $c = {2}$, row 2 says $b = {1}$, and row 1 says $a + 5 + 2 = 10$,"
        " so $a = 10 - 7 = {0}$",
        lambda: solve([[1, 1, 1], [1, 2, 1], [1, 1, 2]], [10, 15, 12]),
    ),
    (
        "c1w1l2",
        "So $(x, y, z) = ({}, {}, {})$",
        lambda: solve([[1, 1, 1], [2, 1, 3], [1, -1, 2]], [4, 12, 9]),
    ),
    (
        "c1w1l2",
        "The solution is $({}, {}, {})$",
        lambda: solve([[1, 1, 1], [0, 1, 1], [0, 0, 2]], [6, 5, 6]),
    ),
    (
        "c1w1l2",
        "$z = 1$ gives the solution $({}, {}, {})$",
        lambda: list(sp.Matrix([[1, 2, 3], [0, 1, 1], [1, 3, 4]]).nullspace()[0]),
    ),
    ("c1w1l2", "= 1 + 2 - 3 = {}$", lambda: [det([[1, 2, 3], [0, 1, 1], [1, 3, 4]])]),
    (
        "c1w1l2",
        "product of its diagonal, $1 \\cdot 3 \\cdot 1 = {}$",
        lambda: [det([[1, 0, 2], [0, 3, 0], [0, 0, 1]])],
    ),
    (
        "c1w1l2",
        "$1(1 - 2) - 1(0 - 1) + 0 = -1 + 1 = {}$",
        lambda: [det([[1, 1, 0], [0, 1, 1], [1, 2, 1]])],
    ),
    (
        "c1w1l2",
        "meet in the single point $({}, {}, {})$",
        lambda: solve([[1, 1, 1], [0, 1, -1], [0, 0, 1]], [6, 0, 2]),
    ),
    (
        "c1w1l2",
        "# {} {} -> no solution",
        lambda: [
            rank([[1, 0, 1], [0, 1, 1], [1, 1, 2]]),
            rank([[1, 0, 1, 1], [0, 1, 1, 1], [1, 1, 2, 3]]),
        ],
    ),
    (
        "c1w1l2",
        "the planes share the **line** of points $({},\\ {},\\ {})$",
        lambda: [t_expr(e) for e in family([[1, 0, 1, 1], [0, 1, 1, 1], [1, 1, 2, 2]], "x y z")],
    ),
    (
        "c1w1l2",
        "$r_3 = {} r_1 + {} r_2$",
        lambda: list(sp.Matrix([[1, 0], [0, 1], [2, 1]]).solve_least_squares(sp.Matrix([2, 3, 7]))),
    ),
    (
        "c1w1l2",
        "$c_3 = -1$ gives $c_1 = {}$, $c_2 = {}$",
        lambda: list(-sp.Matrix([[1, 0, 2], [0, 1, 3], [2, 1, 7]]).nullspace()[0])[:2],
    ),
    (
        "c1w1l2",
        "$(7, 8, 9) = -(1, 2, 3) + {}(4, 5, 6)$",
        lambda: list(sp.Matrix([[1, 4], [2, 5], [3, 6]]).solve_least_squares(sp.Matrix([7, 8, 9])))[
            1:
        ],
    ),
    (
        "c1w1l2",
        "$1 \\cdot 3 - 1 \\cdot 1 + 1 \\cdot (-1) = 3 - 1 - 1 = {}$",
        lambda: [det([[1, 1, 1], [1, 2, 1], [1, 1, 2]])],
    ),
    ("c1w1l2", "= 4 - 0 - 4 = {}$", lambda: [det([[1, 0, 2], [0, 1, 1], [2, 3, 7]])]),
    (
        "c1w1l2",
        "determinant is $2 \\cdot 3 \\cdot (-1) = {}$",
        lambda: [det([[2, 1, 5], [0, 3, 4], [0, 0, -1]])],
    ),
    ("c1w1l2", "= 24 - 0 + 1 = {}$", lambda: [det([[2, 0, 1], [1, 3, 0], [0, 1, 4]])]),
    # c1w2l1 — elimination
    (
        "c1w2l1",
        "$2w_1 = 6$, so $w_1 = {}$",
        lambda: [
            engine(
                "linalg.system_from_data",
                domain="deliveries",
                features=[[2, 1], [4, 1], [3, 2]],
                targets=[14, 20, 22],
                intercept="yes",
            ).entries[0]
        ],
    ),
    (
        "c1w2l1",
        "with $w_1 = 3$, $w_2 = {1}$",
        lambda: solve([[2, 1, 1], [4, 1, 1], [3, 2, 1]], [14, 20, 22]),
    ),
    (
        "c1w2l1",
        "so $b = 14 - 11 = {2}$",
        lambda: solve([[2, 1, 1], [4, 1, 1], [3, 2, 1]], [14, 20, 22]),
    ),
    (
        "c1w2l1",
        "so $w_1 = {0}$. Then $200 + b = 260$ gives $b = {1}$",
        lambda: solve([[50, 1], [80, 1]], [260, 380]),
    ),
    ("c1w2l1", "so $2x = 12 - 6 = 6$ and $x = {0}$", lambda: solve([[2, 3], [4, -1]], [12, 10])),
    ("c1w2l1", "$y = 4 \\cdot 3 - 10 = {1}$", lambda: solve([[2, 3], [4, -1]], [12, 10])),
    ("c1w2l1", "$3x + 2 = 5$ gives $x = {0}$", lambda: solve([[3, 1], [0, 2]], [5, 4])),
    ("c1w2l1", "$x = 5 - 2 \\cdot 2 = {0}$", lambda: solve([[1, 2], [3, -1]], [5, 1])),
    (
        "c1w2l1",
        "*Write the whole family*: $x = {}$, $y = {}$",
        lambda: [t_expr(e) for e in family([[1, 2, 4], [3, 6, 12]], "x y")],
    ),
    (
        "c1w2l1",
        "$(x, y, z) = ({},\\ {},\\ {})$",
        lambda: [t_expr(e) for e in family([[1, 1, 1, 2], [1, 2, 3, 5], [2, 3, 4, 7]], "x y z")],
    ),
    (
        "c1w2l1",
        "Every point $({},\\ {})$ is a solution",
        lambda: [t_expr(e) for e in family([[1, -1, 1], [-2, 2, -2]], "x y")],
    ),
    (
        "c1w2l1",
        "The solution is $(x, y, z, w) = ({}, {}, {}, {})$",
        lambda: list(
            engine(
                "linalg.solve_nxn",
                matrix=[[1, 1, 1, 1], [2, 3, 1, 2], [1, 1, 2, 3], [1, 2, 1, 1]],
                rhs=[5, 13, 10, 7],
            ).particular.entries
        ),
    ),
    (
        "c1w2l1",
        "The solution is $({}, {}, {}, {})$",
        lambda: solve([[1, 1, 1, 1], [0, 1, 2, 0], [0, 0, 1, -1], [0, 0, 0, 2]], [4, 5, 1, 4]),
    ),
    (
        "c1w2l1",
        "$${}$$",
        lambda: [
            latex_matrix(
                add_rows(
                    [[1, 1, 1, 6], [2, 3, 1, 11], [1, -1, 2, 5]], (2, -2, 1), (3, -1, 1), (3, 2, 2)
                ),
                bar=True,
            )
        ],
    ),
    (
        "c1w2l1",
        "The new matrix is ${}$",
        lambda: [latex_matrix(add_rows([[1, -2, 4], [-3, 5, -10]], (2, 3, 1)))],
    ),
    (
        "c1w2l1",
        "No swaps or scalings were used, so $\\det = {}$",
        lambda: [det([[2, 4, 2], [1, 3, 2], [1, 1, 3]])],
    ),
    (
        "c1w2l1",
        "$\\det = (-1)^1 \\cdot 4 = {}$",
        lambda: [
            engine("linalg.determinant_by_elimination", matrix=[[0, 2, 1], [1, 1, 1], [2, 0, 3]])
        ],
    ),
    (
        "c1w2l1",
        "gives a matrix with determinant ${}$; $R_2 \\to 3R_2$ gives ${}$",
        lambda: [det([[1, 3, 2], [2, 4, 2], [1, 1, 3]]), det([[2, 4, 2], [3, 9, 6], [1, 1, 3]])],
    ),
    (
        "c1w2l1",
        "so $\\det = 1 \\cdot 1 \\cdot 1 = {}$",
        lambda: [det([[1, 2, 3], [2, 5, 7], [1, 3, 5]])],
    ),
    # c1w2l2 — row echelon form and rank
    (
        "c1w2l2",
        "The rank is **{}**, and the matrix is singular",
        lambda: [engine("linalg.rank", matrix=[[3, -6], [-1, 2]])],
    ),
    ("c1w2l2", "The rank is **{}**, not 3", lambda: [rank([[1, 0, 1], [0, 1, 1], [1, 1, 2]])]),
    ("c1w2l2", "one pivot, **rank {}**", lambda: [rank([[2, 4], [1, 2]])]),
    ("c1w2l2", "two pivots, **rank {}**", lambda: [rank([[1, 2], [3, 4]])]),
    (
        "c1w2l2",
        "**free variables = 3 − 2 = {}**",
        lambda: [
            engine(
                "linalg.rank_and_solutions",
                matrix=[[1, 2, 1], [2, 4, 2], [1, 0, 1]],
                rhs=[0, 0, 0],
                question="free_variables",
            )
        ],
    ),
    (
        "c1w2l2",
        "the points $({},\\ {},\\ {})$",
        lambda: [t_expr(e) for e in family([[1, 2, 1, 0], [2, 4, 2, 0], [1, 0, 1, 0]], "x y z")],
    ),
    (
        "c1w2l2",
        "so $\\operatorname{{rank}}[A \\mid b] = {1} > {0} = \\operatorname{{rank}} A$",
        lambda: [
            rank([[1, 2, 1], [2, 4, 2], [1, 0, 1]]),
            rank([[1, 2, 1, 1], [2, 4, 2, 3], [1, 0, 1, 1]]),
        ],
    ),
    (
        "c1w2l2",
        "Two pivots, rank {} — the most a 2×3 matrix can have",
        lambda: [rank([[1, 2, 3], [2, 4, 7]])],
    ),
    (
        "c1w2l2",
        "solutions, with $4 - 2 = {}$ free variables",
        lambda: [4 - rank([[1, 1, 0, 2], [0, 0, 1, 3]])],
    ),
    (
        "c1w2l2",
        "so $y = {1}$, and then $2x + 8 = 10$ gives $x = {0}$",
        lambda: solve([[2, 4], [1, 3]], [10, 7]),
    ),
    (
        "c1w2l2",
        "$${}$$",
        lambda: [latex_matrix(sp.Matrix([[0, 1, 2], [1, 2, 1], [2, 5, 4]]).echelon_form())],
    ),
    (
        "c1w2l2",
        "$${}$$",
        lambda: [
            latex_matrix(sp.Matrix([[1, 2, 0, 3], [2, 4, 1, 7], [3, 6, 1, 10]]).echelon_form())
        ],
    ),
    (
        "c1w2l2",
        "$${}$$",
        lambda: [
            latex_matrix(
                sp.Matrix([[1, 1, 1, 6], [2, 3, 1, 11], [1, -1, 2, 5]]).rref()[0], bar=True
            )
        ],
    ),
    (
        "c1w2l2",
        "$${}$$",
        lambda: [
            latex_matrix(sp.Matrix([[1, 2, 1, 4], [2, 4, 3, 9], [1, 2, 2, 5]]).rref()[0], bar=True)
        ],
    ),
    (
        "c1w2l2",
        "Every solution is $({},\\ {},\\ {})$",
        lambda: [t_expr(e) for e in family([[1, 2, 1, 4], [2, 4, 3, 9], [1, 2, 2, 5]], "x y z")],
    ),
    ("c1w2l2", "so $x = {}$, $y = {}$.", lambda: solve([[1, 2], [3, 4]], [5, 11])),
    # the wrong answers of the Common mistakes, as the practice names them
    (
        "c1w1l1",
        "the rows $(1,\\ 1 \\mid {})$, $(14,\\ 13 \\mid {})$ are wrong",
        lambda: mistake(
            "linalg.word_problem_system",
            "rhs_swapped",
            context="cinema",
            matrix=[[1, 1], [14, 13]],
            rhs=[31, 425],
        ).columns()[2],
    ),
    (
        "c1w2l1",
        "subtracting row 1 once gives $(2 - 1,\\ 1 + 2 \\mid 4 - 3) = ({},\\ {} \\mid {})$",
        lambda: mistake(
            "linalg.row_operation",
            "factor_left_out",
            matrix=[[1, -2, 3], [0, 1, 1], [2, 1, 4]],
            operation="R3 -> R3 - 2R1",
        ).rows[2],
    ),
    (
        "c1w2l1",
        "row 3 as $({},\\ {} \\mid {})$ — only the first entry updated",
        lambda: mistake(
            "linalg.row_operation",
            "one_entry_changed",
            matrix=[[1, -2, 3], [0, 1, 1], [2, 1, 4]],
            operation="R3 -> R3 - 2R1",
        ).rows[2],
    ),
    (
        "c1w2l1",
        "answering {} is wrong; after the swap the determinant is ${}$",
        lambda: [
            mistake(
                "linalg.determinant_by_elimination",
                "zero_pivot_as_zero",
                matrix=[[0, 2, 1], [1, 1, 1], [2, 0, 3]],
            ),
            det([[0, 2, 1], [1, 1, 1], [2, 0, 3]]),
        ],
    ),
    (
        "c1w2l2",
        "scaling alone gives $(1, 1, 1 \\mid 6)$, $(0, 1, -1 \\mid -1)$, $({}, {}, {} \\mid {})$",
        lambda: mistake(
            "linalg.rref",
            "above_not_cleared",
            matrix=[[1, 1, 1, 6], [0, 1, -1, -1], [0, 0, -1, -3]],
        ).rows[2],
    ),
    (
        "c1w2l2",
        "leaves one row of zeros: rank {} — wrong; $3 - 1 = {}$ — right",
        lambda: [
            mistake("linalg.rank", "counted_zero_rows", matrix=[[1, 0, 1], [0, 1, 1], [1, 1, 2]]),
            rank([[1, 0, 1], [0, 1, 1], [1, 1, 2]]),
        ],
    ),
    ("c1w2l2", "leaves one pivot: rank {}, not 3", lambda: [rank([[1, 2, 3], [2, 4, 6]])]),
    (
        "c1w2l2",
        "has no row of zeros: rank {} — wrong; $2 - 0 = {}$ — right",
        lambda: [
            mistake("linalg.rank", "counted_zero_rows", matrix=[[1, 2, 3], [2, 4, 7]]),
            rank([[1, 2, 3], [2, 4, 7]]),
        ],
    ),
    (
        "c1w2l2",
        "has 3 columns but 2 pivots: rank {}, not {}",
        lambda: [
            rank([[1, 2, 3], [2, 4, 7]]),
            mistake("linalg.rank", "counted_columns", matrix=[[1, 2, 3], [2, 4, 7]]),
        ],
    ),
    (
        "c1w2l1",
        "writing $15 - 2y$ gives $15 - 3y = 1$ and $y = {}$ — wrong",
        lambda: [
            mistake(
                "linalg.solve_by_substitution",
                "distributed_to_first_term_only",
                matrix=[[1, 2], [3, -1]],
                rhs=[5, 1],
            ).particular.entries[1]
        ],
    ),
    ("c1w2l1", "gives $15 - 3y = 1$ and $y = {}$", lambda: solve([[-3]], [1 - 15])),
    ("c1w2l1", "$15 - 7y = 1$ gives $y = {1}$ — right", lambda: solve([[1, 2], [3, -1]], [5, 1])),
    (
        "c1w2l1",
        "$12x - 10$ gives $14x = 22$ and $x = {}$ — wrong; $12x - 30$ gives $14x = 42$ and "
        "$x = {}$",
        lambda: [
            mistake(
                "linalg.solve_by_substitution",
                "constant_not_multiplied",
                matrix=[[2, 3], [4, -1]],
                rhs=[12, 10],
            ).particular.entries[0],
            solve([[2, 3], [4, -1]], [12, 10])[0],
        ],
    ),
    ("c1w2l1", "$12x - 10$ gives $14x = 22$ and $x = {}$", lambda: solve([[2 + 12]], [12 + 10])),
    (
        "c1w2l1",
        "$(x, y) = ({}, {})$ — wrong; the right $y = 4x - 10$ gives $({}, {})$",
        lambda: [
            *mistake(
                "linalg.solve_by_substitution",
                "isolation_sign_slip",
                matrix=[[2, 3], [4, -1]],
                rhs=[12, 10],
            ).particular.entries,
            *solve([[2, 3], [4, -1]], [12, 10]),
        ],
    ),
    ("c1w2l1", "$2x + 3(-4x - 10) = 12$ gives $-10x = {}$", lambda: [12 + 30]),
    (
        "c1w2l1",
        "writing $14x = 12 - 30 = -18$ gives $x = {}$ — wrong",
        lambda: [
            mistake(
                "linalg.solve_by_substitution",
                "constant_kept_its_sign",
                matrix=[[2, 3], [4, -1]],
                rhs=[12, 10],
            ).particular.entries[0]
        ],
    ),
    ("c1w2l1", "$14x = 12 - 30 = -18$ gives $x = {}$", lambda: solve([[14]], [12 - 30])),
    ("c1w2l1", "keeping the 20 gives $2w_1 = 20$ and $w_1 = {}$", lambda: solve([[4 - 2]], [20])),
    ("c1w2l1", "step 3 gives $w_2 = 8 - 6 = {}$", lambda: solve([[1, 1], [1, 0]], [8, 6])[1:]),
    (
        "c1w1l1",
        "gives $-\\tfrac25 w_2 = 260$ and $w_2 = {}$ — wrong",
        lambda: [
            mistake(
                "linalg.system_from_data",
                "targets_not_subtracted",
                domain="houses",
                features=[[100, 3], [80, 2]],
                targets=[330, 260],
            ).entries[1],
        ],
    ),
    (
        "c1w1l1",
        "$w_2 = {}$ — wrong; $260 - \\tfrac45 \\cdot 330 = -4$",
        lambda: solve([[sp.Rational(-2, 5)]], [260]),
    ),
    (
        "c1w1l1",
        "$(w_1, w_2) = ({}, {})$ — wrong; dividing gives $(3, 10)$",
        lambda: list(
            mistake(
                "linalg.system_from_data",
                "weight_not_divided",
                domain="houses",
                features=[[100, 3], [80, 2]],
                targets=[330, 260],
            ).entries
        ),
    ),
    # the newer Common mistakes of row echelon form and singular systems, as the practice
    # names them
    (
        "c1w2l2",
        "$(0,\\ 6 + 3 \\cdot 2) = ({}, {})$ — wrong, rank {}",
        lambda: [
            *mistake("linalg.row_echelon_form", "added_multiple", matrix=[[1, 2], [3, 6]]).rows[1],
            rank([[1, 2], [0, 6 + 3 * 2]]),
        ],
    ),
    (
        "c1w2l2",
        "$(0,\\ 6 - 3 \\cdot 2) = ({}, {})$ — right, rank {}",
        lambda: [*add_rows([[1, 2], [3, 6]], (2, -3, 1)).row(1), rank([[1, 2], [3, 6]])],
    ),
    (
        "c1w2l2",
        "$(0,\\ 6 - \\tfrac13 \\cdot 2) = (0, {})$ — wrong",
        lambda: [
            mistake(
                "linalg.row_echelon_form", "multiplier_upside_down", matrix=[[1, 2], [3, 6]]
            ).rows[1][1]
        ],
    ),
    ("c1w2l2", "$(0,\\ 6 - \\tfrac13 \\cdot 2) = (0, {})$", lambda: [6 - sp.Rational(1, 3) * 2]),
    (
        "c1w2l2",
        "$(0,\\ 5 + 2 \\cdot 2,\\ 4 + 2 \\cdot 1) = (0, {}, {})$ instead of $(0, 1, 2)$",
        lambda: list(np.array([5, 4]) + 2 * np.array([2, 1])),
    ),
    (
        "c1w2l2",
        "then ends in ${}$ — wrong, rank {}; the right form has rank {}.",
        lambda: [
            latex_matrix(
                sp.Matrix(
                    mistake(
                        "linalg.row_echelon_form",
                        "added_multiple",
                        matrix=[[0, 1, 2], [1, 2, 1], [2, 5, 4]],
                    ).rows
                )
            ),
            rank([[1, 2, 1], [0, 1, 2], [0, 0, 24]]),
            rank([[0, 1, 2], [1, 2, 1], [2, 5, 4]]),
        ],
    ),
    (
        "c1w2l2",
        "$(0,\\ 5 - \\tfrac12 \\cdot 2,\\ 4 - \\tfrac12 \\cdot 1) = (0, {}, {})$",
        lambda: [5 - sp.Rational(1, 2) * 2, 4 - sp.Rational(1, 2) * 1],
    ),
    (
        "c1w2l2",
        "same way ends in ${}$ — wrong, rank {}; the right form has rank {}.",
        lambda: [
            latex_matrix(
                sp.Matrix(
                    mistake(
                        "linalg.row_echelon_form",
                        "multiplier_upside_down",
                        matrix=[[0, 1, 2], [1, 2, 1], [2, 5, 4]],
                    ).rows
                )
            ),
            rank([[1, 2, 1], [0, 1, 2], [0, 0, 3]]),
            rank([[0, 1, 2], [1, 2, 1], [2, 5, 4]]),
        ],
    ),
    (
        "c1w2l1",
        "example, $x = {}$, $y = t$ is wrong: $t = 1$ gives $({}, 1)$",
        lambda: [
            mistake(
                "linalg.solve_singular_system",
                "free_term_kept_sign",
                matrix=[[1, 2], [3, 6]],
                rhs=[4, 12],
            ).text()[4:10],
            4 + 2 * 1,
        ],
    ),
    ("c1w2l1", "and $6 + 2 \\cdot 1 = {} \\ne 4$", lambda: [6 + 2 * 1]),
    (
        "c1w2l1",
        "$x = {}$, $y = t$ is right. - **Forgot to divide",
        lambda: [t_expr(family([[1, 2, 4], [3, 6, 12]], "x y")[0])],
    ),
    (
        "c1w2l1",
        "answering $x = {}$, $y = t$ is wrong: $t = 0$ gives $2 \\cdot 6 = {} \\ne 6$",
        lambda: [
            mistake(
                "linalg.solve_singular_system",
                "pivot_not_divided",
                matrix=[[2, 4], [1, 2]],
                rhs=[6, 3],
            ).text()[4:10],
            2 * 6,
        ],
    ),
    (
        "c1w2l1",
        "$2 \\cdot 6 = 12 \\ne 6$; $x = {}$, $y = t$ is right.",
        lambda: [t_expr(family([[2, 4, 6], [1, 2, 3]], "x y")[0])],
    ),
    (
        "c1w2l2",
        "wrong: ${}$, since $t = 1$ gives $5 + 2 = 7 \\ne 3$; right: $x = {}$",
        lambda: [
            mistake(
                "linalg.solve_singular_system",
                "free_term_kept_sign",
                matrix=[[1, 2], [0, 0]],
                rhs=[3, 0],
            )
            .text()
            .replace(", ", "$, $"),
            t_expr(family([[1, 2, 3], [0, 0, 0]], "x y")[0]),
        ],
    ),
    (
        "c1w2l2",
        "$(2,\\ 4 \\mid 6)$ and $(0,\\ 0 \\mid 0)$: wrong: ${}$; right: $x = {}$",
        lambda: [
            mistake(
                "linalg.solve_singular_system",
                "pivot_not_divided",
                matrix=[[2, 4], [0, 0]],
                rhs=[6, 0],
            )
            .text()
            .replace(", ", "$, $"),
            t_expr(family([[2, 4, 6], [0, 0, 0]], "x y")[0]),
        ],
    ),
    (
        "c1w1l2",
        "changed tent, $({},\\ {},\\ t)$ is wrong: $t = 1$ gives $(2, 2, 1)$, and "
        "$2 + 1 = 3 \\ne 1$; the line $({},\\ {},\\ t)$ is right.",
        lambda: [
            *(
                part.split(" = ")[1]
                for part in mistake(
                    "linalg.solve_singular_system",
                    "free_term_kept_sign",
                    matrix=[[1, 0, 1], [0, 1, 1], [1, 1, 2]],
                    rhs=[1, 1, 2],
                )
                .text()
                .split(", ")[:2]
            ),
            *(t_expr(e) for e in family([[1, 0, 1, 1], [0, 1, 1, 1], [1, 1, 2, 2]], "x y z")[:2]),
        ],
    ),
    (
        "c1w1l2",
        "row 1 gives $2x = 2 - 2t$: the line $({},\\ {},\\ t)$ is wrong; "
        "$({},\\ {},\\ t)$ is right.",
        lambda: [
            *(
                part.split(" = ")[1]
                for part in mistake(
                    "linalg.solve_singular_system",
                    "pivot_not_divided",
                    matrix=[[2, 0, 2], [0, 1, 1], [1, 1, 2]],
                    rhs=[2, 1, 2],
                )
                .text()
                .split(", ")[:2]
            ),
            *(t_expr(e) for e in family([[2, 0, 2, 2], [0, 1, 1, 1], [1, 1, 2, 2]], "x y z")[:2]),
        ],
    ),
]


def show(x: Any) -> str:
    """A number as the lessons write it in running text."""
    if isinstance(x, str):
        return x
    if hasattr(x, "entries"):  # the engine's answer as a vector of one number
        return show(x.entries[0])
    value = Fraction(str(x)) if not isinstance(x, int | Fraction) else Fraction(x)
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    return rf"{sign}\tfrac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def flat(text: str) -> str:
    """One space for any run of whitespace, and \\tfrac32 written as \\tfrac{3}{2}."""
    text = re.sub(r"\\tfrac(\d)(\d)", r"\\tfrac{\1}{\2}", text)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    ("lesson_id", "template", "compute"),
    CASES,
    ids=[f"{lesson}-{i}" for i, (lesson, _, _) in enumerate(CASES)],
)
def test_the_worked_example_shows_the_recomputed_number(
    course_tree: Curriculum, lesson_id: str, template: str, compute: Callable[[], Numbers]
) -> None:
    (lesson,) = [x for x in course_tree.lessons() if x.id == lesson_id]
    text = flat(lesson.intro + "\n".join(t.body for t in lesson.topics))
    expected = flat(template.format(*(show(x) for x in compute())))
    assert expected in text
