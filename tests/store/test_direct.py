"""Statements run on PostgreSQL's driver directly give what SQLAlchemy gives, and fail as
it fails. (On SQLite :func:`direct.rows` is SQLAlchemy's own path, which the service tests
run on both databases.)"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    Integer,
    bindparam,
    func,
    insert,
    literal_column,
    make_url,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import aliased

from mlmath.store import direct
from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.store.models import Attempt, Learner, Variant

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(postgres_url: str) -> Iterator[Database]:
    database = Database.open(postgres_url)
    upgrade(database.write_engine)
    yield database
    database.close()


_SHOWN = aliased(Attempt, name="shown")
_VARIANT_AND_ATTEMPTS = (
    select(
        Variant.id,
        Variant.seed,
        Variant.revealed,
        _SHOWN.response.label("shown_response"),
        _SHOWN.created_at.label("shown_created_at"),
        _SHOWN.misconception_id.label("shown_misconception_id"),
    )
    .outerjoin(_SHOWN, _SHOWN.variant_id == Variant.id)
    .where(
        Variant.learner_id == bindparam("of_learner"), Variant.ordinal == bindparam("of_ordinal")
    )
    .order_by(_SHOWN.id)
)
"""Columns of the kinds the busy statements read: integers, a big integer, a boolean,
text, a moment in time (:class:`~mlmath.store.schema.UTCDateTime`), and NULLs from an
outer join."""

_learners = iter(range(10**6))

responses = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**62),
    revealed=st.booleans(),
    attempts=st.lists(
        st.tuples(responses, moments, st.none() | st.sampled_from(["sign", "transposed"])),
        max_size=4,
    ),
)
def test_rows_are_the_rows_sqlalchemy_reads(
    db: Database,
    seed: int,
    revealed: bool,
    attempts: list[tuple[str, datetime, str | None]],
) -> None:
    """Every value, NULL, name and type is what ``connection.execute`` gives, for text
    with quotes, percent signs and any Unicode, and for moments in time."""
    number = next(_learners)
    with db.writing() as connection:
        learner = connection.execute(
            insert(Learner).values(username=f"learner{number}", display_name="L", role="learner")
        ).inserted_primary_key[0]
        variant = connection.execute(
            insert(Variant).values(
                learner_id=learner, skill_id="s", ordinal=0, seed=seed, level=1, revealed=revealed
            )
        ).inserted_primary_key[0]
        for index, (response, at, misconception) in enumerate(attempts):
            connection.execute(
                insert(Attempt).values(
                    variant_id=variant,
                    learner_id=learner,
                    skill_id="s",
                    response=response + " 100% 'x'",
                    verdict="incorrect",
                    misconception_id=misconception,
                    message="",
                    created_at=at,
                    idempotency_key=f"{number}-{index}",
                )
            )
    parameters = {"of_learner": learner, "of_ordinal": 0}
    with db.reading() as connection:
        expected = connection.execute(_VARIANT_AND_ATTEMPTS, parameters).all()
        found = direct.rows(connection, _VARIANT_AND_ATTEMPTS, parameters)
        none = direct.first(connection, _VARIANT_AND_ATTEMPTS, {**parameters, "of_ordinal": 9})
    assert none is None
    assert [tuple(row) for row in found] == [tuple(row) for row in expected]
    assert [row._asdict() for row in found] == [dict(row._mapping) for row in expected]
    assert [type(value) for row in found for value in row] == [
        type(value) for row in expected for value in row
    ]
    for row in found:
        assert row.shown_created_at is None or row.shown_created_at.tzinfo is UTC


_MADE = (
    insert(Learner)
    .values(username=bindparam("name"), display_name="", role="learner", created_at=bindparam("at"))
    .returning(Learner.id)
    .cte("made")
)
_MAKING = select(_MADE.c.id)


def test_a_broken_constraint_is_sqlalchemys_integrity_error_and_rolls_back_alone(
    db: Database,
) -> None:
    """Code that catches SQLAlchemy's errors (a variant saved from another tab) works the
    same when the statement ran on the driver, and a savepoint undoes only that write."""
    with db.writing() as connection:
        made = direct.first(connection, _MAKING, {"name": "grace", "at": datetime.now(UTC)})
        with pytest.raises(IntegrityError), connection.begin_nested():
            direct.rows(connection, _MAKING, {"name": "grace", "at": datetime.now(UTC)})
        also = direct.first(connection, _MAKING, {"name": "hopper", "at": datetime.now(UTC)})
    with db.reading() as connection:
        names = connection.execute(
            select(Learner.username).where(Learner.id.in_([made.id, also.id]))
        ).scalars()
        assert sorted(names) == ["grace", "hopper"]


def test_only_select_statements_run_directly(db: Database) -> None:
    statement = update(Learner).where(Learner.id == -1).values(display_name="x")
    with db.reading() as connection, pytest.raises(TypeError, match="only SELECT"):
        direct.rows(connection, statement, {})  # type: ignore[arg-type]


def test_a_statement_leaving_a_default_to_python_is_refused(db: Database) -> None:
    """SQLAlchemy computes some defaults (a moment of creation) just before it executes:
    a statement that leaves one to it cannot run directly, so it is refused outright."""
    leaving = select(
        insert(Learner)
        .values(username="x", display_name="", role="learner")
        .returning(Learner.id)
        .cte()
    )
    with db.reading() as connection, pytest.raises(ValueError, match="defaults"):
        direct.rows(connection, leaving, {})


def test_a_lost_connection_is_invalidated_and_the_next_read_gets_a_new_one(
    postgres_url: str,
) -> None:
    """A server that ended the connection mid-use: the statement raises SQLAlchemy's
    error marked as a lost connection, and the pool does not lend that connection again."""
    db = Database.open(postgres_url, pool_size=1)
    pid = select(literal_column("pg_backend_pid()").label("pid"))
    try:
        with db.reading() as connection:
            before = direct.first(connection, pid, {}).pid
            libpq_url = make_url(postgres_url).set(drivername="postgresql")
            with psycopg.connect(libpq_url.render_as_string(hide_password=False)) as admin:
                admin.execute("select pg_terminate_backend(%s)", (before,))
            time.sleep(0.2)
            with pytest.raises(DBAPIError) as raised:
                direct.rows(connection, pid, {})
            assert raised.value.connection_invalidated
        with db.reading() as connection:
            after = direct.first(connection, pid, {}).pid
            assert connection.execute(text("select 1")).scalar_one() == 1
        assert after != before
    finally:
        db.close()


# --- work in steps ------------------------------------------------------------------------

_ADDING = select(
    (bindparam("total", type_=Integer) + bindparam("term", type_=Integer)).label("total")
)
_NAMED = select(func.count().label("named")).where(Learner.username == bindparam("name"))


class Stumbled(Exception):
    """A work's own error, raised between two of its statements."""


def _adding(terms: list[int], stumble_at: int | None) -> Generator[direct.Query, Any, int]:
    """Adds ``terms`` one statement each, every statement given the last one's total."""
    total = 0
    for step, term in enumerate(terms):
        if step == stumble_at:
            raise Stumbled(step)
        (row,) = yield direct.Query(_ADDING, {"total": total, "term": term})
        total = row.total
    return total


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    works=st.lists(
        st.tuples(
            st.lists(st.integers(-(10**6), 10**6), max_size=4),
            st.none() | st.integers(0, 3),
            st.none() | st.sampled_from("ab"),
        ),
        max_size=12,
    )
)
def test_works_run_together_end_as_each_ends_alone(
    db: Database, works: list[tuple[list[int], int | None, str | None]]
) -> None:
    """Each work's result (or its own error) is what it gives run alone, however many
    steps each takes, whichever share a key, and whichever stumble on the way."""
    with db.reading() as connection:
        together = direct.run_together(
            connection,
            [direct.Steps(_adding(terms, stumble), key) for terms, stumble, key in works],
        )
    for (terms, stumble, _key), (ok, value) in zip(works, together, strict=True):
        if stumble is not None and stumble < len(terms):
            assert not ok
            assert isinstance(value, Stumbled)
            assert value.args == (stumble,)
        else:
            assert ok
            assert value == sum(terms)


def test_steps_of_works_share_rounds_unless_they_share_a_key(db: Database) -> None:
    """Works with different keys send their next statements in the same round; a work
    with a key already running waits until that one has ended, and then sees everything
    it did."""
    sent: list[str] = []

    def making(name: str) -> Generator[direct.Query, Any, int]:
        sent.append(f"{name} 1")
        yield direct.Query(_NAMED, {"name": name})
        sent.append(f"{name} 2")
        (made,) = yield direct.Query(_MAKING, {"name": name, "at": datetime.now(UTC)})
        return int(made.id)

    def counting(name: str, tag: str) -> Generator[direct.Query, Any, int]:
        sent.append(tag)
        (row,) = yield direct.Query(_NAMED, {"name": name})
        return int(row.named)

    with db.writing() as connection:
        outcomes = direct.run_together(
            connection,
            [
                direct.Steps(making("ada"), key=1),
                direct.Steps(counting("ada", "after ada"), key=1),
                direct.Steps(making("bob"), key=2),
                direct.Steps(counting("bob", "beside bob"), key=3),
            ],
        )
        connection.rollback()
    assert sent == ["ada 1", "bob 1", "beside bob", "ada 2", "bob 2", "after ada"]
    assert [value for _ok, value in outcomes][1::2] == [1, 0]


def test_a_statement_failing_in_a_round_is_sqlalchemys_error_and_the_rest_roll_back(
    db: Database,
) -> None:
    """A statement that fails raises the SQLAlchemy error it would have raised alone,
    naming that statement; the transaction then rolls back whole, and the connection
    serves the next one."""

    def dividing(by: int) -> Generator[direct.Query, Any, int]:
        (row,) = yield direct.Query(_DIVIDING, {"by": by})
        return int(row.quotient)

    with db.writing() as connection:
        direct.first(connection, _MAKING, {"name": "kept out", "at": datetime.now(UTC)})
        with pytest.raises(DBAPIError, match="division by zero") as raised:
            direct.run_together(connection, [direct.Steps(dividing(by)) for by in (1, 0, 2)])
        assert "/" in str(raised.value.statement)
        connection.rollback()
        assert direct.run_together(connection, [direct.Steps(dividing(by)) for by in (1, 2)]) == [
            (True, 12),
            (True, 6),
        ]
    with db.reading() as connection:
        assert direct.first(connection, _NAMED, {"name": "kept out"}).named == 0


_DIVIDING = select((literal_column("12") / bindparam("by", type_=Integer)).label("quotient"))


def test_a_connection_lost_before_a_round_is_invalidated(postgres_url: str) -> None:
    """Works run together on a connection the server has ended raise SQLAlchemy's error
    marked as a lost connection, and the pool does not lend that connection again."""
    db = Database.open(postgres_url, pool_size=1)
    pid = select(literal_column("pg_backend_pid()").label("pid"))

    def backend() -> Generator[direct.Query, Any, int]:
        (row,) = yield direct.Query(pid, {})
        return int(row.pid)

    try:
        with db.reading() as connection:
            ((_ok, before),) = direct.run_together(connection, [direct.Steps(backend())])
            libpq_url = make_url(postgres_url).set(drivername="postgresql")
            with psycopg.connect(libpq_url.render_as_string(hide_password=False)) as admin:
                admin.execute("select pg_terminate_backend(%s)", (before,))
            time.sleep(0.2)
            with pytest.raises(DBAPIError) as raised:
                direct.run_together(connection, [direct.Steps(backend()) for _ in range(3)])
            assert raised.value.connection_invalidated
        with db.reading() as connection:
            after = direct.run_together(connection, [direct.Steps(backend()) for _ in range(2)])
        assert len({value for _ok, value in after}) == 1
        assert before not in {value for _ok, value in after}
    finally:
        db.close()
