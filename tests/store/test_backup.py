"""``mlmath backup`` and ``mlmath restore`` on SQLite and PostgreSQL: a backup taken while
the server writes is consistent and holds everything acknowledged before it began; a
restore onto an empty database gives back every row; refusals lose nothing."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select
from tests.fixtures.postgres import create_database, drop_database
from typer.testing import CliRunner

from mlmath.cli.main import app
from mlmath.store import backup as store
from mlmath.store.database import Database
from mlmath.store.grading import Grade, GradingJob, Submission
from mlmath.store.migrate import newest_revision, upgrade
from mlmath.store.models import (
    Attempt,
    Learner,
    LoginSession,
    Mastery,
    QuizAnswer,
    QuizAttempt,
    Variant,
)
from mlmath.store.tables import metadata

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "data"
PREVIOUS_RELEASE = FIXTURES / "mlmath-0002_grading.sqlite3"
runner = CliRunner()


def _sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'mlmath.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The URLs of a course database and of an empty one to restore onto."""
    if request.param == "sqlite":
        yield _sqlite_url(tmp_path / "here"), _sqlite_url(tmp_path / "there")
        return
    server = request.getfixturevalue("postgres_server")
    source, target = create_database(server), create_database(server)
    yield source, target
    drop_database(source)
    drop_database(target)


def _migrated(url: str) -> Database:
    db = Database.open(url)
    upgrade(db.write_engine)
    return db


def _fill(db: Database, learners: int = 3) -> None:
    """A small class: accounts, practice, a quiz, mastery, submissions, jobs and grades."""
    t0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with db.write() as s:
        for n in range(learners):
            learner = Learner(
                username=f"learner{n}",
                display_name=f"Learner Nº{n} — ü",
                password_hash=f"$argon2id$hash{n}",
                role="instructor" if n == 0 else "learner",
                created_at=t0,
            )
            s.add(learner)
            s.flush()
            s.add(
                LoginSession(
                    token_hash=f"{n:064d}",
                    learner_id=learner.id,
                    created_at=t0,
                    expires_at=t0 + timedelta(days=14),
                )
            )
            variant = Variant(
                learner_id=learner.id,
                skill_id="linalg.determinant_3x3",
                ordinal=0,
                seed=2**62 + n,
                level=1,
                draft="[[1, 2], [3, 4]]",
                created_at=t0,
            )
            s.add(variant)
            s.flush()
            for k in range(4):
                s.add(
                    Attempt(
                        variant_id=variant.id,
                        learner_id=learner.id,
                        skill_id=variant.skill_id,
                        response=f"{k - 2}/3",
                        verdict="correct" if k == 3 else "incorrect",
                        misconception_id="cofactor_sign" if k == 1 else None,
                        message="Check the sign.\nLine two.",
                        created_at=t0 + timedelta(minutes=k),
                        idempotency_key=uuid.uuid4().hex,
                    )
                )
            quiz = QuizAttempt(
                learner_id=learner.id,
                quiz_id="c1w1-graded",
                kind="graded",
                number=1,
                started_at=t0,
                submitted_at=t0 + timedelta(minutes=9),
                correct=1,
                total=1,
                score=1.0,
                passed=True,
            )
            s.add(quiz)
            s.flush()
            s.add(
                QuizAnswer(
                    quiz_attempt_id=quiz.id,
                    position=0,
                    skill_id="linalg.solve_2x2",
                    seed=7,
                    level=1,
                    response="(1, 2)",
                    verdict="correct",
                    answered_at=t0 + timedelta(minutes=8),
                )
            )
            s.add(
                Mastery(
                    learner_id=learner.id,
                    skill_id="linalg.determinant_3x3",
                    level=2,
                    points=3,
                    answers=4,
                    correct=1,
                    interval_days=2.5,
                    last_practised_at=t0,
                    due_at=t0 + timedelta(days=2),
                )
            )
            submission = Submission(
                learner_id=learner.id,
                assignment_id="c1w2-linear-systems",
                filename="solution.py",
                kind="py",
                content="def solve(a, b):\n    return None  # ünïcode\n",
                seed=2**40 + n,
                idempotency_key=uuid.uuid4().hex,
                created_at=t0,
            )
            s.add(submission)
            s.flush()
            for attempt in range(2):  # a grading and a regrade: history kept
                job = GradingJob(
                    submission_id=submission.id,
                    reason="submit" if attempt == 0 else "regrade",
                    state="done",
                    attempts=1,
                    worker="host:1",
                    created_at=t0,
                    finished_at=t0 + timedelta(seconds=1),
                )
                s.add(job)
                s.flush()
                s.add(
                    Grade(
                        submission_id=submission.id,
                        job_id=job.id,
                        score=2.0 + attempt,
                        max_score=4.0,
                        result='{"tests": []}',
                        created_at=t0,
                    )
                )
            s.add(GradingJob(submission_id=submission.id, reason="regrade", created_at=t0))


def _every_row(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = Database.open(url)
    try:
        with db.reading() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in metadata.sorted_tables
            }
    finally:
        db.close()


def _use(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("MLMATH_DATABASE_URL", url)


def test_round_trip_gives_back_every_row(
    two_databases: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = two_databases
    db = _migrated(source)
    _fill(db)
    db.close()
    before = _every_row(source)
    assert len(before["learner"]) == 3
    assert len(before["grade"]) == 6

    backup_file = tmp_path / "class.backup"
    _use(monkeypatch, source)
    made = runner.invoke(app, ["backup", str(backup_file)])
    assert made.exit_code == 0, made.output
    assert "3 learners, 12 attempts, 3 quiz attempts, 3 submissions, 6 grades" in made.output

    _use(monkeypatch, target)
    restored = runner.invoke(app, ["restore", str(backup_file)])
    assert restored.exit_code == 0, restored.output
    assert "3 learners, 12 attempts, 3 quiz attempts, 3 submissions, 6 grades" in restored.output
    assert _every_row(target) == before

    # The restored database carries on: new rows get new ids (PostgreSQL's sequences too).
    db = Database.open(target)
    with db.write() as s:
        s.add(Learner(username="newcomer", display_name="New"))
    with db.read() as s:
        assert s.scalar(select(Learner.id).where(Learner.username == "newcomer")) == 4
    db.close()


def test_restore_refuses_a_database_that_holds_data_unless_forced(
    two_databases: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = two_databases
    db = _migrated(source)
    _fill(db, learners=2)
    db.close()
    backup_file = tmp_path / "class.backup"
    _use(monkeypatch, source)
    assert runner.invoke(app, ["backup", str(backup_file)]).exit_code == 0

    db = _migrated(target)
    _fill(db, learners=1)
    db.close()
    theirs = _every_row(target)
    _use(monkeypatch, target)
    refused = runner.invoke(app, ["restore", str(backup_file)])
    assert refused.exit_code == 2
    assert "is not empty (1 learner, 4 attempts" in refused.output
    assert "--force" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    assert _every_row(target) == theirs

    forced = runner.invoke(app, ["restore", "--force", str(backup_file)])
    assert forced.exit_code == 0, forced.output
    assert _every_row(target) == _every_row(source)


def test_a_database_with_the_schema_but_no_rows_counts_as_empty(
    two_databases: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server started once on the new machine made the tables; that is still empty."""
    source, target = two_databases
    db = _migrated(source)
    _fill(db, learners=1)
    db.close()
    _migrated(target).close()
    backup_file = tmp_path / "class.backup"
    _use(monkeypatch, source)
    assert runner.invoke(app, ["backup", str(backup_file)]).exit_code == 0
    _use(monkeypatch, target)
    restored = runner.invoke(app, ["restore", str(backup_file)])
    assert restored.exit_code == 0, restored.output
    assert _every_row(target) == _every_row(source)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is not an mlmath backup"),
        (b"name,score\nada,3\n", "is not an mlmath backup"),
        (b"PGDMP\x01\x0e\x00garbage", "is damaged or not an mlmath backup"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "is damaged or not an mlmath backup"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_and_loses_nothing(
    two_databases: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    message: str,
) -> None:
    _source, target = two_databases
    db = _migrated(target)
    _fill(db, learners=1)
    db.close()
    theirs = _every_row(target)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_bytes(content)
    _use(monkeypatch, target)
    refused = runner.invoke(app, ["restore", "--force", str(not_a_backup)])
    assert refused.exit_code == 2
    assert message in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    assert _every_row(target) == theirs


def test_sqlite_refusals_of_damaged_foreign_and_newer_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite_url(tmp_path / "course")
    db = _migrated(url)
    _fill(db, learners=1)
    db.close()
    theirs = _every_row(url)
    _use(monkeypatch, url)

    good = tmp_path / "good.backup"
    assert runner.invoke(app, ["backup", str(good)]).exit_code == 0

    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    newer = tmp_path / "newer.backup"
    shutil.copy(good, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()

    for path, message in [
        (truncated, "is damaged"),
        (foreign, "is a SQLite database but not an mlmath backup"),
        (newer, "was made by a newer release; upgrade mlmath to restore it"),
        (tmp_path / "missing.backup", "does not exist"),
    ]:
        refused = runner.invoke(app, ["restore", "--force", str(path)])
        assert refused.exit_code == 2, path
        assert message in refused.output, refused.output
        assert len(refused.output.strip().splitlines()) == 1
    assert _every_row(url) == theirs


def test_backup_never_overwrites_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite_url(tmp_path)
    _migrated(url).close()
    _use(monkeypatch, url)
    existing = tmp_path / "keep.txt"
    existing.write_text("precious")
    refused = runner.invoke(app, ["backup", str(existing)])
    assert refused.exit_code == 2
    assert "already exists" in refused.output
    assert existing.read_text() == "precious"
    itself = runner.invoke(app, ["backup", "--overwrite", str(tmp_path / "mlmath.sqlite3")])
    assert itself.exit_code == 2
    assert "is the course database itself" in itself.output
    replaced = runner.invoke(app, ["backup", "--overwrite", str(existing)])
    assert replaced.exit_code == 0, replaced.output
    assert existing.read_bytes().startswith(store.SQLITE_MAGIC)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backup_of_a_course_not_yet_started_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, _sqlite_url(tmp_path / "nothing"))
    refused = runner.invoke(app, ["backup", str(tmp_path / "x.backup")])
    assert refused.exit_code == 2
    assert "there is no course database at" in refused.output
    assert not (tmp_path / "x.backup").exists()


def test_missing_postgresql_tools_are_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(store, "PG_TOOL_FOLDERS", str(tmp_path / "no-postgresql" / "*" / "bin"))
    _use(monkeypatch, "postgresql+psycopg://mlmath:secret@127.0.0.1:1/mlmath")
    refused = runner.invoke(app, ["backup", str(tmp_path / "class.backup")])
    assert refused.exit_code == 2
    assert refused.output.strip() == (
        "mlmath: pg_dump is not installed; it comes with PostgreSQL's client tools "
        "(Debian and Ubuntu: apt-get install postgresql-client)"
    )
    assert not (tmp_path / "class.backup").exists()


def test_postgresql_tools_are_found_under_usr_lib_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("9.6", "15", "13"):
        tool = tmp_path / version / "bin" / "pg_dump"
        tool.parent.mkdir(parents=True)
        tool.write_text("#!/bin/sh\n")
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(store, "PG_TOOL_FOLDERS", str(tmp_path / "*" / "bin"))
    assert store.pg_tool("pg_dump") == str(tmp_path / "15" / "bin" / "pg_dump")


@pytest.mark.postgres
def test_a_sqlite_backup_does_not_restore_onto_postgresql(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_url = _sqlite_url(tmp_path)
    db = _migrated(sqlite_url)
    _fill(db, learners=1)
    db.close()
    _use(monkeypatch, sqlite_url)
    assert runner.invoke(app, ["backup", str(tmp_path / "class.backup")]).exit_code == 0
    _use(monkeypatch, postgres_url)
    refused = runner.invoke(app, ["restore", str(tmp_path / "class.backup")])
    assert refused.exit_code == 2
    assert "is a backup of a SQLite database, but the course database is PostgreSQL" in (
        refused.output
    )


def test_a_backup_of_the_previous_release_restores_and_migrates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite_url(tmp_path)
    _use(monkeypatch, url)
    restored = runner.invoke(app, ["restore", str(PREVIOUS_RELEASE)])
    assert restored.exit_code == 0, restored.output
    assert "2 learners, 2 attempts, 1 quiz attempt, 1 submission, 1 grade" in restored.output
    db = Database.open(url)
    with db.read() as s:
        assert s.scalars(select(Learner.username).order_by(Learner.id)).all() == ["ada", "alice"]
    db.close()


# --- a backup while the server writes ----------------------------------------------------------


@contextmanager
def _writing_attempts(db: Database) -> Iterator[list[int]]:
    """A thread that stores attempts 1, 2, 3 … one transaction each, as fast as it can, until
    the block ends; yields the numbers whose commit has returned (acknowledged), in order."""
    with db.write() as s:
        learner = Learner(username="ada", display_name="Ada")
        s.add(learner)
        s.flush()
        variant = Variant(learner_id=learner.id, skill_id="s", ordinal=0, seed=1, level=1)
        s.add(variant)
        s.flush()
        learner_id, variant_id = learner.id, variant.id
    padding = "x" * 2000  # a database of a few MB, so that each backup takes a while

    def attempt(n: int) -> dict[str, Any]:
        return {
            "variant_id": variant_id,
            "learner_id": learner_id,
            "skill_id": "s",
            "response": str(n),
            "verdict": "correct",
            "message": padding,
            "created_at": datetime.now(UTC),
            "idempotency_key": f"{n:064d}",
        }

    with db.writing() as connection:  # history from before, told apart by negative numbers
        connection.execute(insert(Attempt), [attempt(-n) for n in range(1, 2001)])

    acknowledged: list[int] = []
    stop = threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        n = 0
        try:
            while not stop.is_set():
                n += 1
                with db.writing() as connection:
                    connection.execute(insert(Attempt), [attempt(n)])
                acknowledged.append(n)
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        yield acknowledged
    finally:
        stop.set()
        thread.join()
    assert not failures


def _stored_attempts(rows: Iterable[tuple[str]]) -> set[int]:
    numbers = {int(row[0]) for row in rows}
    assert {n for n in numbers if n < 0} == set(range(-2000, 0))
    return {n for n in numbers if n > 0}


def _consistent_and_complete(stored: set[int], before: list[int]) -> None:
    """One moment of a single writer: attempts 1 … k, no gaps; and k covers every attempt
    acknowledged before the backup began."""
    assert stored == set(range(1, len(stored) + 1))
    assert set(before) <= stored


def test_a_sqlite_backup_under_concurrent_writes_is_consistent_and_complete(
    tmp_path: Path,
) -> None:
    url = _sqlite_url(tmp_path)
    db = _migrated(url)
    backups = []
    with _writing_attempts(db) as acknowledged:
        for k in range(4):
            time.sleep(0.05)
            before = list(acknowledged)
            path = tmp_path / f"backup-{k}.sqlite3"
            store.backup(url, path)
            backups.append((path, before))
        time.sleep(0.05)
    db.close()
    for path, before in backups:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            stored = _stored_attempts(connection.execute("SELECT response FROM attempt"))
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.close()
        _consistent_and_complete(stored, before)
        assert revision == (newest_revision(),)
        assert not Path(f"{path}-wal").exists()
    # Writes went on while the backups ran: the last backup misses what came after it.
    assert len(acknowledged) > len(backups[-1][1])


@pytest.mark.postgres
def test_a_postgresql_backup_under_concurrent_writes_is_consistent_and_complete(
    postgres_server: str, tmp_path: Path
) -> None:
    url, target = create_database(postgres_server), create_database(postgres_server)
    try:
        db = _migrated(url)
        path = tmp_path / "class.backup"
        with _writing_attempts(db) as acknowledged:
            time.sleep(0.1)
            before = list(acknowledged)
            summary = store.backup(url, path)
            time.sleep(0.05)
        db.close()
        store.restore(target, path)
        restored = Database.open(target)
        with restored.reading() as connection:
            stored = _stored_attempts(connection.execute(select(Attempt.response)).all())
        restored.close()
        _consistent_and_complete(stored, before)
        assert summary.counts["attempt"] == 2000 + len(stored)  # counted in the dump's snapshot
        assert len(acknowledged) > len(stored)
    finally:
        drop_database(url)
        drop_database(target)
