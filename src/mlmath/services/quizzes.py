"""Quizzes: practice quizzes checked item by item, graded quizzes submitted whole.

Every attempt draws new variants (fresh seeds, stored with the attempt, so a
reload shows the same questions). A graded attempt is scored once, on
submission: the share of items answered correctly; it passes at the quiz's pass
mark (80 %), and the best score over all attempts is the one that counts.
Every checked quiz answer also counts towards the learner's mastery of its skill.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlmath import metrics
from mlmath.content.curriculum import PASS_MARK, Quiz
from mlmath.exercises.skill import Skill
from mlmath.exercises.skill import Variant as Problem
from mlmath.services import mastery_store
from mlmath.services.errors import Conflict, NotFound
from mlmath.services.mastery import Answer
from mlmath.services.practice import MAX_RESPONSE_CHARS, SEED_BITS, problem
from mlmath.store.models import QuizAnswer, QuizAttempt
from mlmath.store.schema import utcnow

SkillLookup = Callable[[str], Skill]


class QuizUnavailable(LookupError):
    """A quiz uses a skill that does not exist yet."""


@dataclass(frozen=True, slots=True)
class Item:
    position: int
    skill: Skill
    problem: Problem
    draft: str
    response: str | None
    verdict: str | None
    message: str
    misconception_id: str | None

    @property
    def answered(self) -> bool:
        return self.verdict is not None


@dataclass(frozen=True, slots=True)
class AttemptView:
    id: int
    quiz_id: str
    kind: str
    number: int
    started_at: datetime
    submitted_at: datetime | None
    correct: int | None
    total: int
    score: float | None
    passed: bool | None
    items: Sequence[Item]

    @property
    def finished(self) -> bool:
        return self.submitted_at is not None


@dataclass(frozen=True, slots=True)
class Summary:
    """One attempt in a learner's history of a quiz."""

    id: int
    number: int
    started_at: datetime
    submitted_at: datetime | None
    score: float | None
    passed: bool | None


def skills_of(quiz: Quiz, skills: SkillLookup) -> dict[str, Skill]:
    found: dict[str, Skill] = {}
    for item in quiz.items:
        try:
            found[item.skill] = skills(item.skill)
        except KeyError:
            raise QuizUnavailable(
                f"The quiz {quiz.title!r} is not ready yet: its skill {item.skill} "
                "is still being written. Practise the lesson's topics meanwhile."
            ) from None
    return found


def start(
    session: Session, learner_id: int, quiz: Quiz, skills: SkillLookup, now: datetime | None = None
) -> int:
    """Begin a new attempt with freshly drawn variants; returns its id."""
    by_id = skills_of(quiz, skills)
    number = 1 + (
        session.scalar(
            select(func.max(QuizAttempt.number)).where(
                QuizAttempt.learner_id == learner_id, QuizAttempt.quiz_id == quiz.id
            )
        )
        or 0
    )
    attempt = QuizAttempt(
        learner_id=learner_id,
        quiz_id=quiz.id,
        kind=quiz.kind,
        number=number,
        total=quiz.size,
        started_at=now or utcnow(),
    )
    session.add(attempt)
    session.flush()
    position = 0
    for entry in quiz.items:
        skill = by_id[entry.skill]
        for _ in range(entry.count):
            session.add(
                QuizAnswer(
                    quiz_attempt_id=attempt.id,
                    position=position,
                    skill_id=skill.id,
                    seed=secrets.randbits(SEED_BITS),
                    level=max(1, min(entry.level, skill.levels)),
                    draft="",
                    message="",
                )
            )
            position += 1
    session.flush()
    return attempt.id


def _own(session: Session, learner_id: int, attempt_id: int) -> QuizAttempt:
    attempt = session.get(QuizAttempt, attempt_id)
    if attempt is None or attempt.learner_id != learner_id:
        raise NotFound("quiz attempt")
    return attempt


def _answers(session: Session, attempt_id: int) -> list[QuizAnswer]:
    query = (
        select(QuizAnswer)
        .where(QuizAnswer.quiz_attempt_id == attempt_id)
        .order_by(QuizAnswer.position)
    )
    return list(session.scalars(query))


def view(session: Session, learner_id: int, attempt_id: int, skills: SkillLookup) -> AttemptView:
    """One of the learner's attempts with its questions; anyone else's is :class:`NotFound`."""
    attempt = _own(session, learner_id, attempt_id)
    items = []
    for a in _answers(session, attempt.id):
        skill = skills(a.skill_id)
        items.append(
            Item(
                a.position,
                skill,
                problem(skill, a.seed, a.level),
                a.draft,
                a.response,
                a.verdict,
                a.message,
                a.misconception_id,
            )
        )
    return AttemptView(
        attempt.id,
        attempt.quiz_id,
        attempt.kind,
        attempt.number,
        attempt.started_at,
        attempt.submitted_at,
        attempt.correct,
        attempt.total,
        attempt.score,
        attempt.passed,
        items,
    )


def _answer(session: Session, attempt_id: int, position: int) -> QuizAnswer:
    query = select(QuizAnswer).where(
        QuizAnswer.quiz_attempt_id == attempt_id, QuizAnswer.position == position
    )
    row = session.scalars(query).first()
    if row is None:
        raise NotFound("question")
    return row


def save_draft(
    session: Session, learner_id: int, attempt_id: int, position: int, text: str
) -> None:
    attempt = _own(session, learner_id, attempt_id)
    if attempt.submitted_at is None:
        _answer(session, attempt.id, position).draft = text[:MAX_RESPONSE_CHARS]


def _check(
    session: Session, row: QuizAnswer, skill: Skill, response: str, *, learner_id: int, at: datetime
) -> None:
    response = response[:MAX_RESPONSE_CHARS]
    started = time.perf_counter()
    feedback = skill.grade(problem(skill, row.seed, row.level).params, response)
    metrics.count_check("quiz", feedback.verdict, time.perf_counter() - started)
    row.response = response
    row.draft = response
    row.verdict = feedback.verdict
    row.message = feedback.message
    row.misconception_id = feedback.misconception.id if feedback.misconception else None
    row.answered_at = at
    if feedback.verdict in ("correct", "incorrect"):
        answer = Answer(f"q{row.id}", feedback.correct, True, False, at)
        mastery_store.record(session, learner_id, skill.id, answer)


def _score(attempt: QuizAttempt, rows: Sequence[QuizAnswer], at: datetime) -> None:
    attempt.correct = sum(r.verdict == "correct" for r in rows)
    attempt.score = attempt.correct / attempt.total if attempt.total else 0.0
    attempt.passed = attempt.score >= PASS_MARK - 1e-9
    attempt.submitted_at = at


def answer_one(
    session: Session,
    learner_id: int,
    attempt_id: int,
    position: int,
    response: str,
    *,
    skills: SkillLookup,
    now: datetime | None = None,
) -> None:
    """Practice quizzes: check one item at once (an item checked already keeps its verdict)."""
    attempt = _own(session, learner_id, attempt_id)
    if attempt.kind == "graded":
        raise Conflict("A graded quiz is checked when you submit all answers together.")
    row = _answer(session, attempt.id, position)
    at = now or utcnow()
    if row.verdict is None or row.verdict in ("invalid", "undecided"):
        _check(session, row, skills(row.skill_id), response, learner_id=learner_id, at=at)
    rows = _answers(session, attempt.id)
    if attempt.submitted_at is None and all(r.verdict in ("correct", "incorrect") for r in rows):
        _score(attempt, rows, at)


def submit(
    session: Session,
    learner_id: int,
    attempt_id: int,
    responses: Mapping[int, str],
    *,
    skills: SkillLookup,
    now: datetime | None = None,
) -> None:
    """Graded quizzes: check every answer together and score the attempt, once."""
    attempt = _own(session, learner_id, attempt_id)
    if attempt.submitted_at is not None:
        return  # submitted already (a double click, or a second tab): keep the first result
    at = now or utcnow()
    rows = _answers(session, attempt.id)
    for row in rows:
        response = responses.get(row.position, "")
        _check(session, row, skills(row.skill_id), response, learner_id=learner_id, at=at)
    _score(attempt, rows, at)


def open_attempt(session: Session, learner_id: int, quiz_id: str) -> int | None:
    """The learner's unfinished attempt at this quiz, if any (to resume rather than restart)."""
    query = select(QuizAttempt.id).where(
        QuizAttempt.learner_id == learner_id,
        QuizAttempt.quiz_id == quiz_id,
        QuizAttempt.submitted_at.is_(None),
    )
    return session.scalars(query.order_by(QuizAttempt.id.desc())).first()


def history(session: Session, learner_id: int, quiz_id: str) -> list[Summary]:
    query = (
        select(QuizAttempt)
        .where(QuizAttempt.learner_id == learner_id, QuizAttempt.quiz_id == quiz_id)
        .order_by(QuizAttempt.number)
    )
    return [
        Summary(a.id, a.number, a.started_at, a.submitted_at, a.score, a.passed)
        for a in session.scalars(query)
    ]


def best_scores(session: Session, learner_id: int | None = None) -> dict[tuple[int, str], float]:
    """The best graded score per ``(learner, quiz)``: the score that counts."""
    query = (
        select(QuizAttempt.learner_id, QuizAttempt.quiz_id, func.max(QuizAttempt.score))
        .where(QuizAttempt.kind == "graded", QuizAttempt.score.is_not(None))
        .group_by(QuizAttempt.learner_id, QuizAttempt.quiz_id)
    )
    if learner_id is not None:
        query = query.where(QuizAttempt.learner_id == learner_id)
    return {
        (lid, qid): float(score) for lid, qid, score in session.execute(query) if score is not None
    }
