"""Chains of equalities written once: a side that repeats the side before it is dropped.

A step often joins an expression, its value and the value's decimal with "=" — and
when the expression is already its value the chain repeats itself ("p = 7/10 =
7/10", "|v| = √2 = √2", "rank A = 1 = 1 = rank [A | b]"). Here each side is
written once; when an "≈" is dropped with its side, the "≈" is kept, since the
remaining relation is only approximate. A statement with two sides ("0 = 0") is
left alone: it says something.

>>> said_once("p = 7/10 = 7/10"), said_once("rank A = 1 = 1 = rank [A | b], n = 3")
('p = 7/10', 'rank A = 1 = rank [A | b], n = 3')
>>> said_once("P = 0.01769 / 0.056714 = 0.3119 ≈ 0.3119"), said_once("0 = 0")
('P = 0.01769 / 0.056714 ≈ 0.3119', '0 = 0')
>>> said_once(r"\\bar x = \\frac{136}{9} = \\frac{136}{9} \\approx 15.11")
'\\\\bar x = \\\\frac{136}{9} \\\\approx 15.11'
>>> said_once("y - z = -2  ⇒  y = -2  ⇒  y = -2"), said_once("P(X = 0) = 1/2, f(x) = x = x")
('y - z = -2  ⇒  y = -2', 'P(X = 0) = 1/2, f(x) = x')
>>> said_once("0 = 0 = 0"), said_once("[0, 1) = [0, 1) = I")
('0 = 0', '[0, 1) = [0, 1) = I')
"""

from __future__ import annotations

import re

RELATION = re.compile(r" (=|≈|\\approx) ")
"""An equality or approximation between two sides, spaced as the steps write it."""

IMPLICATION = re.compile(r"\s*(?:⇒|\\;\\Rightarrow\\;|\\Rightarrow|\\implies)\s*")
"""An arrow between two statements."""

BREAK = re.compile(r",\s|;\s|:\s|\\quad|\\qquad|\n")
"""Where one statement ends and the next begins."""

APPROXIMATE = {"≈", r"\approx"}
OPENING, CLOSING = "([{", ")]}"


def _top_level(source: str) -> list[bool] | None:
    """For each character, whether it stands outside every bracket; None when the
    brackets do not pair up (an interval like [0, 1), say), so nothing is touched."""
    open_brackets: list[str] = []
    outside: list[bool] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and source[i + 1 : i + 2] in ("{", "}"):
            outside += [not open_brackets] * 2  # an escaped brace is a character
            i += 2
            continue
        if char in OPENING:
            open_brackets.append(CLOSING[OPENING.index(char)])
        elif char in CLOSING and (not open_brackets or open_brackets.pop() != char):
            return None
        outside.append(not open_brackets and char not in OPENING)
        i += 1
    return None if open_brackets else outside


def _split(source: str, pattern: re.Pattern[str], outside: list[bool]) -> list[str]:
    """``source`` cut at each match of ``pattern`` outside brackets, the matches kept
    as the odd-numbered pieces."""
    pieces, start = [], 0
    for match in pattern.finditer(source):
        if all(outside[match.start() : match.end()]):
            pieces += [source[start : match.start()], match.group(0)]
            start = match.end()
    pieces.append(source[start:])
    return pieces


def _chain_once(chain: str) -> str:
    outside = _top_level(chain)
    if outside is None:
        return chain
    pieces = _split(chain, RELATION, outside)
    if len(pieces) < 5:  # fewer than three sides
        return chain
    sides, relations = pieces[0::2], pieces[1::2]
    kept_sides: list[str] = [sides[0]]
    kept_relations: list[str] = []
    for relation, side in zip(relations, sides[1:], strict=True):
        if side.strip() and side.strip() == kept_sides[-1].strip():
            if relation.strip() in APPROXIMATE and kept_relations:
                kept_relations[-1] = relation
            continue
        kept_relations.append(relation)
        kept_sides.append(side)
    if len(kept_sides) < 2:  # every side the same: the statement is "0 = 0"
        return sides[0] + relations[0] + sides[1]
    out = kept_sides[0]
    for relation, side in zip(kept_relations, kept_sides[1:], strict=True):
        out += relation + side
    return out


def _statement_once(statement: str) -> str:
    """A statement's chains each written once; an arrow to the same statement dropped."""
    outside = _top_level(statement)
    if outside is None:
        return statement
    pieces = _split(statement, IMPLICATION, outside)
    clauses, arrows = pieces[0::2], pieces[1::2]
    kept: list[str] = [_chain_once(clauses[0])]
    kept_arrows: list[str] = []
    for arrow, clause in zip(arrows, clauses[1:], strict=True):
        written = _chain_once(clause)
        if written.strip() and written.strip() == kept[-1].strip():
            continue
        kept_arrows.append(arrow)
        kept.append(written)
    out = kept[0]
    for arrow, clause in zip(kept_arrows, kept[1:], strict=True):
        out += arrow + clause
    return out


def said_once(source: str) -> str:
    """``source`` (text or LaTeX) with every chain of equalities written without repeats."""
    if " = " not in source and "⇒" not in source and "Rightarrow" not in source:
        return source
    outside = _top_level(source)
    if outside is None:
        return source
    pieces = _split(source, BREAK, outside)
    return "".join(piece if i % 2 else _statement_once(piece) for i, piece in enumerate(pieces))


__all__ = ["said_once"]
