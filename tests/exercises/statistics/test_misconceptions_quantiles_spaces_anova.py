"""The beginner mistakes of normal quantiles, sample spaces, expected values, quartiles,
one-way ANOVA and the sample size: hand-picked wrong answers, each diagnosed by name; and,
over generated variants, each mistake's wrong answer worked out a second way (NumPy,
SciPy) and named when typed."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats
from tests.fixtures.mistakes import assert_verdict, stands_apart

from mlmath.answers import Verdict, compare
from mlmath.exercises.registry import get
from mlmath.exercises.skill import Params

IQ_TOP = {"mean": 100, "sd": 15, "p": "0.1", "side": "above"}
"""The top 10 % of IQ scores: 100 + 1.2816·15 ≈ 119.22."""

TALL = {"mean": 170, "sd": 10, "p": "0.9"}
"""90 % of heights below: 170 + 1.2816·10 ≈ 182.82."""

GAME = {"values": [0, 2, 10], "probabilities": ["0.5", "0.3", "0.2"]}
"""E[X] = 2.6 and E[X²] = 21.2."""

TIMES = [7, 1, 3, 5, 9, 12]
"""Sorted 1, 3, 5, 7, 9, 12: Q1 = 3.5, the median 6, Q3 = 8.5."""

BILLS = [5, 3, 4, 3, 11, 9, 12, 10, 17]
"""Sorted 3, 3, 4, 5, 9, 10, 11, 12, 17: Q1 = 4, Q3 = 11."""

DIETS = {"groups": [[2, 4, 3, 5, 1], [5, 6, 4, 7, 3], [8, 6, 7, 9, 5]]}
"""SSB = 40, SSW = 30, SST = 70, k = 3, N = 15: F = 8, p ≈ 0.0062."""

LOAVES = {"margin": 2, "confidence": 0.95, "sd": 10}
"""n = (1.960·10/2)² = 96.04, so 97."""

POLL = {"margin": 0.03, "confidence": 0.95, "proportion": 0.5}
"""n = 1.960²·0.25/0.03² ≈ 1067.1, so 1068."""

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # skill, input, response, the misconception it shows (or "correct")
    ("probability.normal_quantile", IQ_TOP, "119.22", "correct"),
    # 1.2816·15 without the mean; 100 + Φ(0.9)·15 = 100 + 0.8159·15
    ("probability.normal_quantile", IQ_TOP, "19.22", "mean_not_added"),
    ("probability.normal_quantile", IQ_TOP, "112.24", "table_read_forward"),
    ("probability.normal_quantile", TALL, "182.82", "correct"),
    ("probability.normal_quantile", TALL, "12.82", "mean_not_added"),
    ("probability.normal_quantile", TALL, "178.16", "table_read_forward"),
    # two tosses: HT alone has neither the order TH nor the repeats HH, TT
    (
        "probability.sample_space",
        {"items": "HT", "draws": 2, "replacement": "yes"},
        "HH, HT, TH, TT",
        "correct",
    ),
    (
        "probability.sample_space",
        {"items": "HT", "draws": 2, "replacement": "yes"},
        "HT",
        "order_and_repeats",
    ),
    (
        "probability.sample_space",
        {"items": "RGB", "draws": 2, "replacement": "yes"},
        "RG, RB, GB",
        "order_and_repeats",
    ),
    (
        "probability.sample_space",
        {"items": "RGB", "draws": 2, "replacement": "no"},
        "RR, RG, RB, GG, GB, BB",
        "order_and_repeats",
    ),
    # 2.6/3 for E[X]; 21.2/3, and 0² + 0.6² + 2² = 4.36, for E[X²]
    ("probability.expected_value", GAME, "2.6", "correct"),
    ("probability.expected_value", GAME, "0.867", "divided_by_count"),
    ("probability.expected_value", {**GAME, "g": "x^2"}, "21.2", "correct"),
    ("probability.expected_value", {**GAME, "g": "x^2"}, "7.067", "divided_by_count"),
    ("probability.expected_value", {**GAME, "g": "x^2"}, "4.36", "squared_products"),
    # the halves 1, 3, 5 and 7, 9, 12; Q3 counted from 1 lies between 5 and 7
    ("probability.quantiles", {"data": TIMES, "asked": "Q1"}, "3.5", "correct"),
    ("probability.quantiles", {"data": TIMES, "asked": "Q1"}, "3", "median_of_halves"),
    ("probability.quantiles", {"data": TIMES, "asked": "Q3"}, "9", "median_of_halves"),
    ("probability.quantiles", {"data": TIMES, "asked": "IQR"}, "6", "median_of_halves"),
    ("probability.quantiles", {"data": TIMES, "asked": "Q3"}, "6.5", "counted_from_one"),
    # halves 3, 3, 4, 5 and 10, 11, 12, 17; from 1, Q1 = 3 and Q3 = 10
    ("probability.quantiles", {"data": BILLS, "asked": "Q1"}, "3.5", "median_of_halves"),
    ("probability.quantiles", {"data": BILLS, "asked": "Q3"}, "11.5", "median_of_halves"),
    ("probability.quantiles", {"data": BILLS, "asked": "Q1"}, "3", "counted_from_one"),
    ("probability.quantiles", {"data": BILLS, "asked": "Q3"}, "10", "counted_from_one"),
    # (40/3)/2.5 and 20/(70/12); their right tails of F(3, 12) and F(2, 12)
    ("statistics.anova", DIETS, "8", "correct"),
    ("statistics.anova", DIETS, "5.33", "between_df_k"),
    ("statistics.anova", DIETS, "3.43", "within_from_grand_mean"),
    ("statistics.anova", {**DIETS, "asked": "p_value"}, "0.0062", "correct"),
    ("statistics.anova", {**DIETS, "asked": "p_value"}, "0.0144", "between_df_k"),
    ("statistics.anova", {**DIETS, "asked": "p_value"}, "0.0664", "within_from_grand_mean"),
    # (10/2)² and 1.960·10²/2²; 0.25/0.03² and 1.960·0.25/0.03²
    ("statistics.sample_size", LOAVES, "97", "correct"),
    ("statistics.sample_size", LOAVES, "25", "no_z"),
    ("statistics.sample_size", LOAVES, "49", "z_not_squared"),
    ("statistics.sample_size", POLL, "1068", "correct"),
    ("statistics.sample_size", POLL, "278", "no_z"),
    ("statistics.sample_size", POLL, "545", "z_not_squared"),
]


@pytest.mark.parametrize(("skill_id", "raw", "response", "expected"), CASES)
def test_responses_get_their_verdict_and_their_named_mistake(
    skill_id: str, raw: dict[str, Any], response: str, expected: str
) -> None:
    feedback = assert_verdict(get(skill_id), raw, response, expected)
    if feedback.misconception is not None:
        assert feedback.misconception.name in feedback.message


def test_the_halves_rule_is_not_named_for_the_median_it_agrees_with() -> None:
    skill = get("probability.quantiles")
    assert "median_of_halves" not in skill.buggy_answers(
        skill.read_inputs({"data": TIMES, "asked": "median"})
    )


def test_counting_from_one_is_not_named_where_it_falls_before_the_first_value() -> None:
    skill = get("probability.quantiles")
    assert "counted_from_one" not in skill.buggy_answers(
        skill.read_inputs({"data": [4, 9], "asked": "Q1"})
    )


# -- each wrong answer a second way, with NumPy and SciPy --------------------------------


def share_below(params: Params) -> float:
    p = float(params["p"])
    return p if (params.get("side") or "below") == "below" else 1 - p


def z_times_sd(params: Params) -> float:
    """The quantile of N(0, σ²): μ never added."""
    return float(stats.norm(0, float(params["sd"])).ppf(share_below(params)))


def cdf_of_share(params: Params) -> float:
    """Φ evaluated at the share, used as if it were z."""
    return float(params["mean"]) + float(params["sd"]) * float(stats.norm.cdf(share_below(params)))


def sorted_picks(params: Params) -> frozenset[str] | None:
    """Every draw sequence with its results in the items' order: each handful once. With
    replacement the results must differ (no repeats); without it they may repeat. None
    when there are more draws than items to differ."""
    items, k = params["items"], params["draws"]
    back = (params.get("replacement") or "yes") == "yes"
    if back and k > len(items):
        return None
    grid = np.array(np.meshgrid(*[np.arange(len(items))] * k, indexing="ij")).reshape(k, -1).T
    steps = np.diff(grid, axis=1)
    keep = np.all(steps > 0, axis=1) if back else np.all(steps >= 0, axis=1)
    return frozenset("".join(items[i] for i in row) for row in grid[keep])


def pmf(params: Params) -> tuple[np.ndarray, np.ndarray]:
    values = np.array([float(v) for v in params["values"]])
    probs = np.array([float(p) for p in params["probabilities"]])
    return (values**2 if params["g"] == "x^2" else values), probs


def weighted_over_count(params: Params) -> float:
    g, probs = pmf(params)
    return float(np.dot(g, probs) / g.size)


def squared_products(params: Params) -> float | None:
    if params["g"] != "x^2":
        return None
    values = np.array([float(v) for v in params["values"]])
    probs = np.array([float(p) for p in params["probabilities"]])
    return float(np.sum((values * probs) ** 2))


QUARTER = {"Q1": 0.25, "median": 0.5, "Q3": 0.75}


def by_quartiles(rule: Callable[[np.ndarray, float], float | None]) -> Callable[[Params], Any]:
    def wrong(params: Params) -> float | None:
        data = np.sort(np.array([float(x) for x in params["data"]]))
        if params["asked"] != "IQR":
            return rule(data, QUARTER[params["asked"]])
        high, low = rule(data, 0.75), rule(data, 0.25)
        return None if high is None or low is None else high - low

    return wrong


def half_median(data: np.ndarray, q: float) -> float | None:
    """The school rule: the median of the lower or upper half, the middle value left out."""
    if q == 0.5:
        return None
    n = data.size
    return float(np.median(data[: n // 2] if q < 0.5 else data[(n + 1) // 2 :]))


def from_one(data: np.ndarray, q: float) -> float | None:
    """Position (n − 1)·q counted from 1: NumPy's interpolation one position lower."""
    h = (data.size - 1) * q - 1
    return None if h < 0 else float(np.interp(h, np.arange(data.size), data))


def anova_parts(params: Params) -> tuple[float, float, float, int, int]:
    groups = [np.array([float(v) for v in g]) for g in params["groups"]]
    values = np.concatenate(groups)
    grand = values.mean()
    ssb = sum(g.size * (g.mean() - grand) ** 2 for g in groups)
    sst = float(((values - grand) ** 2).sum())
    f = stats.f_oneway(*groups).statistic
    return float(f), float(ssb), sst, len(groups), values.size


def f_with_k(params: Params) -> float:
    """SSB/k over SSW/(N − k), and its right tail of F(k, N − k)."""
    f, _, _, k, n = anova_parts(params)
    wrong = f * (k - 1) / k
    return float(stats.f.sf(wrong, k, n - k)) if params.get("asked") == "p_value" else wrong


def f_over_sst(params: Params) -> float:
    """SSB/(k − 1) over SST/(N − k), and its right tail of F(k − 1, N − k)."""
    _, ssb, sst, k, n = anova_parts(params)
    wrong = (ssb / (k - 1)) / (sst / (n - k))
    return float(stats.f.sf(wrong, k - 1, n - k)) if params.get("asked") == "p_value" else wrong


def spread_over_margin(params: Params) -> float:
    margin = float(params["margin"])
    if params.get("proportion") is not None:
        p = float(params["proportion"])
        return float(np.prod([p, 1 - p]) / margin**2)
    return float(np.square(float(params["sd"]) / margin))


def table_z(params: Params) -> float:
    confidence = float(params["confidence"])
    return round(float(stats.norm.ppf(1 - (1 - confidence) / 2)), 3)


def ceiling(x: float) -> int:
    return math.ceil(x - 1e-9 * max(1.0, x))


SECOND_WAY: dict[tuple[str, str], Callable[[Params], Any]] = {
    ("probability.normal_quantile", "mean_not_added"): z_times_sd,
    ("probability.normal_quantile", "table_read_forward"): cdf_of_share,
    ("probability.sample_space", "order_and_repeats"): sorted_picks,
    ("probability.expected_value", "divided_by_count"): weighted_over_count,
    ("probability.expected_value", "squared_products"): squared_products,
    ("probability.quantiles", "median_of_halves"): by_quartiles(half_median),
    ("probability.quantiles", "counted_from_one"): by_quartiles(from_one),
    ("statistics.anova", "between_df_k"): f_with_k,
    ("statistics.anova", "within_from_grand_mean"): f_over_sst,
    ("statistics.sample_size", "no_z"): lambda params: ceiling(spread_over_margin(params)),
    ("statistics.sample_size", "z_not_squared"): lambda params: ceiling(
        table_z(params) * spread_over_margin(params)
    ),
}


def typed(wrong: Any) -> str:
    """The wrong answer as a learner types it."""
    if isinstance(wrong, frozenset):
        return ", ".join(sorted(wrong))
    if isinstance(wrong, int):
        return str(wrong)
    return f"{float(wrong):.4f}"


@settings(max_examples=200, deadline=None)
@given(
    mistake=st.sampled_from(sorted(SECOND_WAY)),
    seed=st.integers(0, 10**6),
    level=st.integers(1, 3),
)
def test_each_new_mistake_computed_a_second_way_is_named_when_typed(
    mistake: tuple[str, str], seed: int, level: int
) -> None:
    """The wrong answer worked out with NumPy or SciPy agrees with the skill's own, and
    typed as a learner would it is named — unless this variant makes it the right answer,
    or an earlier named mistake gives the same answer."""
    skill_id, misconception_id = mistake
    skill = get(skill_id)
    params = skill.variant(seed, level).params
    wrong = SECOND_WAY[mistake](params)
    buggy = skill.buggy_answers(params)
    fmt = skill.answer_format(params)
    if wrong is None:
        assert misconception_id not in buggy
        return
    if misconception_id not in buggy:
        # dropped only where it cannot be told from the answer
        assert compare(skill.answer(params), wrong, fmt) is Verdict.EQUAL or (
            abs(float(wrong) - float(skill.answer(params))) < 1.5e-2
        )
        return
    exact = buggy[misconception_id]
    if isinstance(wrong, frozenset):
        assert exact == wrong
    else:
        assert float(exact) == pytest.approx(float(wrong), rel=1e-9, abs=1e-9)
    assume(compare(skill.answer(params), exact, fmt) is not Verdict.EQUAL)
    earlier = list(buggy)[: list(buggy).index(misconception_id)]
    assume(all(compare(buggy[k], exact, fmt) is not Verdict.EQUAL for k in earlier))
    feedback = skill.grade(params, typed(wrong))
    assert feedback.verdict == "incorrect", (params, feedback)
    assert feedback.misconception is not None, (params, wrong)
    assert feedback.misconception.id == misconception_id


@pytest.mark.parametrize(("skill_id", "misconception_id"), sorted(SECOND_WAY))
def test_each_new_mistake_stands_apart_where_it_can_happen(
    skill_id: str, misconception_id: str
) -> None:
    """Where the mistake can be made (E[X²] for squaring the products, a quartile for the
    halves rule), it gives on most variants a wrong answer of its own, apart from the right
    one and from every other named mistake."""
    skill = get(skill_id)
    apart = possible = 0
    for level in range(1, skill.levels + 1):
        for seed in range(40):
            params = skill.variant(seed, level).params
            if SECOND_WAY[(skill_id, misconception_id)](params) is None:
                continue
            possible += 1
            apart += stands_apart(skill, params, misconception_id)
    assert possible >= 20
    assert apart / possible >= 0.6, f"{misconception_id} stands apart on {apart} of {possible}"
