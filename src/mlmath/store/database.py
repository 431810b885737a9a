"""The database: engines from the settings, SQLite pragmas, sessions for reading and writing.

SQLite allows one writer at a time. A write transaction that starts as a reader
and later upgrades can fail at once with "database is locked" (SQLite cannot
wait without risking a deadlock), so writes begin with ``BEGIN IMMEDIATE`` on a
separate engine, and inside one process they also take a lock so that threads
queue politely instead of spinning on the busy timeout. Several server processes
on one database file also queue on a lock file (``flock``) beside it: SQLite's
own busy handler sleeps in growing steps (1, 2, 5 … 100 ms) and would turn every
collision between processes into a long wait. Reads run concurrently
(WAL). On PostgreSQL both use one engine: writes are transactions, reads run
in autocommit (PostgreSQL's default isolation, READ COMMITTED, gives each statement
its own snapshot inside a transaction too, so ``BEGIN`` and ``ROLLBACK`` around a
read bought nothing but two round trips), and a pooled connection is checked
without a round trip before it is lent out (:func:`_postgres_engine`).

Busy servers write through :meth:`Database.write_together` (group commit, see
there).

>>> db = Database.open("sqlite://")
>>> with db.write() as session:
...     _ = session.execute(text("select 1"))
>>> db.close()
"""

from __future__ import annotations

import asyncio
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, overload

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from mlmath.config import Config
from mlmath.store import direct

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy timeout alone
    fcntl = None  # type: ignore[assignment]

SQLITE_BUSY_TIMEOUT_MS = 10_000
T = TypeVar("T")
MAX_GROUP_COMMIT = 256
DATABASE_THREADS = 8
"""Threads per process that wait on PostgreSQL for the event loop (as many as the pool
keeps connections). Starlette's shared pool of 40 threads let every waiting request
take a thread, and they spent more time contending for Python's GIL than working."""

DEADLOCK_RETRIES = 3
"""How often a group is run again after PostgreSQL aborted it for a deadlock."""
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

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Straight to the driver: through SQLAlchemy this cost more than a whole query.
        connection.connection.dbapi_connection.execute(begin)

    return engine


def _postgres_engine(url: URL, pool_size: int) -> Engine:
    """An engine whose pool lends out only connections that still reach the server.

    SQLAlchemy's ``pool_pre_ping`` sends ``SELECT 1`` at every checkout: one more round
    trip for every read and every write, each waking a thread. A server that ended a
    connection (restart, ``idle_session_timeout``, ``pg_terminate_backend``) has sent
    its goodbye and closed the socket; reading what already arrived reveals that
    without waiting for anything, and the pool then opens a new connection instead.
    A connection lost silently (a network cut) still fails its next statement once,
    and SQLAlchemy then replaces every connection of the pool.
    """
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size)

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if not _still_connected(dbapi_connection):
            raise DisconnectionError("the server closed this connection")

    return engine


def _still_connected(dbapi_connection: Any) -> bool:
    """Whether a psycopg connection is open at both ends, found without a round trip."""
    pgconn = getattr(dbapi_connection, "pgconn", None)
    if pgconn is None:  # another driver: its first statement will tell
        return True
    from psycopg import OperationalError, pq

    try:  # libpq's socket is non-blocking: each call reads only what is there
        pgconn.consume_input()  # the server's goodbye (FATAL), if it sent one
        pgconn.consume_input()  # then the end of the stream: raises if it closed
    except OperationalError:
        return False
    return bool(pgconn.status == pq.ConnStatus.OK)


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
        self._groups: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Group] = (
            weakref.WeakKeyDictionary()
        )
        self._reads: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Waiting] = (
            weakref.WeakKeyDictionary()
        )
        self._threads = (
            None if self.is_sqlite else ThreadPoolExecutor(DATABASE_THREADS, "mlmath-database")
        )

    @overload
    async def read_soon(self, work: Callable[[Connection], direct.Steps[T]]) -> T: ...
    @overload
    async def read_soon(self, work: Callable[[Connection], T]) -> T: ...
    async def read_soon(self, work: Callable[[Connection], Any]) -> Any:
        """Run a short read for the event loop: SQLite's on the loop itself (WAL: a read
        never waits for a writer, and the hop to a thread costs more than the read);
        PostgreSQL's in one of a few threads kept for the database, together with the
        other reads asked for in the same turn of the loop: one hop to a thread and one
        pooled connection for all of them (each hop and each checkout cost about as much
        CPU as the read itself)."""
        if self._threads is None:
            return self._read(work)
        loop = asyncio.get_running_loop()
        waiting = self._reads.get(loop)
        if waiting is None:
            waiting = self._reads[loop] = []
        done: asyncio.Future[Any] = loop.create_future()
        waiting.append((work, done))
        if len(waiting) == 1:
            loop.call_soon(self._start_reads, loop, waiting)
        return await done

    def _start_reads(self, loop: asyncio.AbstractEventLoop, waiting: _Waiting) -> None:
        batch = waiting[:]
        waiting.clear()
        running = loop.run_in_executor(self._threads, self._read_batch, batch)

        def deliver(finished: asyncio.Future[list[_Outcome]]) -> None:
            if finished.cancelled():
                _settle(batch, [(False, asyncio.CancelledError())] * len(batch))
            elif (error := finished.exception()) is not None:  # no connection to read on
                _settle(batch, [(False, error)] * len(batch))
            else:
                _settle(batch, finished.result())

        running.add_done_callback(deliver)

    def _read_batch(self, batch: _Waiting) -> list[_Outcome]:
        """Each read's outcome, ``(True, result)`` or ``(False, error)``, on one connection
        (autocommit: a read that fails leaves the others unharmed). The statements of
        reads in steps are sent together (:func:`direct.run_together`); if one of them
        fails, those reads are run again one by one, so that each gets its own outcome."""
        outcomes: list[_Outcome] = []
        stepwise: list[tuple[int, direct.Steps[Any]]] = []
        with self.reading() as connection:
            for work, _future in batch:
                try:
                    result = work(connection)
                except Exception as error:
                    outcomes.append((False, error))
                    continue
                if isinstance(result, direct.Steps):
                    stepwise.append((len(outcomes), result))
                outcomes.append((True, result))
            if stepwise:
                try:
                    together = direct.run_together(connection, [steps for _, steps in stepwise])
                except DBAPIError as error:
                    together = [
                        self._read_alone(connection, batch[i][0], error) for i, _ in stepwise
                    ]
                for (index, _steps), outcome in zip(stepwise, together, strict=True):
                    outcomes[index] = outcome
        return outcomes

    @staticmethod
    def _read_alone(
        connection: Connection, work: Callable[[Connection], Any], failed: DBAPIError
    ) -> _Outcome:
        if connection.invalidated:  # the connection was lost: so is every read on it
            return (False, failed)
        try:
            return (True, _done(connection, work))
        except Exception as error:
            return (False, error)

    def _read(self, work: Callable[[Connection], T]) -> T:
        with self.reading() as connection:
            return _done(connection, work)

    def _lock_writers(self, *, wait: bool = True) -> bool:
        """Queue behind the other threads of this process, then behind other processes.

        With ``wait=False``, take the locks only if both are free at once."""
        if self._write_lock is None:
            return True
        if not self._write_lock.acquire(blocking=wait):
            return False
        if self._lock_path is None:
            return True
        try:
            if self._lock_owner != os.getpid():  # opened per process: a fork shares the lock
                self._lock_file = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
                self._lock_owner = os.getpid()
            assert self._lock_file is not None
            fcntl.flock(self._lock_file, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._write_lock.release()
            return False
        except BaseException:
            self._write_lock.release()
            raise
        return True

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
            engine = _postgres_engine(parsed, pool_size)
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
        """A bare connection for reading (lighter than a session: for prepared Core statements).

        On PostgreSQL each statement runs on its own (autocommit): see the module's notes."""
        with self.read_engine.connect() as connection:
            if not self.is_sqlite:
                connection.execution_options(isolation_level="AUTOCOMMIT")
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

    @overload
    async def write_together(self, work: Callable[[Connection], direct.Steps[T]]) -> T: ...
    @overload
    async def write_together(self, work: Callable[[Connection], T]) -> T: ...
    async def write_together(self, work: Callable[[Connection], Any]) -> Any:
        """Run ``work`` in a write transaction; return its result once it is committed.

        On SQLite the writes waiting on this event loop at the same moment share one
        transaction (group commit: one fsync for all of them), and it runs on the
        loop's own thread: a writer thread would hold the database's lock while
        waiting for Python's GIL, and with several server processes that wait was
        what limited throughput. Only a lock held elsewhere is waited for in a
        worker thread. Each write runs as if alone: if one raises, the batch is
        rolled back and run again with a savepoint around each write, so the one
        that failed is rolled back alone and raises its own error; if the commit
        fails, every write of the batch raises. Nothing returns before its commit is
        durable (``synchronous=FULL``). On PostgreSQL the writes are grouped the same
        way, and each group commits in a worker thread (a remote server must not
        block the loop): one transaction and one WAL flush for all of them, instead of
        one per answer. A group that a concurrent transaction deadlocks with is run
        again (PostgreSQL aborts one of the two; nothing of it was stored).
        """
        loop = asyncio.get_running_loop()
        group = self._groups.get(loop)
        if group is None:
            group = self._groups[loop] = _Group()
        done: asyncio.Future[Any] = loop.create_future()
        group.waiting.append((work, done))
        if group.flush is None:
            group.flush = loop.create_task(self._flush(group))
        return await done

    async def _flush(self, group: _Group) -> None:
        """Commit what is waiting, batch after batch, until nothing is."""
        loop = asyncio.get_running_loop()
        try:
            while group.waiting:
                batch = group.waiting[:MAX_GROUP_COMMIT]
                del group.waiting[:MAX_GROUP_COMMIT]
                if self._write_lock is None:  # PostgreSQL: commit in a worker thread
                    outcomes = await loop.run_in_executor(self._threads, self._commit_batch, batch)
                else:
                    if not self._lock_writers(wait=False):
                        await self._wait_for_writers()
                    try:
                        outcomes = self._commit_batch(batch)
                    finally:
                        self._unlock_writers()
                _settle(batch, outcomes)
                await asyncio.sleep(0)  # let the requests that arrived meanwhile queue theirs
        finally:
            group.flush = None
            for _work, done in group.waiting:  # only if the loop is shutting down
                done.cancel()
            group.waiting.clear()

    async def _wait_for_writers(self) -> None:
        """Take the writers' locks without blocking the loop (a thread waits for them)."""
        taking = asyncio.get_running_loop().run_in_executor(None, self._lock_writers)
        try:
            await asyncio.shield(taking)
        except asyncio.CancelledError:  # release them once taken: nobody else will
            taking.add_done_callback(self._unlock_once_taken)
            raise

    def _unlock_once_taken(self, taking: asyncio.Future[bool]) -> None:
        if not taking.cancelled() and taking.exception() is None:
            self._unlock_writers()

    def _commit_batch(self, batch: _Waiting) -> list[_Outcome]:
        """Each write's outcome: ``(True, result)`` or ``(False, error)``; all committed."""
        for attempt in range(1, DEADLOCK_RETRIES + 1):
            try:
                try:
                    return self._run_batch(batch, careful=False)
                except _WriteFailed as failed:
                    if _is_transient(failed.__cause__) and attempt < DEADLOCK_RETRIES:
                        continue
                    if len(batch) == 1:
                        return [(False, failed.__cause__)]
                    return self._run_batch(batch, careful=True)
            except Exception as error:  # the commit failed: nothing of the batch is stored
                if _is_transient(error) and attempt < DEADLOCK_RETRIES:
                    continue
                return [(False, error)] * len(batch)
        raise AssertionError("unreachable: the last attempt returns")

    def _run_batch(self, batch: _Waiting, *, careful: bool) -> list[_Outcome]:
        """Run the batch in one transaction. Careful: each write in a savepoint of its own,
        one after the other. Otherwise any failure raises :class:`_WriteFailed`, and on
        PostgreSQL the statements of writes in steps share round trips
        (:func:`direct.run_together`); SQLite runs each write whole, in turn."""
        outcomes: list[_Outcome] = []
        with self.write_engine.begin() as connection:
            if careful:
                for work, _future in batch:
                    try:
                        with connection.begin_nested():
                            outcomes.append((True, _done(connection, work)))
                    except Exception as error:  # this write alone is rolled back
                        outcomes.append((False, error))
                return outcomes
            stepwise: list[tuple[int, direct.Steps[Any]]] = []
            for work, _future in batch:
                try:
                    result = work(connection)
                    if isinstance(result, direct.Steps):
                        if self.is_sqlite:
                            result = direct.run(connection, result)
                        else:
                            stepwise.append((len(outcomes), result))
                except Exception as error:
                    raise _WriteFailed from error
                outcomes.append((True, result))
            if stepwise:
                try:
                    together = direct.run_together(connection, [steps for _, steps in stepwise])
                except Exception as error:
                    raise _WriteFailed from error
                for (index, _steps), (ok, value) in zip(stepwise, together, strict=True):
                    if not ok:
                        raise _WriteFailed from value
                    outcomes[index] = (True, value)
        return outcomes

    def close(self) -> None:
        if self._threads is not None:
            self._threads.shutdown(wait=True)
        if self._lock_file is not None and self._lock_owner == os.getpid():
            os.close(self._lock_file)
            self._lock_file = None
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


def _done(connection: Connection, work: Callable[[Connection], T]) -> T:
    """``work``'s result on ``connection``; work in steps is run to its end here, one
    statement at a time."""
    result = work(connection)
    if isinstance(result, direct.Steps):
        return direct.run(connection, result)  # type: ignore[no-any-return]
    return result


def _is_transient(error: BaseException | None) -> bool:
    """A deadlock or serialization failure: PostgreSQL rolled the transaction back, and
    the same writes may simply be run again."""
    code = getattr(getattr(error, "orig", None), "sqlstate", None)
    return code in ("40P01", "40001")


_Waiting = list[tuple[Callable[[Connection], Any], "asyncio.Future[Any]"]]
"""Work for the database and the future that receives its result."""
_Outcome = direct.Outcome


def _settle(batch: _Waiting, outcomes: list[_Outcome]) -> None:
    """Give each waiting future its outcome (one whose request has gone is skipped)."""
    for (ok, value), (_work, done) in zip(outcomes, batch, strict=True):
        if done.done():
            continue
        if ok:
            done.set_result(value)
        else:
            done.set_exception(value)


class _Group:
    """The writes waiting on one event loop for the next shared transaction."""

    def __init__(self) -> None:
        self.waiting: _Waiting = []
        self.flush: asyncio.Task[None] | None = None


class _WriteFailed(Exception):
    """A write of a batch raised: the batch is run again, each write on its own."""


__all__ = ["Database", "database_url", "text"]
