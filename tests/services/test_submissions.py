"""Submissions and the grading queue on SQLite and PostgreSQL: one transaction, leases,
stale attempts, exactly one grade per job, regrades kept as history, privacy."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from mlmath.grading.results import GradingResult, Status
from mlmath.grading.spec import ASSIGNMENTS
from mlmath.grading.submission import SubmissionError
from mlmath.services import grading_jobs, submissions
from mlmath.services.errors import NotFound
from mlmath.store.database import Database
from mlmath.store.grading import Grade, GradingJob, JobState, Submission
from mlmath.store.models import Learner
from mlmath.store.schema import utcnow

ASSIGNMENT = "c1w2-linear-systems"


def _learner(db: Database, name: str) -> int:
    with db.write() as session:
        row = Learner(username=name, display_name=name.title())
        session.add(row)
        session.flush()
        return row.id


def _submit(db: Database, learner_id: int, source: bytes = b"x = 1\n", key: str = "") -> int:
    with db.write() as session:
        received = submissions.submit(
            session, learner_id, ASSIGNMENT, "mine.py", source, idempotency_key=key or None
        )
        return received.submission_id


def _result(score: float) -> GradingResult:
    return GradingResult(ASSIGNMENT, Status.GRADED, score=score, max_score=10.0, seed=1)


def _count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_submission_is_stored_with_its_job(db: Database) -> None:
    ada = _learner(db, "ada")
    sid = _submit(db, ada)
    with db.read() as session:
        job = session.execute(select(GradingJob.submission_id, GradingJob.state)).one()
        view = submissions.status(session, ada, sid)
    assert tuple(job) == (sid, JobState.QUEUED)
    assert view.status == submissions.PENDING
    assert view.grade is None


def test_a_double_submit_with_one_key_creates_one_submission(db: Database) -> None:
    ada = _learner(db, "ada")
    first = _submit(db, ada, key="same-form-key")
    second = _submit(db, ada, key="same-form-key")
    assert first == second
    assert _count(db, Submission) == 1
    assert _count(db, GradingJob) == 1


def test_a_file_that_cannot_be_graded_stores_nothing(db: Database) -> None:
    ada = _learner(db, "ada")
    with pytest.raises(SubmissionError, match="UTF-8"):
        _submit(db, ada, source=b"x = '\xff\xfe'\n")
    assert _count(db, Submission) == 0
    assert _count(db, GradingJob) == 0


def test_a_crashed_attempt_is_claimed_again_and_its_late_result_rejected(db: Database) -> None:
    ada = _learner(db, "ada")
    sid = _submit(db, ada)
    lease = timedelta(seconds=30)
    first = grading_jobs.claim(db, "a", lease=lease)
    assert first is not None
    assert first.attempt == 1
    assert grading_jobs.claim(db, "b", lease=lease) is None  # held
    later = utcnow() + timedelta(seconds=31)
    second = grading_jobs.claim(db, "b", lease=lease, now=later)
    assert second is not None
    assert second.job_id == first.job_id
    assert second.attempt == 2
    assert not grading_jobs.renew(db, first)
    assert not grading_jobs.finish(db, first, _result(3))  # stale: rejected
    assert grading_jobs.finish(db, second, _result(10))
    assert not grading_jobs.finish(db, second, _result(10))  # at most once
    with db.read() as session:
        grades = session.scalars(select(Grade.score)).all()
        view = submissions.status(session, ada, sid)
    assert grades == [10]
    assert view.status == submissions.GRADED
    assert view.grade is not None
    assert view.grade.score == 10


def test_our_own_failure_is_retried_and_never_a_zero(db: Database) -> None:
    ada = _learner(db, "ada")
    sid = _submit(db, ada)
    held = grading_jobs.claim(db, "a")
    assert held is not None
    assert grading_jobs.retry_later(db, held, "the sandbox failed")
    with db.read() as session:
        view = submissions.status(session, ada, sid)
    assert view.status == submissions.ERROR
    assert view.grade is None
    assert view.message == "grading error, will retry"
    assert grading_jobs.claim(db, "b") is None  # waits a little before the retry
    retried = grading_jobs.claim(db, "b", now=utcnow() + timedelta(seconds=5))
    assert retried is not None
    assert retried.attempt == 2


def test_a_job_is_given_up_after_the_last_attempt(db: Database) -> None:
    ada = _learner(db, "ada")
    sid = _submit(db, ada)
    now = utcnow()
    for attempt in range(grading_jobs.MAX_ATTEMPTS):
        now += timedelta(minutes=5)
        held = grading_jobs.claim(db, "a", now=now)
        assert held is not None
        assert held.attempt == attempt + 1
        grading_jobs.retry_later(db, held, "broken", now=now)
    assert grading_jobs.claim(db, "a", now=now + timedelta(hours=1)) is None
    with db.read() as session:
        view = submissions.status(session, ada, sid)
    assert view.status == submissions.FAILED
    assert view.grade is None


def test_a_regrade_adds_a_grade_and_keeps_the_history(db: Database) -> None:
    ada, bo = _learner(db, "ada"), _learner(db, "bo")
    first, _ = _submit(db, ada), _submit(db, bo)
    for score in (4, 6):
        held = grading_jobs.claim(db, "w")
        assert held is not None
        grading_jobs.finish(db, held, _result(score))
    with db.write() as session:
        jobs = submissions.regrade(session, ASSIGNMENT)
    assert len(jobs) == 2
    with db.read() as session:
        assert submissions.status(session, ada, first).status == submissions.REGRADING
    while (held := grading_jobs.claim(db, "w")) is not None:
        grading_jobs.finish(db, held, _result(9))
    with db.read() as session:
        view = submissions.status(session, ada, first)
        counts = submissions.job_counts(session, jobs)
        best = submissions.best_scores(session)
    assert [g.score for g in view.grades] == [4, 9]
    assert view.status == submissions.GRADED
    assert view.grade is not None
    assert view.grade.score == 9
    assert counts == submissions.JobCounts(done=2, failed=0, open=0)
    assert best[(ada, ASSIGNMENT)] == pytest.approx(0.9)


def test_another_learners_submission_is_not_found_like_a_missing_one(db: Database) -> None:
    ada, bo = _learner(db, "ada"), _learner(db, "bo")
    sid = _submit(db, ada)
    with db.read() as session:
        with pytest.raises(NotFound) as theirs:
            submissions.status(session, bo, sid)
        with pytest.raises(NotFound) as missing:
            submissions.status(session, bo, sid + 1000)
        assert submissions.history(session, bo, ASSIGNMENT) == []
        assert [v.id for v in submissions.history(session, ada, ASSIGNMENT)] == [sid]
    assert str(theirs.value) == str(missing.value)


def test_a_notebook_submission_keeps_the_file_as_sent(db: Database) -> None:
    ada = _learner(db, "ada")
    notebook = {
        "cells": [{"cell_type": "code", "source": ["x = 1\n"], "metadata": {}, "outputs": []}],
        "nbformat": 4,
        "metadata": {},
    }
    data = json.dumps(notebook).encode()
    with db.write() as session:
        sid = submissions.submit(session, ada, ASSIGNMENT, "work.ipynb", data).submission_id
    with db.read() as session:
        view = submissions.status(session, ada, sid)
    assert view.kind == "ipynb"
    assert json.loads(view.content) == notebook


def test_the_starter_file_is_accepted(db: Database) -> None:
    ada = _learner(db, "ada")
    starter = (ASSIGNMENTS / ASSIGNMENT / "linear_systems.py").read_bytes()
    assert _submit(db, ada, starter) > 0


def test_the_gradebook_has_each_learners_best_current_assignment_grade(db: Database) -> None:
    import csv
    import io

    from mlmath.content.curriculum import curriculum
    from mlmath.services import gradebook

    ada, _ = _learner(db, "ada"), _learner(db, "bo")
    for score in (4, 9):
        _submit(db, ada)
        held = grading_jobs.claim(db, "w")
        assert held is not None
        grading_jobs.finish(db, held, _result(score))
    with db.read() as session:
        table = gradebook.class_table(session, curriculum())
    rows = list(csv.DictReader(io.StringIO(gradebook.gradebook_csv(table))))
    column = f"assignment {ASSIGNMENT} best %"
    assert {row["username"]: row[column] for row in rows} == {"ada": "90", "bo": ""}
    assert "assignment c1w4-eigenvectors best %" in rows[0]


def test_workers_claiming_at_once_never_share_a_job(db: Database) -> None:
    import threading

    ada = _learner(db, "ada")
    for n in range(24):
        _submit(db, ada, key=f"submission-{n:03d}")
    claimed: list[int] = []
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            while (held := grading_jobs.claim(db, name)) is not None:
                claimed.append(held.job_id)
                assert grading_jobs.finish(db, held, _result(1))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(claimed) == sorted(set(claimed))
    assert len(claimed) == 24
    assert _count(db, Grade) == 24
