"""Skill: Welch's two-sample t-test for a difference between two group means."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import exact
from mlmath.engine.statistics.hypothesis_tests import (
    ALTERNATIVES,
    Group,
    tail_probability,
    welch_df,
    welch_test,
)
from mlmath.engine.statistics.intervals import data_summary
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.testing import (
    ASKED_FIELD,
    GROUPS_ALTERNATIVE_FIELD,
    ONE_SIDED_MISTAKES,
    HypothesisTestSkill,
    hypothesis_slips,
    question,
    toward_alternative,
)
from mlmath.exercises.statistics.variants import (
    W4_TESTS,
    apart,
    integer,
    normal_data,
    p_value_mistakes,
    pick,
    shown,
)

TOPIC = f"{W4_TESTS} · Two sample inference for difference between groups"
STORIES = (
    ("Plants given fertiliser A and fertiliser B grew", "cm"),
    ("Students taught with method A and method B scored", "points"),
    ("Users of app version A and version B stayed", "minutes"),
)
WORDS = {
    "two-sided": "the two means differ",
    "greater": "group B's mean is greater",
    "less": "group B's mean is less",
}


def _groups(params: Params) -> tuple[Group, Group, tuple[Step, ...]]:
    if params.get("data_a") is not None and params.get("data_b") is not None:
        ma, sa, step_a = data_summary(params["data_a"])
        mb, sb, step_b = data_summary(params["data_b"])
        return (ma, sa, len(params["data_a"])), (mb, sb, len(params["data_b"])), (step_a, step_b)
    names = ("mean_a", "sd_a", "n_a", "mean_b", "sd_b", "n_b")
    if any(params.get(k) is None for k in names):
        raise NotSolvable("give data_a and data_b, or each group's mean, sd and n")
    a = (exact(params["mean_a"]), float(params["sd_a"]), int(params["n_a"]))
    b = (exact(params["mean_b"]), float(params["sd_b"]), int(params["n_b"]))
    return a, b, ()


@register
class TwoSampleTest(HypothesisTestSkill):
    id = "statistics.two_sample_test"
    title = "Two-sample t-test (Welch)"
    summary = "t = (x̄_B − x̄_A)/√(s_A²/n_A + s_B²/n_B), with Welch's degrees of freedom."
    levels = 3
    inputs = (
        Field("mean_a", "number", "group A's sample mean", required=False),
        Field("sd_a", "number", "group A's sample standard deviation", required=False),
        Field("n_a", "integer", "group A's size", required=False),
        Field("mean_b", "number", "group B's sample mean", required=False),
        Field("sd_b", "number", "group B's sample standard deviation", required=False),
        Field("n_b", "integer", "group B's size", required=False),
        Field("data_a", "data", "group A's values (instead of its summary)", required=False),
        Field("data_b", "data", "group B's values (instead of its summary)", required=False),
        GROUPS_ALTERNATIVE_FIELD,
        ASKED_FIELD,
    )
    misconceptions = (
        Misconception(
            "pooled",
            "You pooled the two variances",
            "The pooled (Student) test assumes both groups share one σ. Welch's test lets "
            "each group keep its own s²/n, which is safer when the spreads or sizes differ.",
            TOPIC,
        ),
        Misconception(
            "forgot_n",
            "You did not divide each variance by its group size",
            "The standard error of a difference of means is √(s_A²/n_A + s_B²/n_B).",
            TOPIC,
        ),
        Misconception(
            "z_for_t",
            "You read the p-value from the normal curve",
            "The spreads are estimated: use Student's t with Welch's degrees of freedom.",
            TOPIC,
        ),
        *ONE_SIDED_MISTAKES,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        centre = integer(rng, 20, 80)
        alternative = "two-sided" if level < 3 else pick(rng, ALTERNATIVES)
        sizes = (integer(rng, 8, 40), integer(rng, 8, 40))
        spreads = (rng.uniform(3, 10), rng.uniform(3, 10))
        se = math.sqrt(sum(s * s / n for s, n in zip(spreads, sizes, strict=True)))
        diff = toward_alternative(rng.uniform(-1, 1) * 3 * se, alternative)
        base = {"alternative": alternative, "story": story}
        if level == 3:
            return {
                **base,
                "data_a": normal_data(rng, integer(rng, 5, 9), centre, spreads[0], places=1),
                "data_b": normal_data(rng, integer(rng, 5, 9), centre + diff, spreads[1], places=1),
                "asked": "p_value",
            }
        return {
            **base,
            "mean_a": round(centre, 1),
            "sd_a": round(spreads[0], 1),
            "n_a": sizes[0],
            "mean_b": round(centre + diff, 1),
            "sd_b": round(spreads[1], 1),
            "n_b": sizes[1],
            "asked": "statistic" if level == 1 else "p_value",
        }

    def prompt(self, params: Params) -> Prompt:
        what, unit = STORIES[params.get("story", 0)]
        if params.get("data_a") is not None:
            sample = (
                f"{what}, in {unit}: A: {shown(params['data_a'])}; B: {shown(params['data_b'])}."
            )
        else:
            sample = (
                f"{what} (in {unit}): A: n = {params['n_a']}, x̄ = {float(params['mean_a']):g}, "
                f"s = {float(params['sd_a']):g}; B: n = {params['n_b']}, x̄ = "
                f"{float(params['mean_b']):g}, s = {float(params['sd_b']):g}."
            )
        alternative = params.get("alternative") or "two-sided"
        return (
            f"{sample} Use Welch's t-test (no equal-variance assumption) of H0: μ_A = μ_B "
            f"against H1: {WORDS[alternative]}. {question(params.get('asked') or 'p_value')}",
        )

    def solve(self, params: Params) -> Solution[float]:
        a, b, first = _groups(params)
        result = welch_test(
            a,
            b,
            alternative=params.get("alternative") or "two-sided",
            asked=params.get("asked") or "p_value",
        )
        return Solution(result.answer, (*first, *result.steps))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How much would the difference of two sample means vary if nothing were going on?",
            "SE = √(s_A²/n_A + s_B²/n_B); t = (x̄_B − x̄_A)/SE.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Tails, z for t, df, the statistic for its p-value and back, 1 − p, the percentage."""
        (ma, sa, na), (mb, sb, nb), _ = _groups(params)
        t = (mb - ma) / math.sqrt(sa * sa / na + sb * sb / nb)
        return hypothesis_slips(params, t, welch_df(sa, na, sb, nb), df_rule="Welch's formula")

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        (ma, sa, na), (mb, sb, nb), _ = _groups(params)
        alternative = params.get("alternative") or "two-sided"
        diff = mb - ma
        t = diff / math.sqrt(sa * sa / na + sb * sb / nb)
        pooled_var = ((na - 1) * sa * sa + (nb - 1) * sb * sb) / (na + nb - 2)
        pooled_t = diff / math.sqrt(pooled_var * (1 / na + 1 / nb))
        forgot_n = diff / math.sqrt(sa * sa + sb * sb)
        if params.get("asked") == "statistic":
            return apart(t, {"pooled": pooled_t, "forgot_n": forgot_n}, 2)
        df = welch_df(sa, na, sb, nb)
        answers: dict[str, Any] = {
            "pooled": tail_probability(pooled_t, alternative, na + nb - 2),
            "z_for_t": tail_probability(t, alternative, None),
            **p_value_mistakes(t, alternative, df),
        }
        return apart(self.solve(params).answer, answers, 4)
