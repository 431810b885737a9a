"""The grading queue: claiming a job with a lease, renewing it, and recording its one grade.

A worker *claims* the oldest job that is queued (and due) or whose lease ran
out: in one transaction it takes the row (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so many workers on many machines never take the same job; SQLite
writes one transaction at a time anyway), adds one to ``attempts`` and sets
``lease_until``. Every later write names the attempt it belongs to and only
changes the row while that attempt still holds the job, so:

- a worker killed mid-job lets its lease run out and the job is claimed again;
- a late result from a stale attempt (its lease ran out and another worker took
  the job) is rejected;
- a grade is written in the same transaction that marks the job done, and
  ``grade.job_id`` is unique: exactly one final grade per job.

Our own failures (the sandbox would not start, the assignment cannot be read)
put the job back in the queue with a growing delay; after :data:`MAX_ATTEMPTS`
it is marked failed for the instructor to look at. The learner is never given a
zero for them: the page says "grading error, will retry".

Times come from this machine's clock: machines that run workers must keep their
clocks in step (NTP), as usual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select, update

from mlmath.grading.results import GradingResult
from mlmath.store.database import Database
from mlmath.store.grading import Grade, GradingJob, JobState, Submission
from mlmath.store.schema import utcnow

DEFAULT_LEASE = timedelta(seconds=60)
"""How long a claim holds without renewal; workers renew it every third of it."""
MAX_ATTEMPTS = 8
"""Claims of one job before it is marked failed (each after our own failure or a crash)."""
MAX_ERROR_CHARS = 2000


def retry_delay(attempts: int) -> timedelta:
    """Wait before the next try after a grading error: 1 s, 2 s, 4 s, … up to 2 minutes."""
    return timedelta(seconds=min(120, 2 ** max(0, attempts - 1)))


@dataclass(frozen=True, slots=True)
class Claim:
    """A job held by one worker: everything needed to grade it, and the attempt that holds it."""

    job_id: int
    attempt: int
    submission_id: int
    assignment_id: str
    kind: str
    content: str
    seed: int


def _due(now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(GradingJob.state == JobState.QUEUED, GradingJob.not_before <= now),
        and_(GradingJob.state == JobState.RUNNING, GradingJob.lease_until < now),
    )


def claim(
    db: Database, worker: str, *, lease: timedelta = DEFAULT_LEASE, now: datetime | None = None
) -> Claim | None:
    """Take the oldest due job for ``worker``; None when there is nothing to do."""
    with db.read() as session:
        # An idle worker looks without taking SQLite's write lock from the web requests.
        if session.scalar(select(GradingJob.id).where(_due(now or utcnow())).limit(1)) is None:
            return None
    for _ in range(MAX_ATTEMPTS + 1):
        with db.write() as session:
            at = now or utcnow()
            job = session.scalars(
                select(GradingJob)
                .where(_due(at))
                .order_by(GradingJob.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            ).first()
            if job is None:
                return None
            if job.attempts >= MAX_ATTEMPTS:
                # Its last attempt crashed or hung: stop trying, the instructor can regrade.
                job.state = JobState.FAILED
                job.lease_until = None
                job.finished_at = at
                job.last_error = (job.last_error or "the worker stopped") + " (gave up)"
                continue
            submission = session.get(Submission, job.submission_id)
            assert submission is not None
            job.state = JobState.RUNNING
            job.attempts += 1
            job.lease_until = at + lease
            job.worker = worker[:200]
            return Claim(
                job_id=job.id,
                attempt=job.attempts,
                submission_id=submission.id,
                assignment_id=submission.assignment_id,
                kind=submission.kind,
                content=submission.content,
                seed=submission.seed,
            )
    return None


def _held(held: Claim) -> ColumnElement[bool]:
    return and_(
        GradingJob.id == held.job_id,
        GradingJob.attempts == held.attempt,
        GradingJob.state == JobState.RUNNING,
    )


def renew(
    db: Database, held: Claim, *, lease: timedelta = DEFAULT_LEASE, now: datetime | None = None
) -> bool:
    """Extend the lease; False if this attempt no longer holds the job."""
    with db.write() as session:
        done = session.execute(
            update(GradingJob).where(_held(held)).values(lease_until=(now or utcnow()) + lease)
        )
        return bool(done.rowcount == 1)  # type: ignore[attr-defined]


def finish(
    db: Database, held: Claim, result: GradingResult, *, now: datetime | None = None
) -> bool:
    """Store the grade and mark the job done, in one transaction.

    Returns False (and stores nothing) when the attempt is stale.
    """
    at = now or utcnow()
    with db.write() as session:
        done = session.execute(
            update(GradingJob)
            .where(_held(held))
            .values(state=JobState.DONE, finished_at=at, lease_until=None, last_error="")
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            return False
        session.add(
            Grade(
                submission_id=held.submission_id,
                job_id=held.job_id,
                score=result.score,
                max_score=result.max_score,
                result=json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False),
                created_at=at,
            )
        )
        return True


def retry_later(db: Database, held: Claim, error: str, *, now: datetime | None = None) -> bool:
    """Our own failure: back to the queue after a delay (or failed after the last attempt)."""
    at = now or utcnow()
    last = held.attempt >= MAX_ATTEMPTS
    with db.write() as session:
        done = session.execute(
            update(GradingJob)
            .where(_held(held))
            .values(
                state=JobState.FAILED if last else JobState.QUEUED,
                not_before=at + retry_delay(held.attempt),
                lease_until=None,
                finished_at=at if last else None,
                last_error=error[:MAX_ERROR_CHARS],
            )
        )
        return bool(done.rowcount == 1)  # type: ignore[attr-defined]


def release(db: Database, held: Claim) -> bool:
    """Give the job back at once (a worker shutting down); this attempt does not count."""
    with db.write() as session:
        done = session.execute(
            update(GradingJob)
            .where(_held(held))
            .values(state=JobState.QUEUED, attempts=held.attempt - 1, lease_until=None)
        )
        return bool(done.rowcount == 1)  # type: ignore[attr-defined]


_JOBS_BY_STATE = select(GradingJob.state, func.count()).group_by(GradingJob.state)


def jobs_by_state(db: Database) -> list[tuple[str, int]]:
    """How many grading jobs are in each state (``queued``: the queue depth)."""
    with db.reading() as connection:
        return [(state, count) for state, count in connection.execute(_JOBS_BY_STATE)]
