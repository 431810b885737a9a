"""The multivariate normal N(μ, Σ) in two dimensions: reading its mean and covariance.

μ is where the cloud of points is centred; the diagonal of Σ holds each
variable's variance, the off-diagonal entry their covariance. Each variable on
its own is normal: Xᵢ ~ N(μᵢ, Σᵢᵢ).

>>> from mlmath.engine.exact import Matrix, Vector
>>> s = Matrix.of([[4, 3], [3, 9]])
>>> mvn_correlation(s).answer
Fraction(1, 2)
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.probability.continuous import standard_normal_cdf
from mlmath.engine.probability.notation import (
    formula,
    given_latex,
    given_text,
    latex_of,
    real_latex,
    real_text,
    text_of,
)
from mlmath.engine.render import matrix_latex, vector_latex
from mlmath.engine.solution import NotSolvable, Solution, Step


def check_covariance(sigma: Matrix) -> None:
    if sigma.shape != (2, 2):
        raise NotSolvable("the covariance matrix must be 2×2")
    (a, b), (c, d) = sigma.rows
    if b != c:
        raise NotSolvable("a covariance matrix is symmetric: the two off-diagonal entries match")
    if a <= 0 or d <= 0 or a * d - b * c <= 0:
        raise NotSolvable("a covariance matrix needs positive variances and a positive determinant")


def _read(sigma: Matrix) -> Step:
    return Step(
        "Read Σ: the diagonal holds the variances, the off-diagonal entry the covariance",
        formula(
            rf"\Sigma = {matrix_latex(sigma)} = \begin{{bmatrix}} \operatorname{{Var}}(X_1) & "
            r"\operatorname{Cov}(X_1, X_2) \\ \operatorname{Cov}(X_2, X_1) & "
            r"\operatorname{Var}(X_2) \end{bmatrix}",
            "Σ = [[Var(X1), Cov(X1, X2)], [Cov(X2, X1), Var(X2)]]",
            display=True,
        ),
    )


def _sqrt_exact(x: Fraction) -> Fraction | None:
    n, d = math.isqrt(x.numerator), math.isqrt(x.denominator)
    return Fraction(n, d) if n * n == x.numerator and d * d == x.denominator else None


def mvn_correlation(sigma: Matrix) -> Solution[Fraction | float]:
    """ρ = Σ₁₂ / √(Σ₁₁ Σ₂₂)."""
    check_covariance(sigma)
    (a, b), (_, d) = sigma.rows
    root = _sqrt_exact(a * d)
    answer: Fraction | float = b / root if root is not None else float(b) / math.sqrt(a * d)
    shown_l = latex_of(answer)
    return Solution(
        answer,
        (
            _read(sigma),
            Step(
                "Correlation is covariance divided by both standard deviations",
                formula(
                    rf"\rho = \frac{{{latex_of(b)}}}{{\sqrt{{{latex_of(a)} \cdot "
                    rf"{latex_of(d)}}}}} = {shown_l}",
                    f"ρ = {text_of(b)} / √({text_of(a)}·{text_of(d)}) = {text_of(answer)}",
                ),
            ),
        ),
    )


def mvn_marginal_probability(mean: Vector, sigma: Matrix, index: int, x: float) -> Solution[float]:
    """P(Xᵢ ≤ x): the marginal of Xᵢ is N(μᵢ, Σᵢᵢ); standardise with √Σᵢᵢ."""
    check_covariance(sigma)
    if len(mean) != 2 or index not in (1, 2):
        raise NotSolvable("the mean has two entries and the variable is X1 or X2")
    mu = float(mean[index - 1])
    var = sigma.rows[index - 1][index - 1]
    sd = math.sqrt(var)
    z = (x - mu) / sd
    p = standard_normal_cdf(z)
    return Solution(
        p,
        (
            Step(
                f"On its own, X{index} is normal with mean μ{index} and variance Σ{index}{index} "
                "(the other variable does not matter for a marginal)",
                formula(
                    rf"\mu = {vector_latex(mean)}, \quad X_{index} \sim "
                    rf"\mathcal{{N}}({given_latex(mu)}, {latex_of(var)})",
                    f"X{index} ~ N({given_text(mu)}, {text_of(var)})",
                ),
            ),
            Step(
                "Standardise with the standard deviation, the square root of the variance",
                formula(
                    rf"z = \frac{{{given_latex(x)} - {given_latex(mu)}}}{{\sqrt{{{latex_of(var)}}}"
                    rf"}} = {real_latex(z)}",
                    f"z = ({given_text(x)} − {given_text(mu)}) / √{text_of(var)} = {real_text(z)}",
                ),
            ),
            Step(
                "Read the standard normal CDF",
                formula(
                    rf"P(X_{index} \le {given_latex(x)}) = \Phi({real_latex(z)}) = {real_latex(p)}",
                    f"P(X{index} ≤ {given_text(x)}) = Φ({real_text(z)}) = {real_text(p)}",
                ),
            ),
        ),
    )
