"""Alembic environment: migrate the engine handed over by :func:`mlmath.store.migrate.upgrade`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine, text

from mlmath.store.tables import metadata

config = context.config
target_metadata = metadata

MIGRATION_LOCK = 0x6D6C6D617468  # "mlmath"
"""The PostgreSQL advisory lock held while migrating: app servers and workers that start at
once against a new database migrate one after the other (the later ones find nothing to
do) instead of all creating the same tables."""


def run() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no database to migrate: pass an engine or sqlalchemy.url")
        engine = create_engine(url)
    assert isinstance(engine, Engine)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run()
