"""Real ``mlmath serve`` and ``mlmath worker`` processes, killed mid-flight, on SQLite and
PostgreSQL. Each process is started and stopped by its own handle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from tests.fixtures.postgres import free_port

from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.store.models import Learner

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'mlmath.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database.open(database_url)
    upgrade(database.write_engine)
    yield database
    database.close()


def add_learner(db: Database, username: str) -> int:
    with db.write() as session:
        row = Learner(username=username, display_name=username.title())
        session.add(row)
        session.flush()
        return row.id


def wait_for(what: str, check: Callable[[], T | None], timeout: float = 90.0) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Processes:
    """Processes started by one test; whatever is still running at the end is stopped."""

    def __init__(self, folder: Path, database_url: str) -> None:
        self.folder = folder
        self.database_url = database_url
        self.started: list[subprocess.Popen[bytes]] = []

    def environment(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "MLMATH_DATA_DIR": str(self.folder / "data"),
            "MLMATH_DATABASE_URL": self.database_url,
            "MLMATH_MULTI_USER": "off",
            **extra,
        }

    def start(self, name: str, arguments: list[str], **extra: str) -> subprocess.Popen[bytes]:
        log = self.folder / f"{name}.log"
        with log.open("ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "mlmath", *arguments],
                env=self.environment(**extra),
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.started.append(process)
        return process

    def worker(self, name: str, lease: float = 2.0) -> subprocess.Popen[bytes]:
        return self.start(name, ["worker", "--lease", str(lease), "--poll", "0.1"])

    def server(self, name: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        process = self.start(
            name,
            ["serve", "--host", "127.0.0.1", "--port", str(port)],
            MLMATH_GRADING_WORKERS=str(workers),
        )
        url = f"http://127.0.0.1:{port}"

        def healthy() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"the server stopped:\n{self.log(name)}")
            try:
                return httpx.get(url + "/healthz", timeout=1).status_code == 200
            except httpx.TransportError:
                return False

        wait_for("the server to answer", healthy, timeout=60)
        return process, url

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def processes(tmp_path: Path, database_url: str) -> Iterator[Processes]:
    (tmp_path / "data").mkdir(exist_ok=True)
    started = Processes(tmp_path, database_url)
    yield started
    started.stop_all()
