"""Read and update the stored mastery rows: the fold of :mod:`.mastery`, kept current."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlmath.services.mastery import Answer, MasteryState, apply
from mlmath.store.models import Mastery


def state_of(row: Mastery | None) -> MasteryState:
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


def _write(row: Mastery, state: MasteryState) -> None:
    row.level = state.level
    row.points = state.points
    row.answers = state.answers
    row.correct = state.correct
    row.interval_days = state.interval_days
    row.last_practised_at = state.last_practised_at
    row.due_at = state.due_at


def _locked_row(session: Session, learner_id: int, skill_id: str) -> Mastery | None:
    query = select(Mastery).where(Mastery.learner_id == learner_id, Mastery.skill_id == skill_id)
    return session.scalars(query.with_for_update()).one_or_none()


def record(session: Session, learner_id: int, skill_id: str, answer: Answer) -> MasteryState:
    """Fold one more answer into the learner's stored mastery of the skill."""
    row = _locked_row(session, learner_id, skill_id)
    if row is None:
        fresh = Mastery(learner_id=learner_id, skill_id=skill_id)
        _write(fresh, MasteryState())
        try:
            with session.begin_nested():
                session.add(fresh)
                session.flush()
            row = fresh
        except IntegrityError:  # another request created it first
            row = _locked_row(session, learner_id, skill_id)
            assert row is not None
    state = apply(state_of(row), answer)
    _write(row, state)
    return state


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
