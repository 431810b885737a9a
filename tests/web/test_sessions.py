"""Sessions remembered for a moment per process: how long an ended one may still count."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from mlmath.services import accounts
from mlmath.services.accounts import User
from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.web.sessions import Sessions


def _user(sessions: Sessions, token: str) -> User | None:
    return asyncio.run(sessions.user(token))


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
    found = _user(sessions, token)
    assert found is not None
    assert found.id == user_id
    with db.write() as session:  # logged out through another server process
        accounts.log_out(session, token)
    assert _user(sessions, token) == found  # still remembered here
    now[0] += 1.9
    assert _user(sessions, token) == found  # still within the remembered time
    now[0] += 0.2
    assert _user(sessions, token) is None  # looked up again: ended


def test_log_out_in_this_process_is_immediate(db: Database) -> None:
    _, token = signed_in(db)
    sessions = Sessions(db)
    assert _user(sessions, token) is not None
    with db.write() as session:
        accounts.log_out(session, token)
    sessions.forget(token)
    assert _user(sessions, token) is None


def test_unknown_tokens_are_never_remembered_and_the_memory_is_bounded(db: Database) -> None:
    sessions = Sessions(db, size=3)
    assert _user(sessions, "guessed") is None
    assert "guessed" not in sessions._known
    tokens = []
    with db.write() as session:
        for n in range(5):
            user = accounts.sign_up(session, f"learner{n}", "correct horse battery")
            tokens.append(accounts.open_session(session, user.id))
    for token in tokens:
        assert _user(sessions, token) is not None
    assert list(sessions._known) == tokens[-3:]  # the most recently used are kept


@pytest.mark.postgres
def test_a_lookup_waiting_on_postgresql_leaves_the_event_loop_serving(postgres_url: str) -> None:
    """A session looked up while PostgreSQL makes it wait (here a lock held elsewhere)
    waits off the event loop: the server's other requests go on meanwhile."""
    db = Database.open(postgres_url)
    upgrade(db.write_engine)
    try:
        _, token = signed_in(db)
        sessions = Sessions(db)
        libpq_url = make_url(postgres_url).set(drivername="postgresql")
        with psycopg.connect(libpq_url.render_as_string(hide_password=False)) as blocker:
            blocker.execute("lock table login_session in access exclusive mode")
            # released in any case after a while: a lookup that blocked the loop then
            # fails the test instead of hanging it
            release = threading.Timer(5.0, blocker.rollback)
            release.start()

            async def meanwhile() -> tuple[User | None, int]:
                lookup = asyncio.create_task(sessions.user(token))
                ticks = 0
                while ticks < 20:  # the loop runs while the lookup waits
                    await asyncio.sleep(0.01)
                    ticks += 1
                assert not lookup.done()
                blocker.rollback()  # the lock is released: the lookup ends
                return await lookup, ticks

            try:
                found, ticks = asyncio.run(meanwhile())
            finally:
                release.cancel()
        assert found is not None
        assert ticks == 20
    finally:
        db.close()
