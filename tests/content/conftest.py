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
