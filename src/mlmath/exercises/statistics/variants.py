"""Shared pieces of the statistics skills: topics, answer formats, inputs and random data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.notation import given_percent_text
from mlmath.engine.solution import NotSolvable, Step
from mlmath.engine.statistics.columns import Column, Real, exact
from mlmath.engine.statistics.intervals import data_summary
from mlmath.engine.statistics.sampling import listed
from mlmath.exercises.inputs import InputError
from mlmath.exercises.probability.variants import integer, pick
from mlmath.exercises.skill import Params, Skill

W3_SAMPLING = "Course 3 · Week 3 · Sampling and point estimates"
W3_LIKELIHOOD = "Course 3 · Week 3 · Maximum likelihood estimation"
W3_BAYES = "Course 3 · Week 3 · Bayesian statistics"
W4_INTERVALS = "Course 3 · Week 4 · Confidence intervals"
W4_TESTS = "Course 3 · Week 4 · Hypothesis testing"

ALTERNATIVE_WORDS = {
    "two-sided": "differs from",
    "greater": "is greater than",
    "less": "is less than",
}

__all__ = ["integer", "pick"]


def decimals(places: int, percent: bool = False) -> AnswerFormat:
    """A real number to ``places`` decimal places (the prompt says so)."""
    return AnswerFormat(Kind.NUMBER, decimals=places, percent_allowed=percent)


def interval_format(places: int = 2) -> AnswerFormat:
    """An interval: its two ends, ``(46.08, 53.92)``, ``[46.08, 53.92]``, ``46.08 to 53.92``
    or ``50 ± 3.92``."""
    return AnswerFormat(Kind.VECTOR, decimals=places, shape=(2,), interval=True)


def normal_data(
    rng: np.random.Generator, n: int, mean: float, sd: float, places: int = 0
) -> tuple[float, ...]:
    """n values from N(mean, sd²), rounded to ``places`` decimals."""
    values = rng.normal(mean, sd, size=n)
    return tuple(float(v) for v in np.round(values, places))


def floats(values: Sequence[Any]) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


def shown(values: Sequence[Any]) -> str:
    """Data as the learner gave them (the first and last few of a long sample)."""
    return listed(values)


def confidence_text(confidence: Any) -> str:
    return given_percent_text(confidence)


def exact_summary(params: Params) -> tuple[Real, float, int, tuple[Step, ...]]:
    """x̄ (exact), s and n of one sample given as ``data`` or as ``mean``, ``sd`` and ``n``.

    The steps say how x̄ and s were computed from the data (none for a summary).
    """
    if params.get("data") is not None:
        mean, sd, step = data_summary(params["data"])
        return mean, sd, len(params["data"]), (step,)
    if params.get("mean") is None or params.get("sd") is None or params.get("n") is None:
        raise NotSolvable("give the data, or mean, sd and n")
    return exact(params["mean"]), float(params["sd"]), int(params["n"]), ()


def sample_summary(params: Params) -> tuple[float, float, int, tuple[Step, ...]]:
    """:func:`exact_summary` with x̄ as a float (enough for the wrong answers of mistakes)."""
    mean, sd, n, steps = exact_summary(params)
    return float(mean), sd, n, steps


def zero_one_counts(data: Sequence[Any], why: str) -> tuple[int, int]:
    """How many 1s a sample of 0s and 1s holds, and its size (``why``: the error otherwise)."""
    column = Column.of(data)
    if not set(column.numerators) <= {0, column.denominator}:
        raise NotSolvable(why)
    return column.integer_total // column.denominator, column.n


class StatisticsSkill(Skill):
    """A statistics skill: a learner's own input is checked by solving it."""

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            raise InputError(
                "these inputs do not fit together; `mlmath solve --list` shows what each means"
            ) from None


def apart(expected: float, answers: dict[str, Any], places: int) -> dict[str, Any]:
    """Keep the buggy answers that differ from the answer once both are rounded."""
    return {k: v for k, v in answers.items() if abs(float(v) - expected) >= 1.5 * 10**-places}


SIDES_FIELD_HELP = "two-sided (≠), greater (>) or less (<)"


def p_value_mistakes(statistic: float, alternative: str, df: float | None) -> dict[str, float]:
    """The p-values a wrong number of tails (or the wrong tail) gives for this statistic."""
    from mlmath.engine.statistics.hypothesis_tests import tail_probability

    two = tail_probability(statistic, "two-sided", df)
    if alternative == "two-sided":
        return {"one_sided_for_two": two / 2}
    one = tail_probability(statistic, alternative, df)
    return {"two_sided_for_one": two, "wrong_tail": 1 - one}


def alternative_text(alternative: str, subject: str, value: str) -> str:
    """H1 in words: 'the mean differs from 100'."""
    return f"{subject} {ALTERNATIVE_WORDS[alternative]} {value}"
