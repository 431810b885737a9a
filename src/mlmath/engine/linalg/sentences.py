"""Systems of sentences: complete, redundant or contradictory — before any equations.

A few sentences about a few things ("The dog is black. The cat is orange.") act
like a system of equations. They are *complete* when together they fix every
unknown (one solution), *redundant* when a sentence repeats what the others
already say so something stays unknown (many solutions), and *contradictory*
when two of them cannot both be true (no solution).

>>> system = read_sentences("The dog is black. The cat is the same colour as the dog.")
>>> classify_sentences(system).answer.kind
'complete'
>>> classify_sentences(read_sentences("The dog is black. The dog is white.")).answer.kind
'contradictory'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from mlmath.engine.plurals import plural
from mlmath.engine.solution import NotSolvable, Solution, Step

SentenceKind = Literal["complete", "redundant", "contradictory"]
SENTENCE_KINDS: tuple[SentenceKind, ...] = ("complete", "redundant", "contradictory")


@dataclass(frozen=True, slots=True)
class Theme:
    """A small world: things (``subjects``), the values a property can take, and how
    a sentence states a fact or a sameness."""

    id: str
    subjects: tuple[str, ...]
    values: tuple[str, ...]
    fact: str
    same: str
    property: str
    setting: str

    def name(self, subject: str) -> str:
        """How a sentence names a subject: "the dog", "Ana"."""
        return f"the {subject}" if self.fact.startswith("the {s}") else subject

    def fact_sentence(self, subject: str, value: str) -> str:
        return _capitalize(self.fact.format(s=subject, v=value))

    def same_sentence(self, subject: str, other: str) -> str:
        return _capitalize(self.same.format(s=subject, o=other))

    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        word = r"([A-Za-z][A-Za-z\-]*)"
        fact = re.escape(self.fact).replace(r"\{s\}", word).replace(r"\{v\}", word)
        same = re.escape(self.same).replace(r"\{s\}", word).replace(r"\{o\}", word)
        return re.compile(fact, re.IGNORECASE), re.compile(same, re.IGNORECASE)


def _capitalize(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


THEMES: tuple[Theme, ...] = (
    Theme(
        "pets",
        ("dog", "cat", "rabbit", "parrot", "hamster", "pony"),
        ("black", "white", "orange", "grey", "brown", "golden"),
        "the {s} is {v}.",
        "the {s} is the same colour as the {o}.",
        "colour",
        "Each pet has one colour.",
    ),
    Theme(
        "cities",
        ("Ana", "Ben", "Chloe", "Dev", "Emma", "Femi"),
        ("Lima", "Oslo", "Cairo", "Hanoi", "Quito", "Accra"),
        "{s} lives in {v}.",
        "{s} lives in the same city as {o}.",
        "city",
        "Each friend lives in one city.",
    ),
    Theme(
        "shelves",
        ("atlas", "novel", "dictionary", "cookbook", "diary", "songbook"),
        ("first", "second", "third", "fourth", "fifth", "sixth"),
        "the {s} is on the {v} shelf.",
        "the {s} is on the same shelf as the {o}.",
        "shelf",
        "Each book stands on one shelf.",
    ),
    Theme(
        "sports",
        ("Farah", "Gus", "Hana", "Ivo", "Jun", "Kemal"),
        ("tennis", "chess", "football", "rowing", "judo", "hockey"),
        "{s} plays {v}.",
        "{s} plays the same sport as {o}.",
        "sport",
        "Each friend plays exactly one sport.",
    ),
    Theme(
        "lockers",
        ("scarf", "helmet", "umbrella", "backpack", "guitar", "kite"),
        ("red", "blue", "green", "yellow", "purple", "silver"),
        "the {s} is in the {v} locker.",
        "the {s} is in the same locker as the {o}.",
        "locker",
        "Each item is in one locker.",
    ),
)


@dataclass(frozen=True, slots=True)
class Fact:
    """ "The ``subject`` has ``value``"."""

    subject: str
    value: str


@dataclass(frozen=True, slots=True)
class SameAs:
    """ "The ``subject`` has the same value as the ``other``"."""

    subject: str
    other: str


Sentence = Fact | SameAs


@dataclass(frozen=True, slots=True)
class SentenceSystem:
    """Sentences in one theme about the things in ``subjects``."""

    theme: Theme
    subjects: tuple[str, ...]
    sentences: tuple[Sentence, ...]

    def sentence_text(self, sentence: Sentence) -> str:
        if isinstance(sentence, Fact):
            return self.theme.fact_sentence(sentence.subject, sentence.value)
        return self.theme.same_sentence(sentence.subject, sentence.other)

    def text(self) -> str:
        return " ".join(self.sentence_text(s) for s in self.sentences)

    def numbered(self) -> tuple[str, ...]:
        return tuple(f"{i}. {self.sentence_text(s)}" for i, s in enumerate(self.sentences, 1))


@dataclass(frozen=True, slots=True)
class SentenceVerdict:
    """Complete, redundant or contradictory, and why in one sentence."""

    kind: SentenceKind
    reason: str

    def text(self) -> str:
        return self.kind

    def latex(self) -> str:
        return rf"\text{{{self.kind}}}"

    def to_json(self) -> Any:
        return {"kind": self.kind, "reason": self.reason}


# --- reading sentences -----------------------------------------------------------------


def read_sentences(text: str, subjects: Sequence[str] | None = None) -> SentenceSystem:
    """Read sentences written in one of the :data:`THEMES` forms.

    ``subjects`` lists the things the question is about; by default, those the
    sentences mention.
    """
    pieces = [p.strip() for p in re.split(r"(?<=\.)\s*|\n+", text) if p.strip()]
    if not pieces:
        raise NotSolvable("write at least one sentence, like 'The dog is black.'")
    for theme in THEMES:
        fact, same = theme.patterns()
        parsed: list[Sentence] = []
        for written in pieces:
            piece = written if written.endswith(".") else written + "."
            if match := same.fullmatch(piece):
                parsed.append(SameAs(*_names(theme, match.groups())))
            elif match := fact.fullmatch(piece):
                parsed.append(Fact(*_names(theme, match.groups())))
            else:
                break
        else:
            mentioned: list[str] = []
            for s in parsed:
                names = (s.subject,) if isinstance(s, Fact) else (s.subject, s.other)
                mentioned += [n for n in names if n not in mentioned]
            chosen = tuple(subjects) if subjects else tuple(mentioned)
            missing = [n for n in mentioned if n not in chosen]
            if missing:
                raise NotSolvable(f"the sentences mention {missing[0]!r}, which is not listed")
            return SentenceSystem(theme, chosen, tuple(parsed))
    examples = "; ".join(f"'{t.fact_sentence(t.subjects[0], t.values[0])}'" for t in THEMES[:3])
    raise NotSolvable(f"write sentences in forms like {examples}")


def _names(theme: Theme, groups: Sequence[str]) -> tuple[str, str]:
    """Match case with the theme's own spelling ("Dog" → "dog")."""
    known = {w.lower(): w for w in theme.subjects + theme.values}
    first, second = (known.get(g.lower(), g) for g in groups)
    return first, second


# --- classifying -------------------------------------------------------------------------


class _Groups:
    """Union-find over subjects; each group may have a known value."""

    def __init__(self, subjects: Sequence[str]) -> None:
        self.parent = {s: s for s in subjects}
        self.value: dict[str, str] = {}

    def find(self, s: str) -> str:
        while self.parent[s] != s:
            s = self.parent[s]
        return s

    def members(self, s: str) -> list[str]:
        root = self.find(s)
        return [t for t in self.parent if self.find(t) == root]


def classify_sentences(system: SentenceSystem) -> Solution[SentenceVerdict]:
    """Read the sentences one by one, noting what each adds; then decide."""
    groups = _Groups(system.subjects)
    steps: list[Step] = []
    nothing_new: list[int] = []
    contradiction: int | None = None
    for number, sentence in enumerate(system.sentences, 1):
        if isinstance(sentence, Fact):
            effect, note = _read_fact(system.theme, groups, sentence)
        else:
            effect, note = _read_same(system.theme, groups, sentence)
        if effect == "nothing new":
            nothing_new.append(number)
        elif effect == "contradiction" and contradiction is None:
            contradiction = number
        said = system.sentence_text(sentence)
        steps.append(Step(f"Sentence {number}, “{said}” — {note}"))
    unknown = [s for s in system.subjects if groups.find(s) not in groups.value]
    verdict = _verdict(system, contradiction, nothing_new, unknown)
    steps.append(Step(f"So the system is {verdict.kind}: {verdict.reason}", verdict))
    return Solution(verdict, tuple(steps))


Effect = Literal["new", "nothing new", "contradiction"]


def _read_fact(theme: Theme, groups: _Groups, sentence: Fact) -> tuple[Effect, str]:
    prop, name = theme.property, theme.name(sentence.subject)
    root = groups.find(sentence.subject)
    known = groups.value.get(root)
    if known == sentence.value:
        return "nothing new", f"Nothing new: we already knew {name}'s {prop}"
    if known is not None:
        return "contradiction", (
            f"Contradiction: the sentences before say {name}'s {prop} is {known}, "
            f"not {sentence.value}"
        )
    groups.value[root] = sentence.value
    note = f"New: now we know the {prop} of {name}"
    others = [theme.name(m) for m in groups.members(sentence.subject) if m != sentence.subject]
    if others:
        note += f", and so of {', '.join(others)} too"
    return "new", note


def _read_same(theme: Theme, groups: _Groups, sentence: SameAs) -> tuple[Effect, str]:
    prop = theme.property
    first, second = theme.name(sentence.subject), theme.name(sentence.other)
    a, b = groups.find(sentence.subject), groups.find(sentence.other)
    va, vb = groups.value.get(a), groups.value.get(b)
    if a == b:
        return "nothing new", f"Nothing new: we already knew {first} and {second} share a {prop}"
    if va is not None and vb is not None and va != vb:
        return "contradiction", (
            f"Contradiction: the sentences before give {first} {va} and {second} {vb}, "
            f"so they cannot share a {prop}"
        )
    groups.parent[b] = a
    if va is None and vb is not None:
        groups.value[a] = vb
    if va is not None and vb is not None:
        return "nothing new", f"Nothing new: we already knew both {plural(prop)}, and they match"
    if va is None and vb is None:
        return "new", f"New: {first} and {second} share a {prop}, though we do not know it yet"
    return "new", f"New: {first} and {second} share a {prop}, and we know it: {groups.value[a]}"


def _verdict(
    system: SentenceSystem,
    contradiction: int | None,
    nothing_new: list[int],
    unknown: list[str],
) -> SentenceVerdict:
    prop = system.theme.property
    if contradiction is not None:
        return SentenceVerdict(
            "contradictory",
            f"sentence {contradiction} cannot be true together with the sentences before it, "
            f"so no way of choosing the {plural(prop)} makes every sentence true (no solution)",
        )
    if unknown:
        names = ", ".join(system.theme.name(u) for u in unknown)
        extra = (
            f"sentence {nothing_new[0]} only repeats what we knew, so "
            if nothing_new
            else "the sentences do not say enough, so "
        )
        return SentenceVerdict(
            "redundant",
            f"{extra}the {prop} of {names} is never fixed (many solutions)",
        )
    return SentenceVerdict(
        "complete",
        f"every {prop} is fixed and nothing clashes (exactly one solution)",
    )


# --- generating ----------------------------------------------------------------------------


def generate_sentence_system(
    rng: np.random.Generator, kind: SentenceKind, size: int, allow_same: bool
) -> SentenceSystem:
    """A system of ``size`` sentences about ``size`` things, of the asked ``kind``.

    Built from a complete system (each group of things tied by "same as"
    sentences, with one fact per group); a redundant one trades a sentence for
    one the rest already imply, a contradictory one for one that clashes.
    """
    for _ in range(200):
        theme = THEMES[int(rng.integers(len(THEMES)))]
        order = rng.permutation(len(theme.subjects))[:size]
        subjects = tuple(theme.subjects[int(i)] for i in order)
        truth = {s: theme.values[int(rng.integers(len(theme.values)))] for s in subjects}
        sentences = _complete(rng, subjects, truth, allow_same)
        if kind != "complete":
            dropped = int(rng.integers(len(sentences)))
            rest = sentences[:dropped] + sentences[dropped + 1 :]
            extra = _implied(rng, theme, rest, subjects) if kind == "redundant" else None
            if kind == "contradictory":
                extra = _clashing(rng, theme, rest, subjects, allow_same)
            if extra is None:
                continue
            sentences = [*rest, extra]
        shuffled = tuple(sentences[int(i)] for i in rng.permutation(len(sentences)))
        system = SentenceSystem(theme, subjects, shuffled)
        if classify_sentences(system).answer.kind == kind:
            return system
    raise AssertionError("could not build a system of sentences")  # pragma: no cover


def _complete(
    rng: np.random.Generator,
    subjects: tuple[str, ...],
    truth: dict[str, str],
    allow_same: bool,
) -> list[Sentence]:
    sentences: list[Sentence] = []
    anchors: list[str] = []
    for s in subjects:
        if allow_same and anchors and rng.random() < 0.5:
            other = anchors[int(rng.integers(len(anchors)))]
            truth[s] = truth[other]
            pair = (s, other) if rng.random() < 0.5 else (other, s)
            sentences.append(SameAs(*pair))
        else:
            sentences.append(Fact(s, truth[s]))
        anchors.append(s)
    return sentences


def _implied(
    rng: np.random.Generator, theme: Theme, rest: list[Sentence], subjects: tuple[str, ...]
) -> Sentence | None:
    system = SentenceSystem(theme, subjects, tuple(rest))
    groups = _solve_groups(system)
    options: list[Sentence] = list(rest)  # a repeat
    for s in subjects:
        root = groups.find(s)
        if root in groups.value:
            options.append(Fact(s, groups.value[root]))
        options += [SameAs(s, t) for t in groups.members(s) if t != s]
    return options[int(rng.integers(len(options)))] if options else None


def _clashing(
    rng: np.random.Generator,
    theme: Theme,
    rest: list[Sentence],
    subjects: tuple[str, ...],
    allow_same: bool,
) -> Sentence | None:
    groups = _solve_groups(SentenceSystem(theme, subjects, tuple(rest)))
    options: list[Sentence] = []
    for s in subjects:
        known = groups.value.get(groups.find(s))
        if known is None:
            continue
        options += [Fact(s, v) for v in theme.values if v != known]
        if allow_same:
            options += [
                SameAs(s, t)
                for t in subjects
                if groups.value.get(groups.find(t)) not in (None, known)
            ]
    return options[int(rng.integers(len(options)))] if options else None


def _solve_groups(system: SentenceSystem) -> _Groups:
    """The groups and values the (consistent) sentences imply."""
    groups = _Groups(system.subjects)
    for sentence in system.sentences:
        if isinstance(sentence, Fact):
            groups.value.setdefault(groups.find(sentence.subject), sentence.value)
        else:
            a, b = groups.find(sentence.subject), groups.find(sentence.other)
            if a != b:
                groups.parent[b] = a
                if a not in groups.value and b in groups.value:
                    groups.value[a] = groups.value[b]
    return groups
