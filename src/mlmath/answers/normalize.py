"""Unicode clean-up: what a reader sees is what we read, or a message names the character.

Full-width digits and compatibility forms are folded by NFKC; the minus sign,
times and division signs become ``-``, ``*`` and ``/``; superscripts become
powers; ``λ`` is the variable ``lambda``; zero-width characters vanish and
unusual spaces become plain spaces.
Any character we cannot read is rejected by name, before any parsing.

>>> normalize("x² − 3·x").text
'x^(2) - 3*x'
>>> normalize("１/２").text
'1/2'
>>> normalize("2**3").text
'2^3'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mlmath.answers.errors import AnswerError, TooLarge
from mlmath.answers.limits import MAX_NESTING, check_text_length

_SUPERSCRIPTS = {
    "⁰": "0",
    "¹": "1",
    "²": "2",
    "³": "3",
    "⁴": "4",
    "⁵": "5",
    "⁶": "6",
    "⁷": "7",
    "⁸": "8",
    "⁹": "9",
    "⁻": "-",
    "⁺": "+",
    "ᵀ": "T",
}

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"}

_REPLACEMENTS = {
    "−": "-",  # minus sign
    "–": "-",  # en dash
    "‐": "-",  # hyphen
    "‑": "-",  # non-breaking hyphen
    "×": "*",
    "·": "*",
    "⋅": "*",
    "∙": "*",
    "∗": "*",
    "÷": "/",
    "∕": "/",
    "⁄": "/",
    "⎡": "[",
    "⎢": "[",
    "⎣": "[",
    "⎤": "]",
    "⎥": "]",
    "⎦": "]",
    "ℝ": "R",
    "∂": "d",  # ∂f/∂x, written as a label before an answer
}

_LAMBDA = "λ"
"""Read as the variable ``lambda``, spaced apart (5λ, λx and λ^2 read as products) but
for a subscript after it (λ₁, λ1 and λ_1 name the first eigenvalue)."""

_ALLOWED_SYMBOLS = set("+-*/^().,;=[]{}%_'! \n") | {"π", "√", "∅", "∞", "∈", "±", "°"}

_PLAIN = re.compile(r"[A-Za-z0-9+\-*/^().,;=\[\]{}%_'! \n]*")
"""Text that :func:`normalize` leaves as it is (but for ``**``, read as ``^``): ASCII
letters, digits and the allowed symbols."""

_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}

_HINTS = {
    "|": "type absolute values as abs(x)",
    "\\": "type plain math such as sqrt(2)/2, not LaTeX",
    "$": "type plain math such as sqrt(2)/2, not LaTeX",
    "&": "separate entries with spaces or commas",
    "<": "type a value, not an inequality",
    ">": "type a value, not an inequality",
}


@dataclass(frozen=True, slots=True)
class Normalized:
    """Cleaned-up text, and for each of its characters the position it came from."""

    text: str
    origin: tuple[int, ...]

    def position(self, index: int) -> int:
        """The position in the learner's text of character ``index`` of ``text``."""
        if not self.origin:
            return 0
        return self.origin[min(max(index, 0), len(self.origin) - 1)]

    def slice(self, start: int, end: int) -> Normalized:
        """The part ``text[start:end]``, keeping where each character came from."""
        return Normalized(self.text[start:end], self.origin[start:end])

    def strip(self) -> Normalized:
        """Without leading and trailing whitespace."""
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return self.slice(start, max(start, end))


def _describe(char: str) -> str:
    name = unicodedata.name(char, "").lower() or f"control character U+{ord(char):04X}"
    shown = repr(char) if not char.isprintable() or char.isspace() else f"'{char}'"
    return f"{shown} ({name})"


def normalize(text: str, brackets: bool = True) -> Normalized:
    """Clean up ``text``; raise AnswerError naming any character that cannot be read."""
    check_text_length(text)
    if _PLAIN.fullmatch(text) and "**" not in text:
        # plain ASCII math, as most answers are: every character stays where it is
        plain = Normalized(text, tuple(range(len(text))))
        if brackets:
            check_brackets(plain)
        return plain
    out: list[str] = []
    origin: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char in _SUPERSCRIPTS:
            start = i
            run = []
            while i < n and text[i] in _SUPERSCRIPTS:
                run.append(_SUPERSCRIPTS[text[i]])
                i += 1
            power = "^(" + "".join(run) + ")" if run != ["T"] else "^T"
            out.append(power)
            origin.extend([start] * len(power))
            continue
        i += 1
        if char in _INVISIBLE:
            continue
        if char == _LAMBDA:
            folded = " lambda" if i < n and (text[i].isdigit() or text[i] == "_") else " lambda "
        elif char in _REPLACEMENTS:
            folded = _REPLACEMENTS[char]
        elif char in ("\t", "\r", "\f", "\v") or (char.isspace() and char != "\n"):
            folded = " "
        elif char.isascii() or char in _ALLOWED_SYMBOLS:
            folded = char
        else:
            folded = unicodedata.normalize("NFKC", char)
            folded = "".join(_REPLACEMENTS.get(c, c) for c in folded)
        for c in folded:
            if not (c.isascii() and (c.isalnum() or c in _ALLOWED_SYMBOLS)) and (
                c not in _ALLOWED_SYMBOLS
            ):
                hint = _HINTS.get(c, "use digits, letters and + - * / ^ ( ) instead")
                raise AnswerError(f"The character {_describe(char)} cannot be read; {hint}.", i - 1)
        if folded == "*" and out and out[-1] == "*":
            out[-1] = "^"
            continue
        out.append(folded)
        origin.extend([i - 1] * len(folded))
    result = Normalized("".join(out), tuple(origin))
    if brackets:
        check_brackets(result)
    return result


def check_brackets(normalized: Normalized) -> None:
    """Brackets must match and nest at most MAX_NESTING deep (checked without recursion)."""
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(normalized.text):
        if char in _OPENING:
            stack.append((char, index))
            if len(stack) > MAX_NESTING:
                raise TooLarge(
                    f"This answer is too deeply nested to check; "
                    f"use at most {MAX_NESTING} brackets inside each other.",
                    normalized.position(index),
                )
        elif char in _CLOSING:
            if not stack:
                raise AnswerError(
                    f"There is a '{char}' without a matching '{_CLOSING[char]}' before it.",
                    normalized.position(index),
                )
            opening, where = stack.pop()
            if _OPENING[opening] != char:
                raise AnswerError(
                    f"The '{opening}' is closed by '{char}'; close it with '{_OPENING[opening]}'.",
                    normalized.position(index),
                )
    if stack:
        opening, where = stack[-1]
        raise AnswerError(
            f"A '{opening}' is never closed; add '{_OPENING[opening]}'.",
            normalized.position(where),
        )
