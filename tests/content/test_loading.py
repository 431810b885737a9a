"""Loading a content folder: what is read, what is skipped, and errors that name the file."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from mlmath.content.curriculum import ContentError, load, split_sections

COURSE = """\
id: c1
title: A course
summary: What it is about.
outcomes: [One thing.]
weeks: [w1, w2]
"""

WEEK = """\
id: c1w1
number: 1
title: A week
lessons: [l1-first.md]
labs:
  - {id: lab-1, title: A lab, lesson: c1w1l1, file: lab_1.py}
quizzes:
  - id: quiz-1
    kind: graded
    title: A quiz
    lesson: c1w1l1
    items:
      - {skill: linalg.determinant_2x2, level: 2, count: 3}
assignments:
  - {id: assignment-1, title: An assignment, lesson: c1w1l1}
"""

LESSON = """\
---
id: c1w1l1
title: "First: lesson"
topics:
  - title: The determinant
    skills: [linalg.determinant_2x2]
  - title: Systems of equations (3×3)
    skills: []
---

Intro text.

## The determinant

$ad - bc$.

```python
## not a heading: inside code
```

## Systems of equations (3×3)

Three unknowns.
"""


def write_tree(root: Path, **overrides: str) -> Path:
    files = {
        "courses/c1/course.yaml": COURSE,
        "courses/c1/w1/week.yaml": WEEK,
        "courses/c1/w1/l1-first.md": LESSON,
        "labs/lab_1.py": "# %%\nprint('hello')\n",
    }
    files.update(overrides)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_reads_the_whole_tree(tmp_path: Path) -> None:
    tree = load(write_tree(tmp_path))
    (course,) = tree.courses
    assert (course.id, course.title, course.outcomes) == ("c1", "A course", ("One thing.",))
    (week,) = course.weeks  # w2 is listed but has no folder yet: skipped
    assert (week.id, week.number, week.objectives) == ("c1w1", 1, ())
    (lesson,) = week.lessons
    assert lesson.title == "First: lesson"
    assert lesson.intro == "Intro text."
    assert [t.title for t in lesson.topics] == ["The determinant", "Systems of equations (3×3)"]
    assert lesson.topics[0].body.startswith("$ad - bc$.")
    assert "## not a heading" in lesson.topics[0].body
    assert lesson.topics[1].skills == ()
    assert lesson.topics[1].anchor == "systems-of-equations-3x3"
    (quiz,) = week.quizzes
    assert (quiz.kind, quiz.size, quiz.items[0].level) == ("graded", 3, 2)
    assert week.labs[0].path == tmp_path / "labs" / "lab_1.py"
    assert week.assignments[0].id == "assignment-1"


def test_courses_are_ordered_by_number(tmp_path: Path) -> None:
    write_tree(tmp_path)
    for number in (10, 2):
        other = COURSE.replace("id: c1", f"id: c{number}").replace("[w1, w2]", "[]")
        write_tree(tmp_path, **{f"courses/c{number}/course.yaml": other})
    assert [c.id for c in load(tmp_path).courses] == ["c1", "c2", "c10"]


def test_split_sections_keeps_the_intro() -> None:
    intro, sections = split_sections("hello\n## A\none\n## B\ntwo")
    assert intro == "hello"
    assert sections == [("A", "one"), ("B", "two")]


BROKEN = {
    "malformed YAML": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("title: A week", "title: [A week"),
        "the YAML is malformed",
    ),
    "missing title": (
        "courses/c1/course.yaml",
        COURSE.replace("title: A course\n", ""),
        "'title' must be a non-empty text",
    ),
    "week number": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("number: 1", "number: one"),
        "'number' must be a whole number",
    ),
    "quiz kind": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("kind: graded", "kind: exam"),
        "'kind' must be practice or graded",
    ),
    "quiz level": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("level: 2", "level: 0"),
        "'level' must be a whole number from 1",
    ),
    "empty quiz": (
        "courses/c1/w1/week.yaml",
        dedent(WEEK).replace(
            "    items:\n      - {skill: linalg.determinant_2x2, level: 2, count: 3}\n", ""
        ),
        "quiz 'quiz-1' has no items",
    ),
    "missing lab file": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("file: lab_1.py", "file: lab_9.py"),
        "no file",
    ),
    "unknown lesson": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("lesson: c1w1l1, file", "lesson: c1w1l7, file"),
        "names lesson 'c1w1l7'",
    ),
    "missing lesson file": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("l1-first.md", "l1-gone.md"),
        "lists the lesson l1-gone.md, which does not exist",
    ),
    "no front matter": (
        "courses/c1/w1/l1-first.md",
        LESSON.split("---\n", 2)[2],
        "YAML front matter",
    ),
    "heading differs": (
        "courses/c1/w1/l1-first.md",
        LESSON.replace("## The determinant", "## Determinants"),
        "'The determinant' in the front matter but the section heading says 'Determinants'",
    ),
    "topic without section": (
        "courses/c1/w1/l1-first.md",
        LESSON.replace("## Systems of equations (3×3)\n", ""),
        "has no '## ' section",
    ),
    "section without topic": (
        "courses/c1/w1/l1-first.md",
        LESSON + "\n## Extra\n",
        "section '## Extra' has no topic",
    ),
    "duplicate id": (
        "courses/c1/w1/week.yaml",
        WEEK.replace("id: assignment-1", "id: lab-1"),
        "assignment id 'lab-1' is also used",
    ),
}


@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_malformed_content_names_the_file(tmp_path: Path, case: tuple[str, str, str]) -> None:
    name, text, problem = case
    write_tree(tmp_path, **{name: text})
    with pytest.raises(ContentError) as raised:
        load(tmp_path)
    message = str(raised.value)
    assert problem in message
    assert name in message


def test_a_missing_courses_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="courses folder is missing"):
        load(tmp_path)
