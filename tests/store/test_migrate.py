"""Migrations: the head read from the files is Alembic's head, and a database already at the
head starts without loading Alembic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mlmath.store.database import Database
from mlmath.store.migrate import current_revision, heads, newest_revision, upgrade


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert heads() == (newest_revision(),)


def test_a_new_database_is_migrated_to_the_head(tmp_path: Path) -> None:
    database = Database.open(f"sqlite:///{tmp_path / 'course.db'}")
    try:
        assert current_revision(database.write_engine) is None
        upgrade(database.write_engine)
        assert current_revision(database.write_engine) == newest_revision()
    finally:
        database.close()


def test_a_current_database_starts_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'course.db'}"
    database = Database.open(url)
    upgrade(database.write_engine)
    database.close()
    script = (
        "import sys\n"
        "from mlmath.store.database import Database\n"
        "from mlmath.store.migrate import upgrade\n"
        f"database = Database.open({url!r})\n"
        "upgrade(database.write_engine)\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"


PREVIOUS_RELEASE = (
    Path(__file__).resolve().parent.parent / "fixtures" / "data" / "mlmath-0002_grading.sqlite3"
)


def test_a_database_of_the_previous_release_migrates_forward_with_its_rows(
    tmp_path: Path,
) -> None:
    """The saved database was made by the release whose newest schema was 0002_grading (see
    tests/fixtures/data/README.md); the current code opens it, migrates it and reads it."""
    from sqlalchemy import select

    from mlmath.store.grading import Grade, GradingJob, Submission
    from mlmath.store.models import Attempt, Learner, Mastery, QuizAnswer, QuizAttempt, Variant

    copy = tmp_path / "mlmath.sqlite3"
    shutil.copy(PREVIOUS_RELEASE, copy)
    database = Database.open(f"sqlite:///{copy}")
    try:
        assert current_revision(database.write_engine) == "0002_grading"
        upgrade(database.write_engine)
        assert current_revision(database.write_engine) == newest_revision()
        with database.read() as session:
            learners = session.scalars(select(Learner).order_by(Learner.id)).all()
            assert [(x.username, x.role) for x in learners] == [
                ("ada", "learner"),
                ("alice", "instructor"),
            ]
            ada = learners[0]
            assert ada.password_hash is not None
            assert ada.password_hash.startswith("$argon2id$")
            variants = session.scalars(select(Variant).order_by(Variant.ordinal)).all()
            assert [(v.seed, v.closed, v.draft) for v in variants] == [
                (2**47 + 1, True, ""),
                (2**47 + 2, False, "-1"),
            ]
            attempts = session.scalars(select(Attempt).order_by(Attempt.id)).all()
            assert [(a.response, a.verdict, a.misconception_id) for a in attempts] == [
                ("7", "incorrect", "cofactor_sign"),
                ("-3", "correct", None),
            ]
            assert attempts[0].created_at.tzinfo is not None
            quiz = session.scalars(select(QuizAttempt)).one()
            assert (quiz.quiz_id, quiz.score, quiz.passed) == ("c1w1-graded", 0.5, False)
            answers = session.scalars(select(QuizAnswer).order_by(QuizAnswer.position)).all()
            assert [a.verdict for a in answers] == ["correct", "incorrect"]
            mastery = session.scalars(select(Mastery)).one()
            assert (mastery.learner_id, mastery.level, mastery.answers) == (ada.id, 1, 2)
            submission = session.scalars(select(Submission)).one()
            assert submission.content.startswith("def solve(a, b):")
            assert session.scalars(select(GradingJob.state)).all() == ["done"]
            grade = session.scalars(select(Grade)).one()
            assert (grade.submission_id, grade.score, grade.max_score) == (submission.id, 3, 4)
    finally:
        database.close()
