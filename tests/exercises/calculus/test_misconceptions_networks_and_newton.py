"""The named mistakes of the sigmoid's slope, a network's forward pass, its backward pass
and its size, and Newton's update formula: hand-picked inputs whose wrong answers a
beginner would type, and each new wrong answer worked out a second way with NumPy or
SymPy on generated variants, then typed and named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sympy.parsing.sympy_parser import (
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)
from tests.fixtures.mistakes import assert_verdict, share_apart, stands_apart

from mlmath.answers import Verdict, compare, parse
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

NETWORK = {
    "x": [1, 2],
    "hidden_weights": [[1, -0.5], [0.5, 0.5]],
    "hidden_biases": [0, -0.5],
    "output_weights": [1.5, -1],
    "output_bias": 0.5,
}
LOW_NETWORK = {**NETWORK, "output_bias": -1.5}  # ŷ = 0.185, below one half
SHIFTED_NETWORK = {**NETWORK, "hidden_biases": [0, 0.5]}  # hidden sums z = (0, 2)

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows (or "correct")
    # σ(0.5) = 0.6225, so σ′(0.5) = 0.6225 · 0.3775 = 0.2350; 0.5 · (1 − 0.5) = 0.25
    ("calculus.sigmoid_derivative", {"z": 0.5}, "0.2350", "correct"),
    ("calculus.sigmoid_derivative", {"z": 0.5}, "0.25", "z_for_sigmoid"),
    ("calculus.sigmoid_derivative", {"z": 0.5}, "-0.3875", "chain_rule_forgotten"),
    ("calculus.sigmoid_derivative", {"z": 2}, "-2", "z_for_sigmoid"),
    ("calculus.sigmoid_derivative", {"z": 2}, "-0.7758", "chain_rule_forgotten"),
    ("calculus.sigmoid_derivative", {"z": 0}, "0", "z_for_sigmoid"),
    ("calculus.sigmoid_derivative", {"z": 0}, "-0.25", "sign_error"),
    # the lesson's network: ŷ = 0.6269; without the minus, 1/(1 + e^0.9811) = 0.2727
    ("calculus.two_layer_forward", NETWORK, "0.627", "correct"),
    ("calculus.two_layer_forward", NETWORK, "0.273", "sigmoid_without_minus"),
    ("calculus.two_layer_forward", NETWORK, "1", "class_label"),
    ("calculus.two_layer_forward", NETWORK, "100%", "class_label"),
    ("calculus.two_layer_forward", LOW_NETWORK, "0.185", "correct"),
    ("calculus.two_layer_forward", LOW_NETWORK, "0", "class_label"),
    ("calculus.two_layer_forward", LOW_NETWORK, "0.735", "sigmoid_without_minus"),
    # ∂L/∂W⁽¹⁾₁₂ = (−0.3731)(1.5)(0.25)(2) = −0.2798; without x₂ it is δ⁽¹⁾₁ = −0.1399;
    # hidden unit 1 has z = 0, so z(1 − z) = 0
    (
        "calculus.backpropagation",
        {**NETWORK, "y": 1, "parameter": "W1", "unit": 1, "source": 2},
        "-0.2798",
        "correct",
    ),
    (
        "calculus.backpropagation",
        {**NETWORK, "y": 1, "parameter": "W1", "unit": 1, "source": 2},
        "-0.1399",
        "missing_input_factor",
    ),
    (
        "calculus.backpropagation",
        {**NETWORK, "y": 1, "parameter": "W1", "unit": 1, "source": 2},
        "0",
        "slope_of_sum",
    ),
    # ∂L/∂w⁽²⁾₂ = (−0.3731)(0.7311) = −0.2728; without a⁽¹⁾₂ it is ŷ − y = −0.3731
    (
        "calculus.backpropagation",
        {**NETWORK, "y": 1, "parameter": "w2", "unit": 2},
        "-0.2728",
        "correct",
    ),
    (
        "calculus.backpropagation",
        {**NETWORK, "y": 1, "parameter": "w2", "unit": 2},
        "-0.3731",
        "missing_input_factor",
    ),
    # ∂L/∂b⁽¹⁾₂ with z = 2: a(1 − a) = 0.1050, but z(1 − z) = −2
    (
        "calculus.backpropagation",
        {**SHIFTED_NETWORK, "y": 0, "parameter": "b1", "unit": 2},
        "-0.0621",
        "correct",
    ),
    (
        "calculus.backpropagation",
        {**SHIFTED_NETWORK, "y": 0, "parameter": "b1", "unit": 2},
        "1.1825",
        "slope_of_sum",
    ),
    # 3 → 4 → 1: 12 + 4 weights, 4 + 1 biases = 21
    ("calculus.network_parameters", {"layers": [3, 4, 1]}, "21", "correct"),
    ("calculus.network_parameters", {"layers": [3, 4, 1]}, "18", "one_bias_per_layer"),
    ("calculus.network_parameters", {"layers": [3, 4, 1]}, "12", "multiplied_sizes"),
    ("calculus.network_parameters", {"layers": [784, 128, 64, 10]}, "109386", "correct"),
    (
        "calculus.network_parameters",
        {"layers": [784, 128, 64, 10]},
        "109187",
        "one_bias_per_layer",
    ),
    (
        "calculus.network_parameters",
        {"layers": [784, 128, 64, 10]},
        "64225280",
        "multiplied_sizes",
    ),
    # Newton for a root of x² − 7, and for a minimum of x⁴ − 3x
    ("calculus.newton_formula", {"function": "x^2 - 7"}, "x - (x^2 - 7)/(2x)", "correct"),
    ("calculus.newton_formula", {"function": "x^2 - 7"}, "x - (x^2 - 7)", "not_divided"),
    ("calculus.newton_formula", {"function": "x^2 - 7"}, "-x^2 + x + 7", "not_divided"),
    (
        "calculus.newton_formula",
        {"function": "x^2 - 7"},
        "x - (x^2 - 7)/(2x - 7)",
        "constant_kept",
    ),
    (
        "calculus.newton_formula",
        {"function": "x^3 - 2x + 2"},
        "x - (x^3 - 2x + 2)/(3x^2)",
        "constant_kept",
    ),
    (
        "calculus.newton_formula",
        {"function": "x^4 - 3x", "goal": "minimum"},
        "(8x^3 + 3)/(12x^2)",
        "correct",
    ),
    (
        "calculus.newton_formula",
        {"function": "x^4 - 3x", "goal": "minimum"},
        "x - (4x^3 - 3)",
        "not_divided",
    ),
    (
        "calculus.newton_formula",
        {"function": "x^4 - 3x", "goal": "minimum"},
        "x - (4x^3 - 3)/(12x^2 - 3)",
        "constant_kept",
    ),
]


@pytest.mark.parametrize(("skill_id", "raw", "response", "expected"), CASES)
def test_responses_get_their_verdict_and_their_named_mistake(
    skill_id: str, raw: dict[str, Any], response: str, expected: str
) -> None:
    feedback = assert_verdict(get(skill_id), raw, response, expected)
    if feedback.misconception is not None:
        assert feedback.misconception.name in feedback.message


def test_a_constant_is_not_named_where_the_function_has_none() -> None:
    skill = get("calculus.newton_formula")
    assert "constant_kept" not in skill.buggy_answers(skill.read_inputs({"function": "x^3 - 2x"}))


def test_a_missing_input_is_not_named_where_the_input_is_1() -> None:
    skill = get("calculus.backpropagation")
    raw = {**NETWORK, "y": 1, "parameter": "W1", "unit": 2, "source": 1}  # x₁ = 1
    assert "missing_input_factor" not in skill.buggy_answers(skill.read_inputs(raw))


# -- each wrong answer a second way, with NumPy or SymPy ---------------------------------


Net = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]
"""x, W⁽¹⁾, b⁽¹⁾, w⁽²⁾, b⁽²⁾."""


def sigmoid(z: np.ndarray | float) -> Any:
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def net_arrays(params: Params) -> Net:
    x = np.array([float(v) for v in params["x"]])
    W1 = np.array([[float(w) for w in row] for row in params["hidden_weights"].rows])
    b1 = np.array([float(b) for b in params["hidden_biases"]])
    w2 = np.array([float(w) for w in params["output_weights"]])
    return x, W1, b1, w2, float(params["output_bias"])


def z_times_one_minus_z(params: Params) -> float:
    """The slope formula fed z itself: z(1 − z)."""
    z = float(params["z"])
    return float(np.polyval([-1, 1, 0], z))


def outer_derivative_only(params: Params) -> float | None:
    """d/du u⁻¹ at u = 1 + e^(−z), the inside's derivative left out (not named at z = 0,
    where it is the sign error, nor where it reads 0.0000)."""
    u = sp.Symbol("u")
    z = sp.Rational(str(params["z"]))
    value = float(sp.diff(1 / u, u).subs(u, 1 + sp.exp(-z)))
    return None if z == 0 or abs(value) < 0.00005 else value


def forward_without_minus(params: Params) -> float:
    """The forward pass with 1/(1 + e^z) at every unit."""
    x, W1, b1, w2, b2 = net_arrays(params)
    hidden = 1 / (1 + np.exp(W1 @ x + b1))
    return float(1 / (1 + np.exp(w2 @ hidden + b2)))


def class_of_prediction(params: Params) -> float:
    """The prediction turned into the class it votes for."""
    x, W1, b1, w2, b2 = net_arrays(params)
    return float(sigmoid(w2 @ sigmoid(W1 @ x + b1) + b2) >= 0.5)


def loss(net: Net, y: int) -> Any:
    x, W1, b1, w2, b2 = net
    y_hat = sigmoid(w2 @ sigmoid(W1 @ x + b1) + b2)
    return -y * np.log(y_hat) - (1 - y) * np.log(1 - y_hat)


def gradient_without_last_input(params: Params) -> float | None:
    """Dropping the number a weight multiplies leaves the gradient of the bias of the same
    unit: ∂L/∂b⁽²⁾ for w⁽²⁾ⱼ, ∂L/∂b⁽¹⁾ⱼ for W⁽¹⁾ⱼₖ (a central difference here). None where
    the mistake does not apply: a bias, or an input of 1."""
    x, W1, b1, w2, b2 = net_arrays(params)
    y, j, h = params["y"], params["unit"] - 1, 1e-6
    if params["parameter"] == "w2":
        up, down = loss((x, W1, b1, w2, b2 + h), y), loss((x, W1, b1, w2, b2 - h), y)
    elif params["parameter"] == "W1" and x[params["source"] - 1] != 1:
        step = np.eye(len(b1))[j] * h
        up, down = loss((x, W1, b1 + step, w2, b2), y), loss((x, W1, b1 - step, w2, b2), y)
    else:
        return None
    return float((up - down) / (2 * h))


def slope_from_the_sum(params: Params) -> float | None:
    """The chain for a hidden parameter with z(1 − z) in place of a(1 − a)."""
    if params["parameter"] not in ("W1", "b1"):
        return None
    x, W1, b1, w2, b2 = net_arrays(params)
    j = params["unit"] - 1
    z = W1 @ x + b1
    error = sigmoid(w2 @ sigmoid(z) + b2) - params["y"]
    last = x[params["source"] - 1] if params["parameter"] == "W1" else 1.0
    return float(error * w2[j] * z[j] * (1 - z[j]) * last)


def sizes(params: Params) -> np.ndarray:
    return np.array([int(n) for n in params["layers"]], dtype=np.int64)


def weights_and_one_bias_per_layer(params: Params) -> int:
    n = sizes(params)
    return int(n[:-1] @ n[1:] + (len(n) - 1))


def product_of_sizes(params: Params) -> int:
    return int(np.prod(sizes(params)))


X = sp.Symbol("x")


def sympy_function(params: Params) -> Any:
    text = params["function"].replace("^", "**")
    return parse_expr(
        text,
        local_dict={"x": X},
        transformations=(*standard_transformations, implicit_multiplication_application),
    )


def root_of(params: Params) -> Any:
    """The function Newton looks for a root of: f, or f′ for a minimum."""
    f = sympy_function(params)
    return f if (params.get("goal") or "root") == "root" else sp.diff(f, X)


def update_without_division(params: Params) -> Any:
    """x − f(x) for a root, x − f′(x) for a minimum."""
    return X - root_of(params)


def derivative_keeping_constant(h: Any) -> Any:
    """The derivative as a learner writes it who keeps the constant term."""
    return sp.diff(h, X) + sp.Poly(h, X).coeff_monomial(1)


def update_with_constants_kept(params: Params) -> Any:
    """Newton's update with every derivative keeping its constant term (f′ and f″ for a
    minimum); None where no derivative has one to keep."""
    f = sympy_function(params)
    g = f if (params.get("goal") or "root") == "root" else derivative_keeping_constant(f)
    right = root_of(params)
    slope = derivative_keeping_constant(g)
    if sp.expand(g - right) == 0 and sp.expand(slope - sp.diff(right, X)) == 0:
        return None
    return X - g / slope


SECOND_WAY: dict[tuple[str, str], Callable[[Params], Any]] = {
    ("calculus.sigmoid_derivative", "z_for_sigmoid"): z_times_one_minus_z,
    ("calculus.sigmoid_derivative", "chain_rule_forgotten"): outer_derivative_only,
    ("calculus.two_layer_forward", "sigmoid_without_minus"): forward_without_minus,
    ("calculus.two_layer_forward", "class_label"): class_of_prediction,
    ("calculus.backpropagation", "missing_input_factor"): gradient_without_last_input,
    ("calculus.backpropagation", "slope_of_sum"): slope_from_the_sum,
    ("calculus.network_parameters", "one_bias_per_layer"): weights_and_one_bias_per_layer,
    ("calculus.network_parameters", "multiplied_sizes"): product_of_sizes,
    ("calculus.newton_formula", "not_divided"): update_without_division,
    ("calculus.newton_formula", "constant_kept"): update_with_constants_kept,
}


def typed(value: Any, decimals: int | None) -> str:
    """The wrong answer as a learner types it: an expression with ^, a count in full, a
    number to the decimal places asked."""
    if isinstance(value, sp.Basic):
        return str(value).replace("**", "^")
    if decimals is None:
        return str(value)
    return f"{float(value):.{decimals}f}"


@settings(max_examples=150, deadline=None)
@given(
    mistake=st.sampled_from(sorted(SECOND_WAY)),
    seed=st.integers(0, 10**6),
    level=st.integers(1, 3),
)
def test_each_new_mistake_typed_is_named(mistake: tuple[str, str], seed: int, level: int) -> None:
    """The wrong answer worked out with NumPy or SymPy, typed as a learner would, is named
    as its mistake — unless this variant makes it the right answer, or another named
    mistake gives the same answer."""
    skill_id, misconception_id = mistake
    skill = get(skill_id)
    params = skill.variant(seed, level).params
    wrong = SECOND_WAY[mistake](params)
    buggy = skill.buggy_answers(params)
    if wrong is None:
        assert misconception_id not in buggy
        return
    assert misconception_id in buggy
    fmt = skill.answer_format(params)
    response = typed(wrong, fmt.decimals)
    given_answer = parse(response, fmt)
    exact = buggy[misconception_id]
    # the skill's own wrong answer is the one worked out here
    assert compare(exact, given_answer, fmt) is Verdict.EQUAL, (params, response, exact)
    assume(stands_apart(skill, params, misconception_id))
    feedback = skill.grade(params, response)
    assert feedback.verdict == "incorrect", (params, feedback)
    assert feedback.misconception is not None, (params, response)
    assert feedback.misconception.id == misconception_id


@pytest.mark.parametrize(("skill_id", "misconception_id"), sorted(SECOND_WAY))
def test_each_new_mistake_is_named_on_most_variants(skill_id: str, misconception_id: str) -> None:
    """On most generated variants the mistake gives a wrong answer of its own, apart from
    the right one and from every other named mistake."""
    share = share_apart(get(skill_id), misconception_id)
    assert share >= 0.5, f"{misconception_id} stands apart on {share:.0%} of the variants"


@pytest.mark.parametrize(
    "skill_id",
    [
        "calculus.two_layer_forward",
        "calculus.sigmoid_derivative",
        "calculus.backpropagation",
        "calculus.perceptron_classification",
    ],
)
def test_a_mistake_named_later_never_redraws_a_stored_variant(
    skill_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A variant is drawn again only for the mistakes it was first drawn apart for: a
    mistake named later that gives the right answer on this variant does not make the
    same seed draw another problem."""
    skill = get(skill_id)
    before = [skill.variant(seed, level).params for level in (1, 2) for seed in range(5)]
    named = type(skill).buggy_answers
    calls = iter(range(10**6))

    def with_a_later_one(self: Any, params: Params) -> dict[str, Any]:
        # right on every other variant looked at (always: a redraw would never end)
        later = {"named_later": self.answer(params)} if next(calls) % 2 == 0 else {}
        return {**named(self, params), **later}

    monkeypatch.setattr(type(skill), "buggy_answers", with_a_later_one)
    after = [skill.variant(seed, level).params for level in (1, 2) for seed in range(5)]
    assert repr(after) == repr(before)
