"""Accounts: argon2id hashes, throttled log-in that reveals nothing, sessions that end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from mlmath.services import accounts
from mlmath.services.accounts import AccountError
from mlmath.store.database import Database
from mlmath.store.models import Learner
from mlmath.store.schema import utcnow

PASSWORD = "correct horse battery"


def test_passwords_are_stored_as_argon2id_hashes(db: Database) -> None:
    with db.write() as session:
        accounts.sign_up(session, "Ada", PASSWORD)
    with db.read() as session:
        stored = session.scalars(select(Learner.password_hash)).one()
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


@pytest.mark.parametrize(
    ("username", "password", "problem"),
    [("a", PASSWORD, "username"), ("ada", "short", "password"), ("local", PASSWORD, "reserved")],
)
def test_sign_up_explains_what_to_change(
    db: Database, username: str, password: str, problem: str
) -> None:
    with pytest.raises(AccountError, match=problem), db.write() as session:
        accounts.sign_up(session, username, password)


def test_a_taken_username_is_refused(db: Database) -> None:
    with db.write() as session:
        accounts.sign_up(session, "ada", PASSWORD)
    with pytest.raises(AccountError, match="taken"), db.write() as session:
        accounts.sign_up(session, "ADA", PASSWORD)


def test_log_in_opens_a_session_that_log_out_ends(db: Database) -> None:
    with db.write() as session:
        accounts.sign_up(session, "ada", PASSWORD)
    with db.write() as session:
        outcome = accounts.log_in(session, "ada", PASSWORD, client="1.2.3.4")
    assert outcome.user is not None
    assert outcome.token
    with db.read() as session:
        assert accounts.user_for_session(session, outcome.token) == outcome.user
    with db.write() as session:
        accounts.log_out(session, outcome.token)
    with db.read() as session:
        assert accounts.user_for_session(session, outcome.token) is None


def test_each_log_in_gets_a_new_session(db: Database) -> None:
    with db.write() as session:
        accounts.sign_up(session, "ada", PASSWORD)
    with db.write() as session:
        one = accounts.log_in(session, "ada", PASSWORD, client="c").token
    with db.write() as session:
        two = accounts.log_in(session, "ada", PASSWORD, client="c").token
    assert one != two


def test_failures_slow_down_guessing_the_same_way_for_real_and_unknown_accounts(
    db: Database,
) -> None:
    with db.write() as session:
        accounts.sign_up(session, "ada", PASSWORD)
    now = utcnow()
    messages: dict[str, list[str]] = {"ada": [], "nobody": []}
    for name, shown in messages.items():
        for i in range(accounts.FREE_FAILURES + 1):
            with db.write() as session:
                outcome = accounts.log_in(
                    session,
                    name,
                    "wrong guess",
                    client=f"client-{name}",
                    now=now + timedelta(milliseconds=i),
                )
            shown.append(outcome.error)
    assert messages["ada"] == messages["nobody"]
    assert messages["ada"][0] == accounts.WRONG_LOGIN
    assert messages["ada"][-1].startswith("Too many failed log-ins")


def test_the_wait_ends_so_there_is_no_permanent_lock_out(db: Database) -> None:
    with db.write() as session:
        accounts.sign_up(session, "ada", PASSWORD)
    now = utcnow()
    for i in range(accounts.FREE_FAILURES + 3):
        with db.write() as session:
            accounts.log_in(session, "ada", "wrong", client="c", now=now + timedelta(seconds=i))
    later = now + accounts.MAX_WAIT + timedelta(minutes=1)
    with db.write() as session:
        outcome = accounts.log_in(session, "ada", PASSWORD, client="c", now=later)
    assert outcome.user is not None


def test_instructors_are_named_by_the_setting(db: Database) -> None:
    with db.write() as session:
        teacher = accounts.sign_up(session, "Grace", PASSWORD, instructors=["grace"])
        student = accounts.sign_up(session, "alan", PASSWORD, instructors=["grace"])
    assert teacher.is_instructor
    assert not student.is_instructor
