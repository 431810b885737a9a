"""The database: engines from the settings, SQLite pragmas, sessions for reading and writing.

SQLite allows one writer at a time. A write transaction that starts as a reader
and later upgrades can fail at once with "database is locked" (SQLite cannot
wait without risking a deadlock), so writes begin with ``BEGIN IMMEDIATE`` on a
separate engine, and inside one process they also take a lock so that threads
queue politely instead of spinning on the busy timeout. Several server processes
on one database file also queue on a lock file (``flock``) beside it: SQLite's
own busy handler sleeps in growing steps (1, 2, 5 … 100 ms) and would turn every
collision between processes into a long wait. Reads run concurrently
(WAL). On PostgreSQL both are plain transactions on one engine.

>>> db = Database.open("sqlite://")
>>> with db.write() as session:
...     _ = session.execute(text("select 1"))
>>> db.close()
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from mlmath.config import Config

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy timeout alone
    fcntl = None  # type: ignore[assignment]

SQLITE_BUSY_TIMEOUT_MS = 10_000
T = TypeVar("T")
MAX_GROUP_COMMIT = 256
"""Most writes committed together (bounds one transaction's size and latency)."""


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

    def __init__(
        self, read_engine: Engine, write_engine: Engine, lock_path: Path | None = None
    ) -> None:
        self.read_engine = read_engine
        self.write_engine = write_engine
        self.is_sqlite = write_engine.dialect.name == "sqlite"
        self._read_sessions = sessionmaker(read_engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(write_engine, expire_on_commit=False)
        self._write_lock = threading.Lock() if self.is_sqlite else None
        self._lock_path = lock_path if fcntl is not None else None
        self._lock_file: int | None = None
        self._lock_owner = 0
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._queue_lock = threading.Lock()
        self._writer: threading.Thread | None = None
        self._writer_pid = 0

    def _lock_writers(self) -> None:
        """Queue behind the other threads of this process, then behind other processes."""
        if self._write_lock is None:
            return
        self._write_lock.acquire()
        if self._lock_path is None:
            return
        try:
            if self._lock_owner != os.getpid():  # opened per process: a fork shares the lock
                self._lock_file = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
                self._lock_owner = os.getpid()
            assert self._lock_file is not None
            fcntl.flock(self._lock_file, fcntl.LOCK_EX)
        except BaseException:
            self._write_lock.release()
            raise

    def _unlock_writers(self) -> None:
        if self._write_lock is None:
            return
        if self._lock_file is not None and self._lock_owner == os.getpid():
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
        self._write_lock.release()

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
        return cls(reader, writer, Path(f"{parsed.database}-writers.lock").expanduser())

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
        self._lock_writers()
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        finally:
            self._unlock_writers()

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
        self._lock_writers()
        try:
            with self.write_engine.begin() as connection:
                yield connection
        finally:
            self._unlock_writers()

    def submit_write(self, work: Callable[[Connection], T]) -> Future[T]:
        """Queue ``work`` for a write transaction; the future resolves once it is committed.

        On SQLite one writer thread per process runs the queue: the writes waiting
        at the same moment share one transaction (group commit: one fsync for all of
        them). Each runs in its own savepoint, so one that fails is rolled back alone
        and its future raises its own error; if the commit itself fails, every future
        of the batch raises. No future resolves before its commit is durable
        (``synchronous=FULL``). On PostgreSQL the work runs at once, in its own
        transaction, in the calling thread.
        """
        future: Future[T] = Future()
        if self._write_lock is None:
            try:
                with self.writing() as connection:
                    future.set_result(work(connection))
            except BaseException as error:
                future.set_exception(error)
            return future
        with self._queue_lock:
            if self._writer_pid != os.getpid():  # none yet in this process (or forked)
                self._queue = queue.SimpleQueue()
                thread = threading.Thread(
                    target=self._write_queued,
                    args=(self._queue,),
                    name="mlmath-writer",
                    daemon=True,
                )
                thread.start()
                self._writer, self._writer_pid = thread, os.getpid()
            self._queue.put((work, future))
        return future

    def write_grouped(self, work: Callable[[Connection], T]) -> T:
        """:meth:`submit_write`, waiting for the commit."""
        return self.submit_write(work).result()

    def _write_queued(self, jobs: queue.SimpleQueue[Any]) -> None:
        try:
            while True:
                first = jobs.get()
                if first is None:
                    return
                batch = [first]
                while len(batch) < MAX_GROUP_COMMIT:
                    try:
                        job = jobs.get_nowait()
                    except queue.Empty:
                        break
                    if job is None:
                        jobs.put(None)  # stop after this batch
                        break
                    batch.append(job)
                self._commit_batch(batch)
        finally:
            with self._queue_lock:
                if self._queue is jobs:  # the next write starts a new writer
                    self._writer_pid = 0

    def _commit_batch(self, batch: list[tuple[Callable[[Connection], Any], Future[Any]]]) -> None:
        results: list[tuple[bool, Any]] = []
        try:
            self._lock_writers()
            try:
                with self.write_engine.begin() as connection:
                    if len(batch) == 1:
                        results.append((True, batch[0][0](connection)))
                    else:
                        for work, _future in batch:
                            try:
                                with connection.begin_nested():
                                    results.append((True, work(connection)))
                            except Exception as error:  # this write alone is rolled back
                                results.append((False, error))
            finally:
                self._unlock_writers()
        except BaseException as error:  # nothing of the batch is committed
            for _work, future in batch:
                future.set_exception(error)
            if not isinstance(error, Exception):
                raise
            return
        for (ok, value), (_work, future) in zip(results, batch, strict=True):
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def close(self) -> None:
        with self._queue_lock:
            writer, self._writer = self._writer, None
            ours = writer is not None and self._writer_pid == os.getpid()
            if ours:
                self._queue.put(None)  # the writer commits what is queued, then stops
        if ours:
            assert writer is not None
            writer.join()
        if self._lock_file is not None and self._lock_owner == os.getpid():
            os.close(self._lock_file)
            self._lock_file = None
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


__all__ = ["Database", "database_url", "text"]
