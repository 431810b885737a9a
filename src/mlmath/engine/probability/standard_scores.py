"""z-scores and normal quantiles: moving between a measurement and standard units.

A z-score says how many standard deviations a value x lies from the mean: z = (x − μ)/σ.
A normal quantile goes the other way: the value with a given share p of the distribution
below it is x = μ + z·σ with z = Φ⁻¹(p) (for a share p ABOVE it, z = Φ⁻¹(1 − p)).

>>> z_score(Fraction(130), Fraction(100), Fraction(15)).answer
Fraction(2, 1)
>>> round(normal_quantile(Fraction(100), Fraction(15), Fraction(9, 10), "below").answer, 2)
119.22
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.engine.probability.notation import formula, latex_of, paren, text_of
from mlmath.engine.significant import equals_latex, equals_text, sig_latex, sig_text
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import normal_quantile as phi_inverse

SIDES = ("below", "above")


def z_score(x: Fraction, mean: Fraction, sd: Fraction) -> Solution[Fraction]:
    """z = (x − μ)/σ, exactly."""
    if sd <= 0:
        raise NotSolvable("the standard deviation σ must be positive")
    difference = x - mean
    z = difference / sd
    where = "above" if z > 0 else "below" if z < 0 else "at"
    return Solution(
        z,
        (
            Step(
                "Subtract the mean: how far x is from the centre, in the original units",
                formula(
                    rf"x - \mu = {latex_of(x)} - {paren(mean)[0]} = {latex_of(difference)}",
                    f"x − μ = {text_of(x)} − {paren(mean)[1]} = {text_of(difference)}",
                ),
            ),
            Step(
                "Divide by the standard deviation σ (not the variance): the distance in "
                f"standard deviations, {where} the mean",
                formula(
                    rf"z = \frac{{x - \mu}}{{\sigma}} = "
                    rf"\frac{{{latex_of(difference)}}}{{{latex_of(sd)}}}" + equals_latex(z),
                    f"z = (x − μ)/σ = {text_of(difference)}/{text_of(sd)}" + equals_text(z),
                ),
            ),
        ),
    )


def quantile_z(p: Fraction, side: str) -> float:
    if not 0 < p < 1:
        raise NotSolvable("the share p must be strictly between 0 and 1")
    if side not in SIDES:
        raise NotSolvable("side is below or above")
    return phi_inverse(float(p) if side == "below" else 1 - float(p))


def normal_quantile(mean: Fraction, sd: Fraction, p: Fraction, side: str) -> Solution[float]:
    """The x with a share p of N(μ, σ²) below it (side "below") or above it ("above")."""
    if sd <= 0:
        raise NotSolvable("the standard deviation σ must be positive")
    z = quantile_z(p, side)
    x = float(mean) + z * float(sd)
    area = p if side == "below" else 1 - p
    steps = []
    if side == "above":
        steps.append(
            Step(
                f"A share {text_of(p)} above x means a share 1 − {text_of(p)} = {text_of(area)} "
                "below it (Φ measures the area to the left)",
                formula(rf"P(X \le x) = {latex_of(area)}", f"P(X ≤ x) = {text_of(area)}"),
            )
        )
    steps.append(
        Step(
            "Find the z with that area to its left in the standard normal (inverse CDF)",
            formula(
                rf"z = \Phi^{{-1}}({latex_of(area)}) \approx {sig_latex(z)}",
                f"z = Φ⁻¹({text_of(area)}) ≈ {sig_text(z)}",
            ),
        )
    )
    steps.append(
        Step(
            "Undo the standardisation: x = μ + z·σ",
            formula(
                rf"x = {latex_of(mean)} + \left({sig_latex(z)}\right) \cdot {latex_of(sd)}"
                + equals_latex(x),
                f"x = {text_of(mean)} + ({sig_text(z)})·{text_of(sd)}" + equals_text(x),
            ),
        )
    )
    return Solution(x, tuple(steps))
