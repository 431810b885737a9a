"""Skill: a prediction interval for one new observation from a fitted line."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.columns import exact
from mlmath.engine.statistics.distributions import normal_quantile, t_quantile
from mlmath.engine.statistics.intervals import Interval, prediction_bounds, prediction_interval
from mlmath.engine.statistics.regression import line_fit
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Critical, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.regression_slope_interval import (
    STORIES,
    LineIntervalSkill,
    line_data,
)
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    confidence_text,
    integer,
    pick,
    shown,
)

TOPIC = f"{W4_INTERVALS} · Prediction Interval"


@register
class PredictionInterval(LineIntervalSkill):
    id = "statistics.prediction_interval"
    title = "Prediction interval"
    summary = "ŷ₀ ± t*ₙ₋₂·s·√(1 + 1/n + (x₀ − x̄)²/Sxx): where one new point will fall."
    levels = 3
    inputs = (
        Field("x", "data", "the inputs"),
        Field("y", "data", "the outputs, paired with x"),
        Field("x_new", "number", "the input of the new observation"),
        Field("confidence", "number", "the confidence level, like 0.95"),
    )
    misconceptions = (
        Misconception(
            "confidence_for_prediction",
            "You gave the confidence interval for the mean response",
            "One new observation scatters around the line by s on top of the line's own "
            "uncertainty: keep the 1 under the square root.",
            TOPIC,
        ),
        Misconception(
            "z_for_t",
            "You used z instead of t",
            "s is estimated from the data: use t with n − 2 degrees of freedom.",
            TOPIC,
        ),
        Misconception(
            "scatter_only",
            "You used only the scatter s, without the line's own uncertainty",
            "The new point scatters around the line by s, but the fitted line is itself only "
            "an estimate: multiply s by √(1 + 1/n + (x₀ − x̄)²/Sxx), not by 1.",
            TOPIC,
            hint="Besides the new point's own scatter, what else is uncertain about ŷ₀?",
        ),
        Misconception(
            "sd_of_y",
            "You used the standard deviation of the y values instead of the residual s",
            "s measures how far the points lie from the fitted LINE: s = √(SSE/(n − 2)), from "
            "the residuals yᵢ − ŷᵢ. The standard deviation of y measures the spread around ȳ, "
            "which still contains the trend the line explains.",
            TOPIC,
            hint="Is s the spread of y around its mean, or around the fitted line?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = integer(rng, 5, 6) if level == 1 else integer(rng, 6, 9)
        x, y = line_data(rng, n)
        x_new = float(np.mean(x)) if level == 1 else float(integer(rng, 1, 18))
        return {
            "x": x,
            "y": y,
            "x_new": round(x_new, 2),
            "confidence": 0.95 if level < 3 else pick(rng, (0.9, 0.99)),
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        xs, ys = STORIES[params.get("story", 0)]
        return (
            f"For {len(params['x'])} observations, x = {xs}: {shown(params['x'])} and y = "
            f"{ys}: {shown(params['y'])}. Using the least-squares line, give the "
            f"{confidence_text(params['confidence'])} prediction interval for ONE new "
            f"observation at x = {float(params['x_new']):g}, as (lower, upper), to 2 decimal "
            "places.",
        )

    def solve(self, params: Params) -> Solution[Interval]:
        return prediction_interval(
            params["x"], params["y"], params["x_new"], float(params["confidence"])
        )

    def answer(self, params: Params) -> Interval:
        fit = line_fit(params["x"], params["y"])
        return prediction_bounds(fit, params["x_new"], float(params["confidence"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Is the question about the average y at x₀, or about one new y?",
            "s·√(1 + 1/n + (x₀ − x̄)²/Sxx): the 1 is the new point's own scatter.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """z for t, the wrong df, one tail."""
        confidence = float(params["confidence"])
        try:
            fit = line_fit(params["x"], params["y"])
        except NotSolvable:
            return ()
        x0 = exact(params["x_new"])
        centre = float(fit.intercept + fit.slope * x0)
        rest = float(1 + Fraction(1, fit.n) + (x0 - fit.x_mean) ** 2 / fit.sxx)
        se = fit.residual_sd * math.sqrt(rest)
        return (
            Critical(
                lambda c: (centre - c * se, centre + c * se), confidence, fit.n - 2, df_rule="n − 2"
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        try:
            fit = line_fit(params["x"], params["y"])
        except NotSolvable:
            return {}
        x0, confidence = exact(params["x_new"]), float(params["confidence"])
        upper = 1 - (1 - confidence) / 2
        t = t_quantile(fit.n - 2, upper)
        centre = float(fit.intercept + fit.slope * x0)
        rest = float(Fraction(1, fit.n) + (x0 - fit.x_mean) ** 2 / fit.sxx)
        s = fit.residual_sd
        narrow = t * s * math.sqrt(rest)
        with_z = normal_quantile(upper) * s * math.sqrt(1 + rest)
        scatter = t * s
        sd_y = t * math.sqrt(fit.syy / (fit.n - 1)) * math.sqrt(1 + rest)
        return {
            "confidence_for_prediction": (centre - narrow, centre + narrow),
            "z_for_t": (centre - with_z, centre + with_z),
            "scatter_only": (centre - scatter, centre + scatter),
            "sd_of_y": (centre - sd_y, centre + sd_y),
        }
