"""The curriculum covers the syllabus, for every week that has content.

The syllabus is the project's brief, kept beside the repository in
``../shared/syllabus.md``; these tests skip when it is not there (a release tarball).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from mlmath.content.curriculum import Curriculum, Week

from .conftest import COVERAGE_TOOL, REPO, SYLLABUS

needs_syllabus = pytest.mark.skipif(
    not SYLLABUS.is_file(), reason=f"the syllabus is not beside the repository ({SYLLABUS})"
)


@dataclass
class SyllabusWeek:
    course: int
    number: int
    title: str
    topics: list[str] = field(default_factory=list)
    labs: list[str] = field(default_factory=list)
    quizzes: list[tuple[str, str]] = field(default_factory=list)  # (kind, title)
    assignments: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"c{self.course}w{self.number}"


def read_syllabus(path: Path) -> list[SyllabusWeek]:
    """Weeks with the bullet items of their lessons, by the syllabus's headings."""
    weeks: list[SyllabusWeek] = []
    course, in_lesson = 0, False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if m := re.match(r"^## Course (\d+):", line):
            course, in_lesson = int(m.group(1)), False
        elif m := re.match(r"^### Week (\d+): (.*)", line):
            weeks.append(SyllabusWeek(course, int(m.group(1)), m.group(2).strip()))
            in_lesson = False
        elif line.startswith("#### "):
            in_lesson = line.startswith("#### Lesson")
        elif in_lesson and line.startswith("- ") and weeks:
            item, week = line[2:].strip(), weeks[-1]
            if item.startswith("Lab:"):
                week.labs.append(item[4:].strip())
            elif item.startswith("Practice Quiz"):
                week.quizzes.append(("practice", item.partition(":")[2].strip()))
            elif item.startswith("Quiz"):
                week.quizzes.append(("graded", item.partition(":")[2].strip()))
            elif item.startswith("Programming Assignment:"):
                week.assignments.append(item.partition(":")[2].strip())
            else:
                week.topics.append(item)
    return weeks


def norm(text: str) -> str:
    """Compare titles without case, punctuation or the × / x difference."""
    text = text.lower().replace("×", "x").replace("’", "'")
    return " ".join(re.sub(r"[^a-z0-9x]+", " ", text).split())


def weeks_with_content(tree: Curriculum) -> list[tuple[SyllabusWeek, Week]]:
    ours = {week.id: week for week in tree.weeks()}
    return [(w, ours[w.id]) for w in read_syllabus(SYLLABUS) if w.id in ours]


@needs_syllabus
def test_reads_the_syllabus() -> None:
    weeks = read_syllabus(SYLLABUS)
    assert len(weeks) == 11
    first = weeks[0]
    assert (first.id, first.topics[0], first.labs[0]) == (
        "c1w1",
        "Machine learning motivation",
        "Introduction to NumPy Arrays",
    )
    assert first.quizzes == [
        ("practice", "Solving systems of linear equations"),
        ("graded", "Matrices"),
    ]


@needs_syllabus
def test_every_syllabus_course_and_week_is_declared(course_tree: Curriculum) -> None:
    weeks = read_syllabus(SYLLABUS)
    for course_number in sorted({w.course for w in weeks}):
        course = course_tree.course(f"c{course_number}")
        declared = len(yaml.safe_load(course.path.read_text(encoding="utf-8"))["weeks"])
        assert declared == sum(1 for w in weeks if w.course == course_number), course.id


@needs_syllabus
def test_weeks_one_and_two_of_course_one_have_content(course_tree: Curriculum) -> None:
    assert {"c1w1", "c1w2"} <= {w.id for w, _ in weeks_with_content(course_tree)}


@needs_syllabus
def test_every_topic_lab_and_assignment_of_a_week_with_content_is_there(
    course_tree: Curriculum,
) -> None:
    missing = []
    for wanted, week in weeks_with_content(course_tree):
        have = {
            "topic": {norm(t.title) for lesson in week.lessons for t in lesson.topics},
            "lab": {norm(lab.title) for lab in week.labs},
            "assignment": {norm(a.title) for a in week.assignments},
        }
        for kind, titles in (
            ("topic", wanted.topics),
            ("lab", wanted.labs),
            ("assignment", wanted.assignments),
        ):
            missing += [f"{week.id} {kind} '{t}'" for t in titles if norm(t) not in have[kind]]
    assert not missing, "\n".join(missing)


@needs_syllabus
def test_every_quiz_of_a_week_with_content_is_there(course_tree: Curriculum) -> None:
    missing = []
    for wanted, week in weeks_with_content(course_tree):
        for kind in ("practice", "graded"):
            titles = [title for k, title in wanted.quizzes if k == kind]
            ours = [q for q in week.quizzes if q.kind == kind]
            if len(ours) < len(titles):
                missing.append(f"{week.id}: {len(titles) - len(ours)} {kind} quiz(zes) missing")
            named = {norm(q.title) for q in ours}
            missing += [
                f"{week.id} {kind} quiz '{t}'" for t in titles if t and norm(t) not in named
            ]
    assert not missing, "\n".join(missing)


@needs_syllabus
@pytest.mark.skipif(not COVERAGE_TOOL.is_file(), reason=f"no coverage tool at {COVERAGE_TOOL}")
def test_the_coverage_tool_finds_course_one_weeks_one_and_two_complete() -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, str(COVERAGE_TOOL), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    report = json.loads(result.stdout)
    ours = [
        line
        for line in report["missing"] + report["topics_without_skill"]
        if line.startswith(("C1W1", "C1W2"))
    ]
    assert not ours, "\n".join(ours)
