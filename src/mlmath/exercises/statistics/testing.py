"""Shared pieces of the hypothesis-test skills: the question, its inputs and its mistakes.

Each test skill (z, t, proportion, two-sample, A/B) asks either for the test
statistic (2 decimals) or for the p-value (4 decimals, a percentage accepted),
and shares the mistakes of counting the wrong tails.

>>> question("statistic")
'What is the test statistic? Give it to 2 decimal places.'
>>> toward_alternative(-1.5, "greater"), toward_alternative(1.5, "less")
(1.5, -1.5)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mlmath.answers import AnswerFormat
from mlmath.engine.statistics.hypothesis_tests import ALTERNATIVES, tail_probability
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import (
    Complement,
    Percent,
    PValue,
    SignFlipped,
    Slip,
    StandardError,
    StatisticAsked,
)
from mlmath.exercises.skill import Misconception, Params
from mlmath.exercises.statistics.variants import (
    SIDES_FIELD_HELP,
    W4_TESTS,
    StatisticsSkill,
    apart,
    decimals,
    p_value_mistakes,
)

MEANS_AND_PROPORTIONS = f"{W4_TESTS} · Test for proportion and means"

ALTERNATIVE_FIELD = Field(
    "alternative", "choice", SIDES_FIELD_HELP, False, "two-sided", choices=ALTERNATIVES
)
GROUPS_ALTERNATIVE_FIELD = Field(
    "alternative",
    "choice",
    "B two-sided (≠), greater (>) or less (<) than A",
    False,
    "two-sided",
    choices=ALTERNATIVES,
)
ASKED_FIELD = Field(
    "asked",
    "choice",
    "the statistic or the p_value",
    False,
    "p_value",
    choices=("statistic", "p_value"),
)

ONE_SIDED_MISTAKES = (
    Misconception(
        "one_sided_for_two",
        "You gave a one-sided p-value for a two-sided question",
        "'Differs from' counts results as far out on EITHER side: double the tail area.",
        MEANS_AND_PROPORTIONS,
    ),
    Misconception(
        "two_sided_for_one",
        "You gave a two-sided p-value for a one-sided question",
        "The alternative names one direction: only that tail counts, so do not double it.",
        MEANS_AND_PROPORTIONS,
    ),
    Misconception(
        "wrong_tail",
        "You took the tail on the wrong side",
        "For 'greater' the p-value is the area to the RIGHT of the statistic; for 'less' "
        "the area to the left.",
        MEANS_AND_PROPORTIONS,
    ),
)


def question(asked: str) -> str:
    """The last sentence of a test's prompt: what to give, and to how many places."""
    if asked == "statistic":
        return "What is the test statistic? Give it to 2 decimal places."
    return "What is the p-value? Give it to 4 decimal places."


def toward_alternative(shift: float, alternative: str) -> float:
    """The generated effect, turned the way a one-sided alternative points."""
    if alternative == "greater":
        return abs(shift)
    if alternative == "less":
        return -abs(shift)
    return shift


def z_test_mistakes(
    params: Params, z: float, wrong: Mapping[str, float], p_value: float
) -> dict[str, Any]:
    """The buggy answers of a z-test, from the statistic each misconception computes.

    Asked for the statistic, they are the ``wrong`` statistics; asked for the
    p-value, their normal tail areas, and the correct statistic's tail areas on
    the wrong number of sides.
    """
    if params.get("asked") == "statistic":
        return apart(z, dict(wrong), 2)
    alternative = params.get("alternative") or "two-sided"
    answers: dict[str, Any] = {
        name: tail_probability(value, alternative, None) for name, value in wrong.items()
    }
    answers.update(p_value_mistakes(z, alternative, None))
    return apart(p_value, answers, 4)


def hypothesis_slips(
    params: Params,
    statistic: float,
    df: float | None = None,
    *,
    df_rule: str = "n − 1",
    t_df: float | None = None,
    z_reason: str = "σ is known",
    mean_test: tuple[float, float, int] | None = None,
) -> tuple[Slip, ...]:
    """The shared slips of a test asked for its p-value (tails, z and t, df, the statistic
    itself, 1 − p, the percentage) or for its statistic (its p-value). ``mean_test``:
    ``(x̄ − μ₀, sd, n)`` of a test of one mean, whose standard error sd/√n a learner may get
    wrong (n for √n, sd for sd/√n)."""
    alternative = params.get("alternative") or "two-sided"
    if params.get("asked") == "statistic":
        p_value = tail_probability(statistic, alternative, df)
        slips: list[Slip] = [StatisticAsked(p_value), SignFlipped()]
        if mean_test is not None:
            gap, sd, n = mean_test
            slips.append(StandardError(sd, n, lambda se: gap / se))
        return tuple(slips)
    slips = [PValue(statistic, alternative, df, df_rule, t_df, z_reason), Complement(), Percent()]
    if mean_test is not None:
        gap, sd, n = mean_test
        slips.append(StandardError(sd, n, lambda se: tail_probability(gap / se, alternative, df)))
    return tuple(slips)


class HypothesisTestSkill(StatisticsSkill):
    """A test skill, asked for its statistic or its p-value."""

    def answer_format(self, params: Params) -> AnswerFormat:
        if params.get("asked") == "statistic":
            return decimals(2)
        return decimals(4, percent=True)
