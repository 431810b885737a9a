"""Shared helpers for the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlmath.content.curriculum import Curriculum, curriculum

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SYLLABUS = SHARED / "syllabus.md"
COVERAGE_TOOL = SHARED / "tools" / "syllabus_coverage.py"


@pytest.fixture(scope="session")
def course_tree() -> Curriculum:
    return curriculum()


def lesson_markdown(lesson_id: str) -> str:
    """A lesson's whole Markdown, introduction and every topic, for tests that look for
    numbers in its text."""
    lesson = curriculum().lesson(lesson_id)
    return "\n".join([lesson.intro, *(topic.body for topic in lesson.topics)])
