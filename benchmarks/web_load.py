"""Load on the practice loop: N simulated learners fetch a variant and submit an answer.

One command::

    .venv/bin/python benchmarks/web_load.py            # SQLite and PostgreSQL, 64 learners
    .venv/bin/python benchmarks/web_load.py --database sqlite --seconds 10

Starts ``mlmath serve`` on 127.0.0.1 (multi-user mode, a fresh data folder),
measures the time from start to the first page, signs up the learners, then
runs them for a bounded time through the practice loop (GET the practice panel,
POST an answer, as htmx does) and reports checked answers per second and the
p50/p99 latency of each request, and the CPU time each checked answer costs the
course's processes and the database's (measured from ``/proc``: on a busy machine
throughput varies from run to run, the work per answer much less). For PostgreSQL
it starts its own throwaway server the way the tests do (``tests/fixtures/postgres.py``),
but with fsync on.
The load generator speaks HTTP/1.1 over asyncio streams (keep-alive, no client
library) so that it costs the shared CPU little. Target on a 2-core
machine: >= 500 checked answers/s at p99 <= 100 ms on SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's tests package importable

from tests.fixtures.postgres import PG_BIN, free_port, throwaway_postgres  # noqa: E402

SKILL = "linalg.determinant_2x2"
PASSWORD = "benchmark password 1"


# --- a minimal HTTP/1.1 client ------------------------------------------------------


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, form: dict[str, str] | None = None, htmx: bool = False
    ) -> tuple[int, dict[str, str], str]:
        try:
            return await self._request(method, path, form, htmx)
        except (asyncio.IncompleteReadError, ConnectionError):
            # the server closed an idle keep-alive connection: open a new one, once
            self.close()
            self.writer = None
            return await self._request(method, path, form, htmx)

    async def _request(
        self, method: str, path: str, form: dict[str, str] | None, htmx: bool
    ) -> tuple[int, dict[str, str], str]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        body = urlencode(form).encode() if form is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if htmx:
            lines.append("HX-Request: true")
        if form is not None:
            lines.append("Content-Type: application/x-www-form-urlencoded")
        lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers: dict[str, str] = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                name = name.strip().lower()
                if name == "set-cookie":
                    cookie = value.strip().split(";", 1)[0]
                    key, _, val = cookie.partition("=")
                    self.cookies[key] = val
                headers[name] = value.strip()
        length = int(headers.get("content-length", "0"))
        payload = await self.reader.readexactly(length) if length else b""
        return int(status_line.split()[1]), headers, payload.decode()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def field_value(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    if not found:
        raise RuntimeError(f"no {name} in the page:\n{html[:500]}")
    return found.group(1)


# --- servers ---------------------------------------------------------------------------


def cpu_seconds(root: int) -> float:
    """CPU time used so far by process ``root`` and its living descendants (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        used[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    tree = {root}
    grew = True
    while grew:
        more = {pid for pid, up in parent.items() if up in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(used.get(pid, 0.0) for pid in tree)


def postmaster_pid(url: str) -> int:
    """The PostgreSQL server's main process: the parent of any of its backends."""
    import psycopg
    from sqlalchemy import make_url

    libpq_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq_url) as connection:
        backend = connection.execute("select pg_backend_pid()").fetchone()
    assert backend is not None
    stat = Path(f"/proc/{backend[0]}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])


@contextmanager
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server, durable like a real one; yields the database's URL."""
    with throwaway_postgres(fsync=True) as server:
        yield f"{server}/postgres"


@contextmanager
def mlmath_serve(database_url: str) -> Iterator[tuple[int, float, int]]:
    """Start the course; yields its port, the seconds from start to the first page, and
    its main process's PID."""
    data = Path(tempfile.mkdtemp(prefix="mlmath-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "MLMATH_DATA_DIR": str(data),
        "MLMATH_DATABASE_URL": database_url,
        "MLMATH_MULTI_USER": "on",
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mlmath", "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        import urllib.request

        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("mlmath serve stopped before serving a page") from None
                time.sleep(0.01)
        yield port, time.perf_counter() - started, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


# --- the simulated learners ---------------------------------------------------------------


@dataclass
class Tally:
    fetch: list[float] = field(default_factory=list)
    answer: list[float] = field(default_factory=list)
    errors: int = 0


async def sign_up(port: int, n: int) -> Connection:
    c = Connection(port)
    _, _, page = await c.request("GET", "/signup")
    form = {
        "username": f"learner{n}",
        "password": PASSWORD,
        "csrf_token": field_value(page, "csrf_token"),
    }
    status, _, _ = await c.request("POST", "/signup", form)
    if status != 303:
        raise RuntimeError(f"sign-up failed with HTTP {status}")
    return c


async def learner(c: Connection, until: float, measuring_from: float, tally: Tally) -> None:
    rng = random.Random()
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        status, _, panel = await c.request("GET", f"/practice/{SKILL}/panel", htmx=True)
        t1 = time.perf_counter()
        if status != 200:
            tally.errors += 1
            continue
        form = {
            "csrf_token": field_value(panel, "csrf_token"),
            "ref": field_value(panel, "ref"),
            "key": field_value(panel, "key"),
            "response": str(rng.randint(-20, 20)),
        }
        status, _, _ = await c.request("POST", f"/practice/{SKILL}/answer", form, htmx=True)
        t2 = time.perf_counter()
        if status != 200:
            tally.errors += 1
            continue
        if t0 >= measuring_from:
            tally.fetch.append(t1 - t0)
            tally.answer.append(t2 - t1)
        if rng.random() < 0.3:  # move on to a new variant now and then
            await c.request(
                "POST",
                f"/practice/{SKILL}/another",
                {"csrf_token": form["csrf_token"], "ref": form["ref"]},
                htmx=True,
            )


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run_load(
    port: int, learners: int, seconds: float, warmup: float, processes: dict[str, int]
) -> dict[str, float]:
    """Run the learners; ``processes`` names the PIDs whose CPU time per answer to report."""
    semaphore = asyncio.Semaphore(8)

    async def one(n: int) -> Connection:
        async with semaphore:
            return await sign_up(port, n)

    connections = await asyncio.gather(*(one(n) for n in range(learners)))
    tally = Tally()
    start = time.perf_counter()
    measuring_from = start + warmup
    until = measuring_from + seconds
    load = asyncio.gather(*(learner(c, until, measuring_from, tally) for c in connections))
    await asyncio.sleep(warmup)
    cpu_before = {name: cpu_seconds(pid) for name, pid in processes.items()}
    await asyncio.sleep(max(0.0, until - time.perf_counter()))
    cpu_after = {name: cpu_seconds(pid) for name, pid in processes.items()}
    await load
    for c in connections:
        c.close()
    ms = 1000
    return {
        "answers_per_second": len(tally.answer) / seconds,
        "answer_p50_ms": percentile(tally.answer, 0.50) * ms,
        "answer_p99_ms": percentile(tally.answer, 0.99) * ms,
        "fetch_p50_ms": percentile(tally.fetch, 0.50) * ms,
        "fetch_p99_ms": percentile(tally.fetch, 0.99) * ms,
        "loop_p99_ms": percentile(
            [a + f for a, f in zip(tally.answer, tally.fetch, strict=True)], 0.99
        )
        * ms,
        "errors": tally.errors,
        **{
            f"cpu_{name}_ms": (cpu_after[name] - cpu_before[name]) / max(1, len(tally.answer)) * ms
            for name in processes
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--learners", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    args = parser.parse_args()
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    rates: dict[str, float] = {}
    for kind in kinds:
        if kind == "postgres" and not (PG_BIN / "initdb").exists():
            print("postgres: skipped (PostgreSQL is not installed)")
            continue
        with (
            postgres() if kind == "postgres" else _nothing() as url,
            mlmath_serve(url) as (port, first_page, server),
        ):
            processes = {"app": server}
            if kind == "postgres":
                processes["database"] = postmaster_pid(url)
            result = asyncio.run(
                run_load(port, args.learners, args.seconds, args.warmup, processes)
            )
        rates[kind] = result["answers_per_second"]
        print(
            f"{kind:8} first page {first_page:.2f} s after start | {args.learners} learners, "
            f"{args.seconds:.0f} s: {result['answers_per_second']:.0f} checked answers/s, "
            f"answer p50 {result['answer_p50_ms']:.1f} ms p99 {result['answer_p99_ms']:.1f} ms, "
            f"fetch p50 {result['fetch_p50_ms']:.1f} ms p99 {result['fetch_p99_ms']:.1f} ms, "
            f"errors {result['errors']}"
        )
        cpu = ", ".join(f"{name} {result[f'cpu_{name}_ms']:.2f} ms" for name in processes)
        print(f"{'':8} CPU time per checked answer: {cpu}")
    if len(rates) == 2 and rates["sqlite"]:
        print(
            f"postgres / sqlite: {rates['postgres'] / rates['sqlite']:.2f} of the checked "
            "answers per second (same machine, same run)"
        )


@contextmanager
def _nothing() -> Iterator[str]:
    yield ""


if __name__ == "__main__":
    main()
