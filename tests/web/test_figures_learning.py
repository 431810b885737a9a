"""The learning and inference figures in Chromium, on the figure gallery (``/figures/<kind>``).

Each figure is driven by keys, buttons or the mouse, and every number its readout shows is read
back and compared with the course engine (the network's forward and backward pass) or SciPy (the
likelihood, the Beta posterior, the z-test's p-value, β and power) to the four significant
figures displayed; exact fractions (the joint table) are compared exactly. Degenerate states must
say so in a sentence. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from typing import Any
from urllib.parse import quote

import numpy as np
import pytest
from playwright.sync_api import Locator, Page
from scipy import stats
from tests.web import test_figures as shared
from tests.web.test_figures import MINUS, drag, figure, press, readout, shot

from mlmath.engine.calculus.backpropagation import Network, activations, gradients, loss
from mlmath.exercises.figures import SAMPLES

pytestmark = pytest.mark.browser

figure_server = shared.figure_server
page = shared.page
phone = shared.phone

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
NUMBER = r"−?(?:\d+(?:\.\d+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)|> 0\.9999"


def value(shown: str) -> float:
    """A number as the figures write it: −0.5, 2.275×10⁻⁷, 10⁻⁶."""
    text = shown.strip().replace(MINUS, "-")
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("-")
    if "10" in text and text[-1] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        mantissa, _, power = text.rpartition("10")
        return sign * float(mantissa.rstrip("×") or 1) * 10 ** int(power.translate(SUPERSCRIPT))
    return sign * float(text)


def agrees(shown: str, exact: float, digits: int = 4) -> bool:
    """Whether ``shown`` is ``exact`` to the significant figures displayed."""
    if shown == "> 0.9999":
        return 0.99995 <= exact < 1
    v = value(shown)
    if exact == 0:
        return v == 0
    tolerance = 0.5 * 10 ** (math.floor(math.log10(abs(exact))) - digits + 1)
    return abs(v - exact) <= tolerance * 1.001


def after(text: str, label: str) -> str:
    """The number that follows ``label`` in a readout."""
    # ("β = P(…) = 0.3612", or "β = P(…) > 0.9999" when four figures cannot tell it from 1)
    found = re.search(re.escape(label.removesuffix("= ")) + r"(?:= )?(" + NUMBER + ")", text)
    assert found, (label, text)
    return found.group(1)


def tuples_after(text: str, label: str, count: int = 1) -> list[list[str]]:
    """The ``count`` tuples "(a, b, …)" that follow ``label`` in a readout."""
    start = text.index(label) + len(label)
    found = re.findall(r"\(([^()]*)\)", text[start:])[:count]
    return [[e.strip() for e in group.split(",")] for group in found]


def open_kind(page: Page, server: str, kind: str, params: dict[str, Any] | None = None) -> Locator:
    url = f"{server}/figures/{kind}"
    if params is not None:
        url += "?params=" + quote(json.dumps(params))
    page.goto(url)
    return figure(page, kind)


def button(fig: Locator, name: str) -> Locator:
    return fig.locator(".figure-controls button", has_text=name).first


def click(fig: Locator, name: str) -> str:
    button(fig, name).click()
    return readout(fig)


def board_text(fig: Locator) -> str:
    """Every word written on the board (the texts JSXGraph draws over the canvas)."""
    return str(fig.locator(".figure-canvas").inner_text())


# --- network ------------------------------------------------------------------------------------


def engine_network(params: dict[str, Any]) -> Network:
    w2 = params["W2"][0] if isinstance(params["W2"][0], list) else params["W2"]
    b2 = params["b2"][0] if isinstance(params["b2"], list) else params["b2"]
    return Network(
        tuple(tuple(float(w) for w in row) for row in params["W1"]),
        tuple(float(b) for b in params["b1"]),
        tuple(float(w) for w in w2),
        float(b2),
    )


def check_vector(shown: list[str], exact: Any) -> None:
    assert len(shown) == len(exact), (shown, exact)
    for s, e in zip(shown, exact, strict=True):
        assert agrees(s, float(e)), (shown, list(exact))


def check_forward(text: str, net: Network, x: tuple[float, ...], y: int) -> None:
    act = activations(net, x)
    [z1] = tuples_after(text, "z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ = ")
    check_vector(z1, act.hidden_sums)
    [a1] = tuples_after(text, "a⁽¹⁾ = σ(z⁽¹⁾) = ")
    check_vector(a1, act.hidden)
    assert agrees(after(text, "z⁽²⁾ = w⁽²⁾·a⁽¹⁾ + b⁽²⁾ = "), act.output_sum), text
    assert agrees(after(text, "ŷ = σ(z⁽²⁾) = "), act.prediction), text
    assert agrees(
        after(text, "; loss L = " + ("−ln ŷ = " if y == 1 else "−ln(1 − ŷ) = ")), loss(net, x, y)
    )


def check_backward(text: str, net: Network, x: tuple[float, ...], y: int) -> None:
    g = gradients(net, x, y)
    h = len(net.hidden_weights)
    assert agrees(after(text, "∂L/∂z⁽²⁾ = ŷ − y = "), g.output_bias), text
    [w2] = tuples_after(text, "∂L/∂w⁽²⁾ = (ŷ − y)·a⁽¹⁾ = ")
    check_vector(w2, g.output_weights)
    assert agrees(after(text, "∂L/∂b⁽²⁾ = "), g.output_bias)
    rows = tuples_after(text, "∂L/∂W⁽¹⁾ = δ⁽¹⁾ times x, rows ", h)
    for shown, exact in zip(rows, g.hidden_weights, strict=True):
        check_vector(shown, exact)
    [b1] = tuples_after(text, "∂L/∂b⁽¹⁾ = δ⁽¹⁾ = ")
    check_vector(b1, g.hidden_biases)


def check_update(text: str, net: Network, x: tuple[float, ...], y: int, eta: float) -> Network:
    """The weights after one step, checked against w − η·∂L/∂w (NumPy) and the engine's loss."""
    g = gradients(net, x, y)
    new = Network(
        tuple(
            tuple((np.array(row) - eta * np.array(grow)).tolist())
            for row, grow in zip(net.hidden_weights, g.hidden_weights, strict=True)
        ),
        tuple((np.array(net.hidden_biases) - eta * np.array(g.hidden_biases)).tolist()),
        tuple((np.array(net.output_weights) - eta * np.array(g.output_weights)).tolist()),
        net.output_bias - eta * g.output_bias,
    )
    h = len(net.hidden_weights)
    rows = tuples_after(text, "Now W⁽¹⁾ rows ", h)
    for shown, exact in zip(rows, new.hidden_weights, strict=True):
        check_vector(shown, exact)
    [b1] = tuples_after(text, "b⁽¹⁾ = ")
    check_vector(b1, new.hidden_biases)
    [w2] = tuples_after(text, "w⁽²⁾ = ")
    check_vector(w2, new.output_weights)
    assert agrees(after(text, "b⁽²⁾ = "), new.output_bias)
    assert agrees(after(text, "Loss before "), loss(net, x, y))
    assert agrees(after(text, ", after "), loss(new, x, y))
    return new


def test_network_forward_backward_update_equal_the_engine(figure_server: str, page: Page) -> None:
    params = SAMPLES["network"]["params"]
    fig = open_kind(page, figure_server, "network")
    net, x, y = engine_network(params), tuple(map(float, params["x"])), params["y"]
    text = readout(fig)
    assert text.startswith(
        "Training step 1. A network with inputs x = (1, 0.5), 2 hidden sigmoid units"
    ), text
    assert "Press F" in text
    shot(fig, "network")
    # Backpropagation before the forward pass: a sentence, not numbers.
    text = press(page, fig, "b")
    assert text.startswith("Run the forward pass first (F)"), text
    text = press(page, fig, "f")
    check_forward(text, net, x, y)
    assert "ŷ = σ(z⁽²⁾) = 0.4694;" in text  # the engine's worked example: 0.469423
    text = click(fig, "Backward")
    check_forward(text, net, x, y)
    check_backward(text, net, x, y)
    # ∂L/∂W⁽¹⁾₁₂ = −0.062344 in the engine's example: on its edge, in orange.
    assert agrees("−0.06234", gradients(net, x, y).hidden_weights[0][1])
    assert "−0.06234" in board_text(fig)
    shot(fig, "network-backward")
    text = press(page, fig, "u")
    assert text.startswith("Training step 1 done."), text
    net2 = check_update(text, net, x, y, params["learning_rate"])
    assert "down by" in text
    shot(fig, "network-updated")
    # The next step starts from the new weights; U before B says what is missing.
    text = press(page, fig, "u")
    assert text.startswith("Compute the gradients first"), text
    text = press(page, fig, "f", "b")
    check_forward(text, net2, x, y)
    check_backward(text, net2, x, y)
    text = press(page, fig, "r")
    assert text.startswith("Reset to the first weights. Training step 1."), text


def test_network_with_three_hidden_units_and_label_0(figure_server: str, page: Page) -> None:
    params = {
        "x": [1, 0.5],
        "y": 0,
        "W1": [[1, -1], [0.5, 2], [-1.5, 0.25]],
        "b1": [0, -1, 0.5],
        "W2": [[1, -2, 0.5]],
        "b2": [0.5],
        "learning_rate": 0.5,
    }
    fig = open_kind(page, figure_server, "network", params)
    net, x = engine_network(params), (1.0, 0.5)
    text = click(fig, "Forward")
    check_forward(text, net, x, 0)
    text = click(fig, "Backward")
    check_backward(text, net, x, 0)
    text = click(fig, "Update")
    check_update(text, net, x, 0, 0.5)
    shot(fig, "network-three-hidden")


def test_network_relu_says_which_unit_passes_no_gradient(figure_server: str, page: Page) -> None:
    params = {
        "x": [1, 2],
        "y": 1,
        "W1": [[1, 1], [-2, 0.5]],
        "b1": [0, 0],
        "W2": [[1, 1]],
        "b2": [0],
        "learning_rate": 0.1,
        "activation": "relu",
    }
    fig = open_kind(page, figure_server, "network", params)
    text = press(page, fig, "f", "b")
    # NumPy: z = (3, −1), a = (3, 0); ŷ = σ(3); δ⁽¹⁾ = (ŷ − 1)·w⁽²⁾·[z > 0].
    z = np.array([[1, 1], [-2, 0.5]]) @ np.array([1, 2])
    a = np.maximum(z, 0)
    yhat = 1 / (1 + np.exp(-(a.sum())))
    [shown_a] = tuples_after(text, "a⁽¹⁾ = ReLU(z⁽¹⁾) = ")
    check_vector(shown_a, a)
    delta = (yhat - 1) * np.array([1, 1]) * (z > 0)
    [d1] = tuples_after(text, "δ⁽¹⁾ = ")
    check_vector(d1, delta)
    assert "h₂ is off (z ≤ 0): ReLU passes no gradient back through it" in text, text


# --- joint distribution -------------------------------------------------------------------------


def fractions_in(text: str, label: str) -> list[Fraction]:
    """The "name = value: p" fractions listed after ``label`` up to the next full stop."""
    start = text.index(label) + len(label)
    part = text[start : text.index("(sum 1)", start)]
    return [Fraction(f) for f in re.findall(r": (\d+(?:/\d+)?)", part)]


def test_joint_distribution_marginals_and_conditionals_are_exact(
    figure_server: str, page: Page
) -> None:
    fig = open_kind(page, figure_server, "joint-distribution")
    table = [[Fraction(e) for e in row] for row in SAMPLES["joint-distribution"]["params"]["table"]]
    px = [sum(row) for row in table]
    py = [sum(col) for col in zip(*table, strict=True)]

    def check(i: int, j: int) -> str:
        text = readout(fig)
        assert f"P(X = {i}, Y = {j}) = {table[i][j]}." in text, text
        assert fractions_in(text, f"P(Y | X = {i}) is the row divided by P(X = {i}) = {px[i]}") == [
            p / px[i] for p in table[i]
        ], text
        assert fractions_in(
            text, f"P(X | Y = {j}) is the column divided by P(Y = {j}) = {py[j]}"
        ) == [row[j] / py[j] for row in table], text
        for k, p in enumerate(px):
            assert f"P(X = {k}) = {p}" in text
        assert "X and Y are not independent" in text
        assert f"P(X = {i})·P(Y = {j}) = {px[i] * py[j]}" in text, text
        return text

    check(0, 0)
    shot(fig, "joint-distribution")
    press(page, fig, "ArrowDown")
    check(1, 0)
    press(page, fig, "ArrowRight")
    check(1, 1)
    text = press(page, fig, "ArrowRight")
    assert text.startswith("That is the last column."), text
    # A click on a cell chooses it: the cell X = 0, Y = 1 sits at board (1.5, 1.5).
    where = page.evaluate(
        """([root, at]) => {
            const board = Object.values(JXG.boards).find(b => root.contains(b.containerObj));
            const c = new JXG.Coords(JXG.COORDS_BY_USER, at, board).scrCoords;
            const box = board.containerObj.getBoundingClientRect();
            return [box.left + c[1], box.top + c[2]];
        }""",
        [fig.element_handle(), [1.5, 1.5]],
    )
    page.mouse.click(where[0], where[1])
    check(0, 1)
    button(fig, "↓").click()
    check(1, 1)
    # The bars of the two conditionals are drawn with their numbers: P(Y | X = 1) = 3/5, 2/5.
    words = board_text(fig)
    assert "3/5" in words, words
    assert "2/5" in words, words
    shot(fig, "joint-distribution-clicked")


def test_joint_distribution_in_decimals_independent_and_an_empty_row(
    figure_server: str, page: Page
) -> None:
    params = {
        "table": [[0.12, 0.18, 0.3], [0.08, 0.12, 0.2], [0, 0, 0]],
        "x_values": ["a", "b", "c"],
        "y_values": [1, 2, 3],
        "x_name": "group",
        "y_name": "score",
    }
    fig = open_kind(page, figure_server, "joint-distribution", params)
    text = readout(fig)
    assert (
        "P(score | group = a) is the row divided by P(group = a) = 0.6: "
        "score = 1: 0.2, score = 2: 0.3, score = 3: 0.5" in text
    ), text
    assert "Group and score are independent" in text, text
    text = press(page, fig, "ArrowDown", "ArrowDown")
    assert "P(group = c) = 0, so P(score | group = c) is not defined" in text, text
    assert "not defined" in board_text(fig)
    shot(fig, "joint-distribution-empty-row")


# --- likelihood ---------------------------------------------------------------------------------


def log_likelihood(family: str, data: list[float], theta: float, sd: float = 1) -> float:
    if family == "bernoulli":
        return float(np.sum(stats.bernoulli.logpmf(data, theta)))
    if family == "poisson":
        return float(np.sum(stats.poisson.logpmf(data, theta)))
    return float(np.sum(stats.norm.logpdf(data, theta, sd)))


def check_likelihood(
    text: str, family: str, data: list[float], symbol: str, sd: float = 1
) -> float:
    """The MLE and the values at the marker, against SciPy; returns the marker's θ."""
    mle = float(np.mean(data))
    assert agrees(
        after(text, "the sample mean: L = "), math.exp(log_likelihood(family, data, mle, sd))
    ), text
    assert agrees(
        after(text, "the sample mean: L = " + after(text, "the sample mean: L = ") + ", log L = "),
        log_likelihood(family, data, mle, sd),
    ), text
    theta = value(after(text, f"At {symbol} = "))
    logl = log_likelihood(family, data, theta, sd)
    marker = text[text.index(f"At {symbol} = ") :]
    if logl == -math.inf:
        assert "L = 0 (log L = −∞)" in marker, text
    else:
        assert agrees(after(marker, ": L = "), math.exp(logl)), text
        assert agrees(after(marker, ", log L = "), logl), text
    return theta


def test_likelihood_bernoulli_moves_with_the_data(figure_server: str, page: Page) -> None:
    fig = open_kind(page, figure_server, "likelihood")
    data = [1, 0, 1, 1, 0, 1, 1]
    text = readout(fig)
    assert text.startswith("Bernoulli data, n = 7 (5 ones, 2 zeros)"), text
    assert "p̂ = 5/7 = 0.7143" in text, text
    assert check_likelihood(text, "bernoulli", data, "p") == 0.5
    shot(fig, "likelihood")
    # The marker climbs along the curve by 0.05.
    text = press(page, fig, "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight")
    assert check_likelihood(text, "bernoulli", data, "p") == 0.7
    text = click(fig, "Add 0")
    data.append(0)
    assert text.startswith("Added 0. Bernoulli data, n = 8 (5 ones, 3 zeros)"), text
    assert "p̂ = 5/8 = 0.625" in text
    check_likelihood(text, "bernoulli", data, "p")
    text = press(page, fig, "1", "1")
    data += [1, 1]
    assert "p̂ = 7/10 = 0.7" in text, text
    check_likelihood(text, "bernoulli", data, "p")
    text = drag(page, fig, "p", (0.3, 0))
    assert check_likelihood(text, "bernoulli", data, "p") == 0.3
    text = press(page, fig, "l")
    assert text.startswith("Log-likelihood."), text
    assert text.endswith("Showing log L(p)."), text
    check_likelihood(text, "bernoulli", data, "p")
    shot(fig, "likelihood-log")
    # At the end p = 1 the 0s in the data are impossible.
    text = press(page, fig, *["ArrowRight"] * 20)
    assert check_likelihood(text, "bernoulli", data, "p") == 1
    assert "a 0 in the data is impossible when p = 1" in text
    # Remove every point: nothing left to estimate.
    text = press(page, fig, *["Backspace"] * 10)
    assert "No data: the likelihood is 1 for every p" in text, text
    text = press(page, fig, "Backspace")
    assert text.startswith("There is no data point to remove."), text
    text = press(page, fig, "1", "1")
    assert "p̂ = 1, the sample mean" in text, text
    assert "It sits at the end p = 1: with no zeros in the data" in text, text


def test_likelihood_poisson_and_normal_take_typed_values(figure_server: str, page: Page) -> None:
    fig = open_kind(
        page, figure_server, "likelihood", {"family": "poisson", "data": [2, 0, 3, 1, 4]}
    )
    data = [2, 0, 3, 1, 4]
    text = readout(fig)
    assert "λ̂ = 10/5 = 2" in text or "λ̂ = 2" in text, text
    check_likelihood(text, "poisson", data, "λ")
    box = fig.locator("input[type=number]")
    box.fill("7")
    text = click(fig, "Add")
    data.append(7)
    assert text.startswith("Added 7. Poisson counts, n = 6"), text
    check_likelihood(text, "poisson", data, "λ")
    box.fill("2.5")
    text = click(fig, "Add")
    assert text.startswith("Type a count first"), text
    shot(fig, "likelihood-poisson")

    fig = open_kind(
        page,
        figure_server,
        "likelihood",
        {"family": "normal", "data": [2, 4, 9], "sd": 3, "log": True},
    )
    data = [2, 4, 9]
    text = readout(fig)
    assert "μ̂ = 5, the sample mean" in text, text
    assert text.endswith("Showing log L(μ)."), text
    check_likelihood(text, "normal", data, "μ", sd=3)
    box = fig.locator("input[type=number]")
    box.fill("−1".replace("−", "-"))
    box.press("Enter")
    data.append(-1)
    text = readout(fig)
    assert "μ̂ = 3.5" in text, text
    check_likelihood(text, "normal", data, "μ", sd=3)
    text = press(page, fig, "ArrowLeft")
    check_likelihood(text, "normal", data, "μ", sd=3)
    shot(fig, "likelihood-normal")


# --- beta posterior -----------------------------------------------------------------------------


def check_posterior(text: str, a: float, b: float, h: int, t: int) -> None:
    A, B = float(a + h), float(b + t)
    assert f"Beta({A:g}, {B:g})" in text, text
    assert agrees(after(text, "(sd "), float(stats.beta.std(A, B))), text
    mean = after(
        text,
        "Posterior mean (α + h)/(α + β + h + t) = "
        + (f"{A:g}/{A + B:g} = " if A.is_integer() and B.is_integer() else ""),
    )
    assert agrees(mean, float(stats.beta.mean(A, B))), text
    if A > 1 and B > 1:
        shown = value(
            after(
                text,
                "MAP (the mode) (α + h − 1)/(α + β + h + t − 2) = " + f"{A - 1:g}/{A + B - 2:g} = ",
            )
        )
        # the mode: the density is highest there (SciPy), within the rounding shown
        assert agrees(f"{shown}", (A - 1) / (A + B - 2)), text
        grid = np.linspace(0.001, 0.999, 9999)
        assert abs(grid[np.argmax(stats.beta.pdf(grid, A, B))] - shown) < 1e-3
    if h + t:
        assert agrees(after(text, f"MLE h/(h + t) = {h}/{h + t} = "), h / (h + t)), text


def test_beta_posterior_follows_the_flips(figure_server: str, page: Page) -> None:
    fig = open_kind(page, figure_server, "beta-posterior")
    text = readout(fig)
    assert text.startswith("Prior Beta(2, 2). No flips yet: the posterior is the prior."), text
    assert "MLE: not defined yet" in text
    check_posterior(text, 2, 2, 0, 0)
    text = press(page, fig, "h", "h", "h", "t")
    assert text.startswith(
        "A tail. Prior Beta(2, 2); after 3 heads and 1 tail the posterior is "
        "Beta(2 + 3, 2 + 1) = Beta(5, 3)."
    ), text
    check_posterior(text, 2, 2, 3, 1)
    shot(fig, "beta-posterior")
    text = click(fig, "Head")
    check_posterior(text, 2, 2, 4, 1)
    text = click(fig, "Back")
    check_posterior(text, 2, 2, 3, 1)
    for _ in range(20):
        button(fig, "Tail").click()
    text = readout(fig)
    check_posterior(text, 2, 2, 3, 21)
    shot(fig, "beta-posterior-many")
    text = press(page, fig, "r")
    assert text.startswith("Reset. Prior Beta(2, 2). No flips yet"), text


def test_beta_posterior_says_where_there_is_no_interior_mode(
    figure_server: str, page: Page
) -> None:
    fig = open_kind(
        page, figure_server, "beta-posterior", {"alpha": 1, "beta": 1, "heads": 3, "tails": 0}
    )
    text = readout(fig)
    check_posterior(text, 1, 1, 3, 0)
    assert "MAP: at the end p = 1" in text, text
    shot(fig, "beta-posterior-end")
    text = press(page, fig, "t")
    check_posterior(text, 1, 1, 3, 1)
    assert "MAP (the mode) (α + h − 1)/(α + β + h + t − 2) = 3/4 = 0.75" in text
    text = press(page, fig, "r", "b")
    assert text.startswith("No flip to take back."), text
    fig = open_kind(page, figure_server, "beta-posterior", {"alpha": 1, "beta": 1})
    assert "MAP: none — Beta(1, 1) is flat" in readout(fig)
    fig = open_kind(page, figure_server, "beta-posterior", {"alpha": 0.5, "beta": 0.5})
    text = readout(fig)
    assert "highest at both ends, p = 0 and p = 1" in text, text
    check_posterior(text, 0.5, 0.5, 0, 0)


# --- hypothesis test ----------------------------------------------------------------------------


def check_test(text: str, test: dict[str, Any]) -> None:
    """The z-test's numbers for ``test`` (mu0, mu1, sd, n, alpha, tail), against SciPy."""
    mu0, mu1, sd, n = test["mu0"], test["mu1"], test["sd"], test["n"]
    alpha, tail = test["alpha"], test["tail"]
    se = sd / math.sqrt(n)
    null, alt = stats.norm(mu0, se), stats.norm(mu1, se)
    assert f"n = {n}:" in text, text
    assert agrees(after(text, "standard error σ/√n = "), se)
    if tail == "two":
        lower, upper = null.ppf(alpha / 2), null.isf(alpha / 2)
        assert agrees(after(text, "reject H₀ when x̄ ≤ "), lower), text
        assert agrees(after(text, " or x̄ ≥ "), upper), text
        beta = alt.cdf(upper) - alt.cdf(lower)
    elif tail == "right":
        upper = null.isf(alpha)
        assert agrees(after(text, "reject H₀ when x̄ ≥ "), upper), text
        beta = alt.cdf(upper)
    else:
        lower = null.ppf(alpha)
        assert agrees(after(text, "reject H₀ when x̄ ≤ "), lower), text
        beta = alt.sf(lower)
    observed = value(after(text, "Observed x̄ = "))
    z = (observed - mu0) / se
    assert agrees(after(text, "z = (x̄ − μ₀)/(σ/√n) = "), z), text
    p = {"two": 2 * stats.norm.sf(abs(z)), "right": stats.norm.sf(z), "left": stats.norm.cdf(z)}[
        tail
    ]
    assert agrees(after(text.split("p-value = ")[1], ") = "), p), text
    assert ("reject H₀ (x̄ is in the rejection region)" in text) == (p <= alpha), text
    assert agrees(after(text, "β = P(do not reject H₀) = "), beta), text
    assert agrees(after(text, "power = 1 − β = "), 1 - beta), text


def test_hypothesis_test_numbers_equal_scipy(figure_server: str, page: Page) -> None:
    fig = open_kind(page, figure_server, "hypothesis-test")
    text = readout(fig)
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 25, "alpha": 0.05, "tail": "two"})
    assert "p-value = 2·P(Z ≥ 1.333) = 0.1824 > α: do not reject H₀" in text, text
    shot(fig, "hypothesis-test")
    # n up (25 → 30): the curves narrow, β falls.
    text = press(page, fig, "ArrowUp")
    assert text.startswith("n up to 30."), text
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 30, "alpha": 0.05, "tail": "two"})
    text = click(fig, "α +")
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 30, "alpha": 0.1, "tail": "two"})
    # x̄ to the right: 104 → 104.5 (steps of 0.5 at this standard error), then dragged far out.
    text = press(page, fig, "ArrowRight")
    assert "Observed x̄ = 104.5" in text, text
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 30, "alpha": 0.1, "tail": "two"})
    text = drag(page, fig, "x̄", (94, 0))
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 30, "alpha": 0.1, "tail": "two"})
    assert "reject H₀ (x̄ is in the rejection region)" in text, text
    shot(fig, "hypothesis-test-rejected")
    text = press(page, fig, "-", "-", "-")
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 30, "alpha": 0.01, "tail": "two"})


def test_hypothesis_test_one_sided_and_degenerate(figure_server: str, page: Page) -> None:
    params = {"mu0": 100, "mu1": 105, "sd": 15, "n": 36, "alpha": 0.05, "tail": "right"}
    fig = open_kind(page, figure_server, "hypothesis-test", params)
    text = readout(fig)
    check_test(text, {"mu0": 100, "mu1": 105, "sd": 15, "n": 36, "alpha": 0.05, "tail": "right"})
    assert "β = P(do not reject H₀) = 0.3612" in text  # the lesson's numbers
    params = {"mu0": 0, "mu1": 0, "sd": 1, "n": 4, "alpha": 0.05, "tail": "left", "observed": -3}
    fig = open_kind(page, figure_server, "hypothesis-test", params)
    text = readout(fig)
    check_test(text, {"mu0": 0, "mu1": 0, "sd": 1, "n": 4, "alpha": 0.05, "tail": "left"})
    assert "the power is just α" in text, text
    assert "p-value = P(Z ≤ −6) = 9.866×10⁻¹⁰" in text, text
    params = {
        "mu0": 10,
        "mu1": 8,
        "sd": 2,
        "n": 16,
        "alpha": 0.05,
        "tail": "right",
        "observed": 10.5,
    }
    fig = open_kind(page, figure_server, "hypothesis-test", params)
    text = readout(fig)
    check_test(text, {"mu0": 10, "mu1": 8, "sd": 2, "n": 16, "alpha": 0.05, "tail": "right"})
    assert "does not look at: the power is below α" in text, text
    shot(fig, "hypothesis-test-wrong-side")


# --- every kind on a phone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["network", "joint-distribution", "likelihood", "beta-posterior", "hypothesis-test"]
)
def test_learning_figures_fit_a_phone(figure_server: str, phone: Page, kind: str) -> None:
    fig = open_kind(phone, figure_server, kind)
    canvas = fig.locator(".figure-canvas").bounding_box()
    assert canvas is not None
    assert 200 < canvas["width"] <= 360
    assert canvas["height"] > 150
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert len(readout(fig)) > 40
    for control in fig.locator(".figure-controls button").all():
        b = control.bounding_box()
        assert b is not None
        assert b["x"] + b["width"] <= 360
    shot(fig, f"{kind}-phone")
