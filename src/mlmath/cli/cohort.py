"""``mlmath cohort``: groups taught together. An instructor sees, besides the whole class,
the reports of the cohorts they belong to; add them to a cohort with its learners."""

from __future__ import annotations

from typing import Annotated

import typer

from mlmath.cli.course_database import course_database
from mlmath.cli.errors import fail

app = typer.Typer(help="Cohorts: groups of learners, with the instructors who teach them.")


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="The cohort's name, e.g. 'Autumn 2026, group A'.")],
    usernames: Annotated[
        list[str], typer.Argument(metavar="USERNAME...", help="Accounts to add (signed up).")
    ],
) -> None:
    """Add accounts (learners and their instructors) to cohort NAME, making it if needed."""
    from mlmath.services import cohorts

    with course_database() as db:
        try:
            with db.write() as session:
                done = cohorts.add_members(session, name, usernames)
        except ValueError as error:
            fail(str(error))
    cohort = done.cohort
    if done.added:
        typer.echo(f"{cohort.name}: added {', '.join(done.added)}")
    if done.already:
        typer.echo(f"{cohort.name}: already members: {', '.join(done.already)}")
    typer.echo(f"{cohort.name}: {cohort.learners} learner(s)")
    if done.unknown:
        fail(f"no account is called {', '.join(done.unknown)} (they must sign up first)")


@app.command("list")
def list_command() -> None:
    """Every cohort with its number of learners."""
    from mlmath.services import cohorts

    with course_database() as db, db.read() as session:
        found = cohorts.every_cohort(session)
    if not found:
        typer.echo("no cohorts yet (mlmath cohort add NAME USERNAME... makes one)")
    for cohort in found:
        typer.echo(f"{cohort.id}\t{cohort.name}\t{cohort.learners} learner(s)")
