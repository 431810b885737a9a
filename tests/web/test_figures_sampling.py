"""The Course 3 sampling figures in Chromium: the central limit theorem and confidence intervals.

Every number a readout shows is read back from the page and compared with NumPy and SciPy to
the digits displayed: the mean and standard error of a sample mean and the largest gap between
its exact distribution and the normal curve, for each population and number of draws.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
import pytest
from playwright.sync_api import Locator, Page
from scipy import optimize, stats
from tests.web import test_figures as shared
from tests.web.test_figures import MINUS, figure, gallery, press, readout, shot

from mlmath.exercises.figures import figure_problems

HEIGHTS = {"family": "normal", "mean": 170, "sd": 10, "b": 185, "shade": "below", "step": 1}

pytestmark = pytest.mark.browser

figure_server = shared.figure_server
page = shared.page
phone = shared.phone

DRAWS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50]
NUMBER = r"(−?[\d.]+)"
CLT = re.compile(
    rf"(?:^|\. )n = (\d+) [^:]*: the sample mean X̄ has mean μ = {NUMBER} and standard error "
    rf"σ/√n = {NUMBER}/√(\d+) = {NUMBER}\. .* differ by at most (\d\.\d{{4}})\.$"
)


def agrees(shown: str, value: float) -> bool:
    """Whether ``shown`` is ``value`` to the digits displayed (a tie rounds either way)."""
    number = float(shown.replace(MINUS, "-"))
    places = len(shown.split(".")[1]) if "." in shown else 0
    return abs(number - value) <= 0.5 * 10.0**-places + 1e-12


def draw(page: Page, kind: str, params: Mapping[str, Any]) -> Locator:
    """A figure with these params added to the page and drawn by the page's own loader."""
    page.evaluate(
        """([kind, params]) => {
            const fig = document.createElement("figure");
            fig.className = "interactive swept";
            fig.setAttribute("data-kind", kind);
            fig.setAttribute("data-params", JSON.stringify(params));
            fig.innerHTML = '<div class="figure-canvas"></div><p class="figure-alt">A test.</p>' +
                "<figcaption>A test.</figcaption>";
            document.querySelector("main").appendChild(fig);
            fig.dispatchEvent(new CustomEvent("htmx:load", {bubbles: true, detail: {elt: fig}}));
        }""",
        [kind, dict(params)],
    )
    fig = page.locator("figure.interactive.swept.drawn").last
    fig.wait_for(state="visible")
    fig.scroll_into_view_if_needed()
    return fig


def params_of(fig: Locator) -> dict[str, Any]:
    return dict(json.loads(fig.get_attribute("data-params") or "{}"))


# --- the central limit theorem ----------------------------------------------------------------


def population(params: Mapping[str, Any]) -> tuple[float, float]:
    """The population's mean and standard deviation."""
    kind = params["population"]
    if kind in ("die", "bernoulli"):
        values, mass = faces(params)
        mean = float(values @ mass)
        return mean, float(np.sqrt(((values - mean) ** 2) @ mass))
    if kind == "uniform":
        low, high = params.get("low", 0), params.get("high", 1)
        return (low + high) / 2, (high - low) / np.sqrt(12)
    rate = params.get("rate", 1)
    return 1 / rate, 1 / rate


def faces(params: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    if params["population"] == "bernoulli":
        return np.array([0.0, 1.0]), np.array([1 - params["p"], params["p"]])
    weights = np.array(params.get("weights", [1] * 6), dtype=float)
    return np.arange(1.0, len(weights) + 1), weights / weights.sum()


def largest_gap(params: Mapping[str, Any], n: int) -> float:
    """sup over x of |P(X̄ ≤ x) − Φ((x − μ)/(σ/√n))|, from NumPy and SciPy."""
    mean, sd = population(params)
    normal = stats.norm(mean, sd / np.sqrt(n))
    if params["population"] in ("die", "bernoulli"):
        values, mass = faces(params)
        sums = np.array([1.0])
        for _ in range(n):
            sums = np.convolve(sums, mass)
        atoms = values[0] + np.arange(len(sums)) / n
        after = np.minimum(np.cumsum(sums), 1)
        before = np.concatenate([[0.0], after[:-1]])
        at = normal.cdf(atoms)
        return float(max(np.abs(after - at).max(), np.abs(before - at).max()))
    if params["population"] == "uniform":
        low, high = params.get("low", 0), params.get("high", 1)
        exact = stats.irwinhall(n, loc=low, scale=(high - low) / n)
        support = (low, high)
    else:
        rate = params.get("rate", 1)
        exact = stats.gamma(n, scale=1 / (n * rate))
        support = (0, np.inf)
    se = sd / np.sqrt(n)
    lo, hi = max(support[0], mean - 12 * se), min(support[1], mean + 12 * se)

    def gap(x: float) -> float:
        return float(abs(exact.cdf(x) - normal.cdf(x)))

    xs = np.linspace(lo, hi, 20001)
    gaps = np.abs(exact.cdf(xs) - normal.cdf(xs))
    best = int(gaps.argmax())
    h = xs[1] - xs[0]
    found = optimize.minimize_scalar(
        lambda x: -gap(x),
        bounds=(max(lo, xs[best] - h), min(hi, xs[best] + h)),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return max(float(gaps[best]), -float(found.fun))


def check_clt(fig: Locator, params: Mapping[str, Any]) -> int:
    """The readout's n, μ, σ, σ/√n and gap checked against NumPy and SciPy; returns n."""
    text = readout(fig)
    found = CLT.search(text)
    assert found, text
    n, mean, sd, root, se, shown_gap = found.groups()
    assert root == n, text
    mu, sigma = population(params)
    assert agrees(mean, mu), (text, mu)
    assert agrees(sd, sigma), (text, sigma)
    assert agrees(se, sigma / np.sqrt(int(n))), (text, sigma)
    value = largest_gap(params, int(n))
    assert agrees(shown_gap, value), (text, value)
    return int(n)


def test_loaded_die_means_turn_into_the_bell(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w3l1")
    fig = figure(page, "sampling-distribution", 0)
    params = params_of(fig)
    text = readout(fig)
    assert text.startswith(
        "n = 1 throw of a loaded die: the sample mean X̄ has mean μ = 4.5 and standard error "
        "σ/√n = 1.8028/√1 = 1.8028."
    ), text
    assert check_clt(fig, params) == 1
    keys = fig.locator(".figure-keys").inner_text()
    assert "right or up arrow (or +) more" in keys
    shot(fig, "sampling-die")
    gaps = []
    for n in DRAWS[1:]:
        press(page, fig, "ArrowRight")
        assert check_clt(fig, params) == n
        gaps.append(float(readout(fig).rsplit(" ", 1)[1].rstrip(".")))
    assert gaps[-1] < 0.03 < gaps[0]
    shot(fig, "sampling-die-50")
    # The end of the range says so, and the buttons do what the keys do.
    text = press(page, fig, "ArrowUp")
    assert text.startswith("n is 50, the most this figure draws."), text
    fig.get_by_role("button", name="Fewer draws: a smaller n").click()
    assert check_clt(fig, params) == 40
    text = press(page, fig, "Home")  # not a key of this figure: nothing changes
    assert check_clt(fig, params) == 40


def test_waiting_time_means_in_the_lesson(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w3l1")
    fig = figure(page, "sampling-distribution", 1)
    params = params_of(fig)
    # For n = 1 the largest gap is at 0, where no wait is shorter: Φ(−1) = 0.1587.
    assert readout(fig).endswith("differ by at most 0.1587."), readout(fig)
    check_clt(fig, params)
    text = press(page, fig, *["ArrowRight"] * 9)
    assert text.startswith("n = 10 waiting times"), text
    check_clt(fig, params)
    shot(fig, "sampling-exponential-10")


SWEEP: list[dict[str, Any]] = [
    {"population": "die"},
    {"population": "die", "weights": [1, 0, 0, 0, 0, 1], "n": 4},
    {"population": "die", "weights": [0.5, 0.3, 0.2], "n": 10},
    {"population": "bernoulli", "p": 0.5},
    {"population": "bernoulli", "p": 0.05, "n": 20},
    {"population": "uniform"},
    {"population": "uniform", "low": 150, "high": 190, "n": 25},
    {"population": "exponential", "rate": 3, "n": 2},
    {"population": "exponential", "n": 40},
]


def test_sample_means_agree_with_scipy_across_populations(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w3l1")
    for params in SWEEP:
        spec = {"kind": "sampling-distribution", "params": params, "caption": "x"}
        assert figure_problems(spec) == [], params
        fig = draw(page, "sampling-distribution", params)
        assert check_clt(fig, params) == params.get("n", 1)
        for key in ["ArrowRight", "ArrowRight", "ArrowDown", "-", "-", "+"]:
            press(page, fig, key)
            check_clt(fig, params)
        fig.evaluate("el => el.remove()")


def test_largest_gap_at_fifty_draws(figure_server: str, page: Page) -> None:
    # The far end of the range, where the exact sums are longest.
    page.goto(f"{figure_server}/lessons/c3w3l1")
    for params in SWEEP:
        fig = draw(page, "sampling-distribution", {**params, "n": 50})
        assert check_clt(fig, params) == 50
        fig.evaluate("el => el.remove()")


def test_a_board_away_from_zero_numbers_its_y_axis(figure_server: str, page: Page) -> None:
    # Heights around 170 cm: x = 0 is far off the board, so the y-axis runs along its left edge.
    page.goto(gallery(figure_server, "distribution", **HEIGHTS))
    fig = figure(page, "distribution")
    labels = fig.evaluate(
        """root => {
            const board = Object.values(JXG.boards).find(b => root.contains(b.containerObj));
            return board.objectsList.filter(o => o.elType === "ticks")
                .map(t => t.labels.filter(l => l.visPropCalc.visible).map(l => l.plaintext));
        }"""
    )
    x_labels, y_labels = labels
    assert "170" in x_labels
    assert {"0.01", "0.02", "0.03", "0.04"} <= set(y_labels), y_labels


# --- confidence intervals ---------------------------------------------------------------------

LEVELS = [80, 90, 95, 99]
INTERVALS = re.compile(
    rf"Batch (\d+): (\d+) samples of n = (\d+) from N\({NUMBER}, {NUMBER}²\)\. (\d+) % intervals "
    rf"x̄ ± ([zt])\*·[sσ]/√n with [zt]\* = (\d+\.\d{{3}}) .*?: (\d+) of (\d+) cover the true mean "
    rf"μ = {NUMBER}\. (?:None missed\.|Missed \(dashed, marked ×\): samples? (.*)\.)$"
)
MASK = 0xFFFFFFFF


def mulberry32(seed: int) -> Iterator[float]:
    """The figure's generator, step for step: uniforms in [0, 1) from a 32-bit state."""
    a = seed & MASK
    while True:
        a = (a + 0x6D2B79F5) & MASK
        t = ((a ^ (a >> 15)) * (1 | a)) & MASK
        t = ((t + ((t ^ (t >> 7)) * (61 | t))) & MASK) ^ t
        yield (t ^ (t >> 14)) / 4294967296


def batches(params: Mapping[str, Any]) -> Iterator[list[tuple[float, float]]]:
    """Each batch's samples as (mean, s), drawn as the figure draws them (Box–Muller)."""
    stream = mulberry32(params["seed"])
    n, count = params["n"], params.get("samples", 20)
    while True:
        batch = []
        for _ in range(count):
            values = []
            for _ in range(n):
                u1, u2 = next(stream), next(stream)
                z = np.sqrt(-2 * np.log(1 - u1)) * np.cos(2 * np.pi * u2)
                values.append(params["mean"] + params["sd"] * float(z))
            sample = np.array(values)
            batch.append((float(sample.mean()), float(sample.std(ddof=1))))
        yield batch


def check_intervals(
    fig: Locator, params: Mapping[str, Any], batch: list[tuple[float, float]]
) -> int:
    """The readout's critical value, coverage count and misses against SciPy; returns the level."""
    text = readout(fig)
    found = INTERVALS.search(text)
    assert found, text
    _, count, n, mean, sd, level, letter, shown, covered, total, _, missed = found.groups()
    method = params.get("method", "t")
    assert letter == method
    assert (int(count), int(n), int(total)) == (len(batch), params["n"], len(batch))
    assert agrees(mean, params["mean"])
    assert agrees(sd, params["sd"])
    tail = (1 - int(level) / 100) / 2
    c = stats.t.isf(tail, params["n"] - 1) if method == "t" else stats.norm.isf(tail)
    assert agrees(shown, c), (text, c)
    misses = []
    for k, (x_bar, s) in enumerate(batch, start=1):
        half = c * (s if method == "t" else params["sd"]) / np.sqrt(params["n"])
        distance = abs(x_bar - params["mean"])
        assert abs(distance - half) > 1e-9, "an interval ends on μ: the test cannot tell"
        if distance > half:
            misses.append(f"{k} (too {'low' if x_bar < params['mean'] else 'high'})")
    assert int(covered) == len(batch) - len(misses), (text, misses)
    assert (missed or "") == ", ".join(misses), (text, misses)
    return int(level)


def test_lesson_intervals_cover_the_mean_as_scipy_counts(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w4l1")
    fig = figure(page, "confidence-intervals")
    params = params_of(fig)
    drawn = batches(params)
    batch = next(drawn)
    text = readout(fig)
    assert text.startswith(
        "Batch 1: 20 samples of n = 25 from N(20, 3²). 95 % intervals x̄ ± z*·σ/√n with "
        "z* = 1.960 (the standard normal):"
    ), text
    assert check_intervals(fig, params, batch) == 95
    keys = fig.locator(".figure-keys").inner_text()
    assert "Enter (or S) draws new samples" in keys
    shot(fig, "confidence-intervals")
    # Down through the levels, the same samples: the nets shrink.
    for level in [90, 80]:
        press(page, fig, "ArrowLeft")
        assert check_intervals(fig, params, batch) == level
    text = press(page, fig, "ArrowDown")
    assert text.startswith("80 % is the lowest level here."), text
    # New samples, by key and by button, continue the same stream.
    for how in ["key", "button", "key"]:
        if how == "key":
            press(page, fig, "Enter")
        else:
            fig.get_by_role("button", name="New samples").click()
        batch = next(drawn)
        assert check_intervals(fig, params, batch) == 80
    assert readout(fig).startswith("New samples drawn. Batch 4:")
    for level in [90, 95, 99]:
        press(page, fig, "ArrowUp")
        assert check_intervals(fig, params, batch) == level
    shot(fig, "confidence-intervals-99")


INTERVAL_SWEEP: list[dict[str, Any]] = [
    {"mean": 0, "sd": 1, "n": 2, "seed": 0},
    {"mean": 170, "sd": 8, "n": 5, "seed": 1, "samples": 50, "level": 80},
    {"mean": -3.5, "sd": 0.25, "n": 10, "seed": 4294967295, "method": "z", "level": 99},
    {"mean": 100, "sd": 15, "n": 100, "seed": 123456789, "samples": 100, "level": 90},
]


def test_intervals_agree_with_scipy_across_sizes_and_seeds(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w4l1")
    for params in INTERVAL_SWEEP:
        spec = {"kind": "confidence-intervals", "params": params, "caption": "x"}
        assert figure_problems(spec) == [], params
        fig = draw(page, "confidence-intervals", params)
        drawn = batches(params)
        batch = next(drawn)
        level = check_intervals(fig, params, batch)
        assert level == params.get("level", 95)
        for key in ["ArrowUp", "Enter", "ArrowDown", "ArrowDown", "s"]:
            press(page, fig, key)
            if key in ("Enter", "s"):
                batch = next(drawn)
            check_intervals(fig, params, batch)
        fig.evaluate("el => el.remove()")


def test_the_page_and_the_test_draw_the_same_numbers(figure_server: str, page: Page) -> None:
    page.goto(f"{figure_server}/lessons/c3w4l1")
    figure(page, "confidence-intervals")
    for seed in [0, 1, 2024, 2**31, 2**32 - 1]:
        shown = page.evaluate(
            """seed => {
                const next = window.mlmathFigures["confidence-intervals"].random.mulberry32(seed);
                return Array.from({length: 1000}, () => next());
            }""",
            seed,
        )
        stream = mulberry32(seed)
        assert shown == [next(stream) for _ in range(1000)], seed
