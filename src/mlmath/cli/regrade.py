"""``mlmath regrade ID``: grade every submission of an assignment again (after fixing a test).

New grading jobs are queued for every submission; earlier grades are kept as
history and the new grade counts once it is in. By default this command also
grades them itself, beside any running workers, and shows a progress bar.
"""

from __future__ import annotations

import threading
import time
from typing import Annotated

import typer

from mlmath.cli.errors import fail


def regrade(
    assignment_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. c1w2-linear-systems")],
    grade_here: Annotated[
        bool,
        typer.Option(
            "--grade-here/--queue-only",
            help="Grade here too (default), or only queue the jobs for the running workers.",
        ),
    ] = True,
) -> None:
    """Queue a new grading of every submission of assignment ID and follow its progress."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from mlmath.config import Config
    from mlmath.grading.harness import Grader
    from mlmath.sandbox.launcher import SandboxUnavailable
    from mlmath.services import submissions
    from mlmath.services.errors import NotFound
    from mlmath.services.worker import Worker, grades_for_a_class, worker_name
    from mlmath.store.database import Database
    from mlmath.store.migrate import upgrade

    config = Config.from_environment()
    db = Database.from_config(config)
    upgrade(db.write_engine)
    try:
        with db.write() as session:
            job_ids = submissions.regrade(session, assignment_id)
    except NotFound:
        fail(f"there is no assignment {assignment_id!r} (mlmath assignment list shows them)")
    if not job_ids:
        typer.echo(f"{assignment_id}: no submissions yet, nothing to regrade")
        return
    typer.echo(f"{assignment_id}: queued {len(job_ids)} regrading job(s)")
    if not grade_here:
        return
    try:
        grader = Grader(
            confinement=config.sandbox,
            pool_size=2,
            require_full_sandbox=grades_for_a_class(config),
        )
    except SandboxUnavailable as error:
        fail(f"{error} (the jobs stay queued for the workers)")
    stop = threading.Event()
    helper = Worker(db, grader, name=worker_name("regrade"), poll_seconds=0.2)
    thread = threading.Thread(target=helper.run, args=(stop,), daemon=True)
    thread.start()
    try:
        with Progress(
            TextColumn("[bold]regrading {task.fields[assignment]}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}"),
        ) as progress:
            task = progress.add_task(
                "regrade", total=len(job_ids), assignment=assignment_id, failed=""
            )
            while True:
                with db.read() as session:
                    counts = submissions.job_counts(session, job_ids)
                failed = f"{counts.failed} failed" if counts.failed else ""
                progress.update(task, completed=counts.done + counts.failed, failed=failed)
                if counts.open == 0:
                    break
                time.sleep(0.2)
    finally:
        stop.set()
        thread.join()
        grader.close()
        db.close()
    typer.echo(
        f"done: {counts.done} regraded"
        + (
            f", {counts.failed} failed (grading errors; see the worker logs)"
            if counts.failed
            else ""
        )
    )
