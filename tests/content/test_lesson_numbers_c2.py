"""The worked examples of course 2 (derivatives, optimisation, gradients, gradient descent,
neural networks, Newton's method), recomputed a second way and looked up in the lessons.

Each row is (lesson id, text that must appear, value computed with NumPy, SciPy, SymPy or
the engine): ``{}`` in the text is replaced by the value as the lesson writes it —
integers plainly, other numbers rounded to the decimals given as a ``(value, decimals)``
pair, fractions as ``\\frac{p}{q}``. Whitespace is normalised, so a fragment may span a
line break of the Markdown.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy as sp
from scipy.optimize import minimize_scalar
from tests.content.conftest import lesson_markdown

from mlmath.engine.calculus.backpropagation import (
    Network,
    activations,
    gradients,
    loss,
    numerical_partial,
)
from mlmath.exercises import registry

x, y = sp.symbols("x y")


def engine(skill: str, **inputs: Any) -> Any:
    """The engine's answer for these inputs (the practice's own second opinion)."""
    s = registry.all_skills()[skill]
    answer = s.answer(s.read_inputs(inputs))
    if hasattr(answer, "entries"):
        return tuple(answer.entries)
    if hasattr(answer, "rows"):
        return [list(row) for row in answer.rows]
    return answer


def show(value: Any) -> str:
    """A value as the lesson writes it."""
    if isinstance(value, tuple) and len(value) == 2 and type(value[1]) is int:
        number, decimals = value
        return f"{float(number):.{decimals}f}"
    if isinstance(value, list):  # a matrix
        rows = " \\\\ ".join(" & ".join(show(e) for e in row) for row in value)
        return f"\\begin{{bmatrix}} {rows} \\end{{bmatrix}}"
    if isinstance(value, sp.Basic):
        value = Fraction(str(value))
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"\\frac{{{value.numerator}}}{{{value.denominator}}}"
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def text_of(lesson_id: str) -> str:
    return " ".join(lesson_markdown(lesson_id).split())


def derivative_at(f: Any, at: float) -> Any:
    return sp.diff(f, x).subs(x, at)


def sigmoid(z: float) -> float:
    return float(1 / (1 + np.exp(-z)))


# --- c2w1 ---------------------------------------------------------------------------------
T_TABLE = np.array([0, 1, 2, 3, 4]), np.array([0, 50, 120, 170, 260])
HOUSES = np.array([1, 2, 6])


def squared(m: float) -> float:
    return float(np.sum((m - HOUSES) ** 2))


def coin_loss(p: float, heads: int = 7, tails: int = 3) -> float:
    return float(-heads * np.log(p) - tails * np.log(1 - p))


COIN = minimize_scalar(coin_loss, bounds=(0.01, 0.99), method="bounded").x

# --- c2w2 ---------------------------------------------------------------------------------
LS_X, LS_Y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 5.0])


def squared_error(m: float, b: float) -> float:
    return float(np.sum((m * LS_X + b - LS_Y) ** 2))


def gd_1d(x0: float, alpha: float, steps: int) -> float:
    for _ in range(steps):
        x0 = x0 - alpha * (2 * x0 - 4)
    return x0


def regression_steps(steps: int) -> tuple[float, float, float]:
    """(m, b, loss) after some gradient-descent steps on the points (1, 2) and (2, 4)."""
    px, py = np.array([1.0, 2.0]), np.array([2.0, 4.0])
    m = b = 0.0
    for _ in range(steps):
        err = m * px + b - py
        m, b = m - 0.1 * 2 * np.mean(err * px), b - 0.1 * 2 * np.mean(err)
    return m, b, float(np.mean((m * px + b - py) ** 2))


def gd_2d(steps: int) -> np.ndarray:
    p = np.array([2.0, 1.0])
    for _ in range(steps):
        p = p - 0.1 * np.array([2 * p[0], 4 * p[1]])
    return p


# --- c2w3 ---------------------------------------------------------------------------------
NET = Network(((1.0, -0.5), (0.5, 0.5)), (0.0, -0.5), (1.5, -1.0), 0.5)
NET_X = (1.0, 2.0)
GRAD = gradients(NET, NET_X, 1)


def updated(net: Network, rate: float) -> Network:
    g = gradients(net, NET_X, 1)
    return Network(
        tuple(
            tuple(w - rate * d for w, d in zip(row, drow, strict=True))
            for row, drow in zip(net.hidden_weights, g.hidden_weights, strict=True)
        ),
        tuple(b - rate * d for b, d in zip(net.hidden_biases, g.hidden_biases, strict=True)),
        tuple(w - rate * d for w, d in zip(net.output_weights, g.output_weights, strict=True)),
        net.output_bias - rate * g.output_bias,
    )


def forward(inputs: np.ndarray, biases: bool = True) -> float:
    W1, b1 = np.array([[1, -0.5], [0.5, 0.5]]), np.array([0, -0.5])
    w2, b2 = np.array([1.5, -1.0]), 0.5
    if not biases:
        b1, b2 = np.zeros(2), 0.0
    a1 = 1 / (1 + np.exp(-(W1 @ inputs + b1)))
    return float(1 / (1 + np.exp(-(w2 @ a1 + b2))))


def newton_root(x0: Fraction, steps: int) -> Fraction:
    for _ in range(steps):
        x0 = x0 - (x0 * x0 - 2) / (2 * x0)
    return x0


def newton_coin(p: float, steps: int) -> float:
    for _ in range(steps):
        p = p - (-7 / p + 3 / (1 - p)) / (7 / p**2 + 3 / (1 - p) ** 2)
    return p


F_CUBIC = x**3 + 2 * x * y + y**2
HESSIAN = sp.hessian(F_CUBIC, (x, y))


def newton_2d(steps: int, start: tuple[float, float] = (1.0, 1.0)) -> np.ndarray:
    grad = sp.lambdify((x, y), [sp.diff(F_CUBIC, v) for v in (x, y)])
    hess = sp.lambdify((x, y), HESSIAN)
    p = np.array(start)
    for _ in range(steps):
        p = p - np.linalg.solve(np.array(hess(*p), float), np.array(grad(*p), float))
    return p


def eigenvalues(at: tuple[float, float]) -> np.ndarray:
    return np.linalg.eigvalsh(np.array(HESSIAN.subs({x: at[0], y: at[1]}), dtype=float))


STAR = np.array([2 / 3, -2 / 3])

ROWS: list[tuple[str, str, Any]] = [
    # c2w1l1 Derivatives
    (
        "c2w1l1",
        "$\\Delta d / \\Delta t = 120 / 2 = {}$ km/h",
        (T_TABLE[1][3] - T_TABLE[1][1]) / (T_TABLE[0][3] - T_TABLE[0][1]),
    ),
    ("c2w1l1", "| average speed (m/s) | 25 | {} | 20.05 |", ((5 * 2.1**2 - 20) / 0.1, 1)),
    ("c2w1l1", "| 2 | 2.25 | {} | 2.7146 |", ((1 + 1 / 12) ** 12, 4)),
    ("c2w1l1", "At $x = 1$: $12 \\cdot 1 + 5/1 = {}$", derivative_at(4 * x**3 - 5 / x + 7, 1)),
    ("c2w1l1", "$6e^0 = 6 \\cdot 1 = {}$", derivative_at(3 * sp.exp(2 * x), 0)),
    ("c2w1l1", "$\\frac{{2 \\cdot 1}}{{1 + 1}} = {}$", derivative_at(sp.log(x**2 + 1), 1)),
    (
        "c2w1l1",
        "At $x = 1$: $5e^3 \\approx {}$",
        (float(derivative_at(x**2 * sp.exp(3 * x), 1)), 2),
    ),
    ("c2w1l1", "so $f'(0) = {}$: falling", derivative_at(5 * sp.exp(-2 * x), 0)),
    ("c2w1l1", "At $x = 1$: $3 \\cdot 4 \\cdot 2 = {}$", derivative_at((x**2 + 1) ** 3, 1)),
    # c2w1l2 Optimisation
    (
        "c2w1l2",
        "$T(3) = 3^2 - 6 \\cdot 3 + 20 = 9 - 18 + 20 = {}$",
        (x**2 - 6 * x + 20).subs(x, sp.solve(sp.diff(x**2 - 6 * x + 20, x), x)[0]),
    ),
    ("c2w1l2", "$f(1) = {}$", (x**3 - 3 * x).subs(x, 1)),
    ("c2w1l2", "$L(3) = 2^2 + 1^2 + 3^2 = 4 + 1 + 9 = {}$", squared(float(np.mean(HOUSES)))),
    ("c2w1l2", "$6.25 + 2.25 + 6.25 = {}$", (squared(3.5), 2)),
    ("c2w1l2", "squared loss $1 + 0 + 16 = {}$", squared(float(np.median(HOUSES)))),
    # the 2 of 2(m − xᵢ) on m only: Σ(2m − xᵢ) = 0; the vertex at −b/a of Σ(m − xᵢ)²
    ("c2w1l2", "= 6m - 9 = 0$, so $m = {}$", (np.roots([2 * len(HOUSES), -HOUSES.sum()])[0], 1)),
    (
        "c2w1l2",
        "$L(m) = 3m^2 - 18m + {}$",
        sp.Poly(sum((x - int(h)) ** 2 for h in HOUSES), x).all_coeffs()[2],
    ),
    (
        "c2w1l2",
        "wrong $-b/a = 18/3 = {}$",
        -sp.expand(sum((x - int(h)) ** 2 for h in HOUSES)).coeff(x, 1)
        / sp.expand(sum((x - int(h)) ** 2 for h in HOUSES)).coeff(x, 2),
    ),
    ("c2w1l2", "so $10p = 7$ and $p = {}$", (COIN, 1)),
    ("c2w1l2", "$L(0.7) \\approx {}$", (coin_loss(0.7), 3)),
    ("c2w1l2", "$L(0.5) = 10\\ln 2 \\approx {}$", (coin_loss(0.5), 3)),
    ("c2w1l2", "Wrong $p = 3/10 = 0.3$ (loss $\\approx {}$)", (coin_loss(0.3), 3)),
    # c2w2l1 Gradients
    (
        "c2w2l1",
        "$\\frac{{\\partial f}}{{\\partial x}} = 2 \\cdot 1 + 3 \\cdot 2 = {}$",
        sp.diff(x**2 + 3 * x * y, x).subs({x: 1, y: 2}),
    ),
    ("c2w2l1", "$\\sqrt{{4 + 16}} = \\sqrt{{20}} \\approx {}$", (np.hypot(-2, -4), 3)),
    # a term with only the other variable kept in the partial derivative
    (
        "c2w2l1",
        "giving ${}$ at $(1, 1)$; right $(-2, -4)$",
        "("
        + ", ".join(
            str(d.subs({x: 1, y: 1}))
            for d in (
                sp.diff(60 - x**2 - 2 * y**2, x) - 2 * y**2,
                sp.diff(60 - x**2 - 2 * y**2, y) - x**2,
            )
        )
        + ")",
    ),
    (
        "c2w2l1",
        "wrong $f_x = 2xy + y^3 = 4 + 1 = {}$",
        (sp.diff(x**2 * y + y**3, x) + y**3).subs({x: 2, y: 1}),
    ),
    (
        "c2w2l1",
        "(Exactly: ${}$.)",
        (60 - (1 - 0.02 / np.sqrt(20)) ** 2 - 2 * (1 - 0.04 / np.sqrt(20)) ** 2 - 57, 5),
    ),
    (
        "c2w2l1",
        "$\\nabla f(2, 1) = {}$",
        "("
        + ", ".join(
            str(v) for v in engine("calculus.gradient", function="x^2*y + y^3", point=[2, 1])
        )
        + ")",
    ),
    (
        "c2w2l1",
        "so $2m = 3$ and $m = 3/2$",
        engine("calculus.least_squares_line", data=[[1, 2], [2, 3], [3, 5]])
        == (Fraction(3, 2), Fraction(1, 3)),
    ),
    ("c2w2l1", "The line is $\\hat y = {}x + 1/3$", (np.polyfit(LS_X, LS_Y, 1)[0], 1)),
    ("c2w2l1", "$E = 1/36 + 1/9 + 1/36 = 1/6 \\approx {}$", (squared_error(1.5, 1 / 3), 3)),
    ("c2w2l1", "has $E = {}$. The best line through the origin", squared_error(1.5, 0.5)),
    ("c2w2l1", "has $E \\approx {}$. Both are worse", (squared_error(23 / 14, 0), 3)),
    # the normal equations with Σb written as b, and with (Σx)² for Σx²
    (
        "c2w2l1",
        "(37/22, -1/11) \\approx {}$",
        "({:.3f}, {:.3f})".format(
            *np.linalg.solve(
                [[LS_X @ LS_X, LS_X.sum()], [LS_X.sum(), 1]], [LS_X @ LS_Y, LS_Y.sum()]
            )
        ),
    ),
    (
        "c2w2l1",
        "(1/8, 37/12) \\approx {}$",
        "({:.3f}, {:.3f})".format(
            *np.linalg.solve(
                [[LS_X.sum() ** 2, LS_X.sum()], [LS_X.sum(), len(LS_X)]], [LS_X @ LS_Y, LS_Y.sum()]
            )
        ),
    ),
    (
        "c2w2l1",
        "so $m = 1.5$ and $b = 7/6 \\approx {}$",
        (np.polyfit([0, 1, 2], [1, 3, 4], 1)[1], 3),
    ),
    # c2w2l2 Gradient descent
    ("c2w2l2", "so $x_3 = 1.5 - 0.25 \\cdot (-1) = {}$", gd_1d(0.0, 0.25, 3)),
    ("c2w2l2", "a shallow one near $x = {}$", (max(np.roots([4, 0, -6, 1]).real), 2)),
    ("c2w2l2", "a deeper one near $x = {}$", (min(np.roots([4, 0, -6, 1]).real), 2)),
    (
        "c2w2l2",
        "$p_2 = (1.6 - 0.32,\\ 0.6 - 0.24) = {}$",
        "(" + ", ".join(f"{v:g}" for v in gd_2d(2)) + ")",
    ),
    ("c2w2l2", "$f(1.28, 0.36) = {}$", (gd_2d(2)[0] ** 2 + 2 * gd_2d(2)[1] ** 2, 4)),
    ("c2w2l2", "$b = 0 - 0.1 \\cdot (-6) = {}$", (regression_steps(1)[1], 1)),
    ("c2w2l2", "$\\frac12(0.16 + 1.96) = {}$, down from 10", (regression_steps(1)[2], 2)),
    ("c2w2l2", "A second step gives $(1.32, 0.78)$ with loss ${}$", (regression_steps(2)[2], 4)),
    ("c2w2l2", "after 1000 steps $(m, b)$ is $({}, 0.0000)$", (regression_steps(1000)[0], 4)),
    (
        "c2w2l2",
        "So $(m, b) = ({}, 0.8)$",
        (
            engine(
                "calculus.linear_regression_gradient",
                data=[[1, 2], [2, 6]],
                point=[0, 0],
                learning_rate=0.1,
            )[0],
            1,
        ),
    ),
    # c2w3l1 Neural networks
    (
        "c2w3l1",
        "$w_1 = 1 - 0.1 \\cdot (-4) = {}$",
        (
            engine(
                "calculus.perceptron_regression_step",
                x=[2, 1],
                y=5,
                weights=[1, 1],
                bias=0,
                learning_rate=0.1,
            )[0],
            1,
        ),
    ),
    (
        "c2w3l1",
        "the loss fell from 2 to $\\tfrac12(0.8)^2 = {}$",
        (0.5 * (1.4 * 2 + 1.2 + 0.2 - 5) ** 2, 2),
    ),
    ("c2w3l1", "$\\hat y = \\sigma(1.25) \\approx {}$", (sigmoid(1.25), 4)),
    ("c2w3l1", "the loss fell to $-\\ln 0.7773 \\approx {}$", (-np.log(sigmoid(1.25)), 4)),
    (
        "c2w3l1",
        "$\\sigma'(0.5) = 0.6225 \\cdot (1 - 0.6225) = 0.6225 \\cdot 0.3775 \\approx {}$",
        (engine("calculus.sigmoid_derivative", z=0.5), 4),
    ),
    ("c2w3l1", "so $a^{{[1]}}_2 = \\sigma(1) \\approx {}$", (sigmoid(1), 4)),
    (
        "c2w3l1",
        "Prediction: $\\hat y = \\sigma(0.5189) \\approx {}$",
        (
            engine(
                "calculus.two_layer_forward",
                x=[1, 2],
                hidden_weights=[[1, -0.5], [0.5, 0.5]],
                hidden_biases=[0, -0.5],
                output_weights=[1.5, -1],
                output_bias=0.5,
            ),
            4,
        ),
    ),
    ("c2w3l1", "the loss is $-\\ln 0.6269 \\approx {}$", (loss(NET, NET_X, 1), 4)),
    (
        "c2w3l1",
        "wrong $\\hat y \\approx {}$; right $0.6269$",
        (forward(np.array([1.0, 2.0]), False), 4),
    ),
    ("c2w3l1", "$\\hat y = \\sigma(0.8725) \\approx {}$", (forward(np.zeros(2)), 4)),
    ("c2w3l1", "$\\delta^{{[2]}} = \\hat y - y = 0.6269 - 1 = {}$", (GRAD.output_bias, 4)),
    (
        "c2w3l1",
        "$\\partial L/\\partial w^{{[2]}}_2 = -0.3731 \\cdot 0.7311 = {}$",
        (GRAD.output_weights[1], 4),
    ),
    (
        "c2w3l1",
        "$\\delta^{{[1]}}_1 = -0.3731 \\cdot 1.5 \\cdot 0.25 = {}$",
        (GRAD.hidden_biases[0], 4),
    ),
    (
        "c2w3l1",
        "-0.1399 \\cdot 2 = {}$",
        (numerical_partial(NET, NET_X, 1, "W1", unit=1, source=2), 4),
    ),
    (
        "c2w3l1",
        "$\\partial L/\\partial W^{{[1]}}_{{22}} = 0.0734 \\cdot 2 = {}$",
        (GRAD.hidden_weights[1][1], 4),
    ),
    (
        "c2w3l1",
        "The prediction rises from $0.6269$ to ${}$",
        (activations(updated(NET, 1.0), NET_X).prediction, 4),
    ),
    ("c2w3l1", "the loss falls from $0.4670$ to ${}$", (loss(updated(NET, 1.0), NET_X, 1), 4)),
    (
        "c2w3l1",
        "Wrong $(-0.3731) \\cdot 1.5 \\cdot 2 = {}$",
        (GRAD.hidden_weights[0][1] / (0.5 * 0.5), 4),
    ),
    # z(1 − z) for σ(z)(1 − σ(z)); −σ(z)² without the inside's derivative −e^(−z)
    ("c2w3l1", "Wrong $0.5 \\cdot (1 - 0.5) = {}$", 0.5 * (1 - 0.5)),
    (
        "c2w3l1",
        "Wrong $-0.6225^2 \\approx {}$",
        (float(sp.diff(1 / x, x).subs(x, 1 + sp.exp(-0.5))), 4),
    ),
    # every sigmoid as 1/(1 + e^z); the class for the probability
    ("c2w3l1", "turned around: $a^{{[1]}} = (0.5, {})$", (1 / (1 + np.exp(1.0)), 4)),
    (
        "c2w3l1",
        "$z^{{[2]}} = 0.75 - 0.2689 + 0.5 = {}$",
        (np.array([1.5, -1.0]) @ (1 / (1 + np.exp(np.array([0.0, 1.0])))) + 0.5, 4),
    ),
    (
        "c2w3l1",
        "wrong $\\hat y = 1/(1 + e^{{0.9811}}) \\approx {}$",
        (1 / (1 + np.exp(np.array([1.5, -1.0]) @ (1 / (1 + np.exp([0.0, 1.0]))) + 0.5)), 4),
    ),
    (
        "c2w3l1",
        "Wrong {}; right $0.6269$, written $0.627$",
        int(forward(np.array([1.0, 2.0])) >= 0.5),
    ),
    # one bias per layer; every size multiplied
    ("c2w3l1", "Wrong: $3 \\cdot 4 + 4 \\cdot 1 + 2 = {}$", int(np.dot([3, 4], [4, 1]) + 2)),
    ("c2w3l1", "Wrong: $3 \\cdot 4 \\cdot 1 = {}$", int(np.prod([3, 4, 1]))),
    ("c2w3l1", "$(3 \\cdot 4 + 4) + (4 \\cdot 1 + 1) = {}$", int(np.dot([3 + 1, 4 + 1], [4, 1]))),
    # ∂L/∂W⁽¹⁾₁₂ without its input x₂, and with z(1 − z) for a(1 − a)
    (
        "c2w3l1",
        "Wrong $(-0.3731) \\cdot 1.5 \\cdot 0.25 = {}$ (that is",
        (numerical_partial(NET, NET_X, 1, "W1", unit=1, source=2) / NET_X[1], 4),
    ),
    (
        "c2w3l1",
        "wrong $(-0.3731) \\cdot 1.5 \\cdot 0 \\cdot (1 - 0) \\cdot 2 = {}$",
        GRAD.output_bias
        * 1.5
        * activations(NET, NET_X).hidden_sums[0]
        * (1 - activations(NET, NET_X).hidden_sums[0])
        * 2,
    ),
    # c2w3l2 Newton's method
    ("c2w3l2", "$x_2 = 1.5 - \\frac{{0.25}}{{3}} = {}", newton_root(Fraction(1), 2)),
    ("c2w3l2", "gives $x_3 = {}", newton_root(Fraction(1), 3)),
    (
        "c2w3l2",
        "$x_2 = \\frac{{11}}{{12}} - \\frac{{35/432}}{{121/12}} = {}",
        Fraction(
            str(engine("calculus.newton_optimisation_step", function="x^4 - 3x", start=1, steps=2))
        ),
    ),
    ("c2w3l2", "$x^* = \\sqrt[3]{{3/4}} \\approx {}$", (0.75 ** (1 / 3), 6)),
    ("c2w3l2", "from $p_0 = 0.4$ the steps go $0.64,\\ {}", (newton_coin(0.4, 2), 4)),
    (
        "c2w3l2",
        "$H(1, 2) = {}$",
        engine("calculus.hessian", function="x^3 + 2x*y + y^2", point=[1, 2]),
    ),
    ("c2w3l2", "(eigenvalues $4 \\pm \\sqrt 8$, about ${}$", (max(eigenvalues((1, 2))), 2)),
    ("c2w3l2", "$1 \\pm \\sqrt 5$: $3.24$, ${}$", (min(eigenvalues((0, 0))), 2)),
    ("c2w3l2", "$3 \\pm \\sqrt 5$: $5.24$, ${}$", (min(eigenvalues((2 / 3, -2 / 3))), 2)),
    (
        "c2w3l2",
        "$p_1 = (1 - \\tfrac14,\\ 1 - \\tfrac74) = (\\tfrac34, -\\tfrac34)$",
        engine("calculus.newton_step_2d", function="x^3 + 2x*y + y^2", point=[1, 1])
        == (Fraction(3, 4), Fraction(-3, 4)),
    ),
    ("c2w3l2", "gives $p_2 = ({}, -0.675)$", (newton_2d(2)[0], 3)),
    ("c2w3l2", "$1.70$, $0.118$, ${}$", (np.linalg.norm(newton_2d(2) - STAR), 4)),
    (
        "c2w3l2",
        "One step lands exactly on the saddle point $(0, 0)$",
        bool(np.allclose(newton_2d(1, (0.0, -0.25)), 0) and min(eigenvalues((0, 0))) < 0),
    ),
    # the step x − f(x) or x − f′(x), not divided by the slope
    (
        "c2w3l2",
        "wrong: $x - (x^2 - 2) = -x^2 + x + 2$, which sends $x = 1$ to {};",
        (x - (x**2 - 2)).subs(x, 1),
    ),
    (
        "c2w3l2",
        "wrong: $x - (4x^3 - 3)$, which sends $x = 1$ to {};",
        (x - sp.diff(x**4 - 3 * x, x)).subs(x, 1),
    ),
    # a constant kept in the derivative: 2x − 2 for x² − 2, 12x² − 3 for 4x³ − 3
    (
        "c2w3l2",
        "(it divides by $2 \\cdot 1 - 2 = {}$)",
        (sp.diff(x**2 - 2, x) - 2).subs(x, 1),
    ),
    (
        "c2w3l2",
        "which sends $x = 1$ to $1 - \\frac{{1}}{{9}} = {}$",
        (x - sp.diff(x**4 - 3 * x, x) / (sp.diff(x**4 - 3 * x, x, 2) - 3)).subs(x, 1),
    ),
]


@pytest.mark.parametrize(
    ("lesson_id", "fragment", "value"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)]
)
def test_a_worked_example_number_is_in_the_lesson(
    lesson_id: str, fragment: str, value: Any
) -> None:
    if isinstance(value, bool | np.bool_):
        # A fact computed a second way (an exact answer); the fragment states it.
        assert value, fragment
        expected = fragment
    else:
        expected = fragment.format(show(value))
    assert expected in text_of(lesson_id), expected
