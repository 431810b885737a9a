"""Migrations: the head read from the files is Alembic's head, and a database already at the
head starts without loading Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mlmath.store.database import Database
from mlmath.store.migrate import current_revision, heads, newest_revision, upgrade


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert heads() == (newest_revision(),)


def test_a_new_database_is_migrated_to_the_head(tmp_path: Path) -> None:
    database = Database.open(f"sqlite:///{tmp_path / 'course.db'}")
    try:
        assert current_revision(database.write_engine) is None
        upgrade(database.write_engine)
        assert current_revision(database.write_engine) == newest_revision()
    finally:
        database.close()


def test_a_current_database_starts_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'course.db'}"
    database = Database.open(url)
    upgrade(database.write_engine)
    database.close()
    script = (
        "import sys\n"
        "from mlmath.store.database import Database\n"
        "from mlmath.store.migrate import upgrade\n"
        f"database = Database.open({url!r})\n"
        "upgrade(database.write_engine)\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"
