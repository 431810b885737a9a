"""Every skill the content names is a registered skill, at a level it has."""

from __future__ import annotations

from mlmath.content.curriculum import Curriculum
from mlmath.exercises.registry import all_skills


def test_every_topic_skill_is_registered(course_tree: Curriculum) -> None:
    known = all_skills()
    missing = sorted(
        {
            f"{skill} ({lesson.id}: {topic.title})"
            for lesson in course_tree.lessons()
            for topic in lesson.topics
            for skill in topic.skills
            if skill not in known
        }
    )
    assert not missing, "skills named in lessons but not registered:\n" + "\n".join(missing)


def test_every_quiz_item_names_a_registered_skill_and_level(course_tree: Curriculum) -> None:
    known = all_skills()
    problems = []
    for week in course_tree.weeks():
        for quiz in week.quizzes:
            for item in quiz.items:
                skill = known.get(item.skill)
                if skill is None:
                    problems.append(f"{quiz.id}: no skill {item.skill}")
                elif item.level > skill.levels:
                    problems.append(
                        f"{quiz.id}: {item.skill} has levels 1 to {skill.levels}, not {item.level}"
                    )
    assert not problems, "\n".join(problems)
