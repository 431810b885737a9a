"""`mlmath cohort add` and `mlmath cohort list` against the database of MLMATH_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlmath.cli.main import app
from mlmath.services import cohorts
from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.store.models import Learner


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    url = f"sqlite:///{tmp_path / 'course.sqlite3'}"
    monkeypatch.setenv("MLMATH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MLMATH_DATABASE_URL", url)
    database = Database.open(url)
    upgrade(database.write_engine)
    with database.write() as session:
        for name, role in (("alice", "instructor"), ("ada", "learner"), ("bo", "learner")):
            session.add(Learner(username=name, display_name=name.title(), role=role))
    return database


def test_add_makes_the_cohort_and_adds_accounts_once(db: Database) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["cohort", "add", "Group A", "alice", "ADA"])
    assert first.exit_code == 0, first.output
    assert "Group A: added alice, ada" in first.output
    assert "Group A: 1 learner(s)" in first.output
    again = runner.invoke(app, ["cohort", "add", "Group A", "ada", "bo"])
    assert again.exit_code == 0, again.output
    assert "already members: ada" in again.output
    assert "Group A: 2 learner(s)" in again.output
    listed = runner.invoke(app, ["cohort", "list"])
    assert listed.exit_code == 0
    assert "Group A\t2 learner(s)" in listed.output
    with db.read() as session:
        (only,) = cohorts.every_cohort(session)
        alice = session.query(Learner).filter_by(username="alice").one()
        assert [c.name for c in cohorts.taught_by(session, alice.id)] == ["Group A"]
        assert len(cohorts.learner_ids(session, only.id)) == 3


def test_an_unknown_username_is_named_and_nothing_is_added_for_it(db: Database) -> None:
    result = CliRunner().invoke(app, ["cohort", "add", "Group B", "ada", "nobody"])
    assert result.exit_code == 2
    assert "no account is called nobody (they must sign up first)" in result.output
    assert "Group B: added ada" in result.output


def test_a_cohort_needs_a_name(db: Database) -> None:
    result = CliRunner().invoke(app, ["cohort", "add", "  ", "ada"])
    assert result.exit_code == 2
    assert "A cohort's name has 1 to 100 characters." in result.output


def test_list_says_when_there_are_none(db: Database) -> None:
    result = CliRunner().invoke(app, ["cohort", "list"])
    assert result.exit_code == 0
    assert "no cohorts yet" in result.output
