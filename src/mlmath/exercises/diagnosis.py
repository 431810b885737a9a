"""Which known mistake explains a wrong answer? Worked out once per variant.

A :class:`Diagnosis` holds a variant's answer and every wrong answer a known mistake
produces for it — the skill's own buggy rules first, then the shared slips it
declares (:mod:`mlmath.exercises.mistakes`), then the slips of the answer's shape
(one entry typed for a whole vector, an interval's centre alone). Wrong answers equal
to the answer are dropped when the diagnosis is built, so no mistake is ever named
for a right answer; of two mistakes giving the same wrong answer, the first (the more
specific) is named.

A response is then matched against the list: a number, vector or matrix by plain
comparison; an expression by its values at a few fixed points first (a fingerprint
computed once per candidate), and only a candidate with the same fingerprint by the
full comparison. A response that cannot be read in the answer's shape is read in
the shape of each mistake that has another one, so that the elementwise products
typed for a dot product are named, not refused.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from mlmath.answers import AnswerError, AnswerFormat, Kind, Verdict, compare, parse
from mlmath.answers.compare import as_expression
from mlmath.answers.evaluate import Undefined, float_value
from mlmath.answers.numeric import as_number, entries_of
from mlmath.exercises.misconception import Misconception, Mistake
from mlmath.exercises.mistakes.names import (
    ENTRIES_ADDED,
    INTERVAL_CENTRE,
    INTERVAL_MARGIN,
    ONE_ENTRY,
)

_ORDINALS = ("the first entry", "the second entry", "the third entry", "the fourth entry")

_PROBES = (-1.37, -0.41, 0.29, 0.83, 1.61, 2.47, 3.19)
"""Fixed points at which candidate expressions are fingerprinted (one variable each)."""


def _fingerprint(value: Any, variables: tuple[str, ...]) -> tuple[float | None, ...] | None:
    """The values of an expression at fixed points (None where undefined), or None when it
    is not an expression we can evaluate."""
    try:
        formula = as_expression(value, variables)
    except AnswerError:
        return None
    if formula is None or formula.is_equation:
        return None
    names = sorted(set(variables) | formula.root.symbols())
    values: list[float | None] = []
    for index, probe in enumerate(_PROBES):
        point = {name: probe + 0.53 * k * ((index % 3) - 1) for k, name in enumerate(names)}
        try:
            values.append(float_value(formula.root, point))
        except (Undefined, AnswerError, ArithmeticError):
            values.append(None)
    return tuple(values)


def _may_equal(first: tuple[float | None, ...], second: tuple[float | None, ...]) -> bool:
    """Whether two fingerprints could belong to one function (they agree wherever both are
    defined, and are defined together somewhere)."""
    agreeing = 0
    for a, b in zip(first, second, strict=True):
        if a is None or b is None:
            continue
        if not math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9):
            return False
        agreeing += 1
    return agreeing > 0 or all(v is None for v in first + second)


def _surely_different(
    first: tuple[float | None, ...] | None, second: tuple[float | None, ...] | None
) -> bool:
    """Whether two fingerprints show different functions: far apart at a point where both
    are defined (far beyond rounding; a wrong answer that is right is never let through)."""
    if first is None or second is None:
        return False
    for a, b in zip(first, second, strict=True):
        if a is not None and b is not None and not math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-6):
            return True
    return False


@dataclass(frozen=True)
class Diagnosis:
    """A variant's answer, its format, and the wrong answers of known mistakes."""

    expected: Any
    fmt: AnswerFormat
    mistakes: tuple[Mistake, ...]
    fingerprints: tuple[tuple[float | None, ...] | None, ...] = field(default=(), compare=False)

    @classmethod
    def build(cls, expected: Any, fmt: AnswerFormat, candidates: Iterable[Mistake]) -> Diagnosis:
        """Keep the candidates that differ from the answer (in the answer's own shape, or in
        another); add the slips of the answer's shape."""
        expressions = fmt.kind is Kind.EXPRESSION
        expected_print = _fingerprint(expected, fmt.variables) if expressions else None
        kept: list[Mistake] = []
        prints: list[tuple[float | None, ...] | None] = []
        for mistake in (*candidates, *_shape_mistakes(expected, fmt)):
            if mistake.answer is None:
                continue
            candidate_print = None
            if mistake.shape is None:
                if expressions:
                    candidate_print = _fingerprint(mistake.answer, fmt.variables)
                if not _surely_different(expected_print, candidate_print):
                    try:
                        if compare(expected, mistake.answer, fmt) is not Verdict.DIFFERENT:
                            continue
                    except (ArithmeticError, ValueError, TypeError):
                        continue
                if not mistake.declared and _too_close(expected, mistake.answer, fmt):
                    continue
            kept.append(mistake)
            prints.append(candidate_print)
        return cls(expected, fmt, tuple(kept), tuple(prints) if expressions else ())

    def named(self, given: Any) -> Mistake | None:
        """The first mistake whose wrong answer equals ``given`` (read in the answer's format)."""
        given_print = (
            _fingerprint(given, self.fmt.variables) if self.fmt.kind is Kind.EXPRESSION else None
        )
        for index, mistake in enumerate(self.mistakes):
            if given_print is not None and self.fingerprints[index] is not None:
                candidate = self.fingerprints[index]
                assert candidate is not None
                if not _may_equal(candidate, given_print):
                    continue
            try:  # a mistake of another shape can match where the format fixes no shape
                fmt = mistake.precision or mistake.shape or self.fmt
                verdict = compare(mistake.answer, given, fmt)
            except (ArithmeticError, ValueError, TypeError):
                continue
            if verdict in (Verdict.EQUAL, Verdict.INCOMPLETE):
                return mistake  # INCOMPLETE: "infinitely many" for a mistaken infinite set
        return None

    def in_another_shape(self, response: str) -> Mistake | None:
        """The first mistake of another shape that ``response``, read in that shape, equals."""
        read: dict[AnswerFormat, Any] = {}
        for mistake in self.mistakes:
            shape = mistake.shape
            if shape is None:
                continue
            if shape not in read:
                try:
                    read[shape] = parse(response, shape)
                except AnswerError:
                    read[shape] = None
            given = read[shape]
            if given is not None and compare(mistake.answer, given, shape) is Verdict.EQUAL:
                return mistake
        return None


SEPARATION = 3
"""A wrong answer is named only when it lies at least this many allowances (the precision
asked for) from the answer: nearer, a right answer rounded a little too far would be
taken for a mistake."""


def _too_close(expected: Any, wrong: Any, fmt: AnswerFormat) -> bool:
    """Whether ``wrong`` is within SEPARATION allowances of ``expected`` in every entry."""
    if fmt.kind not in (Kind.NUMBER, Kind.VECTOR, Kind.MATRIX):
        return False
    widened = replace(
        fmt,
        absolute_tolerance=SEPARATION * _allowance(fmt),
        relative_tolerance=SEPARATION * fmt.relative_tolerance,
        decimals=None,
    )
    if widened.absolute_tolerance == 0 and widened.relative_tolerance == 0:
        return False
    try:
        return compare(expected, wrong, widened) is Verdict.EQUAL
    except (ArithmeticError, ValueError, TypeError):
        return False


def _allowance(fmt: AnswerFormat) -> float:
    places = 0.5 * 10**-fmt.decimals if fmt.decimals is not None and fmt.decimals >= 0 else 0
    return places + fmt.absolute_tolerance


def _number_format(fmt: AnswerFormat) -> AnswerFormat:
    return replace(
        fmt, kind=Kind.NUMBER, shape=None, interval=False, unordered=False, up_to_scale=False
    )


def _shape_mistakes(expected: Any, fmt: AnswerFormat) -> Iterable[Mistake]:
    """One number typed where a vector (or an interval) is asked: one entry, the sum of the
    entries, an interval's centre or margin alone."""
    if fmt.kind is not Kind.VECTOR:
        return
    entries = entries_of(expected)
    if entries is None or len(entries) < 2 or any(as_number(e) is None for e in entries):
        return
    number = _number_format(fmt)
    if fmt.interval:
        low, high = sorted(entries)
        yield Mistake(INTERVAL_CENTRE, (low + high) / 2, number)
        yield Mistake(INTERVAL_MARGIN, (high - low) / 2, number)
        return
    if fmt.up_to_scale:
        return
    count = len(entries)
    for index, entry in enumerate(entries):
        if fmt.unordered:
            which = "one of the values"
        else:
            which = _ORDINALS[index] if index < len(_ORDINALS) else f"entry {index + 1}"
        m = ONE_ENTRY
        named = Misconception(
            m.id, m.name, m.explanation.format(which=which, count=count), m.topic, m.hint
        )
        yield Mistake(named, entry, number)
    total = sum(entries)
    m = ENTRIES_ADDED
    yield Mistake(
        Misconception(m.id, m.name, m.explanation.format(count=count), m.topic, m.hint),
        total,
        number,
    )
