"""The diagnosis evaluation set (``tests/data/diagnosis``): no typical wrong answer of a
beginner is ever accepted, every right answer in an ordinary notation is, and most
wrong answers get their mistake named. ``benchmarks/diagnosis.py`` prints the shares."""

from __future__ import annotations

import pytest
from tests.fixtures.diagnosis import Tally, courses, evaluate

from mlmath.exercises.registry import get

NAMED_AT_LEAST = 0.8
"""Share of the set's wrong answers that must be named, per course (the set is built to
be hard: it keeps the slips no generator explains)."""


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return evaluate()


def test_every_item_names_a_skill_and_reads_its_input() -> None:
    for _, items in courses():
        for item in items:
            skill = get(item["skill"])
            skill.read_inputs(item["input"])
            assert item["right"], item["skill"]
            assert all(w["why"] for w in item.get("wrong", ())), item["skill"]


def test_no_wrong_answer_is_accepted_and_every_right_form_is(tallies: dict[str, Tally]) -> None:
    failures = [
        f"{g.skill}: {g.typed!r} ({g.why or 'a right form'}) → {g.verdict}: {g.message}"
        for tally in tallies.values()
        for g in tally.failures
    ]
    assert not failures


def test_most_wrong_answers_are_named(tallies: dict[str, Tally]) -> None:
    for course, tally in tallies.items():
        assert tally.named >= NAMED_AT_LEAST * tally.wrong, (course, tally.named, tally.wrong)
