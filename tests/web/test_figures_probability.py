"""The Course 3 figure in Chromium: a distribution with a shaded interval and its probability.

Every probability the readout shows is read back from the page and compared with SciPy to
the four decimals displayed — in the lessons, after keys and drags, for a sweep of families,
parameters and intervals, and in a practice panel built from a variant.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from typing import Any

import pytest
from playwright.sync_api import Locator, Page
from scipy import stats
from tests.web import test_figures as shared
from tests.web.test_figures import MINUS, drag, figure, gallery, press, readout, shot

DENSITIES: list[dict[str, Any]] = [
    {"family": "binomial", "n": 10, "p": 0.5, "a": 3, "b": 3},
    {"family": "uniform", "low": 0, "high": 10, "a": 2, "b": 5, "step": 0.5},
    {"family": "normal", "mean": 170, "sd": 10, "b": 185, "shade": "below", "step": 1},
    {"family": "normal", "mean": 0, "sd": 1, "a": -1, "b": 1, "step": 0.1},
    {"family": "chi-square", "df": 2, "b": 2, "shade": "below", "step": 0.5},
]
"""Distribution figures the tests draw from the gallery, each with its own event."""

TWO_TAILS = {
    "family": "normal",
    "mean": 0,
    "sd": 1,
    "a": -2,
    "b": 2,
    "shade": "outside",
    "step": 0.1,
}

pytestmark = pytest.mark.browser

figure_server = shared.figure_server
page = shared.page
phone = shared.phone

NUMBER = r"(−?[\d.]+)"
SHOWN = r"([<>] 0\.\d{4}|[01](?:\.\d{4})?)"
EVENTS = [
    ("between", re.compile(rf"^P\({NUMBER} ≤ X ≤ {NUMBER}\) = {SHOWN}")),
    ("point", re.compile(rf"^P\(X = {NUMBER}\) = {SHOWN}")),
    ("outside", re.compile(rf"^P\(X ≤ {NUMBER}\) \+ P\(X ≥ {NUMBER}\) = \S+ \+ \S+ = {SHOWN}")),
    ("below", re.compile(rf"^P\(X ≤ {NUMBER}\) = {SHOWN}")),
    ("above", re.compile(rf"^P\(X ≥ {NUMBER}\) = {SHOWN}")),
]


def model(params: Mapping[str, Any]) -> Any:
    """The SciPy distribution a figure's params describe."""
    family = params["family"]
    if family == "normal":
        return stats.norm(params["mean"], params["sd"])
    if family == "uniform":
        return stats.uniform(params["low"], params["high"] - params["low"])
    if family == "exponential":
        return stats.expon(scale=1 / params["rate"])
    if family == "t":
        return stats.t(params["df"])
    if family == "chi-square":
        return stats.chi2(params["df"])
    if family == "binomial":
        return stats.binom(params["n"], params["p"])
    assert family == "poisson"
    return stats.poisson(params["mean"])


def read(text: str) -> tuple[str, list[float], str]:
    """The event, its ends and the probability as shown, from a readout."""
    for event, pattern in EVENTS:
        found = pattern.match(text)
        if found:
            *ends, shown = found.groups()
            return event, [float(e.replace(MINUS, "-")) for e in ends], shown
    raise AssertionError(f"no probability in the readout {text!r}")


def expected(params: Mapping[str, Any], event: str, ends: list[float]) -> float:
    d = model(params)
    discrete = params["family"] in ("binomial", "poisson")
    below = d.cdf  # P(X ≤ x)

    def at_least(x: float) -> float:  # P(X ≥ x)
        return float(d.sf(x - 1) if discrete else d.sf(x))

    if event == "between":
        a, b = ends
        return float(below(b) - (below(a - 1) if discrete else below(a)))
    if event == "point":
        return float(d.pmf(ends[0]))
    if event == "outside":
        return float(below(ends[0])) + at_least(ends[1])
    if event == "below":
        return float(below(ends[0]))
    return at_least(ends[0])


def agrees(shown: str, value: float) -> bool:
    """Whether ``shown`` is ``value`` to the digits displayed (a tie rounds either way)."""
    if shown == "< 0.0001":
        return 0 < value < 0.00005
    if shown == "> 0.9999":
        return 0.99995 <= value < 1
    if shown in ("0", "1"):
        return abs(value - float(shown)) < 1e-12
    if f"{value:.4f}" == shown:
        return True
    return abs(value - float(shown)) <= 0.00005 + 1e-12


def check(fig: Locator, params: Mapping[str, Any]) -> str:
    """The readout, its probability checked against SciPy.

    The readout shows each end to four decimals; an end between grid points (a
    variant's own z, say) is only known that closely, so the probability may be
    anything it takes for ends within that rounding."""
    text = readout(fig)
    event, ends, shown = read(text)
    value = expected(params, event, ends)
    if agrees(shown, value):
        return text
    continuous = params["family"] not in ("binomial", "poisson")
    assert continuous, (text, value)
    values = [
        expected(params, event, list(corner))
        for corner in itertools.product(*[(e - 0.00005, e + 0.00005) for e in ends])
    ]
    assert any(agrees(shown, v) for v in values) or (
        shown[0].isdigit() and min(values) <= float(shown) <= max(values)
    ), (text, value, min(values), max(values))
    return text


def params_of(fig: Locator) -> dict[str, Any]:
    return dict(json.loads(fig.get_attribute("data-params") or "{}"))


def test_binomial_bars_add_up_as_the_ends_move(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "distribution", **DENSITIES[0]))
    fig = figure(page, "distribution")
    params = params_of(fig)
    assert params["family"] == "binomial"
    assert readout(fig) == "P(X = 3) = 0.1172 for X ~ Binomial(n = 10, p = 0.5): one bar."
    keys = fig.locator(".figure-keys").inner_text()
    assert "left and right arrow keys move a along the axis" in keys
    assert "Space switches to b" in keys
    shot(fig, "distribution-binomial")
    # a to 0: P(X ≤ 3) = (1 + 10 + 45 + 120)/1024 = 0.171875.
    text = press(page, fig, *["ArrowLeft"] * 3)
    assert text.startswith("P(0 ≤ X ≤ 3) = 0.1719"), text
    assert "the sum of the shaded bars, P(X = 0) + … + P(X = 3)" in text
    check(fig, params)
    # b to 6, then a to 4: P(4 ≤ X ≤ 6) = (210 + 252 + 210)/1024 = 0.65625, a tie that
    # rounds up on the page (0.6563) and to even in Python: both right to four decimals.
    press(page, fig, "2", *["ArrowRight"] * 3)
    text = press(page, fig, "1", *["ArrowRight"] * 4)
    assert text.startswith("P(4 ≤ X ≤ 6) = 0.6563"), text
    check(fig, params)
    shot(fig, "distribution-binomial-middle")
    # b dragged below a: the ends are read in order.
    text = drag(page, fig, "b", (2, 0))
    assert text.startswith("P(2 ≤ X ≤ 4) = "), text
    assert "b is left of a" in text
    check(fig, params)


@pytest.mark.parametrize(
    "case",
    [
        # Uniform on [0, 10], 2 to 5; b moved to 10.5 (0.5 a press): nothing past 10 counts.
        (1, "P(2 ≤ X ≤ 5) = 0.3000", ["2", *["ArrowRight"] * 11], "P(2 ≤ X ≤ 10.5) = 0.8000"),
        # Heights N(170, 10²) up to 185; b to 170: one half.
        (2, "P(X ≤ 185) = 0.9332", ["ArrowLeft"] * 15, "P(X ≤ 170) = 0.5000"),
        # The standard normal from −1 to 1, widened to ±2.
        (
            3,
            "P(−1 ≤ X ≤ 1) = 0.6827",
            [*["ArrowLeft"] * 10, "2", *["ArrowRight"] * 10],
            "P(−2 ≤ X ≤ 2) = 0.9545",
        ),
        # Chi-squared with 2 degrees of freedom up to 2; b to 6.
        (4, "P(X ≤ 2) = 0.6321", ["ArrowRight"] * 8, "P(X ≤ 6) = 0.9502"),
    ],
)
def test_lesson_densities_give_the_shaded_area(
    figure_server: str, page: Page, case: tuple[int, str, list[str], str]
) -> None:
    nth, start, keys, after = case
    page.goto(gallery(figure_server, "distribution", **DENSITIES[nth]))
    fig = figure(page, "distribution")
    params = params_of(fig)
    assert readout(fig).startswith(start), readout(fig)
    check(fig, params)
    text = press(page, fig, *keys)
    assert after in text, text
    check(fig, params)
    shot(fig, f"distribution-{params['family']}")


def test_p_value_is_the_area_of_both_tails(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "distribution", **TWO_TAILS))
    fig = figure(page, "distribution")
    params = params_of(fig)
    text = check(fig, params)
    assert text.startswith(f"P(X ≤ {MINUS}2) + P(X ≥ 2) = 0.0228 + 0.0228 = 0.0455"), text
    shot(fig, "distribution-two-tails")
    # Both ends half-way in: |z| = 1.5, p = 0.1336.
    text = press(page, fig, *["ArrowRight"] * 5, " ", *["ArrowLeft"] * 5)
    assert "= 0.1336" in text, text
    check(fig, params)
    # The end dragged with the mouse.
    text = drag(page, fig, "b", (3, 0))
    assert text.startswith(f"P(X ≤ {MINUS}1.5) + P(X ≥ 3) = 0.0668 + 0.0013 = 0.0682"), text
    check(fig, params)


def test_t_has_heavier_tails_than_the_normal(figure_server: str, page: Page) -> None:
    page.goto(gallery(figure_server, "distribution", family="t", df=4, a=-1.96, b=1.96, step=0.02))
    fig = figure(page, "distribution")
    params = params_of(fig)
    assert readout(fig).startswith(f"P({MINUS}1.96 ≤ X ≤ 1.96) = 0.8784"), readout(fig)
    # ±2.78 (t* for 4 degrees of freedom, 0.02 a press): 95 % again.
    text = press(page, fig, *["ArrowLeft"] * 41, "2", *["ArrowRight"] * 41)
    assert text.startswith(f"P({MINUS}2.78 ≤ X ≤ 2.78) = 0.9502"), text
    check(fig, params)
    shot(fig, "distribution-t")


def test_sample_mean_tail_in_the_clt_lesson(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w3l1")
    fig = figure(page, "distribution")
    params = params_of(fig)
    text = check(fig, params)
    assert text.startswith("P(X ≥ 173) = 0.0668"), text
    assert "z = 1.5" in text
    text = press(page, fig, *["ArrowRight"] * 6)
    assert text.startswith("P(X ≥ 176) = 0.0013"), text
    check(fig, params)


SWEEP: list[dict[str, Any]] = [
    {"family": "normal", "mean": 170, "sd": 10, "a": 160, "b": 185},
    {"family": "normal", "mean": 100, "sd": 15, "a": 130, "shade": "above"},
    {"family": "normal", "mean": 0, "sd": 1, "b": -3.5, "shade": "below", "step": 0.1},
    {"family": "normal", "mean": 0, "sd": 1, "a": 5, "shade": "above", "step": 0.1},
    {"family": "normal", "mean": -2.5, "sd": 0.4, "a": -3, "b": -1.9},
    {"family": "uniform", "low": -1, "high": 3, "a": 0.5, "b": 5},
    {"family": "exponential", "rate": 0.5, "a": 1, "b": 3},
    {"family": "exponential", "rate": 2, "a": 1.5, "shade": "above", "step": 0.05},
    {"family": "t", "df": 1, "a": -1, "b": 3, "step": 0.1},
    {"family": "t", "df": 4, "a": -2.776, "b": 2.776, "shade": "outside"},
    {"family": "t", "df": 9, "a": 2.262, "shade": "above", "step": 0.01},
    {"family": "t", "df": 30, "b": -1.7, "shade": "below", "step": 0.1},
    {"family": "t", "df": 200, "a": -1.96, "b": 1.96, "step": 0.02},
    {"family": "chi-square", "df": 1, "b": 3.84, "shade": "below", "step": 0.01},
    {"family": "chi-square", "df": 3, "a": 1, "b": 7.81, "step": 0.01},
    {"family": "chi-square", "df": 10, "a": 18.3, "shade": "above", "step": 0.1},
    {"family": "chi-square", "df": 50, "a": 30, "b": 70, "shade": "outside"},
    {"family": "binomial", "n": 10, "p": 0.5, "a": 3, "b": 7},
    {"family": "binomial", "n": 40, "p": 0.3, "b": 9, "shade": "below"},
    {"family": "binomial", "n": 1, "p": 0.2, "a": 1, "b": 1},
    {"family": "binomial", "n": 200, "p": 0.01, "a": 4, "shade": "above"},
    {"family": "binomial", "n": 25, "p": 0.85, "a": 18, "b": 23, "shade": "outside"},
    {"family": "poisson", "mean": 3, "a": 2, "b": 5},
    {"family": "poisson", "mean": 0.5, "a": 1, "shade": "above"},
    {"family": "poisson", "mean": 50, "b": 40, "shade": "below"},
]


def draw(page: Page, params: Mapping[str, Any]) -> Locator:
    """A figure with these params added to the page and drawn by the page's own loader."""
    page.evaluate(
        """params => {
            const fig = document.createElement("figure");
            fig.className = "interactive swept";
            fig.setAttribute("data-kind", "distribution");
            fig.setAttribute("data-params", JSON.stringify(params));
            fig.innerHTML = '<div class="figure-canvas"></div><p class="figure-alt">A test.</p>' +
                "<figcaption>A test.</figcaption>";
            document.querySelector("main").appendChild(fig);
            fig.dispatchEvent(new CustomEvent("htmx:load", {bubbles: true, detail: {elt: fig}}));
        }""",
        dict(params),
    )
    fig = page.locator("figure.interactive.swept.drawn").last
    fig.wait_for(state="visible")
    fig.scroll_into_view_if_needed()
    return fig


def test_probabilities_agree_with_scipy_across_families(figure_server: str, page: Page) -> None:
    from mlmath.exercises.figures import figure_problems

    page.goto(f"{figure_server}/lessons/c3w1l2")
    for params in SWEEP:
        spec = {"kind": "distribution", "params": params, "caption": "x"}
        assert figure_problems(spec) == [], params
        fig = draw(page, params)
        check(fig, params)
        # One end moved both ways, and the probability follows.
        press(page, fig, "ArrowRight", "ArrowRight")
        check(fig, params)
        press(page, fig, *["ArrowLeft"] * 5)
        check(fig, params)
        fig.evaluate("el => el.remove()")


def test_tiny_tails_are_not_rounded_to_zero(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w1l2")
    fig = draw(page, {"family": "normal", "mean": 0, "sd": 1, "a": 5, "shade": "above"})
    assert readout(fig).startswith("P(X ≥ 5) = < 0.0001"), readout(fig)
    fig = draw(page, {"family": "normal", "mean": 0, "sd": 1, "b": 5, "shade": "below"})
    assert readout(fig).startswith("P(X ≤ 5) = > 0.9999"), readout(fig)


@pytest.mark.parametrize(
    "skill_id",
    [
        "probability.normal_probability",
        "probability.binomial_probability",
        "statistics.z_test",
        "statistics.clt_probability",
    ],
)
def test_practice_figure_shades_the_variant_after_the_solution(
    figure_server: str, page: Page, skill_id: str
) -> None:
    page.goto(f"{figure_server}/practice/{skill_id}")
    panel = page.locator("section.practice")
    panel.wait_for()
    assert panel.locator("figure.interactive").count() == 0  # it would give the answer away
    panel.get_by_role("button", name="Show solution").click()
    fig = figure(page, "distribution")
    params = params_of(fig)
    check(fig, params)
    # Still a figure to play with: an end moved, the probability still right.
    press(page, fig, "ArrowLeft")
    check(fig, params)
    shot(fig, f"practice-{skill_id.split('.')[1]}")


@pytest.mark.parametrize(
    "skill_id",
    [
        "probability.normal_probability",
        "probability.binomial_probability",
        "statistics.z_test",
        "statistics.clt_probability",
    ],
)
def test_practice_figures_shade_exactly_what_the_variant_asks(skill_id: str) -> None:
    from mlmath.exercises import registry

    skill = registry.all_skills()[skill_id]
    for level in range(1, skill.levels + 1):
        for seed in range(15):
            variant = skill.variant(seed, level)
            spec = skill.figure(variant.params)
            assert spec is not None
            assert spec["after_answer"]
            params = spec["params"]
            shade = params.get("shade", "between")
            if params["family"] == "binomial" and shade == "between":
                event, ends = "point", [params["a"]]
            else:
                event = shade
                ends = [params[e] for e in ("a", "b") if e in params]
            if skill_id == "statistics.z_test" and variant.params["asked"] != "p_value":
                continue
            answer = float(skill.solve(variant.params).answer)
            assert abs(expected(params, event, ends) - answer) < 1e-6, (seed, level, params)


def test_distribution_figure_fits_a_phone(figure_server: str, phone: Page) -> None:
    phone.goto(gallery(figure_server, "distribution", **TWO_TAILS))
    fig = figure(phone, "distribution")
    box = fig.locator(".figure-canvas").bounding_box()
    assert box is not None
    assert 200 < box["width"] <= 360
    # The figure stays within the screen (the lesson's wide formulas scroll on their own).
    right = phone.evaluate(
        "el => Math.max(...[el, ...el.querySelectorAll('*')]"
        ".map(e => e.getBoundingClientRect().right))",
        fig.element_handle(),
    )
    assert right <= 360
    assert readout(fig).startswith(f"P(X ≤ {MINUS}2) + P(X ≥ 2)")
    shot(fig, "distribution-phone")
