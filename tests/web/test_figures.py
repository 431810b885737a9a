"""The interactive figures in Chromium: focus a figure, press keys or drag, read what it says.

Each test opens a real server (``mlmath serve``, one learner, a throwaway data folder), moves
something and checks the live readout — the figure's text alternative — against the math.
Screenshots of each figure go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Locator, Page
from tests.fixtures.live import served

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MINUS = "\u2212"


@pytest.fixture(scope="module")
def figure_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running course for one learner (no log-in), on a free port."""
    data = tmp_path_factory.mktemp("figures") / "data"
    with served(data, {"MLMATH_MULTI_USER": "off"}) as url:
        yield url


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh page that fails the test on any script error or CSP violation."""
    context = chromium.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def phone(chromium: Browser) -> Iterator[Page]:
    """A fresh page on a phone's screen, 360 pixels wide, with touch."""
    context = chromium.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def gallery(server: str, kind: str, **params: Any) -> str:
    """The figure gallery's page drawing ``kind`` with these parameters (no lesson needed)."""
    return f"{server}/figures/{kind}?" + urlencode({"params": json.dumps(params)})


def figure(page: Page, kind: str, nth: int = 0) -> Locator:
    """The nth drawn figure of a kind, scrolled into view."""
    locator = page.locator(f"figure.interactive.drawn[data-kind='{kind}']").nth(nth)
    locator.wait_for(state="visible")
    locator.scroll_into_view_if_needed()
    return locator


def readout(fig: Locator) -> str:
    return str(fig.locator(".figure-readout").inner_text())


def press(page: Page, fig: Locator, *keys: str) -> str:
    fig.focus()
    for key in keys:
        page.keyboard.press(key)
    return readout(fig)


def shot(fig: Locator, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    fig.screenshot(path=str(ARTIFACTS / f"figure-{name}.png"))


def test_linear_transformation_determinant_changes_sign_through_zero(
    figure_server: str, page: Page
) -> None:
    page.goto(gallery(figure_server, "linear-transformation", matrix=[[2, 1], [0, 1]]))
    fig = figure(page, "linear-transformation")
    text = readout(fig)
    assert text.startswith("det = 2:"), text
    assert "orientation kept" in text
    assert "Ae₁ = (2, 0), Ae₂ = (1, 1)" in text
    shot(fig, "linear-transformation")
    # Ae₁ from (2, 0) up to (2, 2): onto the line of Ae₂ = (1, 1), det = 2·1 − 1·2 = 0.
    text = press(page, fig, *["ArrowUp"] * 4)
    assert text.startswith("det = 0:"), text
    assert "collapses onto a line" in text
    assert "singular" in text
    shot(fig, "linear-transformation-singular")
    # One step further, (2, 2.5): det = 2 − 2.5 = −0.5, the square turned over.
    text = press(page, fig, "ArrowUp")
    assert text.startswith(f"det = {MINUS}0.5:"), text
    assert "orientation flipped" in text
    shot(fig, "linear-transformation-flipped")


def drag(page: Page, fig: Locator, name: str, to: tuple[float, float]) -> str:
    """Drag the handle called ``name`` with the mouse to board coordinates ``to``."""
    where = page.evaluate(
        """([root, name, to]) => {
            const board = Object.values(JXG.boards).find(b => root.contains(b.containerObj));
            const point = board.objectsList.find(o => o.elType === "point" && o.name === name);
            const box = board.containerObj.getBoundingClientRect();
            const from = point.coords.scrCoords;
            const target = new JXG.Coords(JXG.COORDS_BY_USER, to, board).scrCoords;
            return [box.left + from[1], box.top + from[2],
                    box.left + target[1], box.top + target[2]];
        }""",
        [fig.element_handle(), name, list(to)],
    )
    page.mouse.move(where[0], where[1])
    page.mouse.down()
    page.mouse.move(where[2], where[3], steps=8)
    # JSXGraph may drop a move that follows the previous one too closely: settle on the target.
    for dx in (1, 0):
        page.wait_for_timeout(60)
        page.mouse.move(where[2] + dx, where[3])
    page.mouse.up()
    return readout(fig)


def test_figures_are_keyboard_operable_and_described(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "span", vectors=[[1, 2], [3, 1]]))
    fig = figure(page, "span")
    assert fig.get_attribute("tabindex") == "0"
    assert fig.locator(".figure-readout").get_attribute("aria-live") == "polite"
    keys = fig.locator(".figure-keys").inner_text()
    assert "arrow keys move v₁" in keys
    assert "Space switches to v₂" in keys
    described = fig.get_attribute("aria-describedby").split()
    assert fig.locator(".figure-readout").get_attribute("id") in described
    page.keyboard.press("Tab")
    # Tab moves through the page; it never gets stuck inside a figure.
    text = press(page, fig, " ")
    assert text.startswith("Now moving v₂."), text
    assert "Space switches to v₁" in fig.locator(".figure-keys").inner_text()


def test_span_collapses_to_a_line_when_the_vectors_line_up(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "span", vectors=[[1, 2], [3, 1]]))
    fig = figure(page, "span")
    text = readout(fig)
    assert "v₁ = (1, 2), v₂ = (3, 1)" in text, text
    assert "the whole plane" in text, text
    assert f"det = {MINUS}5" in text
    shot(fig, "span-plane")
    # v₂ from (3, 1) to (2, 4) = 2·v₁: two steps left, six up.
    text = press(page, fig, " ", *["ArrowLeft"] * 2, *["ArrowUp"] * 6)
    assert "v₂ = (2, 4)" in text, text
    assert "the span is a line: v₂ = 2·v₁" in text, text
    shot(fig, "span-line")
    # Pulled against v₁: v₂ = (−0.5, −1) = −0.5·v₁, still a line.
    text = drag(page, fig, "v₂", (-0.5, -1))
    assert f"the span is a line: v₂ = {MINUS}0.5·v₁" in text, text
    # Off the line again with the mouse: the plane is back.
    text = drag(page, fig, "v₂", (2, 0))
    assert "the whole plane" in text, text
    assert f"det = {MINUS}4" in text, text


def test_eigenvectors_stay_on_their_own_line(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "eigenvectors", matrix=[[2, 1], [1, 2]]))
    fig = figure(page, "eigenvectors")
    text = readout(fig)
    assert text == (
        "v = (1, 0), Av = (2, 1): Av leaves the line of v, so v is not an eigenvector."
    ), text
    shot(fig, "eigenvectors-not")
    text = press(page, fig, "ArrowUp", "ArrowUp")
    assert "v = (1, 1) is an eigenvector: Av = 3v = (3, 3)" in text, text
    shot(fig, "eigenvectors-found")
    text = press(page, fig, *["ArrowDown"] * 4)
    assert f"v = (1, {MINUS}1) is an eigenvector: Av = v = (1, {MINUS}1)" in text, text
    text = press(page, fig, "ArrowLeft", "ArrowLeft")
    assert text.startswith(f"v = (0, {MINUS}1)"), text
    assert "not an eigenvector" in text, text


def test_vector_sum_follows_the_vectors(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "vector-sum", u=[4, 1], v=[1, 3]))
    fig = figure(page, "vector-sum")
    text = readout(fig)
    assert "u + v = (5, 4)" in text, text
    assert f"u − v = (3, {MINUS}2)" in text, text
    shot(fig, "vector-sum")
    text = press(page, fig, "2", "ArrowLeft", "ArrowLeft")
    assert "v = (0, 3)" in text, text
    assert "u + v = (4, 4)" in text, text
    assert f"u − v = (4, {MINUS}2)" in text
    text = drag(page, fig, "u", (-1, 0.5))
    assert f"u + v = ({MINUS}1, 3.5)" in text, text


def test_dot_product_changes_sign_as_v_turns(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "dot-product-projection", u=[1, 0], v=[1, 1]))
    fig = figure(page, "dot-product-projection")
    text = readout(fig)
    assert "u·v = 1 > 0: the angle is 45°" in text, text
    assert "(0.5, 0.5)" in text, text
    shot(fig, "dot-product-acute")
    text = press(page, fig, "ArrowLeft")  # v is selected first: v = (0.5, 1)
    assert "u·v = 0.5 > 0" in text, text
    text = press(page, fig, "ArrowLeft")
    assert "u·v = 0: u and v are perpendicular (90°)" in text, text
    text = press(page, fig, "ArrowLeft", "ArrowLeft")
    assert f"u·v = {MINUS}1 < 0: the angle is 135°" in text
    assert "pointing against v" in text
    shot(fig, "dot-product-obtuse")


def test_figure_fits_a_phone(figure_server: str, phone: Page) -> None:
    phone.goto(gallery(figure_server, "linear-transformation", matrix=[[3, 1], [1, 2]]))
    fig = figure(phone, "linear-transformation")
    box = fig.locator(".figure-canvas").bounding_box()
    assert box is not None
    assert 200 < box["width"] <= 360
    assert box["height"] > 150
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert readout(fig).startswith("det = 5:")
    shot(fig, "linear-transformation-phone")


def shown(x: float) -> str:
    """A number as the figures write it (whole numbers here)."""
    return f"{MINUS}{abs(x):g}" if x < 0 else f"{x:g}"


def test_practice_eigenvector_figure_uses_the_variant(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/practice/linalg.eigenvectors")
    fig = figure(page, "eigenvectors")
    params = json.loads(fig.get_attribute("data-params") or "{}")
    (a, b), (c, d) = params["matrix"]
    x, y = params["v"]
    assert readout(fig).startswith(
        f"v = ({shown(x)}, {shown(y)}), Av = ({shown(a * x + b * y)}, {shown(c * x + d * y)}):"
    )
    assert "not an eigenvector" in readout(fig)
    # Find an eigenvector the way a learner would: turn v until Av lies on its line.
    trace, det = a + d, a * d - b * c
    root = math.isqrt(round(trace * trace - 4 * det))
    lam = (trace + root) // 2
    tx, ty = (b, lam - a) if (b, lam - a) != (0, 0) else (lam - d, c)
    g = math.gcd(tx, ty)
    tx, ty = tx // g, ty // g
    keys = ["ArrowRight" if tx > x else "ArrowLeft"] * round(abs(tx - x) * 2)
    keys += ["ArrowUp" if ty > y else "ArrowDown"] * round(abs(ty - y) * 2)
    text = press(page, fig, *keys)
    times = {1: "v", -1: f"{MINUS}v", 0: "0"}.get(lam, f"{shown(lam)}v")
    assert f"v = ({shown(tx)}, {shown(ty)}) is an eigenvector: Av = {times} = " in text, text
    shot(fig, "practice-eigenvectors")


def test_practice_figure_that_gives_the_answer_away_comes_with_the_solution(
    figure_server: str, page: Page
) -> None:
    page.goto(f"{figure_server}/practice/linalg.determinant_area")
    panel = page.locator("section.practice")
    panel.wait_for()
    assert panel.locator("figure.interactive").count() == 0
    panel.get_by_role("button", name="Show solution").click()
    fig = figure(page, "linear-transformation")  # drawn after the htmx swap
    (a, b), (c, d) = json.loads(fig.get_attribute("data-params") or "{}")["matrix"]
    text = readout(fig)
    assert text.startswith(f"det = {shown(a * d - b * c)}:"), text
    assert f"Ae₁ = ({shown(a)}, {shown(c)}), Ae₂ = ({shown(b)}, {shown(d)})" in text
    shot(fig, "practice-determinant-area")
    # The learner can still play with it: squash Ae₂ onto the x-axis next to Ae₁ = (a, c)…
    text = press(
        page, fig, "2", *(["ArrowDown"] * round(d * 2) if d > 0 else ["ArrowUp"] * round(-d * 2))
    )
    # (when d is already 0 no arrow is pressed, and the readout still begins "Now moving Ae₂.")
    assert f"det = {shown(a * 0 - b * c)}:" in text, text


def test_lesson_practice_slot_draws_its_figure_when_it_arrives(
    figure_server: str, page: Page
) -> None:
    page.goto(f"{figure_server}/lessons/c1w4l2")
    panel = page.locator("section.practice[data-skill='linalg.eigenvectors']")
    slot = page.get_by_role("link", name="Open the practice for Eigenvectors")
    slot.scroll_into_view_if_needed()  # the panel loads (htmx) when revealed
    panel.wait_for()
    fig = panel.locator("figure.interactive.drawn[data-kind='eigenvectors']")
    fig.wait_for()
    assert "not an eigenvector" in readout(fig)
    before = readout(fig)
    assert press(page, fig, "ArrowUp") != before
