"""Read a learner's typed answer according to its :class:`AnswerFormat`.

What each kind returns:

- NUMBER: a ``Fraction`` when the value is rational (``3/4``, ``0.25``, ``50%``,
  ``2.5e-3``), else a ``float`` (``sqrt(2)/2``, ``2π``, ``ln(3)``);
- VECTOR / MATRIX: :class:`~mlmath.engine.exact.Vector` / ``Matrix`` when every
  entry is rational, else a NumPy float array (1-D / 2-D);
- SOLUTION_SET: a :class:`~mlmath.engine.linalg.solution_set.SolutionSet`, or
  :class:`~mlmath.answers.solutions.InfinitelyMany` for "infinitely many";
- EXPRESSION: an :class:`~mlmath.answers.expression.Expression` (or equation);
- CHOICE: the option id (``str``); CHOICES: a ``frozenset`` of option ids.

>>> from mlmath.answers.format import AnswerFormat, Kind
>>> parse("2.5×10⁻³", AnswerFormat(Kind.NUMBER))
Fraction(1, 400)
>>> parse("[1 2; 3 4]", AnswerFormat(Kind.MATRIX, shape=(2, 2))).shape
(2, 2)
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers.choice import read_choice, read_choices
from mlmath.answers.errors import AnswerError
from mlmath.answers.evaluate import exact_value
from mlmath.answers.expression import Expression
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.answers.grid import Entry, read_grid
from mlmath.answers.normalize import Normalized, normalize
from mlmath.answers.reader import Names, read_formula
from mlmath.answers.solutions import read_solution_set

_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")
_TRANSPOSED = re.compile(r"(\^\s*[Tt]|')\s*$")
_LABEL = re.compile(
    r"^\s*(?:[A-Za-z]\w*'*\s*(?:\(\s*[\w\s,]*\))?|d[A-Za-z]?\w*\s*/\s*d[A-Za-z]\w*)\s*=(?!.*=)"
)


def parse(text: str, fmt: AnswerFormat) -> Any:
    """Read ``text`` as an answer of kind ``fmt.kind``; raise AnswerError otherwise."""
    if not isinstance(text, str):
        raise AnswerError("Type the answer as text.")
    kind = fmt.kind
    if kind is Kind.CHOICE:
        return read_choice(text, fmt)
    if kind is Kind.CHOICES:
        return read_choices(text, fmt)
    normalized = normalize(text)
    if "%" in normalized.text and not (kind is Kind.NUMBER and fmt.percent_allowed):
        raise AnswerError(
            "Percent signs are not accepted here; type 50% as 0.5 or 1/2.",
            normalized.position(normalized.text.index("%")),
        )
    if kind is Kind.NUMBER:
        return _number(normalized)
    if kind is Kind.VECTOR:
        return _vector(normalized, fmt)
    if kind is Kind.MATRIX:
        return _matrix(normalized, fmt)
    if kind is Kind.SOLUTION_SET:
        return read_solution_set(text, fmt.variables)
    return _expression(normalized, fmt)


def _number(normalized: Normalized) -> Fraction | float:
    if _DECIMAL_COMMA.match(normalized.text):
        raise AnswerError(
            "Use a point for decimals (0.5, not 0,5), or separate values differently.",
            normalized.position(normalized.text.index(",")),
        )
    return exact_value(read_formula(normalized, Names((), context="a number")))


def _grid(normalized: Normalized) -> tuple[list[list[Entry]], bool]:
    match = _TRANSPOSED.search(normalized.text)
    if match:
        return read_grid(normalized.slice(0, match.start())), True
    return read_grid(normalized), False


def _vector(normalized: Normalized, fmt: AnswerFormat) -> Any:
    rows, _ = _grid(normalized)
    if len(rows) == 1:
        entries = rows[0]
    elif all(len(row) == 1 for row in rows):
        entries = [row[0] for row in rows]
    else:
        raise AnswerError(
            f"A vector is one row or one column of numbers; this has {len(rows)} rows "
            "with several entries. Type it as (1, 2, 3)."
        )
    if fmt.shape is not None and fmt.shape[0] != len(entries):
        raise AnswerError(
            f"Expected a vector with {fmt.shape[0]} entries, got {len(entries)}; "
            "type it as (1, 2, 3)."
        )
    if all(isinstance(v, Fraction) for v in entries):
        from mlmath.engine.exact import Vector

        return Vector(tuple(v for v in entries if isinstance(v, Fraction)))
    return np.array([float(v) for v in entries])


def _matrix(normalized: Normalized, fmt: AnswerFormat) -> Any:
    rows, transposed = _grid(normalized)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            raise AnswerError(
                f"Row {number} has {_entries(len(row))}, row 1 has {len(rows[0])}; "
                "every row needs the same number of entries."
            )
    if transposed:
        rows = [list(column) for column in zip(*rows, strict=True)]
    shape = (len(rows), len(rows[0]))
    if fmt.shape is not None and tuple(fmt.shape) != shape:
        expected = "×".join(str(n) for n in fmt.shape)
        raise AnswerError(
            f"Expected a {expected} matrix, got {shape[0]}×{shape[1]}; "
            "type rows separated by ';' or new lines, like 1 2; 3 4."
        )
    if all(isinstance(v, Fraction) for row in rows for v in row):
        from mlmath.engine.exact import Matrix

        return Matrix(tuple(tuple(v for v in row if isinstance(v, Fraction)) for row in rows))
    return np.array([[float(v) for v in row] for row in rows])


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


def _expression(normalized: Normalized, fmt: AnswerFormat) -> Expression:
    label = _LABEL.match(normalized.text)
    if label:
        name = label.group(0).rstrip("= ").strip()
        if name not in fmt.variables:
            normalized = normalized.slice(label.end(), len(normalized.text))
    names = Names(fmt.variables, context="an expression", equations=True)
    return Expression(read_formula(normalized, names), fmt.variables)
