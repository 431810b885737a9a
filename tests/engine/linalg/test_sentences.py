"""Systems of sentences: the classification matches how many assignments satisfy them."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mlmath.engine.linalg.sentences import (
    SENTENCE_KINDS,
    Fact,
    SentenceKind,
    SentenceSystem,
    classify_sentences,
    generate_sentence_system,
    read_sentences,
)
from mlmath.engine.solution import NotSolvable


def brute_force_kind(system: SentenceSystem) -> SentenceKind:
    """Count the assignments of values that make every sentence true."""
    values = system.theme.values
    count = 0
    for choice in itertools.product(values, repeat=len(system.subjects)):
        world = dict(zip(system.subjects, choice, strict=True))
        if all(
            world[s.subject] == s.value
            if isinstance(s, Fact)
            else world[s.subject] == world[s.other]
            for s in system.sentences
        ):
            count += 1
    return "contradictory" if count == 0 else "complete" if count == 1 else "redundant"


@pytest.mark.parametrize("kind", SENTENCE_KINDS)
@pytest.mark.parametrize(("size", "allow_same"), [(2, False), (3, True), (4, True)])
def test_generated_systems_have_the_kind_asked_for(
    kind: SentenceKind, size: int, allow_same: bool
) -> None:
    for seed in range(15):
        system = generate_sentence_system(np.random.default_rng(seed), kind, size, allow_same)
        assert len(system.sentences) == len(system.subjects) == size
        assert classify_sentences(system).answer.kind == kind
        assert brute_force_kind(system) == kind
        assert read_sentences(system.text(), system.subjects) == system


@pytest.mark.parametrize(
    ("text", "subjects", "kind"),
    [
        ("The dog is black. The cat is orange.", None, "complete"),
        ("The dog is black. The dog is black.", ["dog", "cat"], "redundant"),
        ("The dog is black. The dog is white.", None, "contradictory"),
        ("Ana lives in Lima. Ben lives in the same city as Ana.", None, "complete"),
        (
            "Farah plays chess. Gus plays tennis. Gus plays the same sport as Farah.",
            None,
            "contradictory",
        ),
        (
            "the atlas is on the second shelf\nthe novel is on the same shelf as the atlas",
            None,
            "complete",
        ),
    ],
)
def test_classic_systems(text: str, subjects: list[str] | None, kind: str) -> None:
    solution = classify_sentences(read_sentences(text, subjects))
    assert solution.answer.kind == kind
    assert len(solution.steps) == len(read_sentences(text, subjects).sentences) + 1


def test_the_reason_names_the_sentence_that_adds_nothing() -> None:
    verdict = classify_sentences(
        read_sentences("The dog is black. The dog is black.", ["dog", "cat"])
    ).answer
    assert "sentence 2" in verdict.reason
    assert "the cat" in verdict.reason


def test_unknown_sentence_forms_get_a_message() -> None:
    with pytest.raises(NotSolvable, match="forms like"):
        read_sentences("The dog might be black.")
    with pytest.raises(NotSolvable, match="not listed"):
        read_sentences("The dog is black.", ["cat"])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The atlas is on the first shelf. The atlas is on the second shelf.",
            "choosing the shelves",
        ),
        ("Ana lives in Lima. Ana lives in Oslo.", "choosing the cities"),
        (
            "The atlas is on the first shelf. The novel is on the first shelf. "
            "The novel is on the same shelf as the atlas.",
            "we already knew both shelves",
        ),
    ],
)
def test_the_reasons_spell_plurals_correctly(text: str, words: str) -> None:
    steps = " ".join(step.rule for step in classify_sentences(read_sentences(text)).steps)
    assert words in steps
    assert "shelfs" not in steps
    assert "citys" not in steps
