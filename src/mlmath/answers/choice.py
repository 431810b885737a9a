"""Multiple choice: an option's id, its letter, its number or its label, in any case.

A label may be typed in words, case and punctuation ignored, in part ("no solution."
for "No solution", "one solution" for "Exactly one solution", "complete" for
"complete (exactly one way …)") as long as the words fit one option only.

>>> from mlmath.answers.format import AnswerFormat, Choice, Choice, Kind
>>> fmt = AnswerFormat(Kind.CHOICES, options=(Choice("rank", "Rank"), Choice("trace", "Trace")))
>>> sorted(read_choices("B, rank", fmt))
['rank', 'trace']
>>> options = (Choice("unique", "Exactly one solution"), Choice("none", "No solution"))
>>> read_choice("One solution!", AnswerFormat(Kind.CHOICE, options=options))
'unique'
"""

from __future__ import annotations

import re
import unicodedata

from mlmath.answers.errors import AnswerError, TooLarge
from mlmath.answers.format import AnswerFormat, Choice
from mlmath.answers.limits import MAX_CHOICES, check_text_length
from mlmath.engine.render import text as render_text

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DECORATION = re.compile(r"^\(?\s*(.*?)\s*[).:]?\s*$", re.DOTALL)
_EMPTY_SELECTION = {"none", "no option", "nothing", "∅", "{}"}


_PUNCTUATION = re.compile(r"[^\w\s]+")
_FILLER = frozenset({"a", "an", "the", "it", "is", "are", "there", "they", "has", "have"})
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "one": "i", "two": "ii"}


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text``, lower case, without punctuation or filler words, singular."""
    words = _PUNCTUATION.sub(" ", text.lower()).split()
    words = [
        p for w in words for p in (("non", w[3:]) if w.startswith("non") and len(w) > 6 else (w,))
    ]
    return tuple(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if w not in _FILLER
    )


def _label(option: Choice) -> str:
    return option.label if isinstance(option.label, str) else render_text(option.label)


def _lead(label: str) -> str:
    """A label's first part, before a colon, a bracket or a dash: "complete" in
    "complete (exactly one way …)"."""
    return re.split(r"[:(—]| - ", label, maxsplit=1)[0]


def _names(fmt: AnswerFormat) -> dict[str, str]:
    """Every way of naming each option, mapped to its id (ids win over labels)."""
    owners: dict[str, set[str]] = {}
    for option in fmt.options:
        for label in (_label(option), _lead(_label(option))):
            for key in (_key(label), " ".join(_words(label))):
                owners.setdefault(key, set()).add(option.id)
    names = {key: next(iter(ids)) for key, ids in owners.items() if key and len(ids) == 1}
    for option in fmt.options:
        names.setdefault(_key(_label(option)), option.id)
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


def _lookup(text: str, names: dict[str, str], fmt: AnswerFormat | None = None) -> str | None:
    key = _key(text)
    if key in names:
        return names[key]
    match = _DECORATION.match(key)
    if match and match.group(1) in names:
        return names[match.group(1)]
    return _in_words(_words(text), fmt) if fmt is not None else None


def _in_words(words: tuple[str, ...], fmt: AnswerFormat) -> str | None:
    """The one option whose label holds every word typed (Roman numerals and digits alike)."""
    if not words:
        return None
    for spelling in (words, tuple(_ROMAN.get(w, w) for w in words)):
        typed = set(spelling)
        fitting = [
            option.id
            for option in fmt.options
            if typed <= {_ROMAN.get(w, w) for w in _words(_label(option))} | set(_words(option.id))
        ]
        if len(fitting) == 1:
            return fitting[0]
    return None


def _cleaned(text: str) -> str:
    """``text`` with its Unicode folded (full-width letters, odd spaces), for matching only:
    a choice is looked up among the options, never read as math, so any character may stay
    (a label such as "No: the graph has a corner" is typed as it reads)."""
    check_text_length(text)
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c if c.isprintable() else " " for c in folded)


def read_choice(text: str, fmt: AnswerFormat) -> str:
    """The id of the one option named by ``text``."""
    cleaned = _cleaned(text)
    if not cleaned.strip():
        raise AnswerError(f"Choose one option: type its letter ({_listing(fmt)}).")
    found = _lookup(cleaned, _names(fmt), fmt)
    if found is None:
        raise AnswerError(
            f"'{cleaned.strip()[:40]}' is not one of the options; "
            f"type the letter of one option ({_listing(fmt)})."
        )
    return found


def read_choices(text: str, fmt: AnswerFormat) -> frozenset[str]:
    """The set of option ids named by ``text`` (commas, semicolons, spaces or "and")."""
    cleaned = _cleaned(text)
    names = _names(fmt)
    if _key(cleaned) in _EMPTY_SELECTION and _key(cleaned) not in names:
        return frozenset()
    whole = _lookup(cleaned, names, fmt)
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
