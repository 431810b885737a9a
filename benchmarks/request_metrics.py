"""What counting a request for /metrics costs: a trivial Starlette route called in process,
bare and behind :class:`mlmath.metrics.RequestMetrics`, and, for reference in the same run,
the same counter and histogram kept with ``prometheus_client``'s own metric objects (in
one process and in its multi-process mode).

One command::

    .venv/bin/python benchmarks/request_metrics.py

Prints the best of five runs per case, in microseconds per request.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, Router

from mlmath.metrics import RequestMetrics

REQUESTS = 20_000
ROUNDS = 5


async def endpoint(request: Request) -> Response:
    return Response("x")


async def per_request(app: Any, n: int) -> float:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/practice/a",
        "raw_path": b"/practice/a",
        "query_string": b"",
        "headers": [],
        "root_path": "",
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        pass

    started = time.perf_counter()
    for _ in range(n):
        await app(dict(scope), receive, send)
    return (time.perf_counter() - started) / n


def prometheus_client_objects() -> float:
    """The same two updates per request with prometheus_client's Counter and Histogram
    (run in a fresh interpreter, so that its multi-process mode can be chosen)."""
    from prometheus_client import CollectorRegistry, Counter, Histogram

    registry = CollectorRegistry()
    counter = Counter("r", "r", ("route", "method", "status"), registry=registry)
    histogram = Histogram("d", "d", ("route",), registry=registry)
    best = 1.0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(REQUESTS):
            counter.labels("/practice/{skill_id}", "GET", "200").inc()
            histogram.labels("/practice/{skill_id}").observe(0.003)
        best = min(best, (time.perf_counter() - started) / REQUESTS)
    return best


def in_fresh_interpreter(multiprocess: bool) -> float:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as folder:
        if multiprocess:
            env["PROMETHEUS_MULTIPROC_DIR"] = folder
        out = subprocess.run(
            [sys.executable, __file__, "--prometheus-client-objects"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return float(out)


async def main() -> None:
    bare = Router([Route("/practice/{skill_id}", endpoint)])
    counted = RequestMetrics(bare)
    best = {"bare": 1.0, "counted": 1.0}
    for app in (bare, counted):
        await per_request(app, 2_000)  # warm up
    for _ in range(ROUNDS):
        for name, app in (("bare", bare), ("counted", counted)):
            best[name] = min(best[name], await per_request(app, REQUESTS))
    own = best["counted"] - best["bare"]
    single = in_fresh_interpreter(multiprocess=False)
    several = in_fresh_interpreter(multiprocess=True)
    print(f"trivial route, bare:                {best['bare'] * 1e6:6.1f} µs/request")
    print(f"trivial route, counted:             {best['counted'] * 1e6:6.1f} µs/request")
    print(f"counting (mlmath.metrics):          {own * 1e6:6.1f} µs/request")
    print(f"prometheus_client objects:          {single * 1e6:6.1f} µs/request")
    print(f"prometheus_client, multi-process:   {several * 1e6:6.1f} µs/request")
    print(f"ratio prometheus_client / ours:     {single / own:6.1f}x" if own > 0 else "")


if __name__ == "__main__":
    if sys.argv[1:] == ["--prometheus-client-objects"]:
        print(prometheus_client_objects())
    else:
        asyncio.run(main())
