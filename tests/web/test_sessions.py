"""Sessions remembered for a moment per process: how long an ended one may still count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mlmath.services import accounts
from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.web.sessions import Sessions


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path / 'course.sqlite3'}")
    upgrade(database.write_engine)
    yield database
    database.close()


def signed_in(db: Database) -> tuple[int, str]:
    with db.write() as session:
        user = accounts.sign_up(session, "ada", "correct horse battery")
        return user.id, accounts.open_session(session, user.id)


def test_a_session_ended_elsewhere_counts_at_most_for_the_remembered_time(db: Database) -> None:
    user_id, token = signed_in(db)
    now = [100.0]
    sessions = Sessions(db, seconds=2.0, clock=lambda: now[0])
    found = sessions.user(token)
    assert found is not None
    assert found.id == user_id
    with db.write() as session:  # logged out through another server process
        accounts.log_out(session, token)
    assert sessions.user(token) == found  # still remembered here
    now[0] += 1.9
    assert sessions.user(token) == found  # still within the remembered time
    now[0] += 0.2
    assert sessions.user(token) is None  # looked up again: ended


def test_log_out_in_this_process_is_immediate(db: Database) -> None:
    _, token = signed_in(db)
    sessions = Sessions(db)
    assert sessions.user(token) is not None
    with db.write() as session:
        accounts.log_out(session, token)
    sessions.forget(token)
    assert sessions.user(token) is None


def test_unknown_tokens_are_never_remembered_and_the_memory_is_bounded(db: Database) -> None:
    sessions = Sessions(db, size=3)
    assert sessions.user("guessed") is None
    assert "guessed" not in sessions._known
    tokens = []
    with db.write() as session:
        for n in range(5):
            user = accounts.sign_up(session, f"learner{n}", "correct horse battery")
            tokens.append(accounts.open_session(session, user.id))
    for token in tokens:
        assert sessions.user(token) is not None
    assert list(sessions._known) == tokens[-3:]  # the most recently used are kept
