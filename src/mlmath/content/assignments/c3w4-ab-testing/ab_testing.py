"""Programming assignment: A/B Testing.

Complete the seven functions below. Each docstring says what goes in and what must
come out, with shapes. Use NumPy and the standard library's ``math`` (``math.erf``,
``math.sqrt``); not scipy.stats or statsmodels: the point is to build the test yourself.

Check your work while you go:

    mlmath grade c3w4-ab-testing ab_testing.py --public

and grade it for real (public and hidden tests):

    mlmath grade c3w4-ab-testing ab_testing.py

Keep code that reads files or prints results under ``if __name__ == "__main__":``
at the bottom; the grader imports your file and calls your functions.
"""

import math  # noqa: F401 -- math.erf and math.sqrt help below

import numpy as np


def conversion_rate(converted: np.ndarray) -> float:
    """The share of visitors who converted.

    converted: array of shape (n,) of 0s and 1s (1 = bought).
    Returns a float between 0 and 1.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def pooled_z_statistic(converted_a: np.ndarray, converted_b: np.ndarray) -> float:
    """The two-proportion z statistic for H0: p_A = p_B.

    converted_a: shape (n_a,), converted_b: shape (n_b,), 0s and 1s.
    Pool both groups to estimate the common rate p̂ under H0, then
    z = (p̂_B − p̂_A) / √(p̂(1 − p̂)(1/n_A + 1/n_B)). Positive when B converts better.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def normal_cdf(z: float) -> float:
    """Φ(z), the standard normal CDF: the area to the left of z.

    Hint: Φ(z) = (1 + erf(z/√2)) / 2, with math.erf.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def p_value(z: float, alternative: str = "two-sided") -> float:
    """The p-value of a z statistic.

    alternative: "two-sided" (both tails), "greater" (right tail) or "less" (left tail).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def difference_interval(
    converted_a: np.ndarray, converted_b: np.ndarray, z_star: float = 1.96
) -> tuple[float, float]:
    """A confidence interval for p_B − p_A, as (lower, upper).

    Unlike the test, the interval does not assume H0: each group keeps its own rate,
    SE = √(p̂_A(1 − p̂_A)/n_A + p̂_B(1 − p̂_B)/n_B), and the interval is
    (p̂_B − p̂_A) ± z_star · SE. z_star = 1.96 gives 95 %.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def welch_t(x_a: np.ndarray, x_b: np.ndarray) -> float:
    """Welch's t statistic for the difference of two means (B minus A).

    x_a: shape (n_a,), x_b: shape (n_b,), n ≥ 2 each.
    t = (x̄_B − x̄_A) / √(s_A²/n_A + s_B²/n_B), with s² the sample variance (n − 1).
    """
    # YOUR CODE HERE
    raise NotImplementedError


def ab_decision(
    converted_a: np.ndarray, converted_b: np.ndarray, alpha: float = 0.05
) -> dict[str, object]:
    """Should we ship version B? A one-sided test of H1: p_B > p_A at level alpha.

    Returns {"z": the pooled z statistic, "p_value": its one-sided ("greater") p-value,
    "ship_b": True exactly when the p-value is below alpha}.
    """
    # YOUR CODE HERE
    raise NotImplementedError


if __name__ == "__main__":
    rows = np.genfromtxt("visits.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
    a, b = rows[rows["group"] == "A"], rows[rows["group"] == "B"]
    print("rates:", conversion_rate(a["converted"]), conversion_rate(b["converted"]))
    print(ab_decision(a["converted"], b["converted"]))
    print("minutes on page, Welch t:", welch_t(a["minutes"], b["minutes"]))
