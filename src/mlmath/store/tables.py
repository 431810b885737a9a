"""Every table of the course in one schema, for what needs all of them at once
(migrations comparing the models with the database, backups, tests)."""

from __future__ import annotations

from sqlalchemy import MetaData

from mlmath.store import grading, models
from mlmath.store.schema import Base

metadata: MetaData = Base.metadata
"""The whole schema: the tables of :mod:`.models` and of :mod:`.grading`."""

__all__ = ["grading", "metadata", "models"]
