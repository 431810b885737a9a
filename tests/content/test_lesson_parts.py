"""Every topic teaches in the same shape, and speaks of mistakes as the practice does.

A topic has a worked example, a "Common mistakes" passage that names every named
misconception of the topic's skills in the words the practice feedback uses, a
"check yourself" question with its answer folded away, and the computation in code;
every lesson has at least two interactive figures.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from mlmath.content.curriculum import Curriculum, Lesson, curriculum
from mlmath.exercises import registry
from mlmath.web.markdown import to_html

LESSONS = list(curriculum().lessons())
PARTS = ("**Worked example", "### Common mistakes", "**Check yourself.**", "::: answer")


def _flat(markdown: str) -> str:
    """The Markdown with line breaks and emphasis marks gone, for matching prose."""
    return " ".join(markdown.replace("**", "").split())


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_every_topic_has_a_worked_example_mistakes_and_a_check(lesson: Lesson) -> None:
    missing = [
        f"{topic.title}: {part}"
        for topic in lesson.topics
        for part in PARTS
        if part not in topic.body
    ]
    assert not missing


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_every_named_mistake_of_a_topic_is_taught_in_it(lesson: Lesson) -> None:
    """Each named mistake of a topic's skills heads a bullet of its Common mistakes, in
    bold, as the page shows it (a ``*`` in a name must not end the bold early)."""
    skills = registry.all_skills()
    missing = []
    for topic in lesson.topics:
        mistakes = to_html(topic.body.partition("### Common mistakes")[2])
        headings = {
            _flat(_text(bold)) for bold in re.findall(r"<strong>(.*?)</strong>", mistakes, re.S)
        }
        for skill_id in topic.skills:
            for m in skills[skill_id].misconceptions:
                name = _flat(m.name)
                if not any(name in heading for heading in headings):
                    missing.append(f"{topic.title}: {m.name!r} ({skill_id})")
    assert not missing


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_every_lesson_has_two_figures(lesson: Lesson) -> None:
    figures = sum(len(re.findall(r"^\s*```figure\s*$", t.body, re.M)) for t in lesson.topics)
    assert figures >= 2


def test_figures_stand_beside_sixty_topics(course_tree: Curriculum) -> None:
    beside = [t for lesson in course_tree.lessons() for t in lesson.topics if "```figure" in t.body]
    assert len(beside) >= 60
