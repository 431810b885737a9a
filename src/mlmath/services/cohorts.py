"""Cohorts: groups taught together. Learners and the instructors who teach them are members.

An instructor sees a cohort's report only when they belong to it: another cohort,
like a missing one, is a :class:`NotFound` (the same 404 as another learner's attempt).
Instructors manage cohorts with ``mlmath cohort``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlmath.services.accounts import normalize_username
from mlmath.services.errors import NotFound
from mlmath.store.models import Cohort, CohortMember, Learner

MAX_NAME_CHARS = 100


@dataclass(frozen=True, slots=True)
class CohortView:
    id: int
    name: str
    learners: int
    """Members with the learner role."""


@dataclass(frozen=True, slots=True)
class Added:
    cohort: CohortView
    added: Sequence[str]
    already: Sequence[str]
    unknown: Sequence[str]
    """Usernames without an account (nothing is added for them)."""


def _view(session: Session, cohort: Cohort) -> CohortView:
    learners = session.scalar(
        select(func.count())
        .select_from(CohortMember)
        .join(Learner, Learner.id == CohortMember.learner_id)
        .where(CohortMember.cohort_id == cohort.id, Learner.role == "learner")
    )
    return CohortView(cohort.id, cohort.name, int(learners or 0))


def add_members(session: Session, name: str, usernames: Sequence[str]) -> Added:
    """Add accounts to the cohort called ``name`` (made if it does not exist yet)."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError(f"A cohort's name has 1 to {MAX_NAME_CHARS} characters.")
    cohort = session.scalar(select(Cohort).where(Cohort.name == name))
    if cohort is None:
        cohort = Cohort(name=name)
        session.add(cohort)
        session.flush()
    members = set(
        session.scalars(select(CohortMember.learner_id).where(CohortMember.cohort_id == cohort.id))
    )
    added, already, unknown = [], [], []
    for username in dict.fromkeys(normalize_username(u) for u in usernames if u.strip()):
        learner_id = session.scalar(select(Learner.id).where(Learner.username == username))
        if learner_id is None:
            unknown.append(username)
        elif learner_id in members:
            already.append(username)
        else:
            session.add(CohortMember(cohort_id=cohort.id, learner_id=learner_id))
            members.add(learner_id)
            added.append(username)
    session.flush()
    return Added(_view(session, cohort), added, already, unknown)


def every_cohort(session: Session) -> list[CohortView]:
    return [_view(session, c) for c in session.scalars(select(Cohort).order_by(Cohort.name))]


def taught_by(session: Session, instructor_id: int) -> list[CohortView]:
    """The cohorts the instructor belongs to, by name."""
    query = (
        select(Cohort)
        .join(CohortMember, CohortMember.cohort_id == Cohort.id)
        .where(CohortMember.learner_id == instructor_id)
        .order_by(Cohort.name)
    )
    return [_view(session, c) for c in session.scalars(query)]


def of_instructor(session: Session, cohort_id: int, instructor_id: int) -> CohortView:
    """The cohort, if the instructor belongs to it; otherwise the same NotFound as a
    missing cohort."""
    cohort = session.scalar(
        select(Cohort)
        .join(CohortMember, CohortMember.cohort_id == Cohort.id)
        .where(Cohort.id == cohort_id, CohortMember.learner_id == instructor_id)
    )
    if cohort is None:
        raise NotFound("cohort")
    return _view(session, cohort)


def learner_ids(session: Session, cohort_id: int) -> set[int]:
    """Every member's account id (the reports keep the learners among them)."""
    return set(
        session.scalars(select(CohortMember.learner_id).where(CohortMember.cohort_id == cohort_id))
    )
