"""Vectors and matrices as learners type them.

Accepted layouts: ``(1, 2, 3)``, ``[1, 2, 3]``, ``1 2 3``, ``1, 2, 3``, columns
``[1; 2; 3]`` or one entry per line; matrices ``[[1,2],[3,4]]``, ``[1 2; 3 4]``,
``1 2; 3 4`` or one row per line. Entries are numbers, fractions, decimals or
constant expressions (``sqrt(2)/2``). Between entries a space separates unless
it sits next to an operator, as in MATLAB: ``1 -2`` is two entries, ``1 - 2`` one.

>>> read_grid("[[1, 2], [3, 4]]")
[[Fraction(1, 1), Fraction(2, 1)], [Fraction(3, 1), Fraction(4, 1)]]
>>> read_grid("1 -2; 3/4 0.5")
[[Fraction(1, 1), Fraction(-2, 1)], [Fraction(3, 4), Fraction(1, 2)]]
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.answers.errors import AnswerError
from mlmath.answers.evaluate import exact_value
from mlmath.answers.limits import MAX_COLUMNS, MAX_ROWS, check_grid
from mlmath.answers.normalize import Normalized, normalize
from mlmath.answers.reader import Names, read_formula

Entry = Fraction | float
_PAIRS = {"(": ")", "[": "]"}
_OPERAND_END = set(".)]%π")
_OPERAND_START = set(".([π√")


def _wrapped(part: Normalized) -> bool:
    """Whether the whole of ``part`` is one bracket pair ``( … )`` or ``[ … ]``."""
    text = part.text
    if len(text) < 2 or text[0] not in _PAIRS or text[-1] != _PAIRS[text[0]]:
        return False
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return True


def unwrap(part: Normalized) -> Normalized:
    return part.slice(1, len(part.text) - 1).strip() if _wrapped(part) else part


def split_top_level(part: Normalized, separators: str) -> list[Normalized]:
    """Split at top-level (unbracketed) separator characters."""
    pieces: list[Normalized] = []
    depth = 0
    start = 0
    for index, char in enumerate(part.text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and char in separators:
            pieces.append(part.slice(start, index).strip())
            start = index + 1
    pieces.append(part.slice(start, len(part.text)).strip())
    return pieces


def _has_top_level(part: Normalized, characters: str) -> bool:
    return len(split_top_level(part, characters)) > 1


def _split_spaces(row: Normalized) -> list[Normalized]:
    """Split a row at spaces that separate entries (not spaces inside ``1 - 2``)."""
    text = row.text
    pieces: list[Normalized] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char.isspace() and depth == 0:
            end = index
            while index < len(text) and text[index].isspace():
                index += 1
            before = text[end - 1] if end > 0 else ""
            after = text[index] if index < len(text) else ""
            following = text[index + 1] if index + 1 < len(text) else ""
            ends_operand = before.isalnum() or before in _OPERAND_END
            starts_operand = after.isalnum() or after in _OPERAND_START
            starts_signed = after in "+-" and following != "" and not following.isspace()
            if ends_operand and (starts_operand or starts_signed):
                pieces.append(row.slice(start, end))
                start = index
            continue
        index += 1
    pieces.append(row.slice(start, len(text)))
    return [p.strip() for p in pieces]


def _rows(whole: Normalized) -> list[Normalized]:
    if _wrapped(whole):
        inner = unwrap(whole)
        items = split_top_level(inner, ",")
        if len(items) == 1:
            items = _split_spaces(inner) if inner.text.lstrip()[:1] in "([" else items
        if len(items) > 1 and all(_wrapped(item) for item in items):
            return items
        if _has_top_level(inner, ";\n"):
            return split_top_level(inner, ";\n")
        return [inner]
    if _has_top_level(whole, ";\n"):
        return split_top_level(whole, ";\n")
    return [whole]


def _entries(row: Normalized, row_number: int) -> list[Normalized]:
    row = unwrap(row)
    if not row.text:
        raise AnswerError(f"Row {row_number} is empty; type its entries.", row.position(0))
    if _has_top_level(row, ","):
        entries = split_top_level(row, ",")
        for index, entry in enumerate(entries):
            if not entry.text:
                where = "at the end" if index == len(entries) - 1 else "between two commas"
                raise AnswerError(f"An entry is missing {where}.", row.position(0))
        return entries
    return _split_spaces(row)


def read_grid(text: str | Normalized) -> list[list[Entry]]:
    """Read a table of numbers (rows of entries); rows may differ in length here."""
    whole = (normalize(text) if isinstance(text, str) else text).strip()
    if not whole.text:
        raise AnswerError("The answer is empty; type the entries.")
    rows = [row for row in _rows(whole) if row.text]
    if not rows:
        raise AnswerError("The answer is empty; type the entries.", whole.position(0))
    if len(rows) > MAX_ROWS:
        check_grid(len(rows), 1)
    split_rows = [_entries(row, number) for number, row in enumerate(rows, start=1)]
    widest = max(len(r) for r in split_rows)
    if len(split_rows) > MAX_ROWS or widest > MAX_COLUMNS:
        check_grid(len(split_rows), widest)
    names = Names((), context="a number")
    return [
        [exact_value(read_formula(entry, names)) for entry in entries] for entries in split_rows
    ]
