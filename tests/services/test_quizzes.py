"""Quizzes: new variants per attempt, graded scoring at 80 %, best score, history."""

from __future__ import annotations

import pytest
from tests.fixtures.skills import ADDITION, right, subtracted

from mlmath.content.curriculum import Quiz, QuizItem
from mlmath.exercises.skill import Skill
from mlmath.services import accounts, quizzes
from mlmath.services.errors import NotFound
from mlmath.store.database import Database

GRADED = Quiz("q-graded", "graded", "Sums", "l1", (QuizItem(ADDITION.id, 1, 5),))
PRACTICE = Quiz("q-practice", "practice", "Sums", "l1", (QuizItem(ADDITION.id, 2, 2),))


def lookup(skill_id: str) -> Skill:
    if skill_id != ADDITION.id:
        raise KeyError(skill_id)
    return ADDITION


def learner(db: Database, name: str = "ada") -> int:
    with db.write() as session:
        return accounts.sign_up(session, name, "correct horse battery").id


def take(db: Database, learner_id: int, quiz: Quiz, right_answers: int) -> quizzes.AttemptView:
    with db.write() as session:
        attempt_id = quizzes.start(session, learner_id, quiz, lookup)
    with db.read() as session:
        view = quizzes.view(session, learner_id, attempt_id, lookup)
    responses = {
        item.position: (right if item.position < right_answers else subtracted)(
            ADDITION, item.problem.seed, item.problem.level
        )
        for item in view.items
    }
    with db.write() as session:
        quizzes.submit(session, learner_id, attempt_id, responses, skills=lookup)
    with db.read() as session:
        return quizzes.view(session, learner_id, attempt_id, lookup)


def test_a_graded_quiz_passes_at_80_percent_and_keeps_the_best_score(db: Database) -> None:
    ada = learner(db)
    first = take(db, ada, GRADED, right_answers=3)
    assert (first.score, first.passed) == (0.6, False)
    second = take(db, ada, GRADED, right_answers=4)
    assert (second.score, second.passed) == (0.8, True)
    third = take(db, ada, GRADED, right_answers=1)
    assert third.passed is False
    with db.read() as session:
        assert quizzes.best_scores(session, ada) == {(ada, GRADED.id): 0.8}
        history = quizzes.history(session, ada, GRADED.id)
    assert [h.number for h in history] == [1, 2, 3]
    assert [h.score for h in history] == [0.6, 0.8, 0.2]


def test_every_attempt_draws_new_variants(db: Database) -> None:
    ada = learner(db)
    one = take(db, ada, GRADED, 5)
    two = take(db, ada, GRADED, 5)
    assert [i.problem.seed for i in one.items] != [i.problem.seed for i in two.items]


def test_submitting_a_graded_attempt_twice_keeps_the_first_result(db: Database) -> None:
    ada = learner(db)
    done = take(db, ada, GRADED, right_answers=5)
    with db.write() as session:
        quizzes.submit(session, ada, done.id, {}, skills=lookup)
    with db.read() as session:
        assert quizzes.view(session, ada, done.id, lookup).score == 1.0


def test_a_practice_quiz_checks_each_item_at_once_and_scores_when_all_are_done(
    db: Database,
) -> None:
    ada = learner(db)
    with db.write() as session:
        attempt_id = quizzes.start(session, ada, PRACTICE, lookup)
    with db.read() as session:
        items = quizzes.view(session, ada, attempt_id, lookup).items
    first, second = items
    with db.write() as session:
        answer = subtracted(ADDITION, first.problem.seed, first.problem.level)
        quizzes.answer_one(session, ada, attempt_id, 0, answer, skills=lookup)
    with db.read() as session:
        view = quizzes.view(session, ada, attempt_id, lookup)
    assert view.items[0].verdict == "incorrect"
    assert view.items[0].misconception_id == "subtracted"
    assert not view.finished
    with db.write() as session:
        answer = right(ADDITION, second.problem.seed, second.problem.level)
        quizzes.answer_one(session, ada, attempt_id, 1, answer, skills=lookup)
    with db.read() as session:
        view = quizzes.view(session, ada, attempt_id, lookup)
    assert view.finished
    assert view.score == 0.5


def test_a_draft_in_a_quiz_survives_a_reload(db: Database) -> None:
    ada = learner(db)
    with db.write() as session:
        attempt_id = quizzes.start(session, ada, GRADED, lookup)
        quizzes.save_draft(session, ada, attempt_id, 2, "17")
    with db.read() as session:
        assert quizzes.view(session, ada, attempt_id, lookup).items[2].draft == "17"
        assert quizzes.open_attempt(session, ada, GRADED.id) == attempt_id


def test_someone_elses_attempt_is_not_found(db: Database) -> None:
    ada, bo = learner(db, "ada"), learner(db, "bo")
    with db.write() as session:
        attempt_id = quizzes.start(session, ada, GRADED, lookup)
    with pytest.raises(NotFound), db.read() as session:
        quizzes.view(session, bo, attempt_id, lookup)


def test_a_quiz_with_a_missing_skill_says_it_is_not_ready(db: Database) -> None:
    ada = learner(db)
    broken = Quiz("q", "graded", "Later", "l1", (QuizItem("linalg.not_yet", 1, 1),))
    with pytest.raises(quizzes.QuizUnavailable, match="not ready"), db.write() as session:
        quizzes.start(session, ada, broken, lookup)


def test_quiz_answers_count_towards_mastery(db: Database) -> None:
    from mlmath.services import mastery_store

    ada = learner(db)
    take(db, ada, GRADED, right_answers=5)
    with db.read() as session:
        state = mastery_store.states(session, ada)[ADDITION.id]
    assert state.level_name == "mastered"
