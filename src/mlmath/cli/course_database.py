"""The course database as a command opens it: from the settings, migrated, closed after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlmath.config import Config
    from mlmath.store.database import Database


@contextmanager
def course_database(config: Config | None = None) -> Iterator[Database]:
    """The database the settings name (``MLMATH_DATABASE_URL`` or the data folder's
    SQLite), brought to this release's schema; closed when the block ends."""
    from mlmath.config import Config
    from mlmath.store.database import Database
    from mlmath.store.migrate import upgrade

    db = Database.from_config(config or Config.from_environment())
    try:
        upgrade(db.write_engine)
        yield db
    finally:
        db.close()
