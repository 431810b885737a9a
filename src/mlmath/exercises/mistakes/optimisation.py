"""Slips of optimisation: the function's value for where it is optimal, a gradient-descent
step without its learning rate or uphill, Newton's step with H for H⁻¹, the mixed
partial derivatives left out or with the wrong sign."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Matrix
from mlmath.exercises.misconception import Mistake
from mlmath.exercises.mistakes.names import (
    ARGUMENT_FOR_VALUE,
    ASCENT,
    HESSIAN_NOT_INVERTED,
    MIXED_PARTIAL_SIGN,
    MIXED_PARTIALS_OMITTED,
    NO_STEP,
    RATE_MISSING,
    RATIO_UPSIDE_DOWN,
    STEP_ONLY,
    VALUE_FOR_ARGUMENT,
    named,
)
from mlmath.exercises.mistakes.slip import Slip
from mlmath.exercises.mistakes.values import (
    floats,
    like,
    shown,
)


@dataclass(frozen=True)
class ValueForArgument(Slip):
    """The answer is where an optimum is reached; ``value`` (the function there) is the slip."""

    value: Any

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        yield Mistake(named(VALUE_FOR_ARGUMENT, value=shown(self.value)), self.value)


@dataclass(frozen=True)
class ArgumentForValue(Slip):
    """The answer is an optimum's value; ``argument`` (where it is reached) is the slip."""

    argument: Any

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        yield Mistake(named(ARGUMENT_FOR_VALUE, argument=shown(self.argument)), self.argument)


@dataclass(frozen=True)
class DescentStep(Slip):
    """The answer is ``point − rate·gradient`` (numbers or vectors): the rate left out,
    the gradient added, the change alone."""

    point: Any
    gradient: Any
    rate: Any

    rank: ClassVar[int] = 1

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        p, g, r = floats(self.point), floats(self.gradient), float(self.rate)
        yield Mistake(named(RATE_MISSING, rate=f"{r:g}"), like(self.point, p - g))
        yield Mistake(ASCENT, like(self.point, p + r * g))
        yield Mistake(STEP_ONLY, like(self.point, -r * g))
        yield Mistake(NO_STEP, like(self.point, p))


@dataclass(frozen=True)
class NewtonStep(Slip):
    """The answer is ``point − H⁻¹·gradient`` (``hessian`` a number for one variable):
    H for H⁻¹, the step added, the ratio upside down (one variable)."""

    point: Any
    gradient: Any
    hessian: Any

    rank: ClassVar[int] = 1

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        p, g = floats(self.point), floats(self.gradient)
        h = np.asarray(floats(self.hessian), dtype=float)
        if h.ndim == 0:
            if h == 0 or g == 0:
                return
            yield Mistake(HESSIAN_NOT_INVERTED, like(self.point, p - g * h))
            yield Mistake(RATIO_UPSIDE_DOWN, like(self.point, p - h / g))
            yield Mistake(ASCENT, like(self.point, p + g / h))
            yield Mistake(STEP_ONLY, like(self.point, -g / h))
            return
        try:
            step = np.linalg.solve(h, g)
        except np.linalg.LinAlgError:
            return
        yield Mistake(HESSIAN_NOT_INVERTED, like(self.point, p - h @ g))
        yield Mistake(ASCENT, like(self.point, p + step))
        yield Mistake(STEP_ONLY, like(self.point, -step))


@dataclass(frozen=True)
class MixedPartials(Slip):
    """The answer is a Hessian: with its off-diagonal entries set to 0, or with the sign of
    one mixed partial flipped in both places it stands (H is symmetric), is the slip."""

    rank: ClassVar[int] = 2

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if not isinstance(answer, Matrix):
            return
        n = answer.shape[0]
        diagonal = Matrix(
            tuple(
                tuple(answer[i, j] if i == j else Fraction(0) for j in range(n)) for i in range(n)
            )
        )
        yield Mistake(MIXED_PARTIALS_OMITTED, diagonal)
        for i, j in itertools.combinations(range(n), 2):
            if answer[i, j] == 0:
                continue
            flipped = Matrix(
                tuple(
                    tuple(-a if {r, c} == {i, j} else a for c, a in enumerate(row))
                    for r, row in enumerate(answer.rows)
                )
            )
            where = f"in row {i + 1}, column {j + 1}"
            yield Mistake(named(MIXED_PARTIAL_SIGN, which=where), flipped)
