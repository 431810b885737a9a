"""Sums and differences of independent normal variables.

If X ~ N(μ_X, σ_X²) and Y ~ N(μ_Y, σ_Y²) are independent, X + Y and X − Y are normal too.
Means add or subtract; variances ALWAYS add (a difference is as uncertain as a sum):

    X ± Y ~ N(μ_X ± μ_Y, σ_X² + σ_Y²),   sd(X ± Y) = √(σ_X² + σ_Y²).

Standard deviations do not add: they combine like the sides of a right triangle.

>>> heights = (Fraction(170), Fraction(6), Fraction(160), Fraction(8))
>>> normal_combination(*heights, "difference", "mean").answer
Fraction(10, 1)
>>> normal_combination(*heights, "difference", "sd").answer
Fraction(10, 1)
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.probability.notation import formula, latex_of, paren, text_of
from mlmath.engine.significant import equals_latex, equals_text
from mlmath.engine.solution import NotSolvable, Solution, Step

OPERATIONS = ("sum", "difference")


def exact_root(x: Fraction) -> Fraction | float:
    p, q = math.isqrt(x.numerator), math.isqrt(x.denominator)
    if p * p == x.numerator and q * q == x.denominator:
        return Fraction(p, q)
    return math.sqrt(x)


def combined_sd(sd_x: Fraction, sd_y: Fraction) -> Fraction | float:
    return exact_root(sd_x**2 + sd_y**2)


def normal_combination(  # noqa: PLR0917 - the two variables' parameters, then the question
    mean_x: Fraction, sd_x: Fraction, mean_y: Fraction, sd_y: Fraction, operation: str, asked: str
) -> Solution[Fraction | float]:
    """The mean (asked "mean") or standard deviation ("sd") of X + Y or X − Y."""
    if sd_x <= 0 or sd_y <= 0:
        raise NotSolvable("standard deviations are positive")
    if operation not in OPERATIONS or asked not in ("mean", "sd", "variance"):
        raise NotSolvable("operation is sum or difference; asked is mean, sd or variance")
    sign, word = ("+", "sum") if operation == "sum" else ("-", "difference")
    sign_t = "+" if operation == "sum" else "−"
    steps = [
        Step(
            f"X and Y are independent normals, so their {word} is normal: means "
            f"{'add' if operation == 'sum' else 'subtract'}, variances always add",
            formula(
                rf"X {sign} Y \sim N\left(\mu_X {sign} \mu_Y,\ \sigma_X^2 + \sigma_Y^2\right)",
                f"X {sign_t} Y ~ N(μX {sign_t} μY, σX² + σY²)",
            ),
        )
    ]
    if asked == "mean":
        answer = mean_x + mean_y if operation == "sum" else mean_x - mean_y
        pl, pt = paren(mean_y)
        steps.append(
            Step(
                f"The mean of the {word}",
                formula(
                    rf"\mu = {latex_of(mean_x)} {sign} {pl} = {latex_of(answer)}",
                    f"μ = {text_of(mean_x)} {sign_t} {pt} = {text_of(answer)}",
                ),
            )
        )
        return Solution(answer, tuple(steps))
    variance = sd_x**2 + sd_y**2
    steps.append(
        Step(
            "Square each standard deviation to get the variances, and add them (even for a "
            "difference: subtracting Y adds its uncertainty)",
            formula(
                rf"\sigma^2 = {latex_of(sd_x)}^2 + {latex_of(sd_y)}^2 = {latex_of(sd_x**2)} + "
                rf"{latex_of(sd_y**2)} = {latex_of(variance)}",
                f"σ² = {text_of(sd_x)}² + {text_of(sd_y)}² = {text_of(sd_x**2)} + "
                f"{text_of(sd_y**2)} = {text_of(variance)}",
            ),
        )
    )
    if asked == "variance":
        return Solution(variance, tuple(steps))
    sd = exact_root(variance)
    steps.append(
        Step(
            "The standard deviation is the square root of the variance",
            formula(
                rf"\sigma = \sqrt{{{latex_of(variance)}}}" + equals_latex(sd),
                f"σ = √{text_of(variance)}" + equals_text(sd),
            ),
        )
    )
    return Solution(sd, tuple(steps))
