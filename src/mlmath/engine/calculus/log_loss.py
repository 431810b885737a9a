"""The log loss of a probability p on coin tosses (or labels), and its derivative.

With k successes in n trials the model that says "success with probability p" has
likelihood pᵏ(1 − p)ⁿ⁻ᵏ; the log loss is minus its natural logarithm,

    L(p) = −k·ln p − (n − k)·ln(1 − p)   (≥ 0: smaller is better),

and its slope, by the chain rule on ln(1 − p),

    L′(p) = −k/p + (n − k)/(1 − p),

which is 0 at p = k/n. One labelled example is the case n = 1: L = −ln ŷ for y = 1 and
−ln(1 − ŷ) for y = 0.

>>> round(log_loss_value(7, 10, Fraction(1, 2)).answer, 4)
6.9315
>>> log_loss_slope(7, 10, Fraction(1, 2)).answer
Fraction(-8, 1)
"""

from __future__ import annotations

import math
from fractions import Fraction

from mlmath.engine.render import number_latex, number_text
from mlmath.engine.significant import equals_latex, equals_text, sig_latex, sig_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step


def check(successes: int, trials: int, p: Fraction) -> None:
    if trials < 1 or not 0 <= successes <= trials:
        raise NotSolvable("the successes k must be between 0 and the number of trials n (n ≥ 1)")
    if not 0 < p < 1:
        raise NotSolvable("the probability p must be strictly between 0 and 1 (ln 0 is −∞)")


def value(successes: int, trials: int, p: float) -> float:
    k, n = successes, trials
    return -(k * math.log(p) if k else 0.0) - ((n - k) * math.log1p(-p) if n - k else 0.0)


def slope(successes: int, trials: int, p: Fraction) -> Fraction:
    return -successes / p + (trials - successes) / (1 - p)


def _definition(k: int, n: int) -> Step:
    return Step(
        "The log loss is minus the log of the likelihood pᵏ(1 − p)ⁿ⁻ᵏ (ln is the natural log)",
        Formula(
            rf"L(p) = -k \ln p - (n - k)\ln(1 - p), \quad k = {k},\ n = {n}",
            f"L(p) = −k·ln p − (n − k)·ln(1 − p), k = {k}, n = {n}",
        ),
    )


def log_loss_value(successes: int, trials: int, p: Fraction) -> Solution[float]:
    """L(p) = −k ln p − (n − k) ln(1 − p)."""
    check(successes, trials, p)
    k, n = successes, trials
    pl, pt = number_latex(p), number_text(p)
    ql, qt = number_latex(1 - p), number_text(1 - p)
    ln_p, ln_q = math.log(p), math.log1p(-float(p))
    result = value(k, n, float(p))
    return Solution(
        result,
        (
            _definition(k, n),
            Step(
                "Put in p",
                Formula(
                    rf"L({pl}) = -{k}\ln {pl} - {n - k}\ln\left(1 - {pl}\right)",
                    f"L({pt}) = −{k}·ln({pt}) − {n - k}·ln(1 − {pt})",
                ),
            ),
            Step(
                "The logarithms (both negative, since p and 1 − p are below 1)",
                Formula(
                    rf"\ln {pl} \approx {sig_latex(ln_p)}, \quad \ln {ql} \approx "
                    rf"{sig_latex(ln_q)}",
                    f"ln({pt}) ≈ {sig_text(ln_p)}, ln({qt}) ≈ {sig_text(ln_q)}",
                ),
            ),
            Step(
                "Multiply and add: the minus signs make the loss positive",
                Formula(
                    rf"L = -{k}\left({sig_latex(ln_p)}\right) "
                    rf"- {n - k}\left({sig_latex(ln_q)}\right)" + equals_latex(result),
                    f"L = −{k}·({sig_text(ln_p)}) − {n - k}·({sig_text(ln_q)})"
                    + equals_text(result),
                ),
            ),
        ),
    )


def log_loss_slope(successes: int, trials: int, p: Fraction) -> Solution[Fraction]:
    """L′(p) = −k/p + (n − k)/(1 − p), exactly."""
    check(successes, trials, p)
    k, n = successes, trials
    pl, pt = number_latex(p), number_text(p)
    ql, qt = number_latex(1 - p), number_text(1 - p)
    first, second = -k / p, (n - k) / (1 - p)
    result = first + second
    return Solution(
        result,
        (
            _definition(k, n),
            Step(
                "Differentiate term by term: d/dp ln p = 1/p, and by the chain rule "
                "d/dp ln(1 − p) = −1/(1 − p)",
                Formula(
                    r"L'(p) = -\frac{k}{p} + \frac{n - k}{1 - p}",
                    "L′(p) = −k/p + (n − k)/(1 − p)",
                ),
            ),
            Step(
                "Put in p",
                Formula(
                    rf"L'({pl}) = -\frac{{{k}}}{{{pl}}} + \frac{{{n - k}}}{{{ql}}} = "
                    rf"{number_latex(first)} + {number_latex(second)}" + equals_latex(result),
                    f"L′({pt}) = −{k}/({pt}) + {n - k}/({qt}) = {number_text(first)} + "
                    f"{number_text(second)}" + equals_text(result),
                ),
            ),
            Step(
                "The sign says which way to move p: negative, so the loss falls as p grows"
                if result < 0
                else (
                    "The sign says which way to move p: positive, so the loss falls as p shrinks"
                    if result > 0
                    else "The slope is 0: p = k/n is where the log loss is smallest"
                ),
                Formula(
                    rf"\frac{{k}}{{n}} = {number_latex(Fraction(k, n))}",
                    f"k/n = {number_text(Fraction(k, n))}",
                ),
            ),
        ),
    )
