"""The ``mlmath`` command line. Each subcommand lives in a module of its own."""

from __future__ import annotations

import typer

from mlmath.cli import (
    assignment,
    backup,
    cohort,
    curriculum,
    lab,
    lti,
    practice,
    regrade,
    serve,
    solve,
    worker,
)

app = typer.Typer(
    name="mlmath",
    help="Learn the mathematics of machine learning: lessons, practice, worked solutions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("solve")(solve.solve)
app.command("practice")(practice.practice)
app.command("curriculum")(curriculum.curriculum)
app.command("serve")(serve.serve)
app.add_typer(assignment.app, name="assignment")
app.add_typer(lab.app, name="lab")
app.add_typer(cohort.app, name="cohort")
app.add_typer(lti.app, name="lti")
app.command("grade")(assignment.grade)
app.command("worker")(worker.worker)
app.command("regrade")(regrade.regrade)
app.command("backup")(backup.backup)
app.command("restore")(backup.restore)


if __name__ == "__main__":
    app()
