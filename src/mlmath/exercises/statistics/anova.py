"""Skill: one-way ANOVA — the F statistic from the sums of squares, and its p-value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.anova import anova_sums, one_way_anova
from mlmath.engine.statistics.columns import Column
from mlmath.engine.statistics.distributions import f_upper_tail
from mlmath.exercises.inputs import Field
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W4_TESTS,
    StatisticsSkill,
    apart,
    decimals,
    integer,
    shown,
)

TOPIC = f"{W4_TESTS} · ANOVA"
STORIES = (
    ("Three diets", "diet", "weight lost (kg)"),
    ("Three teaching methods", "method", "test score"),
    ("Three page layouts", "layout", "minutes on the site"),
)


def _groups(params: Params) -> tuple[Column, ...]:
    return tuple(Column.of(g.entries if isinstance(g, Vector) else g) for g in params["groups"])


def _sums(groups: Sequence[Sequence[float] | Column]) -> tuple[float, float, int, int]:
    sums = anova_sums(groups)
    return float(sums.between), float(sums.within), sums.groups, sums.values


@register
class Anova(StatisticsSkill):
    id = "statistics.anova"
    title = "One-way ANOVA"
    summary = "F = (SSB/(k − 1)) / (SSW/(N − k)): spread between groups over spread within."
    levels = 3
    inputs = (
        Field(
            "groups",
            "groups",
            "the groups, one list of values each (sizes may differ)",
            min_size=2,
        ),
        Field(
            "asked",
            "choice",
            "the F statistic or its p_value",
            False,
            "f",
            choices=("f", "p_value"),
        ),
    )
    misconceptions = (
        Misconception(
            "no_degrees_of_freedom",
            "You divided the sums of squares without their degrees of freedom",
            "F compares mean squares: SSB/(k − 1) over SSW/(N − k).",
            TOPIC,
        ),
        Misconception(
            "inverted",
            "You divided the within-group spread by the between-group spread",
            "F puts the spread BETWEEN the group means on top; large F speaks against H0.",
            TOPIC,
        ),
        Misconception(
            "df_total",
            "You used N − 1 degrees of freedom within groups",
            "Each group's mean uses up one degree of freedom: within groups there are N − k.",
            TOPIC,
        ),
        Misconception(
            "between_df_k",
            "You divided SSB by k instead of k − 1",
            "The k group means scatter around the grand mean, which they fix between them, so "
            "only k − 1 of them are free: the mean square between groups is SSB/(k − 1).",
            TOPIC,
        ),
        Misconception(
            "within_from_grand_mean",
            "You measured the spread within groups from the grand mean",
            "Distances from the grand mean add up to SST, which still holds the spread between "
            "the groups. Within groups, measure each value from its own group's mean: "
            "SSW = Σ_j Σ_i (x_ij − x̄_j)².",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        size = {1: 3, 2: integer(rng, 4, 5), 3: integer(rng, 4, 6)}[level]
        count = 3 if level < 3 else integer(rng, 3, 4)
        while True:
            centres = rng.integers(5, 30, size=count)
            spread = 3 if level == 1 else 6
            groups = tuple(
                tuple(float(v) for v in (c + rng.integers(-spread, spread + 1, size=size)))
                for c in centres
            )
            ssb, ssw, _, _ = _sums(groups)
            if ssw > 0 and ssb > 0:
                break
        return {
            "groups": groups,
            "asked": "p_value" if level == 3 else "f",
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        groups = _groups(params)
        what, label, measure = STORIES[params.get("story", 0)]
        what = what.replace("Three", str(len(groups)).replace("4", "Four").replace("3", "Three"))
        listed = "; ".join(f"{label} {i + 1}: {shown(g)}" for i, g in enumerate(groups))
        asked = (
            "What is the p-value of the one-way ANOVA F-test? Give it to 4 decimal places."
            if params.get("asked") == "p_value"
            else "What is the one-way ANOVA F statistic? Give it to 2 decimal places."
        )
        return (f"{what} are compared by {measure}. {listed}. {asked}",)

    def answer_format(self, params: Params) -> AnswerFormat:
        if params.get("asked") == "p_value":
            return decimals(4, percent=True)
        return decimals(2)

    def solve(self, params: Params) -> Solution[float]:
        return one_way_anova(_groups(params), params.get("asked") or "f")

    def answer(self, params: Params) -> float:
        sums = anova_sums(_groups(params))
        if sums.within == 0 or sums.values <= sums.groups:
            return self.solve(params).answer  # says why there is no answer
        f = float(sums.f())
        if params.get("asked") == "p_value":
            return f_upper_tail(sums.groups - 1, sums.values - sums.groups, f)
        return f

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How far are the group means from the grand mean, compared with how far values "
            "are from their own group's mean?",
            "SSB/(k − 1) over SSW/(N − k).",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        ssb, ssw, k, total = _sums(_groups(params))
        sst = ssb + ssw
        wrong = {
            "no_degrees_of_freedom": ssb / ssw,
            "inverted": (ssw / (total - k)) / (ssb / (k - 1)),
            "df_total": (ssb / (k - 1)) / (ssw / (total - 1)),
            "between_df_k": (ssb / k) / (ssw / (total - k)),
            "within_from_grand_mean": (ssb / (k - 1)) / (sst / (total - k)),
        }
        if params.get("asked") == "p_value":
            answers = {
                "no_degrees_of_freedom": f_upper_tail(
                    k - 1, total - k, wrong["no_degrees_of_freedom"]
                ),
                "inverted": f_upper_tail(k - 1, total - k, wrong["inverted"]),
                "df_total": f_upper_tail(k - 1, total - 1, wrong["df_total"]),
                "between_df_k": f_upper_tail(k, total - k, wrong["between_df_k"]),
                "within_from_grand_mean": f_upper_tail(
                    k - 1, total - k, wrong["within_from_grand_mean"]
                ),
            }
            return apart(self.answer(params), answers, 4)
        return apart(self.answer(params), wrong, 2)
