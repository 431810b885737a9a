"""The grading worker: grades a job once, turns our own failures into a retry (never a
zero), and gives a late result of a taken-over job away."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mlmath.grading.results import GRADING_ERROR_MESSAGE, GradingResult, Status
from mlmath.grading.submission import Submission as SubmissionText
from mlmath.services import grading_jobs, submissions
from mlmath.services.worker import Worker
from mlmath.store.database import Database
from mlmath.store.grading import Grade, GradingJob, JobState
from mlmath.store.migrate import upgrade
from mlmath.store.models import Learner
from mlmath.store.schema import utcnow

ASSIGNMENT = "c1w2-linear-systems"


class FakeGrader:
    """Stands in for the sandboxed grader: returns the results it is given, in order."""

    def __init__(self, *outcomes: GradingResult | Exception) -> None:
        self.outcomes = list(outcomes)
        self.seen: list[tuple[str, SubmissionText, int | None]] = []

    def grade(self, assignment_id: str, submission: SubmissionText, **options: Any) -> Any:
        self.seen.append((assignment_id, submission, options.get("seed")))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path / 'course.sqlite3'}")
    upgrade(database.write_engine)
    yield database
    database.close()


def _submission(db: Database) -> tuple[int, int]:
    with db.write() as session:
        learner = Learner(username="ada", display_name="Ada")
        session.add(learner)
        session.flush()
        received = submissions.submit(
            session, learner.id, ASSIGNMENT, "mine.py", b"x = 1\n", seed=42
        )
        return learner.id, received.submission_id


def _graded(score: float) -> GradingResult:
    return GradingResult(ASSIGNMENT, Status.GRADED, score=score, max_score=35.0, seed=42)


def _state(db: Database) -> tuple[str, int]:
    with db.read() as session:
        job = session.scalars(select(GradingJob)).one()
        return job.state, job.attempts


def test_a_job_is_graded_once_with_the_submissions_seed(db: Database) -> None:
    learner, sid = _submission(db)
    grader = FakeGrader(_graded(30))
    worker = Worker(db, grader)  # type: ignore[arg-type]
    assert worker.run_once()
    assert not worker.run_once()
    assert grader.seen[0][0] == ASSIGNMENT
    assert grader.seen[0][1].source == "x = 1\n"
    assert grader.seen[0][2] == 42
    with db.read() as session:
        view = submissions.status(session, learner, sid)
    assert view.grade is not None
    assert view.grade.score == 30
    assert view.grade.result["tests"] == []
    assert _state(db) == (JobState.DONE, 1)


@pytest.mark.parametrize(
    "failure",
    [
        GradingResult(ASSIGNMENT, Status.ERROR, notes=[GRADING_ERROR_MESSAGE]),
        OSError("no sandbox could start"),
    ],
    ids=["sandbox error", "crash"],
)
def test_our_own_failure_is_retried_and_the_learner_never_sees_a_zero(
    db: Database, failure: GradingResult | Exception
) -> None:
    learner, sid = _submission(db)
    worker = Worker(db, FakeGrader(failure, _graded(35)))  # type: ignore[arg-type]
    assert worker.run_once()
    with db.read() as session:
        view = submissions.status(session, learner, sid)
        error = session.scalars(select(GradingJob.last_error)).one()
        assert session.scalars(select(Grade)).all() == []
    assert view.status == submissions.ERROR
    assert view.message == GRADING_ERROR_MESSAGE
    assert view.grade is None
    assert error
    with db.write() as session:  # skip the wait before the retry
        session.execute(GradingJob.__table__.update().values(not_before=utcnow()))
    assert worker.run_once()
    with db.read() as session:
        view = submissions.status(session, learner, sid)
    assert view.grade is not None
    assert view.grade.score == 35
    assert _state(db) == (JobState.DONE, 2)


def test_a_late_result_of_a_job_taken_over_is_dropped(db: Database) -> None:
    _submission(db)

    class Slow(FakeGrader):
        def grade(self, assignment_id: str, submission: SubmissionText, **options: Any) -> Any:
            # While this worker grades, its lease runs out and another worker takes the job.
            taken = grading_jobs.claim(db, "other", now=utcnow() + timedelta(minutes=5))
            assert taken is not None
            assert grading_jobs.finish(db, taken, _graded(20))
            return super().grade(assignment_id, submission, **options)

    worker = Worker(db, Slow(_graded(35)))  # type: ignore[arg-type]
    assert worker.run_once()
    assert worker.stale == 1
    with db.read() as session:
        scores = session.scalars(select(Grade.score)).all()
    assert scores == [20]


@pytest.mark.parametrize(
    ("multi_user", "database_url", "for_a_class"),
    [
        ("off", "", False),
        ("auto", "sqlite:////tmp/x.sqlite3", False),
        ("on", "", True),
        ("off", "postgresql+psycopg://u@db/mlmath", True),
    ],
)
def test_grading_for_a_class_needs_the_full_sandbox(
    multi_user: str, database_url: str, for_a_class: bool, tmp_path: Path
) -> None:
    from mlmath.config import Config
    from mlmath.services.worker import grades_for_a_class

    config = Config(tmp_path, database_url, multi_user, "", 1, "auto")
    assert grades_for_a_class(config) is for_a_class
