"""Critical values, and the decision they give: reject H0 or do not.

At significance level α the rejection region holds probability α under H0, in the tail the
alternative points to: both tails (α/2 each) for ≠, the right tail for >, the left for <.
The critical value is where that region starts — z from the standard normal when σ is
known, t with df degrees of freedom when σ is estimated. Reject H0 exactly when the test
statistic falls in the region.

>>> round(critical_value(0.05, "two-sided", None).answer, 3)
1.96
>>> round(critical_value(0.05, "less", 9).answer, 3)
-1.833
>>> decision(2.1, 0.05, "two-sided", None).answer
'reject'
"""

from __future__ import annotations

from mlmath.engine.probability.notation import formula, given_latex, given_text
from mlmath.engine.significant import sig_latex, sig_text
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import check_alpha, normal_quantile, t_quantile

ALTERNATIVES = ("two-sided", "greater", "less")
DECISIONS = ("reject", "do not reject")


def critical_number(alpha: float, alternative: str, df: float | None) -> float:
    """The edge of the rejection region (the positive edge when two-sided)."""
    check_alpha(alpha)
    if alternative not in ALTERNATIVES:
        raise NotSolvable("alternative must be two-sided, greater or less")
    if df is not None and df <= 0:
        raise NotSolvable("the degrees of freedom must be positive")
    upper = 1 - alpha / 2 if alternative == "two-sided" else 1 - alpha
    value = normal_quantile(upper) if df is None else t_quantile(df, upper)
    return -value if alternative == "less" else value


def _name(df: float | None) -> tuple[str, str]:
    if df is None:
        return "z^*", "z*"
    shown = given_text(df)
    return f"t^*_{{{shown}}}", f"t*({shown})"


def critical_value(alpha: float, alternative: str, df: float | None) -> Solution[float]:
    value = critical_number(alpha, alternative, df)
    name_l, name_t = _name(df)
    which = (
        "the standard normal (σ known)"
        if df is None
        else f"Student's t with {given_text(df)} degrees of freedom (σ estimated by s)"
    )
    if alternative == "two-sided":
        region = (
            f"Two-sided: split α = {given_text(alpha)} into {given_text(alpha / 2)} in each tail"
        )
        area, where = 1 - alpha / 2, "to its left"
    elif alternative == "greater":
        region = f"Greater: the whole α = {given_text(alpha)} in the right tail"
        area, where = 1 - alpha, "to its left"
    else:
        region = f"Less: the whole α = {given_text(alpha)} in the left tail"
        area, where = alpha, "to its left"
    dist_l = r"\Phi^{-1}" if df is None else rf"F_{{t,{given_latex(df)}}}^{{-1}}"
    dist_t = "Φ⁻¹" if df is None else f"F⁻¹_t({given_text(df)})"
    rule = (
        "reject H0 when |statistic| ≥ the critical value"
        if alternative == "two-sided"
        else (
            "reject H0 when the statistic ≥ the critical value"
            if alternative == "greater"
            else "reject H0 when the statistic ≤ the critical value"
        )
    )
    return Solution(
        value,
        (
            Step(f"The statistic follows {which} if H0 is true"),
            Step(region),
            Step(
                f"The critical value has area {given_text(area)} {where}",
                formula(
                    rf"{name_l} = {dist_l}({given_latex(area)}) \approx {sig_latex(value)}",
                    f"{name_t} = {dist_t}({given_text(area)}) ≈ {sig_text(value)}",
                ),
            ),
            Step(f"So {rule}"),
        ),
    )


def rejects(statistic: float, critical: float, alternative: str) -> bool:
    if alternative == "two-sided":
        return abs(statistic) >= abs(critical)
    if alternative == "greater":
        return statistic >= critical
    return statistic <= critical


def decision(statistic: float, alpha: float, alternative: str, df: float | None) -> Solution[str]:
    """'reject' when the statistic lies in the rejection region, else 'do not reject'."""
    found = critical_value(alpha, alternative, df)
    c = found.answer
    reject = rejects(statistic, c, alternative)
    s_t, c_t = sig_text(statistic), sig_text(c)
    at_least, at_most = r"\ge", r"\le"
    if alternative == "two-sided":
        compare_t = (
            f"|{s_t}| = {sig_text(abs(statistic))} {'≥' if reject else '<'} {sig_text(abs(c))}"
        )
        relation = at_least if reject else "<"
        compare_l = (
            rf"|{sig_latex(statistic)}| = {sig_latex(abs(statistic))} {relation} "
            rf"{sig_latex(abs(c))}"
        )
    elif alternative == "greater":
        compare_t = f"{s_t} {'≥' if reject else '<'} {c_t}"
        compare_l = rf"{sig_latex(statistic)} {at_least if reject else '<'} {sig_latex(c)}"
    else:
        compare_t = f"{s_t} {'≤' if reject else '>'} {c_t}"
        compare_l = rf"{sig_latex(statistic)} {at_most if reject else '>'} {sig_latex(c)}"
    verdict = "reject" if reject else "do not reject"
    return Solution(
        verdict,
        (
            Step("Find the critical value", found.steps[2].math, found.steps),
            Step(
                "Compare the statistic with it: "
                + (
                    "it falls in the rejection region, so reject H0"
                    if reject
                    else "it does not reach the rejection region, so do not reject H0 (this is "
                    "not proof that H0 is true)"
                ),
                formula(compare_l, compare_t),
            ),
        ),
    )
