"""Slips of probability and statistics: n for n − 1, n for √n, variance for standard
deviation, z for t and the wrong degrees of freedom, one tail for two and the wrong
tail, the statistic for its p-value, 1 − p, one trial's chance for several, a percentage
typed as a plain number."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, ClassVar

from mlmath.answers import AnswerFormat
from mlmath.exercises.misconception import Mistake
from mlmath.exercises.mistakes.names import (
    COMPLEMENT,
    DIVIDED_BY_100,
    N_FOR_N_MINUS_1,
    N_FOR_ROOT_N,
    N_MINUS_1_FOR_N,
    ONE_TAIL_FOR_TWO,
    ONE_TRIAL,
    P_FOR_STATISTIC,
    PERCENT_AS_NUMBER,
    SD_FOR_SE,
    SD_FOR_VARIANCE,
    STATISTIC_FOR_P,
    T_FOR_Z,
    TWO_TAILS_FOR_ONE,
    VARIANCE_FOR_SD,
    WRONG_DF,
    WRONG_TAIL,
    Z_FOR_T,
    named,
)
from mlmath.exercises.mistakes.slip import Slip
from mlmath.exercises.mistakes.values import (
    df_text,
    number_of,
)


@dataclass(frozen=True)
class SampleDivisor(Slip):
    """The answer divides a sum of squared deviations by n − 1 (a sample: ``sample``) or by
    n (a population); ``root`` when the answer is a standard deviation. ``build`` turns the
    variance into the answer when the answer is computed further from it."""

    sum_of_squares: float
    n: int
    sample: bool = True
    root: bool = False
    build: Callable[[float], Any] | None = None

    rank: ClassVar[int] = 2

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if self.n < 2:
            return
        divisor = self.n if self.sample else self.n - 1
        variance = float(self.sum_of_squares) / divisor
        value = math.sqrt(variance) if self.root else variance
        wrong = self.build(value) if self.build is not None else value
        m = N_FOR_N_MINUS_1 if self.sample else N_MINUS_1_FOR_N
        yield Mistake(named(m, n=self.n, n_minus_1=self.n - 1), wrong)


@dataclass(frozen=True)
class StandardError(Slip):
    """The answer is ``build(sd/√n)``: n for √n, and the sd itself for the standard error."""

    sd: float
    n: int
    build: Callable[[float], Any]

    rank: ClassVar[int] = 2

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if self.n < 2:
            return
        root = math.sqrt(self.n)
        values = {"n": self.n, "root": root}
        yield Mistake(named(N_FOR_ROOT_N, **values), self.build(float(self.sd) / self.n))
        yield Mistake(named(SD_FOR_SE, **values), self.build(float(self.sd)))


@dataclass(frozen=True)
class Spread(Slip):
    """The answer is a standard deviation (``sd``) or a variance: the other one is the slip."""

    sd: bool

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        value = number_of(answer)
        if value is None or value < 0:
            return
        if self.sd:
            squared = answer * answer if isinstance(answer, Fraction) else value * value
            yield Mistake(VARIANCE_FOR_SD, squared)
        else:
            yield Mistake(SD_FOR_VARIANCE, math.sqrt(value))


@dataclass(frozen=True)
class Critical(Slip):
    """The answer is ``build(c)`` for the critical value ``c`` of z (``df`` None) or of t
    with ``df`` degrees of freedom, for a two-sided (``sides`` 2) or one-sided interval or
    test at ``level`` (the confidence, like 0.95). ``df_rule`` says where df comes from
    ("n − 1"). ``t_possible``: a z question where t with ``df`` would be the slip."""

    build: Callable[[float], Any]
    level: float
    df: float | None = None
    sides: int = 2
    df_rule: str = "n − 1"
    t_df: float | None = None
    z_reason: str = "σ is known"

    rank: ClassVar[int] = 1

    def _critical(self, df: float | None, sides: int) -> float:
        from mlmath.engine.statistics.distributions import normal_quantile, t_quantile

        upper = 1 - (1 - self.level) / 2 if sides == 2 else self.level
        return normal_quantile(upper) if df is None else t_quantile(df, upper)

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        df, sides = self.df, self.sides
        if df is not None:
            yield Mistake(named(Z_FOR_T, df=df_text(df)), self.build(self._critical(None, sides)))
            for wrong in (df + 1, df - 1):
                if wrong >= 1:
                    values = {"df": df_text(df), "rule": self.df_rule, "wrong": df_text(wrong)}
                    yield Mistake(
                        named(WRONG_DF, **values), self.build(self._critical(wrong, sides))
                    )
        elif self.t_df is not None:
            why = f"{self.z_reason[:1].upper()}{self.z_reason[1:]},"
            yield Mistake(named(T_FOR_Z, why=why), self.build(self._critical(self.t_df, sides)))
        alpha = 1 - self.level
        if sides == 2:
            values = {"level": f"{alpha:g}", "half": f"{alpha / 2:g}"}
            yield Mistake(named(ONE_TAIL_FOR_TWO, **values), self.build(self._critical(df, 1)))
        else:
            yield Mistake(TWO_TAILS_FOR_ONE, self.build(self._critical(df, 2)))


@dataclass(frozen=True)
class PValue(Slip):
    """The answer is the p-value of ``statistic`` (z when ``df`` is None, else t with ``df``)
    for the alternative ``"two-sided"``, ``"greater"`` or ``"less"``: the wrong number of
    tails, the wrong tail, z for t, the wrong df, and the statistic itself."""

    statistic: float
    alternative: str
    df: float | None = None
    df_rule: str = "n − 1"
    t_df: float | None = None
    z_reason: str = "σ is known"

    rank: ClassVar[int] = 1

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        from mlmath.engine.statistics.hypothesis_tests import tail_probability

        s, alternative, df = self.statistic, self.alternative, self.df
        two = tail_probability(s, "two-sided", df)
        if alternative == "two-sided":
            yield Mistake(named(ONE_TAIL_FOR_TWO, level="α", half="α/2"), two / 2)
            yield Mistake(WRONG_TAIL, 1 - two / 2)
        else:
            one = tail_probability(s, alternative, df)
            yield Mistake(TWO_TAILS_FOR_ONE, two)
            yield Mistake(WRONG_TAIL, 1 - one)
        if df is not None:
            yield Mistake(named(Z_FOR_T, df=df_text(df)), tail_probability(s, alternative, None))
            for wrong in (df + 1, df - 1):
                if wrong >= 1:
                    values = {"df": df_text(df), "rule": self.df_rule, "wrong": df_text(wrong)}
                    yield Mistake(
                        named(WRONG_DF, **values), tail_probability(s, alternative, wrong)
                    )
        elif self.t_df is not None:
            why = f"{self.z_reason[:1].upper()}{self.z_reason[1:]},"
            yield Mistake(named(T_FOR_Z, why=why), tail_probability(s, alternative, self.t_df))
        as_statistic = replace(fmt, decimals=2, absolute_tolerance=0.0, percent_allowed=False)
        yield Mistake(named(STATISTIC_FOR_P, statistic=s), s, precision=as_statistic)


@dataclass(frozen=True)
class StatisticAsked(Slip):
    """The answer is a test statistic whose p-value is ``p``: the p-value is the slip."""

    p: float

    rank: ClassVar[int] = 2

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        yield Mistake(P_FOR_STATISTIC, self.p)


@dataclass(frozen=True)
class Complement(Slip):
    """The answer is a probability p: 1 − p is the slip (the other event, the other side)."""

    rank: ClassVar[int] = 5

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if number_of(answer) is not None:
            yield Mistake(COMPLEMENT, 1 - answer)


@dataclass(frozen=True)
class OneTrial(Slip):
    """The answer combines several trials (tosses, draws) that each succeed with probability
    ``p``: ``p`` itself, the chance for one ``trial``, is the slip. ``trials`` says what
    the question is about ("3 rolls"), ``how`` how the trials combine; ``shown`` is ``p``
    as the question writes it ("0.25", "25%")."""

    p: Fraction | float
    trial: str
    trials: str
    how: str
    shown: str = ""

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        p = self.p
        shown = self.shown or (str(p) if isinstance(p, Fraction) else f"{p:.4g}")
        values = {"p": shown, "trial": self.trial, "trials": self.trials, "how": self.how}
        yield Mistake(named(ONE_TRIAL, **values), p)


@dataclass(frozen=True)
class Percent(Slip):
    """The answer is a proportion: typed as a percentage without its sign (×100), or
    divided by 100 once more."""

    rank: ClassVar[int] = 5

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        value = number_of(answer)
        if value is None or value == 0:
            return
        percent = answer * 100
        places = max(0, (fmt.decimals or 4) - 2)
        shown = {
            "percent": f"{float(percent):.{places}f}",
            "fraction": f"{value:.{fmt.decimals or 4}f}",
        }
        hundredfold = replace(
            fmt,
            decimals=max(0, fmt.decimals - 2) if fmt.decimals is not None else None,
            absolute_tolerance=100 * fmt.absolute_tolerance,
            percent_allowed=False,
        )
        yield Mistake(named(PERCENT_AS_NUMBER, **shown), percent, precision=hundredfold)
        yield Mistake(DIVIDED_BY_100, answer / 100)


def probability_slips() -> tuple[Slip, ...]:
    """The slips of any probability answer: the complement, and the percentage typed as a
    plain number (or divided by 100 twice)."""
    return (Complement(), Percent())
