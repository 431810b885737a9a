"""Back the course database up to one file, and restore it from one.

- **SQLite**: SQLite's online backup API copies the whole database in one step,
  inside one read transaction, so the copy is the database at one moment even
  while the server writes (WAL lets the writers carry on meanwhile). The backup
  is itself an SQLite database in rollback-journal mode (one self-contained
  file), checked with ``PRAGMA integrity_check`` before it takes its name.
  Restoring copies it back through the same API, in one write transaction on
  the course database.
- **PostgreSQL**: ``pg_dump`` in its custom format (one snapshot: consistent
  under load), restored by ``pg_restore`` piped into ``psql`` in one
  transaction, which first drops the tables already there. The client tools
  are looked for on ``PATH``, then under ``/usr/lib/postgresql/*/bin``.

Every backup is written beside its destination under a temporary name and
renamed into place once complete, so ``FILE`` is never half written. A restore
checks the file before touching the database (an SQLite backup must pass
``integrity_check``, a dump must list in ``pg_restore``; both must hold an
mlmath schema this release knows), refuses a database that already holds rows
unless forced, and afterwards migrates the restored schema to the newest one, so
a backup of an earlier release restores into this one.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from mlmath.store.database import Database
from mlmath.store.migrate import known_revisions, newest_revision, upgrade

try:
    import fcntl
except ImportError:  # Windows: no lock beside the database
    fcntl = None  # type: ignore[assignment]

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
PG_TOOL_FOLDERS = "/usr/lib/postgresql/*/bin"
"""Where Debian and Ubuntu install each PostgreSQL version's client tools."""
SQLITE_TIMEOUT_S = 30.0
COUNTED = (
    ("learner", "learner", "learners"),
    ("attempt", "attempt", "attempts"),
    ("quiz_attempt", "quiz attempt", "quiz attempts"),
    ("submission", "submission", "submissions"),
    ("grade", "grade", "grades"),
)
"""The tables a summary counts: (table, one, many)."""
VERSION_TABLE = "alembic_version"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What a backup holds, or what a restore brought back."""

    engine: str
    """``sqlite`` or ``postgresql``."""
    revision: str | None
    """The schema revision of the backup (before any migration)."""
    counts: dict[str, int]
    """Rows per table of :data:`COUNTED`."""

    def describe(self) -> str:
        """``2 learners, 15 attempts, 1 quiz attempt, 3 submissions, 3 grades``."""
        parts = []
        for table, one, many in COUNTED:
            number = self.counts.get(table, 0)
            parts.append(f"{number} {one if number == 1 else many}")
        return ", ".join(parts)


def where(url: str) -> str:
    """The database of ``url`` for messages: a file, or the URL without its password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(Path(parsed.database or ":memory:").expanduser())
    return parsed.render_as_string(hide_password=True)


def backup(url: str, destination: Path, *, overwrite: bool = False) -> Summary:
    """Copy the database at ``url`` into the new file ``destination``."""
    destination = destination.expanduser()
    if destination.is_dir():
        raise BackupError(f"{destination} is a folder: name the backup file")
    if destination.exists() and not overwrite:
        raise BackupError(f"{destination} already exists: choose another name or pass --overwrite")
    if not destination.parent.is_dir():
        raise BackupError(f"there is no folder {destination.parent} to write the backup in")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _backup_sqlite(_sqlite_file(parsed), destination)
    if parsed.get_backend_name() == "postgresql":
        return _backup_postgres(parsed, destination)
    raise BackupError(f"backups of {parsed.get_backend_name()} databases are not supported")


def restore(url: str, source: Path, *, force: bool = False) -> Summary:
    """Replace the database at ``url`` with the backup ``source``, then migrate it forward.

    Refuses (raising :class:`BackupError`, with the database untouched) when the
    file is not a backup this release can read, when it was made from the other
    kind of database, or when the database already holds rows and ``force`` is
    not set."""
    source = source.expanduser()
    kind, revision = inspect_backup(source)
    parsed = make_url(url)
    engine_name = parsed.get_backend_name()
    if engine_name != kind:
        made, used = _ENGINE_NAMES[kind], _ENGINE_NAMES.get(engine_name, engine_name)
        raise BackupError(
            f"{source} is a backup of a {made} database, but the course database is {used}: "
            f"it restores onto {made} only"
        )
    if kind == "sqlite":
        target = _sqlite_file(parsed, must_exist=False)
        if target.exists() and source.resolve() == target.resolve():
            raise BackupError(f"{source} is the course database itself")
    _refuse_if_not_empty(url, force=force)
    if kind == "sqlite":
        _restore_sqlite(source, _sqlite_file(parsed, must_exist=False))
    else:
        _restore_postgres(parsed, source)
    try:
        with _engine(url) as engine:
            upgrade(engine)
            with engine.connect() as connection:
                return Summary(kind, revision, _counts(connection))
    except SQLAlchemyError as error:
        raise BackupError(
            f"{source} was restored onto {where(url)}, but migrating it to this release's "
            f"schema failed: {_line(error)}"
        ) from None


def inspect_backup(path: Path) -> tuple[str, str]:
    """The kind of database a backup file holds (``sqlite`` or ``postgresql``) and its
    schema revision; raises :class:`BackupError` for anything else."""
    if not path.exists():
        raise BackupError(f"{path} does not exist")
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        revision = _sqlite_backup_revision(path)
        kind = "sqlite"
    elif head.startswith(PG_DUMP_MAGIC):
        revision = _postgres_backup_revision(path)
        kind = "postgresql"
    else:
        raise BackupError(f"{path} is not an mlmath backup (neither SQLite nor a pg_dump archive)")
    revisions = known_revisions()
    if revision not in revisions:
        raise BackupError(
            f"{path} holds schema revision {revision!r}, which this release of mlmath does not "
            f"know (its newest is {newest_revision()!r}): it was made by a newer release; "
            "upgrade mlmath to restore it"
        )
    return kind, revision


_ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@contextlib.contextmanager
def _engine(url: str) -> Iterator[Engine]:
    """The course's own engine for ``url`` (SQLite with its pragmas), closed afterwards."""
    database = Database.open(url, pool_size=1)
    try:
        yield database.write_engine
    finally:
        database.close()


def _counts(connection: Connection) -> dict[str, int]:
    tables = set(inspect(connection).get_table_names())
    return {
        table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        for table, _one, _many in COUNTED
        if table in tables
    }


def _refuse_if_not_empty(url: str, *, force: bool) -> None:
    """Refuse a database with rows in any table (unless ``force``): they would be replaced."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() == "sqlite"
        and not _sqlite_file(parsed, must_exist=False).exists()
    ):
        return
    try:
        with _engine(url) as engine, engine.connect() as connection:
            preparer = connection.dialect.identifier_preparer
            filled = [
                table
                for table in inspect(connection).get_table_names()
                if table != VERSION_TABLE
                and connection.execute(
                    text(f"SELECT 1 FROM {preparer.quote(table)} LIMIT 1")
                ).first()
            ]
            counts = _counts(connection) if filled else {}
    except SQLAlchemyError as error:
        raise BackupError(
            f"cannot read the course database at {where(url)}: {_line(error)}"
        ) from None
    if not filled or force:
        return
    held = (
        Summary(parsed.get_backend_name(), None, counts).describe()
        if any(counts.values())
        else "rows in " + ", ".join(filled)
    )
    raise BackupError(
        f"the course database at {where(url)} is not empty ({held}); restoring would replace "
        "all of it: pass --force to replace it (back it up first with mlmath backup)"
    )


def _line(error: BaseException) -> str:
    """The first line of an error's message (drivers add SQL and links below it)."""
    message = str(getattr(error, "orig", None) or error).strip()
    return message.splitlines()[0] if message else type(error).__name__


@contextlib.contextmanager
def _new_file(destination: Path) -> Iterator[Path]:
    """A temporary path beside ``destination``, renamed to it (durably) if the block succeeds."""
    handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", dir=destination.parent)
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        with partial.open("rb+") as file:
            os.fsync(file.fileno())
        partial.chmod(0o600)
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    finally:
        partial.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # not every system opens folders
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# --- SQLite ---------------------------------------------------------------------------------


def _sqlite_file(parsed: URL, *, must_exist: bool = True) -> Path:
    if parsed.database in (None, "", ":memory:"):
        raise BackupError(
            "the course database is in memory (MLMATH_DATABASE_URL): it has no file to back up "
            "or restore"
        )
    path = Path(parsed.database or "").expanduser()
    if must_exist and not path.exists():
        raise BackupError(f"there is no course database at {path} yet (mlmath serve creates it)")
    return path


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=SQLITE_TIMEOUT_S)


def _backup_sqlite(database: Path, destination: Path) -> Summary:
    if destination.exists() and destination.resolve() == database.resolve():
        raise BackupError(f"{destination} is the course database itself: choose another file")
    with _new_file(destination) as partial:
        source = sqlite3.connect(database, timeout=SQLITE_TIMEOUT_S)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)  # every page in one step: one read transaction, one moment
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                _check_integrity(copy, destination)
                revision, counts = _sqlite_summary(copy, destination)
            finally:
                copy.close()
        except sqlite3.Error as error:
            raise BackupError(f"cannot back up {database}: {error}") from None
        finally:
            source.close()
    return Summary("sqlite", revision, counts)


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(f"{path} is damaged: {problems[0]}")


def _sqlite_summary(connection: sqlite3.Connection, path: Path) -> tuple[str, dict[str, int]]:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if VERSION_TABLE not in tables or "learner" not in tables:
        raise BackupError(f"{path} is a SQLite database but not an mlmath backup")
    row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    if row is None:
        raise BackupError(f"{path} is a SQLite database but not an mlmath backup")
    counts = {
        table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table, _one, _many in COUNTED
        if table in tables
    }
    return str(row[0]), counts


def _sqlite_backup_revision(path: Path) -> str:
    try:
        connection = _read_only(path)
        try:
            _check_integrity(connection, path)
            revision, _counts = _sqlite_summary(connection, path)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise BackupError(f"{path} is damaged or not an mlmath backup: {error}") from None
    return revision


@contextlib.contextmanager
def _writers_locked(database: Path) -> Iterator[None]:
    """Queue with the course's own writers (the lock file beside the database)."""
    if fcntl is None:
        yield
        return
    descriptor = os.open(f"{database}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _restore_sqlite(source: Path, database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    with _writers_locked(database):
        try:
            backup_file = _read_only(source)
            try:
                target = sqlite3.connect(database, timeout=SQLITE_TIMEOUT_S)
                try:
                    # One step: one write transaction on the course database, all or nothing.
                    backup_file.backup(target)
                finally:
                    target.close()
            finally:
                backup_file.close()
        except sqlite3.Error as error:
            raise BackupError(f"cannot restore {source} onto {database}: {error}") from None


# --- PostgreSQL -----------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of PostgreSQL client tool ``name``: on ``PATH``, else the newest under
    ``/usr/lib/postgresql/*/bin``."""
    found = shutil.which(name)
    if found:
        return found
    candidates = [Path(p) for p in _glob(PG_TOOL_FOLDERS + "/" + name)]
    if candidates:
        return str(max(candidates, key=_version_of))
    raise BackupError(
        f"{name} is not installed; it comes with PostgreSQL's client tools "
        "(Debian and Ubuntu: apt-get install postgresql-client)"
    )


def _glob(pattern: str) -> list[str]:
    return [p for p in glob.glob(pattern) if os.access(p, os.X_OK)]


def _version_of(tool: Path) -> tuple[int, ...]:
    """``(15,)`` for ``/usr/lib/postgresql/15/bin/pg_dump``."""
    return tuple(int(n) for n in re.findall(r"\d+", tool.parent.parent.name)) or (0,)


def _libpq(parsed: URL) -> tuple[str, dict[str, str]]:
    """The connection URI for the client tools, and their environment (the password stays
    out of the command line, where other users of the machine could read it)."""
    environment = dict(os.environ)
    if parsed.password is not None:
        environment["PGPASSWORD"] = str(parsed.password)
    uri = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, environment


def _run(command: list[str], environment: dict[str, str], what: str) -> str:
    try:
        done = subprocess.run(
            command, env=environment, capture_output=True, text=True, check=False, cwd="/"
        )
    except OSError as error:
        raise BackupError(f"cannot run {command[0]}: {error}") from None
    if done.returncode != 0:
        raise BackupError(f"{what}: {_tool_error(done.stderr)}")
    return done.stdout


def _tool_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:  # the first real error, without the tool's name in front
        if "error:" in line or "FATAL:" in line or "ERROR:" in line:
            return re.sub(r"^\S+: (error: )?", "", line)
    return lines[-1] if lines else "failed"


def _backup_postgres(parsed: URL, destination: Path) -> Summary:
    pg_dump = pg_tool("pg_dump")
    uri, environment = _libpq(parsed)
    engine = create_engine(parsed)
    try:
        with engine.connect() as connection:
            # Count in the snapshot pg_dump will dump, so the summary is what the file holds.
            connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            tables = set(inspect(connection).get_table_names())
            if VERSION_TABLE not in tables:
                raise BackupError(f"the database at {where(str(parsed))} holds no mlmath course")
            revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
            counts = _counts(connection)
            with _new_file(destination) as partial:
                _run(
                    [
                        pg_dump,
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        f"--file={partial}",
                        f"--dbname={uri}",
                    ],
                    environment,
                    f"pg_dump could not back up {where(str(parsed))}",
                )
                _postgres_backup_revision(partial)  # the archive lists: it is whole
            connection.rollback()
    except SQLAlchemyError as error:
        raise BackupError(f"cannot read {where(str(parsed))}: {_line(error)}") from None
    finally:
        engine.dispose()
    return Summary("postgresql", revision, counts)


def _postgres_backup_revision(path: Path) -> str:
    pg_restore = pg_tool("pg_restore")
    listing = _run(
        [pg_restore, "--list", str(path)],
        dict(os.environ),
        f"{path} is damaged or not an mlmath backup",
    )
    if not re.search(rf"TABLE DATA \S+ {VERSION_TABLE} ", listing):
        raise BackupError(f"{path} is a PostgreSQL dump but not an mlmath backup")
    script = _run(
        [pg_restore, "--data-only", f"--table={VERSION_TABLE}", "--file=-", str(path)],
        dict(os.environ),
        f"{path} is damaged",
    )
    found = re.search(rf"^COPY \S*{VERSION_TABLE} .*FROM stdin;\n([^\n\\]+)\n", script, re.M)
    if found is None:
        raise BackupError(f"{path} is a PostgreSQL dump but not an mlmath backup")
    return found.group(1).strip()


def _restore_postgres(parsed: URL, source: Path) -> None:
    pg_restore = pg_tool("pg_restore")
    psql = pg_tool("psql")
    uri, environment = _libpq(parsed)
    engine = create_engine(parsed)
    try:
        with engine.connect() as connection:
            preparer = connection.dialect.identifier_preparer
            tables = [preparer.quote(t) for t in inspect(connection).get_table_names()]
    except SQLAlchemyError as error:
        raise BackupError(f"cannot read {where(str(parsed))}: {_line(error)}") from None
    finally:
        engine.dispose()
    command = [psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction"]
    if tables:  # the same transaction first drops what is there
        command.append(f"--command=DROP TABLE IF EXISTS {', '.join(tables)} CASCADE")
    command += ["--file=-", f"--dbname={uri}"]
    reader = subprocess.Popen(
        [pg_restore, "--no-owner", "--no-privileges", "--file=-", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        cwd="/",
    )
    assert reader.stdout is not None
    try:
        writer = subprocess.run(
            command,
            stdin=reader.stdout,
            capture_output=True,
            text=True,
            env=environment,
            cwd="/",
            check=False,
        )
    finally:
        reader.stdout.close()
        _, reader_errors = reader.communicate()
    if reader.returncode != 0:
        raise BackupError(
            f"pg_restore could not read {source}: {_tool_error(reader_errors.decode())}"
        )
    if writer.returncode != 0:
        raise BackupError(
            f"psql could not restore {source} onto {where(str(parsed))} (nothing was changed): "
            f"{_tool_error(writer.stderr)}"
        )
