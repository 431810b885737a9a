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

Work written in steps (:class:`Steps`: a generator that yields each statement it needs as
a :class:`Query` and receives its rows) can share round trips with other such work:
:func:`run_together` sends the next statement of every work in one pipeline (psycopg's
pipeline mode: one send and one wake-up on each side for all of them, about half the CPU
per statement on both). :func:`run` runs one alone, a statement at a time.
"""

from __future__ import annotations

import threading
from collections import deque, namedtuple
from collections.abc import Callable, Generator, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any, Generic, ParamSpec, TypeVar

from sqlalchemy import Connection, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, StatementError

T = TypeVar("T")
P = ParamSpec("P")
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


def _driver_error(
    connection: Connection, error: Any, sql: str, values: Any, cursor: Any
) -> StatementError:
    """``error`` from psycopg as the SQLAlchemy error it would have been (a lost
    connection is invalidated first)."""
    dialect = connection.dialect
    lost = dialect.is_disconnect(error, connection.connection.driver_connection, cursor)
    if lost:
        connection.invalidate(error)
    return DBAPIError.instance(  # type: ignore[no-any-return]
        sql,
        values,
        error,
        dialect.loaded_dbapi.Error,
        connection_invalidated=lost,
        dialect=dialect,
    )


def _runs_directly(connection: Connection) -> bool:
    dialect = connection.dialect
    return bool(dialect.name == "postgresql" and dialect.driver == "psycopg")


def rows(connection: Connection, statement: AnySelect, parameters: Mapping[str, Any]) -> list[Any]:
    """Every row ``statement`` gives for ``parameters``; each row's columns are attributes
    named as SQLAlchemy names them."""
    if not _runs_directly(connection):
        return list(connection.execute(statement, dict(parameters)).all())
    compiled = _compiled_for(statement, connection.dialect)
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
    except connection.dialect.loaded_dbapi.Error as error:
        raise _driver_error(connection, error, compiled.sql, values, cursor) from error
    finally:
        cursor.close()
    return compiled.rows(fetched, description)


def first(connection: Connection, statement: AnySelect, parameters: Mapping[str, Any]) -> Any:
    """The first row ``statement`` gives, or None."""
    found: Sequence[Any] = rows(connection, statement, parameters)
    return found[0] if found else None


# --- work in steps ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Query:
    """A statement that work in steps asks for; it receives the statement's rows."""

    statement: AnySelect
    parameters: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Steps(Generic[T]):
    """Work that asks for its statements one at a time, as :class:`Query` objects that a
    generator yields (it receives each statement's rows, and returns its result), so that
    the statements of several such works can share round trips (:func:`run_together`).
    Between two of its queries it may also run statements of its own on the connection.

    Works with the same ``key`` (a learner's id, say) run one after the other: each sees
    everything the one before it did, as if it ran alone."""

    steps: Generator[Query, Any, T]
    key: Hashable = None


def in_steps(
    key: Callable[..., Hashable] | None = None,
) -> Callable[[Callable[P, Generator[Query, Any, T]]], Callable[P, Steps[T]]]:
    """Make a generator function of :class:`Query` objects return its work as
    :class:`Steps`, keyed by ``key`` called with the same arguments (``None``: no key)."""

    def decorate(steps: Callable[P, Generator[Query, Any, T]]) -> Callable[P, Steps[T]]:
        @wraps(steps)
        def work(*args: P.args, **kwargs: P.kwargs) -> Steps[T]:
            return Steps(steps(*args, **kwargs), None if key is None else key(*args, **kwargs))

        return work

    return decorate


Outcome = tuple[bool, Any]
"""``(True, result)`` or ``(False, error)``."""


def run(connection: Connection, work: Steps[T]) -> T:
    """Run ``work`` to its end, one statement at a time (a statement's error is raised in
    the work, where it happened)."""
    steps = work.steps
    found: Any = None
    error: Exception | None = None
    while True:
        try:
            query = steps.send(found) if error is None else steps.throw(error)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        found, error = None, None
        try:
            found = rows(connection, query.statement, query.parameters)
        except Exception as failed:
            error = failed


def run_together(connection: Connection, works: Sequence[Steps[Any]]) -> list[Outcome]:
    """Each work's outcome, the works run together: on PostgreSQL in rounds, each round
    sending every statement the works ask for next in one pipeline (one round trip for
    all of them), then giving each work its rows; elsewhere one after the other.

    A work that raises ends with ``(False, error)`` and the others carry on. A statement
    that fails raises its error here: the statements after it in its round were not
    run, so the transaction must be rolled back (in autocommit, the round's reads were
    one implicit transaction) and the works run again, one by one (:func:`run`)."""
    outcomes: list[Outcome | None] = [None] * len(works)
    if not _runs_directly(connection):
        for index, work in enumerate(works):
            try:
                outcomes[index] = (True, run(connection, work))
            except Exception as error:
                outcomes[index] = (False, error)
        return outcomes  # type: ignore[return-value]
    behind: dict[Hashable, deque[int]] = {}
    """For each key in use, the works waiting for the one running."""
    asked: list[tuple[int, Query]] = []

    def advance(index: int, found: Any) -> None:
        work = works[index]
        try:
            asked.append((index, work.steps.send(found)))
            return
        except StopIteration as stop:
            outcomes[index] = (True, stop.value)
        except Exception as error:
            outcomes[index] = (False, error)
        if work.key is not None:
            waiting = behind[work.key]
            if waiting:
                advance(waiting.popleft(), None)
            else:
                del behind[work.key]

    for index, work in enumerate(works):
        if work.key is None:
            advance(index, None)
        elif work.key in behind:
            behind[work.key].append(index)
        else:
            behind[work.key] = deque()
            advance(index, None)
    while asked:
        round_, asked = asked, []
        answers = _pipelined(connection, [query for _index, query in round_])
        for (index, _query), found in zip(round_, answers, strict=True):
            advance(index, found)
    return outcomes  # type: ignore[return-value]


def _pipelined(connection: Connection, queries: Sequence[Query]) -> list[list[Any]]:
    """Each query's rows, all sent in one pipeline (psycopg's pipeline mode)."""
    dialect = connection.dialect
    driver = connection.connection.driver_connection
    assert driver is not None
    sent: list[tuple[_Compiled, dict[str, Any], Any]] = []
    try:
        with driver.pipeline():
            for query in queries:
                compiled = _compiled_for(query.statement, dialect)
                values = compiled.parameters(query.parameters)
                cursor = driver.cursor()
                sent.append((compiled, values, cursor))
                for listener in connection.dispatch.before_cursor_execute:
                    listener(connection, cursor, compiled.sql, values, None, False)
                cursor.execute(compiled.sql, values)
        return [
            compiled.rows(cursor.fetchall(), () if compiled.knows_types else cursor.description)
            for compiled, _values, cursor in sent
        ]
    except dialect.loaded_dbapi.Error as error:
        # the first statement without a result is the one that failed
        failed = next((each for each in sent if each[2].pgresult is None), None)
        if failed is None:  # the pipeline could not even start
            raise _driver_error(connection, error, "", None, None) from error
        compiled, values, cursor = failed
        raise _driver_error(connection, error, compiled.sql, values, cursor) from error
    finally:
        for _compiled, _values, cursor in sent:
            cursor.close()
