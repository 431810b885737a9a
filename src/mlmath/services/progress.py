"""Progress through the course: per skill (mastery), per lesson and per week (bars), quizzes.

A skill counts ``level / 4`` towards progress (mastered = full); a lesson's bar
is the mean over its skills, a week's the mean over the skills of its lessons.
Quizzes show their best graded score beside the week.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from mlmath.content.curriculum import Course, Curriculum, Lesson, Quiz, Week
from mlmath.services import mastery_store, quizzes
from mlmath.services.mastery import LEVEL_NAMES, MasteryState

FULL = len(LEVEL_NAMES) - 1


def skill_fraction(state: MasteryState | None) -> float:
    return 0.0 if state is None else state.level / FULL


def mean_fraction(skill_ids: Sequence[str], states: Mapping[str, MasteryState]) -> float:
    unique = list(dict.fromkeys(skill_ids))
    if not unique:
        return 0.0
    return sum(skill_fraction(states.get(s)) for s in unique) / len(unique)


@dataclass(frozen=True, slots=True)
class LessonProgress:
    lesson: Lesson
    fraction: float
    levels: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class QuizProgress:
    quiz: Quiz
    best: float | None

    @property
    def passed(self) -> bool:
        return (
            self.best is not None
            and self.quiz.pass_mark is not None
            and (self.best >= self.quiz.pass_mark - 1e-9)
        )


@dataclass(frozen=True, slots=True)
class WeekProgress:
    week: Week
    fraction: float
    lessons: Sequence[LessonProgress]
    quizzes: Sequence[QuizProgress]


@dataclass(frozen=True, slots=True)
class CourseProgress:
    course: Course
    fraction: float
    weeks: Sequence[WeekProgress]


def week_skills(week: Week) -> list[str]:
    return list(dict.fromkeys(s for lesson in week.lessons for s in lesson.skills))


def lesson_progress(lesson: Lesson, states: Mapping[str, MasteryState]) -> LessonProgress:
    levels = {s: (states[s].level if s in states else 0) for s in lesson.skills}
    return LessonProgress(lesson, mean_fraction(lesson.skills, states), levels)


def overview(session: Session, learner_id: int, curriculum: Curriculum) -> Sequence[CourseProgress]:
    """The learner's progress through every course, week and lesson."""
    states = mastery_store.states(session, learner_id)
    best = {
        quiz_id: score for (_, quiz_id), score in quizzes.best_scores(session, learner_id).items()
    }
    courses = []
    for course in curriculum.courses:
        weeks = []
        for week in course.weeks:
            weeks.append(
                WeekProgress(
                    week,
                    mean_fraction(week_skills(week), states),
                    [lesson_progress(lesson, states) for lesson in week.lessons],
                    [QuizProgress(q, best.get(q.id)) for q in week.quizzes],
                )
            )
        course_skills = [s for week in course.weeks for s in week_skills(week)]
        courses.append(CourseProgress(course, mean_fraction(course_skills, states), weeks))
    return courses
