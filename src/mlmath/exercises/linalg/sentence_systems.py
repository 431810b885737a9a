"""Skill: is a system of sentences complete, redundant or contradictory?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.linalg.sentences import (
    SENTENCE_KINDS,
    SameAs,
    SentenceSystem,
    classify_sentences,
    generate_sentence_system,
    read_sentences,
)
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · Systems of sentences"
OPTIONS = (
    Choice("complete", "complete (exactly one way to make every sentence true)"),
    Choice("redundant", "redundant (many ways)"),
    Choice("contradictory", "contradictory (no way)"),
)


def _system(params: Params) -> SentenceSystem:
    subjects = [s.strip() for s in (params.get("subjects") or "").split(",") if s.strip()]
    return read_sentences(params["sentences"], subjects or None)


@register
class SentenceSystems(Skill):
    id = "linalg.sentence_systems"
    title = "Systems of sentences"
    summary = "Classify a few sentences as complete, redundant or contradictory."
    levels = 3
    inputs = (
        Field("sentences", "string", "the sentences, like 'The dog is black. The cat is white.'"),
        Field(
            "subjects",
            "string",
            "the things asked about, separated by commas (default: those mentioned)",
            required=False,
            default="",
        ),
    )
    misconceptions = (
        Misconception(
            "counted_sentences",
            "Having as many sentences as unknowns is not enough",
            "A sentence that repeats what the others say adds nothing, and two sentences "
            "can clash; read what each one adds before counting.",
            TOPIC,
        ),
        Misconception(
            "redundant_vs_contradictory",
            "You mixed up redundant and contradictory",
            "Redundant: a sentence repeats information, so something stays unknown (many "
            "solutions). Contradictory: two sentences cannot both be true (no solution).",
            TOPIC,
        ),
        Misconception(
            "sameness_ignored",
            "A 'same as' sentence carries information",
            "'The cat is the same colour as the dog' fixes the cat's colour as soon as the "
            "dog's is known: it counts like a fact.",
            TOPIC,
        ),
        Misconception(
            "contradictory_needs_clash",
            "Contradictory needs a sentence that clashes with the others",
            "A system is contradictory only when some sentence cannot be true together with "
            "the ones before it. Read the sentences in turn: does one disagree with what you "
            "already know?",
            TOPIC,
        ),
        Misconception(
            "redundant_needs_something_unknown",
            "Redundant needs something left unknown",
            "A sentence that repeats the others makes the system redundant only when, in the "
            "end, something is still not fixed (many ways). If every answer is fixed and "
            "nothing clashes, the system is complete.",
            TOPIC,
        ),
        Misconception(
            "complete_needs_everything_fixed",
            "Complete needs everything fixed and nothing clashing",
            "Complete means exactly one way to make every sentence true: each thing asked "
            "about is pinned down, and no sentence disagrees with another.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        kind = SENTENCE_KINDS[int(rng.integers(3))]
        size = {1: 2, 2: int(rng.integers(2, 4)), 3: int(rng.integers(3, 6))}[level]
        system = generate_sentence_system(rng, kind, size, allow_same=level > 1)
        return {"sentences": system.text(), "subjects": ", ".join(system.subjects)}

    def prompt(self, params: Params) -> Prompt:
        system = _system(params)
        names = [system.theme.name(s) for s in system.subjects]
        things = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return (
            f"{system.theme.setting} The sentences are about {things}.",
            *system.numbered(),
            "Is this system of sentences complete, redundant or contradictory?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=OPTIONS)

    def solve(self, params: Params) -> Solution[str]:
        worked = classify_sentences(_system(params))
        return Solution(worked.answer.kind, worked.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        system = _system(params)
        return (
            f"Read the sentences one at a time: does each one tell you something new about "
            f"a {system.theme.property}, repeat something, or clash with what came before?",
            f"Start with sentence 1: “{system.sentence_text(system.sentences[0])}” "
            "What do you know after it?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        """Every wrong option, by the belief that picks it."""
        system = _system(params)
        kind = classify_sentences(system).answer.kind
        if kind == "complete":
            same = any(isinstance(s, SameAs) for s in system.sentences)
            return {
                "sameness_ignored" if same else "redundant_needs_something_unknown": "redundant",
                "contradictory_needs_clash": "contradictory",
            }
        counted = len(system.sentences) == len(system.subjects)
        other = "contradictory" if kind == "redundant" else "redundant"
        return {
            "counted_sentences" if counted else "complete_needs_everything_fixed": "complete",
            "redundant_vs_contradictory": other,
        }

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        verdict = classify_sentences(_system(params)).answer
        here = f"Here {verdict.reason}."
        reasons = dict.fromkeys(self.buggy_answers(params), here)
        if verdict.kind == "redundant":
            reasons["redundant_vs_contradictory"] = (
                f"Here no sentence clashes with the ones before it, but {verdict.reason}."
            )
        return reasons

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        letter = "abc"[SENTENCE_KINDS.index(self.solve(params).answer)]
        return Examples((*base.correct, letter), base.incorrect, ("unclear", "d"))
