"""Write a value as text a learner could type: ``parse(show(v, fmt), fmt)`` equals ``v``.

>>> from fractions import Fraction
>>> from mlmath.answers.format import AnswerFormat, Kind
>>> from mlmath.engine.exact import Matrix
>>> show(Fraction(-3, 4), AnswerFormat(Kind.NUMBER))
'-3/4'
>>> show(Matrix.of([[1, 2], [3, 4]]), AnswerFormat(Kind.MATRIX))
'[[1, 2], [3, 4]]'
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from mlmath.answers.compare import as_expression
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.answers.numeric import as_number, entries_of, rows_of
from mlmath.answers.solutions import InfinitelyMany
from mlmath.engine.linalg.solution_set import PARAMETER_NAMES, SolutionSet


def show(value: Any, fmt: AnswerFormat) -> str:
    """The canonical text for ``value`` read as an answer of kind ``fmt.kind``."""
    kind = fmt.kind
    if kind is Kind.NUMBER:
        return show_number(value, fmt)
    if kind is Kind.VECTOR:
        entries = entries_of(value)
        if entries is None:
            raise TypeError(f"cannot show {type(value).__name__} as a vector")
        return "(" + ", ".join(show_number(v, fmt) for v in entries) + ")"
    if kind is Kind.MATRIX:
        rows = rows_of(value)
        if rows is None:
            raise TypeError(f"cannot show {type(value).__name__} as a matrix")
        lines = ("[" + ", ".join(show_number(v, fmt) for v in row) + "]" for row in rows)
        return "[" + ", ".join(lines) + "]"
    if kind is Kind.CHOICE:
        return str(value)
    if kind is Kind.CHOICES:
        assert isinstance(value, Iterable)
        chosen = sorted(value)
        return ", ".join(chosen) if chosen else "none"
    if kind is Kind.SOLUTION_SET:
        return show_solution_set(value)
    formula = as_expression(value, fmt.variables)
    if formula is None:
        raise TypeError(f"cannot show {type(value).__name__} as an expression")
    return formula.text()


def show_number(value: Any, fmt: AnswerFormat) -> str:
    number = as_number(value)
    if number is None:
        raise TypeError(f"cannot show {value!r} as a number")
    if isinstance(number, Fraction):
        if number.denominator == 1:
            return str(number.numerator)
        return f"{number.numerator}/{number.denominator}"
    if fmt.decimals is not None and 0 <= fmt.decimals <= 15 and abs(number) < 1e15:
        return f"{number:.{fmt.decimals}f}"
    return repr(number)


def _parameters(variables: tuple[str, ...], count: int) -> list[str]:
    candidates = [*PARAMETER_NAMES, "u", "v", "w", "k", "m", "n"]
    free = [name for name in candidates if name not in variables]
    return free[:count]


def _term(coefficient: Fraction, name: str) -> str:
    magnitude = abs(coefficient)
    if magnitude == 1:
        return name
    if magnitude.denominator == 1:
        return f"{magnitude.numerator}{name}"
    return f"({magnitude.numerator}/{magnitude.denominator}){name}"


def show_solution_set(value: Any) -> str:
    if isinstance(value, InfinitelyMany):
        return "infinitely many"
    if not isinstance(value, SolutionSet):
        raise TypeError(f"cannot show {type(value).__name__} as a solution set")
    if value.particular is None:
        return "no solution"
    names = _parameters(value.variables, len(value.directions))
    parts = []
    for i, variable in enumerate(value.variables):
        constant = value.particular[i]
        text = "" if constant == 0 else show_number(constant, AnswerFormat(Kind.NUMBER))
        for name, direction in zip(names, value.directions, strict=True):
            coefficient = direction[i]
            if coefficient == 0:
                continue
            term = _term(coefficient, name)
            if not text:
                text = term if coefficient > 0 else f"-{term}"
            else:
                text += f" + {term}" if coefficient > 0 else f" - {term}"
        parts.append(f"{variable} = {text or '0'}")
    return ", ".join(parts)
