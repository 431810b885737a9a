"""Grading workers: claim a job, grade it in the sandbox, store the one grade.

A :class:`Worker` runs in ``mlmath worker`` (scaled out: many processes on many
machines against one PostgreSQL database) or as threads inside the web server
(:class:`InProcessWorkers`, the SQLite default). While it grades, a small thread
renews the lease; if the worker dies, the lease runs out and another worker
takes the job again (see :mod:`mlmath.services.grading_jobs`).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from mlmath import metrics
from mlmath.config import Config
from mlmath.grading.harness import Grader
from mlmath.grading.results import GradingResult, Status
from mlmath.grading.spec import UnknownAssignment
from mlmath.grading.submission import Submission, SubmissionError, read_notebook, read_python
from mlmath.services import grading_jobs
from mlmath.services.grading_jobs import Claim
from mlmath.store.database import Database

log = logging.getLogger("mlmath.worker")

DEFAULT_POLL_SECONDS = 0.5


def grades_for_a_class(config: Config) -> bool:
    """Whether grading serves several people (accounts on, or a shared PostgreSQL database):
    then only the full sandbox will do, and start-up fails closed without it."""
    shared = bool(config.database_url) and not config.database_url.startswith("sqlite")
    return config.multi_user == "on" or shared


def worker_name(suffix: str = "") -> str:
    return f"{socket.gethostname()}:{os.getpid()}{':' + suffix if suffix else ''}"


def _parse(held: Claim) -> Submission:
    data = held.content.encode("utf-8")
    return read_notebook(data) if held.kind == "ipynb" else read_python(data)


def _unreadable(held: Claim, error: SubmissionError) -> GradingResult:
    """A stored file the reader now refuses is the learner's to fix: a zero, with the reason."""
    result = GradingResult(held.assignment_id, Status.GRADED, seed=held.seed)
    result.notes.append(str(error))
    return result


class Worker:
    """Grades jobs from the queue, one at a time."""

    def __init__(
        self,
        db: Database,
        grader: Grader,
        *,
        name: str | None = None,
        lease: timedelta = grading_jobs.DEFAULT_LEASE,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
    ) -> None:
        self.db = db
        self.grader = grader
        self.name = name or worker_name()
        self.lease = lease
        self.poll_seconds = poll_seconds
        self.graded = 0
        self.stale = 0

    def run_once(self) -> bool:
        """Claim and grade one job; False when the queue had nothing due."""
        held = grading_jobs.claim(self.db, self.name, lease=self.lease)
        if held is None:
            return False
        log.info(
            "job %s (attempt %s): grading submission %s",
            held.job_id,
            held.attempt,
            held.submission_id,
        )
        started = time.perf_counter()
        stop_renewing = threading.Event()
        renewer = threading.Thread(
            target=self._renew, args=(held, stop_renewing), name="mlmath-lease", daemon=True
        )
        renewer.start()
        try:
            outcome = self._grade(held)
        finally:
            stop_renewing.set()
            renewer.join()
        if isinstance(outcome, str):
            accepted = grading_jobs.retry_later(self.db, held, outcome)
        else:
            accepted = grading_jobs.finish(self.db, held, outcome)
        if not accepted:
            result = "stale"
        elif isinstance(outcome, str):
            result = "retry"
        else:
            result = "graded"
        metrics.count_grading(result, time.perf_counter() - started)
        if accepted:
            self.graded += isinstance(outcome, GradingResult)
        else:
            self.stale += 1
            log.warning(
                "job %s attempt %s was taken over; its result is dropped",
                held.job_id,
                held.attempt,
            )
        return True

    def _grade(self, held: Claim) -> GradingResult | str:
        """The result, or (for our own failures) the reason to retry."""
        try:
            submission = _parse(held)
        except SubmissionError as error:
            return _unreadable(held, error)
        try:
            result = self.grader.grade(held.assignment_id, submission, seed=held.seed)
        except UnknownAssignment as error:
            return f"the assignment cannot be loaded: {error}"
        except Exception as error:  # our own failure, whatever it is: retry, never a zero
            log.exception("grading job %s failed", held.job_id)
            return f"{type(error).__name__}: {error}"
        if result.status is Status.ERROR:
            return "the sandbox failed: " + "; ".join(result.notes)
        return result

    def _renew(self, held: Claim, stop: threading.Event) -> None:
        interval = max(0.05, self.lease.total_seconds() / 3)
        while not stop.wait(interval):
            try:
                if not grading_jobs.renew(self.db, held, lease=self.lease):
                    return
            except Exception:  # the database may be briefly away; the lease covers it
                log.exception("could not renew the lease of job %s", held.job_id)

    def run(self, stop: threading.Event, *, once: bool = False) -> None:
        """Work until ``stop`` is set (or, with ``once``, until the queue is empty)."""
        while not stop.is_set():
            try:
                worked = self.run_once()
            except Exception:  # the database went away: wait and try again
                log.exception("worker %s: could not reach the queue", self.name)
                worked = False
                stop.wait(min(5.0, self.poll_seconds * 4))
            if not worked:
                if once:
                    return
                stop.wait(self.poll_seconds)


class InProcessWorkers:
    """``MLMATH_GRADING_WORKERS`` workers as threads of the web server, sharing one grader.

    The grader starts in the background (its self-test takes a moment), so the
    server answers at once; until it is ready, submissions simply wait in the queue.
    """

    def __init__(
        self,
        db: Database,
        count: int,
        *,
        confinement: str = "auto",
        require_full_sandbox: bool = False,
        lease: timedelta = grading_jobs.DEFAULT_LEASE,
    ) -> None:
        self.db = db
        self.count = count
        self.confinement = confinement
        self.require_full_sandbox = require_full_sandbox
        self.lease = lease
        self.stop_event = threading.Event()
        self.grader: Grader | None = None
        self.problem = ""
        """Why grading cannot run here (shown to instructors), empty when all is well."""
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        if self.count <= 0:
            return
        thread = threading.Thread(target=self._main, name="mlmath-grading", daemon=True)
        thread.start()
        self._threads.append(thread)

    def _main(self) -> None:
        try:
            self.grader = Grader(
                confinement=self.confinement,
                pool_size=self.count + 1,
                require_full_sandbox=self.require_full_sandbox,
            )
        except Exception as error:
            self.problem = f"grading is not available on this server: {error}"
            log.error("%s", self.problem)
            return
        workers = [
            Worker(self.db, self.grader, name=worker_name(f"t{n}"), lease=self.lease)
            for n in range(self.count)
        ]
        threads = [
            threading.Thread(target=w.run, args=(self.stop_event,), name=f"mlmath-worker-{n}")
            for n, w in enumerate(workers)
        ]
        for thread in threads:
            thread.daemon = True
            thread.start()
        self._threads += threads
        for thread in threads:
            thread.join()

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        for thread in self._threads:
            thread.join(timeout)
        if self.grader is not None:
            self.grader.close()
