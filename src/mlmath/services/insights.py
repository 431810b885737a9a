"""What an instructor needs to act on: the class's most frequent mistakes this week, per
skill, each with the lesson passage that addresses it, and the learners who are stuck.

- A *mistake* is a wrong answer (in practice or in a quiz) for which the checker named
  a known misconception. Per skill, the most frequent ones of the last
  :data:`WINDOW` are listed, with how often and by how many learners, and a link to
  the topic of the lesson that teaches the skill (its "Common mistakes" passage is
  part of that topic).
- A learner is *stuck* on a skill after :data:`STUCK_STREAK` or more wrong practice
  answers in a row there (since their last right one; an answer that could not be
  read neither counts nor breaks the run), and *idle* when they made no
  progress (no right answer in practice or a quiz, no assignment handed in) for a
  :data:`WINDOW`; an account younger than that is not yet idle.

Only accounts with the learner role count; ``learner_ids`` narrows a report to a
group of them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, func, literal, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from mlmath.content.curriculum import Curriculum
from mlmath.exercises.skill import Misconception, Skill
from mlmath.services import accounts
from mlmath.services.gradebook import spreadsheet_cell
from mlmath.store.grading import Submission
from mlmath.store.models import Attempt, Learner, QuizAnswer, QuizAttempt
from mlmath.store.schema import utcnow

WINDOW = timedelta(days=7)
"""How far back "this week" reaches, and how long without progress makes a learner idle."""
STUCK_STREAK = 3
"""Wrong answers in a row on one skill that make a learner stuck there."""
MISTAKES_PER_SKILL = 3
"""The most frequent mistakes shown per skill."""


@dataclass(frozen=True, slots=True)
class Passage:
    """Where a lesson teaches a skill: a topic's section of the lesson page."""

    lesson_id: str
    lesson_title: str
    topic_title: str
    anchor: str

    @property
    def url(self) -> str:
        return f"/lessons/{self.lesson_id}#{self.anchor}"


@dataclass(frozen=True, slots=True)
class Mistake:
    skill_id: str
    misconception_id: str
    name: str
    """The misconception's name as learners see it (its id when the skill no longer names it)."""
    answers: int
    """Wrong answers with this mistake in the window."""
    learners: int
    """How many learners made it."""
    passage: Passage | None


@dataclass(frozen=True, slots=True)
class SkillMistakes:
    skill_id: str
    skill_title: str
    mistakes: Sequence[Mistake]
    """The most frequent first (at most :data:`MISTAKES_PER_SKILL`)."""


@dataclass(frozen=True, slots=True)
class Stuck:
    """One learner who needs a word: stuck on a skill (``skill_id`` set), or idle."""

    learner: accounts.User
    skill_id: str | None
    wrong_in_a_row: int
    last_progress_at: datetime | None
    """Their last right answer (or hand-in): on that skill when stuck there, anywhere when idle."""
    last_active_at: datetime | None
    """Their last wrong answer on the skill when stuck there; when idle, their last answer
    or hand-in of any kind."""

    @property
    def reason(self) -> str:
        if self.skill_id is not None:
            return f"{self.wrong_in_a_row} wrong answers in a row"
        return "no progress for a week"


@dataclass(frozen=True, slots=True)
class Report:
    since: datetime
    until: datetime
    mistakes: Sequence[SkillMistakes]
    stuck: Sequence[Stuck]


def passage_for(
    curriculum: Curriculum, skill_id: str, misconception: Misconception | None = None
) -> Passage | None:
    """The topic that teaches the skill; the one the misconception names, if it names one."""
    taught = curriculum.where_taught(skill_id)
    if not taught:
        return None
    lesson, topic = taught[0]
    if misconception is not None and misconception.topic:
        wanted = misconception.topic.strip().lower()
        for candidate_lesson, candidate in taught:
            if wanted in (candidate.title.lower(), candidate.anchor):
                lesson, topic = candidate_lesson, candidate
                break
    return Passage(lesson.id, lesson.title, topic.title, topic.anchor)


def _learners_only(
    column: InstrumentedAttribute[int], learner_ids: Collection[int] | None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        column.in_(select(Learner.id).where(Learner.role == "learner"))
    ]
    if learner_ids is not None:
        where.append(column.in_(list(learner_ids)))
    return where


def frequent_mistakes(
    session: Session,
    curriculum: Curriculum,
    skills: Mapping[str, Skill],
    *,
    since: datetime,
    learner_ids: Collection[int] | None = None,
    per_skill: int = MISTAKES_PER_SKILL,
) -> list[SkillMistakes]:
    """Per skill (in course order), the named mistakes made most often since ``since``."""
    practice = select(
        Attempt.learner_id.label("learner_id"),
        Attempt.skill_id.label("skill_id"),
        Attempt.misconception_id.label("misconception_id"),
    ).where(
        Attempt.created_at >= since,
        Attempt.misconception_id.is_not(None),
        *_learners_only(Attempt.learner_id, learner_ids),
    )
    quiz = (
        select(
            QuizAttempt.learner_id.label("learner_id"),
            QuizAnswer.skill_id.label("skill_id"),
            QuizAnswer.misconception_id.label("misconception_id"),
        )
        .join(QuizAttempt, QuizAttempt.id == QuizAnswer.quiz_attempt_id)
        .where(
            QuizAnswer.answered_at >= since,
            QuizAnswer.misconception_id.is_not(None),
            *_learners_only(QuizAttempt.learner_id, learner_ids),
        )
    )
    wrong = union_all(practice, quiz).subquery()
    rows = session.execute(
        select(
            wrong.c.skill_id,
            wrong.c.misconception_id,
            func.count().label("answers"),
            func.count(wrong.c.learner_id.distinct()).label("learners"),
        ).group_by(wrong.c.skill_id, wrong.c.misconception_id)
    ).all()
    found: dict[str, list[Mistake]] = {}
    for skill_id, misconception_id, answers, learners in rows:
        skill = skills.get(skill_id)
        known = {m.id: m for m in skill.misconceptions} if skill is not None else {}
        misconception = known.get(misconception_id)
        found.setdefault(skill_id, []).append(
            Mistake(
                skill_id,
                misconception_id,
                misconception.name if misconception is not None else misconception_id,
                answers,
                learners,
                passage_for(curriculum, skill_id, misconception),
            )
        )
    order = {s: i for i, s in enumerate(_course_skills(curriculum))}
    report = []
    for skill_id in sorted(found, key=lambda s: (order.get(s, len(order)), s)):
        ranked = sorted(found[skill_id], key=lambda m: (-m.answers, -m.learners, m.name))
        skill = skills.get(skill_id)
        title = skill.title if skill is not None else skill_id
        report.append(SkillMistakes(skill_id, title, ranked[:per_skill]))
    return report


def _course_skills(curriculum: Curriculum) -> list[str]:
    return list(dict.fromkeys(s for lesson in curriculum.lessons() for s in lesson.skills))


def stuck_learners(
    session: Session,
    *,
    now: datetime,
    learner_ids: Collection[int] | None = None,
    streak: int = STUCK_STREAK,
    idle_after: timedelta = WINDOW,
) -> list[Stuck]:
    """Learners with ``streak`` or more wrong answers in a row on a skill (longest first),
    then learners without progress for ``idle_after`` (longest idle first)."""
    users = {u.id: u for u in accounts.learners(session)}
    if learner_ids is not None:
        wanted = set(learner_ids)
        users = {i: u for i, u in users.items() if i in wanted}
    last_right = (
        select(
            Attempt.learner_id,
            Attempt.skill_id,
            func.max(Attempt.id).label("attempt_id"),
            func.max(Attempt.created_at).label("at"),
        )
        .where(Attempt.verdict == "correct")
        .group_by(Attempt.learner_id, Attempt.skill_id)
        .subquery()
    )
    streaks = session.execute(
        select(
            Attempt.learner_id,
            Attempt.skill_id,
            func.count().label("wrong"),
            func.max(Attempt.created_at).label("last"),
            func.max(last_right.c.at).label("right_at"),
        )
        .outerjoin(
            last_right,
            (last_right.c.learner_id == Attempt.learner_id)
            & (last_right.c.skill_id == Attempt.skill_id),
        )
        .where(
            Attempt.verdict == "incorrect",
            Attempt.id > func.coalesce(last_right.c.attempt_id, literal(0)),
            *_learners_only(Attempt.learner_id, learner_ids),
        )
        .group_by(Attempt.learner_id, Attempt.skill_id)
        .having(func.count() >= streak)
    ).all()
    stuck = [
        Stuck(users[learner_id], skill_id, wrong, _aware(right), _aware(last))
        for learner_id, skill_id, wrong, last, right in streaks
        if learner_id in users
    ]
    stuck.sort(key=lambda s: (-s.wrong_in_a_row, s.learner.username, s.skill_id or ""))
    return stuck + idle_learners(session, users, now=now, idle_after=idle_after)


def idle_learners(
    session: Session,
    users: Mapping[int, accounts.User],
    *,
    now: datetime,
    idle_after: timedelta = WINDOW,
) -> list[Stuck]:
    """Learners (of ``users``) whose account is older than ``idle_after`` and who made no
    progress within it."""
    since = now - idle_after
    progress = union_all(
        select(Attempt.learner_id.label("learner_id"), Attempt.created_at.label("at")).where(
            Attempt.verdict == "correct"
        ),
        select(QuizAttempt.learner_id.label("learner_id"), QuizAnswer.answered_at.label("at"))
        .join(QuizAttempt, QuizAttempt.id == QuizAnswer.quiz_attempt_id)
        .where(QuizAnswer.verdict == "correct"),
        select(Submission.learner_id.label("learner_id"), Submission.created_at.label("at")),
    ).subquery()
    last_progress = dict(
        session.execute(
            select(progress.c.learner_id, func.max(progress.c.at)).group_by(progress.c.learner_id)
        ).all()
    )
    activity = union_all(
        select(Attempt.learner_id.label("learner_id"), Attempt.created_at.label("at")),
        select(QuizAttempt.learner_id.label("learner_id"), QuizAnswer.answered_at.label("at"))
        .join(QuizAttempt, QuizAttempt.id == QuizAnswer.quiz_attempt_id)
        .where(QuizAnswer.answered_at.is_not(None)),
        select(Submission.learner_id.label("learner_id"), Submission.created_at.label("at")),
    ).subquery()
    last_active = dict(
        session.execute(
            select(activity.c.learner_id, func.max(activity.c.at)).group_by(activity.c.learner_id)
        ).all()
    )
    joined = dict(session.execute(select(Learner.id, Learner.created_at)).all())
    idle = []
    for learner_id, user in users.items():
        last = _aware(last_progress.get(learner_id))
        if joined.get(learner_id, now) > since or (last is not None and last >= since):
            continue
        idle.append(Stuck(user, None, 0, last, _aware(last_active.get(learner_id))))
    oldest = datetime.min.replace(tzinfo=since.tzinfo)
    idle.sort(key=lambda s: (s.last_progress_at or oldest, s.learner.username))
    return idle


def _aware(value: datetime | str | None) -> datetime | None:
    """A timestamp read through a ``UNION`` or an aggregate, where the column type (UTC,
    timezone-aware) is not applied on every database, as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def report(
    session: Session,
    curriculum: Curriculum,
    skills: Mapping[str, Skill],
    *,
    now: datetime | None = None,
    learner_ids: Collection[int] | None = None,
) -> Report:
    """This week's frequent mistakes and the stuck learners, for the class or a group of it."""
    now = now or utcnow()
    since = now - WINDOW
    return Report(
        since,
        now,
        frequent_mistakes(session, curriculum, skills, since=since, learner_ids=learner_ids),
        stuck_learners(session, now=now, learner_ids=learner_ids),
    )


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else ""


def mistakes_csv(mistakes: Sequence[SkillMistakes]) -> str:
    """One row per (skill, mistake): how often, by how many learners, where it is taught."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["skill", "skill title", "mistake", "mistake id", "wrong answers", "learners", "lesson"]
    )
    for group in mistakes:
        for m in group.mistakes:
            where = m.passage.url if m.passage is not None else ""
            row = [m.skill_id, group.skill_title, m.name, m.misconception_id]
            writer.writerow([*row, m.answers, m.learners, where])
    return out.getvalue()


def stuck_csv(stuck: Sequence[Stuck]) -> str:
    """One row per stuck learner and skill (or idle learner)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["username", "name", "reason", "skill", "wrong in a row", "last progress", "last active"]
    )
    for s in stuck:
        writer.writerow(
            [
                spreadsheet_cell(s.learner.username),
                spreadsheet_cell(s.learner.display_name),
                s.reason,
                s.skill_id or "",
                s.wrong_in_a_row or "",
                _when(s.last_progress_at),
                _when(s.last_active_at),
            ]
        )
    return out.getvalue()
