"""App servers and workers that start at the same moment against a new PostgreSQL database
migrate it one after the other: none fails, and the schema is made once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlmath.store.database import Database
from mlmath.store.migrate import current_revision, newest_revision

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4


def test_processes_starting_at_once_migrate_a_new_database_in_turn(postgres_url: str) -> None:
    script = (
        "import sys\n"
        "from mlmath.store.database import Database\n"
        "from mlmath.store.migrate import upgrade\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"  # all wait here, then go together
        f"database = Database.open({postgres_url!r})\n"
        "upgrade(database.write_engine)\n"
        "database.close()\n"
    )
    started = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    for process in started:  # loaded
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    for process in started:  # go
        assert process.stdin is not None
        process.stdin.close()
    for process in started:
        assert process.stdout is not None
        with process.stdout:
            output = process.stdout.read()
        assert process.wait(timeout=120) == 0, output
    database = Database.open(postgres_url)
    try:
        assert current_revision(database.write_engine) == newest_revision()
    finally:
        database.close()
