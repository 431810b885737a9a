"""Multiple choice: an option's id, its letter, its number or its label, in any case.

>>> from mlmath.answers.format import AnswerFormat, Choice, Kind
>>> fmt = AnswerFormat(Kind.CHOICES, options=(Choice("rank", "Rank"), Choice("trace", "Trace")))
>>> sorted(read_choices("B, rank", fmt))
['rank', 'trace']
"""

from __future__ import annotations

import re

from mlmath.answers.errors import AnswerError, TooLarge
from mlmath.answers.format import AnswerFormat
from mlmath.answers.limits import MAX_CHOICES
from mlmath.answers.normalize import normalize
from mlmath.engine.render import text as render_text

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DECORATION = re.compile(r"^\(?\s*(.*?)\s*[).:]?\s*$", re.DOTALL)
_EMPTY_SELECTION = {"none", "no option", "nothing", "∅", "{}"}


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _names(fmt: AnswerFormat) -> dict[str, str]:
    """Every way of naming each option, mapped to its id (ids win over labels)."""
    names: dict[str, str] = {}
    for option in fmt.options:
        label = option.label if isinstance(option.label, str) else render_text(option.label)
        names.setdefault(_key(label), option.id)
    for index, option in enumerate(fmt.options):
        if index < len(_LETTERS):
            names[_LETTERS[index]] = option.id
        names[str(index + 1)] = option.id
    for option in fmt.options:
        names[_key(option.id)] = option.id
    return names


def _listing(fmt: AnswerFormat) -> str:
    letters = [_LETTERS[i] for i in range(min(len(fmt.options), len(_LETTERS)))]
    return ", ".join(letters)


def _lookup(text: str, names: dict[str, str]) -> str | None:
    key = _key(text)
    if key in names:
        return names[key]
    match = _DECORATION.match(key)
    if match and match.group(1) in names:
        return names[match.group(1)]
    return None


def read_choice(text: str, fmt: AnswerFormat) -> str:
    """The id of the one option named by ``text``."""
    cleaned = normalize(text, brackets=False).text
    if not cleaned.strip():
        raise AnswerError(f"Choose one option: type its letter ({_listing(fmt)}).")
    found = _lookup(cleaned, _names(fmt))
    if found is None:
        raise AnswerError(
            f"'{cleaned.strip()[:40]}' is not one of the options; "
            f"type the letter of one option ({_listing(fmt)})."
        )
    return found


def read_choices(text: str, fmt: AnswerFormat) -> frozenset[str]:
    """The set of option ids named by ``text`` (commas, semicolons, spaces or "and")."""
    cleaned = normalize(text, brackets=False).text
    names = _names(fmt)
    if _key(cleaned) in _EMPTY_SELECTION and _key(cleaned) not in names:
        return frozenset()
    whole = _lookup(cleaned, names)
    if whole is not None:
        return frozenset({whole})
    pieces = [p for p in re.split(r"\s*(?:[,;\n]|\band\b|&)\s*", cleaned.strip()) if p]
    if not all(_lookup(p, names) is not None for p in pieces):
        pieces = [p for p in re.split(r"[\s,;]+|\band\b", cleaned.strip()) if p]
    if len(pieces) > MAX_CHOICES:
        raise TooLarge(f"This answer names too many options; there are {len(fmt.options)}.")
    if not pieces:
        raise AnswerError(
            f"Type the letters of every option that applies, separated by commas "
            f"(from {_listing(fmt)}), or 'none'."
        )
    chosen: set[str] = set()
    for piece in pieces:
        found = _lookup(piece, names)
        if found is None:
            raise AnswerError(
                f"'{piece[:40]}' is not one of the options; type letters such as "
                f"{_listing(fmt)}, separated by commas."
            )
        chosen.add(found)
    return frozenset(chosen)
