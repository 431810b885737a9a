"""``mlmath practice``: the terminal course, with the same skills, record and mastery as the web.

Choose a course, week and lesson (or name a skill); each problem is laid out
readably (aligned matrices, fractions); type an answer to have it checked at
once, ``?`` for a hint, ``s`` for the worked solution, ``n`` for another
problem, ``q`` to stop. Answers are kept in the course database, so mastery and
the review queue are the same in the terminal and in the browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from mlmath.cli.errors import fail

if TYPE_CHECKING:
    from mlmath.exercises.skill import Feedback, Skill
    from mlmath.services.practice import Checked, Current, VariantRef
    from mlmath.store.database import Database

T = TypeVar("T")

COMMANDS = "Type your answer, or  ? hint · s solution · n another · q quit"


def practice(
    skill: Annotated[
        str | None, typer.Argument(help="A skill id to practise (default: choose from a menu).")
    ] = None,
    lesson: Annotated[
        str | None, typer.Option("--lesson", help="Practise the skills of one lesson, e.g. c1w1l2.")
    ] = None,
) -> None:
    """Practise skills in the terminal: check answers, get hints and worked solutions."""
    from mlmath.content.curriculum import ContentError, curriculum
    from mlmath.exercises import registry

    console = Console(highlight=False)
    try:
        course = curriculum()
    except ContentError as error:
        fail(f"the course content could not be read: {error}")
    skills = registry.all_skills()
    if skill is not None:
        if skill not in skills:
            fail(str(registry.UnknownSkill(skill)))
        chosen = [skill]
    elif lesson is not None:
        try:
            chosen = [s for s in course.lesson(lesson).skills if s in skills]
        except KeyError:
            fail(f"no lesson is called {lesson!r}; `mlmath curriculum` lists them")
    else:
        picked = choose_from_menu(console, input_line)
        if picked is None:
            return
        chosen = [s for s in picked if s in skills]
    if not chosen:
        fail("there is nothing to practise there yet")
    with open_record() as record:
        Session(console, input_line, record, [skills[s] for s in chosen]).run()


def input_line(prompt: str) -> str | None:
    """One line from the learner, or ``None`` at the end of input."""
    try:
        return input(prompt)
    except EOFError:
        return None


ReadLine = Callable[[str], str | None]


def choose_from_menu(console: Console, read: ReadLine) -> Sequence[str] | None:
    """Course → week → lesson; returns the lesson's skills, or ``None`` to stop."""
    from mlmath.content.curriculum import curriculum

    course_tree = curriculum()
    courses = [c for c in course_tree.courses if c.weeks]
    course = pick(console, read, "Course", [(c.title, c) for c in courses])
    if course is None:
        return None
    week = pick(console, read, "Week", [(f"Week {w.number}: {w.title}", w) for w in course.weeks])
    if week is None:
        return None
    lessons = [(lesson.title, lesson) for lesson in week.lessons]
    lesson = pick(console, read, "Lesson", lessons)
    return None if lesson is None else lesson.skills


def pick(console: Console, read: ReadLine, what: str, options: Sequence[tuple[str, T]]) -> T | None:
    for number, (title, _) in enumerate(options, 1):
        console.print(f"  [bold]{number}[/]  {title}")
    while True:
        answer = read(f"{what} (1–{len(options)}, q to quit): ")
        if answer is None or answer.strip().lower() in ("q", "quit"):
            return None
        if answer.strip().isdigit() and 1 <= int(answer) <= len(options):
            return options[int(answer) - 1][1]
        console.print(f"[yellow]Type a number from 1 to {len(options)}.[/]")


# --- the record: the course database, as the web uses it ------------------------------


@dataclass
class Record:
    """The learner's practice record in the course database (single-user mode)."""

    database: Database
    learner_id: int
    secret: bytes

    def current(self, skill: Skill) -> Current:
        from mlmath.services import practice as service

        with self.database.read() as session:
            return service.current(session, self.learner_id, skill, self.secret)

    def submit(self, skill: Skill, ref: VariantRef, response: str) -> Checked:
        from mlmath.services import practice as service

        with self.database.write() as session:
            return service.submit(session, self.learner_id, skill, ref, response)

    def reveal(self, skill: Skill, ref: VariantRef) -> Any:
        from mlmath.services import practice as service

        with self.database.write() as session:
            return service.reveal(session, self.learner_id, skill, ref)

    def another(self, skill: Skill, ref: VariantRef) -> None:
        from mlmath.services import practice as service

        with self.database.write() as session:
            service.another(session, self.learner_id, skill, ref, self.secret)


@contextmanager
def open_record() -> Iterator[Record]:
    from mlmath.config import Config
    from mlmath.services import accounts
    from mlmath.services.secret import load_secret
    from mlmath.store.database import Database
    from mlmath.store.migrate import upgrade

    try:
        config = Config.from_environment()
    except ValueError as error:
        fail(str(error))
    database = Database.from_config(config)
    try:
        upgrade(database.write_engine)
        with database.write() as session:
            learner = accounts.local_learner(session)
        yield Record(database, learner.id, load_secret(config))
    finally:
        database.close()


# --- the practice loop -------------------------------------------------------------------


class Session:
    """One sitting: problems from the chosen skills, weakest first, until the learner stops."""

    def __init__(
        self, console: Console, read: ReadLine, record: Record, skills: Sequence[Skill]
    ) -> None:
        self.console = console
        self.read = read
        self.record = record
        self.skills = list(skills)
        self.streak = 0
        self.turn = 0

    def next_skill(self) -> Skill:
        skill = self.skills[self.turn % len(self.skills)]
        self.turn += 1
        return skill

    def run(self) -> None:
        self.console.print(f"[dim]{COMMANDS}[/]")
        while self.problem(self.next_skill()):
            pass
        self.console.print(f"Bye for now. Streak: {self.streak}.")

    def problem(self, skill: Skill) -> bool:
        """Work one problem; returns False when the learner wants to stop."""
        from mlmath.exercises.instructions import answer_instructions

        current = self.record.current(skill)
        params = current.problem.params
        fmt = skill.answer_format(params)
        self.show_problem(skill, current)
        self.console.print(f"[dim]{answer_instructions(fmt)}[/]")
        hints = iter(skill.hints(params))
        solved = False
        while True:
            line = self.read("answer> ")
            if line is None or line.strip().lower() in ("q", "quit", "exit"):
                return False
            command = line.strip().lower()
            if command == "?":
                hint = next(hints, None)
                if hint is None:
                    self.console.print("[dim]No more hints: type s to see the worked solution.[/]")
                else:
                    self.console.print(Text("Hint: ", style="bold cyan") + Text(hint))
            elif command == "s":
                self.show_solution(skill, current.ref)
            elif command in ("n", "next", ""):
                if command == "" and not solved:
                    continue
                self.record.another(skill, current.ref)
                return True
            else:
                feedback = self.check(skill, current.ref, line)
                solved = feedback.correct or solved
                if feedback.misconception is not None:  # the next hint addresses the mistake
                    hints = iter(skill.hints_after(params, feedback))

    def check(self, skill: Skill, ref: VariantRef, response: str) -> Feedback:
        """Check one answer and print the verdict; the feedback is returned."""
        checked = self.record.submit(skill, ref, response)
        feedback = checked.feedback
        level = checked.mastery.level_name
        if feedback.verdict == "correct":
            self.streak += 1
            self.console.print(
                f"[bold green]✓ Correct.[/] Streak {self.streak} · {skill.title}: {level}. "
                "[dim](Enter or n for another)[/]"
            )
            return feedback
        if feedback.verdict == "invalid":
            self.console.print(Text("? ", style="bold yellow") + Text(feedback.message))
            return feedback
        if feedback.verdict == "undecided":
            self.console.print(Text("~ ", style="bold yellow") + Text(feedback.message))
            return feedback
        self.streak = 0
        message = Text("✗ ", style="bold red")
        if feedback.misconception is not None:
            message += Text(feedback.misconception.name + ". ", style="bold red")
            message += Text(feedback.misconception.explanation)
        else:
            message += Text(feedback.message)
        self.console.print(message)
        self.console.print(f"[dim]{skill.title}: {level}. Try again, ? for a hint.[/]")
        return feedback

    def show_problem(self, skill: Skill, current: Current) -> None:
        from mlmath.answers import Kind

        params = current.problem.params
        body = prompt_text(skill.prompt(params))
        fmt = skill.answer_format(params)
        if fmt.kind in (Kind.CHOICE, Kind.CHOICES):
            from mlmath.engine import render

            letters = "abcdefghijklmnopqrstuvwxyz"
            body += "\n" + "\n".join(
                f"  {letters[i]}) {render.text(choice.label)}"
                for i, choice in enumerate(fmt.options)
            )
        title = f"{skill.title} · level {current.problem.level} · {current.mastery.level_name}"
        self.console.print(Panel(Text(body), title=title, title_align="left"))

    def show_solution(self, skill: Skill, ref: VariantRef) -> None:
        from mlmath.engine import render

        solution = self.record.reveal(skill, ref)
        self.console.print(Panel(Text(render.solution_text(solution)), title="Worked solution"))
        self.console.print(Text("Answer: ", style="bold") + Text(render.text(solution.answer)))


def prompt_text(parts: Sequence[Any]) -> str:
    """Words and math objects as text: inline parts flow, block parts stand on their own lines."""
    from mlmath.engine import render

    lines: list[str] = []
    paragraph = ""
    for part in parts:
        if render.is_block(part):
            if paragraph.strip():
                lines.append(paragraph.strip())
            paragraph = ""
            lines.extend("    " + line for line in render.text(part).splitlines())
        else:
            piece = render.text(part)
            joiner = (
                ""
                if not paragraph or paragraph.endswith((" ", "\n")) or piece[:1] in ".,;:?!)"
                else " "
            )
            paragraph += joiner + piece
    if paragraph.strip():
        lines.append(paragraph.strip())
    return "\n".join(lines)
