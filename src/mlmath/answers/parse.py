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
from functools import lru_cache
from typing import Any

import numpy as np

from mlmath.answers.choice import read_choice, read_choices
from mlmath.answers.errors import AnswerError
from mlmath.answers.evaluate import exact_value
from mlmath.answers.expression import Expression
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.answers.grid import Entry, read_grid, split_top_level, unwrap
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
    text = _unframed(text, fmt)
    if kind is Kind.EXPRESSION:
        return _remembered_expression(text, fmt.variables)
    if kind is Kind.VECTOR:
        text = _angle_brackets(text)
    return _read(text, fmt)


_ANSWER_WORD = re.compile(
    r"^\s*(?:(?:the\s+)?(?:final\s+)?answer|ans|result)\s*(?::|=|\bis\b)", re.I
)
"""``answer:``, ``the answer is`` or ``result =`` before any answer."""
_NAME_COLON = re.compile(r"^\s*[^\W\d_][\w' -]{0,24}:(?!=)")
"""A short name and a colon before a number or an interval (``CI:``, ``Q1:``)."""
_LEADING_EQUALS = re.compile(r"^\s*=(?!=)")
_NUMBER_LABEL = re.compile(r"^\s*[^\W\d_][\w'\u0300-\u036f]*\s*(?:\([^()=]*\))?\s*=(?!=)")
"""``x =``, ``p̂ =``, ``σ =``, ``P(A|B) =`` or ``P(X ≤ 3) =`` before a number."""
_TRAILING_PERIOD = re.compile(r"(?<=[^.\s])\s*\.\s*$")


def _unframed(text: str, fmt: AnswerFormat) -> str:
    """The answer without what a learner may write around it: ``answer:`` or ``the answer
    is`` before it, an ``=`` before it, the name of what a number or an interval is
    (``p = 0.46``, ``μ = 5 ± 0.8``), a full stop after it. Each is blanked out, so that
    every other character keeps its place (a message still points where the learner
    typed)."""
    named = fmt.kind is Kind.NUMBER or (fmt.kind is Kind.VECTOR and fmt.interval)
    before = (
        (_ANSWER_WORD, _NAME_COLON, _LEADING_EQUALS) if named else (_ANSWER_WORD, _LEADING_EQUALS)
    )
    for pattern in before:
        text = _blanked(text, pattern.match(text))
    if named and text.count("=") == 1:
        text = _blanked(text, _NUMBER_LABEL.match(text))
    return _blanked(text, _TRAILING_PERIOD.search(text))


def _blanked(text: str, found: re.Match[str] | None) -> str:
    """``text`` with what ``found`` matched replaced by spaces."""
    if found is None:
        return text
    start, end = found.span()
    return text[:start] + " " * (end - start) + text[end:]


@lru_cache(maxsize=128)
def _remembered_expression(text: str, variables: tuple[str, ...]) -> Expression:
    """An expression answer, remembered by its text for the answers being checked right
    now: a skill that first tries another reading of a response (``det(λI − A)`` for
    ``det(A − λI)``) and then grades it reads the same text twice. The result depends on
    nothing but the text and the variables, and an Expression is immutable; an error is
    not remembered (it is raised again, the same)."""
    result = _read(text, AnswerFormat(Kind.EXPRESSION, variables=variables))
    assert isinstance(result, Expression)
    return result


def _read(text: str, fmt: AnswerFormat) -> Any:
    kind = fmt.kind
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
    stripped = normalized.text.rstrip()
    if stripped.endswith("°"):  # an angle in degrees, as the question asks
        normalized = normalized.slice(0, len(stripped) - 1)
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


_ANGLES = {"<": ">", "⟨": "⟩", "〈": "〉", "‹": "›", "{": "}"}


def _angle_brackets(text: str) -> str:
    """``<1, 2>``, ``⟨1, 2⟩`` (a vector in angle brackets) or ``{1, 2}`` (a set of values)
    as ``(1, 2)``, position for position."""
    stripped = text.strip()
    if len(stripped) >= 2 and _ANGLES.get(stripped[0]) == stripped[-1]:
        start = text.index(stripped[0])
        end = start + len(stripped) - 1
        return f"{text[:start]}({text[start + 1 : end]}){text[end + 1 :]}"
    return text


_LABEL_OF_ENTRY = re.compile(
    r"\s*([A-Za-z][A-Za-z0-9_']*(?:\s*/\s*d[A-Za-z][A-Za-z0-9_]*)?)\s*=(?!=)\s*"
)
"""``x =``, ``w1 =``, ``df/dx =`` before an entry of a vector."""


def _labelled(normalized: Normalized, fmt: AnswerFormat) -> Normalized:
    """``x = 2, y = 1`` as ``2, 1`` (in the order of ``fmt.variables`` when the labels are
    those names), and a list of values whose one unknown is named before the first
    (``λ = 1, 4``) as the list; unchanged when the entries are labelled otherwise."""
    if "=" not in normalized.text:
        return normalized
    whole = unwrap(normalized.strip())
    pieces = [p for p in split_top_level(whole, ",;\n") if p.text]
    found = [_LABEL_OF_ENTRY.match(piece.text) for piece in pieces]
    first = found[0]
    if first is not None and len(pieces) > 1 and not any(found[1:]):
        if not (fmt.unordered or fmt.interval):  # x = 2, 1: x = (2, 1), or x = 2, y = 1?
            raise AnswerError(
                "Name every entry (x = 2, y = 1) or none (2, 1).", pieces[0].position(0)
            )
        return _joined([pieces[0].slice(first.end(), len(pieces[0].text)), *pieces[1:]])
    labels: list[str] = []
    values: list[Normalized] = []
    for piece, label in zip(pieces, found, strict=True):
        if label is None:
            return normalized
        labels.append(re.sub(r"\s+", "", label.group(1)))
        values.append(piece.slice(label.end(), len(piece.text)))
    repeated = len(set(labels)) != len(labels)
    if repeated and not (fmt.unordered and len(set(labels)) == 1):
        twice = next(label for label in labels if labels.count(label) > 1)
        raise AnswerError(f"'{twice}' is given twice; give each entry once.")
    # an unordered list may name its one unknown each time: x = 2, x = 3 (its roots)
    labels = [_DERIVATIVE_LABEL.sub(r"\1", label) for label in labels]
    names = () if repeated else fmt.variables or _usual_order(labels)
    if names and set(labels) == set(names):
        values = [values[labels.index(name)] for name in names]
    return _joined(values)


def _joined(values: list[Normalized]) -> Normalized:
    """The values as one comma-separated list, each character where it was typed."""
    text = ", ".join(v.text for v in values)
    origin: list[int] = []
    for index, value in enumerate(values):
        if index:
            origin.extend([value.position(0)] * 2)
        origin.extend(value.origin)
    return Normalized(text, tuple(origin))


_DERIVATIVE_LABEL = re.compile(r"^d\w*/d(\w+)$")
"""``df/dx`` (``∂f/∂x`` as typed) labels the entry for x."""


def _usual_order(labels: list[str]) -> tuple[str, ...]:
    """x, y, z (or x1, x2, …) in their usual order, when those are the labels."""
    for names in (("x", "y", "z"), tuple(f"x{i}" for i in range(1, 11))):
        if set(labels) == set(names[: len(labels)]):
            return names[: len(labels)]
    return ()


_PLUS_MINUS = re.compile(r"±|\+\s*/?\s*-")
_TO = re.compile(r"\s+(?:to|and)\s+|\s*\.\.\.?\s*")
_FROM = re.compile(r"^\s*(?:from|between)\s+")


def _interval_ends(normalized: Normalized) -> list[Entry] | None:
    """An interval typed as ``a ± m``, ``a +- m``, ``a to b`` or ``between a and b``:
    its two ends, lower first; None when it is typed as a pair (``(a, b)``, ``[a, b]``)."""
    whole = unwrap(normalized.strip())
    text = whole.text
    names = Names((), context="a number")
    sign = _top_level(_PLUS_MINUS, whole)
    if sign is not None:
        centre = whole.slice(0, sign[0]).strip()
        margin = whole.slice(sign[1], len(text)).strip()
        if not centre.text or not margin.text:
            raise AnswerError(
                "Type an interval as centre ± margin, for example 50 ± 3.92.", whole.position(0)
            )
        middle = exact_value(read_formula(centre, names))
        half = exact_value(read_formula(margin, names))
        return sorted([middle - half, middle + half])
    start = _FROM.match(text)
    if start is not None:
        whole = whole.slice(start.end(), len(text))
    word = _top_level(_TO, whole)
    if word is None:
        return _dashed(whole)
    first = whole.slice(0, word[0]).strip()
    second = whole.slice(word[1], len(whole.text)).strip()
    if not first.text or not second.text:
        return None
    return sorted([exact_value(read_formula(part, names)) for part in (first, second)])


_DASHED = re.compile(r"\s*(-?\s*(?:\d+\.?\d*|\.\d+))\s*-\s*((?:\d+\.?\d*|\.\d+))\s*")


def _dashed(whole: Normalized) -> list[Entry] | None:
    """``46.1 - 53.9`` (or with a dash ``46.1–53.9``) where an interval is asked: a range,
    when the second number is the larger (one number is never an interval)."""
    found = _DASHED.fullmatch(whole.text)
    if found is None:
        return None
    low, high = (Fraction(g.replace(" ", "")) for g in found.groups())
    return [low, high] if low < high else None


def _top_level(pattern: re.Pattern[str], part: Normalized) -> tuple[int, int] | None:
    """Where ``pattern`` first matches outside brackets in ``part``."""
    depth = 0
    for index, char in enumerate(part.text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0:
            found = pattern.match(part.text, index)
            if found is not None and found.end() > index:
                return found.start(), found.end()
    return None


def _vector(normalized: Normalized, fmt: AnswerFormat) -> Any:
    if fmt.interval:
        ends = _interval_ends(normalized)
        if ends is not None:
            return _entries_as_vector(ends)
    rows, _ = _grid(_labelled(_and_as_comma(normalized), fmt))
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
        if fmt.interval:
            raise AnswerError(
                f"An interval has two ends, and this has {_entries(len(entries))}; "
                "type it as (46.1, 53.9) or 50 ± 3.9."
            )
        raise AnswerError(
            f"Expected a vector with {fmt.shape[0]} entries, got {len(entries)}; "
            "type it as (1, 2, 3)."
        )
    if fmt.interval:
        entries = sorted(entries)
    return _entries_as_vector(entries)


_AND = re.compile(r"\s*,?\s+and\s+", re.IGNORECASE)


def _and_as_comma(normalized: Normalized) -> Normalized:
    """``1 and 4``, ``1, 2 and 3`` or ``x = 1 and x = 4``: ``and`` separates entries as a
    comma does (each character still points where it was typed)."""
    text = normalized.text
    if "and" not in text.lower():
        return normalized
    pieces: list[str] = []
    origin: list[int] = []
    start = 0
    for found in _AND.finditer(text):
        pieces += [text[start : found.start()], ", "]
        origin += [
            *normalized.origin[start : found.start()],
            *[normalized.position(found.start())] * 2,
        ]
        start = found.end()
    pieces.append(text[start:])
    origin += normalized.origin[start:]
    return Normalized("".join(pieces), tuple(origin))


def _entries_as_vector(entries: list[Entry]) -> Any:
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
