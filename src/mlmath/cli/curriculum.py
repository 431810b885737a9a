"""``mlmath curriculum [--json]``: the course tree, for people or for programs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from mlmath.cli.errors import fail
from mlmath.content.curriculum import ContentError, Curriculum, Lesson, Week

if TYPE_CHECKING:
    from rich.tree import Tree


def curriculum(
    json_output: bool = typer.Option(
        False,
        "--json",
        help="Print the tree as JSON: courses, weeks, lessons, topics with skills, "
        "labs, quizzes and assignments, all with ids.",
    ),
) -> None:
    """Show the courses, weeks, lessons and topics, with their skills, labs, quizzes and
    assignments."""
    from mlmath.content.curriculum import curriculum as load_curriculum

    try:
        tree = load_curriculum()
    except ContentError as error:
        fail(f"the course content is malformed: {error}")
    if json_output:
        typer.echo(json.dumps(as_json(tree), indent=1, ensure_ascii=False))
    else:
        from rich.console import Console

        Console().print(as_rich_tree(tree))


def as_json(tree: Curriculum) -> dict[str, Any]:
    """The tree in the shape ``mlmath curriculum --json`` promises."""
    return {
        "courses": [
            {
                "id": course.id,
                "title": course.title,
                "summary": course.summary,
                "outcomes": list(course.outcomes),
                "weeks": [_week_json(week) for week in course.weeks],
            }
            for course in tree.courses
        ]
    }


def _week_json(week: Week) -> dict[str, Any]:
    return {
        "id": week.id,
        "number": week.number,
        "title": week.title,
        "summary": week.summary,
        "objectives": list(week.objectives),
        "lessons": [
            {
                "id": lesson.id,
                "title": lesson.title,
                "topics": [
                    {"title": topic.title, "anchor": topic.anchor, "skills": list(topic.skills)}
                    for topic in lesson.topics
                ],
            }
            for lesson in week.lessons
        ],
        "labs": [
            {"id": lab.id, "title": lab.title, "lesson": lab.lesson, "file": lab.path.name}
            for lab in week.labs
        ],
        "quizzes": [
            {
                "id": quiz.id,
                "kind": quiz.kind,
                "title": quiz.title,
                "lesson": quiz.lesson,
                "size": quiz.size,
                "pass_mark": quiz.pass_mark,
                "items": [
                    {"skill": item.skill, "level": item.level, "count": item.count}
                    for item in quiz.items
                ],
            }
            for quiz in week.quizzes
        ],
        "assignments": [
            {"id": assignment.id, "title": assignment.title, "lesson": assignment.lesson}
            for assignment in week.assignments
        ],
    }


def as_rich_tree(tree: Curriculum) -> Tree:
    """The tree as a :class:`rich.tree.Tree`: lessons with their topics and skills, and
    each lab, quiz and assignment under the lesson it belongs to."""
    from rich.tree import Tree

    root = Tree("[bold]mlmath[/bold] — the course map")
    for course in tree.courses:
        course_node = root.add(f"[bold]{escape(course.title)}[/bold] [dim]{course.id}[/dim]")
        if not course.weeks:
            course_node.add("[dim]no weeks yet[/dim]")
        for week in course.weeks:
            week_node = course_node.add(
                f"[bold]Week {week.number}: {escape(week.title)}[/bold] [dim]{week.id}[/dim]"
            )
            for lesson in week.lessons:
                _add_lesson(week_node, week, lesson)
    return root


def _add_lesson(week_node: Tree, week: Week, lesson: Lesson) -> None:
    node = week_node.add(f"{escape(lesson.title)} [dim]{lesson.id}[/dim]")
    for topic in lesson.topics:
        skills = ", ".join(topic.skills) or "no skill yet"
        node.add(f"{escape(topic.title)}  [dim]{escape(skills)}[/dim]")
    for lab in week.labs:
        if lab.lesson == lesson.id:
            node.add(f"[cyan]Lab:[/cyan] {escape(lab.title)} [dim]{lab.id}[/dim]")
    for quiz in week.quizzes:
        if quiz.lesson == lesson.id:
            label = "Practice quiz" if quiz.kind == "practice" else "Graded quiz"
            node.add(
                f"[green]{label}:[/green] {escape(quiz.title)} "
                f"[dim]{quiz.id}, {quiz.size} questions[/dim]"
            )
    for assignment in week.assignments:
        if assignment.lesson == lesson.id:
            node.add(
                "[magenta]Programming assignment:[/magenta] "
                f"{escape(assignment.title)} [dim]{assignment.id}[/dim]"
            )
