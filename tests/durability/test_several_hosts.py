"""Two app servers and two grading workers, each on a test host of its own (a network
namespace joined to this machine by a veth pair), sharing one PostgreSQL.

Learners are spread over both servers and practise (answers) and hand in an assignment
(submissions) under a bounded load: a fixed time and at most a fixed count each. In the
middle, one app server and one worker are killed with SIGKILL, each by its own process id,
the worker while it holds a job. A learner whose server stops answering goes on against
the other one with the same session cookie, as behind a reverse proxy, and sends the
request in flight again with the same idempotency key (as a browser's retry does). Then:
every acknowledged answer and submission is in the database exactly once (and nothing
else), the dead worker's jobs were graded by the other worker once their lease ran out,
every submission has one grade, and every learner went on against the surviving server.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from tests.durability.conftest import wait_for
from tests.fixtures.hosts import Host, hosts_unavailable, new_hosts
from tests.fixtures.postgres import PG_BIN, throwaway_postgres

from mlmath.grading.spec import ASSIGNMENTS
from mlmath.sandbox.launcher import find_bwrap
from mlmath.store.grading import Grade, GradingJob, JobState, Submission
from mlmath.store.models import Attempt, Learner

pytestmark = [pytest.mark.postgres, pytest.mark.hosts, pytest.mark.sandbox, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PORT = 8000  # every host has its own network: both servers listen on the same port
SKILL = "linalg.determinant_2x2"
ASSIGNMENT = "c1w2-linear-systems"
PASSWORD = "several hosts password 1"
SECRET = "a secret shared by the app servers of the test"
LEASE = 2.0  # seconds: a dead worker's job is free again soon after it died

LEARNERS = 8
LOAD_SECONDS = 12.0  # the load stops after this long ...
MAX_ANSWERS = 120  # ... or after this many answers from a learner, whichever comes first
SUBMIT_EVERY = 20  # a learner hands in the assignment after every so many answers
THINK_SECONDS = 0.1  # between a learner's answers
KILL_AFTER = 3.0  # seconds into the load, at the earliest
REQUEST_TIMEOUT = 15.0
# The reference solution, slow to load (sleeping costs no CPU): a worker holds its job a while.
SLOW = "\nimport time\n\ntime.sleep(1.0)\n"


# --- the test hosts, the database and the processes -------------------------------------

# Killed when the test's process dies, so that a run killed midway leaves no server behind
# in a test host (``setpriv`` and ``ip netns exec`` each replace themselves with the next
# command: the process started is still mlmath's own).
DIE_WITH_THE_TEST = ["setpriv", "--pdeathsig", "KILL"] if shutil.which("setpriv") else []


@pytest.fixture
def hosts() -> Iterator[list[Host]]:
    """Four hosts: two app servers, two grading workers."""
    reason = hosts_unavailable()
    if reason:
        pytest.skip(reason)
    if find_bwrap() is None:
        pytest.skip("the grading workers need bubblewrap; scripts/setup-system installs it")
    with new_hosts(4) as made:
        yield made


@pytest.fixture
def postgres_for(hosts: list[Host]) -> Iterator[str]:
    """A throwaway PostgreSQL listening on loopback and on the root side of every host's
    veth pair; yields its URL without host and database (``…@{host}:{port}``)."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL is not installed; scripts/setup-system installs it")
    with throwaway_postgres(
        addresses=["127.0.0.1", *(h.gateway for h in hosts)],
        clients=[h.network for h in hosts],
    ) as url:
        yield url.replace("@127.0.0.1:", "@{host}:") + "/postgres"


class Fleet:
    """The processes of the test, each started on its host; all stopped at the end."""

    def __init__(self, folder: Path, database: str) -> None:
        self.folder = folder
        self.database = database
        self.started: dict[str, subprocess.Popen[bytes]] = {}

    def start(
        self, name: str, host: Host, arguments: list[str], **extra: str
    ) -> subprocess.Popen[bytes]:
        data = self.folder / name
        data.mkdir()
        env = {
            **os.environ,
            "MLMATH_DATA_DIR": str(data),
            "MLMATH_DATABASE_URL": self.database.format(host=host.gateway),
            "MLMATH_SECRET_KEY": SECRET,
            "MLMATH_MULTI_USER": "on",
            **extra,
        }
        with (self.folder / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [*DIE_WITH_THE_TEST, *host.command([sys.executable, "-m", "mlmath", *arguments])],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.started[name] = process
        return process

    def server(self, name: str, host: Host) -> subprocess.Popen[bytes]:
        arguments = ["serve", "--host", host.address, "--port", str(PORT), "--workers", "1"]
        return self.start(name, host, arguments, MLMATH_GRADING_WORKERS="0")

    def worker(self, name: str, host: Host) -> subprocess.Popen[bytes]:
        arguments = ["worker", "--lease", str(LEASE), "--poll", "0.1"]
        return self.start(name, host, arguments, MLMATH_SANDBOX="bubblewrap")

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def running(self, name: str) -> None:
        if self.started[name].poll() is not None:
            raise AssertionError(f"{name} stopped:\n{self.log(name)}")

    def server_ready(self, name: str, host: Host) -> bool:
        self.running(name)
        try:
            reply = httpx.get(f"http://{host.address}:{PORT}/healthz", timeout=1)
        except httpx.TransportError:
            return False
        return reply.status_code == 200 and self.on_its_host(name)

    def worker_ready(self, name: str) -> bool:
        self.running(name)
        return "grading from" in self.log(name) and self.on_its_host(name)

    def on_its_host(self, name: str) -> bool:
        """The process started is mlmath itself (so that its pid is the one to kill), in a
        network namespace other than this one."""
        pid = self.started[name].pid
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert command[1:3] == [b"-m", b"mlmath"], command
        assert os.readlink(f"/proc/{pid}/ns/net") != os.readlink("/proc/self/ns/net")
        return True

    def stop_all(self) -> None:
        for process in self.started.values():
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.started.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def fleet(tmp_path: Path, postgres_for: str) -> Iterator[Fleet]:
    started = Fleet(tmp_path, postgres_for)
    yield started
    started.stop_all()


# --- learners: a small HTTP/1.1 client that fails over like a reverse proxy ---------------


class ServerGone(Exception):
    """Neither server answered."""


class Browser:
    """One learner's browser behind a proxy: one cookie jar for the site; requests go to
    the learner's server, and to the other one once it stops answering."""

    def __init__(self, servers: list[str], first: int) -> None:
        self.servers = servers
        self.current = first
        self.cookies: dict[str, str] = {}
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.failed_over_at: float | None = None
        self.resent = 0
        """Requests sent again (their server died with them in hand, or before)."""

    async def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str, int]:
        """Status, headers, body and which server answered. A request that got no answer
        (the server died with it in hand) is sent again: to the same server on a fresh
        connection once, then to the other one."""
        for attempt in range(3):
            try:
                answer = await asyncio.wait_for(
                    self._request(method, path, form), timeout=REQUEST_TIMEOUT
                )
                return (*answer, self.current)
            except (TimeoutError, OSError, asyncio.IncompleteReadError):
                self.close()
                self.resent += 1
                if attempt == 1:
                    self.current = 1 - self.current
                    self.failed_over_at = time.monotonic()
        raise ServerGone(f"{method} {path}: no server answered")

    async def _request(
        self, method: str, path: str, form: dict[str, str] | None
    ) -> tuple[int, dict[str, str], str]:
        host = self.servers[self.current]
        if self.streams is None:
            self.streams = await asyncio.open_connection(host, PORT)
        reader, writer = self.streams
        body = urlencode(form).encode() if form is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{PORT}", "HX-Request: true"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            lines.append("Content-Type: application/x-www-form-urlencoded")
        lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers: dict[str, str] = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                key, _, cookie = value.split(";", 1)[0].partition("=")
                self.cookies[key] = cookie
            headers[name] = value
        length = int(headers.get("content-length", "0"))
        payload = await reader.readexactly(length) if length else b""
        if headers.get("connection", "").lower() == "close":
            self.close()
        return int(status_line.split()[1]), headers, payload.decode()

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


def field_value(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    if not found:
        raise AssertionError(f"no {name} in the page:\n{html[:500]}")
    return found.group(1)


@dataclass
class Acknowledged:
    """What the servers acknowledged."""

    answers: list[tuple[str, str, int, float]] = field(default_factory=list)
    """(learner, key, server, when it was sent)"""
    submissions: list[tuple[str, str, int, int]] = field(default_factory=list)
    """(learner, key, server, submission id)"""


@dataclass
class Kills:
    at: float = 0.0
    jobs_in_hand: list[int] = field(default_factory=list)


async def sign_up(browser: Browser, username: str) -> None:
    status, _, page, _ = await browser.request("GET", "/signup")
    assert status == 200, page
    form = {
        "username": username,
        "password": PASSWORD,
        "csrf_token": field_value(page, "csrf_token"),
    }
    status, _, page, _ = await browser.request("POST", "/signup", form)
    assert status == 303, page


async def hand_in(
    browser: Browser, username: str, key: str, source: str, seen: Acknowledged
) -> int:
    """Submit the assignment; returns the submission's number once acknowledged."""
    _, _, page, _ = await browser.request("GET", f"/assignments/{ASSIGNMENT}")
    form = {"csrf_token": field_value(page, "csrf_token"), "idempotency_key": key, "source": source}
    path = f"/assignments/{ASSIGNMENT}/submissions"
    status, headers, page, server = await browser.request("POST", path, form)
    assert status == 303, page
    found = re.fullmatch(rf"/assignments/{ASSIGNMENT}/submissions/(\d+)", headers["location"])
    assert found, headers
    seen.submissions.append((username, key, server, int(found.group(1))))
    return int(found.group(1))


async def learner(browser: Browser, username: str, until: float, seen: Acknowledged) -> None:
    rng = random.Random(username)
    source = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_text()
    answered = 0
    while answered < MAX_ANSWERS and time.monotonic() < until:
        status, _, panel, _ = await browser.request("GET", f"/practice/{SKILL}/panel")
        assert status == 200, panel
        form = {
            "csrf_token": field_value(panel, "csrf_token"),
            "ref": field_value(panel, "ref"),
            "key": field_value(panel, "key"),
            "response": str(rng.randint(-20, 20)),
        }
        sent_at = time.monotonic()
        status, _, page, server = await browser.request("POST", f"/practice/{SKILL}/answer", form)
        assert status == 200, page
        seen.answers.append((username, form["key"], server, sent_at))
        answered += 1
        if answered % SUBMIT_EVERY == 2:
            await hand_in(browser, username, f"{username}-{answered}", source, seen)
        elif rng.random() < 0.3:  # on to a new variant now and then
            another = {"csrf_token": form["csrf_token"], "ref": form["ref"]}
            status, _, page, _ = await browser.request(
                "POST", f"/practice/{SKILL}/another", another
            )
            assert status == 200, page
        await asyncio.sleep(THINK_SECONDS * rng.uniform(0.5, 1.5))


def named_after(worker: str, pid: int) -> bool:
    """Whether a job's worker name (``host:pid`` or ``host:pid:thread``) names ``pid``."""
    return re.search(rf":{pid}(:|$)", worker) is not None


def job_of(engine: Engine, submission: int) -> tuple[str, str]:
    """The state of the submission's job and the worker that claimed it."""
    with engine.connect() as connection:
        state, worker = connection.execute(
            select(GradingJob.state, GradingJob.worker).where(
                GradingJob.submission_id == submission
            )
        ).one()
    return state, worker


def jobs_held_by(engine: Engine, pid: int) -> list[int]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(GradingJob.id, GradingJob.worker).where(GradingJob.state == JobState.RUNNING)
        ).all()
    return [job for job, worker in rows if named_after(worker, pid)]


async def kill_in_the_middle(
    browser: Browser, engine: Engine, fleet: Fleet, seen: Acknowledged, kills: Kills
) -> None:
    """A while into the load, hand in slow submissions until the first worker claims one
    (it holds it a second at least), then SIGKILL that worker and the first app server.
    The jobs the worker held at its death are read after it, before their lease ran out."""
    await asyncio.sleep(KILL_AFTER)
    worker = fleet.started["worker-a"]
    source = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_text() + SLOW
    for attempt in range(10):
        number = await hand_in(browser, "slowpoke", f"slowpoke-{attempt}", source, seen)
        started = time.monotonic()
        while (job := await asyncio.to_thread(job_of, engine, number))[0] == JobState.QUEUED:
            assert time.monotonic() - started < 10, "no worker claimed the slow submission"
            await asyncio.sleep(0.02)
        if job[0] == JobState.RUNNING and named_after(job[1], worker.pid):
            break
    else:
        raise AssertionError("the first worker never claimed a slow submission")
    worker.send_signal(signal.SIGKILL)
    fleet.started["server-a"].send_signal(signal.SIGKILL)
    kills.at = time.monotonic()
    await asyncio.to_thread(worker.wait)
    kills.jobs_in_hand = await asyncio.to_thread(jobs_held_by, engine, worker.pid)
    assert kills.jobs_in_hand, "the first worker held no job at its death"


async def run_load(
    servers: list[str], engine: Engine, fleet: Fleet
) -> tuple[Acknowledged, Kills, list[Browser]]:
    seen, kills = Acknowledged(), Kills()
    names = [f"learner{n}" for n in range(LEARNERS)]
    browsers = [Browser(servers, n % 2) for n in range(LEARNERS)]
    slowpoke = Browser(servers, 1)  # hands in the slow submissions, on the server that stays
    await asyncio.gather(
        sign_up(slowpoke, "slowpoke"),
        *(sign_up(b, name) for b, name in zip(browsers, names, strict=True)),
    )
    until = time.monotonic() + LOAD_SECONDS
    await asyncio.gather(
        kill_in_the_middle(slowpoke, engine, fleet, seen, kills),
        *(learner(b, name, until, seen) for b, name in zip(browsers, names, strict=True)),
    )
    for browser in (*browsers, slowpoke):
        browser.close()
    return seen, kills, browsers


# --- the test -----------------------------------------------------------------------------


def test_servers_and_workers_on_several_hosts_survive_a_kill(
    hosts: list[Host], fleet: Fleet, postgres_for: str
) -> None:
    app_a, app_b, worker_a, worker_b = hosts
    began = time.monotonic()
    fleet.server("server-a", app_a)
    fleet.server("server-b", app_b)
    fleet.worker("worker-a", worker_a)
    fleet.worker("worker-b", worker_b)
    engine = create_engine(postgres_for.format(host="127.0.0.1"))
    try:
        for name, host in (("server-a", app_a), ("server-b", app_b)):
            wait_for(f"{name} to answer", partial(fleet.server_ready, name, host), timeout=60)
        for name in ("worker-a", "worker-b"):
            wait_for(f"{name} to start", partial(fleet.worker_ready, name), timeout=60)
        started = time.monotonic() - began

        servers = [app_a.address, app_b.address]
        seen, kills, browsers = asyncio.run(run_load(servers, engine, fleet))
        loaded = time.monotonic() - began
        dead_worker = fleet.started["worker-a"].pid
        survivor = fleet.started["worker-b"].pid
        assert fleet.started["server-a"].wait(timeout=10) == -signal.SIGKILL
        assert fleet.started["worker-a"].wait(timeout=10) == -signal.SIGKILL

        wait_for("every submission to be graded", lambda: all_done(engine), timeout=40)
        graded = time.monotonic() - began
        check_database(engine, seen, kills, dead_worker, survivor)
        check_learners_carried_on(seen, kills, browsers)
        phases = {"started": started, "load done": loaded, "all graded": graded}
        report(seen, kills, browsers, phases)
    finally:
        engine.dispose()


def all_done(engine: Engine) -> bool:
    with engine.connect() as connection:
        states = connection.execute(select(GradingJob.state).distinct()).scalars().all()
    return set(states) <= {JobState.DONE}


def check_database(
    engine: Engine, seen: Acknowledged, kills: Kills, dead_worker: int, survivor: int
) -> None:
    with engine.connect() as connection:
        ids = dict(connection.execute(select(Learner.username, Learner.id)).all())
        attempts = connection.execute(select(Attempt.idempotency_key, Attempt.learner_id)).all()
        submissions = connection.execute(
            select(Submission.idempotency_key, Submission.id, Submission.learner_id)
        ).all()
        jobs = connection.execute(
            select(GradingJob.id, GradingJob.state, GradingJob.attempts, GradingJob.worker)
        ).all()
        grades = connection.execute(select(Grade.submission_id, Grade.score, Grade.max_score)).all()
        per_submission = dict(
            connection.execute(
                select(Grade.submission_id, func.count()).group_by(Grade.submission_id)
            ).all()
        )

    # Every acknowledged answer is stored once, under its learner; nothing else is stored.
    acknowledged = {key: ids[name] for name, key, _, _ in seen.answers}
    assert len(acknowledged) == len(seen.answers), "a key was acknowledged twice"
    stored = [key for key, _ in attempts]
    assert len(stored) == len(set(stored))
    assert dict(attempts) == acknowledged

    # The same for submissions; each has its one job, done, and its one full grade.
    # (The acknowledgement names the stored submission; each key makes its own.)
    handed_in = {number: ids[name] for name, _, _, number in seen.submissions}
    assert len({key for _, key, _, _ in seen.submissions}) == len(handed_in)
    assert len(handed_in) == len(seen.submissions)
    assert {number: learner for _, number, learner in submissions} == handed_in
    assert len({key for key, _, _ in submissions}) == len(submissions)
    assert len(jobs) == len(submissions)
    assert {state for _, state, _, _ in jobs} == {JobState.DONE}
    assert sorted(per_submission) == sorted(number for _, number, _ in submissions)
    assert set(per_submission.values()) == {1}
    assert all(score == top > 0 for _, score, top in grades)

    # The jobs the dead worker held were taken again, after their lease, by the other.
    by_id = {job: (attempts_made, worker) for job, _, attempts_made, worker in jobs}
    for job in kills.jobs_in_hand:
        attempts_made, worker = by_id[job]
        assert attempts_made >= 2, (job, attempts_made)
        assert named_after(worker, survivor), (job, worker)


def check_learners_carried_on(seen: Acknowledged, kills: Kills, browsers: list[Browser]) -> None:
    after = [(name, server) for name, _, server, when in seen.answers if when > kills.at]
    # Every learner had answers acknowledged that were sent after the kills, all by the
    # surviving server.
    assert {name for name, _ in after} == {f"learner{n}" for n in range(LEARNERS)}
    assert {server for _, server in after} == {1}
    # The first server's learners moved over (with the same session), the others stayed.
    moved = {n for n, b in enumerate(browsers) if b.failed_over_at is not None}
    assert moved == set(range(0, LEARNERS, 2))


def report(
    seen: Acknowledged, kills: Kills, browsers: list[Browser], phases: dict[str, float]
) -> None:
    before = sum(1 for *_, when in seen.answers if when <= kills.at)
    handed_in = sum(1 for *_, number in seen.submissions)
    timeline = ", ".join(f"{what} at {seconds:.1f} s" for what, seconds in phases.items())
    print(
        f"\nseveral hosts: {len(seen.answers)} answers acknowledged ({before} before the kills, "
        f"{len(seen.answers) - before} after), {handed_in} submissions, 2 kills (server-a; "
        f"worker-a holding job(s) {kills.jobs_in_hand}), "
        f"{sum(b.resent for b in browsers)} request(s) sent again; {timeline}"
    )
