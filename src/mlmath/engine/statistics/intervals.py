"""Confidence and prediction intervals: an estimate plus or minus a margin of error.

A 95 % confidence interval comes from a method that catches the true parameter in
95 % of samples; for one computed interval the parameter is either inside or not.
The margin is a critical value times a standard error: z* when σ is known (or for a
proportion), t* with n − 1 degrees of freedom when σ is estimated by s, and t* with
n − 2 degrees of freedom for the slope and intercept of a fitted line.

>>> lo, hi = mean_interval(50.0, 10.0, 25, 0.95, sd_known=True).answer
>>> round(lo, 2), round(hi, 2)
(46.08, 53.92)
>>> [round(v, 4) for v in proportion_interval(40, 100, 0.95).answer]
[0.304, 0.496]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mlmath.engine.probability.notation import formula
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import check_confidence, normal_quantile, t_quantile
from mlmath.engine.statistics.sampling import Data

Interval = tuple[float, float]


def critical_value(confidence: float, df: int | None) -> tuple[float, Step]:
    """z* (df None) or t*_df leaving (1 − confidence)/2 in each tail."""
    check_confidence(confidence)
    upper = 1 - (1 - confidence) / 2
    if df is None:
        value = normal_quantile(upper)
        return value, Step(
            f"For {confidence:.0%} confidence leave {(1 - confidence) / 2:g} in each tail of "
            "the standard normal",
            formula(
                rf"z^* = \Phi^{{-1}}({upper:g}) = {value:.4f}",
                f"z* = Φ⁻¹({upper:g}) = {value:.4f}",
            ),
        )
    value = t_quantile(df, upper)
    return value, Step(
        f"σ is estimated from the data, so use Student's t with {df} degrees of freedom "
        f"(wider than z), leaving {(1 - confidence) / 2:g} in each tail",
        formula(rf"t^*_{{{df}}} = {value:.4f}", f"t*_{df} = {value:.4f}"),
    )


def interval_step(estimate: float, margin: float, symbol: str = r"\bar x") -> tuple[Interval, Step]:
    lo, hi = estimate - margin, estimate + margin
    return (lo, hi), Step(
        "The interval is the estimate plus or minus the margin",
        formula(
            rf"{symbol} \pm E = {estimate:.4f} \pm {margin:.4f} = [{lo:.4f},\ {hi:.4f}]",
            f"{estimate:.4f} ± {margin:.4f} = [{lo:.4f}, {hi:.4f}]",
        ),
    )


def margin_of_error(sd: float, n: int, confidence: float, df: int | None = None) -> Solution[float]:
    """E = (critical value)·sd/√n."""
    if not sd > 0 or n < 1:
        raise NotSolvable("the standard deviation must be positive and the sample size n ≥ 1")
    star, critical = critical_value(confidence, df)
    se = sd / math.sqrt(n)
    answer = star * se
    name = "z^*" if df is None else f"t^*_{{{df}}}"
    name_t = "z*" if df is None else f"t*_{df}"
    return Solution(
        answer,
        (
            critical,
            Step(
                "The standard error: the spread of the estimate from sample to sample",
                formula(
                    rf"\mathrm{{SE}} = \frac{{{sd:.4g}}}{{\sqrt{{{n}}}}} = {se:.4f}",
                    f"SE = {sd:.4g} / √{n} = {se:.4f}",
                ),
            ),
            Step(
                "The margin of error is the critical value times the standard error",
                formula(
                    rf"E = {name}\cdot \mathrm{{SE}} = {star:.4f}\cdot {se:.4f} = {answer:.4f}",
                    f"E = {name_t}·SE = {star:.4f}·{se:.4f} = {answer:.4f}",
                ),
            ),
        ),
    )


def proportion_margin(p_hat: float, n: int, confidence: float) -> Solution[float]:
    """E = z*·√(p̂(1 − p̂)/n)."""
    if not 0 < p_hat < 1 or n < 1:
        raise NotSolvable("the sample proportion must be strictly between 0 and 1")
    star, critical = critical_value(confidence, None)
    se = math.sqrt(p_hat * (1 - p_hat) / n)
    answer = star * se
    return Solution(
        answer,
        (
            critical,
            Step(
                "The standard error of a proportion",
                formula(
                    rf"\mathrm{{SE}} = \sqrt{{\frac{{{p_hat:.4g}\,(1 - {p_hat:.4g})}}{{{n}}}}} = "
                    rf"{se:.4f}",
                    f"SE = √({p_hat:.4g}·(1 − {p_hat:.4g}) / {n}) = {se:.4f}",
                ),
            ),
            Step(
                "The margin of error is z* times the standard error",
                formula(
                    rf"E = {star:.4f}\cdot {se:.4f} = {answer:.4f}",
                    f"E = {star:.4f}·{se:.4f} = {answer:.4f}",
                ),
            ),
        ),
    )


def mean_interval(
    mean: float, sd: float, n: int, confidence: float, sd_known: bool
) -> Solution[Interval]:
    """x̄ ± z*·σ/√n (σ known) or x̄ ± t*_{n−1}·s/√n (σ estimated by s)."""
    if not sd_known and n < 2:
        raise NotSolvable("with σ unknown the sample needs at least 2 values")
    margin = margin_of_error(sd, n, confidence, None if sd_known else n - 1)
    interval, last = interval_step(mean, margin.answer)
    return Solution(interval, (*margin.steps, last))


def data_summary(data: Data) -> tuple[float, float, Step]:
    """x̄ and s (dividing by n − 1) of a sample, with the step that finds them."""
    n = len(data)
    if n < 2:
        raise NotSolvable("give at least 2 data values")
    m = math.fsum(data) / n
    s = math.sqrt(math.fsum((x - m) ** 2 for x in data) / (n - 1))
    return (
        m,
        s,
        Step(
            f"Summarise the sample of n = {n}: its mean and its standard deviation s, dividing "
            "by n − 1",
            formula(
                rf"\bar x = {m:.4f},\quad s = \sqrt{{\frac{{\sum (x_i - \bar x)^2}}{{{n - 1}}}}} = "
                rf"{s:.4f}",
                f"x̄ = {m:.4f}, s = √(Σ(x − x̄)² / {n - 1}) = {s:.4f}",
            ),
        ),
    )


def proportion_interval(successes: int, n: int, confidence: float) -> Solution[Interval]:
    """p̂ ± z*·√(p̂(1 − p̂)/n)."""
    if n < 1 or not 0 < successes < n:
        raise NotSolvable("the number of successes must be between 1 and n − 1")
    p_hat = successes / n
    margin = proportion_margin(p_hat, n, confidence)
    first = Step(
        "The sample proportion",
        formula(
            rf"\hat p = \frac{{{successes}}}{{{n}}} = {p_hat:.4f}",
            f"p̂ = {successes} / {n} = {p_hat:.4f}",
        ),
    )
    interval, last = interval_step(p_hat, margin.answer, r"\hat p")
    return Solution(interval, (first, *margin.steps, last))


@dataclass(frozen=True, slots=True)
class LineFit:
    """A least-squares line y = b0 + b1·x and what its intervals need."""

    n: int
    x_mean: float
    y_mean: float
    sxx: float
    slope: float
    intercept: float
    residual_sd: float


def fit_line(x: Sequence[float], y: Sequence[float]) -> tuple[LineFit, Step]:
    if len(x) != len(y):
        raise NotSolvable("x and y must have the same number of values")
    n = len(x)
    if n < 3:
        raise NotSolvable("a line with an interval needs at least 3 points")
    xm, ym = math.fsum(x) / n, math.fsum(y) / n
    sxx = math.fsum((a - xm) ** 2 for a in x)
    if sxx == 0:
        raise NotSolvable("the x values must not all be equal")
    sxy = math.fsum((a - xm) * (b - ym) for a, b in zip(x, y, strict=True))
    slope = sxy / sxx
    intercept = ym - slope * xm
    sse = math.fsum((b - intercept - slope * a) ** 2 for a, b in zip(x, y, strict=True))
    s = math.sqrt(sse / (n - 2))
    fit = LineFit(n, xm, ym, sxx, slope, intercept, s)
    return fit, Step(
        "Fit the least-squares line and measure the scatter of the points around it, "
        "dividing the squared residuals by n − 2 (two parameters were fitted)",
        formula(
            rf"\hat y = {intercept:.4f} + {slope:.4f}\,x,\quad S_{{xx}} = {sxx:.4f},\quad "
            rf"s = \sqrt{{\frac{{SSE}}{{{n - 2}}}}} = \sqrt{{\frac{{{sse:.4f}}}{{{n - 2}}}}} = "
            rf"{s:.4f}",
            f"ŷ = {intercept:.4f} + {slope:.4f}·x, Sxx = {sxx:.4f}, s = √(SSE/{n - 2}) = "
            f"√({sse:.4f}/{n - 2}) = {s:.4f}",
        ),
    )


def regression_interval(
    x: Sequence[float], y: Sequence[float], confidence: float, parameter: str
) -> Solution[Interval]:
    """b1 ± t*_{n−2}·s/√Sxx (slope) or b0 ± t*_{n−2}·s·√(1/n + x̄²/Sxx) (intercept)."""
    if parameter not in ("slope", "intercept"):
        raise NotSolvable("parameter must be 'slope' or 'intercept'")
    fit, first = fit_line(x, y)
    star, critical = critical_value(confidence, fit.n - 2)
    s = fit.residual_sd
    if parameter == "slope":
        se = s / math.sqrt(fit.sxx)
        estimate = fit.slope
        se_step = Step(
            "The standard error of the slope",
            formula(
                rf"\mathrm{{SE}}(b_1) = \frac{{s}}{{\sqrt{{S_{{xx}}}}}} = "
                rf"\frac{{{s:.4f}}}{{\sqrt{{{fit.sxx:.4f}}}}} = {se:.4f}",
                f"SE(b1) = s / √Sxx = {s:.4f} / √{fit.sxx:.4f} = {se:.4f}",
            ),
        )
        symbol = "b_1"
    else:
        se = s * math.sqrt(1 / fit.n + fit.x_mean**2 / fit.sxx)
        estimate = fit.intercept
        se_step = Step(
            "The standard error of the intercept",
            formula(
                rf"\mathrm{{SE}}(b_0) = s\sqrt{{\frac{{1}}{{n}} + \frac{{\bar x^2}}{{S_{{xx}}}}}}"
                rf" = {s:.4f}\sqrt{{\frac{{1}}{{{fit.n}}} + \frac{{{fit.x_mean:.4f}^2}}"
                rf"{{{fit.sxx:.4f}}}}} = {se:.4f}",
                f"SE(b0) = s·√(1/n + x̄²/Sxx) = {s:.4f}·√(1/{fit.n} + {fit.x_mean:.4f}²/"
                f"{fit.sxx:.4f}) = {se:.4f}",
            ),
        )
        symbol = "b_0"
    margin = star * se
    margin_step = Step(
        "The margin is t* times the standard error",
        formula(
            rf"E = {star:.4f}\cdot {se:.4f} = {margin:.4f}",
            f"E = {star:.4f}·{se:.4f} = {margin:.4f}",
        ),
    )
    interval, last = interval_step(estimate, margin, symbol)
    return Solution(interval, (first, critical, se_step, margin_step, last))


def prediction_interval(
    x: Sequence[float], y: Sequence[float], x_new: float, confidence: float
) -> Solution[Interval]:
    """ŷ(x₀) ± t*_{n−2}·s·√(1 + 1/n + (x₀ − x̄)²/Sxx): where one new y will fall."""
    fit, first = fit_line(x, y)
    star, critical = critical_value(confidence, fit.n - 2)
    s = fit.residual_sd
    y_hat = fit.intercept + fit.slope * x_new
    inside = 1 + 1 / fit.n + (x_new - fit.x_mean) ** 2 / fit.sxx
    se = s * math.sqrt(inside)
    margin = star * se
    interval, last = interval_step(y_hat, margin, r"\hat y_0")
    return Solution(
        interval,
        (
            first,
            Step(
                "Predict at the new x",
                formula(
                    rf"\hat y_0 = {fit.intercept:.4f} + {fit.slope:.4f}\cdot {x_new:g} = "
                    rf"{y_hat:.4f}",
                    f"ŷ0 = {fit.intercept:.4f} + {fit.slope:.4f}·{x_new:g} = {y_hat:.4f}",
                ),
            ),
            critical,
            Step(
                "A new point scatters around the line by s, on top of the line's own "
                "uncertainty: the 1 under the root is that new scatter",
                formula(
                    rf"s\sqrt{{1 + \frac{{1}}{{n}} + \frac{{(x_0 - \bar x)^2}}{{S_{{xx}}}}}} = "
                    rf"{s:.4f}\sqrt{{{inside:.4f}}} = {se:.4f}",
                    f"s·√(1 + 1/n + (x0 − x̄)²/Sxx) = {s:.4f}·√{inside:.4f} = {se:.4f}",
                ),
            ),
            Step(
                "The margin is t* times that",
                formula(
                    rf"E = {star:.4f}\cdot {se:.4f} = {margin:.4f}",
                    f"E = {star:.4f}·{se:.4f} = {margin:.4f}",
                ),
            ),
            last,
        ),
    )
