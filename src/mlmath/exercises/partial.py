"""Partly right answers: what is right, and what is still wrong or missing.

A wrong answer that no known mistake explains may still be mostly right: one entry of
a vector, one end of an interval, one row of a matrix, every term of a sum but one.
Saying which part is right (without giving away the rest) tells the learner where to
look.

>>> from fractions import Fraction
>>> from mlmath.answers import AnswerFormat, Kind
>>> from mlmath.engine.exact import Vector
>>> fmt = AnswerFormat(Kind.VECTOR, shape=(3,))
>>> partly_right(Vector.of([1, 2, 3]), Vector.of([1, 5, 3]), fmt)
'Entries 1 and 3 are right; entry 2 is not.'
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mlmath.answers import AnswerFormat, Expression, Kind, Verdict, compare
from mlmath.answers.compare import as_expression
from mlmath.answers.numeric import entries_of, numbers_equal, rows_of
from mlmath.answers.tree import Node
from mlmath.engine.linalg.solution_set import SolutionSet

MAX_TERMS = 8
"""Sums of more terms are not searched for the one term missing or too many (each try is a
comparison)."""


def partly_right(expected: Any, given: Any, fmt: AnswerFormat) -> str | None:
    """One sentence on which parts of ``given`` are right, or None when none is (or the
    answer has no parts)."""
    kind = fmt.kind
    if kind is Kind.VECTOR and fmt.interval:
        return _interval(expected, given, fmt)
    if kind is Kind.VECTOR and fmt.unordered:
        return _members(expected, given, fmt)
    if kind is Kind.VECTOR and not fmt.up_to_scale:
        return _entries(entries_of(expected), entries_of(given), fmt, "entry", "entries")
    if kind is Kind.MATRIX:
        return _matrix(expected, given, fmt)
    if kind is Kind.SOLUTION_SET:
        return _solution(expected, given, fmt)
    if kind is Kind.EXPRESSION:
        return _terms(expected, given, fmt)
    return None


def _listed(numbers: list[int]) -> str:
    shown = [str(n) for n in numbers]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _entries(
    expected: list[Any] | None, given: list[Any] | None, fmt: AnswerFormat, one: str, many: str
) -> str | None:
    if expected is None or given is None or len(expected) != len(given) or len(expected) < 2:
        return None
    right = [
        i + 1
        for i, (e, g) in enumerate(zip(expected, given, strict=True))
        if numbers_equal(e, g, fmt)
    ]
    wrong = [i + 1 for i in range(len(expected)) if i + 1 not in right]
    if not right or not wrong:
        return None
    first = (
        f"{one.capitalize()} {right[0]} is right"
        if len(right) == 1
        else f"{many.capitalize()} {_listed(right)} are right"
    )
    second = f"{one} {wrong[0]} is not" if len(wrong) == 1 else f"{many} {_listed(wrong)} are not"
    return f"{first}; {second}."


def _interval(expected: Any, given: Any, fmt: AnswerFormat) -> str | None:
    e, g = entries_of(expected), entries_of(given)
    if e is None or g is None or len(e) != 2 or len(g) != 2:
        return None
    e, g = sorted(e), sorted(g)
    low, high = numbers_equal(e[0], g[0], fmt), numbers_equal(e[1], g[1], fmt)
    if low and not high:
        return "The lower end is right; the upper end is not."
    if high and not low:
        return "The upper end is right; the lower end is not."
    centre_e, centre_g = (e[0] + e[1]) / 2, (g[0] + g[1]) / 2
    if numbers_equal(centre_e, centre_g, replace(fmt, kind=Kind.NUMBER)):
        return "The centre is right, but the margin (half the width) is not."
    return None


def _members(expected: Any, given: Any, fmt: AnswerFormat) -> str | None:
    e, g = entries_of(expected), entries_of(given)
    if e is None or g is None or len(e) < 2:
        return None
    left = list(e)
    right = 0
    for value in g:
        match = next((i for i, v in enumerate(left) if numbers_equal(v, value, fmt)), None)
        if match is not None:
            left.pop(match)
            right += 1
    if right == 0 or right == len(e):
        return None
    verb = "is" if right == 1 else "are"
    return f"{right} of the {len(e)} values {verb} right; look again at the rest."


def _matrix(expected: Any, given: Any, fmt: AnswerFormat) -> str | None:
    e, g = rows_of(expected), rows_of(given)
    if (
        e is None
        or g is None
        or len(e) != len(g)
        or any(len(a) != len(b) for a, b in zip(e, g, strict=True))
    ):
        return None
    cells = [(i, j) for i in range(len(e)) for j in range(len(e[0]))]
    wrong = [(i, j) for i, j in cells if not numbers_equal(e[i][j], g[i][j], fmt)]
    if not wrong or len(wrong) == len(cells):
        return None
    if len(wrong) == 1:
        i, j = wrong[0]
        return f"Every entry is right except the one in row {i + 1}, column {j + 1}."
    rows = sorted({i + 1 for i, _ in wrong})
    right_rows = [r + 1 for r in range(len(e)) if r + 1 not in rows]
    if right_rows:
        first = "Row" if len(right_rows) == 1 else "Rows"
        verb = "is" if len(right_rows) == 1 else "are"
        other = "row" if len(rows) == 1 else "rows"
        return f"{first} {_listed(right_rows)} {verb} right; {other} {_listed(rows)} not yet."
    return f"{len(cells) - len(wrong)} of the {len(cells)} entries are right."


def _solution(expected: Any, given: Any, fmt: AnswerFormat) -> str | None:
    if not (isinstance(expected, SolutionSet) and isinstance(given, SolutionSet)):
        return None
    if expected.kind != "unique" or given.kind != "unique":
        return None
    if expected.particular is None or given.particular is None:
        return None
    names = expected.variables
    right = [
        n for n, a, b in zip(names, expected.particular, given.particular, strict=True) if a == b
    ]
    wrong = [n for n in names if n not in right]
    if not right or not wrong:
        return None
    verb = "is" if len(right) == 1 else "are"
    return (
        f"{_words(right)} {verb} right; {_words(wrong)} {'is' if len(wrong) == 1 else 'are'} not."
    )


def _words(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def terms_of(node: Node) -> list[Node]:
    """The terms of a sum, left to right (a difference's second part negated)."""
    if node.op == "+":
        return [*terms_of(node.args[0]), *terms_of(node.args[1])]
    if node.op == "-":
        return [*terms_of(node.args[0]), Node("neg", (node.args[1],))]
    return [node]


def _terms(expected: Any, given: Any, fmt: AnswerFormat) -> str | None:
    e = as_expression(expected, fmt.variables)
    g = as_expression(given, fmt.variables)
    if e is None or g is None or e.is_equation or g.is_equation:
        return None
    expected_terms = terms_of(e.root)
    if 2 <= len(expected_terms) <= MAX_TERMS:
        for term in expected_terms:
            rest = Expression(Node("-", (e.root, term)), e.variables)
            if compare(rest, g, fmt) is Verdict.EQUAL:
                return (
                    f"Every term of your answer is right, but one term of the answer is "
                    f"missing (the answer has {len(expected_terms)} terms)."
                )
    given_terms = terms_of(g.root)
    if 2 <= len(given_terms) <= MAX_TERMS:
        for term in given_terms:
            rest = Expression(Node("-", (g.root, term)), g.variables)
            if compare(e, rest, fmt) is Verdict.EQUAL:
                extra = Expression(term, g.variables).text()
                return f"Your answer has one term too many: without {extra} it is right."
    return None
