"""The plural of an English noun, for steps that speak of several things at once.

The regular rules of English spelling, with the irregular nouns the course uses listed:

>>> [plural(w) for w in ("colour", "city", "day", "box", "match", "shelf", "knife", "die")]
['colours', 'cities', 'days', 'boxes', 'matches', 'shelves', 'knives', 'dice']
"""

from __future__ import annotations

IRREGULAR = {
    "child": "children",
    "die": "dice",
    "foot": "feet",
    "man": "men",
    "mouse": "mice",
    "person": "people",
    "tooth": "teeth",
    "woman": "women",
    "analysis": "analyses",
    "axis": "axes",
    "basis": "bases",
    "hypothesis": "hypotheses",
    "matrix": "matrices",
    "vertex": "vertices",
    "index": "indices",
    "series": "series",
    "species": "species",
    "sheep": "sheep",
    "fish": "fish",
}
"""Nouns whose plural follows no spelling rule."""

F_TO_VES = {"calf", "elf", "half", "knife", "leaf", "life", "loaf", "self", "shelf", "thief"}
"""Nouns ending in f or fe whose plural ends in ves (most others just add s: roofs, chefs)."""

VOWELS = set("aeiou")


def plural(noun: str) -> str:
    """The plural of ``noun``: a listed irregular plural, else the spelling rules (-es
    after s, x, z, ch and sh; -ies after a consonant and y; -ves for the listed f-words)."""
    word = noun.lower()
    if word in IRREGULAR:
        return _same_case(noun, IRREGULAR[word])
    if word in F_TO_VES:
        stem = noun[:-2] if noun.endswith("fe") else noun[:-1]
        return stem + "ves"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def _same_case(noun: str, irregular: str) -> str:
    return irregular.capitalize() if noun[:1].isupper() else irregular


__all__ = ["plural"]
