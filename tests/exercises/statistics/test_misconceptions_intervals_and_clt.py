"""The beginner mistakes of a probability about a sample mean and of the intervals around a
fitted line: hand-picked wrong answers, each diagnosed by name; and, over generated
variants, each mistake's wrong answer worked out a second way (SciPy, NumPy) and named
when typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from scipy import stats
from tests.fixtures.mistakes import assert_verdict

from mlmath.answers import Verdict, compare, parse
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params, Skill

HEIGHTS = {"mean": 170, "sd": 8, "n": 16, "threshold": 173, "side": "above"}
"""SE = 2, z = 1.5: P(x̄ ≥ 173) = 0.0668."""

BAGS = {"mean": 100, "sd": 12, "n": 36, "threshold": 98, "side": "below"}
"""SE = 2, z = −1: P(x̄ ≤ 98) = 0.1587."""

STUDY = {"x": [1, 2, 3, 4, 5], "y": [3, 5, 6, 9, 10]}
"""ŷ = 1.2 + 1.8x, s = √(0.8/3) ≈ 0.5164, Sxx = 10, the sd of y √(33.2/4) ≈ 2.881."""

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows
    # z = 3/(64/16) = 0.75 and 1 − Φ(0.75) = 0.2266; z = 3/(8·4) and 1 − Φ(0.094) = 0.4627
    ("statistics.clt_probability", HEIGHTS, "0.227", "variance_of_mean"),
    ("statistics.clt_probability", HEIGHTS, "22.7%", "variance_of_mean"),
    ("statistics.clt_probability", HEIGHTS, "0.463", "times_root_n"),
    # z = −2/(144/36) = −0.5 and Φ(−0.5) = 0.3085; z = −2/(12·6) and Φ(−0.028) = 0.4889
    ("statistics.clt_probability", BAGS, "0.309", "variance_of_mean"),
    ("statistics.clt_probability", BAGS, "0.489", "times_root_n"),
    # 6.6 ± 3.182·0.5164, and 6.6 ± 3.182·2.881·√1.2
    (
        "statistics.prediction_interval",
        {**STUDY, "x_new": 3, "confidence": 0.95},
        "(4.96, 8.24)",
        "scatter_only",
    ),
    (
        "statistics.prediction_interval",
        {**STUDY, "x_new": 3, "confidence": 0.95},
        "(-3.44, 16.64)",
        "sd_of_y",
    ),
    # 1.8 ± 3.182·2.881/√10, 1.8 ± 3.182·0.5164/10
    (
        "statistics.regression_slope_interval",
        {**STUDY, "confidence": 0.95},
        "(-1.10, 4.70)",
        "sd_of_y",
    ),
    (
        "statistics.regression_slope_interval",
        {**STUDY, "confidence": 0.95},
        "(1.64, 1.96)",
        "sxx_not_rooted",
    ),
    # 1.2 ± 3.182·0.1633 (the slope's SE), 1.2 ± 3.182·2.881·√(1/5 + 9/10)
    (
        "statistics.regression_slope_interval",
        {**STUDY, "confidence": 0.95, "parameter": "intercept"},
        "(0.68, 1.72)",
        "slope_se_for_intercept",
    ),
    (
        "statistics.regression_slope_interval",
        {**STUDY, "confidence": 0.95, "parameter": "intercept"},
        "(-8.42, 10.82)",
        "sd_of_y",
    ),
]


@pytest.mark.parametrize(
    ("skill_id", "raw", "response", "misconception"),
    CASES,
    ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)],
)
def test_a_beginner_mistake_is_named(
    skill_id: str, raw: dict[str, Any], response: str, misconception: str
) -> None:
    feedback = assert_verdict(get(skill_id), raw, response, misconception)
    assert feedback.misconception is not None
    assert feedback.misconception.next_hint() == feedback.misconception.hint


def test_a_mistake_is_offered_only_for_the_parameter_it_belongs_to() -> None:
    skill = get("statistics.regression_slope_interval")
    slope = skill.buggy_answers(skill.read_inputs({**STUDY, "confidence": 0.95}))
    assert "sxx_not_rooted" in slope
    assert "slope_se_for_intercept" not in slope
    intercept = skill.buggy_answers(
        skill.read_inputs({**STUDY, "confidence": 0.95, "parameter": "intercept"})
    )
    assert "slope_se_for_intercept" in intercept
    assert "sxx_not_rooted" not in intercept


# --- the wrong answers a second way, over generated variants -------------------------------

SEEDS = range(15)


def clt(params: Params, spread: float) -> str:
    """The probability asked for, with ``spread`` as the standard deviation of x̄."""
    mean_of_means = stats.norm(float(params["mean"]), spread)
    threshold = float(params["threshold"])
    p = mean_of_means.sf(threshold) if params["side"] == "above" else mean_of_means.cdf(threshold)
    return f"{p:.3f}"


def variance_of_mean(params: Params) -> str:
    return clt(params, float(params["sd"]) ** 2 / int(params["n"]))


def times_root_n(params: Params) -> str:
    return clt(params, float(params["sd"]) * np.sqrt(int(params["n"])))


def interval(centre: float, half: float) -> str:
    return f"({centre - half:.2f}, {centre + half:.2f})"


class Fit:
    """The least-squares line of a variant by SciPy, and the pieces of its intervals."""

    def __init__(self, params: Params) -> None:
        self.x, self.y = np.array(params["x"], float), np.array(params["y"], float)
        self.n = len(self.x)
        self.line = stats.linregress(self.x, self.y)
        residuals = self.y - (self.line.intercept + self.line.slope * self.x)
        self.s = np.sqrt(residuals @ residuals / (self.n - 2))
        self.sd_y = np.std(self.y, ddof=1)
        self.sxx = np.sum((self.x - self.x.mean()) ** 2)
        self.t = stats.t.ppf(1 - (1 - float(params["confidence"])) / 2, self.n - 2)


def prediction_scatter_only(params: Params) -> str:
    fit, x0 = Fit(params), float(params["x_new"])
    return interval(fit.line.intercept + fit.line.slope * x0, fit.t * fit.s)


def prediction_sd_of_y(params: Params) -> str:
    fit, x0 = Fit(params), float(params["x_new"])
    root = np.sqrt(1 + 1 / fit.n + (x0 - fit.x.mean()) ** 2 / fit.sxx)
    return interval(fit.line.intercept + fit.line.slope * x0, fit.t * fit.sd_y * root)


def slope_sd_of_y(params: Params) -> str:
    fit = Fit(params)
    if params["parameter"] == "slope":
        return interval(fit.line.slope, fit.t * fit.sd_y / np.sqrt(fit.sxx))
    root = np.sqrt(1 / fit.n + fit.x.mean() ** 2 / fit.sxx)
    return interval(fit.line.intercept, fit.t * fit.sd_y * root)


def sxx_not_rooted(params: Params) -> str | None:
    if params["parameter"] != "slope":
        return None
    fit = Fit(params)
    return interval(fit.line.slope, fit.t * fit.s / fit.sxx)


def slope_se_for_intercept(params: Params) -> str | None:
    if params["parameter"] != "intercept":
        return None
    fit = Fit(params)
    return interval(fit.line.intercept, fit.t * fit.line.stderr)


SECOND_WAY: list[tuple[str, str, Callable[[Params], str | None]]] = [
    ("statistics.clt_probability", "variance_of_mean", variance_of_mean),
    ("statistics.clt_probability", "times_root_n", times_root_n),
    ("statistics.prediction_interval", "scatter_only", prediction_scatter_only),
    ("statistics.prediction_interval", "sd_of_y", prediction_sd_of_y),
    ("statistics.regression_slope_interval", "sd_of_y", slope_sd_of_y),
    ("statistics.regression_slope_interval", "sxx_not_rooted", sxx_not_rooted),
    ("statistics.regression_slope_interval", "slope_se_for_intercept", slope_se_for_intercept),
]


def named_as(skill: Skill, params: Params, typed: str, misconception: str) -> bool:
    """Whether ``typed`` is the skill's own wrong answer for ``misconception`` and is named
    by it when typed (or by an earlier named mistake with the same answer); False where the
    mistake gives the right answer for this variant."""
    fmt = skill.answer_format(params)
    given = parse(typed, fmt)
    if compare(skill.answer(params), given, fmt) is Verdict.EQUAL:
        return False
    buggy = skill.buggy_answers(params)
    assert compare(buggy[misconception], given, fmt) is Verdict.EQUAL, (typed, params)
    feedback = skill.grade(params, typed)
    assert feedback.verdict == "incorrect", feedback
    assert feedback.misconception is not None, (typed, params)
    if feedback.misconception.id != misconception:  # an earlier mistake, the same answer
        assert compare(buggy[feedback.misconception.id], given, fmt) is Verdict.EQUAL
        return False
    return True


@pytest.mark.parametrize(
    ("skill_id", "misconception", "wrong"),
    SECOND_WAY,
    ids=[f"{c[0]}-{c[1]}" for c in SECOND_WAY],
)
def test_a_mistake_worked_out_a_second_way_is_named(
    skill_id: str, misconception: str, wrong: Callable[[Params], str | None]
) -> None:
    skill = get(skill_id)
    named = tried = 0
    for level in range(1, skill.levels + 1):
        for seed in SEEDS:
            params = skill.variant(seed, level).params
            typed = wrong(params)
            if typed is None:
                assert misconception not in skill.buggy_answers(params)
                continue
            tried += 1
            named += named_as(skill, params, typed, misconception)
    assert tried, misconception
    assert named >= tried * 3 // 4, f"{misconception} named in only {named} of {tried} variants"
