"""Mastery levels and the review schedule, folded from a learner's answers to one skill. Pure.

The rule
--------
Each checked answer (correct or incorrect; unreadable and undecided ones do not
count) is an :class:`Answer`. Only the *first* answer to a variant, given
before its worked solution was shown, is *scored*:

- a scored correct answer earns a point (at most :data:`MAX_POINTS`);
- a scored wrong answer costs :data:`MISTAKE_COST` points (never below zero);
- retries and answers after "show solution" change no points.

Points count correct answers across *different* variants, so the level says
how reliably the learner solves new problems of the skill:

======  ===========  ======================================
level   name         reached when
======  ===========  ======================================
0       new          no answer yet
1       attempted    at least one checked answer
2       familiar     1 point
3       proficient   3 points
4       mastered     5 points
======  ===========  ======================================

Spaced repetition (a Leitner-style schedule): after the first scored correct
answer the skill is due again in 1 day. A scored correct answer given when the
skill is due (a successful review) doubles the interval, up to
:data:`MAX_INTERVAL_DAYS`; practising before it is due keeps the interval. A
scored mistake shrinks it back to 1 day. A skill answered but never scored
correct is due 1 day after it was last practised. The review queue lists the
skills that are due, most overdue (relative to their interval) first.

>>> from datetime import datetime, UTC
>>> t = datetime(2026, 1, 1, tzinfo=UTC)
>>> s = fold([Answer("v1", True, True, False, t), Answer("v2", True, True, False, t)])
>>> s.level, LEVEL_NAMES[s.level], s.interval_days
(2, 'familiar', 1.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

LEVEL_NAMES = ("new", "attempted", "familiar", "proficient", "mastered")
LEVEL_POINTS = (0, 0, 1, 3, 5)
"""Points needed for each level from ``familiar`` up (``attempted`` needs one answer)."""
MAX_POINTS = 6
MISTAKE_COST = 2
FIRST_INTERVAL_DAYS = 1.0
MAX_INTERVAL_DAYS = 64.0


@dataclass(frozen=True, slots=True)
class Answer:
    """One checked answer to a variant of the skill."""

    variant_key: str
    correct: bool
    first_try: bool
    revealed: bool
    at: datetime

    @property
    def scored(self) -> bool:
        return self.first_try and not self.revealed


@dataclass(frozen=True, slots=True)
class MasteryState:
    """Where a learner stands in one skill."""

    points: int = 0
    answers: int = 0
    correct: int = 0
    interval_days: float = 0.0
    last_practised_at: datetime | None = None
    due_at: datetime | None = None

    @property
    def level(self) -> int:
        if self.answers == 0:
            return 0
        return max(i for i, need in enumerate(LEVEL_POINTS) if i == 1 or self.points >= need)

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]


def apply(state: MasteryState, answer: Answer) -> MasteryState:
    """The state after one more answer."""
    state = replace(
        state,
        answers=state.answers + 1,
        correct=state.correct + answer.correct,
        last_practised_at=answer.at,
    )
    if not answer.scored:
        if state.interval_days == 0:
            return replace(state, due_at=answer.at + timedelta(days=FIRST_INTERVAL_DAYS))
        return state
    if answer.correct:
        if state.interval_days == 0:
            interval = FIRST_INTERVAL_DAYS
        elif state.due_at is not None and answer.at >= state.due_at:
            interval = min(state.interval_days * 2, MAX_INTERVAL_DAYS)
        else:
            interval = state.interval_days
        return replace(
            state,
            points=min(state.points + 1, MAX_POINTS),
            interval_days=interval,
            due_at=answer.at + timedelta(days=interval),
        )
    interval = FIRST_INTERVAL_DAYS if state.interval_days else 0.0
    return replace(
        state,
        points=max(state.points - MISTAKE_COST, 0),
        interval_days=interval,
        due_at=answer.at + timedelta(days=FIRST_INTERVAL_DAYS),
    )


def fold(answers: Iterable[Answer], start: MasteryState | None = None) -> MasteryState:
    """The state after a whole history of answers, in the order given."""
    state = start or MasteryState()
    for answer in answers:
        state = apply(state, answer)
    return state


def difficulty_for(level: int, skill_levels: int) -> int:
    """The variant level to practise at: 1 until proficient, 2 when proficient, 3 when mastered."""
    wanted = 1 + (level >= 3) + (level >= 4)
    return max(1, min(wanted, skill_levels))


@dataclass(frozen=True, slots=True)
class Review:
    skill_id: str
    state: MasteryState
    overdue_days: float


def review_queue(
    states: Iterable[tuple[str, MasteryState]], now: datetime, limit: int | None = None
) -> Sequence[Review]:
    """The skills due for review at ``now``, most overdue (relative to the interval) first."""
    due = [
        Review(skill_id, state, (now - state.due_at).total_seconds() / 86400)
        for skill_id, state in states
        if state.due_at is not None and state.due_at <= now
    ]
    due.sort(key=lambda r: (-r.overdue_days / max(r.state.interval_days, 1.0), r.skill_id))
    return due[:limit] if limit is not None else due
