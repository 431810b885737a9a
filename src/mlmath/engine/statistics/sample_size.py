"""The sample size that gives a chosen margin of error.

The margin E = z*·σ/√n shrinks like 1/√n; solving for n gives n = (z*·σ/E)², and for a
proportion n = z*²·p(1 − p)/E² (p = 0.5 when nothing is known: the largest p(1 − p)). A
sample size is whole and must reach the margin, so always round UP. z* is used to three
decimals, as a table gives it (1.960 for 95 %).

>>> required_sample_size(0.95, margin=2.0, sd=10.0).answer
97
>>> required_sample_size(0.95, margin=0.03, proportion=0.5).answer
1068
"""

from __future__ import annotations

import math

from mlmath.engine.probability.notation import (
    formula,
    given_latex,
    given_percent_text,
    given_text,
)
from mlmath.engine.significant import sig_latex, sig_text
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import check_confidence, normal_quantile


def z_star(confidence: float) -> float:
    """z* to three decimals, as a table gives it."""
    check_confidence(confidence)
    return round(normal_quantile(1 - (1 - confidence) / 2), 3)


def exact_n(
    confidence: float, margin: float, sd: float | None = None, proportion: float | None = None
) -> float:
    z = z_star(confidence)
    if margin <= 0:
        raise NotSolvable("the margin of error must be positive")
    if proportion is not None:
        if not 0 < proportion < 1:
            raise NotSolvable("the proportion p must be strictly between 0 and 1")
        return z * z * proportion * (1 - proportion) / (margin * margin)
    if sd is None or sd <= 0:
        raise NotSolvable("give σ (positive) for a mean, or a proportion p")
    return (z * sd / margin) ** 2


def round_up(x: float) -> int:
    """⌈x⌉, with x a hair above a whole number (from rounding) kept at that number."""
    nearest = round(x)
    return nearest if abs(x - nearest) < 1e-9 * max(1.0, x) else math.ceil(x)


def required_sample_size(
    confidence: float, margin: float, sd: float | None = None, proportion: float | None = None
) -> Solution[int]:
    exact = exact_n(confidence, margin, sd, proportion)
    n = round_up(exact)
    if n > 10**12:
        raise NotSolvable("that margin needs more than a trillion observations")
    z = z_star(confidence)
    steps = [
        Step(
            f"For {given_percent_text(confidence)} confidence the critical value leaves "
            f"{given_text((1 - confidence) / 2)} "
            "in each tail",
            formula(rf"z^* = {z:.3f}", f"z* = {z:.3f}"),
        )
    ]
    if proportion is not None:
        steps.append(
            Step(
                "Solve E = z*·√(p(1 − p)/n) for n",
                formula(
                    rf"n = \frac{{(z^*)^2\,p(1 - p)}}{{E^2}} = \frac{{{z:.3f}^2 \cdot "
                    rf"{given_latex(proportion)}"
                    rf"(1 - {given_latex(proportion)})}}{{{given_latex(margin)}^2}} "
                    rf"\approx {sig_latex(exact, 6)}",
                    f"n = z*²·p(1 − p)/E² = {z:.3f}²·{given_text(proportion)}·(1 − "
                    f"{given_text(proportion)})/{given_text(margin)}² "
                    f"≈ {sig_text(exact, 6)}",
                ),
            )
        )
    else:
        assert sd is not None  # exact_n needs σ when there is no proportion
        steps.append(
            Step(
                "Solve E = z*·σ/√n for n: √n = z*·σ/E, then square",
                formula(
                    rf"n = \left(\frac{{z^* \sigma}}{{E}}\right)^2 = \left(\frac{{{z:.3f} \cdot "
                    rf"{given_latex(sd)}}}"
                    rf"{{{given_latex(margin)}}}\right)^2 \approx {sig_latex(exact, 6)}",
                    f"n = (z*·σ/E)² = ({z:.3f}·{given_text(sd)}/{given_text(margin)})² "
                    f"≈ {sig_text(exact, 6)}",
                ),
            )
        )
    steps.append(
        Step(
            "Round UP: a smaller n would give a margin a little above E",
            formula(rf"n = {n}", f"n = {n}"),
        )
    )
    return Solution(n, tuple(steps))
