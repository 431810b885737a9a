"""Programming-assignment submissions: submit, see the status and the grades, regrade.

:func:`submit` checks the file (size, encoding, notebook structure), then writes
the submission and its grading job in the caller's transaction: once that
commits, the learner may be told "received" and nothing is lost. Grading
happens later, in a worker (see :mod:`mlmath.services.worker`).

A learner only ever sees their own submissions: asking for anyone else's
raises the same :class:`~mlmath.services.errors.NotFound` as a missing id.

Used by the web and by the command line alike; it knows neither.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlmath.grading.results import GRADING_ERROR_MESSAGE
from mlmath.grading.spec import Assignment, UnknownAssignment, load_assignment
from mlmath.grading.submission import (
    Submission as SubmissionText,
)
from mlmath.grading.submission import (
    SubmissionError,
    read_notebook,
    read_python,
)
from mlmath.services.errors import Conflict, NotFound
from mlmath.store.grading import Grade, GradingJob, JobState, Submission
from mlmath.store.schema import utcnow

MAX_FILENAME = 200
SEED_LIMIT = 2**31

PENDING = "pending"
"""Waiting for its first grade."""
GRADED = "graded"
REGRADING = "regrading"
"""Has a grade, and a newer grading is on its way."""
ERROR = "error"
"""Our own failure: no grade yet, it will be retried (never shown as a zero)."""
FAILED = "failed"
"""Our own failure every time: an instructor must regrade it."""

STATUS_MESSAGES = {
    PENDING: "received, waiting to be graded",
    REGRADING: "being graded again",
    ERROR: GRADING_ERROR_MESSAGE,
    FAILED: "grading error: your instructor has been told and will regrade it",
    GRADED: "graded",
}


def assignment_or_404(assignment_id: str) -> Assignment:
    try:
        return load_assignment(assignment_id)
    except UnknownAssignment:
        raise NotFound("assignment") from None


def read_upload(filename: str, data: bytes) -> SubmissionText:
    """Read an uploaded file as a submission; :class:`SubmissionError` says what is wrong."""
    name = filename.lower()
    if name.endswith(".ipynb"):
        return read_notebook(data)
    if name.endswith(".py") or not name:
        return read_python(data)
    if name.endswith((".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar")):
        raise SubmissionError(
            "archives are not accepted: submit your .py file or .ipynb notebook itself"
        )
    raise SubmissionError("submit a .py file or a .ipynb notebook")


_ARCHIVE_SIGNATURES = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
)


def _check_not_archive(data: bytes) -> None:
    tar = data[257:262] == b"ustar" and b"\x00" in data[:512]
    if data.startswith(_ARCHIVE_SIGNATURES) or tar:
        raise SubmissionError(
            "this is an archive (zip, tar, …), not code: submit the .py file or .ipynb notebook "
            "itself"
        )


def _stored_key(learner_id: int, assignment_id: str, key: str) -> str:
    return hashlib.sha256(f"{learner_id}:{assignment_id}:{key}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Received:
    submission_id: int
    repeated: bool
    """True when the same form had already been sent (same idempotency key): nothing new."""


def submit(
    session: Session,
    learner_id: int,
    assignment_id: str,
    filename: str,
    data: bytes,
    *,
    idempotency_key: str | None = None,
    seed: int | None = None,
) -> Received:
    """Store a submission and its grading job (in the caller's transaction).

    Raises :class:`SubmissionError` (for the learner) when the file cannot be graded,
    :class:`NotFound` for an unknown assignment. Submitting twice with the same
    ``idempotency_key`` stores one submission.
    """
    assignment_or_404(assignment_id)
    if idempotency_key is not None and not 8 <= len(idempotency_key) <= 100:
        raise Conflict("The form is damaged: reload the page and submit again.")
    key = _stored_key(learner_id, assignment_id, idempotency_key or secrets.token_hex(16))
    earlier = session.scalars(
        select(Submission.id).where(Submission.idempotency_key == key)
    ).first()
    if earlier is not None:
        return Received(earlier, repeated=True)
    _check_not_archive(data)
    parsed = read_upload(filename, data)
    name = (filename or "submission.py").replace("\\", "/").rsplit("/", 1)[-1][:MAX_FILENAME]
    row = Submission(
        learner_id=learner_id,
        assignment_id=assignment_id,
        filename=name or "submission.py",
        kind=parsed.kind,
        content=data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"),
        seed=secrets.randbelow(SEED_LIMIT) if seed is None else seed,
        idempotency_key=key,
        created_at=utcnow(),
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            session.add(GradingJob(submission_id=row.id, reason="submit"))
            session.flush()
    except IntegrityError:
        # The same form, sent twice at once: the other request stored it.
        earlier = session.scalars(
            select(Submission.id).where(Submission.idempotency_key == key)
        ).first()
        if earlier is None:
            raise
        return Received(earlier, repeated=True)
    return Received(row.id, repeated=False)


@dataclass(frozen=True, slots=True)
class GradeRecord:
    id: int
    job_id: int
    score: float
    max_score: float
    created_at: datetime
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True, slots=True)
class SubmissionView:
    """One submission as its learner sees it: status, the grade that counts, and every grade."""

    id: int
    number: int
    """1 for the learner's first submission of this assignment, 2 for the next, …"""
    assignment_id: str
    filename: str
    kind: str
    created_at: datetime
    status: str
    grades: Sequence[GradeRecord]
    """Oldest first; the last one counts."""
    content: str = ""

    @property
    def grade(self) -> GradeRecord | None:
        return self.grades[-1] if self.grades else None

    @property
    def message(self) -> str:
        return STATUS_MESSAGES[self.status]

    @property
    def settled(self) -> bool:
        """Nothing more will change without someone asking (a regrade)."""
        return self.status in (GRADED, FAILED)


def _status(jobs: Sequence[GradingJob], grades: Sequence[GradeRecord]) -> str:
    open_jobs = [j for j in jobs if j.state in (JobState.QUEUED, JobState.RUNNING)]
    if grades:
        return REGRADING if open_jobs else GRADED
    if open_jobs:
        return ERROR if any(j.last_error for j in open_jobs) else PENDING
    return FAILED if any(j.state == JobState.FAILED for j in jobs) else PENDING


def _grade_record(row: Grade, with_result: bool) -> GradeRecord:
    result = json.loads(row.result) if with_result else {}
    return GradeRecord(row.id, row.job_id, row.score, row.max_score, row.created_at, result)


def _views(
    session: Session, rows: Sequence[Submission], numbers: dict[int, int], with_result: bool
) -> list[SubmissionView]:
    ids = [row.id for row in rows]
    if not ids:
        return []
    jobs: dict[int, list[GradingJob]] = {}
    for job in session.scalars(select(GradingJob).where(GradingJob.submission_id.in_(ids))):
        jobs.setdefault(job.submission_id, []).append(job)
    grades: dict[int, list[GradeRecord]] = {}
    for grade in session.scalars(
        select(Grade).where(Grade.submission_id.in_(ids)).order_by(Grade.job_id)
    ):
        grades.setdefault(grade.submission_id, []).append(_grade_record(grade, with_result))
    return [
        SubmissionView(
            id=row.id,
            number=numbers[row.id],
            assignment_id=row.assignment_id,
            filename=row.filename,
            kind=row.kind,
            created_at=row.created_at,
            status=_status(jobs.get(row.id, []), grades.get(row.id, [])),
            grades=grades.get(row.id, []),
            content=row.content if with_result else "",
        )
        for row in rows
    ]


def _own_rows(session: Session, learner_id: int, assignment_id: str) -> list[Submission]:
    return list(
        session.scalars(
            select(Submission)
            .where(Submission.learner_id == learner_id, Submission.assignment_id == assignment_id)
            .order_by(Submission.id)
        )
    )


def history(session: Session, learner_id: int, assignment_id: str) -> list[SubmissionView]:
    """A learner's submissions of one assignment, newest first, with every grade's score."""
    rows = _own_rows(session, learner_id, assignment_id)
    numbers = {row.id: n for n, row in enumerate(rows, start=1)}
    return list(reversed(_views(session, rows, numbers, with_result=False)))


def status(
    session: Session, learner_id: int, submission_id: int, assignment_id: str | None = None
) -> SubmissionView:
    """One of the learner's own submissions, with its per-test results.

    Someone else's submission, or one of another assignment, is :class:`NotFound`.
    """
    row = session.get(Submission, submission_id)
    if (
        row is None
        or row.learner_id != learner_id
        or (assignment_id is not None and row.assignment_id != assignment_id)
    ):
        raise NotFound("submission")
    number = session.scalar(
        select(func.count())
        .select_from(Submission)
        .where(
            Submission.learner_id == learner_id,
            Submission.assignment_id == row.assignment_id,
            Submission.id <= row.id,
        )
    )
    return _views(session, [row], {row.id: int(number or 1)}, with_result=True)[0]


def latest(session: Session, learner_id: int, assignment_id: str) -> SubmissionView | None:
    """The learner's newest submission of an assignment, with its results."""
    newest = session.scalar(
        select(func.max(Submission.id)).where(
            Submission.learner_id == learner_id, Submission.assignment_id == assignment_id
        )
    )
    return None if newest is None else status(session, learner_id, int(newest))


def regrade(session: Session, assignment_id: str) -> list[int]:
    """Queue a new grading of every submission of an assignment (for instructors, after a
    test was fixed). Earlier grades stay as history; the new grade counts once it is in.
    Returns the new jobs' ids."""
    assignment_or_404(assignment_id)
    ids = list(
        session.scalars(
            select(Submission.id)
            .where(Submission.assignment_id == assignment_id)
            .order_by(Submission.id)
        )
    )
    jobs = [GradingJob(submission_id=i, reason="regrade") for i in ids]
    session.add_all(jobs)
    session.flush()
    return [job.id for job in jobs]


@dataclass(frozen=True, slots=True)
class JobCounts:
    done: int
    failed: int
    open: int


def job_counts(session: Session, job_ids: Sequence[int]) -> JobCounts:
    """How many of these jobs are done, failed for good, or still to do (for progress bars)."""
    counts = {JobState.DONE: 0, JobState.FAILED: 0}
    total = 0
    for start in range(0, len(job_ids), 500):
        chunk = job_ids[start : start + 500]
        for state, count in session.execute(
            select(GradingJob.state, func.count())
            .where(GradingJob.id.in_(chunk))
            .group_by(GradingJob.state)
        ):
            total += count
            if state in counts:
                counts[state] += count
    done, failed = counts[JobState.DONE], counts[JobState.FAILED]
    return JobCounts(done, failed, total - done - failed)


def best_scores(session: Session) -> dict[tuple[int, str], float]:
    """For the gradebook: each learner's best current score (fraction) per assignment."""
    newest = (
        select(Grade.submission_id, func.max(Grade.job_id).label("job_id"))
        .group_by(Grade.submission_id)
        .subquery()
    )
    best: dict[tuple[int, str], float] = {}
    for learner_id, assignment_id, score, max_score in session.execute(
        select(Submission.learner_id, Submission.assignment_id, Grade.score, Grade.max_score)
        .join(newest, newest.c.submission_id == Submission.id)
        .join(Grade, Grade.job_id == newest.c.job_id)
    ):
        fraction = score / max_score if max_score else 0.0
        key = (learner_id, assignment_id)
        best[key] = max(best.get(key, 0.0), fraction)
    return best
