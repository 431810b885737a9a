"""The instructor's view of a class: learners × skills (mastery), graded quiz scores and
programming-assignment grades, as CSV.

Spreadsheet programs run cells that start with ``=``, ``+``, ``-``, ``@`` (or a
tab or carriage return) as formulas; a learner's display name could be one, so
such cells get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlmath.content.curriculum import Curriculum, Quiz
from mlmath.services import accounts, quizzes, submissions
from mlmath.services.mastery import LEVEL_NAMES
from mlmath.store.models import Mastery


@dataclass(frozen=True, slots=True)
class ClassRow:
    learner: accounts.User
    levels: dict[str, int]
    best_scores: dict[str, float]
    assignment_scores: dict[str, float] = field(default_factory=dict)
    """Best current grade (a fraction) per programming assignment."""


@dataclass(frozen=True, slots=True)
class ClassTable:
    skill_ids: Sequence[str]
    graded_quizzes: Sequence[Quiz]
    rows: Sequence[ClassRow]
    assignment_ids: Sequence[str] = ()


def class_table(session: Session, curriculum: Curriculum) -> ClassTable:
    """Every learner's mastery level per skill and best score per graded quiz."""
    learners = accounts.learners(session)
    skill_ids = list(dict.fromkeys(s for lesson in curriculum.lessons() for s in lesson.skills))
    graded = [q for week in curriculum.weeks() for q in week.quizzes if q.graded]
    levels: dict[int, dict[str, int]] = {}
    for learner_id, skill_id, level in session.execute(
        select(Mastery.learner_id, Mastery.skill_id, Mastery.level)
    ):
        levels.setdefault(learner_id, {})[skill_id] = level
    best: dict[int, dict[str, float]] = {}
    for (learner_id, quiz_id), score in quizzes.best_scores(session).items():
        best.setdefault(learner_id, {})[quiz_id] = score
    assignment_ids = [a.id for week in curriculum.weeks() for a in week.assignments]
    graded_code: dict[int, dict[str, float]] = {}
    for (learner_id, assignment_id), score in submissions.best_scores(session).items():
        graded_code.setdefault(learner_id, {})[assignment_id] = score
    rows = [
        ClassRow(u, levels.get(u.id, {}), best.get(u.id, {}), graded_code.get(u.id, {}))
        for u in learners
    ]
    return ClassTable(skill_ids, graded, rows, assignment_ids)


def spreadsheet_cell(value: str) -> str:
    """A text cell that a spreadsheet program shows as text, never runs as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def gradebook_csv(table: ClassTable) -> str:
    """One row per learner: username, name, each graded quiz's best score (%), each skill's
    mastery level name."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["username", "name"]
        + [f"quiz {q.id} best %" for q in table.graded_quizzes]
        + [f"assignment {a} best %" for a in table.assignment_ids]
        + [f"skill {s}" for s in table.skill_ids]
    )
    for row in table.rows:
        scores = [
            f"{100 * row.best_scores[q.id]:.0f}" if q.id in row.best_scores else ""
            for q in table.graded_quizzes
        ]
        code = [
            f"{100 * row.assignment_scores[a]:.0f}" if a in row.assignment_scores else ""
            for a in table.assignment_ids
        ]
        levels = [LEVEL_NAMES[row.levels.get(s, 0)] for s in table.skill_ids]
        writer.writerow(
            [
                spreadsheet_cell(row.learner.username),
                spreadsheet_cell(row.learner.display_name),
                *scores,
                *code,
                *levels,
            ]
        )
    return out.getvalue()
