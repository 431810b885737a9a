"""The figures of solving in Chromium, on the figure gallery (``/figures/<kind>``): a linear
system and its elimination, the rank of a 2×2 matrix, Newton's method in one variable, and
Newton against gradient descent — plus the gallery itself and the linear transformation of a
nearly singular matrix.

Each test steps or drags something and checks the live readout — the figure's text
alternative — against the engine (row operations, Newton iterates, Hessians) or NumPy.
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction
from urllib.parse import quote

import numpy as np
import pytest
from playwright.sync_api import Locator, Page
from tests.web import test_figures as shared
from tests.web.test_figures import MINUS, drag, figure, press, readout, shot

from mlmath.engine.calculus.newton import hessian_at, newton_minimise, newton_root, newton_step_2d
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.echelon import full_reduction
from mlmath.exercises.calculus.functions import read_function
from mlmath.exercises.figures import KINDS, SAMPLES
from mlmath.web.filters import figure_scripts

pytestmark = pytest.mark.browser

figure_server = shared.figure_server
page = shared.page
phone = shared.phone

SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
OURS = ("linear-system", "rank", "newton", "newton-vs-gradient")


def value(text: str) -> float:
    """A number as a readout writes it: −0.08333, 1.414213562, 2.1×10⁻⁶."""
    text = text.replace(MINUS, "-").strip()
    power = re.fullmatch(r"(-?[0-9.]+)×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)", text)
    if power:
        return float(power.group(1)) * 10 ** int(power.group(2).translate(SUPERSCRIPTS))
    return float(text)


def after(text: str, label: str) -> float:
    """The number right after ``label`` in the readout."""
    found = re.search(
        re.escape(label) + r"\s*([−\-]?[0-9]+(?:\.[0-9]+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)", text
    )
    assert found, (label, text)
    return value(found.group(1))


def open_figure(
    page: Page, server: str, kind: str, params: dict[str, object] | None = None
) -> Locator:
    url = f"{server}/figures/{kind}"
    if params is not None:
        url += "?params=" + quote(json.dumps(params))
    page.goto(url)
    return figure(page, kind)


def close(shown: float, exact: float, digits: int = 4) -> bool:
    """Equal to the shown number of significant figures (rounded to ``digits``)."""
    return abs(shown - exact) <= 0.51 * 10 ** (np.floor(np.log10(abs(exact) or 1)) - digits + 1)


# --- the gallery ---------------------------------------------------------------------------


def test_the_gallery_shows_every_kind_with_a_script(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/figures")
    drawable = figure_scripts()
    assert set(OURS) <= set(drawable)
    page.wait_for_function(
        f"document.querySelectorAll('figure.interactive.drawn').length >= {len(drawable)}"
    )
    kinds = page.eval_on_selector_all(
        "figure.interactive", "els => els.map(e => e.getAttribute('data-kind'))"
    )
    assert sorted(kinds) == sorted(SAMPLES)
    assert set(SAMPLES) == set(KINDS)
    links = page.eval_on_selector_all(
        "section.figure-sample h2 a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert links == [f"/figures/{kind}" for kind in sorted(SAMPLES)]


def test_one_kind_page_and_its_parameters(figure_server: str, page: Page) -> None:
    fig = open_figure(
        page, figure_server, "newton", {"function": "x^2 - 9", "start": 4, "mode": "root"}
    )
    assert "x₀ = 4" in readout(fig)
    assert page.locator("textarea#figure-params").input_value() == json.dumps(
        {"function": "x^2 - 9", "start": 4, "mode": "root"}
    )


# --- linear-system -------------------------------------------------------------------------


def engine_operations(system: list[list[int]]) -> list[str]:
    """The engine's worked RREF operations, written the way the figure writes them."""
    ops = full_reduction(Matrix.of(system)).operations
    return [
        op.text()
        .replace(" <-> ", " ↔ ")
        .replace(" -> ", " → ")
        .replace(" - ", f" {MINUS} ")
        .replace("-", MINUS)
        for op in ops
    ]


def test_elimination_follows_the_engine_and_keeps_the_crossing_point(
    figure_server: str, page: Page
) -> None:
    system = [[1, 2, 5], [3, -1, 1]]
    fig = open_figure(page, figure_server, "linear-system")  # the sample is this system
    text = readout(fig)
    assert text.startswith("The system: (1) x + 2y = 5; (2) 3x − y = 1.")
    assert "(x, y) = (1, 2)" in text
    shot(fig, "linear-system")
    expected = engine_operations(system)
    assert expected == ["R2 → R2 − 3·R1", "R2 → −1/7·R2", "R1 → R1 − 2·R2"]
    for k, op in enumerate(expected, start=1):
        text = press(page, fig, "n")
        assert text.startswith(f"Step {k} of {len(expected)}: {op} ("), text
        assert "The solution set did not change" in text
        assert "(x, y) = (1, 2)" in text
        if k == 1:
            assert "(2) −7y = −14" in text
            shot(fig, "linear-system-step-1")
    assert "(1) x = 1; (2) y = 2" in text
    assert "reduced row echelon form" in text
    text = press(page, fig, "n")
    assert text.startswith("That was the last step")
    # Back, and the buttons do the same as the keys.
    text = press(page, fig, "b")
    assert text.startswith("One step back. Step 2 of 3")
    fig.get_by_role("button", name="Back to the original system").click()
    assert readout(fig).startswith("Back to the start. The system:")
    fig.get_by_role("button", name="Apply the next row operation").click()
    assert readout(fig).startswith("Step 1 of 3: R2 → R2 − 3·R1")
    # The changed row's old line is drawn dashed beside its new one.
    dashed = page.evaluate(
        """root => {
            const board = Object.values(JXG.boards).find(b => root.contains(b.containerObj));
            return board.objectsList.filter(o => o.elType === "line" && o.visProp.dash > 0).length;
        }""",
        fig.element_handle(),
    )
    assert dashed == 1


@pytest.mark.parametrize(
    ("system", "words"),
    [
        ([[1, 2, 3], [2, 4, 7]], "No solution: the two lines are parallel and never meet."),
        (
            [[1, 2, 3], [2, 4, 6]],
            "Infinitely many solutions: both equations describe the same line, so every point "
            "on it is a solution (x = 3 − 2t, y = t, for any t).",
        ),
    ],
)
def test_lines_without_one_crossing_point_say_so(
    figure_server: str, page: Page, system: list[list[int]], words: str
) -> None:
    fig = open_figure(page, figure_server, "linear-system", {"system": system})
    assert words in readout(fig)
    expected = engine_operations(system)
    texts = [press(page, fig, "n") for _ in expected]
    for op, text in zip(expected, texts, strict=True):
        assert f": {op} (" in text
        assert words in text
    if "No solution" in words:
        assert "reads 0 = 1: no point satisfies it" in texts[-1]
    else:
        assert "Row 2 reads 0 = 0: true everywhere, so it draws no line." in texts[-1]
    shot(fig, "linear-system-" + ("parallel" if "No" in words else "same-line"))


def test_three_planes_step_by_step_in_a_3d_view(figure_server: str, page: Page) -> None:
    system = [[1, 1, 1, 6], [1, -1, 2, 5], [2, 1, -1, 1]]
    fig = open_figure(page, figure_server, "linear-system", {"system": system})
    text = readout(fig)
    assert "One solution: the three planes meet at one point, (x, y, z) = (1, 2, 3)." in text
    expected = engine_operations(system)
    assert f"Press N for the first of {len(expected)} row operations." in text
    views = page.evaluate(
        """root => {
            const board = Object.values(JXG.boards).find(b => root.contains(b.containerObj));
            return board.objectsList.filter(o => o.type === JXG.OBJECT_TYPE_VIEW3D).length;
        }""",
        fig.element_handle(),
    )
    assert views == 1
    for k, op in enumerate(expected, start=1):
        text = press(page, fig, "n")
        assert text.startswith(f"Step {k} of {len(expected)}: {op} ("), text
        assert "(x, y, z) = (1, 2, 3)" in text
    assert "(1) x = 1; (2) y = 2; (3) z = 3" in text
    # The arrow keys turn the view.
    angle = (
        "root => Object.values(JXG.boards).find(b => root.contains(b.containerObj))"
        ".objectsList.find(o => o.type === JXG.OBJECT_TYPE_VIEW3D).az_slide.Value()"
    )
    before = page.evaluate(angle, fig.element_handle())
    press(page, fig, "ArrowLeft", "ArrowLeft")
    assert page.evaluate(angle, fig.element_handle()) != before
    shot(fig, "linear-system-3d")


@pytest.mark.parametrize(
    ("system", "words"),
    [
        ([[1, 1, 1, 1], [1, 1, 1, 2], [1, -1, 0, 0]], "planes 1 and 2 are parallel"),
        (
            [[1, 1, 1, 3], [1, -1, 0, 0], [2, 0, 1, 3]],
            "Infinitely many solutions: the planes share a whole line (x = 3/2 − (1/2)t, "
            "y = 3/2 − (1/2)t, z = t, for any t).",
        ),
    ],
)
def test_planes_without_one_common_point_say_so(
    figure_server: str, page: Page, system: list[list[int]], words: str
) -> None:
    fig = open_figure(page, figure_server, "linear-system", {"system": system})
    assert words in readout(fig)
    text = press(page, fig, "n")
    assert words in text
    shot(fig, "linear-system-3d-" + ("parallel" if "parallel" in words else "line"))


# --- rank ----------------------------------------------------------------------------------


def test_rank_drops_as_the_columns_become_dependent(figure_server: str, page: Page) -> None:
    fig = open_figure(page, figure_server, "rank")  # [[2, 1], [1, 2]]
    text = readout(fig)
    assert np.linalg.matrix_rank(np.array([[2, 1], [1, 2]])) == 2
    assert text.startswith("Rank 2:")
    assert "det = 3 ≠ 0" in text
    shot(fig, "rank")
    # S: Ae₁ = (2, 1) snaps onto the line of Ae₂ = (1, 2): the nearest multiple c·Ae₂ (c = 4/5)
    # other than 0 and 1 is 0.5·Ae₂ = (0.5, 1).
    text = press(page, fig, "s")
    assert text.startswith("Ae₁ snapped onto the line of Ae₂: Ae₁ = 0.5·Ae₂. Rank 1:"), text
    a = np.array([[0.5, 1], [1, 2]])
    assert np.linalg.matrix_rank(a) == 1
    assert "the direction (1, 2): the line y = 2x" in text
    null = re.search(r"every vector along \(([^)]*)\) is sent to 0", text)
    assert null
    v = np.array([value(s) for s in null.group(1).split(",")])
    assert np.allclose(a @ v, 0)
    assert np.linalg.norm(v) > 0
    shot(fig, "rank-1")
    # Drag both columns to the origin: rank 0.
    drag(page, fig, "Ae₁", (0, 0))
    text = drag(page, fig, "Ae₂", (0, 0))
    assert text.startswith("Rank 0: both columns are 0"), text
    # Arrow keys move the selected column off the origin again: rank 1 along the x-axis.
    text = press(page, fig, "ArrowRight", "ArrowRight")
    assert text.startswith("Rank 1:")
    assert "the x-axis (y = 0)" in text
    assert "Ae₂ = (1, 0)" in text


def test_rank_keeps_entries_off_the_half_grid(figure_server: str, page: Page) -> None:
    fig = open_figure(page, figure_server, "rank", {"matrix": [[1, 1], [1, 1.1]]})
    text = readout(fig)
    assert text.startswith("Rank 2:")
    assert "det = 0.1" in text
    assert "nearly parallel" in text


# --- newton --------------------------------------------------------------------------------


def test_newton_root_iterates_equal_the_engine(figure_server: str, page: Page) -> None:
    fig = open_figure(page, figure_server, "newton")  # x^2 − 2 from x₀ = 1
    f = read_function("x^2 - 2")
    star = 2**0.5
    text = readout(fig)
    assert text.startswith("k = 0 (the start): x₀ = 1, f(x₀) = −1.")
    errors = []
    for k in range(1, 5):
        text = press(page, fig, "n")
        exact = float(newton_root(f, "x", Fraction(1), k).answer)
        shown = after(text, f"x{'₀₁₂₃₄'[k]} = ")
        assert abs(shown - exact) <= 1e-9 * abs(exact), (text, exact)
        assert (
            close(after(text, f"f(x{'₀₁₂₃₄'[k]}) = "), exact**2 - 2, 4) or abs(exact**2 - 2) < 1e-12
        )
        error = after(text, "| = ")
        assert close(error, abs(exact - star), 3) or abs(exact - star) < 1e-14, (text, exact)
        errors.append(abs(exact - star))
        if k == 2:
            shot(fig, "newton")
    # The digits roughly double: each error about the square of the one before (scaled).
    assert errors[2] < errors[1] ** 1.8
    text = press(page, fig, "b")
    assert text.startswith("k = 3:")
    fig.get_by_role("button", name="Back to the start").click()
    assert readout(fig).startswith("k = 0 (the start)")
    # Drag x₀ to 2 along the x-axis: the first step from 2 is 2 − 2/4 = 1.5.
    text = drag(page, fig, "x₀", (2, 0))
    assert "x₀ = 2," in text
    assert after(text, "= x₀ − f(x₀)/f′(x₀) = ") == 1.5


def test_newton_minimum_steps_with_the_second_derivative(figure_server: str, page: Page) -> None:
    params = {"function": "x^4 - 3x^2 + x", "start": 2, "mode": "minimum"}
    fig = open_figure(page, figure_server, "newton", params)
    f = read_function("x^4 - 3x^2 + x")
    for k in range(1, 4):
        text = press(page, fig, "n")
        exact = float(newton_minimise(f, "x", Fraction(2), k).answer)
        assert abs(after(text, f"x{'₀₁₂₃'[k]} = ") - exact) <= 1e-9 * abs(exact), (text, exact)
        assert close(after(text, f"f′(x{'₀₁₂₃'[k]}) = "), 4 * exact**3 - 6 * exact + 1)
        assert f"f″(x{'₀₁₂'[k - 1]})" in text
    shot(fig, "newton-minimum")


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"function": "x^2 - 2", "start": 0, "mode": "root"}, "f′(x₀) = 0: the tangent is flat"),
        (
            {"function": "x^3 - 3x", "start": 0, "mode": "minimum"},
            "f″(x₀) = 0: the tangent is flat",
        ),
    ],
)
def test_newton_from_a_flat_tangent_says_it_cannot_step(
    figure_server: str, page: Page, params: dict[str, object], words: str
) -> None:
    fig = open_figure(page, figure_server, "newton", params)
    text = readout(fig)
    assert words in text
    assert "Newton's method cannot step from here" in text
    assert "NaN" not in text
    assert "Infinity" not in text
    text = press(page, fig, "n")
    assert text.startswith("The tangent is flat: Newton's method cannot step from here.")
    shot(fig, "newton-flat")


# --- newton-vs-gradient --------------------------------------------------------------------


def gd_path(grad, start: tuple[float, float], alpha: float, steps: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    p = np.array(start, dtype=float)
    for _ in range(steps):
        p = p - alpha * np.asarray(grad(p))
    return p


def point_after(text: str, label: str) -> np.ndarray:
    found = re.search(re.escape(label) + r" = \(([^)]*)\)", text)
    assert found, (label, text)
    return np.array([value(s) for s in found.group(1).split(",")])


def test_newton_and_gradient_descent_paths_and_the_hessian(figure_server: str, page: Page) -> None:
    fig = open_figure(page, figure_server, "newton-vs-gradient")  # x^2 + 3y^2 from (2, 1)
    f = read_function("x^2 + 3y^2", ("x", "y"))
    h = hessian_at(f, ("x", "y"), (Fraction(2), Fraction(1))).answer
    eig = np.linalg.eigvalsh(np.array([[float(e) for e in row] for row in h.rows]))
    text = readout(fig)
    assert "the Hessian is H = [[2, 0], [0, 6]]" in text
    assert f"eigenvalues {eig[0]:g} and {eig[1]:g}: both > 0" in text
    assert "Newton heads for the minimum at (0, 0)." in text
    newton = newton_step_2d(f, ("x", "y"), (Fraction(2), Fraction(1))).answer
    grad = lambda p: (2 * p[0], 6 * p[1])  # noqa: E731
    for k in (1, 2, 3):
        text = press(page, fig, "n")
        g = point_after(text, f"g{'₀₁₂₃'[k]}")
        assert np.allclose(g, gd_path(grad, (2, 1), 0.1, k), rtol=1e-3), text
        n = point_after(text, f"n{'₀₁₂₃'[k]}")
        assert np.allclose(n, [float(c) for c in newton.entries], atol=1e-9), text
    shot(fig, "newton-vs-gradient")
    # + raises the learning rate along the ladder: 0.1 → 0.15; the slider follows.
    text = press(page, fig, "+")
    assert text.startswith("Learning rate up. Step 3 of 20, α = 0.15.")
    assert np.allclose(point_after(text, "g₃"), gd_path(grad, (2, 1), 0.15, 3), rtol=1e-3)
    slider = fig.locator("input[type=range]")
    assert fig.locator(".figure-slider").inner_text().startswith("Learning rate α = 0.15")
    slider.fill("6")  # the ladder's 7th rung: 0.1
    assert "α = 0.1." in readout(fig)
    # Drag the start: the Hessian of a quadratic does not change, the paths do.
    text = drag(page, fig, "p₀", (1, 1))
    assert "p₀ = (1, 1)" in text
    assert np.allclose(point_after(text, "g₃"), gd_path(grad, (1, 1), 0.1, 3), rtol=1e-3)


def test_newton_heads_for_a_saddle(figure_server: str, page: Page) -> None:
    params = {"function": "x^2 - y^2 + 0.1y^4", "start": [1, 0.5], "learning_rate": 0.1}
    fig = open_figure(page, figure_server, "newton-vs-gradient", params)
    text = readout(fig)
    h = np.array([[2, 0], [0, -2 + 1.2 * 0.25]])
    eig = np.linalg.eigvalsh(h)
    assert f"eigenvalues {MINUS}{-eig[0]:g} and {eig[1]:g}: one < 0 and one > 0" in text
    assert "a saddle" in text
    assert "Newton heads for the saddle point here, (0, 0)" in text
    text = press(page, fig, "n", "n", "n", "n", "n")
    assert np.linalg.norm(point_after(text, "n₅")) < 1e-9
    g = point_after(text, "g₅")
    assert after(text.split("Gradient descent")[1], "f = ") < 0 < float(g[1])  # downhill, away
    shot(fig, "newton-vs-gradient-saddle")


def test_a_singular_hessian_is_a_sentence(figure_server: str, page: Page) -> None:
    params = {"function": "x^2", "start": [1, 1], "learning_rate": 0.25}
    fig = open_figure(page, figure_server, "newton-vs-gradient", params)
    text = readout(fig)
    assert "one is 0, so H is singular" in text
    text = press(page, fig, "n")
    assert "the Hessian there is singular, so Newton's method cannot step from here" in text
    assert "NaN" not in text


# --- linear-transformation: a nearly singular matrix -----------------------------------------


def test_a_nearly_singular_transformation_stays_readable(figure_server: str, page: Page) -> None:
    fig = open_figure(
        page, figure_server, "linear-transformation", {"matrix": [[100, 99], [99, 98]]}
    )
    text = readout(fig)
    assert text.startswith("det = −1:")
    assert "The image is nearly flat" in text
    lines = page.evaluate(
        """root => {
            const board = Object.values(JXG.boards).find(b => root.contains(b.containerObj));
            const grid = board.objectsList.find(o => o.elType === "grid");
            const box = board.getBoundingBox();
            return (box[1] - box[3]) / grid.visProp.majorstep[1];
        }""",
        fig.element_handle(),
    )
    assert lines <= 16
    shot(fig, "linear-transformation-nearly-flat")
    # Entries off the half grid are kept, not rounded into a singular matrix.
    fig = open_figure(page, figure_server, "linear-transformation", {"matrix": [[1, 1], [1, 1.1]]})
    text = readout(fig)
    assert text.startswith("det = 0.1:")
    assert "nearly flat" in text


# --- a phone -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", OURS)
def test_solving_figures_fit_a_phone(figure_server: str, phone: Page, kind: str) -> None:
    phone.goto(f"{figure_server}/figures/{kind}")
    fig = figure(phone, kind)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    # Every box of the page inside the screen (drawings inside the board are clipped to it).
    right = phone.evaluate(
        "el => Math.max(...[el, ...el.querySelectorAll('*')]"
        ".filter(e => !(e instanceof SVGElement) || e instanceof SVGSVGElement)"
        ".map(e => e.getBoundingClientRect().right))",
        fig.element_handle(),
    )
    assert right <= 360
    fig.locator(".figure-controls button").first.click()
    assert readout(fig)
    shot(fig, f"{kind}-phone")
