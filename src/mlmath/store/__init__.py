"""The store: SQLAlchemy models, the database connection, Alembic migrations.

SQLite by default (WAL, ``synchronous=FULL``, foreign keys on); PostgreSQL when
``MLMATH_DATABASE_URL`` says so. Same models, same migrations on both.
"""
