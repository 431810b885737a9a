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
from fractions import Fraction

from mlmath.engine.probability.notation import (
    exact_latex,
    exact_text,
    formula,
    given_latex,
    given_percent_text,
    given_text,
    is_shown_exactly,
    real_latex,
    real_text,
    to_real,
)
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column, exact
from mlmath.engine.statistics.distributions import check_confidence, normal_quantile, t_quantile
from mlmath.engine.statistics.regression import (
    LineFit,
    Paired,
    intercept_se_step,
    line_fit,
    line_step,
    scatter_step,
    slope_se_step,
    sums_step,
)
from mlmath.engine.statistics.sampling import Data

Interval = tuple[float, float]


def critical_value(confidence: float, df: int | None) -> tuple[float, Step]:
    """z* (df None) or t*_df leaving (1 − confidence)/2 in each tail."""
    check_confidence(confidence)
    upper = 1 - (1 - confidence) / 2
    if df is None:
        value = normal_quantile(upper)
        return value, Step(
            f"For {given_percent_text(confidence)} confidence leave "
            f"{given_text((1 - confidence) / 2)} in each tail of the standard normal",
            formula(
                rf"z^* = \Phi^{{-1}}({given_latex(upper)}) = {real_latex(value)}",
                f"z* = Φ⁻¹({given_text(upper)}) = {real_text(value)}",
            ),
        )
    value = t_quantile(df, upper)
    return value, Step(
        f"σ is estimated from the data, so use Student's t with {df} degrees of freedom "
        f"(wider than z), leaving {given_text((1 - confidence) / 2)} in each tail",
        formula(rf"t^*_{{{df}}} = {real_latex(value)}", f"t*_{df} = {real_text(value)}"),
    )


def interval_step(
    estimate: float | Fraction, margin: float, symbol: str = r"\bar x"
) -> tuple[Interval, Step]:
    lo, hi = float(estimate) - margin, float(estimate) + margin
    return (lo, hi), Step(
        "The interval is the estimate plus or minus the margin",
        formula(
            rf"{symbol} \pm E = {real_latex(estimate)} \pm {real_latex(margin)} = "
            rf"[{real_latex(lo)},\ {real_latex(hi)}]",
            f"{real_text(estimate)} ± {real_text(margin)} = [{real_text(lo)}, {real_text(hi)}]",
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
    (se_l, se_t), (answer_l, answer_t) = to_real(se), to_real(answer)
    return Solution(
        answer,
        (
            critical,
            Step(
                "The standard error: the spread of the estimate from sample to sample",
                formula(
                    rf"\mathrm{{SE}} = \frac{{{real_latex(sd)}}}{{\sqrt{{{n}}}}} "
                    rf"{se_l}",
                    f"SE = {real_text(sd)} / √{n} {se_t}",
                ),
            ),
            Step(
                "The margin of error is the critical value times the standard error",
                formula(
                    rf"E = {name}\cdot \mathrm{{SE}} = {real_latex(star)}\cdot {real_latex(se)} "
                    rf"{answer_l}",
                    f"E = {name_t}·SE = {real_text(star)}·{real_text(se)} {answer_t}",
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
    (se_l, se_t), (answer_l, answer_t) = to_real(se), to_real(answer)
    return Solution(
        answer,
        (
            critical,
            Step(
                "The standard error of a proportion",
                formula(
                    rf"\mathrm{{SE}} = "
                    rf"\sqrt{{\frac{{{real_latex(p_hat)}\,(1 - {real_latex(p_hat)})}}{{{n}}}}} "
                    rf"{se_l}",
                    f"SE = √({real_text(p_hat)}·(1 − {real_text(p_hat)}) / {n}) {se_t}",
                ),
            ),
            Step(
                "The margin of error is z* times the standard error",
                formula(
                    rf"E = {real_latex(star)}\cdot {real_latex(se)} {answer_l}",
                    f"E = {real_text(star)}·{real_text(se)} {answer_t}",
                ),
            ),
        ),
    )


def mean_interval(
    mean: float | Fraction, sd: float, n: int, confidence: float, sd_known: bool
) -> Solution[Interval]:
    """x̄ ± z*·σ/√n (σ known) or x̄ ± t*_{n−1}·s/√n (σ estimated by s)."""
    if not sd_known and n < 2:
        raise NotSolvable("with σ unknown the sample needs at least 2 values")
    margin = margin_of_error(sd, n, confidence, None if sd_known else n - 1)
    interval, last = interval_step(mean, margin.answer)
    return Solution(interval, (*margin.steps, last))


def data_summary(data: Data | Column) -> tuple[Fraction, float, Step]:
    """x̄ (exact) and s (dividing by n − 1) of a sample, with the step that finds them."""
    column = Column.of(data)
    n = column.n
    if n < 2:
        raise NotSolvable("give at least 2 data values")
    m = column.mean
    squares = column.squares  # Σ(x − x̄)², exact
    # "=" when the decimal shown is the sum itself, "≈" when it is rounded
    exact = is_shown_exactly(squares)
    equals_latex, equals_text = ("=", "=") if exact else (r"\approx", "≈")
    s = math.sqrt(column.variance(sample=True))
    return (
        m,
        s,
        Step(
            f"Summarise the sample of n = {n:,}: its mean and its standard deviation s, "
            "dividing by n − 1",
            formula(
                rf"\bar x = {exact_latex(m)},\quad s = "
                rf"\sqrt{{\frac{{\sum (x_i - \bar x)^2}}{{{n - 1}}}}} {equals_latex} "
                rf"\sqrt{{\frac{{{real_latex(squares)}}}{{{n - 1}}}}}"
                rf" \approx {real_latex(s)}",
                f"x̄ = {exact_text(m)}, s = √(Σ(x − x̄)² / {n - 1}) {equals_text} "
                f"√({real_text(squares)} / {n - 1}) ≈ {real_text(s)}",
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
            rf"\hat p = \frac{{{successes}}}{{{n}}} = {real_latex(p_hat)}",
            f"p̂ = {successes} / {n} = {real_text(p_hat)}",
        ),
    )
    interval, last = interval_step(p_hat, margin.answer, r"\hat p")
    return Solution(interval, (first, *margin.steps, last))


def parameter_bounds(fit: LineFit, confidence: float, parameter: str) -> Interval:
    """b ± t*_{n−2}·SE(b) for the slope or the intercept (the answer of
    :func:`regression_interval`, without its steps)."""
    check_confidence(confidence)
    star = t_quantile(fit.n - 2, 1 - (1 - confidence) / 2)
    if parameter == "slope":
        estimate, se = fit.slope, fit.slope_se
    else:
        estimate, se = fit.intercept, fit.intercept_se
    return float(estimate) - star * se, float(estimate) + star * se


def prediction_bounds(fit: LineFit, x_new: float | Fraction, confidence: float) -> Interval:
    """ŷ₀ ± t*_{n−2}·s·√(1 + 1/n + (x₀ − x̄)²/Sxx) (the answer of :func:`prediction_interval`,
    without its steps)."""
    check_confidence(confidence)
    star = t_quantile(fit.n - 2, 1 - (1 - confidence) / 2)
    x0 = exact(x_new)
    y_hat = float(fit.intercept + fit.slope * x0)
    inside = 1 + Fraction(1, fit.n) + (x0 - fit.x_mean) ** 2 / fit.sxx
    margin = star * math.sqrt(fit.residual_variance * inside)
    return y_hat - margin, y_hat + margin


def regression_interval(
    x: Paired, y: Paired, confidence: float, parameter: str
) -> Solution[Interval]:
    """b1 ± t*_{n−2}·s/√Sxx (slope) or b0 ± t*_{n−2}·s·√(1/n + x̄²/Sxx) (intercept)."""
    if parameter not in ("slope", "intercept"):
        raise NotSolvable("parameter must be 'slope' or 'intercept'")
    fit = line_fit(x, y)
    star, critical = critical_value(confidence, fit.n - 2)
    fitted = (sums_step(fit), line_step(fit), scatter_step(fit))
    if parameter == "slope":
        se, estimate, se_step, symbol = fit.slope_se, fit.slope, slope_se_step(fit), "b_1"
    else:
        se, estimate = fit.intercept_se, fit.intercept
        se_step, symbol = intercept_se_step(fit), "b_0"
    margin = star * se
    margin_step = Step(
        "The margin is t* times the standard error",
        formula(
            rf"E = {real_latex(star)}\cdot {real_latex(se)} = {real_latex(margin)}",
            f"E = {real_text(star)}·{real_text(se)} = {real_text(margin)}",
        ),
    )
    interval, last = interval_step(estimate, margin, symbol)
    return Solution(interval, (*fitted, critical, se_step, margin_step, last))


def prediction_interval(
    x: Paired, y: Paired, x_new: float | Fraction, confidence: float
) -> Solution[Interval]:
    """ŷ(x₀) ± t*_{n−2}·s·√(1 + 1/n + (x₀ − x̄)²/Sxx): where one new y will fall."""
    fit = line_fit(x, y)
    star, critical = critical_value(confidence, fit.n - 2)
    x0 = exact(x_new)
    y_hat = fit.intercept + fit.slope * x0
    inside = 1 + Fraction(1, fit.n) + (x0 - fit.x_mean) ** 2 / fit.sxx
    se = math.sqrt(fit.residual_variance * inside)
    margin = star * se
    interval, last = interval_step(y_hat, margin, r"\hat y_0")
    return Solution(
        interval,
        (
            sums_step(fit),
            line_step(fit),
            scatter_step(fit),
            Step(
                "Predict at the new x",
                formula(
                    rf"\hat y_0 = b_0 + b_1\cdot {given_latex(x_new)} = {exact_latex(y_hat)}",
                    f"ŷ0 = b0 + b1·{given_text(x_new)} = {exact_text(y_hat)}",
                ),
            ),
            critical,
            Step(
                "A new point scatters around the line by s, on top of the line's own "
                "uncertainty: the 1 under the root is that new scatter",
                formula(
                    rf"s\sqrt{{1 + \frac{{1}}{{n}} + \frac{{(x_0 - \bar x)^2}}{{S_{{xx}}}}}} = "
                    rf"{real_latex(fit.residual_sd)}\sqrt{{{exact_latex(inside)}}} = "
                    rf"{real_latex(se)}",
                    f"s·√(1 + 1/n + (x0 − x̄)²/Sxx) = {real_text(fit.residual_sd)}·"
                    f"√{exact_text(inside)} = {real_text(se)}",
                ),
            ),
            Step(
                "The margin is t* times that",
                formula(
                    rf"E = {real_latex(star)}\cdot {real_latex(se)} = {real_latex(margin)}",
                    f"E = {real_text(star)}·{real_text(se)} = {real_text(margin)}",
                ),
            ),
            last,
        ),
    )
