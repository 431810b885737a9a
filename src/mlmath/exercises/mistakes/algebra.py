"""Slips of algebra and linear algebra: a sign, the order of a product or of values, a
transpose, a division or a multiplication left out or reversed, an off-by-one boundary,
a different quantity given, the zero vector, the angle's unit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.exercises.misconception import Mistake
from mlmath.exercises.mistakes.names import (
    ANGLE_MODE,
    COLUMNS_FOR_ROWS,
    COLUMNS_NOT_ADDED,
    DIVIDED_NOT_MULTIPLIED,
    ELEMENTWISE,
    EXTRA_DIVISION,
    INVERSE_ORDER,
    MISSING_DIVISION,
    MISSING_FACTOR,
    MULTIPLIED_NOT_DIVIDED,
    OFF_BY_ONE,
    ONE_SIGN,
    ORDER_REVERSED,
    OTHER_QUANTITY,
    PRODUCTS_NOT_ADDED,
    REVERSED,
    SIGN_FLIPPED,
    STOPPED_EARLY,
    TRANSPOSED,
    WRONG_DIVISOR,
    ZERO_VECTOR,
    named,
)
from mlmath.exercises.mistakes.slip import Slip
from mlmath.exercises.mistakes.values import (
    answer_shape,
    divided_by,
    mapped,
    matrix_format,
    negated,
    number_of,
    vector_format,
)


@dataclass(frozen=True)
class SignFlipped(Slip):
    """The answer with the opposite sign."""

    rank: ClassVar[int] = 9

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if fmt.kind not in (Kind.CHOICE, Kind.CHOICES):
            yield Mistake(SIGN_FLIPPED, negated(answer))


@dataclass(frozen=True)
class OneSign(Slip):
    """Every value right but one, whose sign is flipped (a vector's entry, a matrix's entry,
    one unknown of a solution)."""

    rank: ClassVar[int] = 8

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        from mlmath.engine.linalg.solution_set import SolutionSet

        if isinstance(answer, SolutionSet):
            if answer.particular is None or answer.directions:
                return
            values = answer.particular.entries
            for i, name in enumerate(answer.variables):
                if values[i] != 0:
                    flipped = Vector(tuple(-v if j == i else v for j, v in enumerate(values)))
                    which = named(ONE_SIGN, which=name)
                    yield Mistake(which, SolutionSet(answer.variables, flipped, ()))
        elif isinstance(answer, Vector):
            for i, value in enumerate(answer.entries):
                if value != 0:
                    flipped = Vector(tuple(-v if j == i else v for j, v in enumerate(answer)))
                    yield Mistake(named(ONE_SIGN, which=f"entry {i + 1}"), flipped)
        elif isinstance(answer, Matrix):
            rows, columns = answer.shape
            for i in range(rows):
                for j in range(columns):
                    if answer[i, j] != 0:
                        changed = Matrix(
                            tuple(
                                tuple(-a if (r, c) == (i, j) else a for c, a in enumerate(row))
                                for r, row in enumerate(answer.rows)
                            )
                        )
                        where = f"the entry in row {i + 1}, column {j + 1}"
                        yield Mistake(named(ONE_SIGN, which=where), changed)


@dataclass(frozen=True)
class Transposed(Slip):
    """A matrix answer with rows and columns swapped."""

    rank: ClassVar[int] = 6

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if isinstance(answer, Matrix):
            flipped = answer.transpose()
            rows, columns = answer.shape
            shape = None if rows == columns else matrix_format(flipped.shape, fmt)
            yield Mistake(TRANSPOSED, flipped, shape)


@dataclass(frozen=True)
class Product(Slip):
    """The answer is ``left @ right`` (matrices, a matrix and a vector, or two vectors for a
    dot product): the product in the other order, matching entries multiplied, the
    products of a dot product or of a matrix–vector product not added, columns for rows."""

    left: Matrix | Vector
    right: Matrix | Vector
    names: tuple[str, str] = ("A", "B")

    rank: ClassVar[int] = 1

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        a, b = self.left, self.right
        first, second = self.names
        if isinstance(a, Vector) and isinstance(b, Vector) and len(a) == len(b):
            products = Vector(tuple(x * y for x, y in zip(a, b, strict=True)))
            yield Mistake(PRODUCTS_NOT_ADDED, products, vector_format(len(a), fmt))
            return
        if isinstance(a, Matrix) and isinstance(b, Vector) and a.shape[1] == len(b):
            scaled_columns = Matrix(
                tuple(tuple(x * y for x, y in zip(row, b, strict=True)) for row in a.rows)
            )
            yield Mistake(COLUMNS_NOT_ADDED, scaled_columns, matrix_format(a.shape, fmt))
            if a.is_square:
                yield Mistake(COLUMNS_FOR_ROWS, a.transpose().times_vector(b))
            return
        if isinstance(a, Matrix) and isinstance(b, Matrix):
            if b.shape[1] == a.shape[0]:
                reverse = b.times_matrix(a)
                shape = (
                    None
                    if reverse.shape == answer_shape(answer)
                    else matrix_format(reverse.shape, fmt)
                )
                detail = f"You computed {second}{first}; the question asks for {first}{second}."
                yield Mistake(named(ORDER_REVERSED, detail=detail), reverse, shape)
            if a.shape == b.shape:
                entrywise = Matrix(
                    tuple(
                        tuple(x * y for x, y in zip(r, s, strict=True))
                        for r, s in zip(a.rows, b.rows, strict=True)
                    )
                )
                yield Mistake(
                    ELEMENTWISE,
                    entrywise,
                    None if a.shape == answer_shape(answer) else matrix_format(a.shape, fmt),
                )


@dataclass(frozen=True)
class InverseOfProduct(Slip):
    """The answer is (AB)⁻¹ = B⁻¹A⁻¹ (given A⁻¹ and B⁻¹): A⁻¹B⁻¹ is the slip."""

    left_inverse: Matrix
    right_inverse: Matrix

    rank: ClassVar[int] = 1

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        yield Mistake(INVERSE_ORDER, self.left_inverse.times_matrix(self.right_inverse))


@dataclass(frozen=True)
class Reversed(Slip):
    """The answer lists values in an order (a vector's entries, a solution's unknowns):
    the same values in the reverse order is the slip. ``order`` names the right order."""

    order: str = "as the question lists them"

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        from mlmath.engine.linalg.solution_set import SolutionSet

        if isinstance(answer, Vector) and len(answer) >= 2:
            yield Mistake(named(REVERSED, order=self.order), Vector(answer.entries[::-1]))
        elif isinstance(answer, tuple | list) and len(answer) >= 2:
            yield Mistake(named(REVERSED, order=self.order), type(answer)(answer[::-1]))
        elif isinstance(answer, np.ndarray) and answer.ndim == 1 and len(answer) >= 2:
            yield Mistake(named(REVERSED, order=self.order), answer[::-1].copy())
        elif (
            isinstance(answer, SolutionSet)
            and answer.particular is not None
            and not answer.directions
        ):
            flipped = Vector(answer.particular.entries[::-1])
            yield Mistake(
                named(REVERSED, order=self.order),
                SolutionSet(answer.variables, flipped, ()),
            )


@dataclass(frozen=True)
class ZeroVector(Slip):
    """The answer is an eigenvector: the zero vector is the slip."""

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        entries = answer.entries if isinstance(answer, Vector) else None
        if entries is not None:
            zero = Vector(tuple(Fraction(0) for _ in entries))
            yield Mistake(ZERO_VECTOR, zero, precision=replace(fmt, up_to_scale=False))


@dataclass(frozen=True)
class AngleMode(Slip):
    """``value`` is the answer worked with the angle in the other unit; ``degrees``: the
    question's angle is in degrees."""

    value: Any
    degrees: bool = True

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        unit, other = ("degrees", "radians") if self.degrees else ("radians", "degrees")
        yield Mistake(named(ANGLE_MODE, unit=unit, other=other), self.value)


@dataclass(frozen=True)
class OtherQuantity(Slip):
    """A quantity of the question that is not the one asked: ``value`` is ``what`` ("the
    median"), the question asks for ``asked`` ("the mean"); ``how`` says how to get it.
    ``early``: it is a step on the way to the answer (the z-score on the way to a
    probability), not a different quantity."""

    value: Any
    what: str
    asked: str
    how: str = ""
    early: bool = False
    places: int | None = None
    """Decimal places the quantity is usually typed to (a z-score to 2), when not the
    answer's own."""

    rank: ClassVar[int] = 4

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        m = STOPPED_EARLY if self.early else OTHER_QUANTITY
        values = {"what": self.what, "asked": self.asked, "how": self.how or "reread the question."}
        shape = None
        if fmt.kind is not Kind.NUMBER and number_of(self.value) is not None:
            shape = replace(
                fmt,
                kind=Kind.NUMBER,
                shape=None,
                interval=False,
                unordered=False,
                up_to_scale=False,
            )
        precision = None
        if self.places is not None:
            precision = replace(
                shape or fmt, decimals=self.places, absolute_tolerance=0.0, percent_allowed=False
            )
        yield Mistake(named(m, **values), self.value, shape, precision=precision)


@dataclass(frozen=True)
class Division(Slip):
    """The answer is ``numerator / divisor``: the division left out, done twice, a
    multiplication instead, or a division by a wrong number (``wrong``: ``(value, words)``
    pairs, like ``(n - 1, "n − 1 = 11")``). ``what`` names the divisor for the learner
    ("n = 12", "det A = 5")."""

    numerator: Any
    divisor: Fraction | float | int
    what: str
    wrong: tuple[tuple[Fraction | float | int, str], ...] = ()

    rank: ClassVar[int] = 2

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if self.divisor in (0, 1, -1):
            return
        divisor = self.divisor
        yield Mistake(named(MISSING_DIVISION, what=self.what), self.numerator)
        yield Mistake(named(EXTRA_DIVISION, what=self.what), mapped(answer, lambda v: v / divisor))
        yield Mistake(
            named(MULTIPLIED_NOT_DIVIDED, what=self.what),
            mapped(self.numerator, lambda v: v * divisor),
        )
        for value, words in self.wrong:
            if value in (0, divisor):
                continue
            yield Mistake(
                named(WRONG_DIVISOR, what=self.what, wrong=words),
                mapped(self.numerator, divided_by(value)),
            )


@dataclass(frozen=True)
class Multiplication(Slip):
    """The answer is ``base · factor``: the factor left out, or divided by instead."""

    base: Any
    factor: Fraction | float | int
    what: str

    rank: ClassVar[int] = 2

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        if self.factor in (0, 1, -1):
            return
        factor = self.factor
        yield Mistake(named(MISSING_FACTOR, what=self.what), self.base)
        yield Mistake(
            named(DIVIDED_NOT_MULTIPLIED, what=self.what),
            mapped(self.base, lambda v: v / factor),
        )


@dataclass(frozen=True)
class Boundary(Slip):
    """The answer is ``compute(at)`` for a boundary ``at`` (a count, an index): the
    boundary moved by one either way. ``detail`` says which side is included."""

    compute: Callable[[int], Any]
    at: int
    detail: str
    low: int | None = None
    high: int | None = None

    rank: ClassVar[int] = 3

    def mistakes(self, answer: Any, fmt: AnswerFormat) -> Iterator[Mistake]:
        for moved in (self.at - 1, self.at + 1):
            if (self.low is not None and moved < self.low) or (
                self.high is not None and moved > self.high
            ):
                continue
            yield Mistake(named(OFF_BY_ONE, detail=self.detail), self.compute(moved))
