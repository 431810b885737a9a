"""Shared pieces of the probability skills: topics, answer formats and random numbers."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, TypeVar

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution

W1_PROBABILITY = "Course 3 · Week 1 · Introduction to probability"
W1_RANDOM_VARIABLES = "Course 3 · Week 1 · Random variables"
W2_DESCRIBING = "Course 3 · Week 2 · Describing distributions"
W2_RANDOM_VECTORS = "Course 3 · Week 2 · Random vectors"

YES_NO = (Choice("yes", "yes"), Choice("no", "no"))
NAMES = (
    "Ana",
    "Ben",
    "Chen",
    "Dara",
    "Eli",
    "Fatima",
    "Goran",
    "Hana",
    "Ivo",
    "Jun",
    "Kofi",
    "Lena",
    "Mia",
    "Nils",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
)

T = TypeVar("T")


def probability_format() -> AnswerFormat:
    """A probability: exact, to 4 decimal places, or as a percentage."""
    return AnswerFormat(Kind.NUMBER, decimals=4, percent_allowed=True)


def exact_format() -> AnswerFormat:
    return AnswerFormat(Kind.NUMBER)


def decimal_format(decimals: int = 3) -> AnswerFormat:
    return AnswerFormat(Kind.NUMBER, decimals=decimals)


def pick(rng: np.random.Generator, options: Sequence[T]) -> T:
    return options[int(rng.integers(len(options)))]


def integer(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from low to high, both included."""
    return int(rng.integers(low, high + 1))


def grid_probability(rng: np.random.Generator, low: int, high: int, steps: int = 100) -> Fraction:
    """A probability k/steps with k from low to high (e.g. 0.01 to 0.99)."""
    return Fraction(integer(rng, low, high), steps)


def is_clean(value: Any, level: int) -> bool:
    """Level-1 exact answers keep small denominators."""
    return level > 1 or not isinstance(value, Fraction) or value.denominator <= 12


def data_vector(rng: np.random.Generator, n: int, low: int, high: int) -> Vector:
    return Vector(tuple(Fraction(integer(rng, low, high)) for _ in range(n)))


def percent_text(p: Fraction) -> str:
    """A probability as a percentage: ``3/4`` → ``75%``, ``1/200`` → ``0.5%``."""
    value = p * 100
    return f"{float(value):g}%"


def probability_text(p: Fraction) -> str:
    """A probability as given in a problem: ``1/6`` stays a fraction, ``37/1000`` is ``0.037``."""
    if p.denominator > 12 and 10**6 % p.denominator == 0:
        return f"{float(p):g}"
    return str(p)


def random_pmf(rng: np.random.Generator, size: int, denominator: int) -> tuple[Fraction, ...]:
    """``size`` positive probabilities with the given denominator that add up to 1."""
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, denominator), size - 1, replace=False))
    bounds = [0, *cuts, denominator]
    return tuple(Fraction(b - a, denominator) for a, b in itertools.pairwise(bounds))


def random_values(rng: np.random.Generator, size: int, low: int, high: int) -> tuple[int, ...]:
    """``size`` different sorted whole numbers from low to high."""
    chosen = rng.choice(np.arange(low, high + 1), size, replace=False)
    return tuple(sorted(int(v) for v in chosen))


def joint_values(rng: np.random.Generator, size: int, level: int) -> tuple[Fraction, ...]:
    if level == 1:
        return tuple(Fraction(v) for v in range(size))
    return tuple(Fraction(v) for v in random_values(rng, size, 0, 4 * level))


def random_joint(
    rng: np.random.Generator, rows: int, columns: int, denominator: int
) -> tuple[tuple[Fraction, ...], ...]:
    """A joint table of positive probabilities with the given denominator."""
    flat = random_pmf(rng, rows * columns, denominator)
    return tuple(tuple(flat[i * columns : (i + 1) * columns]) for i in range(rows))


def independent_joint(
    rng: np.random.Generator, rows: int, columns: int, level: int
) -> tuple[tuple[Fraction, ...], ...]:
    """A joint table that factorises: the outer product of two marginals."""
    px = random_pmf(rng, rows, {1: 4, 2: 5, 3: 10}[level])
    py = random_pmf(rng, columns, {1: 3, 2: 4, 3: 10}[level])
    return tuple(tuple(a * b for b in py) for a in px)


def as_reported(value: Any) -> Any:
    """An exact answer too long to type (denominator over a million) becomes a decimal."""
    if isinstance(value, Fraction) and value.denominator > 10**6:
        return float(value)
    return value


def reported(solution: Solution[Any]) -> Solution[Any]:
    return Solution(as_reported(solution.answer), solution.steps)


def reported_all(answers: Mapping[str, Any]) -> dict[str, Any]:
    return {k: as_reported(v) for k, v in answers.items()}
