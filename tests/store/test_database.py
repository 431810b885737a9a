"""The store on SQLite and on PostgreSQL: schema from migrations, pragmas, constraints."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Generator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    BigInteger,
    Connection,
    bindparam,
    event,
    func,
    insert,
    make_url,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError, IntegrityError

from mlmath.store import direct
from mlmath.store.database import Database
from mlmath.store.migrate import heads, upgrade
from mlmath.store.models import Attempt, Learner, Variant
from mlmath.store.tables import metadata


def _learner_and_variant(db: Database) -> tuple[int, int]:
    with db.write() as session:
        learner = Learner(username="ada", display_name="Ada", role="learner")
        session.add(learner)
        session.flush()
        variant = Variant(learner_id=learner.id, skill_id="s", ordinal=0, seed=2**47, level=1)
        session.add(variant)
        session.flush()
        return learner.id, variant.id


def test_migrations_build_exactly_the_models_schema(db: Database) -> None:
    with db.write_engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_there_is_one_line_of_migrations() -> None:
    assert len(heads()) == 1


def test_migrating_twice_changes_nothing(db: Database) -> None:
    upgrade(db.write_engine)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Learner)) == 0


def test_sqlite_runs_in_wal_mode_with_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.close()


def test_an_attempt_needs_an_existing_variant(db: Database) -> None:
    learner_id, _ = _learner_and_variant(db)
    with pytest.raises(IntegrityError), db.write() as session:
        session.add(
            Attempt(
                variant_id=999,
                learner_id=learner_id,
                skill_id="s",
                response="1",
                verdict="correct",
                idempotency_key="k1",
            )
        )


def test_an_idempotency_key_is_used_once(db: Database) -> None:
    learner_id, variant_id = _learner_and_variant(db)
    attempt = {
        "variant_id": variant_id,
        "learner_id": learner_id,
        "skill_id": "s",
        "response": "1",
        "verdict": "correct",
        "idempotency_key": "same",
    }
    with db.write() as session:
        session.add(Attempt(**attempt))
    with pytest.raises(IntegrityError), db.write() as session:
        session.add(Attempt(**attempt))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_times_come_back_as_the_same_moment_in_utc(db: Database) -> None:
    moment = datetime(2026, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    with db.write() as session:
        session.add(Learner(username="bo", display_name="Bo", created_at=moment))
    with db.read() as session:
        stored = session.scalars(select(Learner.created_at)).one()
    assert stored == moment
    assert stored.tzinfo == UTC


def test_a_failed_write_leaves_nothing_behind(db: Database) -> None:
    def crash_in_the_middle() -> None:
        with db.write() as session:
            session.add(Learner(username="cy", display_name="Cy"))
            session.flush()
            raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        crash_in_the_middle()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Learner)) == 0


def test_concurrent_writers_all_succeed(db: Database) -> None:
    learner_id, variant_id = _learner_and_variant(db)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(20):
                with db.write() as session:
                    session.add(
                        Attempt(
                            variant_id=variant_id,
                            learner_id=learner_id,
                            skill_id="s",
                            response=str(i),
                            verdict="incorrect",
                            idempotency_key=f"{n}-{i}",
                        )
                    )
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 160


def _add_learner(name: str) -> Callable[[Connection], int]:
    def work(connection: Connection) -> int:
        row = connection.execute(
            insert(Learner).returning(Learner.id),
            {"username": name, "display_name": name, "role": "learner"},
        )
        return int(row.scalar_one())

    return work


def test_grouped_writes_are_committed_when_their_results_arrive(db: Database) -> None:
    async def write_all() -> list[int]:
        return await asyncio.gather(
            *(db.write_together(_add_learner(f"learner{n}")) for n in range(40))
        )

    results = asyncio.run(write_all())
    assert len(set(results)) == 40
    with db.read() as session:  # every acknowledged write is there, read back from disk
        names = set(session.scalars(select(Learner.username)))
    assert names == {f"learner{n}" for n in range(40)}


def test_a_failing_write_in_a_group_is_rolled_back_alone(db: Database) -> None:
    async def write_all() -> list[object]:
        await db.write_together(_add_learner("taken"))
        names = ("a", "taken", "b", "c")
        writes = (db.write_together(_add_learner(name)) for name in names)
        return await asyncio.gather(*writes, return_exceptions=True)

    outcomes = [
        type(r).__name__ if isinstance(r, Exception) else "ok" for r in asyncio.run(write_all())
    ]
    assert outcomes == ["ok", "IntegrityError", "ok", "ok"]
    with db.read() as session:
        assert set(session.scalars(select(Learner.username))) == {"taken", "a", "b", "c"}


def test_processes_writing_one_sqlite_file_queue_on_its_lock_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'course.sqlite3'}"
    database = Database.open(url)
    upgrade(database.write_engine)
    database.close()
    script = (
        "import asyncio, sys\n"
        "from sqlalchemy import insert\n"
        "from mlmath.store.database import Database\n"
        "from mlmath.store.models import Learner\n"
        "db = Database.open(sys.argv[1])\n"
        "async def main():\n"
        "    for n in range(30):\n"
        "        await db.write_together(lambda c, n=n: c.execute(insert(Learner), "
        "{'username': f'{sys.argv[2]}{n}', 'display_name': 'x', 'role': 'learner'}))\n"
        "asyncio.run(main())\n"
        "db.close()\n"
    )
    children = [subprocess.Popen([sys.executable, "-c", script, url, f"p{i}-"]) for i in range(3)]
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0]
    assert (tmp_path / "course.sqlite3-writers.lock").exists()
    database = Database.open(url)
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(Learner)) == 90
    database.close()


def test_a_write_waiting_for_another_process_can_be_abandoned_without_leaking_the_lock(
    tmp_path: Path,
) -> None:
    """While another process holds the writers' lock, writes wait without blocking the
    event loop; if the loop gives up on them, the lock is released once taken."""
    url = f"sqlite:///{tmp_path / 'course.sqlite3'}"
    database = Database.open(url)
    upgrade(database.write_engine)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
            str(tmp_path / "course.sqlite3-writers.lock"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"

        async def abandoned() -> bool:
            write = asyncio.ensure_future(database.write_together(_add_learner("early")))
            ticks = 0
            while ticks < 20:  # the loop keeps running while the write waits
                await asyncio.sleep(0.01)
                ticks += 1
            assert not write.done()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()
            await asyncio.sleep(0.05)
            assert holder.stdin is not None
            holder.stdin.close()  # the other process lets go; the waiting thread takes it
            await asyncio.to_thread(holder.wait, 30)
            return write.cancelled()

        assert asyncio.run(abandoned())
        assert holder.returncode == 0

        async def later() -> int:
            return await asyncio.wait_for(database.write_together(_add_learner("later")), 30)

        assert asyncio.run(later()) > 0  # the lock was not left taken
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
        database.close()


def test_writes_waiting_together_share_one_commit(db: Database) -> None:
    """Group commit on both engines: 40 answers arriving at once cost a few commits (one
    fsync or WAL flush each), not 40."""
    commits: list[int] = []
    event.listen(db.write_engine, "commit", lambda _connection: commits.append(1))

    async def write_all() -> list[int]:
        return await asyncio.gather(
            *(db.write_together(_add_learner(f"together{n}")) for n in range(40))
        )

    assert len(set(asyncio.run(write_all()))) == 40
    assert 1 <= len(commits) < 10
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Learner)) == 40


@pytest.mark.postgres
def test_a_connection_the_server_ended_is_replaced_before_it_is_lent_out(
    postgres_url: str,
) -> None:
    """A restart or an idle timeout ends pooled connections: the next read and write
    still succeed, on new connections (found without a ``SELECT 1`` per checkout)."""
    db = Database.open(postgres_url, pool_size=2)
    try:
        with db.reading() as one, db.writing() as two:  # two connections, both pooled after
            pooled = {c.execute(text("select pg_backend_pid()")).scalar_one() for c in (one, two)}
        libpq_url = make_url(postgres_url).set(drivername="postgresql")
        with psycopg.connect(libpq_url.render_as_string(hide_password=False)) as admin:
            for pid in pooled:
                admin.execute("select pg_terminate_backend(%s)", (pid,))
        time.sleep(0.2)  # the goodbye reaches the pooled connections' sockets
        with db.reading() as one, db.writing() as two:
            now = {c.execute(text("select pg_backend_pid()")).scalar_one() for c in (one, two)}
        assert len(now) == 2
        assert not now & pooled
    finally:
        db.close()


@pytest.mark.postgres
def test_reads_on_postgresql_hold_no_transaction_open(postgres_url: str) -> None:
    """A read costs no BEGIN and ROLLBACK round trips and never holds a snapshot."""
    db = Database.open(postgres_url)
    try:
        with db.reading() as connection:
            status = connection.connection.dbapi_connection.info.transaction_status  # type: ignore[union-attr]
            connection.execute(text("select 1"))
            after = connection.connection.dbapi_connection.info.transaction_status  # type: ignore[union-attr]
        assert (status.name, after.name) == ("IDLE", "IDLE")
    finally:
        db.close()


@pytest.mark.postgres
def test_reads_asked_together_share_one_connection_and_fail_alone(postgres_url: str) -> None:
    """Reads that requests ask for in the same turn of the event loop run on one pooled
    connection, one after another in one database thread; each gets its own result, and
    one that fails raises its own error without harming the others."""
    db = Database.open(postgres_url)

    def backend(number: int) -> Callable[[Connection], tuple[int, int]]:
        def read(connection: Connection) -> tuple[int, int]:
            if number == 3:
                connection.execute(text("select 1/0"))
            return number, connection.execute(text("select pg_backend_pid()")).scalar_one()

        return read

    async def together() -> list[tuple[int, int] | BaseException]:
        return await asyncio.gather(
            *(db.read_soon(backend(n)) for n in range(8)), return_exceptions=True
        )

    try:
        outcomes = asyncio.run(together())
    finally:
        db.close()
    failed = outcomes.pop(3)
    assert isinstance(failed, DBAPIError)
    assert "division by zero" in str(failed)
    assert [number for number, _pid in outcomes] == [0, 1, 2, 4, 5, 6, 7]  # type: ignore[misc]
    assert len({pid for _number, pid in outcomes}) == 1  # type: ignore[misc]


_NAMED = select(func.count().label("named")).where(Learner.username == bindparam("name"))
_SIZE = select(func.abs(bindparam("number", type_=BigInteger)).label("size"))
"""Fails on both databases for the smallest 64-bit integer, whose size is one too many."""


def _size(number: int) -> Callable[[Connection], direct.Steps[int]]:
    def steps() -> Generator[direct.Query, Any, int]:
        (row,) = yield direct.Query(_SIZE, {"number": number})
        return int(row.size)

    return lambda _connection: direct.Steps(steps())


def _making(name: str) -> Callable[[Connection], direct.Steps[int]]:
    """A write in steps: a statement asked for (is the name free?), then one of its own
    (the learner made)."""

    def steps(connection: Connection) -> Generator[direct.Query, Any, int]:
        (free,) = yield direct.Query(_NAMED, {"name": name})
        made = _add_learner(name)(connection)
        return made if free.named == 0 else -1

    return lambda connection: direct.Steps(steps(connection), key=name)


def test_writes_in_steps_share_a_commit_and_a_failing_one_is_rolled_back_alone(
    db: Database,
) -> None:
    """Writes whose statements share round trips still end each as if alone: a broken
    constraint raises for that write only, the others are committed."""

    async def write_all() -> list[object]:
        await db.write_together(_making("taken"))
        works = (_making("a"), _making("taken"), _making("b"), _size(-(2**63)), _making("c"))
        return await asyncio.gather(*map(db.write_together, works), return_exceptions=True)

    outcomes = [type(r).__name__ for r in asyncio.run(write_all())]
    # a statement of its own fails (the name taken), and one asked for fails in its round
    assert outcomes[:3] + outcomes[4:] == ["int", "IntegrityError", "int", "int"]
    assert outcomes[3] in {"DataError", "OperationalError"}
    with db.read() as session:
        assert set(session.scalars(select(Learner.username))) == {"taken", "a", "b", "c"}


def test_reads_in_steps_asked_together_fail_alone(db: Database) -> None:
    """Reads whose statements are sent together each get their own result, and one that
    fails raises its own error without harming the others."""

    async def together() -> list[object]:
        reads = (db.read_soon(_size(n)) for n in (1, -2, -(2**63), 3, -4))
        return await asyncio.gather(*reads, return_exceptions=True)

    outcomes = asyncio.run(together())
    failed = outcomes.pop(2)
    assert isinstance(failed, DBAPIError)
    assert "out of range" in str(failed) or "overflow" in str(failed)
    assert outcomes == [1, 2, 3, 4]
