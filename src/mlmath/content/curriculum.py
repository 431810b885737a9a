"""The course tree — courses, weeks, lessons, topics, labs, quizzes, assignments — read from
the YAML and Markdown files under ``mlmath/content`` (the format is in ``README.md`` beside
this module).

Everything is plain frozen data. :func:`curriculum` loads the package's own content once and
caches it; :func:`load` reads any folder laid out the same way, which is what tests use.
A malformed file raises :class:`ContentError` naming the file and what is wrong with it.

>>> c = curriculum()
>>> c.course("c1").title
'Linear algebra for machine learning and data science'
>>> c.lesson("c1w1l1").topics[0].title
'Machine learning motivation'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import yaml

CONTENT_ROOT = Path(__file__).resolve().parent
"""The folder holding ``courses/`` and ``labs/`` in the installed package."""

PASS_MARK = 0.8
"""The share of a graded quiz's items a learner must get right to pass it."""

QuizKind = Literal["practice", "graded"]
QUIZ_KINDS: tuple[QuizKind, ...] = ("practice", "graded")


class ContentError(ValueError):
    """A content file is missing, unreadable or malformed."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{_shown(path)}: {problem}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT_ROOT.parent.parent))
    except ValueError:
        return str(path)


# --- the tree -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Topic:
    """One idea of a lesson: a ``## <title>`` section of its page, backed by skills."""

    title: str
    skills: tuple[str, ...]
    body: str
    """The section's Markdown, without its heading."""

    @property
    def anchor(self) -> str:
        """A URL fragment for the section, e.g. ``systems-of-equations-3x3``."""
        return slug(self.title)


@dataclass(frozen=True, slots=True)
class Lesson:
    id: str
    title: str
    topics: tuple[Topic, ...]
    intro: str
    """Markdown before the first topic's heading (often empty)."""
    path: Path

    @property
    def skills(self) -> tuple[str, ...]:
        """Every skill of the lesson's topics, once each, in order."""
        return tuple(dict.fromkeys(s for t in self.topics for s in t.skills))


@dataclass(frozen=True, slots=True)
class Lab:
    """A runnable notebook in percent format (``# %%`` cells), opened in Jupyter."""

    id: str
    title: str
    lesson: str
    path: Path


@dataclass(frozen=True, slots=True)
class QuizItem:
    """``count`` variants of one skill at one level."""

    skill: str
    level: int
    count: int


@dataclass(frozen=True, slots=True)
class Quiz:
    """A practice quiz gives feedback on each item at once; a graded one is submitted whole
    and passes at :data:`PASS_MARK`."""

    id: str
    kind: QuizKind
    title: str
    lesson: str
    items: tuple[QuizItem, ...]

    @property
    def graded(self) -> bool:
        return self.kind == "graded"

    @property
    def size(self) -> int:
        """How many questions one attempt has."""
        return sum(item.count for item in self.items)

    @property
    def pass_mark(self) -> float | None:
        return PASS_MARK if self.graded else None


@dataclass(frozen=True, slots=True)
class Assignment:
    """A programming assignment, declared here; its files live under ``assignments/<id>/``."""

    id: str
    title: str
    lesson: str

    @property
    def folder(self) -> Path:
        return CONTENT_ROOT / "assignments" / self.id


@dataclass(frozen=True, slots=True)
class Week:
    id: str
    number: int
    title: str
    summary: str
    objectives: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    labs: tuple[Lab, ...]
    quizzes: tuple[Quiz, ...]
    assignments: tuple[Assignment, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class Course:
    id: str
    title: str
    summary: str
    outcomes: tuple[str, ...]
    weeks: tuple[Week, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class Curriculum:
    courses: tuple[Course, ...]

    def weeks(self) -> Iterator[Week]:
        for course in self.courses:
            yield from course.weeks

    def lessons(self) -> Iterator[Lesson]:
        for week in self.weeks():
            yield from week.lessons

    def course(self, course_id: str) -> Course:
        return _find(self.courses, course_id, "course")

    def week(self, week_id: str) -> Week:
        return _find(self.weeks(), week_id, "week")

    def lesson(self, lesson_id: str) -> Lesson:
        return _find(self.lessons(), lesson_id, "lesson")

    def lab(self, lab_id: str) -> Lab:
        return _find((x for w in self.weeks() for x in w.labs), lab_id, "lab")

    def quiz(self, quiz_id: str) -> Quiz:
        return _find((x for w in self.weeks() for x in w.quizzes), quiz_id, "quiz")

    def where_taught(self, skill_id: str) -> tuple[tuple[Lesson, Topic], ...]:
        """Every (lesson, topic) whose section teaches the skill, in course order."""
        return tuple(
            (lesson, topic)
            for lesson in self.lessons()
            for topic in lesson.topics
            if skill_id in topic.skills
        )

    def assignment(self, assignment_id: str) -> Assignment:
        found = (x for w in self.weeks() for x in w.assignments)
        return _find(found, assignment_id, "assignment")


T = TypeVar("T", Course, Week, Lesson, Lab, Quiz, Assignment)


def _find(items: Iterator[T] | Sequence[T], wanted: str, kind: str) -> T:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(f"the curriculum has no {kind} {wanted!r}; `mlmath curriculum` lists them")


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: ``'Rank (3×3)'`` → ``'rank-3x3'``."""
    text = text.lower().replace("×", "x")
    return "-".join(re.findall(r"[a-z0-9]+", text))


# --- loading --------------------------------------------------------------------------


@cache
def curriculum() -> Curriculum:
    """The package's own curriculum, read once."""
    return load(CONTENT_ROOT)


def load(root: Path) -> Curriculum:
    """Read ``root/courses/<course>/course.yaml`` and everything it lists."""
    courses_dir = root / "courses"
    if not courses_dir.is_dir():
        raise ContentError(courses_dir, "the courses folder is missing")
    folders = sorted(
        (p for p in courses_dir.iterdir() if (p / "course.yaml").is_file()),
        key=lambda p: _natural(p.name),
    )
    courses = tuple(_course(folder / "course.yaml", root) for folder in folders)
    _check_unique(courses_dir, courses)
    return Curriculum(courses)


def _natural(name: str) -> tuple[str | int, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _course(path: Path, root: Path) -> Course:
    data = _yaml(path)
    week_names = _strings(data, "weeks", path)
    weeks = tuple(
        _week(path.parent / name / "week.yaml", root)
        for name in week_names
        if (path.parent / name / "week.yaml").is_file()
    )
    return Course(
        id=_string(data, "id", path),
        title=_string(data, "title", path),
        summary=_string(data, "summary", path, ""),
        outcomes=_strings(data, "outcomes", path, required=False),
        weeks=weeks,
        path=path,
    )


def _week(path: Path, root: Path) -> Week:
    data = _yaml(path)
    number = data.get("number")
    if not isinstance(number, int) or number < 1:
        raise ContentError(path, "'number' must be a whole number from 1")
    lesson_files = [path.parent / name for name in _strings(data, "lessons", path)]
    for lesson_file in lesson_files:
        if not lesson_file.is_file():
            raise ContentError(path, f"lists the lesson {lesson_file.name}, which does not exist")
    lessons = tuple(_lesson(lesson_file) for lesson_file in lesson_files)
    lesson_ids = {lesson.id for lesson in lessons}

    def lesson_of(entry: Mapping[str, Any], what: str) -> str:
        lesson = _string(entry, "lesson", path, context=what)
        if lesson not in lesson_ids:
            known = ", ".join(sorted(lesson_ids))
            raise ContentError(
                path, f"{what} names lesson {lesson!r}, not one of this week's: {known}"
            )
        return lesson

    labs = []
    for entry in _records(data, "labs", path):
        lab_id = _string(entry, "id", path, context="a lab")
        where = f"lab {lab_id!r}"
        lab_path = root / "labs" / _string(entry, "file", path, context=where)
        if not lab_path.is_file():
            raise ContentError(path, f"{where}: no file {_shown(lab_path)}")
        title = _string(entry, "title", path, context=where)
        labs.append(Lab(lab_id, title, lesson_of(entry, where), lab_path))

    quizzes = []
    for entry in _records(data, "quizzes", path):
        quiz_id = _string(entry, "id", path, context="a quiz")
        where = f"quiz {quiz_id!r}"
        kind = entry.get("kind")
        if kind not in QUIZ_KINDS:
            raise ContentError(path, f"{where}: 'kind' must be practice or graded, not {kind!r}")
        items = tuple(_quiz_item(item, path, where) for item in _records(entry, "items", path))
        if not items:
            raise ContentError(path, f"{where} has no items")
        title = _string(entry, "title", path, context=where)
        quizzes.append(Quiz(quiz_id, cast(QuizKind, kind), title, lesson_of(entry, where), items))

    assignments = []
    for entry in _records(data, "assignments", path):
        assignment_id = _string(entry, "id", path, context="an assignment")
        where = f"assignment {assignment_id!r}"
        title = _string(entry, "title", path, context=where)
        assignments.append(Assignment(assignment_id, title, lesson_of(entry, where)))

    return Week(
        id=_string(data, "id", path),
        number=number,
        title=_string(data, "title", path),
        summary=_string(data, "summary", path, ""),
        objectives=_strings(data, "objectives", path, required=False),
        lessons=lessons,
        labs=tuple(labs),
        quizzes=tuple(quizzes),
        assignments=tuple(assignments),
        path=path,
    )


def _quiz_item(entry: Mapping[str, Any], path: Path, where: str) -> QuizItem:
    skill = _string(entry, "skill", path, context=where)
    numbers = {}
    for key in ("level", "count"):
        value = entry.get(key, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ContentError(
                path, f"{where}, skill {skill}: '{key}' must be a whole number from 1"
            )
        numbers[key] = value
    return QuizItem(skill, numbers["level"], numbers["count"])


FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
FENCE = re.compile(r"^(`{3,}|~{3,})")


def _lesson(path: Path) -> Lesson:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(path, f"cannot read the lesson ({error.strerror})") from None
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ContentError(path, "a lesson starts with YAML front matter between '---' lines")
    data = _parse_yaml(match.group(1), path)
    intro, sections = split_sections(text[match.end() :])
    declared = _records(data, "topics", path)
    titles = [_string(t, "title", path, context="a topic") for t in declared]
    headings = [heading for heading, _ in sections]
    if titles != headings:
        raise ContentError(path, _mismatch(titles, headings))
    topics = tuple(
        Topic(title, _strings(entry, "skills", path, required=False), body.strip())
        for title, entry, (_, body) in zip(titles, declared, sections, strict=True)
    )
    return Lesson(
        id=_string(data, "id", path),
        title=_string(data, "title", path),
        topics=topics,
        intro=intro.strip(),
        path=path,
    )


def split_sections(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a lesson body at its ``## `` headings (ignoring fenced code).

    Returns the text before the first heading and ``(heading, text)`` pairs.
    """
    intro: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    fence: str | None = None
    for line in markdown.splitlines():
        opened = FENCE.match(line)
        if opened and (fence is None or line.strip() == fence[0] * len(line.strip())):
            fence = None if fence is not None else opened.group(1)
        if fence is None and line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            intro.append(line)
    return "\n".join(intro), [(title, "\n".join(lines)) for title, lines in sections]


def _mismatch(titles: list[str], headings: list[str]) -> str:
    for i, (want, got) in enumerate(zip(titles, headings, strict=False), 1):
        if want != got:
            return f"topic {i} is {want!r} in the front matter but the section heading says {got!r}"
    if len(titles) > len(headings):
        return f"topic {titles[len(headings)]!r} has no '## ' section in the body"
    return f"section '## {headings[len(titles)]}' has no topic in the front matter"


def _check_unique(where: Path, courses: Sequence[Course]) -> None:
    seen: dict[str, Path] = {}

    def claim(kind: str, item_id: str, path: Path) -> None:
        if item_id in seen:
            raise ContentError(
                path, f"{kind} id {item_id!r} is also used in {_shown(seen[item_id])}"
            )
        seen[item_id] = path

    for course in courses:
        claim("course", course.id, course.path)
        for week in course.weeks:
            claim("week", week.id, week.path)
            for lesson in week.lessons:
                claim("lesson", lesson.id, lesson.path)
            for group in (week.labs, week.quizzes, week.assignments):
                for item in group:
                    claim(type(item).__name__.lower(), item.id, week.path)


# --- small readers ---------------------------------------------------------------------


def _yaml(path: Path) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(path, f"cannot read the file ({error.strerror})") from None
    return _parse_yaml(text, path)


def _parse_yaml(text: str, path: Path) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise ContentError(path, f"the YAML is malformed{at}: {error}") from None
    if not isinstance(data, dict):
        raise ContentError(path, "expected a YAML mapping of keys to values")
    return data


def _string(
    data: Mapping[str, Any], key: str, path: Path, default: str | None = None, context: str = ""
) -> str:
    value = data.get(key, default)
    if value == "" and default == "":
        return ""
    if not isinstance(value, str) or not value.strip():
        where = f"{context}: " if context else ""
        raise ContentError(path, f"{where}'{key}' must be a non-empty text")
    return value.strip()


def _strings(
    data: Mapping[str, Any], key: str, path: Path, required: bool = True
) -> tuple[str, ...]:
    value = data.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(path, f"'{key}' must be a list of texts")
    return tuple(v.strip() for v in value)


def _records(data: Mapping[str, Any], key: str, path: Path) -> list[Mapping[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ContentError(path, f"'{key}' must be a list of mappings")
    return value
