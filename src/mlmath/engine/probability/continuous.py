"""Continuous random variables: uniform, Gaussian and chi-squared probabilities.

For a continuous X, P(X = x) is 0; probabilities belong to intervals and are
areas under the density f. The numbers of the Gaussian and chi-squared CDFs come
from SciPy: ``scipy.special.ndtr`` and ``scipy.special.chdtr`` are the functions
``scipy.stats.norm.cdf`` and ``scipy.stats.chi2.cdf`` evaluate, called directly
because the ``scipy.stats`` wrappers cost ~100 µs a call and seconds to import.
The property tests check them against ``scipy.stats``.

>>> uniform_probability(Fraction(0), Fraction(10), Fraction(2), Fraction(5)).answer
Fraction(3, 10)
>>> round(normal_probability(170.0, 10.0, None, 180.0).answer, 4)
0.8413
>>> round(chi_squared_cdf(2, 2.0), 4)
0.6321
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.probability.notation import (
    decimal_latex,
    decimal_text,
    formula,
    given_latex,
    given_text,
    is_shown_exactly,
    latex_of,
    real_latex,
    real_text,
    text_of,
)
from mlmath.engine.solution import NotSolvable, Solution, Step


def standard_normal_cdf(z: float) -> float:
    """Φ(z), the standard normal CDF (SciPy's ``ndtr``)."""
    from scipy.special import ndtr

    return float(ndtr(z))


def standard_normal_pdf(z: float) -> float:
    return math.exp(-z * z / 2) / math.sqrt(2 * math.pi)


def chi_squared_cdf(k: int, x: float) -> float:
    """P(χ²ₖ ≤ x) (SciPy's ``chdtr``)."""
    from scipy.special import chdtr

    return float(chdtr(k, x))


def uniform_probability(
    a: Fraction, b: Fraction, lower: Fraction, upper: Fraction
) -> Solution[Fraction]:
    """P(lower ≤ X ≤ upper) for X ~ Uniform(a, b): the overlap's length over b − a."""
    if b <= a:
        raise NotSolvable("the interval of a uniform distribution needs a < b")
    if upper < lower:
        raise NotSolvable("the lower end of the interval must not pass the upper end")
    width = b - a
    density = 1 / width
    lo, hi = max(lower, a), min(upper, b)
    length = max(hi - lo, Fraction(0))
    answer = length * density
    steps = [
        Step(
            "The density is flat: height 1/(b − a) over [a, b], so that the total area is 1",
            formula(
                rf"f(x) = \frac{{1}}{{{latex_of(b)} - {latex_of(a)}}} = {latex_of(density)}",
                f"f(x) = 1/({text_of(b)} − {text_of(a)}) = {text_of(density)}",
            ),
        ),
    ]
    if (lo, hi) != (lower, upper):
        steps.append(
            Step(
                "Outside [a, b] the density is 0: keep only the part of the interval inside it",
                formula(
                    rf"[{latex_of(lo)}, {latex_of(hi)}]" if length > 0 else r"\varnothing",
                    f"[{text_of(lo)}, {text_of(hi)}]" if length > 0 else "empty",
                ),
            )
        )
    steps.append(
        Step(
            "The probability is the area of a rectangle: width × height",
            formula(
                rf"P = {latex_of(length)} \cdot {latex_of(density)} = {latex_of(answer)}",
                f"P = {text_of(length)} · {text_of(density)} = {text_of(answer)}",
            ),
        )
    )
    return Solution(answer, tuple(steps))


def z_score_step(x: float, mean: float, sd: float, label: str = "z") -> tuple[float, Step]:
    z = (x - mean) / sd
    return z, Step(
        "Standardise: subtract the mean and divide by the standard deviation",
        formula(
            rf"{label} = \frac{{{given_latex(x)} - {given_latex(mean)}}}{{{given_latex(sd)}}} = "
            rf"{real_latex(z)}",
            f"{label} = ({given_text(x)} − {given_text(mean)}) / {given_text(sd)} = {real_text(z)}",
        ),
    )


def normal_probability(
    mean: float, sd: float, lower: float | None, upper: float | None
) -> Solution[float]:
    """P(lower ≤ X ≤ upper) for X ~ N(mean, sd²); either end may be open (None)."""
    if not sd > 0:
        raise NotSolvable("the standard deviation must be positive")
    if lower is None and upper is None:
        raise NotSolvable("give a lower end, an upper end, or both")
    if lower is not None and upper is not None and upper < lower:
        raise NotSolvable("the lower end must not pass the upper end")
    steps: list[Step] = []
    if upper is not None:
        z_hi, step = z_score_step(upper, mean, sd, r"z" if lower is None else r"z_2")
        steps.append(step)
        phi_hi = standard_normal_cdf(z_hi)
        steps.append(
            Step(
                "Read the standard normal CDF (the area to the left of z)",
                formula(
                    rf"\Phi({real_latex(z_hi)}) = {real_latex(phi_hi)}",
                    f"Φ({real_text(z_hi)}) = {real_text(phi_hi)}",
                ),
            )
        )
    if lower is not None:
        z_lo, step = z_score_step(lower, mean, sd, r"z" if upper is None else r"z_1")
        steps.append(step)
        phi_lo = standard_normal_cdf(z_lo)
        steps.append(
            Step(
                "Read the standard normal CDF (the area to the left of z)",
                formula(
                    rf"\Phi({real_latex(z_lo)}) = {real_latex(phi_lo)}",
                    f"Φ({real_text(z_lo)}) = {real_text(phi_lo)}",
                ),
            )
        )
    if lower is None:
        assert upper is not None  # one of the ends is given (checked above)
        answer = phi_hi
        steps.append(
            Step(
                "P(X ≤ x) is that left area",
                formula(
                    rf"P(X \le {given_latex(upper)}) = {real_latex(answer)}",
                    f"P(X ≤ {given_text(upper)}) = {real_text(answer)}",
                ),
            )
        )
    elif upper is None:
        answer = 1 - phi_lo
        steps.append(
            Step(
                "P(X ≥ x) is the area to the right: 1 minus the left area",
                formula(
                    rf"P(X \ge {given_latex(lower)}) = 1 - {real_latex(phi_lo)} = "
                    rf"{real_latex(answer)}",
                    f"P(X ≥ {given_text(lower)}) = 1 − {real_text(phi_lo)} = {real_text(answer)}",
                ),
            )
        )
    else:
        answer = phi_hi - phi_lo
        steps.append(
            Step(
                "The area between is the left area up to the upper end minus the "
                "left area up to the lower end",
                formula(
                    rf"P({given_latex(lower)} \le X \le {given_latex(upper)}) = "
                    rf"{real_latex(phi_hi)} - {real_latex(phi_lo)} = "
                    rf"{real_latex(answer)}",
                    f"P({given_text(lower)} ≤ X ≤ {given_text(upper)}) = {real_text(phi_hi)} − "
                    f"{real_text(phi_lo)} = {real_text(answer)}",
                ),
            )
        )
    return Solution(answer, tuple(steps))


def chi_squared(k: int, asked: str, x: float | None = None) -> Solution[float | Fraction]:
    """χ²ₖ = Z₁² + … + Zₖ² for independent standard normals: mean k, variance 2k, CDF."""
    if not 1 <= k <= 100:
        raise NotSolvable("the degrees of freedom k must be a whole number from 1 to 100")
    first = Step(
        f"A chi-squared variable with k = {k} degrees of freedom is a sum of {k} squared "
        "independent standard normals",
        formula(r"\chi^2_k = Z_1^2 + \dots + Z_k^2", "χ²_k = Z1² + … + Zk²"),
    )
    if asked == "mean":
        return Solution(
            Fraction(k),
            (
                first,
                Step(
                    "Each Z² has mean E[Z²] = Var(Z) + (E[Z])² = 1 + 0 = 1, and means add",
                    formula(rf"E[\chi^2_{{{k}}}] = {k} \cdot 1 = {k}", f"E[χ²_{k}] = {k}·1 = {k}"),
                ),
            ),
        )
    if asked == "variance":
        return Solution(
            Fraction(2 * k),
            (
                first,
                Step(
                    "Each Z² has variance E[Z⁴] − (E[Z²])² = 3 − 1 = 2, and variances of "
                    "independent terms add",
                    formula(
                        rf"\operatorname{{Var}}(\chi^2_{{{k}}}) = {k} \cdot 2 = {2 * k}",
                        f"Var(χ²_{k}) = {k}·2 = {2 * k}",
                    ),
                ),
            ),
        )
    if asked == "P(X <= x)":
        if x is None or x < 0:
            raise NotSolvable("give x ≥ 0: a sum of squares is never negative")
        p = chi_squared_cdf(k, x)
        return Solution(
            p,
            (
                first,
                Step(
                    "P(X ≤ x) is the chi-squared CDF at x (computed numerically, as a table would "
                    "give it)",
                    formula(
                        rf"P(\chi^2_{{{k}}} \le {given_latex(x)}) = F_{{{k}}}({given_latex(x)}) = "
                        rf"{real_latex(p)}",
                        f"P(χ²_{k} ≤ {given_text(x)}) = F_{k}({given_text(x)}) = {real_text(p)}",
                    ),
                ),
            ),
        )
    raise NotSolvable("ask for mean, variance or P(X <= x)")


def linear_density_probability(m: Fraction, lower: Fraction, upper: Fraction) -> Solution[Fraction]:
    """X with density f(x) = 2x/m² on [0, m]: P(lower ≤ X ≤ upper) = (upper² − lower²)/m²."""
    if m <= 0:
        raise NotSolvable("m must be positive")
    if not 0 <= lower <= upper <= m:
        raise NotSolvable(f"the interval must lie inside [0, {text_of(m)}] with lower ≤ upper")
    answer = (upper**2 - lower**2) / m**2
    # the problem is in decimals: a half is 5.5 and its square 30.25, not 11/2 and 121/4
    dec_t, dec_l = decimal_text, decimal_latex
    m2 = m**2
    exact = is_shown_exactly(answer, dec_t)
    equals_latex, equals_text = ("=", "=") if exact else (r"\approx", "≈")
    return Solution(
        answer,
        (
            Step(
                "A density is not a probability: the probability of an interval is the area "
                "under f over it",
                formula(
                    rf"P({dec_l(lower)} \le X \le {dec_l(upper)}) = "
                    rf"\int_{{{dec_l(lower)}}}^{{{dec_l(upper)}}} "
                    rf"\frac{{2x}}{{{dec_l(m2)}}}\,dx",
                    f"P({dec_t(lower)} ≤ X ≤ {dec_t(upper)}) = area under "
                    f"f(x) = 2x/{dec_t(m2)} from {dec_t(lower)} to {dec_t(upper)}",
                ),
            ),
            Step(
                "Under a straight line the area is a trapezoid: width × average height, which "
                "is the same as the integral x²/m² evaluated at the ends",
                formula(
                    rf"\frac{{({dec_l(upper)})^2 - ({dec_l(lower)})^2}}{{{dec_l(m2)}}}"
                    rf" = \frac{{{dec_l(upper**2)} - {dec_l(lower**2)}}}{{{dec_l(m2)}}}"
                    rf" = \frac{{{dec_l(upper**2 - lower**2)}}}{{{dec_l(m2)}}}"
                    rf" {equals_latex} {dec_l(answer)}",
                    f"(({dec_t(upper)})² − ({dec_t(lower)})²) / {dec_t(m2)} = "
                    f"({dec_t(upper**2)} − {dec_t(lower**2)}) / {dec_t(m2)} = "
                    f"{dec_t(upper**2 - lower**2)} / {dec_t(m2)} "
                    f"{equals_text} {dec_t(answer)}",
                ),
            ),
        ),
    )
