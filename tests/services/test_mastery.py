"""The mastery rule and the review schedule (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mlmath.services.mastery import (
    Answer,
    MasteryState,
    apply,
    difficulty_for,
    fold,
    review_queue,
)

T0 = datetime(2026, 1, 1, 9, tzinfo=UTC)


def right(n: int, at: datetime = T0) -> Answer:
    return Answer(f"v{n}", True, True, False, at)


def wrong(n: int, at: datetime = T0) -> Answer:
    return Answer(f"v{n}", False, True, False, at)


@pytest.mark.parametrize(
    ("answers", "level_name"),
    [
        ([], "new"),
        ([wrong(1)], "attempted"),
        ([right(1)], "familiar"),
        ([right(1), right(2), right(3)], "proficient"),
        ([right(n) for n in range(5)], "mastered"),
        ([*[right(n) for n in range(5)], wrong(9)], "proficient"),
        ([right(1), wrong(2)], "attempted"),
    ],
)
def test_levels_follow_correct_answers_across_variants(
    answers: list[Answer], level_name: str
) -> None:
    assert fold(answers).level_name == level_name


def test_retrying_one_variant_does_not_raise_the_level() -> None:
    retries = [wrong(1), Answer("v1", True, False, False, T0), Answer("v1", True, False, False, T0)]
    assert fold(retries).level_name == "attempted"


def test_answers_after_seeing_the_solution_earn_nothing() -> None:
    assert fold([Answer("v1", True, True, True, T0)]).level_name == "attempted"


def test_a_successful_review_doubles_the_interval_and_early_practice_keeps_it() -> None:
    state = apply(MasteryState(), right(1))
    assert state.interval_days == 1
    assert state.due_at == T0 + timedelta(days=1)
    early = apply(state, right(2, T0 + timedelta(hours=2)))
    assert early.interval_days == 1
    reviewed = apply(early, right(3, T0 + timedelta(days=2)))
    assert reviewed.interval_days == 2
    assert reviewed.due_at == T0 + timedelta(days=4)


def test_a_mistake_brings_the_skill_back_tomorrow() -> None:
    state = fold([right(n, T0 + timedelta(days=3 * n)) for n in range(4)])
    assert state.interval_days > 1
    after = apply(state, wrong(9, T0 + timedelta(days=20)))
    assert after.interval_days == 1
    assert after.due_at == T0 + timedelta(days=21)


def test_the_review_queue_lists_due_skills_most_overdue_first() -> None:
    now = T0 + timedelta(days=10)
    old = fold([right(1, T0)])
    recent = fold([right(1, now - timedelta(hours=1))])
    older = fold([right(1, T0 - timedelta(days=5))])
    queue = review_queue([("a", old), ("b", recent), ("c", older)], now)
    assert [r.skill_id for r in queue] == ["c", "a"]


@pytest.mark.parametrize(
    ("level", "levels", "expected"), [(0, 3, 1), (3, 3, 2), (4, 3, 3), (4, 1, 1)]
)
def test_harder_variants_come_with_mastery(level: int, levels: int, expected: int) -> None:
    assert difficulty_for(level, levels) == expected
