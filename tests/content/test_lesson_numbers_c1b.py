"""The worked examples of weeks 3 and 4 of course 1 (vectors, linear transformations,
determinants, eigenvalues), recomputed a second way and looked up in the lesson text.

Each row is (lesson id, text that must appear, value computed): ``{}`` in the text is
replaced by the value, written the way the lesson writes it — integers plainly, vectors
as ``(a, b)``, matrices as ``\\begin{bmatrix} … \\end{bmatrix}``. Whitespace is
normalised, so a fragment may span a line break of the Markdown.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from tests.content.conftest import lesson_markdown

from mlmath.exercises import registry

norm = np.linalg.norm
det = np.linalg.det
rank = np.linalg.matrix_rank
inv = np.linalg.inv
solve = np.linalg.solve


def M(*rows: Any) -> np.ndarray:
    return np.array(rows, dtype=float)


def V(*entries: Any) -> np.ndarray:
    return np.array(entries, dtype=float)


def engine(skill: str, **inputs: Any) -> Any:
    """The engine's own answer for these inputs (the practice's second opinion)."""
    s = registry.all_skills()[skill]
    answer = s.answer(s.read_inputs(inputs))
    if hasattr(answer, "entries"):
        return tuple(answer.entries)
    if hasattr(answer, "rows"):
        return [list(row) for row in answer.rows]
    return answer


def mistake(skill: str, misconception: str, **inputs: Any) -> Any:
    """The wrong answer the practice names ``misconception`` for these inputs."""
    s = registry.all_skills()[skill]
    wrong = s.buggy_answers(s.read_inputs(inputs))[misconception]
    return tuple(wrong.entries) if hasattr(wrong, "entries") else wrong


def show(x: Any) -> str:
    """A value as the lesson's Markdown writes it."""
    if isinstance(x, np.ndarray):
        x = x.tolist()
    if isinstance(x, list) and x and isinstance(x[0], list | tuple):
        rows = " \\\\ ".join(" & ".join(show(e) for e in row) for row in x)
        return f"\\begin{{bmatrix}} {rows} \\end{{bmatrix}}"
    if isinstance(x, list | tuple):
        return "(" + ", ".join(show(e) for e in x) + ")"
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return str(x.numerator)
        sign = "-" if x < 0 else ""
        return f"{sign}\\frac{{{abs(x.numerator)}}}{{{x.denominator}}}"
    if isinstance(x, str | bool):
        return str(x)
    value = float(x)
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    return f"{round(value, 6):g}"


def text_of(lesson_id: str) -> str:
    return " ".join(lesson_markdown(lesson_id).split())


# c1w3l1 — vectors
u1, v1 = V(4, 1), V(1, 3)
p, q = V(1, 5), V(4, 1)
w_house, x_house = V(3, 20, -1), V(80, 2, 10)
A_mv = M([2, -1], [1, 3])
X_houses = M([80, 2], [120, 3], [60, 1])


def angle(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.degrees(np.arccos(a @ b / (norm(a) * norm(b)))))


COS_AC = float(V(2, 1, 0) @ V(0, 1, 3) / (norm(V(2, 1, 0)) * norm(V(0, 1, 3))))


# c1w3l2 — linear transformations
shear = M([2, 1], [0, 1])
rot = M([0, -1], [1, 0])
stretch = M([2, 0], [0, 1])
A_pr, B_pr = M([1, 2], [3, 4]), M([2, 0], [1, 3])
W_nn, x_nn, b_nn = M([1, -1], [2, 0]), V(3, 1), V(0, -7)

# c1w4l1 — determinants
A_d, B_d = M([3, 1], [1, 2]), M([1, 2], [2, 2])

# c1w4l2 — bases, spans, eigenvalues
basis = np.column_stack([[1, 1], [1, -1]]).astype(float)
sym = M([2, 1], [1, 2])
A_eig = M([4, 1], [2, 3])
data = M([0, 0], [0, 3], [0, 6], [4, 7])
C = np.cov(data, rowvar=False)
pc = np.linalg.eigh(C)[1][:, -1]

ROWS = [
    # Norm of a vector
    ("c1w3l1", "\\lVert v \\rVert_2 = \\sqrt{{9}} = {}", norm(V(2, -1, 2))),
    ("c1w3l1", "|2| + |-1| + |2| = 2 + 1 + 2 = {}", norm(V(2, -1, 2), 1)),
    ("c1w3l1", "the length is $\\sqrt{{25}} = {}$", norm(V(1, 2, 2, 4))),
    ("c1w3l1", "$\\sqrt{{100}} = {}$", norm(V(-6, 8))),
    ("c1w3l1", "$|-6| + |8| = 6 + 8 = {}$", norm(V(-6, 8), 1)),
    (
        "c1w3l1",
        "\\sqrt{{3 - 4 + 12}} = \\sqrt{{11}} \\approx {}$",
        round(mistake("linalg.vector_norm", "entries_not_squared", vector=[3, -4, 12]), 2),
    ),
    (
        "c1w3l1",
        "wrong: $13 / 3 \\approx {}$; right: 13",
        round(float(mistake("linalg.vector_norm", "divided_by_count", vector=[3, -4, 12])), 2),
    ),
    # Sum and difference
    ("c1w3l1", "$(4 + 1, 1 + 3) = {}$", u1 + v1),
    ("c1w3l1", "$(4 - 1, 1 - 3) = {}$", u1 - v1),
    ("c1w3l1", "$v - u = {}$", V(-1, 4, 2) - V(2, -3, 5)),
    ("c1w3l1", "(10 - 12,\\ 8 - 7,\\ 9 - 9) = {}", V(10, 8, 9) - V(12, 7, 9)),
    ("c1w3l1", "u + 2v = {}$", engine("linalg.vector_arithmetic", u=[4, 1], v=[1, 3], b=2)),
    (
        "c1w3l1",
        "Likewise $u - v$ is $(3, -2)$, not ${}$",
        mistake("linalg.vector_arithmetic", "multiplied_entries", u=[4, 1], v=[1, 3], b=-1),
    ),
    # Distance
    ("c1w3l1", "$d(u, v) = \\sqrt{{25}} = {}$", norm(p - q)),
    ("c1w3l1", "adds the absolute differences instead:* $3 + 4 = {}$", norm(p - q, 1)),
    ("c1w3l1", "so $d(u, v) = {}$", norm(V(4, -5, 1) - V(3, -3, 3))),
    ("c1w3l1", "\\lVert (6, 8) \\rVert = {}$", norm(V(3, 4) - V(-3, -4))),
    ("c1w3l1", "\\sqrt{{61}} \\approx {}$", round(float(norm(p + q)), 2)),
    (
        "c1w3l1",
        "$u - v = (-3, 4)$; wrong: {};",
        mistake("linalg.vector_distance", "largest_difference", u=[1, 5], v=[4, 1]),
    ),
    ("c1w3l1", "\\sqrt{{10}} \\approx {}$", round(float(norm(V(4, 2) - V(1, 1))), 2)),
    ("c1w3l1", "\\sqrt 5 \\approx {}$", round(float(norm(V(4, 2) - V(5, 4))), 2)),
    # Scalar multiples
    ("c1w3l1", "-\\tfrac12 \\cdot (-6)\\right) = {}$", -0.5 * V(4, -6)),
    ("c1w3l1", "$(8 + (-1),\\ 2 + (-3)) = {}$", 2 * u1 - v1),
    ("c1w3l1", "2 - (-0.6)) = {}$", V(1, 2) - 0.1 * V(4, -6)),
    ("c1w3l1", "$2u + v = {}$", 2 * u1 + v1),
    ("c1w3l1", "3u - 2v = (3 - 4,\\ -6 - 2) = {}$", 3 * V(1, -2) - 2 * V(2, 1)),
    ("c1w3l1", "\\lVert (-2, 3) \\rVert = \\sqrt{{13}} \\approx {}$", round(norm(V(-2, 3)), 2)),
    # Dot product
    ("c1w3l1", "u \\cdot v = 2 + 6 + 4 = {}$", V(2, 3, 1) @ V(1, 2, 4)),
    ("c1w3l1", "&= 15 + 3 - 12 = {}.", V(-5, 1, 3) @ V(-3, 3, -4)),
    ("c1w3l1", "(2, 1) \\cdot (-1, 2) = -2 + 2 = {}$", V(2, 1) @ V(-1, 2)),
    ("c1w3l1", "$\\hat y = 270 + 50 = {}$", w_house @ x_house + 50),
    ("c1w3l1", "= 6 \\cdot 7 = {}$", V(2, 3, 1).sum() * V(1, 2, 4).sum()),
    # Geometric dot product
    ("c1w3l1", "$\\theta = \\arccos(0.7071) = {}^\\circ$", angle(V(3, 1), V(1, 2))),
    ("c1w3l1", "and $\\theta = {}^\\circ$", angle(V(2, 0), V(-1, 1))),
    (
        "c1w3l1",
        "$u \\cdot v = 3 \\cdot 4 \\cdot \\tfrac12 = {}$",
        engine("linalg.geometric_dot_product", length_u=3, length_v=4, angle=60),
    ),
    ("c1w3l1", "\\sin 60^\\circ \\approx {}$", round(12 * np.sin(np.radians(60)), 2)),
    (
        "c1w3l1",
        "\\operatorname{{proj}}_v u = \\tfrac{{5}}{{5}}(1, 2) = {}$",
        (V(3, 1) @ V(1, 2)) / (V(1, 2) @ V(1, 2)) * V(1, 2),
    ),
    ("c1w3l1", "1/\\sqrt{{50}} \\approx {}$", round(COS_AC, 3)),
    ("c1w3l1", "(an angle of about {}°)", round(angle(V(2, 1, 0), V(0, 1, 3)))),
    # Matrix times vector
    ("c1w3l1", "$2 \\cdot 3 + (-1) \\cdot 1 = 6 - 1 = {}$", (A_mv @ V(3, 1))[0]),
    ("c1w3l1", "$1 \\cdot 3 + 3 \\cdot 1 = 3 + 3 = {}$", (A_mv @ V(3, 1))[1]),
    ("c1w3l1", "-1 \\cdot 3 + 3 \\cdot 1) = {}$", A_mv.T @ V(3, 1)),
    ("c1w3l1", "giving ${}$; right: $(5, 6)$", V(3 * A_mv[0].sum(), 1 * A_mv[1].sum())),
    ("c1w3l1", "So $Xw = {}$", X_houses @ V(3, 20)),
    (
        "c1w3l1",
        "= \\begin{{bmatrix}} {} \\end{{bmatrix}}.$$",
        " \\\\ ".join(show(e) for e in M([1, 0, 2], [-1, 3, 1]) @ V(2, 1, 1)),
    ),
    # Matrices as linear transformations
    ("c1w3l2", "T(v) = 3(2, 0) + 2(1, 1) = (6, 0) + (2, 2) = {}$", shear @ V(3, 2)),
    ("c1w3l2", "(-12, -3) + (-18, 9) = {}$", M([4, -6], [1, 3]) @ V(-3, 3)),
    ("c1w3l2", "Wrong: $3(2, 1) + 2(0, 1) = {}$", shear.T @ V(3, 2)),
    ("c1w3l2", "-1 \\cdot (2, 0) + 2 \\cdot (1, 1) = (-2, 0) + (2, 2) = {}$", shear @ V(-1, 2)),
    # Linear transformations as matrices
    ("c1w3l2", "$R = {}$", engine("linalg.transformation_matrix", images=[[0, 1], [-1, 0]])),
    ("c1w3l2", "$R(3, 2) = 3(0, 1) + 2(-1, 0) = {}$", rot @ V(3, 2)),
    ("c1w3l2", "$(4, 1) + (2, 2) = {}$", M([4, 2], [1, 2]) @ V(1, 1)),
    # Matrix multiplication
    ("c1w3l2", "$$AB = {}$$", A_pr @ B_pr),
    ("c1w3l2", "Wrong: $BA = {}$", B_pr @ A_pr),
    ("c1w3l2", "Wrong: ${}$; right:", A_pr * B_pr),
    ("c1w3l2", "$(1, 2) \\cdot (1, 3) = {}$", (A_pr @ B_pr.T)[0, 1]),
    ("c1w3l2", "*The matrix of the composition:* $BA = {}$", stretch @ rot),
    (
        "c1w3l2",
        "right: $BA = {}$",
        engine("linalg.composition", first=rot.tolist(), second=stretch.tolist()),
    ),
    ("c1w3l2", "wrong: $AB = {}$", rot @ stretch),
    ("c1w3l2", "Wrong: $A + B = {}$", rot + stretch),
    ("c1w3l2", "= {}.$$", M([1, 0], [0, -1]) @ M([1, 1], [0, 1])),
    # The identity matrix
    (
        "c1w3l2",
        "A \\begin{{bmatrix}} 1 & 1 \\\\ 1 & 1 \\end{{bmatrix}} = {}$",
        M([6, 2], [4, 3]) @ np.ones((2, 2)),
    ),
    ("c1w3l2", "I + W = {}$", np.eye(2) + M([0.1, 0], [0, -0.2])),
    # Matrix inverse
    ("c1w3l2", "$A^{{-1}} = {}$", inv(M([2, 1], [1, 1]))),
    ("c1w3l2", "$w = A^{{-1}}y = {}$", solve(M([100, 3], [80, 2]), V(330, 260))),
    ("c1w3l2", "$4 \\cdot 6 - 7 \\cdot 2 = 24 - 14 = {}$", det(M([4, 7], [2, 6]))),
    ("c1w3l2", "= {}.$$", engine("linalg.matrix_inverse", matrix=[[4, 7], [2, 6]])),
    ("c1w3l2", "$(2, 1, 1, 0) - 2(1, 1, 0, 1) = {}$", V(2, 1, 1, 0) - 2 * V(1, 1, 0, 1)),
    (
        "c1w3l2",
        "first entry $4 \\cdot \\frac14 + 7 \\cdot \\frac12 = {}$",
        (M([4, 7], [2, 6]) @ (1 / M([4, 7], [2, 6])))[0, 0],
    ),
    ("c1w3l2", "${}$, divided by 1", inv(M([3, 1], [5, 2]))),
    # Which matrices have an inverse?
    ("c1w3l2", "$ad - bc = 1 \\cdot 4 - 2 \\cdot 2 = 4 - 4 = {}$", det(M([1, 2], [2, 4]))),
    ("c1w3l2", "$A(-1, 1) = (-1 + 2,\\ -2 + 4) = {}$", M([1, 2], [2, 4]) @ V(-1, 1)),
    ("c1w3l2", "(-8) \\cdot 3 - (-6) \\cdot 4 = -24 + 24 = {}$", det(M([-8, -6], [4, 3]))),
    ("c1w3l2", "the inverse ${}$", inv(M([1, 2], [3, 4]))),
    ("c1w3l2", "$4 \\cdot (-10) - 5 \\cdot (-8) = -40 + 40 = {}$", det(M([4, 5], [-8, -10]))),
    ("c1w3l2", "$0 \\cdot 0 - 1 \\cdot 1 = {}$", det(M([0, 1], [1, 0]))),
    # Neural networks and matrices
    ("c1w3l2", "*The layer's output:* ${}$", np.maximum(0, W_nn @ x_nn + b_nn)),
    ("c1w3l2", "So $Wx = {}$", W_nn @ x_nn),
    ("c1w3l2", "$z = (2 + 0,\\ 6 + (-7)) = {}$", W_nn @ x_nn + b_nn),
    ("c1w3l2", "$5 \\cdot 3 + 1 \\cdot 2 + 4 = {}$", V(5, 1) @ V(3, 2) + 4),
    (
        "c1w3l2",
        "= (5, -3)$, then $\\text{{ReLU}}(5, -10) = {}$",
        np.maximum(0, W_nn.T @ x_nn + b_nn),
    ),
    (
        "c1w3l2",
        "ReLU gives ${}$",
        engine(
            "linalg.neural_forward_pass",
            weights=[[-5, 1], [3, -3]],
            x=[3, -4],
            bias=[-5, 2],
            activation="relu",
        ),
    ),
    # Machine Learning Motivation
    ("c1w4l1", "$\\det A = 3 \\cdot 2 - 1 \\cdot 1 = 6 - 1 = {}$", det(A_d)),
    ("c1w4l1", "$1000 / 5 = {}$", 1000 / abs(det(A_d))),
    ("c1w4l1", "$\\det A = 2 \\cdot 0.5 - 0 \\cdot 0 = {}$", det(M([2, 0], [0, 0.5]))),
    (
        "c1w4l1",
        "right: $2 \\cdot 3 = {}$",
        engine("linalg.determinant_area", matrix=[[1, 2], [3, 4]], area=3),
    ),
    (
        "c1w4l1",
        "$3 \\cdot 4 = 12$, and the density falls to $60 / 3 = {}$",
        60 / det(M([2, 1], [1, 2])),
    ),
    (
        "c1w4l1",
        "wrong: $\\det A = {}$; right: $|-2| \\cdot 3 = 6$",
        mistake("linalg.determinant_area", "determinant_itself", matrix=[[1, 2], [3, 4]], area=3),
    ),
    # Singularity and rank
    ("c1w4l1", "dimension of that image:* {}.", rank(M([2, 1], [4, 2]))),
    ("c1w4l1", "So the rank is {}:", rank(M([1, 2, 3], [2, 4, 6], [1, 0, 1]))),
    ("c1w4l1", "$(1, 0, 1) - (1, 2, 3) = {}$", V(1, 0, 1) - V(1, 2, 3)),
    ("c1w4l1", "$(-8)(-2) - 8 \\cdot 2 = 16 - 16 = {}$", det(M([-8, 8], [2, -2]))),
    ("c1w4l1", "so the rank is 1. Both columns", rank(M([-8, 8], [2, -2])) == 1),
    # Determinant as an area
    (
        "c1w4l1",
        "area $5 \\times 2 = {}$",
        engine("linalg.determinant_area", matrix=[[3, 1], [1, 2]], area=2),
    ),
    ("c1w4l1", "$\\det A = 1 \\cdot 4 - 2 \\cdot 3 = {}$", det(M([1, 2], [3, 4]))),
    ("c1w4l1", "$2 \\cdot 3 \\cdot (-1) = {}$", det(M([2, 1, 0], [0, 3, 0], [0, 0, -1]))),
    ("c1w4l1", "$6 \\cdot 17 = {}$", abs(det(M([2, 1, 0], [0, 3, 0], [0, 0, -1]))) * 17),
    (
        "c1w4l1",
        "volume 17 above, wrong: ${}$",
        mistake(
            "linalg.determinant_area",
            "determinant_itself",
            matrix=[[2, 1, 0], [0, 3, 0], [0, 0, -1]],
            area=17,
        ),
    ),
    ("c1w4l1", "$12 - 3 - 2 - 2 = {}$", det(A_d)),
    ("c1w4l1", "$18 \\cdot 4 = {}$", abs(det(M([4, -6], [1, 3]))) * 4),
    # Determinant of a product
    ("c1w4l1", "$\\det(AB) = 5 \\cdot (-2) = {}$", det(A_d @ B_d)),
    ("c1w4l1", "$\\det B = 1 \\cdot 2 - 2 \\cdot 2 = 2 - 4 = {}$", det(B_d)),
    ("c1w4l1", "= {}$, and $5 \\cdot 6", A_d @ B_d),
    ("c1w4l1", "$BA = {}$ — a different matrix", B_d @ A_d),
    ("c1w4l1", "$\\det(BA) = 30 - 40 = {}$", det(B_d @ A_d)),
    ("c1w4l1", "$16 - 9 = {}$", det(A_d + B_d)),
    ("c1w4l1", "$\\det(2A) = 2^2 \\det A = {}$", det(2 * A_d)),
    (
        "c1w4l1",
        "det(AB) = -10",
        engine("linalg.determinant_product", left=A_d.tolist(), right=B_d.tolist()) == -10,
    ),
    # Determinants of inverses
    ("c1w4l1", "$\\det(A^{{-1}}) = \\dfrac{{1}}{{{}}}$", 1 / det(inv(M([3, 1], [0, 1])))),
    ("c1w4l1", "$(-2)(-0.5) - 1 \\cdot 1.5 = 1 - 1.5 = {}$", det(inv(M([1, 2], [3, 4])))),
    ("c1w4l1", "so $\\det(A^{{-1}}) = \\tfrac1{}$.", 1 / det(inv(M([4, 1], [2, 2])))),
    (
        "c1w4l1",
        "$\\tfrac13 \\cdot 1 - (-\\tfrac13) \\cdot 0 = \\tfrac1{}$",
        1 / engine("linalg.determinant_inverse", matrix=[[3, 1], [0, 1]]),
    ),
    # Bases
    (
        "c1w4l2",
        "$\\begin{{vmatrix}} 1 & 1 \\\\ 1 & -1 \\end{{vmatrix}} = 1 \\cdot (-1) - 1 \\cdot 1 = "
        "-1 - 1 = {}$",
        det(basis),
    ),
    ("c1w4l2", "The coordinates are $c = {}$", solve(basis, V(3, 1))),
    (
        "c1w4l2",
        "The coordinates are ${}$.",
        engine("linalg.basis_coordinates", basis=[[0, 1], [1, 4]], vector=[1, 3]),
    ),
    ("c1w4l2", "\\begin{{bmatrix}} 3 \\\\ 1 \\end{{bmatrix}} = {}$", basis @ V(3, 1)),
    ("c1w4l2", "$(1, -1, 1) - (1, 1, 3) = {}$", V(1, -1, 1) - V(1, 1, 3)),
    # Span
    (
        "c1w4l2",
        "so the system is consistent and $w$ is in the span, with $c_1 = {}$",
        np.linalg.lstsq(M([1, 0], [2, 1], [0, 1]), V(2, 5, 1), rcond=None)[0][0],
    ),
    ("c1w4l2", "$(0, 1, 2) - (0, 1, 1) = {}$", V(0, 1, 2) - V(0, 1, 1)),
    ("c1w4l2", "off the plane spanned", rank(M([1, 0, 2], [2, 1, 5], [0, 1, 2])) == 3),
    (
        "c1w4l2",
        "so $c_2 = {}$. The first entries",
        np.linalg.lstsq(M([2, 2], [-3, -2], [0, 2]), V(-4, 3, -6), rcond=None)[0][1],
    ),
    # Interactive visualization: Linear Span
    ("c1w4l2", "= 1 \\cdot 1 - 3 \\cdot 2 = 1 - 6 = {} \\neq 0$", det(M([1, 3], [2, 1]))),
    ("c1w4l2", "then $c_1 = 5 - 3 = {}$", solve(M([1, 3], [2, 1]), V(5, 5))[0]),
    ("c1w4l2", "so $c_1 = {}$ and $c_2 = 1$", solve(M([1, 3], [2, 1]), V(1, -3))[0]),
    ("c1w4l2", "determinant $1 \\cdot 4 - 2 \\cdot 2 = {}$", det(M([1, 2], [2, 4]))),
    # Eigenbases
    ("c1w4l2", "= 118098\\,(1, 1) + (1, -1) = {}$", np.linalg.matrix_power(sym, 10) @ V(3, 1)),
    ("c1w4l2", "so $\\lambda = {}$ twice", np.linalg.eigvals(M([4, -3], [3, -2])).real.mean()),
    (
        "c1w4l2",
        "eigenbasis? ::: answer No.",
        engine("linalg.eigenbasis", matrix=[[4, -3], [3, -2]]) == "no",
    ),
    # Eigenvalues and eigenvectors
    ("c1w4l2", "so $\\lambda = {}$ or", min(np.linalg.eigvals(sym))),
    ("c1w4l2", "or $\\lambda = {}$.", max(np.linalg.eigvals(sym))),
    ("c1w4l2", "$A(1, 1) = (2 + 1, 1 + 2) = {} = 3(1, 1)$", sym @ V(1, 1)),
    ("c1w4l2", "$C = {}$", C),
    ("c1w4l2", "Check: $C(1, 2) = {} = 12(1, 2)$", C @ V(1, 2)),
    ("c1w4l2", "The first principal direction is ${}$", pc / pc[0]),
    (
        "c1w4l2",
        "The first principal direction is $(1, 2)$",
        engine("linalg.principal_direction", data=data.astype(int).tolist()) == (1, 2),
    ),
    ("c1w4l2", "12/(2 + 12) \\approx {}\\,\\%", round(100 * 12 / np.trace(C))),
    (
        "c1w4l2",
        "$\\lambda^2 - 7\\lambda + 10 = (\\lambda - 2)(\\lambda - {}) = 0$",
        max(np.linalg.eigvals(A_eig)),
    ),
    (
        "c1w4l2",
        "wrong: $-5$ and $-2$; right: 2 and {}.",
        engine("linalg.eigenvalues", matrix=A_eig.astype(int).tolist())[1],
    ),
    ("c1w4l2", "$A(1, -2) = {}$", A_eig @ V(1, -2)),
    ("c1w4l2", "$A(-1, 1) = {}$", A_eig @ V(-1, 1)),
    (
        "c1w4l2",
        "$\\lambda = 1$ and $\\lambda = {}$ (sum 7",
        max(np.linalg.eigvals(M([5, 4], [1, 2]))),
    ),
    ("c1w4l2", "Check: $A(4, 1) = {} = 6(4, 1)$", M([5, 4], [1, 2]) @ V(4, 1)),
    # the wrong answers of the newer Common mistakes of week 3, as the practice names them
    ("c1w3l1", "wrong: $3 \\cos 60^\\circ = {}$", round(3 * np.cos(np.radians(60)), 2)),
    (
        "c1w3l1",
        "wrong: $3 \\cos 60^\\circ = 1.5$",
        mistake("linalg.geometric_dot_product", "shadow_only", length_u=3, length_v=4, angle=60)
        == 1.5,
    ),
    ("c1w3l1", "right: $1.5 \\cdot 4 = {}$", 1.5 * 4),
    ("c1w3l1", "wrong: $\\cos 60^\\circ = {}$", round(np.cos(np.radians(60)), 2)),
    (
        "c1w3l1",
        "wrong: $\\cos 60^\\circ = 0.5$",
        mistake("linalg.geometric_dot_product", "cosine_only", length_u=3, length_v=4, angle=60)
        == 0.5,
    ),
    ("c1w3l1", "right: $3 \\cdot 4 \\cdot 0.5 = {}$", 3 * 4 * np.cos(np.radians(60))),
    (
        "c1w3l1",
        "$(1 + 3) + (3 + 1) = 8$, giving ${}$; right: $(5, 6)$",
        A_mv.sum(axis=1) + V(3, 1).sum(),
    ),
    (
        "c1w3l1",
        "$(1 + 3) + (3 + 1) = 8$, giving ${}$",
        mistake(
            "linalg.matrix_vector_product", "added_entries", matrix=[[2, -1], [1, 3]], vector=[3, 1]
        ),
    ),
    (
        "c1w3l1",
        "$(1 + 3)(3 + 1) = 16$, giving ${}$; right: $(5, 6)$",
        A_mv.sum(axis=1) * V(3, 1).sum(),
    ),
    (
        "c1w3l1",
        "$(1 + 3)(3 + 1) = 16$, giving ${}$",
        mistake(
            "linalg.matrix_vector_product",
            "multiplied_sums",
            matrix=[[2, -1], [1, 3]],
            vector=[3, 1],
        ),
    ),
    ("c1w3l2", "Wrong: $2(2, 0) + 3(1, 1) = {}$", shear @ V(2, 3)),
    (
        "c1w3l2",
        "Wrong: $2(2, 0) + 3(1, 1) = {}$",
        mistake(
            "linalg.transformation_image",
            "weights_reversed",
            matrix=[[2, 1], [0, 1]],
            vector=[3, 2],
        ),
    ),
    ("c1w3l2", "the steps are $(0, 1) - (1, 0) = {}$", V(0, 1) - V(1, 0)),
    ("c1w3l2", "$(-1, 0) - (0, 1) = {}$", V(-1, 0) - V(0, 1)),
    ("c1w3l2", "(-1, -1)$. Wrong: ${}$; right:", rot - np.eye(2)),
    (
        "c1w3l2",
        "(-1, -1)$. Wrong: ${}$; right:",
        [
            list(row)
            for row in mistake(
                "linalg.transformation_matrix", "moves_not_images", images=[[0, 1], [-1, 0]]
            ).rows
        ],
    ),
    (
        "c1w3l2",
        "$A \\begin{{bmatrix}} 0 & 1 \\\\ 1 & 0 \\end{{bmatrix}} = {}$",
        M([6, 2], [4, 3]) @ M([0, 1], [1, 0]),
    ),
    ("c1w3l2", "Wrong: $A + I = {}$", M([6, 2], [4, 3]) + np.eye(2)),
    # the wrong answers of the newer Common mistakes of week 4, as the practice names them
    ("c1w4l1", "right: 2 pivots, rank {}.", rank(M([1, 2, 3], [2, 4, 6], [1, 0, 1]))),
    ("c1w4l1", "right: 1 pivot, rank {}.", rank(M([1, 2, 3], [2, 4, 6], [3, 6, 9]))),
    (
        "c1w4l1",
        'Wrong: "$3 - 1 = {}$"; right: 1 pivot',
        mistake("linalg.transformation_rank", "one_dimension_lost", matrix=[[1, 2, 3]] * 3),
    ),
    ("c1w4l1", "${}$, with determinant $12 - 4 = 8$", A_d * B_d),
    ("c1w4l1", "with determinant $12 - 4 = {}$. Wrong: 8", det(A_d * B_d)),
    (
        "c1w4l1",
        "$(3 \\cdot 2 + 1 \\cdot 1)(1 \\cdot 2 + 2 \\cdot 2) = 7 \\cdot 6 = {}$",
        (A_d[0, 0] * A_d[1, 1] + A_d[0, 1] * A_d[1, 0])
        * (B_d[0, 0] * B_d[1, 1] + B_d[0, 1] * B_d[1, 0]),
    ),
    (
        "c1w4l1",
        "= 7 \\cdot 6 = {}$",
        mistake(
            "linalg.determinant_product", "signs_dropped", left=A_d.tolist(), right=B_d.tolist()
        ),
    ),
    (
        "c1w4l1",
        "\\tfrac14 - \\tfrac16 = \\tfrac{{1}}{{{}}}$",
        1 / det(1 / M([1, 2], [3, 4])),
    ),
    (
        "c1w4l1",
        "$1/(1 \\cdot 4 + 2 \\cdot 3) = \\tfrac{{1}}{{{}}}$",
        1 / mistake("linalg.determinant_inverse", "signs_dropped", matrix=[[1, 2], [3, 4]]),
    ),
    ("c1w4l1", "right: $1/(1 \\cdot 4 - 2 \\cdot 3) = -\\tfrac1{}$", -det(M([1, 2], [3, 4]))),
    (
        "c1w4l2",
        "wrong: ${}$, since $3(1, 0) - 2(1, 1)",
        solve(M([1, 0], [1, 1]), V(3, 1)),
    ),
    ("c1w4l2", "$3(1, 0) - 2(1, 1) = {} \\neq w$", 3 * V(1, 0) - 2 * V(1, 1)),
    (
        "c1w4l2",
        "wrong: $(3, -2)$, since $3(1, 0) - 2(1, 1) = (1, -2) \\neq w$; right: ${}$",
        solve(np.column_stack([[1, 0], [1, 1]]).astype(float), V(3, 1)),
    ),
    (
        "c1w4l2",
        "\\big(\\tfrac31, \\tfrac42\\big) = {}$",
        V(V(3, 1) @ V(1, 0) / (V(1, 0) @ V(1, 0)), V(3, 1) @ V(1, 1) / (V(1, 1) @ V(1, 1))),
    ),
    ("c1w4l2", "$3(1, 0) + 2(1, 1) = {} \\neq w$", 3 * V(1, 0) + 2 * V(1, 1)),
    (
        "c1w4l2",
        "For the same matrix, wrong: {} and 10; right: 2 and 5",
        np.trace(A_eig),
    ),
    ("c1w4l2", "wrong: 7 and {}; right: 2 and 5", det(A_eig)),
    (
        "c1w4l2",
        "\\lambda^2 - 9\\lambda + 20$, roots 4 and {};",
        max(np.roots([1, -(7 + 2), 7 * 2 + 2 * 3]).real),
    ),
    (
        "c1w4l2",
        "\\lambda^2 - 9\\lambda + 8$, roots 1 and {}.",
        max(np.linalg.eigvals(M([7, 2], [3, 2]))),
    ),
    ("c1w4l2", "wrong: $(-2, 1)$, since $A(-2, 1) = {}$", A_eig @ V(-2, 1)),
    (
        "c1w4l2",
        "gives $v_2 = -2v_1$; wrong: ${}$",
        mistake(
            "linalg.eigenvectors",
            "swapped_entries",
            matrix=A_eig.astype(int).tolist(),
            eigenvalue=2,
        ),
    ),
    ("c1w4l2", "the raw products give $\\tfrac13 {}$", data.T @ data),
    (
        "c1w4l2",
        "about $(1, {})$, tilted towards the mean",
        # the top eigenvector of the uncentred products, scaled to first entry 1
        round(float(np.divide(*np.linalg.eigh(data.T @ data)[1][::-1, -1])), 2),
    ),
    ("c1w4l2", "tilted towards the mean ${}$", data.mean(axis=0)),
    ("c1w4l2", "wrong: $(2, 1)$, since $C(2, 1) = {}$", C @ V(2, 1)),
    # span: a negative multiple, and weights that miss the last entry
    ("c1w4l2", "${} = -2 \\cdot (1, 2, 0)$ is in the span", -2 * V(1, 2, 0)),
    (
        "c1w4l2",
        "$(-2, -4, 0) = -2 \\cdot (1, 2, 0)$ is in the span of $(1, 2, 0)$ and $(0, 1, 1)$. "
        "Wrong: {}; right: yes.",
        mistake(
            "linalg.span_membership",
            "negative_multiple",
            vectors=[[1, 2, 0], [0, 1, 1]],
            target=[-2, -4, 0],
        ),
    ),
    (
        "c1w4l2",
        "the first two entries give $c_1 = {}$",
        solve(M([1, 0], [2, 1]), V(2, 5))[0],
    ),
    ("c1w4l2", "and $c_2 = {}$, but", solve(M([1, 0], [2, 1]), V(2, 5))[1]),
    ("c1w4l2", "$2(1, 2, 0) + 1(0, 1, 1) = {} \\neq w$", 2 * V(1, 2, 0) + V(0, 1, 1)),
    (
        "c1w4l2",
        "(2, 5, 1) \\neq w$. Wrong: {}; right: no.",
        mistake(
            "linalg.span_membership",
            "unchecked_entry",
            vectors=[[1, 2, 0], [0, 1, 1]],
            target=[2, 5, 2],
        ),
    ),
    (
        "c1w4l2",
        "(2, 5, 1) \\neq w$. Wrong: yes; right: {}.",
        engine("linalg.span_membership", vectors=[[1, 2, 0], [0, 1, 1]], target=[2, 5, 2]),
    ),
    ("c1w4l2", "${} = -2 \\cdot (1, 2)$ is in the span", -2 * V(1, 2)),
    (
        "c1w4l2",
        "$(-2, -4) = -2 \\cdot (1, 2)$ is in the span of $(1, 2)$. Wrong: {}; right: yes.",
        mistake("linalg.span_membership", "negative_multiple", vectors=[[1, 2]], target=[-2, -4]),
    ),
    ("c1w4l2", "The first entry gives $c = {}$", V(3, 4)[0] / V(1, 2)[0]),
    ("c1w4l2", "$3 \\cdot (1, 2) = {} \\neq (3, 4)$", 3 * V(1, 2)),
    (
        "c1w4l2",
        "\\neq (3, 4)$. Wrong: {}; right: no.",
        mistake("linalg.span_membership", "unchecked_entry", vectors=[[1, 2]], target=[3, 4]),
    ),
    (
        "c1w4l2",
        "\\neq (3, 4)$. Wrong: yes; right: {}.",
        engine("linalg.span_membership", vectors=[[1, 2]], target=[3, 4]),
    ),
    # eigenbasis: a sign lost solving (A − λI)v = 0, and swapped entries
    (
        "c1w4l2",
        "$A - 2I$ gives $2v_1 + v_2 = 0$",
        bool(np.allclose((A_eig - 2 * np.eye(2))[0], [2, 1])),
    ),
    (
        "c1w4l2",
        "$A - 5I$ gives $-v_1 + v_2 = 0$",
        bool(np.allclose((A_eig - 5 * np.eye(2))[0], [-1, 1])),
    ),
    (
        "c1w4l2",
        "$-v_1 + v_2 = 0$; wrong: ${}$",
        [
            list(row)
            for row in mistake("linalg.find_eigenbasis", "signs_lost", matrix=[[4, 1], [2, 3]]).rows
        ],
    ),
    ("c1w4l2", "whose column $(1, 2)$ goes to ${}$", A_eig @ V(1, 2)),
    (
        "c1w4l2",
        "goes to $(6, 8)$; right: $P = {}$",
        engine("linalg.find_eigenbasis", matrix=[[4, 1], [2, 3]]),
    ),
    (
        "c1w4l2",
        "$v_2 = -2v_1$ gives ${}$; wrong:",
        # the null vector of A − 2I (its last right-singular vector), scaled to first entry 1
        np.linalg.svd(A_eig - 2 * np.eye(2))[2][-1]
        / np.linalg.svd(A_eig - 2 * np.eye(2))[2][-1][0],
    ),
    (
        "c1w4l2",
        "gives $(1, -2)$; wrong: ${}$",
        [
            list(row)
            for row in mistake(
                "linalg.find_eigenbasis", "swapped_entries", matrix=[[4, 1], [2, 3]]
            ).rows
        ],
    ),
    ("c1w4l2", "whose column $(-2, 1)$ goes to ${}$", A_eig @ V(-2, 1)),
    (
        "c1w4l2",
        "$(-7, -1)$; right: $P = {}$",
        engine("linalg.find_eigenbasis", matrix=[[4, 1], [2, 3]]),
    ),
    # characteristic polynomial: λ in every entry, the middle terms dropped, −λ² for (−λ)(−λ)
    (
        "c1w4l2",
        "(1 - \\lambda)(2 - \\lambda) = {} - 4\\lambda$",
        np.polynomial.polynomial.polysub([12, -7, 1], [2, -3, 1])[0],
    ),
    (
        "c1w4l2",
        "(1 - \\lambda)(2 - \\lambda) = 10 - {}\\lambda$",
        -np.polynomial.polynomial.polysub(
            np.polynomial.polynomial.polymul([4, -1], [3, -1]),
            np.polynomial.polynomial.polymul([1, -1], [2, -1]),
        )[1],
    ),
    (
        "c1w4l2",
        "(1 - \\lambda)(2 - \\lambda) = 10 - 4\\lambda$",
        # the practice's wrong answer is det(A − λ·ones), worked with NumPy at five points
        all(
            np.isclose(
                mistake(
                    "linalg.characteristic_polynomial",
                    "lambda_in_every_entry",
                    matrix=[[4, 1], [2, 3]],
                ).evaluate({"lambda": t}),
                det(A_eig - t * np.ones((2, 2))),
            )
            and np.isclose(det(A_eig - t * np.ones((2, 2))), 10 - 4 * t)
            for t in (-2.0, -0.5, 0.0, 1.5, 3.0)
        ),
    ),
    ("c1w4l2", "Wrong: $12 + \\lambda^2 - 2 = \\lambda^2 + {}$", det(A_eig)),
    (
        "c1w4l2",
        "$12 - 4\\lambda - 3\\lambda + \\lambda^2 - 2 = \\lambda^2 - {}\\lambda + 10$",
        -np.poly(A_eig)[1],
    ),
    (
        "c1w4l2",
        "Wrong: $12 + \\lambda^2 - 2 = \\lambda^2 + 10$",
        # the practice's wrong answer is λ² + det A, the term −(a + d)λ left out
        all(
            np.isclose(
                mistake(
                    "linalg.characteristic_polynomial",
                    "middle_terms_dropped",
                    matrix=[[4, 1], [2, 3]],
                ).evaluate({"lambda": t}),
                np.polyval(np.poly(A_eig), t) + np.trace(A_eig) * t,
            )
            for t in (-2.0, -0.5, 0.0, 1.5, 3.0)
        ),
    ),
    (
        "c1w4l2",
        "Wrong: $12 - 7\\lambda - \\lambda^2 - 2 = -\\lambda^2 - {}\\lambda + 10$",
        np.trace(A_eig),
    ),
    (
        "c1w4l2",
        "Wrong: $12 - 7\\lambda - \\lambda^2 - 2 = -\\lambda^2 - 7\\lambda + 10$",
        # the practice's wrong answer is p(λ) with its λ² term negated
        all(
            np.isclose(
                mistake(
                    "linalg.characteristic_polynomial",
                    "lambda_squared_sign",
                    matrix=[[4, 1], [2, 3]],
                ).evaluate({"lambda": t}),
                np.polyval(np.poly(A_eig), t) - 2 * t**2,
            )
            for t in (-2.0, -0.5, 0.0, 1.5, 3.0)
        ),
    ),
    # powers row by row, and angles with arcsin or with squared lengths
    ("c1w3l2", "Entry (1, 2) wrong: $(1, 2) \\cdot (3, 4) = {}$", V(1, 2) @ V(3, 4)),
    ("c1w3l2", "right: $(1, 2) \\cdot (2, 4) = {}$. Wrong:", V(1, 2) @ V(2, 4)),
    ("c1w3l2", "= 10$. Wrong: ${}$; right:", M([1, 2], [3, 4]) @ M([1, 2], [3, 4]).T),
    (
        "c1w3l2",
        "= 10$. Wrong: ${}$; right:",
        [
            list(row)
            for row in mistake(
                "linalg.matrix_power", "row_by_row", matrix=[[1, 2], [3, 4]], power=2
            ).rows
        ],
    ),
    ("c1w3l2", "right: $A^2 = {}$. -", np.linalg.matrix_power(M([1, 2], [3, 4]), 2)),
    (
        "c1w3l1",
        "wrong: $\\arcsin(-0.7071) = {}^\\circ$",
        np.degrees(np.arcsin(V(2, 0) @ V(-1, 1) / (norm(V(2, 0)) * norm(V(-1, 1))))),
    ),
    (
        "c1w3l1",
        "wrong: $\\arcsin(-0.7071) = {}^\\circ$",
        round(mistake("linalg.vector_angle", "arcsin_not_arccos", u=[2, 0], v=[-1, 1]), 6),
    ),
    (
        "c1w3l1",
        "\\arccos(0.1) \\approx {}^\\circ$",
        round(
            float(
                np.degrees(np.arccos(V(3, 1) @ V(1, 2) / (V(3, 1) @ V(3, 1) * (V(1, 2) @ V(1, 2)))))
            ),
            1,
        ),
    ),
    (
        "c1w3l1",
        "\\arccos(0.1) \\approx {}^\\circ$",
        round(mistake("linalg.vector_angle", "squared_lengths", u=[3, 1], v=[1, 2]), 1),
    ),
    (
        "c1w3l1",
        "\\sqrt 5)\\big) = {}^\\circ$",
        np.degrees(np.arccos(V(3, 1) @ V(1, 2) / (norm(V(3, 1)) * norm(V(1, 2))))),
    ),
]


@pytest.mark.parametrize(
    ("lesson_id", "fragment", "value"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)]
)
def test_a_worked_example_number_is_in_the_lesson(
    lesson_id: str, fragment: str, value: Any
) -> None:
    if isinstance(value, bool | np.bool_):
        # A yes/no fact computed a second way; the fragment states it in words.
        assert value, fragment
        expected = fragment
    else:
        expected = fragment.format(show(value))
    assert expected in text_of(lesson_id), expected
