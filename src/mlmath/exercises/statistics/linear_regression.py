"""Skill: simple linear regression — slope, intercept, their standard errors, R², the
slope's t statistic and p-value, from paired data (as large as real data sets)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.distributions import normal_cdf, t_cdf
from mlmath.engine.statistics.regression import (
    ASKED,
    fit_for,
    line_fit,
    linear_regression,
    value_of,
)
from mlmath.exercises.inputs import Field
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.regression_slope_interval import STORIES, line_data
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    StatisticsSkill,
    apart,
    decimals,
    integer,
    pick,
    shown,
)

TOPIC = f"{W4_INTERVALS} · CI for parameters in linear regression"
PLACES = {
    "slope": 3,
    "intercept": 3,
    "r_squared": 3,
    "slope_se": 4,
    "intercept_se": 4,
    "t": 2,
    "p_value": 4,
}
WORDS = {
    "slope": "the slope b₁ of the least-squares line",
    "intercept": "the intercept b₀ of the least-squares line",
    "r_squared": "R², the share of the variation of y the line explains",
    "slope_se": "the standard error of the slope, SE(b₁)",
    "intercept_se": "the standard error of the intercept, SE(b₀)",
    "t": "the t statistic for H0: β₁ = 0",
    "p_value": "the two-sided p-value for H0: β₁ = 0",
}
LEVEL_ASKS = {
    1: ("slope", "intercept"),
    2: ("r_squared", "slope_se", "intercept_se"),
    3: ("t", "p_value"),
}


@register
class LinearRegression(StatisticsSkill):
    id = "statistics.linear_regression"
    title = "Simple linear regression"
    summary = "b₁ = Sxy/Sxx, b₀ = ȳ − b₁x̄; s² = SSE/(n − 2), SE(b₁) = s/√Sxx, R² = Sxy²/(Sxx·Syy)."
    levels = 3
    inputs = (
        Field("x", "data", "the inputs"),
        Field("y", "data", "the outputs, paired with x"),
        Field("asked", "choice", "what to find", False, "slope", choices=ASKED),
    )
    misconceptions = (
        Misconception(
            "swapped",
            "You regressed x on y",
            "The slope of y on x divides by the spread of x: b₁ = Sxy/Sxx, not Sxy/Syy.",
            TOPIC,
        ),
        Misconception(
            "intercept_is_mean",
            "You gave ȳ as the intercept",
            "The line passes through (x̄, ȳ), so b₀ = ȳ − b₁·x̄: ȳ is the height of the line "
            "at x̄, not at x = 0.",
            TOPIC,
        ),
        Misconception(
            "r_for_r_squared",
            "You gave r, not R²",
            "R² is the square of the correlation r: the share of the variation of y explained.",
            TOPIC,
        ),
        Misconception(
            "divided_by_n",
            "You divided the squared residuals by n",
            "Two parameters were fitted: s² = SSE/(n − 2).",
            TOPIC,
        ),
        Misconception(
            "z_for_t",
            "You used the normal distribution instead of t",
            "s is estimated from the data: the slope's t statistic has n − 2 degrees of freedom.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = integer(rng, 5, 6) if level == 1 else integer(rng, 6, 9)
        x, y = line_data(rng, n)
        return {
            "x": x,
            "y": y,
            "asked": pick(rng, LEVEL_ASKS[level]),
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        xs, ys = STORIES[params.get("story", 0)]
        asked = params.get("asked") or "slope"
        return (
            f"For {len(params['x'])} observations, x = {xs}: {shown(params['x'])} and y = "
            f"{ys}: {shown(params['y'])}. Fit y = b₀ + b₁x by least squares. What is "
            f"{WORDS[asked]}? Give it to {PLACES[asked]} decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        asked = params.get("asked") or "slope"
        return decimals(PLACES[asked], percent=asked in ("r_squared", "p_value"))

    def solve(self, params: Params) -> Solution[float]:
        return linear_regression(params["x"], params["y"], params.get("asked") or "slope")

    def answer(self, params: Params) -> float:
        asked = params.get("asked") or "slope"
        return value_of(fit_for(params["x"], params["y"], asked), asked)

    def hints(self, params: Params) -> tuple[str, ...]:
        asked = params.get("asked") or "slope"
        if asked in ("slope", "intercept"):
            return (
                "How far is each point from the point of means (x̄, ȳ)?",
                "b₁ = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², and the line passes through (x̄, ȳ).",
            )
        if asked == "r_squared":
            return ("How much of Σ(y − ȳ)² is left over in the residuals?",)
        return (
            "How much do the points scatter around the line? That is s, with n − 2 in the "
            "denominator.",
            "SE(b₁) = s/√Sxx; t = b₁/SE(b₁) with n − 2 degrees of freedom.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        asked = params.get("asked") or "slope"
        try:
            fit = line_fit(params["x"], params["y"])
            answer = value_of(fit, asked)
        except NotSolvable:
            return {}
        df = fit.n - 2
        shrink = math.sqrt(df / fit.n)  # s with n in place of n − 2
        wrong: dict[str, Any] = {}
        if asked == "slope" and fit.syy:
            wrong["swapped"] = float(fit.sxy / fit.syy)
        elif asked == "intercept":
            wrong["intercept_is_mean"] = float(fit.y_mean)
        elif asked == "r_squared":
            wrong["r_for_r_squared"] = math.copysign(math.sqrt(answer), float(fit.sxy))
        elif asked == "slope_se":
            wrong["divided_by_n"] = fit.slope_se * shrink
        elif asked == "intercept_se":
            wrong["divided_by_n"] = fit.intercept_se * shrink
        elif asked == "t" and fit.sse:
            wrong["divided_by_n"] = fit.t / shrink
        elif asked == "p_value" and fit.sse:
            wrong["z_for_t"] = 2 * normal_cdf(-abs(fit.t))
            wrong["divided_by_n"] = 2 * t_cdf(df, -abs(fit.t / shrink))
        return apart(answer, wrong, PLACES[asked])
