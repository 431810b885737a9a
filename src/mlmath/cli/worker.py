"""``mlmath worker``: grade submissions from the shared database until stopped.

Run as many as the machines allow, against one PostgreSQL database
(``MLMATH_DATABASE_URL``): each claims jobs with ``FOR UPDATE SKIP LOCKED`` and a
lease, so no job is graded twice and none is lost when a worker dies. Set
``MLMATH_GRADING_WORKERS=0`` on the web server when the workers run elsewhere.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta
from types import FrameType
from typing import Annotated

import typer

from mlmath.cli.errors import fail


def worker(
    once: Annotated[
        bool, typer.Option("--once", help="Grade what is queued now, then stop.")
    ] = False,
    lease: Annotated[
        float,
        typer.Option(help="Seconds a claimed job stays this worker's without renewal."),
    ] = 60.0,
    poll: Annotated[float, typer.Option(help="Seconds between looks at an empty queue.")] = 0.5,
    threads: Annotated[int, typer.Option(help="Jobs graded at the same time.")] = 1,
) -> None:
    """Grade queued submissions in the sandbox (stop with Ctrl+C; the job in hand finishes)."""
    from mlmath.config import Config
    from mlmath.grading.harness import Grader
    from mlmath.sandbox.launcher import SandboxUnavailable
    from mlmath.services.worker import Worker, grades_for_a_class, worker_name
    from mlmath.store.database import Database, database_url
    from mlmath.store.migrate import upgrade

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    if lease < 1 or poll <= 0 or threads < 1:
        fail("--lease must be at least 1 s, --poll above 0 and --threads at least 1")
    config = Config.from_environment()
    db = Database.from_config(config)
    upgrade(db.write_engine)
    try:
        grader = Grader(
            confinement=config.sandbox,
            pool_size=threads + 1,
            require_full_sandbox=grades_for_a_class(config),
        )
    except SandboxUnavailable as error:
        fail(str(error))
    for warning in grader.warnings:
        typer.echo(f"warning: {warning}", err=True)
    stop = threading.Event()

    def on_signal(number: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {n: signal.signal(n, on_signal) for n in (signal.SIGTERM, signal.SIGINT)}
    workers = [
        Worker(
            db,
            grader,
            name=worker_name(f"t{n}") if threads > 1 else worker_name(),
            lease=timedelta(seconds=lease),
            poll_seconds=poll,
        )
        for n in range(threads)
    ]
    shown = database_url(config).split("@")[-1]
    typer.echo(f"mlmath worker {worker_name()}: grading from {shown} (stop with Ctrl+C)")
    running = [
        threading.Thread(target=w.run, args=(stop,), kwargs={"once": once}, daemon=True)
        for w in workers
    ]
    try:
        for thread in running:
            thread.start()
        while any(thread.is_alive() for thread in running):
            for thread in running:
                thread.join(0.2)
    finally:
        stop.set()
        for number, handler in previous.items():
            signal.signal(number, handler)
        grader.close()
        db.close()
    typer.echo(f"graded {sum(w.graded for w in workers)} submission(s)")
