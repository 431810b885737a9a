"""The instructor's report on the store (SQLite and PostgreSQL): which answers make a run of
wrong ones, which lesson passage a mistake links to, and a report for a group of learners."""

from __future__ import annotations

from datetime import timedelta

from tests.fixtures.skills import ADDITION

from mlmath.content.curriculum import curriculum
from mlmath.exercises.skill import Misconception
from mlmath.services import insights
from mlmath.store.database import Database
from mlmath.store.models import Attempt, Learner, Variant
from mlmath.store.schema import utcnow


def learner(db: Database, username: str, role: str = "learner") -> int:
    with db.write() as session:
        row = Learner(username=username, display_name=username.title(), role=role)
        session.add(row)
        session.flush()
        return row.id


def answered(db: Database, learner_id: int, *verdicts: str, mistake: str | None = None) -> None:
    """Answers to one variant of the test skill, in order; wrong ones name ``mistake``."""
    with db.write() as session:
        count = session.query(Variant).filter_by(learner_id=learner_id).count()
        variant = Variant(
            learner_id=learner_id, skill_id=ADDITION.id, ordinal=count, seed=1, level=1
        )
        session.add(variant)
        session.flush()
        for verdict in verdicts:
            session.add(
                Attempt(
                    variant_id=variant.id,
                    learner_id=learner_id,
                    skill_id=ADDITION.id,
                    response="1",
                    verdict=verdict,
                    misconception_id=mistake if verdict == "incorrect" else None,
                    idempotency_key=f"{learner_id}-{variant.id}-{session.query(Attempt).count()}",
                )
            )
            session.flush()


def stuck(db: Database, **scope: object) -> list[tuple[str, str | None, int]]:
    with db.read() as session:
        found = insights.stuck_learners(session, now=utcnow(), **scope)  # type: ignore[arg-type]
    return [(s.learner.username, s.skill_id, s.wrong_in_a_row) for s in found]


def test_invalid_answers_neither_count_nor_break_a_run(db: Database) -> None:
    ada = learner(db, "ada")
    answered(db, ada, "incorrect", "invalid", "incorrect", "undecided", "incorrect")
    assert stuck(db) == [("ada", ADDITION.id, 3)]


def test_a_right_answer_ends_the_run_and_a_new_one_starts_after_it(db: Database) -> None:
    ada = learner(db, "ada")
    answered(db, ada, "incorrect", "incorrect", "incorrect", "correct", "incorrect", "incorrect")
    assert stuck(db) == []
    answered(db, ada, "incorrect")
    assert stuck(db) == [("ada", ADDITION.id, 3)]


def test_a_report_for_a_group_of_learners_leaves_the_others_out(db: Database) -> None:
    ada, bob = learner(db, "ada"), learner(db, "bob")
    for who in (ada, bob):
        answered(db, who, "incorrect", "incorrect", "incorrect", mistake="subtracted")
    assert [name for name, _, _ in stuck(db)] == ["ada", "bob"]
    assert stuck(db, learner_ids={bob}) == [("bob", ADDITION.id, 3)]
    with db.read() as session:
        week = utcnow() - timedelta(days=7)
        skills = {ADDITION.id: ADDITION}
        everyone = insights.frequent_mistakes(session, curriculum(), skills, since=week)
        group = insights.frequent_mistakes(
            session, curriculum(), skills, since=week, learner_ids={ada}
        )
    assert [(m.answers, m.learners) for m in everyone[0].mistakes] == [(6, 2)]
    assert [(m.answers, m.learners) for m in group[0].mistakes] == [(3, 1)]


def test_a_mistake_links_the_topic_it_names_else_the_first_that_teaches_the_skill() -> None:
    course = curriculum()
    skill_id = "linalg.singular_matrix"
    taught = course.where_taught(skill_id)
    assert len(taught) > 1
    first, later = taught[0], taught[-1]
    plain = insights.passage_for(course, skill_id)
    assert plain is not None
    assert plain.url == f"/lessons/{first[0].id}#{first[1].anchor}"
    named = Misconception("x", "X", "x", topic=later[1].title)
    chosen = insights.passage_for(course, skill_id, named)
    assert chosen is not None
    assert chosen.url == f"/lessons/{later[0].id}#{later[1].anchor}"
    assert insights.passage_for(course, "no.such_skill") is None
