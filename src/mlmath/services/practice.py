"""Practice: the current variant of a skill for a learner, drafts, answers, hints and solutions.

A learner's variants of one skill are numbered 0, 1, 2, …; the *current* one is
the newest that was not left with "another one". Until the learner does
something with it (types, answers, asks for the solution) the current variant is
only *pending*: its seed is derived from the server secret, the learner, the
skill and its number, so showing it writes nothing and every reload shows the
same problem. The page carries a signed :class:`VariantRef`; the first action on
it stores the variant.

Used by the web and by the terminal alike; it knows neither.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlmath.exercises.skill import Feedback, Skill
from mlmath.exercises.skill import Variant as Problem
from mlmath.services import mastery_store
from mlmath.services.errors import Conflict, NotFound
from mlmath.services.mastery import Answer, MasteryState, difficulty_for
from mlmath.store.models import Attempt, Variant, utcnow

MAX_RESPONSE_CHARS = 5_000
"""Longest answer stored; the answer reader has its own, smaller limits."""
SEED_BITS = 48
COUNTED_VERDICTS = ("correct", "incorrect")


@lru_cache(maxsize=4096)
def problem(skill: Skill, seed: int, level: int) -> Problem:
    """The variant of ``skill`` for ``(seed, level)`` (a pure function, so cached)."""
    return skill.variant(seed, level)


def derived_seed(secret: bytes, learner_id: int, skill_id: str, ordinal: int) -> int:
    digest = hmac.new(secret, f"seed:{learner_id}:{skill_id}:{ordinal}".encode(), "sha256")
    return int.from_bytes(digest.digest()[:8], "big") >> (64 - SEED_BITS)


@dataclass(frozen=True, slots=True)
class VariantRef:
    """Which variant a page shows, signed so that it cannot be swapped for another."""

    ordinal: int
    seed: int
    level: int

    def _signature(self, secret: bytes, learner_id: int, skill_id: str) -> str:
        message = f"ref:{learner_id}:{skill_id}:{self.ordinal}:{self.seed}:{self.level}"
        return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:32]

    def dump(self, secret: bytes, learner_id: int, skill_id: str) -> str:
        signature = self._signature(secret, learner_id, skill_id)
        return f"{self.ordinal}.{self.seed}.{self.level}.{signature}"

    @classmethod
    def load(cls, text: str, secret: bytes, learner_id: int, skill_id: str) -> VariantRef:
        parts = text.split(".")
        if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]) or len(text) > 100:
            raise NotFound("variant")
        ref = cls(int(parts[0]), int(parts[1]), int(parts[2]))
        if not hmac.compare_digest(ref._signature(secret, learner_id, skill_id), parts[3]):
            raise NotFound("variant")
        return ref


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    id: int
    response: str
    verdict: str
    message: str
    misconception_id: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Current:
    """What the practice panel of one skill shows."""

    skill: Skill
    ref: VariantRef
    problem: Problem
    variant_id: int | None
    draft: str
    revealed: bool
    attempts: Sequence[AttemptRecord]
    """The latest few attempts at this variant, oldest first."""
    mastery: MasteryState
    solved: bool = False

    @property
    def last(self) -> AttemptRecord | None:
        return self.attempts[-1] if self.attempts else None


@dataclass(frozen=True, slots=True)
class Checked:
    """The outcome of submitting one answer."""

    attempt: AttemptRecord
    feedback: Feedback
    mastery: MasteryState
    repeated: bool
    """True when the same submission (same idempotency key) had already been checked."""


def _record(a: Attempt) -> AttemptRecord:
    return AttemptRecord(a.id, a.response, a.verdict, a.message, a.misconception_id, a.created_at)


def _latest(session: Session, learner_id: int, skill_id: str) -> Variant | None:
    query = (
        select(Variant)
        .where(Variant.learner_id == learner_id, Variant.skill_id == skill_id)
        .order_by(Variant.ordinal.desc())
        .limit(1)
    )
    return session.scalars(query).first()


SHOWN_ATTEMPTS = 5
"""How many of a variant's latest attempts the practice panel receives."""


def _attempts(session: Session, variant_id: int) -> list[AttemptRecord]:
    """The variant's latest attempts, oldest first."""
    query = (
        select(Attempt)
        .where(Attempt.variant_id == variant_id)
        .order_by(Attempt.id.desc())
        .limit(SHOWN_ATTEMPTS)
    )
    return [_record(a) for a in reversed(list(session.scalars(query)))]


def _solved(session: Session, variant_id: int) -> bool:
    query = select(Attempt.id).where(Attempt.variant_id == variant_id, Attempt.verdict == "correct")
    return session.scalars(query.limit(1)).first() is not None


def current(session: Session, learner_id: int, skill: Skill, secret: bytes) -> Current:
    """The variant the learner is working on (read only: a pending one is not stored)."""
    states = mastery_store.states(session, learner_id, [skill.id])
    mastery = states.get(skill.id, MasteryState())
    latest = _latest(session, learner_id, skill.id)
    if latest is not None and not latest.closed:
        ref = VariantRef(latest.ordinal, latest.seed, latest.level)
        return Current(
            skill,
            ref,
            problem(skill, latest.seed, latest.level),
            latest.id,
            latest.draft,
            latest.revealed,
            _attempts(session, latest.id),
            mastery,
            _solved(session, latest.id),
        )
    ordinal = 0 if latest is None else latest.ordinal + 1
    seed = derived_seed(secret, learner_id, skill.id, ordinal)
    level = difficulty_for(mastery.level, skill.levels)
    ref = VariantRef(ordinal, seed, level)
    return Current(skill, ref, problem(skill, seed, level), None, "", False, (), mastery)


def _store(session: Session, learner_id: int, skill: Skill, ref: VariantRef) -> Variant:
    """The stored variant ``ref`` names, storing it now if it was pending."""
    query = select(Variant).where(
        Variant.learner_id == learner_id,
        Variant.skill_id == skill.id,
        Variant.ordinal == ref.ordinal,
    )
    row = session.scalars(query).first()
    if row is not None:
        if row.closed:
            raise Conflict("This problem was replaced by a newer one: reload the page to see it.")
        return row
    newest = session.scalar(
        select(func.max(Variant.ordinal)).where(
            Variant.learner_id == learner_id, Variant.skill_id == skill.id
        )
    )
    if ref.ordinal != (0 if newest is None else newest + 1) or not 1 <= ref.level <= skill.levels:
        raise Conflict("This problem was replaced by a newer one: reload the page to see it.")
    row = Variant(
        learner_id=learner_id,
        skill_id=skill.id,
        ordinal=ref.ordinal,
        seed=ref.seed,
        level=ref.level,
        draft="",
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise Conflict("This problem was just saved from another tab: reload the page.") from None
    return row


def save_draft(session: Session, learner_id: int, skill: Skill, ref: VariantRef, text: str) -> None:
    """Keep what the learner has typed so far, so that it survives a reload."""
    row = _store(session, learner_id, skill, ref)
    row.draft = text[:MAX_RESPONSE_CHARS]


def submit(
    session: Session,
    learner_id: int,
    skill: Skill,
    ref: VariantRef,
    response: str,
    *,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> Checked:
    """Check an answer, store the attempt, and fold it into the learner's mastery.

    Submitting twice with the same ``idempotency_key`` stores one attempt.
    """
    key = idempotency_key or secrets.token_hex(16)
    if len(key) > 64:
        raise Conflict("The form is damaged: reload the page and answer again.")
    earlier = session.scalars(select(Attempt).where(Attempt.idempotency_key == key)).first()
    if earlier is not None:
        if earlier.learner_id != learner_id or earlier.skill_id != skill.id:
            raise Conflict("The form is damaged: reload the page and answer again.")
        return _repeat(session, skill, earlier)
    row = _store(session, learner_id, skill, ref)
    response = response[:MAX_RESPONSE_CHARS]
    feedback = skill.grade(problem(skill, row.seed, row.level).params, response)
    earlier_counted = session.scalar(
        select(func.count())
        .select_from(Attempt)
        .where(Attempt.variant_id == row.id, Attempt.verdict.in_(COUNTED_VERDICTS))
    )
    at = now or utcnow()
    attempt = Attempt(
        variant_id=row.id,
        learner_id=learner_id,
        skill_id=skill.id,
        response=response,
        verdict=feedback.verdict,
        misconception_id=feedback.misconception.id if feedback.misconception else None,
        message=feedback.message,
        created_at=at,
        idempotency_key=key,
    )
    session.add(attempt)
    row.draft = response
    if feedback.verdict in COUNTED_VERDICTS:
        answer = Answer(f"v{row.id}", feedback.correct, not earlier_counted, row.revealed, at)
        mastery = mastery_store.record(session, learner_id, skill.id, answer)
    else:
        mastery = mastery_store.states(session, learner_id, [skill.id]).get(
            skill.id, MasteryState()
        )
    session.flush()
    return Checked(_record(attempt), feedback, mastery, repeated=False)


def _repeat(session: Session, skill: Skill, attempt: Attempt) -> Checked:
    misconception = None
    if attempt.misconception_id:
        try:
            misconception = skill.misconception(attempt.misconception_id)
        except KeyError:
            misconception = None
    feedback = Feedback(attempt.verdict, attempt.message, misconception)  # type: ignore[arg-type]
    mastery = mastery_store.states(session, attempt.learner_id, [skill.id]).get(
        skill.id, MasteryState()
    )
    return Checked(_record(attempt), feedback, mastery, repeated=True)


def reveal(session: Session, learner_id: int, skill: Skill, ref: VariantRef) -> Any:
    """Mark the variant's worked solution as shown, and return it."""
    row = _store(session, learner_id, skill, ref)
    row.revealed = True
    return skill.solve(problem(skill, row.seed, row.level).params)


def another(session: Session, learner_id: int, skill: Skill, ref: VariantRef) -> None:
    """Leave this variant: the next call to :func:`current` shows a new one."""
    row = _store(session, learner_id, skill, ref)
    row.closed = True


@dataclass(frozen=True, slots=True)
class AttemptDetail:
    """One attempt with the variant it answered."""

    record: AttemptRecord
    skill_id: str
    seed: int
    level: int


def attempt(session: Session, learner_id: int, attempt_id: int) -> AttemptDetail:
    """One of the learner's own attempts; someone else's is :class:`NotFound`, like a missing id."""
    row = session.get(Attempt, attempt_id)
    if row is None or row.learner_id != learner_id:
        raise NotFound("attempt")
    variant = session.get(Variant, row.variant_id)
    assert variant is not None
    return AttemptDetail(_record(row), variant.skill_id, variant.seed, variant.level)


def history(session: Session, learner_id: int, limit: int = 50) -> list[tuple[str, AttemptRecord]]:
    """The learner's latest attempts, newest first, as ``(skill id, attempt)``."""
    query = (
        select(Attempt)
        .where(Attempt.learner_id == learner_id)
        .order_by(Attempt.id.desc())
        .limit(limit)
    )
    return [(a.skill_id, _record(a)) for a in session.scalars(query)]
