"""Alembic environment: migrate the engine handed over by :func:`mlmath.store.migrate.upgrade`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from mlmath.store.models import Base

config = context.config
target_metadata = Base.metadata


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
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run()
