"""``mlmath assignment start ID [FOLDER]`` and ``mlmath grade ID FILE [--json]``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Annotated

import typer

from mlmath.cli.errors import fail

app = typer.Typer(help="Programming assignments: get the starter, then grade your work.")

#: Exit status when our own grading failed (the learner should simply try again).
GRADING_ERROR_EXIT = 3


@app.command("list")
def list_command() -> None:
    """List the programming assignments."""
    from mlmath.grading.spec import list_assignments, load_assignment

    for assignment_id in list_assignments():
        assignment = load_assignment(assignment_id)
        typer.echo(f"{assignment.id}  C{assignment.course}W{assignment.week}  {assignment.title}")


@app.command("start")
def start(
    assignment_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. c1w2-linear-systems")],
    folder: Annotated[
        Path | None, typer.Argument(help="Where to put the files (default: a folder named ID).")
    ] = None,
) -> None:
    """Put the instructions, the starter code and the data into a folder."""
    from mlmath.grading.spec import UnknownAssignment, load_assignment

    try:
        assignment = load_assignment(assignment_id)
    except UnknownAssignment as error:
        fail(str(error))
    target = folder or Path(assignment.id)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in assignment.learner_files():
        destination = target / source.name
        if destination.exists():
            typer.echo(f"kept your {destination} (already there)")
            continue
        if source.name == "instructions.md":
            destination.write_text(assignment.instructions.lstrip(), encoding="utf-8")
        else:
            shutil.copyfile(source, destination)
        written.append(destination)
    for path in written:
        typer.echo(f"wrote {path}")
    starter = target / assignment.starter
    typer.echo(
        f"\nNext: read {target / 'instructions.md'}, complete {starter}, and check it with\n"
        f"  mlmath grade {assignment.id} {starter} --public"
    )


def grade(
    assignment_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. c1w2-linear-systems")],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Your .py file or .ipynb notebook.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    public: Annotated[
        bool, typer.Option("--public", help="Run only the public tests (quick check).")
    ] = False,
    seed: Annotated[
        int | None, typer.Option(help="Seed of the hidden tests' inputs (to reproduce a grade).")
    ] = None,
) -> None:
    """Grade a submission on this machine, in the sandbox, with per-test feedback."""
    from mlmath.config import Config
    from mlmath.grading.harness import Grader
    from mlmath.grading.results import Status
    from mlmath.grading.spec import UnknownAssignment, load_assignment
    from mlmath.grading.submission import SubmissionError, read_submission
    from mlmath.sandbox.launcher import SandboxUnavailable

    try:
        load_assignment(assignment_id)
        submission = read_submission(file)
    except (UnknownAssignment, SubmissionError) as error:
        fail(str(error))
    try:
        with Grader(confinement=Config.from_environment().sandbox, pool_size=1) as grader:
            result = grader.grade(assignment_id, submission, seed=seed, public_only=public)
    except SandboxUnavailable as error:
        fail(str(error))
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=1, ensure_ascii=False))
    else:
        _print_result(result)
    if result.status is Status.ERROR:
        raise typer.Exit(GRADING_ERROR_EXIT)


def _print_result(result: object) -> None:
    from rich.console import Console

    from mlmath.grading.results import GradingResult, Status

    assert isinstance(result, GradingResult)
    console = Console(highlight=False)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {note}", markup=True)
    if result.status is Status.ERROR:
        console.print("grading error, will retry: please run the same command again.")
        return
    for test in result.tests:
        mark = "[green]✔[/]" if test.passed else "[red]✘[/]"
        label = "public" if test.public else "hidden"
        console.print(
            f"{mark} {test.name}  [dim]({label}, {test.points:g}/{test.max_points:g})[/]",
            markup=True,
        )
        if not test.passed:
            console.print(f"    call:     {test.call}", markup=False)
            console.print(f"    problem:  {test.message}", markup=False)
            if test.expected:
                console.print(f"    expected: {test.expected}", markup=False)
            if test.got:
                console.print(f"    got:      {test.got}", markup=False)
    if result.output.strip():
        console.print("\nyour code printed:", markup=False)
        console.print(result.output.rstrip()[-2000:], markup=False)
    console.print(
        f"\nscore: {result.score:g} / {result.max_score:g} ({result.percent:.0f} %)"
        f"  — hidden tests seed {result.seed}",
        markup=False,
    )
