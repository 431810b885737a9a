"""Skill: confidence intervals for the slope and intercept of a fitted line."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.distributions import normal_quantile, t_quantile
from mlmath.engine.statistics.intervals import Interval, parameter_bounds, regression_interval
from mlmath.engine.statistics.regression import line_fit
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Critical, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    StatisticsSkill,
    confidence_text,
    floats,
    integer,
    interval_format,
    pick,
    shown,
)

TOPIC = f"{W4_INTERVALS} · CI for parameters in linear regression"
STORIES = (
    ("hours of study", "exam score"),
    ("advertising spend (thousand euros)", "sales (thousand euros)"),
    ("temperature (°C)", "ice creams sold (dozens)"),
)


def line_data(rng: np.random.Generator, n: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    x = np.sort(rng.choice(np.arange(1, 16), size=n, replace=False)).astype(float)
    slope = rng.uniform(0.5, 4) * (1 if rng.random() < 0.8 else -1)
    y = np.round(rng.uniform(5, 30) + slope * x + rng.normal(0, 2, n), 1)
    return floats(x.tolist()), floats(y.tolist())


class LineIntervalSkill(StatisticsSkill):
    """An interval from the least-squares line through paired data x, y, answered as
    (lower, upper) to 2 decimal places."""

    def answer_format(self, params: Params) -> AnswerFormat:
        return interval_format(2)


@register
class RegressionSlopeInterval(LineIntervalSkill):
    id = "statistics.regression_slope_interval"
    title = "Confidence interval for a regression slope or intercept"
    summary = "b ± t*ₙ₋₂·SE(b), with SE(b₁) = s/√Sxx and s² = SSE/(n − 2)."
    levels = 3
    inputs = (
        Field("x", "data", "the inputs"),
        Field("y", "data", "the outputs, paired with x"),
        Field("confidence", "number", "the confidence level, like 0.95"),
        Field(
            "parameter",
            "choice",
            "slope or intercept",
            False,
            "slope",
            choices=("slope", "intercept"),
        ),
    )
    misconceptions = (
        Misconception(
            "z_for_t",
            "You used z instead of t",
            "The scatter s is estimated from the data: use Student's t with n − 2 degrees "
            "of freedom.",
            TOPIC,
        ),
        Misconception(
            "df_n_minus_1",
            "You used n − 1 degrees of freedom",
            "A line fits two parameters (slope and intercept), so t has n − 2 degrees of freedom.",
            TOPIC,
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
        Misconception(
            "sxx_not_rooted",
            "You divided s by Sxx instead of by √Sxx",
            "The standard error of the slope is SE(b₁) = s/√Sxx: the square root covers Sxx. "
            "Dividing by Sxx itself makes the interval far too narrow when the x values are "
            "spread out.",
            TOPIC,
            hint="In SE(b₁) = s/√Sxx, what does the square root cover?",
        ),
        Misconception(
            "slope_se_for_intercept",
            "You used the slope's standard error for the intercept",
            "The intercept has its own standard error, SE(b₀) = s·√(1/n + x̄²/Sxx); s/√Sxx "
            "belongs to the slope.",
            TOPIC,
            hint="Which standard error goes with b₀, and which with b₁?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = integer(rng, 5, 6) if level == 1 else integer(rng, 6, 9)
        x, y = line_data(rng, n)
        return {
            "x": x,
            "y": y,
            "confidence": 0.95 if level == 1 else pick(rng, (0.9, 0.95, 0.99)),
            "parameter": "intercept" if level == 3 else "slope",
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        xs, ys = STORIES[params.get("story", 0)]
        which = params.get("parameter") or "slope"
        return (
            f"For {len(params['x'])} observations, x = {xs}: {shown(params['x'])} and y = "
            f"{ys}: {shown(params['y'])}. Fit y = b₀ + b₁x by least squares and give the "
            f"{confidence_text(params['confidence'])} confidence interval for the {which} "
            f"({'b₁' if which == 'slope' else 'b₀'}) as (lower, upper), to 2 decimal places.",
        )

    def solve(self, params: Params) -> Solution[Interval]:
        return regression_interval(
            params["x"],
            params["y"],
            float(params["confidence"]),
            params.get("parameter") or "slope",
        )

    def answer(self, params: Params) -> Interval:
        fit = line_fit(params["x"], params["y"])
        parameter = params.get("parameter") or "slope"
        if parameter not in ("slope", "intercept"):
            return self.solve(params).answer  # says why there is no answer
        return parameter_bounds(fit, float(params["confidence"]), parameter)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How much do the points scatter around the fitted line? That is s.",
            "SE(b₁) = s/√Sxx; the interval is b₁ ± t*·SE with n − 2 degrees of freedom.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """z for t, the wrong df, one tail."""
        confidence = float(params["confidence"])
        try:
            fit = line_fit(params["x"], params["y"])
        except NotSolvable:
            return ()
        lo, hi = self.answer(params)
        upper = 1 - (1 - confidence) / 2
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        se = half / t_quantile(fit.n - 2, upper)
        if not math.isfinite(se):
            return ()
        return (
            Critical(
                lambda c: (centre - c * se, centre + c * se), confidence, fit.n - 2, df_rule="n − 2"
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        confidence = float(params["confidence"])
        try:
            fit = line_fit(params["x"], params["y"])
        except NotSolvable:
            return {}
        upper = 1 - (1 - confidence) / 2
        correct = t_quantile(fit.n - 2, upper)
        lo, hi = self.answer(params)
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        se = half / correct
        if not math.isfinite(se):
            return {}
        out = {
            "z_for_t": (centre - normal_quantile(upper) * se, centre + normal_quantile(upper) * se),
            "df_n_minus_1": (
                centre - t_quantile(fit.n - 1, upper) * se,
                centre + t_quantile(fit.n - 1, upper) * se,
            ),
        }
        s, sd_y = fit.residual_sd, math.sqrt(fit.syy / (fit.n - 1))
        if (params.get("parameter") or "slope") == "slope":
            not_rooted = correct * s / float(fit.sxx)
            out["sxx_not_rooted"] = (centre - not_rooted, centre + not_rooted)
        else:
            slope_half = correct * fit.slope_se
            out["slope_se_for_intercept"] = (centre - slope_half, centre + slope_half)
        # the right interval with the residual s replaced by the standard deviation of y
        if s > 0:
            out["sd_of_y"] = (centre - half * sd_y / s, centre + half * sd_y / s)
        return out
