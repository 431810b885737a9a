"""``mlmath backup FILE`` and ``mlmath restore FILE``: the course database to one file and back.

The database is the one the server uses (``MLMATH_DATABASE_URL``, or SQLite in
``MLMATH_DATA_DIR``). How each engine is copied: :mod:`mlmath.store.backup`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlmath.cli.errors import fail


def backup(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The backup file to write.")],
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace FILE if it exists.")
    ] = False,
) -> None:
    """Back the course database up to FILE, consistent even while the server writes."""
    from mlmath.config import Config
    from mlmath.store import backup as store
    from mlmath.store.database import database_url

    url = database_url(Config.from_environment())
    try:
        summary = store.backup(url, file, overwrite=overwrite)
    except store.BackupError as error:
        fail(str(error))
    size = file.expanduser().stat().st_size
    typer.echo(f"backed up {store.where(url)} to {file} ({_size(size)}): {summary.describe()}")


def restore(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A file made by mlmath backup.")],
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace a course database that already holds data."),
    ] = False,
) -> None:
    """Restore the course database from FILE (made by mlmath backup), then migrate it."""
    from mlmath.config import Config
    from mlmath.store import backup as store
    from mlmath.store.database import database_url
    from mlmath.store.migrate import newest_revision

    url = database_url(Config.from_environment())
    try:
        summary = store.restore(url, file, force=force)
    except store.BackupError as error:
        fail(str(error))
    migrated = (
        f"; migrated from schema {summary.revision} to {newest_revision()}"
        if summary.revision != newest_revision()
        else ""
    )
    typer.echo(f"restored {file} onto {store.where(url)}: {summary.describe()}{migrated}")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
