"""The busiest statements run straight on PostgreSQL's driver, compiled once.

Through SQLAlchemy Core a statement on psycopg costs about three times the driver's own
CPU: ~245 µs for the practice panel's read against ~85 µs for the same SQL sent with
psycopg's cursor. Most of the difference is result set-up, which asks the cursor for
its ``description`` on every execution (psycopg builds a column object for each of the
panel's 21 columns each time), the rest the execution context. :func:`rows` keeps the
statement a Core statement, written once for every database: on PostgreSQL it is
compiled once, and each call converts the parameters and the row values the way
SQLAlchemy would (each column type's bind and result processors, such as
:class:`~mlmath.store.schema.UTCDateTime`'s) and runs the SQL on the connection's own
psycopg connection, inside whatever transaction the SQLAlchemy connection has begun.
A driver error is raised as the SQLAlchemy error it would have been (an
:class:`~sqlalchemy.exc.IntegrityError` for a unique violation; a lost connection
invalidates the pooled connection first), and ``before_cursor_execute`` listeners
still see the statement. Other databases take the usual path: SQLite's driver runs in
the process, and SQLAlchemy costs it little.

Only ``SELECT`` statements (CTEs included) whose SQL does not depend on the parameters
given, and that leave no column default to be computed in Python, qualify: anything else
is refused when first compiled.
"""

from __future__ import annotations

import threading
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

Processor = Callable[[Any], Any]
AnySelect = Select[*tuple[Any, ...]]


class _Compiled:
    """A statement's SQL for one dialect, its parameters' and its columns' conversions."""

    def __init__(self, statement: AnySelect, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        if "POSTCOMPILE" in compiled.string:
            raise ValueError(
                "a statement with parameters expanded at execution cannot run directly"
            )
        if compiled.insert_prefetch or compiled.update_prefetch:
            raise ValueError(
                "a statement whose columns take defaults computed in Python cannot run directly"
                " (give their values as parameters)"
            )
        self.sql = compiled.string
        self._compiled = compiled
        self._bind_processors: dict[str, Processor] = {}
        for bind, name in compiled.bind_names.items():
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self._bind_processors[name] = processor
        self._columns = statement.selected_columns
        self._dialect = dialect
        row = namedtuple("Row", self._columns.keys())  # type: ignore[misc]
        self._make: Callable[[Iterable[Any]], Any] = row._make
        self._result_processors: list[tuple[int, Processor]] | None = None

    def _processors(self, description: Sequence[Any]) -> list[tuple[int, Processor]]:
        """The conversion of each column that needs one, for the database types the
        first execution reported (the same each time: the SQL does not change)."""
        dialect = self._dialect
        return [
            (index, processor)
            for index, (column, described) in enumerate(
                zip(self._columns, description, strict=True)
            )
            if (
                processor := column.type.dialect_impl(dialect).result_processor(
                    dialect, described.type_code
                )
            )
            is not None
        ]

    def parameters(self, given: Mapping[str, Any]) -> dict[str, Any]:
        values = dict(self._compiled.construct_params(dict(given)))
        for name, processor in self._bind_processors.items():
            if name in values:
                values[name] = processor(values[name])
        return values

    @property
    def knows_types(self) -> bool:
        return self._result_processors is not None

    def rows(self, fetched: list[tuple[Any, ...]], description: Sequence[Any]) -> list[Any]:
        if self._result_processors is None:
            self._result_processors = self._processors(description)
        make = self._make
        if not self._result_processors:
            return [make(values) for values in fetched]
        converted = []
        for values in fetched:
            row = list(values)
            for index, processor in self._result_processors:
                row[index] = processor(row[index])
            converted.append(make(row))
        return converted


_compiled: dict[tuple[int, str], tuple[AnySelect, _Compiled]] = {}
_compiling = threading.Lock()


def _compiled_for(statement: AnySelect, dialect: Dialect) -> _Compiled:
    key = (id(statement), dialect.name)
    found = _compiled.get(key)
    if found is None or found[0] is not statement:
        if not isinstance(statement, Select):
            raise TypeError(f"only SELECT statements run directly, not {type(statement).__name__}")
        with _compiling:  # the statement is kept beside its SQL, so that its id stays its own
            found = _compiled[key] = (statement, _Compiled(statement, dialect))
    return found[1]


def rows(connection: Connection, statement: AnySelect, parameters: Mapping[str, Any]) -> list[Any]:
    """Every row ``statement`` gives for ``parameters``; each row's columns are attributes
    named as SQLAlchemy names them."""
    dialect = connection.dialect
    if dialect.name != "postgresql" or dialect.driver != "psycopg":
        return list(connection.execute(statement, dict(parameters)).all())
    compiled = _compiled_for(statement, dialect)
    values = compiled.parameters(parameters)
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    for listener in connection.dispatch.before_cursor_execute:
        listener(connection, cursor, compiled.sql, values, None, False)
    try:
        cursor.execute(compiled.sql, values)
        fetched = cursor.fetchall()
        description = () if compiled.knows_types else cursor.description
    except dialect.loaded_dbapi.Error as error:
        lost = dialect.is_disconnect(error, driver, cursor)
        if lost:
            connection.invalidate(error)
        raise DBAPIError.instance(
            compiled.sql,
            values,
            error,
            dialect.loaded_dbapi.Error,
            connection_invalidated=lost,
            dialect=dialect,
        ) from error
    finally:
        cursor.close()
    return compiled.rows(fetched, description)


def first(connection: Connection, statement: AnySelect, parameters: Mapping[str, Any]) -> Any:
    """The first row ``statement`` gives, or None."""
    found: Sequence[Any] = rows(connection, statement, parameters)
    return found[0] if found else None
