from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mlmath.store.database import Database
from mlmath.store.migrate import upgrade


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'course.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database.open(url)
    upgrade(database.write_engine)
    yield database
    database.close()
