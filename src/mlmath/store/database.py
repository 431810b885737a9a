"""The database: engines from the settings, SQLite pragmas, sessions for reading and writing.

SQLite allows one writer at a time. A write transaction that starts as a reader
and later upgrades can fail at once with "database is locked" (SQLite cannot
wait without risking a deadlock), so writes begin with ``BEGIN IMMEDIATE`` on a
separate engine, and inside one process they also take a lock so that threads
queue politely instead of spinning on the busy timeout. Reads run concurrently
(WAL). On PostgreSQL both are plain transactions on one engine.

>>> db = Database.open("sqlite://")
>>> with db.write() as session:
...     _ = session.execute(text("select 1"))
>>> db.close()
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from mlmath.config import Config

SQLITE_BUSY_TIMEOUT_MS = 10_000


def database_url(config: Config) -> str:
    """The SQLAlchemy URL in force: ``MLMATH_DATABASE_URL``, or SQLite in the data folder."""
    if config.database_url:
        return config.database_url
    return f"sqlite:///{config.data_dir / 'mlmath.sqlite3'}"


def _sqlite_pragmas(dbapi_connection: Any, immediate: bool) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_engine(url: URL, immediate: bool, **kwargs: Any) -> Engine:
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        _sqlite_pragmas(dbapi_connection, immediate)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """Engines and session factories for one database."""

    def __init__(self, read_engine: Engine, write_engine: Engine) -> None:
        self.read_engine = read_engine
        self.write_engine = write_engine
        self.is_sqlite = write_engine.dialect.name == "sqlite"
        self._read_sessions = sessionmaker(read_engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(write_engine, expire_on_commit=False)
        self._write_lock = threading.Lock() if self.is_sqlite else None

    @classmethod
    def open(cls, url: str, *, pool_size: int = 8) -> Database:
        """Connect to ``url`` (no migrations: see :func:`mlmath.store.migrate.upgrade`)."""
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            engine = create_engine(
                parsed, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True
            )
            return cls(engine, engine)
        memory = parsed.database in (None, "", ":memory:")
        if memory:
            # One shared connection, so every session sees the same in-memory database.
            engine = _sqlite_engine(
                parsed,
                immediate=False,
                poolclass=StaticPool,
                connect_args={"check_same_thread": False},
            )
            return cls(engine, engine)
        Path(parsed.database or "").expanduser().parent.mkdir(parents=True, exist_ok=True)
        common: dict[str, Any] = {
            "connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        }
        reader = _sqlite_engine(
            parsed, immediate=False, pool_size=pool_size, max_overflow=pool_size * 4, **common
        )
        writer = _sqlite_engine(parsed, immediate=True, pool_size=2, max_overflow=2, **common)
        return cls(reader, writer)

    @classmethod
    def from_config(cls, config: Config) -> Database:
        return cls.open(database_url(config))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; anything it changes is rolled back."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes are committed together when the block ends without error."""
        if self._write_lock is not None:
            self._write_lock.acquire()
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        finally:
            if self._write_lock is not None:
                self._write_lock.release()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A bare connection for reading (lighter than a session: for prepared Core statements)."""
        with self.read_engine.connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A bare connection whose changes are committed together when the block ends."""
        if self._write_lock is not None:
            self._write_lock.acquire()
        try:
            with self.write_engine.begin() as connection:
                yield connection
        finally:
            if self._write_lock is not None:
                self._write_lock.release()

    def close(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


__all__ = ["Database", "database_url", "text"]
