"""The package's own curriculum loads, and its lessons, quizzes and labs are well formed."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from mlmath.content.curriculum import PASS_MARK, Curriculum, curriculum, slug

FENCE = re.compile(r"^(```|~~~)")


def headings(markdown: str) -> list[str]:
    """Every ``## `` heading outside fenced blocks, read independently of the loader."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            found.append(line[3:].strip())
    return found


def test_is_loaded_once() -> None:
    assert curriculum() is curriculum()


def test_has_three_courses_in_order(course_tree: Curriculum) -> None:
    assert [c.id for c in course_tree.courses] == ["c1", "c2", "c3"]
    for course in course_tree.courses:
        assert course.title
        assert course.summary
        assert len(course.outcomes) >= 3


def test_course_one_starts_with_weeks_one_and_two(course_tree: Curriculum) -> None:
    weeks = course_tree.course("c1").weeks
    assert [w.id for w in weeks[:2]] == ["c1w1", "c1w2"]
    assert [w.number for w in weeks] == list(range(1, len(weeks) + 1))


def test_lookups_find_every_item(course_tree: Curriculum) -> None:
    assert course_tree.week("c1w2").title == "Solving systems of linear equations"
    assert course_tree.lesson("c1w1l2").topics[-1].title == "The determinant (3×3)"
    assert course_tree.lab("c1w1-numpy-arrays").path.name == "c1w1_numpy_arrays.py"
    assert course_tree.quiz("c1w2-rank").graded
    assert course_tree.assignment("c1w2-linear-systems").lesson == "c1w2l2"
    with pytest.raises(KeyError, match="no lesson 'c9w9l9'"):
        course_tree.lesson("c9w9l9")


def test_where_a_skill_is_taught(course_tree: Curriculum) -> None:
    places = [(lesson.id, topic.title) for lesson, topic in course_tree.where_taught("linalg.rank")]
    assert places == [
        ("c1w2l2", "The rank of a matrix"),
        ("c1w2l2", "The rank of a matrix in general"),
    ]
    assert course_tree.where_taught("linalg.no_such_skill") == ()


def test_every_section_heading_is_a_topic_and_every_topic_has_a_section(
    course_tree: Curriculum,
) -> None:
    for lesson in course_tree.lessons():
        body = lesson.path.read_text(encoding="utf-8").split("\n---", 1)[1]
        assert headings(body) == [t.title for t in lesson.topics], lesson.path.name


def test_lesson_ids_follow_their_week(course_tree: Curriculum) -> None:
    for week in course_tree.weeks():
        for number, lesson in enumerate(week.lessons, 1):
            assert lesson.id == f"{week.id}l{number}"


def test_every_topic_has_a_body_and_skills(course_tree: Curriculum) -> None:
    for lesson in course_tree.lessons():
        for topic in lesson.topics:
            assert topic.body, f"{lesson.id}: '{topic.title}' is empty"
            assert topic.skills, f"{lesson.id}: '{topic.title}' has no skill"


def test_display_math_is_balanced(course_tree: Curriculum) -> None:
    for lesson in course_tree.lessons():
        for topic in lesson.topics:
            assert topic.body.count("$$") % 2 == 0, f"{lesson.id}: '{topic.title}'"
            inline = topic.body.replace("$$", "").replace(r"\$", "")
            assert inline.count("$") % 2 == 0, f"{lesson.id}: '{topic.title}'"


def test_anchors_are_unique_within_a_lesson(course_tree: Curriculum) -> None:
    assert slug("Systems of equations (3×3)") == "systems-of-equations-3x3"
    for lesson in course_tree.lessons():
        anchors = [t.anchor for t in lesson.topics]
        assert len(anchors) == len(set(anchors)), lesson.id


@pytest.mark.parametrize("week_id", ["c1w1", "c1w2"])
def test_quizzes_mix_the_skills_taught_so_far(course_tree: Curriculum, week_id: str) -> None:
    for week in [course_tree.week(week_id)]:
        taught: list[str] = []
        for lesson in week.lessons:
            taught += lesson.skills
            for quiz in (q for q in week.quizzes if q.lesson == lesson.id):
                skills = {item.skill for item in quiz.items}
                assert skills <= set(taught), f"{quiz.id} asks about {skills - set(taught)}"
                assert len(skills) >= 3, f"{quiz.id} should mix several skills"
                assert 8 <= quiz.size <= 10, f"{quiz.id} has {quiz.size} questions"


def test_quiz_kinds_and_pass_mark(course_tree: Curriculum) -> None:
    kinds = {q.id: q.kind for w in course_tree.weeks() for q in w.quizzes}
    assert kinds["c1w1-solving-systems"] == "practice"
    assert kinds["c1w1-matrices"] == "graded"
    assert course_tree.quiz("c1w1-matrices").pass_mark == PASS_MARK == 0.8
    assert course_tree.quiz("c1w2-elimination").pass_mark is None


def test_labs_are_percent_notebooks_with_checks_and_prompts(course_tree: Curriculum) -> None:
    for week in course_tree.weeks():
        for lab in week.labs:
            text = lab.path.read_text(encoding="utf-8")
            for needed in ("format_name: percent", "name: python3", "# %% [markdown]"):
                assert needed in text, f"{lab.id} lacks {needed!r}"
            assert "\nassert " in text, f"{lab.id} has no check"
            assert "Try this" in text, f"{lab.id} has no prompt"


def test_content_files_ship_inside_the_package() -> None:
    root = resources.files("mlmath.content")
    assert (root / "courses" / "c1" / "course.yaml").is_file()
    assert (root / "courses" / "c1" / "w1" / "l1-two-variables.md").is_file()
    assert (root / "labs" / "c1w1_numpy_arrays.py").is_file()
