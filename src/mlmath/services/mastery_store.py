"""Read and update the stored mastery rows: the fold of :mod:`.mastery`, kept current.

:func:`state` and :func:`record` sit on the practice loop's hot path: they run
prepared Core statements on the session's connection (or a bare connection)
rather than loading ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlmath.services.mastery import Answer, MasteryState, apply
from mlmath.store.models import Mastery

STATE_COLUMNS = (  # what a MasteryState is made of (state_of)
    Mastery.points,
    Mastery.answers,
    Mastery.correct,
    Mastery.interval_days,
    Mastery.last_practised_at,
    Mastery.due_at,
)
_THIS_ROW = (
    Mastery.learner_id == bindparam("of_learner"),
    Mastery.skill_id == bindparam("of_skill"),
)
_STATE = select(*STATE_COLUMNS).where(*_THIS_ROW)
_STATE_LOCKED = _STATE.with_for_update()
_INSERT = insert(Mastery)
_UPDATE = update(Mastery).where(*_THIS_ROW)
_FOLDED = ("level", *(column.key for column in STATE_COLUMNS))


def _fold_in(dialect: Any) -> Any:
    statement = dialect.insert(Mastery)
    return statement.on_conflict_do_update(
        index_elements=[Mastery.learner_id, Mastery.skill_id],
        set_={key: statement.excluded[key] for key in _FOLDED},
        where=Mastery.answers == bindparam("answers_before"),
    ).returning(Mastery.answers)


_FOLD_IN = {
    dialect.__name__.rsplit(".", 1)[-1]: _fold_in(dialect) for dialect in (postgresql, sqlite)
}
"""Write a state folded from ``answers_before`` answers, unless another answer was folded
in meanwhile (no row back): a compare-and-set on the count of answers, which grows by
one with every answer."""


_KEY_COLUMNS = ("learner_id", "skill_id")


def folding_after(gate: Any) -> Any:
    """PostgreSQL: :data:`_FOLD_IN` as an ``INSERT … SELECT`` that writes only when
    ``gate`` (an ``EXISTS`` on what the same statement stored) holds, to be sent as a CTE
    beside that store in one statement. Its parameters are :func:`fold_parameters`'."""
    table = Mastery.__table__.c
    source = select(
        *(bindparam(f"fold_{key}", type_=table[key].type) for key in (*_KEY_COLUMNS, *_FOLDED))
    ).where(gate)
    statement = postgresql.insert(Mastery).from_select([*_KEY_COLUMNS, *_FOLDED], source)
    return statement.on_conflict_do_update(
        index_elements=[Mastery.learner_id, Mastery.skill_id],
        set_={key: statement.excluded[key] for key in _FOLDED},
        where=Mastery.answers == bindparam("fold_answers_before"),
    ).returning(Mastery.answers)


def fold_parameters(
    learner_id: int, skill_id: str, before: MasteryState, answer: Answer
) -> tuple[MasteryState, dict[str, Any]]:
    """The state after ``answer`` and the parameters that write it by :func:`folding_after`
    (named apart from every column: a parameter named like one would be written to it)."""
    after = apply(before, answer)
    values = {"learner_id": learner_id, "skill_id": skill_id, **_values(after)}
    return after, {
        "fold_answers_before": before.answers,
        **{f"fold_{key}": value for key, value in values.items()},
    }


def connection_of(db: Session | Connection) -> Connection:
    """The connection a session works in (or the connection itself)."""
    return db if isinstance(db, Connection) else db.connection()


def state_of(row: Any) -> MasteryState:
    """A stored mastery row (an ORM object or a result row) as a state."""
    if row is None:
        return MasteryState()
    return MasteryState(
        points=row.points,
        answers=row.answers,
        correct=row.correct,
        interval_days=row.interval_days,
        last_practised_at=row.last_practised_at,
        due_at=row.due_at,
    )


def state(db: Session | Connection, learner_id: int, skill_id: str) -> MasteryState:
    """The learner's mastery of one skill (the initial state if never answered)."""
    key = {"of_learner": learner_id, "of_skill": skill_id}
    return state_of(connection_of(db).execute(_STATE, key).first())


def _values(state: MasteryState) -> dict[str, Any]:
    return {
        "level": state.level,
        "points": state.points,
        "answers": state.answers,
        "correct": state.correct,
        "interval_days": state.interval_days,
        "last_practised_at": state.last_practised_at,
        "due_at": state.due_at,
    }


def record(
    db: Session | Connection, learner_id: int, skill_id: str, answer: Answer
) -> MasteryState:
    """Fold one more answer into the learner's stored mastery of the skill."""
    conn = connection_of(db)
    key = {"of_learner": learner_id, "of_skill": skill_id}
    row = conn.execute(_STATE_LOCKED, key).first()
    if row is None:
        fresh = apply(MasteryState(), answer)
        try:
            with conn.begin_nested():
                conn.execute(
                    _INSERT, {"learner_id": learner_id, "skill_id": skill_id, **_values(fresh)}
                )
            return fresh
        except IntegrityError:  # another request created it first
            row = conn.execute(_STATE_LOCKED, key).first()
            assert row is not None
    after = apply(state_of(row), answer)
    conn.execute(_UPDATE, {**key, **_values(after)})
    return after


def fold_in(
    conn: Connection, learner_id: int, skill_id: str, before: MasteryState, answer: Answer
) -> MasteryState:
    """Fold one more answer into ``before``, the state read earlier in this transaction
    without a lock, in one statement; if another answer was folded in since (a
    concurrent transaction), fold it into the state as it now stands (:func:`record`)."""
    after = apply(before, answer)
    written = conn.execute(
        _FOLD_IN[conn.dialect.name],
        {
            "learner_id": learner_id,
            "skill_id": skill_id,
            "answers_before": before.answers,
            **_values(after),
        },
    ).first()
    return after if written is not None else record(conn, learner_id, skill_id, answer)


def states(
    session: Session, learner_id: int, skill_ids: Iterable[str] | None = None
) -> Mapping[str, MasteryState]:
    """The learner's mastery by skill (skills never answered are left out)."""
    query = select(Mastery).where(Mastery.learner_id == learner_id)
    if skill_ids is not None:
        query = query.where(Mastery.skill_id.in_(list(skill_ids)))
    return {row.skill_id: state_of(row) for row in session.scalars(query)}


def level_of(session: Session, learner_id: int, skill_id: str) -> int:
    query = select(Mastery.level).where(
        Mastery.learner_id == learner_id, Mastery.skill_id == skill_id
    )
    return session.scalar(query) or 0
