"""Reference solution of "A/B Testing" (never shown to the learner)."""

from __future__ import annotations

import math

import numpy as np


def conversion_rate(converted: np.ndarray) -> float:
    converted = np.asarray(converted, dtype=float)
    return float(converted.mean())


def pooled_z_statistic(converted_a: np.ndarray, converted_b: np.ndarray) -> float:
    a, b = np.asarray(converted_a, dtype=float), np.asarray(converted_b, dtype=float)
    pooled = (a.sum() + b.sum()) / (a.size + b.size)
    se = math.sqrt(pooled * (1 - pooled) * (1 / a.size + 1 / b.size))
    return float((b.mean() - a.mean()) / se)


def normal_cdf(z: float) -> float:
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def p_value(z: float, alternative: str = "two-sided") -> float:
    if alternative == "greater":
        return 1 - normal_cdf(z)
    if alternative == "less":
        return normal_cdf(z)
    return 2 * normal_cdf(-abs(z))


def difference_interval(
    converted_a: np.ndarray, converted_b: np.ndarray, z_star: float = 1.96
) -> tuple[float, float]:
    a, b = np.asarray(converted_a, dtype=float), np.asarray(converted_b, dtype=float)
    pa, pb = a.mean(), b.mean()
    se = math.sqrt(pa * (1 - pa) / a.size + pb * (1 - pb) / b.size)
    return (float(pb - pa - z_star * se), float(pb - pa + z_star * se))


def welch_t(x_a: np.ndarray, x_b: np.ndarray) -> float:
    a, b = np.asarray(x_a, dtype=float), np.asarray(x_b, dtype=float)
    se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    return float((b.mean() - a.mean()) / se)


def ab_decision(
    converted_a: np.ndarray, converted_b: np.ndarray, alpha: float = 0.05
) -> dict[str, object]:
    z = pooled_z_statistic(converted_a, converted_b)
    p = p_value(z, "greater")
    return {"z": z, "p_value": p, "ship_b": bool(p < alpha)}
