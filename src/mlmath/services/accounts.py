"""Accounts: sign-up, log-in with throttling, sessions, log-out; the single-user learner.

- Passwords are hashed with argon2id (``argon2-cffi``'s defaults, RFC 9106).
- Log-in failures are counted per username and per client address. After
  :data:`FREE_FAILURES` failures in a row, each further try must wait, doubling
  from 1 s up to :data:`MAX_WAIT` — slow for guessing, never a permanent lock-out.
  The count is kept for unknown usernames exactly as for real ones, and unknown
  usernames cost a hash like real ones, so the answers never reveal which
  accounts exist.
- A session is a random token in a cookie; only its SHA-256 is stored. Log-in
  makes a new session; log-out ends it for good.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlmath.store import direct
from mlmath.store.models import Learner, LoginSession, LoginThrottle
from mlmath.store.schema import utcnow

LOCAL_USERNAME = "local"
ROLES = ("learner", "instructor")
SESSION_LIFETIME = timedelta(days=14)
FREE_FAILURES = 5
MAX_WAIT = timedelta(minutes=15)
FORGET_FAILURES_AFTER = timedelta(hours=1)
MIN_PASSWORD = 10
MAX_PASSWORD = 256
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown usernames (made on first use, not at import)."""
    return _hasher.hash("not a real password, only spends the same time")


class AccountError(ValueError):
    """Sign-up or log-in did not work; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class User:
    """The signed-in learner (or instructor), as the pages need them."""

    id: int
    username: str
    display_name: str
    role: str

    @property
    def is_instructor(self) -> bool:
        return self.role == "instructor"


def _user(row: Learner) -> User:
    return User(row.id, row.username, row.display_name, row.role)


def normalize_username(username: str) -> str:
    return username.strip().lower()


def sign_up(
    session: Session,
    username: str,
    password: str,
    display_name: str = "",
    instructors: Iterable[str] = (),
) -> User:
    name = normalize_username(username)
    if not USERNAME.fullmatch(name):
        raise AccountError(
            "Choose a username of 2 to 32 letters, digits, dots, dashes or underscores."
        )
    if name == LOCAL_USERNAME:
        raise AccountError("That username is reserved: choose another one.")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(
            f"Choose a password of at least {MIN_PASSWORD} characters "
            "(a few unrelated words work well)."
        )
    role = "instructor" if name in {normalize_username(i) for i in instructors} else "learner"
    row = Learner(
        username=name,
        display_name=display_name.strip()[:100] or name,
        password_hash=_hasher.hash(password),
        role=role,
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise AccountError(
            "That username is taken: choose another one, or log in if it is yours."
        ) from None
    return _user(row)


def _throttle_keys(username: str, client: str) -> list[str]:
    return [f"user:{normalize_username(username)[:100]}", f"client:{client[:100]}"]


def wait_before_login(session: Session, username: str, client: str, now: datetime) -> float:
    """Seconds to wait before the next log-in try with this username from this client."""
    wait = 0.0
    for key in _throttle_keys(username, client):
        row = session.get(LoginThrottle, key)
        if row is not None and row.blocked_until is not None and row.blocked_until > now:
            wait = max(wait, (row.blocked_until - now).total_seconds())
    return wait


def _count_failure(session: Session, key: str, now: datetime) -> None:
    row = session.get(LoginThrottle, key, with_for_update=True)
    if row is None:
        row = LoginThrottle(key=key, failures=0, last_failure_at=now)
        session.add(row)
    elif now - row.last_failure_at > FORGET_FAILURES_AFTER:
        row.failures = 0
    row.failures += 1
    row.last_failure_at = now
    if row.failures >= FREE_FAILURES:
        seconds = min(2.0 ** (row.failures - FREE_FAILURES), MAX_WAIT.total_seconds())
        row.blocked_until = now + timedelta(seconds=seconds)


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    """A log-in's result: the user and a new session token, or the error to show.

    Failures are returned, not raised, so that the caller commits the failure count."""

    user: User | None = None
    token: str = ""
    error: str = ""


WRONG_LOGIN = "Wrong username or password: check both and try again."


def log_in(
    session: Session,
    username: str,
    password: str,
    *,
    client: str,
    instructors: Iterable[str] = (),
    now: datetime | None = None,
) -> LoginOutcome:
    """Check the password and open a session."""
    now = now or utcnow()
    wait = wait_before_login(session, username, client, now)
    if wait > 0:
        return LoginOutcome(
            error=f"Too many failed log-ins: wait {int(wait) + 1} seconds, then try again."
        )
    name = normalize_username(username)
    row = session.scalars(select(Learner).where(Learner.username == name)).first()
    stored = row.password_hash if row is not None and row.password_hash else _dummy_hash()
    try:
        _hasher.verify(stored, password[:MAX_PASSWORD])
        ok = row is not None and row.password_hash is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or row is None:
        for key in _throttle_keys(username, client):
            _count_failure(session, key, now)
        return LoginOutcome(error=WRONG_LOGIN)
    user_key = _throttle_keys(username, client)[0]
    throttle = session.get(LoginThrottle, user_key)
    if throttle is not None:
        session.delete(throttle)
    if row.password_hash and _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    if name in {normalize_username(i) for i in instructors}:
        row.role = "instructor"
    return LoginOutcome(_user(row), open_session(session, row.id, now))


def open_session(session: Session, learner_id: int, now: datetime | None = None) -> str:
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    session.add(
        LoginSession(
            token_hash=_digest(token),
            learner_id=learner_id,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    return token


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


_SESSION_USER = (
    select(Learner.id, Learner.username, Learner.display_name, Learner.role)
    .join(LoginSession, LoginSession.learner_id == Learner.id)
    .where(
        LoginSession.token_hash == bindparam("token_hash"),
        LoginSession.ended_at.is_(None),
        LoginSession.expires_at > bindparam("now"),
    )
)
"""Built once: every request of a signed-in user runs it."""


def user_for_session(
    session: Session | Connection, token: str, now: datetime | None = None
) -> User | None:
    """The user a session token belongs to, if the session is open and not expired."""
    conn = session if isinstance(session, Connection) else session.connection()
    return direct.run(conn, looking_up_session(token, now))


@direct.in_steps()
def looking_up_session(
    token: str, now: datetime | None = None
) -> Generator[direct.Query, Any, User | None]:
    """:func:`user_for_session` as work in steps (its one statement can share a round trip
    with the request's other reads)."""
    if not token or len(token) > 100:
        return None
    params = {"token_hash": _digest(token), "now": now or utcnow()}
    rows = yield direct.Query(_SESSION_USER, params)
    if not rows:
        return None
    (row,) = rows
    return User(row.id, row.username, row.display_name, row.role)


def log_out(session: Session, token: str, now: datetime | None = None) -> None:
    row = session.get(LoginSession, _digest(token))
    if row is not None and row.ended_at is None:
        row.ended_at = now or utcnow()


def local_learner(session: Session) -> User:
    """The one learner of single-user mode, created on first use."""
    row = session.scalars(select(Learner).where(Learner.username == LOCAL_USERNAME)).first()
    if row is None:
        row = Learner(username=LOCAL_USERNAME, display_name="You", role="learner")
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            row = session.scalars(select(Learner).where(Learner.username == LOCAL_USERNAME)).one()
    return _user(row)


def learners(session: Session) -> list[User]:
    """Every account with the learner role, by username (for the instructor's class table)."""
    query = select(Learner).where(Learner.role == "learner").order_by(Learner.username)
    return [_user(r) for r in session.scalars(query)]
