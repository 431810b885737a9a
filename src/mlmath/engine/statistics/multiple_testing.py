"""Many tests at once: the family-wise error rate and the Bonferroni correction.

Each test at level α has chance α of a false positive when its H0 is true. With m
independent tests whose H0s are all true, the chance of at least one false positive — the
family-wise error rate — is 1 − (1 − α)ᵐ, which grows quickly with m (0.64 for 20 tests at
0.05). Bonferroni keeps it at most α by testing each at α/m.

>>> round(familywise_error_rate(0.05, 20).answer, 4)
0.6415
>>> bonferroni_level(0.05, 10).answer
0.005
"""

from __future__ import annotations

from mlmath.engine.probability.notation import formula, given_latex, given_text
from mlmath.engine.significant import equals_latex, equals_text, sig_latex, sig_text
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.distributions import check_alpha


def _check(alpha: float, tests: int) -> None:
    check_alpha(alpha)
    if not 1 <= tests <= 10**6:
        raise NotSolvable("give from 1 to a million tests")


def fwer(alpha: float, tests: int) -> float:
    return 1 - (1 - alpha) ** tests


def familywise_error_rate(
    alpha: float, tests: int, true_nulls: int | None = None
) -> Solution[float]:
    """1 − (1 − α)ᵗ over the t tests whose H0 is true (t = m when every H0 is)."""
    _check(alpha, tests)
    t = tests if true_nulls is None else true_nulls
    if not 0 <= t <= tests:
        raise NotSolvable("the tests with a true H0 are between 0 and all of them")
    none = (1 - alpha) ** t
    answer = 1 - none
    steps = []
    if t != tests:
        steps.append(
            Step(
                f"Only the {t} tests whose H0 is true can give a false positive (the other "
                f"{tests - t} have a real effect to find)"
            )
        )
    steps += [
        Step(
            "One test with a true H0 stays quiet with probability 1 − α",
            formula(
                rf"1 - \alpha = 1 - {given_latex(alpha)} = {given_latex(1 - alpha)}",
                f"1 − α = 1 − {given_text(alpha)} = {given_text(1 - alpha)}",
            ),
        ),
        Step(
            f"All {t} of them stay quiet (independent tests): multiply",
            formula(
                rf"(1 - \alpha)^{{{t}}} = {given_latex(1 - alpha)}^{{{t}}}" + equals_latex(none),
                f"(1 − α)^{t} = {given_text(1 - alpha)}^{t}" + equals_text(none),
            ),
        ),
        Step(
            "At least one false positive is the complement",
            formula(
                rf"\text{{FWER}} = 1 - {sig_latex(none)}" + equals_latex(answer),
                f"FWER = 1 − {sig_text(none)}" + equals_text(answer),
            ),
        ),
    ]
    return Solution(answer, tuple(steps))


def bonferroni_level(alpha: float, tests: int) -> Solution[float]:
    _check(alpha, tests)
    level = alpha / tests
    bound = tests * level
    return Solution(
        level,
        (
            Step(
                "The chance of at least one false positive is at most the sum of the tests' "
                "chances, m·(level per test); make that sum α",
                formula(r"m \cdot \alpha_{\text{test}} = \alpha", "m·α_test = α"),
            ),
            Step(
                "Divide α among the tests",
                formula(
                    rf"\alpha_{{\text{{test}}}} = \frac{{{given_latex(alpha)}}}{{{tests}}}"
                    + equals_latex(level),
                    f"α_test = {given_text(alpha)}/{tests}" + equals_text(level),
                ),
            ),
            Step(
                "Check: the family-wise error rate is now at most α",
                formula(
                    rf"1 - (1 - {sig_latex(level)})^{{{tests}}} \le {tests} \cdot "
                    rf"{sig_latex(level)} = {given_latex(bound)}",
                    f"1 − (1 − {sig_text(level)})^{tests} ≤ {tests}·{sig_text(level)} = "
                    f"{given_text(bound)}",
                ),
            ),
        ),
    )
