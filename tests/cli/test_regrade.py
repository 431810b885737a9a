"""`mlmath worker --once` grades what is queued; `mlmath regrade ID` grades every submission
again and keeps the earlier grades; both against the database of MLMATH_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from mlmath.cli.main import app
from mlmath.grading.spec import ASSIGNMENTS
from mlmath.services import submissions
from mlmath.store.database import Database
from mlmath.store.grading import Grade
from mlmath.store.migrate import upgrade
from mlmath.store.models import Learner

ASSIGNMENT = "c1w2-linear-systems"
REFERENCE = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_bytes()


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    url = f"sqlite:///{tmp_path / 'course.sqlite3'}"
    monkeypatch.setenv("MLMATH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MLMATH_DATABASE_URL", url)
    monkeypatch.setenv("MLMATH_SANDBOX", "rlimits")
    db = Database.open(url)
    upgrade(db.write_engine)
    return db


def _submit(db: Database, username: str, source: bytes) -> int:
    with db.write() as session:
        learner = Learner(username=username, display_name=username)
        session.add(learner)
        session.flush()
        return submissions.submit(session, learner.id, ASSIGNMENT, "x.py", source).submission_id


def test_worker_once_then_regrade_keeps_the_history(environment: Database) -> None:
    db = environment
    broken = REFERENCE.replace(b"b.reshape(-1, 1)])", b"2 * b.reshape(-1, 1)])")
    ada, bo = _submit(db, "ada", REFERENCE), _submit(db, "bo", broken)
    runner = CliRunner()
    worked = runner.invoke(app, ["worker", "--once"])
    assert worked.exit_code == 0, worked.output
    assert "graded 2 submission(s)" in worked.output
    assert "rlimits only" in worked.output  # the visible warning

    regraded = runner.invoke(app, ["regrade", ASSIGNMENT])
    assert regraded.exit_code == 0, regraded.output
    assert "queued 2 regrading job(s)" in regraded.output
    assert "done: 2 regraded" in regraded.output
    with db.read() as session:
        scores = {
            sid: [g.score for g in submissions.status(session, learner, sid).grades]
            for learner, sid in ((1, ada), (2, bo))
        }
        assert len(session.scalars(select(Grade.id)).all()) == 4
    assert scores[ada] == [35, 35]
    assert scores[bo][0] == scores[bo][1] < 35  # same hidden inputs: the same grade
    db.close()


def test_regrade_of_an_unknown_assignment_says_so(environment: Database) -> None:
    result = CliRunner().invoke(app, ["regrade", "no-such-assignment"])
    assert result.exit_code != 0
    assert "no assignment 'no-such-assignment'" in result.output
    environment.close()


def test_regrade_with_nothing_submitted(environment: Database) -> None:
    result = CliRunner().invoke(app, ["regrade", ASSIGNMENT])
    assert result.exit_code == 0
    assert "no submissions yet" in result.output
    environment.close()
