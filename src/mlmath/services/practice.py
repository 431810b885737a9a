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
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    bindparam,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from mlmath.exercises.skill import Feedback, Skill
from mlmath.exercises.skill import Variant as Problem
from mlmath.services import mastery_store
from mlmath.services.errors import Conflict, NotFound
from mlmath.services.mastery import Answer, MasteryState, difficulty_for
from mlmath.services.mastery_store import connection_of
from mlmath.store import direct
from mlmath.store.direct import Query
from mlmath.store.models import Attempt, Mastery, Variant
from mlmath.store.schema import utcnow

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
    after: Current | None = None
    """What the practice panel shows after this answer (saves reading it back)."""


def _record(a: Any) -> AttemptRecord:
    """An attempt (an ORM object or a result row) as a record."""
    return AttemptRecord(a.id, a.response, a.verdict, a.message, a.misconception_id, a.created_at)


# The practice loop's statements, built once: they run on the session's connection as
# prepared Core statements (no ORM objects, no statement building per request).
_VARIANT_COLUMNS = (
    Variant.id,
    Variant.ordinal,
    Variant.seed,
    Variant.level,
    Variant.draft,
    Variant.revealed,
    Variant.closed,
)


def _counted(attempt: Any) -> Any:
    """Whether an attempt's verdict counts (spelled out: ``IN`` costs a compile per run)."""
    return or_(*(attempt.verdict == verdict for verdict in COUNTED_VERDICTS))


def _has_attempt(attempt: Any, variant_id: Any, *conditions: Any) -> Any:
    """Whether the variant ``variant_id`` has an attempt meeting ``conditions``, looked up
    among its own attempts (their index).

    ``OFFSET 0`` keeps PostgreSQL from answering the ``EXISTS`` with a hash of every
    matching attempt in the table instead, which its planner prefers while its statistics
    still describe a small table (a new class, the first minute after a restore): every
    answer then read the whole table, and an answer took twice as long within seconds."""
    return exists(
        select(literal_column("1"))
        .select_from(attempt)
        .where(attempt.variant_id == variant_id, *conditions)
        .offset(0)
    )


_SOLVED = _has_attempt(Attempt, Variant.id, Attempt.verdict == "correct").label("solved")
_COUNTED = _has_attempt(Attempt, Variant.id, _counted(Attempt)).label("counted")
_LEARNER_SKILL = (
    Variant.learner_id == bindparam("learner_id"),
    Variant.skill_id == bindparam("skill_id"),
)
_LATEST = (
    select(*_VARIANT_COLUMNS, _SOLVED)
    .where(*_LEARNER_SKILL)
    .order_by(Variant.ordinal.desc())
    .limit(1)
)
_BY_ORDINAL = select(*_VARIANT_COLUMNS, _SOLVED, _COUNTED).where(
    *_LEARNER_SKILL, Variant.ordinal == bindparam("ordinal")
)
_NEWEST_ORDINAL = select(func.max(Variant.ordinal)).where(*_LEARNER_SKILL)
_INSERT_VARIANT = insert(Variant).returning(Variant.id)
_SET_VARIANT = update(Variant).where(Variant.id == bindparam("variant_id"))
_OPEN_BY_ORDINAL = (  # an UPDATE's own columns cannot name its parameters
    Variant.learner_id == bindparam("of_learner"),
    Variant.skill_id == bindparam("of_skill"),
    Variant.ordinal == bindparam("of_ordinal"),
    Variant.closed.is_(False),
)
_ANSWERING = (
    update(Variant)
    .where(*_OPEN_BY_ORDINAL)
    .values(draft=bindparam("response"))
    .returning(Variant.id, Variant.ordinal, Variant.seed, Variant.level, Variant.revealed)
)
"""Keep the answer as the variant's draft and read the variant back, in one statement
(no row: the variant is pending, closed or unknown, and the slower path decides)."""
_CLOSING = update(Variant).where(*_OPEN_BY_ORDINAL).values(closed=True).returning(Variant.id)
_ATTEMPT_COLUMNS = (
    Attempt.id,
    Attempt.response,
    Attempt.verdict,
    Attempt.message,
    Attempt.misconception_id,
    Attempt.created_at,
)
SHOWN_ATTEMPTS = 5
"""How many of a variant's latest attempts the practice panel receives."""
_ATTEMPTS = (
    select(*_ATTEMPT_COLUMNS)
    .where(Attempt.variant_id == bindparam("variant_id"))
    .order_by(Attempt.id.desc())
    .limit(SHOWN_ATTEMPTS)
)
_BY_KEY = select(*_ATTEMPT_COLUMNS, Attempt.learner_id, Attempt.skill_id).where(
    Attempt.idempotency_key == bindparam("key")
)
_INSERT_ATTEMPT = {
    dialect.__name__.rsplit(".", 1)[-1]: dialect.insert(Attempt)
    .on_conflict_do_nothing(index_elements=[Attempt.idempotency_key])
    .returning(Attempt.id)
    for dialect in (postgresql, sqlite)
}
"""Store an attempt unless its idempotency key is taken (no row back: a repeat)."""
_ATTEMPT_FIELDS = (
    "variant_id",
    "learner_id",
    "skill_id",
    "response",
    "verdict",
    "misconception_id",
    "message",
    "created_at",
    "idempotency_key",
)
_STORED = (
    postgresql.insert(Attempt)
    .values(
        {
            field: bindparam(f"attempt_{field}", type_=Attempt.__table__.c[field].type)
            for field in _ATTEMPT_FIELDS
        }
    )
    .on_conflict_do_nothing(index_elements=[Attempt.idempotency_key])
    .returning(Attempt.id)
    .cte("stored")
)
_FOLDED = mastery_store.folding_after(exists(select(_STORED.c.id))).cte("folded")
_STORING_AND_FOLDING = select(
    _STORED.c.id.label("attempt_id"),
    select(func.count()).select_from(_FOLDED).scalar_subquery().label("folded"),
)
"""PostgreSQL: store a checked attempt and fold it into mastery in one statement (no row
back: a repeat, and nothing folded; ``folded`` 0: another answer was folded in since the
read, and :func:`mastery_store.record` folds this one into the row as it stands)."""


_HERE = select(literal_column("1").label("here")).subquery("here")
_MASTERY = (
    select(Mastery.learner_id.label("mastery_of"), *mastery_store.STATE_COLUMNS)
    .where(Mastery.learner_id == bindparam("learner_id"), Mastery.skill_id == bindparam("skill_id"))
    .subquery("mastery")
)
_OPEN_LATEST = _LATEST.subquery("latest")
_MASTERY_ANSWERED = (
    select(Mastery.learner_id.label("mastery_of"), *mastery_store.STATE_COLUMNS)
    .where(Mastery.learner_id == bindparam("of_learner"), Mastery.skill_id == bindparam("of_skill"))
    .subquery("mastery")
)
"""The mastery row beside an answer, keyed by the parameters the answer's ``UPDATE`` names
its variant with (a parameter named like a column would be set by the ``UPDATE``)."""
_SHOWN = aliased(Attempt, name="shown")
_PANEL = (
    select(
        _MASTERY,
        _OPEN_LATEST,
        *(getattr(_SHOWN, column.key).label(f"shown_{column.key}") for column in _ATTEMPT_COLUMNS),
    )
    .select_from(_HERE)
    .outerjoin(_MASTERY, true())
    .outerjoin(_OPEN_LATEST, true())
    .outerjoin(
        _SHOWN,
        (_SHOWN.variant_id == _OPEN_LATEST.c.id)
        & _OPEN_LATEST.c.closed.is_(False)
        & _SHOWN.id.in_(
            select(Attempt.id)
            .where(Attempt.variant_id == _OPEN_LATEST.c.id)
            .order_by(Attempt.id.desc())
            .limit(SHOWN_ATTEMPTS)
        ),
    )
    .order_by(_SHOWN.id.desc())
)
"""Everything the practice panel reads, in one statement (one round trip): the
learner's mastery of the skill, the latest variant, and its latest attempts (one row
per attempt, newest first; one row with empty attempt columns when there is none)."""

_EARLIER = aliased(Attempt)


def _before_answer(variant_id: Any, answered: Any = None) -> Select[Any]:
    """The columns and joins of :data:`_BEFORE_ANSWER` for the variant ``variant_id``
    names: a parameter, or the id that ``answered`` (an ``UPDATE … RETURNING`` as a
    CTE, joined first, its columns read as ``answered_*``) gave back."""
    columns = (
        ()
        if answered is None
        else tuple(column.label(f"answered_{column.key}") for column in answered.c)
    )
    start = _HERE if answered is None else _HERE.outerjoin(answered, true())
    joined = start.outerjoin(_MASTERY_ANSWERED, true()).outerjoin(
        _SHOWN,
        # the variant's own attempts first (its index), then its latest few of them: with
        # the IN alone, a variant id from the CTE would test every attempt stored
        (_SHOWN.variant_id == variant_id)
        & _SHOWN.id.in_(
            select(Attempt.id)
            .where(Attempt.variant_id == variant_id)
            .order_by(Attempt.id.desc())
            .limit(SHOWN_ATTEMPTS)
        ),
    )
    return (
        select(
            *columns,
            _MASTERY_ANSWERED,
            *(
                getattr(_SHOWN, column.key).label(f"shown_{column.key}")
                for column in _ATTEMPT_COLUMNS
            ),
            _has_attempt(_EARLIER, variant_id, _EARLIER.verdict == "correct").label("solved"),
            _has_attempt(_EARLIER, variant_id, _counted(_EARLIER)).label("counted"),
        )
        .select_from(joined)
        .order_by(_SHOWN.id.desc())
    )


_BEFORE_ANSWER = _before_answer(bindparam("variant_id"))
"""What an answer to a stored variant is folded into, in one statement: the learner's
mastery of the skill as it stands, the variant's latest attempts (one row each, newest
first; one row with empty attempt columns when there is none), and whether any attempt
at it was correct (``solved``) or checked at all (``counted``)."""
_ANSWERED = _ANSWERING.cte("answered")
_ANSWERING_WITH_BEFORE = _before_answer(_ANSWERED.c.id, _ANSWERED)
"""PostgreSQL: :data:`_ANSWERING` and :data:`_BEFORE_ANSWER` in one statement (a
data-modifying CTE), one round trip where SQLite, which has none, takes two. Empty
``answered_*`` columns: no open variant was updated, and the slower path decides."""


_CLOSED = _CLOSING.cte("closed")
_CLOSING_WITH_MASTERY = (
    select(_CLOSED.c.id.label("closed_id"), _MASTERY_ANSWERED)
    .select_from(_HERE)
    .outerjoin(_CLOSED, true())
    .outerjoin(_MASTERY_ANSWERED, true())
)
"""PostgreSQL: :data:`_CLOSING` and the learner's mastery of the skill in one statement
(an empty ``closed_id``: the variant was pending, closed or unknown)."""
_NEW_VARIANT = (
    insert(Variant)
    .values(
        {
            column.key: bindparam(f"new_{column.key}")
            for column in Variant.__table__.columns
            if not column.primary_key
        }
    )
    .returning(Variant.id)
    .cte("stored")
)
_STORING_VARIANT = select(_NEW_VARIANT.c.id)
"""PostgreSQL: :data:`_INSERT_VARIANT` as a statement that runs on the driver directly
(its parameters are :func:`_new_variant`'s, named ``new_*``)."""


def _attempts(conn: Connection, variant_id: int) -> list[AttemptRecord]:
    """The variant's latest attempts, oldest first."""
    rows = conn.execute(_ATTEMPTS, {"variant_id": variant_id}).all()
    return [_record(a) for a in reversed(rows)]


def _pending(
    secret: bytes, learner_id: int, skill: Skill, ordinal: int, mastery: MasteryState
) -> VariantRef:
    """The variant number ``ordinal`` becomes when it is first shown."""
    seed = derived_seed(secret, learner_id, skill.id, ordinal)
    return VariantRef(ordinal, seed, difficulty_for(mastery.level, skill.levels))


def _new_variant(learner_id: int, skill: Skill, ref: VariantRef) -> dict[str, Any]:
    """The row of a variant stored before anything is done with it."""
    return {
        "learner_id": learner_id,
        "skill_id": skill.id,
        "ordinal": ref.ordinal,
        "seed": ref.seed,
        "level": ref.level,
        "draft": "",
        "revealed": False,
        "closed": False,
        "created_at": utcnow(),
    }


def current(session: Session | Connection, learner_id: int, skill: Skill, secret: bytes) -> Current:
    """The variant the learner is working on (read only: a pending one is not stored)."""
    return direct.run(connection_of(session), reading(learner_id, skill, secret))


@direct.in_steps()
def reading(learner_id: int, skill: Skill, secret: bytes) -> Generator[Query, Any, Current]:
    """:func:`current` as work in steps (its one statement can share a round trip)."""
    rows = yield Query(_PANEL, {"learner_id": learner_id, "skill_id": skill.id})
    first = rows[0]  # the anchor row is always there
    mastery = mastery_store.state_of(first if first.mastery_of is not None else None)
    if first.id is not None and not first.closed:
        return Current(
            skill,
            VariantRef(first.ordinal, first.seed, first.level),
            problem(skill, first.seed, first.level),
            first.id,
            first.draft,
            bool(first.revealed),
            [_shown(row) for row in reversed(rows) if row.shown_id is not None],
            mastery,
            bool(first.solved),
        )
    ordinal = 0 if first.id is None else first.ordinal + 1
    ref = _pending(secret, learner_id, skill, ordinal, mastery)
    return Current(skill, ref, problem(skill, ref.seed, ref.level), None, "", False, (), mastery)


def _shown(row: Any) -> AttemptRecord:
    return AttemptRecord(
        row.shown_id,
        row.shown_response,
        row.shown_verdict,
        row.shown_message,
        row.shown_misconception_id,
        row.shown_created_at,
    )


class _Answered:
    """The variant columns of an :data:`_ANSWERING_WITH_BEFORE` row, named as
    :data:`_ANSWERING` names them."""

    __slots__ = ("id", "level", "ordinal", "revealed", "seed")

    def __init__(self, row: Any) -> None:
        self.id = row.answered_id
        self.ordinal = row.answered_ordinal
        self.seed = row.answered_seed
        self.level = row.answered_level
        self.revealed = row.answered_revealed


@dataclass(frozen=True, slots=True)
class _Stored:
    """A stored variant as the write paths need it."""

    id: int
    ordinal: int
    seed: int
    level: int
    revealed: bool
    solved: bool
    counted: bool
    """Whether it already has a checked (correct or incorrect) answer."""


REPLACED = "This problem was replaced by a newer one: reload the page to see it."


def _stored(row: Any) -> _Stored:
    return _Stored(
        row.id,
        row.ordinal,
        row.seed,
        row.level,
        bool(row.revealed),
        bool(row.solved),
        bool(row.counted),
    )


def _store(conn: Connection, learner_id: int, skill: Skill, ref: VariantRef) -> _Stored:
    """The stored variant ``ref`` names, storing it now if it was pending."""
    key = {"learner_id": learner_id, "skill_id": skill.id}
    row = conn.execute(_BY_ORDINAL, {**key, "ordinal": ref.ordinal}).first()
    if row is not None:
        if row.closed:
            raise Conflict(REPLACED)
        return _stored(row)
    newest = conn.execute(_NEWEST_ORDINAL, key).scalar()
    if ref.ordinal != (0 if newest is None else newest + 1) or not 1 <= ref.level <= skill.levels:
        raise Conflict(REPLACED)
    try:
        with conn.begin_nested():
            stored = conn.execute(_INSERT_VARIANT, _new_variant(learner_id, skill, ref))
            variant_id = stored.scalar_one()
    except IntegrityError:
        raise Conflict("This problem was just saved from another tab: reload the page.") from None
    return _Stored(variant_id, ref.ordinal, ref.seed, ref.level, False, False, False)


def hints(
    session: Session | Connection, learner_id: int, skill: Skill, ref: VariantRef
) -> tuple[str, ...]:
    """The hints for a variant: when its latest answer was a named mistake, a hint that
    addresses that mistake comes first (the answer is checked again to find it: quick,
    as the variant's diagnosis is remembered)."""
    conn = connection_of(session)
    params = problem(skill, ref.seed, ref.level).params
    row = conn.execute(
        _BY_ORDINAL, {"learner_id": learner_id, "skill_id": skill.id, "ordinal": ref.ordinal}
    ).first()
    feedback = None
    if row is not None and row.seed == ref.seed:
        attempts = _attempts(conn, row.id)
        last = attempts[-1] if attempts else None
        if last is not None and last.verdict == "incorrect" and last.misconception_id:
            feedback = skill.grade(params, last.response[:MAX_RESPONSE_CHARS])
    return skill.hints_after(params, feedback)


def save_draft(
    session: Session | Connection, learner_id: int, skill: Skill, ref: VariantRef, text: str
) -> None:
    """Keep what the learner has typed so far, so that it survives a reload."""
    conn = connection_of(session)
    row = _store(conn, learner_id, skill, ref)
    conn.execute(_SET_VARIANT, {"variant_id": row.id, "draft": text[:MAX_RESPONSE_CHARS]})


def check(skill: Skill, ref: VariantRef, response: str) -> Feedback:
    """The verdict on ``response`` for the variant ``ref`` names (pure: no database).

    Grading can take a while (a symbolic comparison), so a caller that holds a
    write transaction may grade first and pass the result to :func:`submit`."""
    return skill.grade(problem(skill, ref.seed, ref.level).params, response[:MAX_RESPONSE_CHARS])


def submit(
    session: Session | Connection,
    learner_id: int,
    skill: Skill,
    ref: VariantRef,
    response: str,
    *,
    idempotency_key: str | None = None,
    now: datetime | None = None,
    feedback: Feedback | None = None,
) -> Checked:
    """Check an answer, store the attempt, and fold it into the learner's mastery.

    Submitting twice with the same ``idempotency_key`` stores one attempt. The
    result carries the practice panel as it stands after the answer (``after``).
    ``feedback`` is :func:`check`'s verdict on the same response, if already
    known (used unless the stored variant differs from ``ref``'s).
    """
    conn = connection_of(session)
    work = answering(
        conn,
        learner_id,
        skill,
        ref,
        response,
        idempotency_key=idempotency_key,
        now=now,
        feedback=feedback,
    )
    return direct.run(conn, work)


@direct.in_steps(key=lambda _conn, learner_id, *_args, **_kwargs: learner_id)
def answering(
    conn: Connection,
    learner_id: int,
    skill: Skill,
    ref: VariantRef,
    response: str,
    *,
    idempotency_key: str | None = None,
    now: datetime | None = None,
    feedback: Feedback | None = None,
) -> Generator[Query, Any, Checked]:
    """:func:`submit` as work in steps: on PostgreSQL its two statements can share round
    trips with other answers' (one learner's answers still run one after the other)."""
    key = idempotency_key or secrets.token_hex(16)
    if len(key) > 64:
        raise Conflict(DAMAGED)
    response = response[:MAX_RESPONSE_CHARS]
    which = {"of_learner": learner_id, "of_skill": skill.id, "of_ordinal": ref.ordinal}
    rows: Sequence[Any] | None = None
    answering: Any
    if conn.dialect.name == "postgresql":
        rows = yield Query(_ANSWERING_WITH_BEFORE, {**which, "response": response})
        answering = _Answered(rows[0]) if rows[0].answered_id is not None else None
    else:
        answering = conn.execute(_ANSWERING, {**which, "response": response}).first()
    if answering is not None:  # the usual case: a stored variant, still open
        row: Any = answering
    else:
        rows = None
        earlier = conn.execute(_BY_KEY, {"key": key}).first()
        if earlier is not None:  # sent again after the variant was left
            return _repeat(conn, learner_id, skill, earlier)
        row = _store(conn, learner_id, skill, ref)
        conn.execute(_SET_VARIANT, {"variant_id": row.id, "draft": response})
    shown = problem(skill, row.seed, row.level)
    if feedback is None or (row.seed, row.level) != (ref.seed, ref.level):
        feedback = skill.grade(shown.params, response)
    if rows is None:
        rows = conn.execute(_BEFORE_ANSWER, {"variant_id": row.id, **which}).all()
    first = rows[0]  # the anchor row is always there
    before = [_shown(r) for r in reversed(rows) if r.shown_id is not None]
    mastery = mastery_store.state_of(first if first.mastery_of is not None else None)
    at = now or utcnow()
    misconception_id = feedback.misconception.id if feedback.misconception else None
    attempt = {
        "variant_id": row.id,
        "learner_id": learner_id,
        "skill_id": skill.id,
        "response": response,
        "verdict": feedback.verdict,
        "misconception_id": misconception_id,
        "message": feedback.message,
        "created_at": at,
        "idempotency_key": key,
    }
    counted = feedback.verdict in COUNTED_VERDICTS
    answer = Answer(f"v{row.id}", feedback.correct, not first.counted, bool(row.revealed), at)
    if counted and conn.dialect.name == "postgresql":  # one round trip for both writes
        then, fold = mastery_store.fold_parameters(learner_id, skill.id, mastery, answer)
        stored_rows = yield Query(
            _STORING_AND_FOLDING, {**{f"attempt_{k}": v for k, v in attempt.items()}, **fold}
        )
        stored = stored_rows[0] if stored_rows else None
        attempt_id = stored.attempt_id if stored is not None else None
        if stored is not None:
            folded = bool(stored.folded)
            mastery = then if folded else mastery_store.record(conn, learner_id, skill.id, answer)
    else:
        attempt_id = conn.execute(_INSERT_ATTEMPT[conn.dialect.name], attempt).scalar()
        if attempt_id is not None and counted:
            mastery = mastery_store.fold_in(conn, learner_id, skill.id, mastery, answer)
    if attempt_id is None:  # the same submission again: this key is stored already
        earlier = conn.execute(_BY_KEY, {"key": key}).first()
        return _repeat(conn, learner_id, skill, earlier)
    record = AttemptRecord(
        attempt_id, response, feedback.verdict, feedback.message, misconception_id, at
    )
    after = Current(
        skill,
        VariantRef(row.ordinal, row.seed, row.level),
        shown,
        row.id,
        response,
        bool(row.revealed),
        [*before, record][-SHOWN_ATTEMPTS:],
        mastery,
        bool(first.solved) or feedback.verdict == "correct",
    )
    return Checked(record, feedback, mastery, repeated=False, after=after)


DAMAGED = "The form is damaged: reload the page and answer again."


def _repeat(conn: Connection, learner_id: int, skill: Skill, attempt: Any) -> Checked:
    """The outcome of a submission already stored under the same idempotency key."""
    if attempt.learner_id != learner_id or attempt.skill_id != skill.id:
        raise Conflict(DAMAGED)
    misconception = None
    if attempt.misconception_id:
        try:
            misconception = skill.misconception(attempt.misconception_id)
        except KeyError:
            misconception = None
    feedback = Feedback(attempt.verdict, attempt.message, misconception)
    mastery = mastery_store.state(conn, attempt.learner_id, skill.id)
    return Checked(_record(attempt), feedback, mastery, repeated=True)


def mark_revealed(
    session: Session | Connection, learner_id: int, skill: Skill, ref: VariantRef
) -> tuple[int, int]:
    """Record that the variant's worked solution was shown; its ``(seed, level)``."""
    conn = connection_of(session)
    row = _store(conn, learner_id, skill, ref)
    conn.execute(_SET_VARIANT, {"variant_id": row.id, "revealed": True})
    return row.seed, row.level


def reveal(session: Session | Connection, learner_id: int, skill: Skill, ref: VariantRef) -> Any:
    """Mark the variant's worked solution as shown, and return it."""
    seed, level = mark_revealed(session, learner_id, skill, ref)
    return skill.solve(problem(skill, seed, level).params)


def another(
    session: Session | Connection, learner_id: int, skill: Skill, ref: VariantRef, secret: bytes
) -> Current:
    """Leave this variant for a new one, stored at once (its first answer then finds it).

    Returns the practice panel as it stands now, the new variant in it (what
    :func:`current` would read back), so that showing it costs no further read."""
    conn = connection_of(session)
    return direct.run(conn, moving_on(conn, learner_id, skill, ref, secret))


@direct.in_steps(key=lambda _conn, learner_id, *_args, **_kwargs: learner_id)
def moving_on(
    conn: Connection, learner_id: int, skill: Skill, ref: VariantRef, secret: bytes
) -> Generator[Query, Any, Current]:
    """:func:`another` as work in steps (see :func:`answering`)."""
    which = {"of_learner": learner_id, "of_skill": skill.id, "of_ordinal": ref.ordinal}
    postgres = conn.dialect.name == "postgresql"
    if postgres:  # closing and the mastery in one round trip, the new variant in another
        (both,) = yield Query(_CLOSING_WITH_MASTERY, which)
        closed = both.closed_id is not None
        mastery = mastery_store.state_of(both if both.mastery_of is not None else None)
    else:
        closed = conn.execute(_CLOSING, which).first() is not None
        mastery = mastery_store.state(conn, learner_id, skill.id)
    if not closed:  # pending, closed or unknown
        row = _store(conn, learner_id, skill, ref)
        conn.execute(_SET_VARIANT, {"variant_id": row.id, "closed": True})
    following = _pending(secret, learner_id, skill, ref.ordinal + 1, mastery)
    new = _new_variant(learner_id, skill, following)
    if postgres:
        new_values = {f"new_{k}": v for k, v in new.items()}
        ((variant_id,),) = yield Query(_STORING_VARIANT, new_values)
    else:
        variant_id = conn.execute(_INSERT_VARIANT, new).scalar_one()
    shown = problem(skill, following.seed, following.level)
    return Current(skill, following, shown, variant_id, "", False, [], mastery)


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
