"""``mlmath serve``: the web course on this machine, on SQLite unless told otherwise.

With ``--workers N`` above 1 (the default for a class on a machine with several
cores) the server forks N worker processes after loading the code once, so each
starts in milliseconds, and they listen on one port (on Linux each on its own
socket, so that the kernel spreads connections evenly). The database is
migrated once, before the fork; only the first worker runs the in-process
grading workers. A worker that dies is replaced; Ctrl+C or SIGTERM stops them
all, each finishing the requests it has in hand. Where ``fork`` is missing
(Windows) the server runs in one process.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlmath import collector

if TYPE_CHECKING:
    from mlmath.config import Config

MAX_DEFAULT_WORKERS = 4
SWITCH_INTERVAL_WITH_DATABASE_THREADS = 0.001
"""Seconds the event loop may hold Python's GIL while a database thread waits for it.

PostgreSQL's reads and group commits wait on the network in database threads, and every
round trip ends with the thread asking for the GIL, which a busy event loop gives up
only once per switch interval (5 ms by default): a group commit of 30 answers is 60 such
waits. At 1 ms the answer p99 of ``benchmarks/web_load.py`` on PostgreSQL fell from
94–108 ms to 89–92 ms at the same throughput. SQLite's work runs on the loop itself."""
QUICK_FAILURE_SECONDS = 5.0
"""A worker that fails this soon after its start is not replaced (it would fail again)."""


def default_workers(multi_user: bool) -> int:
    """One process for a single learner; one per core (at most 4) for a class."""
    if not multi_user or not hasattr(os, "fork"):
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            help="Server processes; 0 means one for a single learner and one per core "
            "(at most 4) with accounts on.",
        ),
    ] = 0,
) -> None:
    """Start the web course at http://HOST:PORT (creates the database on first run)."""
    from mlmath.config import Config
    from mlmath.web.site import multi_user_for

    config = Config.from_environment()
    multi_user = multi_user_for(config, host)
    processes = workers or default_workers(multi_user)
    if not hasattr(os, "fork"):
        processes = 1
    mode = "accounts and log-in" if multi_user else "single learner, no log-in"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"mlmath: the course is at http://{shown}:{port}/ ({mode}). Stop with Ctrl+C.")
    if processes == 1:
        from mlmath.web.app import create_app

        _run(create_app(config, host=host), host, port)
    else:
        _run_forked(config, host, port, processes)


def _uvicorn_config(app: Any, host: str, port: int) -> Any:
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


def _run(app: Any, host: str, port: int, sockets: list[socket.socket] | None = None) -> None:
    import uvicorn

    # Everything loaded so far (skills, course, templates) lives as long as the server:
    # moved out of the collector's reach, it is no longer traversed by every full
    # collection, which under load were the longest pauses (p99 of the practice loop
    # ~150 → ~100 ms in benchmarks/web_load.py).
    collector.settle()
    if not app.state.site.db.is_sqlite:
        sys.setswitchinterval(SWITCH_INTERVAL_WITH_DATABASE_THREADS)
    uvicorn.Server(_uvicorn_config(app, host, port)).run(sockets=sockets)


SPREAD_BY_KERNEL = sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT")
"""Whether each worker listens on a socket of its own, bound to the same port, and the
kernel spreads new connections evenly among them (``SO_REUSEPORT``). On one shared
socket, the worker that woke first took every connection waiting: under load one
worker ran flat out while the other idled (connections 24 / 46, CPU 61 % / 100 %)."""


def _bound_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port``, not yet listening. The parent's own copy only
    holds the port; with :data:`SPREAD_BY_KERNEL` it never listens, so no connection
    waits on it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family=family)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if SPREAD_BY_KERNEL:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _run_forked(config: Config, host: str, port: int, processes: int) -> None:
    """Load and migrate once, then fork ``processes`` workers that listen on one port."""
    # The processes count requests for /metrics in one folder, so that a scrape answered
    # by any of them adds up all.
    from mlmath import metrics

    folder = tempfile.mkdtemp(prefix="mlmath-metrics-")
    metrics.share_counts(Path(folder))
    try:
        _run_forked_counted(config, host, port, processes)
    finally:  # workers leave by os._exit: only the parent comes here
        shutil.rmtree(folder, ignore_errors=True)


def _run_forked_counted(config: Config, host: str, port: int, processes: int) -> None:
    from mlmath.store.database import Database
    from mlmath.store.migrate import upgrade
    from mlmath.web import app as web_app
    from mlmath.web.site import load_skills

    load_skills()  # imported once here, shared by every worker
    collector.settle()  # and kept out of the collector, so that its pages stay shared after fork
    db = Database.from_config(config)
    try:
        upgrade(db.write_engine)
    finally:
        db.close()
    try:
        listener = _bound_socket(host, port)
    except OSError as error:
        typer.echo(f"mlmath: cannot listen on {host} port {port}: {error.strerror}", err=True)
        raise typer.Exit(1) from None
    port = listener.getsockname()[1]
    children: dict[int, tuple[int, float]] = {}
    stopping = False
    parent = os.getpid()

    def start(index: int) -> None:
        pid = os.fork()
        if pid:
            children[pid] = (index, time.monotonic())
            return
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            threading.Thread(target=_stop_with, args=(parent,), daemon=True).start()
            # Only the first worker grades assignments in process.
            own = config if index == 0 else replace(config, grading_workers=0)
            own_listener = _bound_socket(host, port) if SPREAD_BY_KERNEL else listener
            _run(web_app.create_app(own, host=host), host, port, sockets=[own_listener])
        except BaseException:  # a worker's failure is reported here and ends only it
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def stop(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    failed = False
    for index in range(processes):
        start(index)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        index, started = children.pop(pid, (-1, 0.0))
        if index < 0 or stopping:
            continue
        code = os.waitstatus_to_exitcode(status)
        if code != 0 and time.monotonic() - started < QUICK_FAILURE_SECONDS:
            typer.echo(f"mlmath: a server process failed at start ({code}); stopping", err=True)
            stop(signal.SIGTERM, None)
            failed = True
            continue
        typer.echo(f"mlmath: server process {pid} stopped ({code}); starting another", err=True)
        start(index)
    listener.close()
    if failed:
        raise typer.Exit(1)


def _stop_with(parent: int) -> None:
    """Stop this worker when the process that started it is gone."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)
