"""Practice: stored variants and seeds, drafts, answers, idempotency, mastery updates."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, select
from tests.fixtures.skills import ADDITION, right, subtracted

from mlmath.services import accounts, mastery_store, practice
from mlmath.services.errors import Conflict, NotFound
from mlmath.services.mastery import Answer, MasteryState, fold
from mlmath.services.practice import VariantRef
from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.store.models import Attempt, Variant

SECRET = b"test secret"


def learner(db: Database, name: str = "ada") -> int:
    with db.write() as session:
        return accounts.sign_up(session, name, "correct horse battery").id


def test_showing_a_variant_stores_nothing_and_shows_the_same_one_again(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        first = practice.current(session, ada, ADDITION, SECRET)
        again = practice.current(session, ada, ADDITION, SECRET)
        assert session.scalar(select(func.count()).select_from(Variant)) == 0
    assert first.ref == again.ref
    assert first.problem.params == again.problem.params


def test_a_draft_survives_and_pins_the_variant(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        practice.save_draft(session, ada, ADDITION, shown.ref, "4")
    with db.read() as session:
        later = practice.current(session, ada, ADDITION, SECRET)
    assert later.draft == "4"
    assert later.variant_id is not None
    assert (later.ref.seed, later.ref.level) == (shown.ref.seed, shown.ref.level)


def test_right_and_wrong_answers_are_checked_stored_and_diagnosed(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    seed, level = shown.ref.seed, shown.ref.level
    with db.write() as session:
        wrong = practice.submit(
            session, ada, ADDITION, shown.ref, subtracted(ADDITION, seed, level)
        )
    assert wrong.feedback.verdict == "incorrect"
    assert wrong.feedback.misconception is not None
    assert wrong.feedback.misconception.id == "subtracted"
    with db.write() as session:
        good = practice.submit(session, ada, ADDITION, shown.ref, right(ADDITION, seed, level))
    assert good.feedback.correct
    # the first answer to the variant was wrong, so the retry earns no point
    assert good.mastery.level_name == "attempted"
    with db.read() as session:
        current = practice.current(session, ada, ADDITION, SECRET)
        assert [a.verdict for a in current.attempts] == ["incorrect", "correct"]
        assert current.solved


def test_unreadable_answers_are_stored_but_do_not_count(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        checked = practice.submit(session, ada, ADDITION, shown.ref, "two plus")
    assert checked.feedback.verdict == "invalid"
    assert checked.mastery.answers == 0


def test_a_double_submit_creates_one_attempt(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    answer = right(ADDITION, shown.ref.seed, shown.ref.level)
    with db.write() as session:
        first = practice.submit(session, ada, ADDITION, shown.ref, answer, idempotency_key="k")
    with db.write() as session:
        second = practice.submit(session, ada, ADDITION, shown.ref, answer, idempotency_key="k")
    assert second.repeated
    assert second.attempt.id == first.attempt.id
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 1
        assert second.mastery.answers == 1


def test_a_double_submit_after_moving_on_is_still_one_attempt(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    answer = right(ADDITION, shown.ref.seed, shown.ref.level)
    with db.write() as session:
        first = practice.submit(session, ada, ADDITION, shown.ref, answer, idempotency_key="k")
        practice.another(session, ada, ADDITION, shown.ref, SECRET)
    with db.write() as session:
        second = practice.submit(session, ada, ADDITION, shown.ref, answer, idempotency_key="k")
    assert second.repeated
    assert second.attempt.id == first.attempt.id
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_another_learners_key_is_refused_and_changes_nothing(db: Database) -> None:
    ada, bo = learner(db), learner(db, "bo")
    for who in (ada, bo):
        with db.read() as session:
            shown = practice.current(session, who, ADDITION, SECRET)
        with db.write() as session:  # both variants stored
            practice.save_draft(session, who, ADDITION, shown.ref, "draft")
    with db.read() as session:
        ada_shown = practice.current(session, ada, ADDITION, SECRET)
        bo_shown = practice.current(session, bo, ADDITION, SECRET)
    with db.write() as session:
        practice.submit(session, ada, ADDITION, ada_shown.ref, "1", idempotency_key="ada's key")
    with pytest.raises(Conflict, match="damaged"), db.write() as session:
        practice.submit(session, bo, ADDITION, bo_shown.ref, "2", idempotency_key="ada's key")
    with db.read() as session:
        assert practice.current(session, bo, ADDITION, SECRET).draft == "draft"
        assert session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_the_next_variant_is_stored_at_once_and_is_the_one_promised(db: Database) -> None:
    """Moving on stores the next variant (its first answer then finds it); it is the
    variant the learner would have been shown: the same seed and level."""
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        practice.another(session, ada, ADDITION, shown.ref, SECRET)
    with db.read() as session:
        nxt = practice.current(session, ada, ADDITION, SECRET)
    assert nxt.variant_id is not None
    ordinal = shown.ref.ordinal + 1
    assert nxt.ref == VariantRef(
        ordinal, practice.derived_seed(SECRET, ada, ADDITION.id, ordinal), shown.ref.level
    )
    answer = right(ADDITION, nxt.ref.seed, nxt.ref.level)
    with db.write() as session:
        checked = practice.submit(session, ada, ADDITION, nxt.ref, answer)
    assert checked.feedback.correct
    assert checked.after is not None
    assert checked.after.solved


def test_another_one_moves_to_a_new_variant_and_the_old_one_is_closed(db: Database) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        practice.another(session, ada, ADDITION, shown.ref, SECRET)
    with db.read() as session:
        nxt = practice.current(session, ada, ADDITION, SECRET)
    assert nxt.ref.ordinal == shown.ref.ordinal + 1
    assert nxt.ref.seed != shown.ref.seed
    with pytest.raises(Conflict), db.write() as session:
        practice.submit(session, ada, ADDITION, shown.ref, "1")


def test_correct_first_answers_on_new_variants_raise_mastery(db: Database) -> None:
    ada = learner(db)
    for _ in range(3):
        with db.read() as session:
            shown = practice.current(session, ada, ADDITION, SECRET)
        with db.write() as session:
            answer = right(ADDITION, shown.ref.seed, shown.ref.level)
            checked = practice.submit(session, ada, ADDITION, shown.ref, answer)
            practice.another(session, ada, ADDITION, shown.ref, SECRET)
    assert checked.mastery.level_name == "proficient"


def test_showing_the_solution_is_remembered_and_the_answer_then_earns_nothing(
    db: Database,
) -> None:
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        solution = practice.reveal(session, ada, ADDITION, shown.ref)
    with db.write() as session:
        checked = practice.submit(session, ada, ADDITION, shown.ref, str(solution.answer))
    assert checked.feedback.correct
    assert checked.mastery.points == 0
    with db.read() as session:
        assert practice.current(session, ada, ADDITION, SECRET).revealed


def test_a_tampered_or_foreign_reference_is_not_found(db: Database) -> None:
    ada, bo = learner(db, "ada"), learner(db, "bo")
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    text = shown.ref.dump(SECRET, ada, ADDITION.id)
    with pytest.raises(NotFound):
        VariantRef.load(text, SECRET, bo, ADDITION.id)
    ordinal, seed, level, signature = text.split(".")
    with pytest.raises(NotFound):
        VariantRef.load(f"{ordinal}.{int(seed) + 1}.{level}.{signature}", SECRET, ada, ADDITION.id)


def test_another_learners_attempt_is_not_found(db: Database) -> None:
    ada, bo = learner(db, "ada"), learner(db, "bo")
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        attempt_id = practice.submit(session, ada, ADDITION, shown.ref, "1").attempt.id
    with db.read() as session:
        practice.attempt(session, ada, attempt_id)
        with pytest.raises(NotFound) as theirs:
            practice.attempt(session, bo, attempt_id)
        with pytest.raises(NotFound) as missing:
            practice.attempt(session, bo, attempt_id + 1000)
    assert str(theirs.value) == str(missing.value)


def test_the_panel_read_back_is_what_each_answer_promised_in_one_statement(
    db: Database,
) -> None:
    """After every answer, reading the panel gives exactly the panel the answer returned
    (latest attempts, oldest first; mastery; solved), and it costs one statement."""
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    wrong = subtracted(ADDITION, shown.ref.seed, shown.ref.level)
    answers = [
        wrong,
        "x +",
        wrong,
        wrong,
        "7/0",
        wrong,
        right(ADDITION, shown.ref.seed, shown.ref.level),
    ]
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    for response in answers:
        with db.write() as session:
            checked = practice.submit(session, ada, ADDITION, shown.ref, response)
        assert checked.after is not None
        event.listen(db.read_engine, "before_cursor_execute", count)
        try:
            with db.reading() as connection:
                statements.clear()
                panel = practice.current(connection, ada, ADDITION, SECRET)
                assert len(statements) == 1
        finally:
            event.remove(db.read_engine, "before_cursor_execute", count)
        assert panel.attempts == checked.after.attempts
        assert panel.mastery == checked.after.mastery
        assert (panel.ref, panel.variant_id, panel.solved) == (
            checked.after.ref,
            checked.after.variant_id,
            checked.after.solved,
        )
    assert [a.response for a in panel.attempts] == answers[-practice.SHOWN_ATTEMPTS :]


def test_an_answer_folded_in_meanwhile_is_kept_when_the_next_one_is(db: Database) -> None:
    """Mastery is written by compare-and-set on the count of answers: a state read before
    another transaction folded an answer in is not written over it; the answer is folded
    into the state as it now stands."""
    ada = learner(db)
    at = datetime(2026, 3, 1, 12, tzinfo=UTC)
    first, second = (Answer(f"v{n}", True, True, False, at) for n in (1, 2))
    with db.writing() as connection:
        stale = mastery_store.state(connection, ada, ADDITION.id)  # nothing stored yet
        mastery_store.fold_in(connection, ada, ADDITION.id, stale, first)
    with db.writing() as connection:  # folds into the stale state, as a slower request would
        after = mastery_store.fold_in(connection, ada, ADDITION.id, stale, second)
    with db.reading() as connection:
        stored = mastery_store.state(connection, ada, ADDITION.id)
    assert stored == after == fold([first, second])
    assert stored.answers == 2


def test_another_one_returns_the_panel_a_read_gives_back(db: Database) -> None:
    """Moving on stores the next variant and returns the panel with it, exactly what
    reading the panel then gives (so showing it needs no read)."""
    ada = learner(db)
    with db.read() as session:
        shown = practice.current(session, ada, ADDITION, SECRET)
    with db.write() as session:
        practice.submit(session, ada, ADDITION, shown.ref, right(ADDITION, *_seed(shown)))
    for _ in range(3):
        with db.write() as session:
            following = practice.another(session, ada, ADDITION, shown.ref, SECRET)
        with db.read() as session:
            shown = practice.current(session, ada, ADDITION, SECRET)
        assert following == shown
        assert following.variant_id is not None
        assert following.ref.ordinal == shown.ref.ordinal


def _seed(current: practice.Current) -> tuple[int, int]:
    return current.ref.seed, current.ref.level


@pytest.mark.postgres
def test_postgres_stores_and_folds_in_one_statement_never_over_a_newer_state(
    postgres_url: str,
) -> None:
    """PostgreSQL stores an attempt and folds it into mastery in one statement: the fold
    is skipped when the key was stored already (a repeat), and when another answer was
    folded in after the read (then nothing is written over it)."""
    db = Database.open(postgres_url)
    upgrade(db.write_engine)
    try:
        ada = learner(db)
        with db.read() as session:
            shown = practice.current(session, ada, ADDITION, SECRET)
        with db.write() as session:
            first = practice.submit(session, ada, ADDITION, shown.ref, "0", idempotency_key="k1")
        assert first.mastery.answers == 1
        at = datetime(2026, 3, 1, 12, tzinfo=UTC)
        stale = mastery_store.fold_parameters(
            ada, ADDITION.id, MasteryState(), Answer("v", True, True, False, at)
        )[1]

        def store(key: str) -> Any:
            attempt = {
                "variant_id": first.after.variant_id if first.after else None,
                "learner_id": ada,
                "skill_id": ADDITION.id,
                "response": "1",
                "verdict": "correct",
                "misconception_id": None,
                "message": "",
                "created_at": at,
                "idempotency_key": key,
            }
            with db.writing() as connection:
                return connection.execute(
                    practice._STORING_AND_FOLDING,
                    {**{f"attempt_{k}": v for k, v in attempt.items()}, **stale},
                ).first()

        assert store("k1") is None  # a repeat: nothing stored, nothing folded
        newer = store("k2")
        assert newer is not None
        assert newer.attempt_id is not None
        assert newer.folded == 0  # the stored state has 1 answer, not the 0 read
        with db.reading() as connection:
            assert mastery_store.state(connection, ada, ADDITION.id) == first.mastery
    finally:
        db.close()


@pytest.mark.postgres
def test_an_answer_reads_only_its_variants_attempts_however_large_the_table(
    postgres_url: str,
) -> None:
    """Whether the variant was solved or counted is looked up among its own attempts (the
    index), even while PostgreSQL has no statistics yet for a table that has grown (a new
    class, the first minute after a restore): a hash of every attempt in the table made
    each answer read all of them, and answers slowed down as the class worked."""
    from mlmath.store import direct

    db = Database.open(postgres_url)
    try:
        upgrade(db.write_engine)
        ada = learner(db)
        with db.writing() as connection:
            connection.exec_driver_sql(
                "INSERT INTO variant (learner_id, skill_id, ordinal, seed, level, draft,"
                " revealed, closed, created_at)"
                f" SELECT {ada}, 'other', n, n, 1, '', false, n < 3999, now()"
                " FROM generate_series(0, 3999) AS n"
            )
            connection.exec_driver_sql(  # each with a feedback message, as attempts have
                "INSERT INTO attempt (variant_id, learner_id, skill_id, response, verdict,"
                " message, created_at, idempotency_key)"
                f" SELECT v.id, {ada}, 'other', '1',"
                " CASE WHEN mod(k, 3) = 0 THEN 'correct' ELSE 'incorrect' END,"
                " repeat('m', 150), now(), v.id || '-' || k"
                " FROM variant AS v, generate_series(1, 4) AS k"
            )
            which = {"of_learner": ada, "of_skill": "other", "of_ordinal": 3999, "response": "2"}
            compiled = direct._compiled_for(practice._ANSWERING_WITH_BEFORE, connection.dialect)
            driver = connection.connection.driver_connection
            assert driver is not None
            plan = "\n".join(
                line
                for (line,) in driver.execute(
                    "EXPLAIN " + compiled.sql, compiled.parameters(which)
                ).fetchall()
            )
        assert "Seq Scan on attempt" not in plan, plan
    finally:
        db.close()


SCRIPT = (
    ("wrong",),
    ("wrong", "right"),  # sent twice at once, as from two tabs
    ("another",),
    ("right", "wrong"),
    ("another",),
    ("wrong", "wrong", "right"),
)
"""What each learner sends at each tick: the answers of one tick arrive together."""


def test_a_class_answering_at_once_gets_what_answering_one_at_a_time_gives(
    db: Database,
) -> None:
    """Answers and moves on that arrive together share transactions (and on PostgreSQL
    round trips), yet each learner's verdicts, attempts, panel and mastery are exactly
    what the same steps give taken one at a time; one learner's answers sent at once
    count in the order they were sent (a right answer after a wrong one is no first
    try)."""
    at = datetime(2026, 3, 1, 12, tzinfo=UTC)
    together = [learner(db, f"together{n}") for n in range(4)]
    alone = [learner(db, f"alone{n}") for n in range(4)]

    def response(kind: str, shown: practice.Current) -> str:
        seed, level = _seed(shown)
        return (
            right(ADDITION, seed, level) if kind == "right" else subtracted(ADDITION, seed, level)
        )

    def act(kind: str, who: int, shown: practice.Current) -> Any:
        if kind == "another":
            return lambda c: practice.moving_on(c, who, ADDITION, shown.ref, SECRET)
        text = response(kind, shown)
        return lambda c: practice.answering(c, who, ADDITION, shown.ref, text, now=at)

    async def tick(kinds: tuple[str, ...], panels: dict[int, practice.Current]) -> list[Any]:
        writes = [db.write_together(act(k, who, panels[who])) for who in together for k in kinds]
        return await asyncio.gather(*writes)

    async def run_together() -> tuple[dict[int, practice.Current], list[list[str]]]:
        reads = [
            db.read_soon(lambda _c, who=who: practice.reading(who, ADDITION, SECRET))
            for who in together
        ]
        panels = dict(zip(together, await asyncio.gather(*reads), strict=True))
        verdicts: list[list[str]] = [[] for _ in together]
        for kinds in SCRIPT:
            results = await tick(kinds, panels)
            for n, who in enumerate(together):
                mine = results[n * len(kinds) : (n + 1) * len(kinds)]
                if kinds == ("another",):
                    panels[who] = mine[0]
                else:
                    verdicts[n] += [checked.feedback.verdict for checked in mine]
                    panels[who] = mine[-1].after
        return panels, verdicts

    panels, verdicts = asyncio.run(run_together())

    for n, who in enumerate(alone):
        with db.read() as session:
            shown = practice.current(session, who, ADDITION, SECRET)
        expected: list[str] = []
        for kinds in SCRIPT:
            for kind in kinds:
                with db.write() as session:
                    if kind == "another":
                        shown = practice.another(session, who, ADDITION, shown.ref, SECRET)
                        continue
                    checked = practice.submit(
                        session, who, ADDITION, shown.ref, response(kind, shown), now=at
                    )
                expected.append(checked.feedback.verdict)
                assert checked.after is not None
                shown = checked.after
        assert verdicts[n] == expected
        mine = panels[together[n]]
        assert mine.mastery == shown.mastery
        assert [a.verdict for a in mine.attempts] == [a.verdict for a in shown.attempts]
        assert (mine.ref.ordinal, mine.solved) == (shown.ref.ordinal, shown.solved)
        with db.read() as session:
            assert practice.current(session, together[n], ADDITION, SECRET).mastery == mine.mastery
