"""Simple linear regression: the least-squares line y = b0 + b1·x and how sure it is.

Everything comes from five exact sums of the data (see :mod:`.columns`): the means x̄
and ȳ, Sxx = Σ(x − x̄)², Syy = Σ(y − ȳ)² and Sxy = Σ(x − x̄)(y − ȳ). Then

- slope b1 = Sxy/Sxx and intercept b0 = ȳ − b1·x̄, exact fractions;
- SSE = Syy − Sxy²/Sxx, the squared residuals, exact; s² = SSE/(n − 2);
- SE(b1) = s/√Sxx and SE(b0) = s·√(1/n + x̄²/Sxx), one square root of an exact number;
- R² = Sxy²/(Sxx·Syy), exact; t = b1/SE(b1) with n − 2 degrees of freedom.

>>> fit = line_fit((1, 2, 3, 4), (2, 4, 5, 8))
>>> fit.slope, fit.intercept, fit.r_squared
(Fraction(19, 10), Fraction(0, 1), Fraction(361, 375))
>>> round(fit.slope_se, 6)
0.264575
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from mlmath.engine.probability.notation import (
    exact_latex,
    exact_text,
    formula,
    real_latex,
    real_text,
    tail_latex,
    tail_text,
)
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.columns import Column, Value
from mlmath.engine.statistics.distributions import t_cdf

Paired = Column | tuple[Value, ...] | list[Value]

ASKED = ("slope", "intercept", "slope_se", "intercept_se", "r_squared", "t", "p_value")


@dataclass(frozen=True, slots=True)
class LineFit:
    """The exact sums of paired data that every regression number is made of, and those
    numbers (worked out once)."""

    n: int
    x_mean: Fraction
    y_mean: Fraction
    sxx: Fraction
    sxy: Fraction
    syy: Fraction
    slope: Fraction
    intercept: Fraction
    sse: Fraction
    """Σ(y − ŷ)² = Syy − Sxy²/Sxx."""

    @classmethod
    def of(
        cls, n: int, means: tuple[Fraction, Fraction], sums: tuple[Fraction, Fraction, Fraction]
    ) -> LineFit:
        (x_mean, y_mean), (sxx, sxy, syy) = means, sums
        slope = sxy / sxx
        return cls(
            n, x_mean, y_mean, sxx, sxy, syy, slope, y_mean - slope * x_mean, syy - slope * sxy
        )

    @property
    def residual_variance(self) -> Fraction:
        """s² = SSE/(n − 2)."""
        return self.sse / (self.n - 2)

    @property
    def residual_sd(self) -> float:
        return math.sqrt(self.residual_variance)

    @property
    def slope_se(self) -> float:
        """s/√Sxx, as one square root of the exact s²/Sxx."""
        return math.sqrt(self.residual_variance / self.sxx)

    @property
    def intercept_se(self) -> float:
        """s·√(1/n + x̄²/Sxx), as one square root of an exact number."""
        return math.sqrt(self.residual_variance * (Fraction(1, self.n) + self.x_mean**2 / self.sxx))

    @property
    def r_squared(self) -> Fraction:
        """Sxy²/(Sxx·Syy) = 1 − SSE/Syy."""
        if self.syy == 0:
            return Fraction(1)
        return self.slope * self.sxy / self.syy

    @property
    def t(self) -> float:
        """b1/SE(b1) for H0: β1 = 0; its square is exact: b1²·Sxx/s²."""
        if self.sse == 0:
            raise NotSolvable("the points lie exactly on a line: no scatter, so t is infinite")
        square = self.slope * self.sxy / self.residual_variance
        return math.copysign(math.sqrt(square), self.slope)


def value_of(fit: LineFit, asked: str) -> float:
    """One regression number of ``fit`` (what :func:`linear_regression` answers, without the
    steps)."""
    if asked in ("slope", "intercept"):
        return float(fit.slope if asked == "slope" else fit.intercept)
    if asked == "r_squared":
        if fit.syy == 0:
            raise NotSolvable("the y values are all equal: there is no variation to explain")
        return float(fit.r_squared)
    if asked == "slope_se":
        return fit.slope_se
    if asked == "intercept_se":
        return fit.intercept_se
    if asked == "t":
        return fit.t
    if asked == "p_value":
        return 2 * t_cdf(fit.n - 2, -abs(fit.t))
    raise NotSolvable(f"ask for one of {', '.join(ASKED)}")


def fit_for(x: Paired, y: Paired, asked: str) -> LineFit:
    """The fit, needing 3 points when the scatter around the line is used."""
    return line_fit(x, y, at_least=2 if asked in ("slope", "intercept", "r_squared") else 3)


def line_fit(x: Paired, y: Paired, at_least: int = 3) -> LineFit:
    """The exact sums of the paired data ``x`` and ``y``."""
    xs, ys = Column.of(x), Column.of(y)
    if xs.n != ys.n:
        raise NotSolvable(
            f"x and y must have the same number of values (they come in pairs): "
            f"{xs.n:,} x values, {ys.n:,} y values"
        )
    if xs.n < at_least:
        raise NotSolvable(f"a fitted line with its scatter needs at least {at_least} points")
    sxx = xs.squares
    if sxx == 0:
        raise NotSolvable("the x values must not all be equal")
    return LineFit.of(xs.n, (xs.mean, ys.mean), (sxx, xs.cross(ys), ys.squares))


def sums_step(fit: LineFit) -> Step:
    """The means and the three sums of squares and products."""
    return Step(
        f"From the n = {fit.n:,} pairs: the means, and the sums of squared deviations and of "
        "products of deviations",
        formula(
            rf"\bar x = {exact_latex(fit.x_mean)},\ \bar y = {exact_latex(fit.y_mean)},\ "
            rf"S_{{xx}} = {exact_latex(fit.sxx)},\ S_{{xy}} = {exact_latex(fit.sxy)},\ "
            rf"S_{{yy}} = {exact_latex(fit.syy)}",
            f"x̄ = {exact_text(fit.x_mean)}, ȳ = {exact_text(fit.y_mean)}, "
            f"Sxx = Σ(x − x̄)² = {exact_text(fit.sxx)}, Sxy = Σ(x − x̄)(y − ȳ) = "
            f"{exact_text(fit.sxy)}, Syy = Σ(y − ȳ)² = {exact_text(fit.syy)}",
        ),
    )


def line_step(fit: LineFit) -> Step:
    """The slope and the intercept of the least-squares line."""
    b1, b0 = fit.slope, fit.intercept
    return Step(
        "The least-squares line: slope Sxy/Sxx, and through the point of means (x̄, ȳ)",
        formula(
            rf"b_1 = \frac{{S_{{xy}}}}{{S_{{xx}}}} = {exact_latex(b1)},\quad "
            rf"b_0 = \bar y - b_1\bar x = {exact_latex(b0)}",
            f"b1 = Sxy / Sxx = {exact_text(b1)}, b0 = ȳ − b1·x̄ = {exact_text(b0)}",
        ),
    )


def scatter_step(fit: LineFit) -> Step:
    """SSE and s, the scatter of the points around the line."""
    s = fit.residual_sd
    return Step(
        "The scatter around the line: the squared residuals, divided by n − 2 "
        "(two parameters were fitted)",
        formula(
            rf"SSE = S_{{yy}} - \frac{{S_{{xy}}^2}}{{S_{{xx}}}} = {exact_latex(fit.sse)},\quad "
            rf"s = \sqrt{{\frac{{SSE}}{{{fit.n - 2}}}}} = {real_latex(s)}",
            f"SSE = Syy − Sxy²/Sxx = {exact_text(fit.sse)}, s = √(SSE/{fit.n - 2}) = "
            f"{real_text(s)}",
        ),
    )


def slope_se_step(fit: LineFit) -> Step:
    return Step(
        "The standard error of the slope",
        formula(
            rf"\mathrm{{SE}}(b_1) = \frac{{s}}{{\sqrt{{S_{{xx}}}}}} = {real_latex(fit.slope_se)}",
            f"SE(b1) = s / √Sxx = {real_text(fit.slope_se)}",
        ),
    )


def intercept_se_step(fit: LineFit) -> Step:
    return Step(
        "The standard error of the intercept",
        formula(
            rf"\mathrm{{SE}}(b_0) = s\sqrt{{\frac{{1}}{{n}} + \frac{{\bar x^2}}{{S_{{xx}}}}}} = "
            rf"{real_latex(fit.intercept_se)}",
            f"SE(b0) = s·√(1/n + x̄²/Sxx) = {real_text(fit.intercept_se)}",
        ),
    )


def linear_regression(x: Paired, y: Paired, asked: str) -> Solution[float]:
    """The slope, intercept, their standard errors, R², or the slope's t and p-value."""
    if asked not in ASKED:
        raise NotSolvable(f"ask for one of {', '.join(ASKED)}")
    fit = fit_for(x, y, asked)
    steps = [sums_step(fit), line_step(fit)]
    if asked in ("slope", "intercept"):
        return Solution(float(fit.slope if asked == "slope" else fit.intercept), tuple(steps))
    if asked == "r_squared":
        if fit.syy == 0:
            raise NotSolvable("the y values are all equal: there is no variation to explain")
        r2 = fit.r_squared
        steps.append(
            Step(
                "R² is the share of the variation of y that the line explains",
                formula(
                    rf"R^2 = \frac{{S_{{xy}}^2}}{{S_{{xx}}S_{{yy}}}} = 1 - \frac{{SSE}}{{S_{{yy}}}}"
                    rf" = {exact_latex(r2)}",
                    f"R² = Sxy²/(Sxx·Syy) = 1 − SSE/Syy = {exact_text(r2)}",
                ),
            )
        )
        return Solution(float(r2), tuple(steps))
    steps.append(scatter_step(fit))
    if asked == "intercept_se":
        steps.append(intercept_se_step(fit))
        return Solution(fit.intercept_se, tuple(steps))
    steps.append(slope_se_step(fit))
    if asked == "slope_se":
        return Solution(fit.slope_se, tuple(steps))
    t = fit.t
    df = fit.n - 2
    steps.append(
        Step(
            "To test H0: β1 = 0 (no linear relation), count how many standard errors the "
            f"slope lies from 0, with n − 2 = {df} degrees of freedom",
            formula(
                rf"t = \frac{{b_1}}{{\mathrm{{SE}}(b_1)}} = {real_latex(t)}",
                f"t = b1 / SE(b1) = {real_text(t)}",
            ),
        )
    )
    if asked == "t":
        return Solution(t, tuple(steps))
    p = 2 * t_cdf(df, -abs(t))
    steps.append(
        Step(
            "Two-sided: a slope as far from 0 on either side counts, so double the tail area",
            formula(
                rf"2\,P(T_{{{df}}} \ge {real_latex(abs(t))}) = {tail_latex(p)}",
                f"2·P(T({df}) ≥ {real_text(abs(t))}) = {tail_text(p)}",
            ),
        )
    )
    return Solution(p, tuple(steps))
