"""The distribution functions the statistics steps read, as a table would give them.

``scipy.special`` holds the functions ``scipy.stats`` evaluates — ``ndtr`` and
``ndtri`` for the standard normal, ``stdtr`` and ``stdtrit`` for Student's t,
``fdtrc`` for the F distribution, ``betaincinv`` for the Beta distribution. They are
called directly (and imported lazily) because the ``scipy.stats`` wrappers cost
~100 µs a call and seconds to import; the property tests compare them with
``scipy.stats``.

>>> round(normal_quantile(0.975), 4), round(t_quantile(9, 0.975), 4)
(1.96, 2.2622)
>>> round(normal_cdf(1.0), 4), round(t_cdf(5, -2.0), 4), round(f_upper_tail(2, 9, 4.26), 4)
(0.8413, 0.051, 0.0499)
"""

from __future__ import annotations

from mlmath.engine.solution import NotSolvable


def normal_cdf(z: float) -> float:
    """Φ(z), the area to the left of z under the standard normal curve."""
    from scipy.special import ndtr

    return float(ndtr(z))


def normal_quantile(p: float) -> float:
    """The z with Φ(z) = p."""
    from scipy.special import ndtri

    return float(ndtri(p))


def t_cdf(df: float, t: float) -> float:
    """P(T ≤ t) for Student's t with df degrees of freedom."""
    from scipy.special import stdtr

    return float(stdtr(df, t))


def t_quantile(df: float, p: float) -> float:
    """The t with P(T ≤ t) = p for df degrees of freedom."""
    from scipy.special import stdtrit

    return float(stdtrit(df, p))


def f_upper_tail(df_between: float, df_within: float, f: float) -> float:
    """P(F ≥ f) for the F distribution with (df_between, df_within) degrees of freedom."""
    from scipy.special import fdtrc

    return float(fdtrc(df_between, df_within, f))


def beta_median(a: float, b: float) -> float:
    """The median of Beta(a, b): the x with P(X ≤ x) = 1/2."""
    from scipy.special import betaincinv

    return float(betaincinv(a, b, 0.5))


def check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise NotSolvable("the confidence level must be between 0 and 1, like 0.95")


def check_alpha(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise NotSolvable("the significance level α must be between 0 and 1, like 0.05")
