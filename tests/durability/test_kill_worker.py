"""Kill a real ``mlmath worker`` with SIGKILL in the middle of a job: another worker takes the
job when the lease runs out and grades it; exactly one final grade is stored."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.durability.conftest import Processes, add_learner, wait_for

from mlmath.grading.spec import ASSIGNMENTS
from mlmath.services import submissions
from mlmath.store.database import Database
from mlmath.store.grading import Grade, GradingJob, JobState

pytestmark = [pytest.mark.sandbox, pytest.mark.slow]

ASSIGNMENT = "c1w2-linear-systems"
# The reference solution, made slow to load (sleeping costs no CPU): time to kill the worker.
SLOW = "\nimport time\n\ntime.sleep(3)\n"


def _descendants(pid: int) -> list[tuple[int, bytes]]:
    """Processes under ``pid``, each with its start time (to tell it from a reused pid)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            try:
                stat = Path(f"/proc/{child}/stat").read_bytes().rsplit(b")", 1)[1].split()[19]
            except OSError:  # it ended meanwhile
                continue
            found += [(int(child), stat), *_descendants(int(child))]
    return found


def _alive(processes: list[tuple[int, bytes]]) -> list[int]:
    alive = []
    for pid, started in processes:
        try:
            stat = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if stat[19] == started and stat[0] not in (b"Z", b"X"):
            alive.append(pid)
    return alive


def _job(db: Database) -> tuple[str, int, str]:
    with db.read() as session:
        job = session.scalars(select(GradingJob)).one()
        return job.state, job.attempts, job.worker


def test_a_killed_worker_leaves_its_job_to_another(db: Database, processes: Processes) -> None:
    learner = add_learner(db, "ada")
    source = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_text() + SLOW
    with db.write() as session:
        sid = submissions.submit(session, learner, ASSIGNMENT, "slow.py", source.encode())
    first = processes.worker("worker-1")
    wait_for(
        "the first worker to claim the job",
        lambda: _job(db)[0] == JobState.RUNNING and f":{first.pid}" in _job(db)[2],
    )
    time.sleep(0.5)  # the submission is in the sandbox now, sleeping
    sandboxes = _descendants(first.pid)
    assert sandboxes, "the worker should have started its sandboxes"
    first.send_signal(signal.SIGKILL)
    first.wait()
    wait_for("the killed worker's sandboxes to go", lambda: not _alive(sandboxes), timeout=10)
    state, attempts, _ = _job(db)
    assert (state, attempts) == (JobState.RUNNING, 1)
    with db.read() as session:
        assert session.scalars(select(Grade)).all() == []

    second = processes.worker("worker-2")
    wait_for("the job to be graded", lambda: _job(db)[0] == JobState.DONE)
    state, attempts, worker = _job(db)
    assert attempts == 2
    assert f":{second.pid}" in worker
    with db.read() as session:
        grades = session.execute(select(Grade.score, Grade.max_score)).all()
        view = submissions.status(session, learner, sid.submission_id)
    assert len(grades) == 1
    assert grades[0].score == grades[0].max_score > 0
    assert view.status == submissions.GRADED
