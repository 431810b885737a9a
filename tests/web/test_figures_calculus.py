"""The Course 2 figures in Chromium: the tangent line and gradient descent.

Each test moves or steps something and checks the live readout — the figure's text
alternative — against the math worked out here. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page
from tests.web import test_figures as shared
from tests.web.test_figures import MINUS, drag, figure, gallery, press, readout, shot

DESCENT = {"function": "x^2 - 4x", "start": 0, "learning_rate": 0.25, "steps": 6}
"""A loss with its minimum at x = 2, stepped from 0 (the figures are drawn from the gallery)."""

pytestmark = pytest.mark.browser

figure_server = shared.figure_server
page = shared.page
phone = shared.phone


@pytest.fixture
def lesson(page: Page) -> Iterator[Page]:
    """The shared page, also failing on JSXGraph's warnings that something broke the CSP."""
    warnings: list[str] = []
    page.on(
        "console",
        lambda message: (
            warnings.append(message.text)
            if "Content Security Policy" in message.text or "error compiling" in message.text
            else None
        ),
    )
    yield page
    assert not warnings, warnings


def test_secants_approach_the_tangent_as_h_shrinks(figure_server: str, lesson: Page) -> None:
    lesson.goto(gallery(figure_server, "tangent-line", function="x^2", point=1))
    fig = figure(lesson, "tangent-line")
    text = readout(fig)
    # f(x) = x², P at 1, Q at 2: tangent slope 2, secant slope (4 − 1)/1 = 3.
    assert text.startswith("P = (1, 1): the tangent's slope is f′(1) = 2, the graph rises"), text
    assert (
        "Q = (2, 4), h = 1: the secant's slope is (f(2) − f(1))/h = 3, off from f′(1) by 1" in text
    )
    shot(fig, "tangent-secant")
    # Halving h three times: h = 1/8, the secant's slope 2 + h = 2.125.
    text = press(lesson, fig, "h", "h", "h")
    assert "h = 0.125: the secant's slope is (f(1.125) − f(1))/h = 2.125" in text, text
    assert "off from f′(1) by 0.125" in text
    shot(fig, "tangent-secant-close")
    # The button does the same: h = 1/16, slope 2.0625.
    fig.get_by_role("button", name="Halve the gap h between Q and P").click()
    assert "h = 0.0625" in readout(fig)
    assert "= 2.0625" in readout(fig)
    # Q onto P: no secant left, only the tangent.
    fig.focus()
    text = press(lesson, fig, "ArrowLeft")
    assert "Q is on P (h = 0)" in text, text
    # P to x = 0 (select it with 1): the bottom of the parabola, a flat tangent.
    text = press(lesson, fig, "1", *["ArrowLeft"] * 4)
    assert text.startswith("P = (0, 0): the tangent's slope is f′(0) = 0, a flat tangent"), text
    # Dragged to x = −1 with the mouse: slope −2, falling.
    text = drag(lesson, fig, "P", (-1, 3))
    assert text.startswith(f"P = ({MINUS}1, 1): the tangent's slope is f′({MINUS}1) = {MINUS}2"), (
        text
    )
    assert "the graph falls here" in text


def test_tangent_is_flat_only_at_the_bottom(figure_server: str, lesson: Page) -> None:
    lesson.goto(gallery(figure_server, "tangent-line", function="x^2 - 6x + 20", point=3))
    fig = figure(lesson, "tangent-line")
    keys = fig.locator(".figure-keys").inner_text()
    assert "left and right arrow keys move Q along the graph by 0.25" in keys
    assert "H halves the gap h" in keys
    # T(x) = x² − 6x + 20: T(3) = 11, T′(3) = 0.
    text = readout(fig)
    assert text.startswith("P = (3, 11): the tangent's slope is f′(3) = 0, a flat tangent"), text
    shot(fig, "tangent-flat")
    # P to 3.5: T′ = 2·3.5 − 6 = 1, T(3.5) = 11.25.
    text = press(lesson, fig, "1", "ArrowRight", "ArrowRight")
    assert text.startswith(
        "P = (3.5, 11.25): the tangent's slope is f′(3.5) = 1, the graph rises"
    ), text


def test_gradient_descent_converges_then_overshoots_and_diverges(
    figure_server: str, lesson: Page
) -> None:
    lesson.goto(gallery(figure_server, "gradient-descent", **DESCENT))
    fig = figure(lesson, "gradient-descent")
    # f(x) = x² − 4x, x₀ = 0, α = 0.25: the gap to 2 halves each step, x₆ = 2 − 2/2⁶.
    text = readout(fig)
    assert text.startswith("α = 0.25. x₆ = 1.9688 (after 6 steps)"), text
    shot(fig, "gradient-descent-1d")
    text = press(lesson, fig, "r")
    assert text.startswith("α = 0.25. x₀ = 0 (the start): f(x₀) = 0, f′(x₀) = −4"), text
    assert "next step is −α·f′(x₀) = 1 → x₁ = 1." in text
    # One step: f(1) = −3, f′(1) = −2, step 0.5.
    text = press(lesson, fig, "Enter")
    assert text.startswith("α = 0.25. x₁ = 1 (after 1 step): f(x₁) = −3, f′(x₁) = −2"), text
    assert "−α·f′(x₁) = 0.5 → x₂ = 1.5." in text
    # α = 0.5 lands on the minimum in one step: x₁ = 0 − 0.5·(−4) = 2, where f′ = 0.
    text = press(lesson, fig, "+", "+", "+")
    assert text.startswith("Learning rate up. α = 0.5. x₁ = 2 (after 1 step)"), text
    assert "The gradient is 0: x₁ is a flat point" in text
    # α = 1.5: x₁ = 6 (f = 12 > 0, overshot), x₂ = 6 − 1.5·8 = −6 (f = 60, the steps grow).
    text = press(lesson, fig, *["+"] * 7)
    assert text.startswith("Learning rate up. α = 1.5. x₁ = 6 (after 1 step): f(x₁) = 12"), text
    assert "overshot the minimum. The learning rate is too large." in text
    text = press(lesson, fig, "s")
    assert text.startswith(f"α = 1.5. x₂ = {MINUS}6 (after 2 steps): f(x₂) = 60"), text
    assert "the steps grow: the walk diverges" in text
    shot(fig, "gradient-descent-diverges")
    # Back, with the button, and a smaller rate: 1.25 gives x₁ = 5.
    fig.get_by_role("button", name="Take a step back").click()
    fig.get_by_role("button", name="Smaller learning rate").click()
    assert readout(fig).startswith("Learning rate down. α = 1.25. x₁ = 5 (after 1 step)")


def test_gradient_ascent_on_contours_follows_the_dragged_start(
    figure_server: str, lesson: Page
) -> None:
    lesson.goto(f"{figure_server}/lessons/c2w2l1")
    fig = figure(lesson, "gradient-descent")
    # f = 60 − x² − 2y², ascent with α = 0.1: (x, y) ← (0.8x, 0.6y).
    text = readout(fig)
    assert text.startswith(f"α = 0.1. p₅ = ({0.8**5:.4f}, {0.6**5:.4f}) (after 5 steps)"), text
    shot(fig, "gradient-ascent-2d")
    text = press(lesson, fig, *["Backspace"] * 4)
    assert text.startswith("α = 0.1. p₁ = (0.8, 0.6) (after 1 step): f(p₁) = 58.64"), text
    assert "∇f(p₁) = (−1.6, −2.4), so the next step is +α·∇f(p₁) = (−0.16, −0.24)" in text
    assert "→ p₂ = (0.64, 0.36)." in text
    # The start dragged to (2, 0): p₁ = (1.6, 0).
    text = drag(lesson, fig, "p₀", (2, 0))
    assert text.startswith("α = 0.1. p₁ = (1.6, 0) (after 1 step)"), text
    # Arrow keys move the start too: (2, 0.5) → p₁ = (1.6, 0.3).
    text = press(lesson, fig, "ArrowUp")
    assert text.startswith("α = 0.1. p₁ = (1.6, 0.3)"), text


def test_practice_gradient_descent_figure_comes_with_the_solution(
    figure_server: str, lesson: Page
) -> None:
    lesson.goto(f"{figure_server}/practice/calculus.gradient_descent_step_1d")
    panel = lesson.locator("section.practice")
    panel.wait_for()
    assert panel.locator("figure.interactive").count() == 0
    panel.get_by_role("button", name="Show solution").click()
    fig = figure(lesson, "gradient-descent")
    params = json.loads(fig.get_attribute("data-params") or "{}")
    assert "x₀" in readout(fig)
    # One step by the learner's own rule, worked here from the figure's numbers.
    text = press(lesson, fig, "Enter")
    x0, alpha = params["start"], params["learning_rate"]
    h = 1e-6
    from mlmath.exercises.calculus.functions import read_function

    f = read_function(params["function"])
    slope = (float(f.evaluate({"x": x0 + h})) - float(f.evaluate({"x": x0 - h}))) / (2 * h)
    x1 = x0 - alpha * slope
    shown_x1 = text.split("x₁ = ")[1].split(" ")[0].replace(MINUS, "-")
    assert abs(float(shown_x1) - x1) < 1e-3, (text, x1)
    shot(fig, "practice-gradient-descent")


def test_calculus_figures_fit_a_phone(figure_server: str, phone: Page) -> None:
    phone.goto(gallery(figure_server, "gradient-descent", **DESCENT))
    fig = figure(phone, "gradient-descent")
    box = fig.locator(".figure-canvas").bounding_box()
    assert box is not None
    assert 200 < box["width"] <= 360
    # The figure and its buttons stay within the screen.
    right = phone.evaluate(
        "el => Math.max(...[el, ...el.querySelectorAll('*')]"
        ".map(e => e.getBoundingClientRect().right))",
        fig.element_handle(),
    )
    assert right <= 360
    assert readout(fig).startswith("α = 0.25.")
    shot(fig, "gradient-descent-phone")
