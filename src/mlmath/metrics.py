"""What an operator watches, counted in process and served in Prometheus' text format.

- ``mlmath_http_requests_total{route, method, status}`` and
  ``mlmath_http_request_duration_seconds{route}``: every request, by the route's
  template (``/practice/{skill_id}/answer``), never by its raw path, so the number of
  series stays bounded; a path no route matches counts as ``unmatched``.
- ``mlmath_answer_checks_total{kind, verdict}`` and ``mlmath_answer_check_seconds{kind}``:
  answers checked in practice and in quizzes.
- ``mlmath_gradings_total{outcome}`` and ``mlmath_grading_seconds``: assignment gradings
  done by the grading workers of this process (``graded``, ``retry`` for our own failure,
  ``stale`` for a result dropped because another worker took the job over).
- ``mlmath_grading_jobs{state}`` and ``mlmath_database_up``: the grading queue as the
  database holds it, read at each scrape (so it covers every worker on every machine);
  ``state="queued"`` is the queue depth.

Counting is on the practice loop's path, so it is kept to a dictionary look-up and a few
additions under one uncontended lock: about 2 µs per request, some five times less than
the same counter and histogram kept in ``prometheus_client``'s own metric objects
(``benchmarks/request_metrics.py``). ``prometheus_client`` writes the page.

With several server processes (``mlmath serve --workers N``), :func:`share_counts`
gives them one folder: each process writes its totals there at most once a second and
at shutdown, and a scrape of any process adds up all of them.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from prometheus_client import CollectorRegistry, ProcessCollector, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("mlmath.metrics")

CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
"""The classic text format, which every Prometheus server reads."""

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
GRADING_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
WRITE_EVERY_SECONDS = 1.0
UNMATCHED = "unmatched"


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    help: str
    labels: tuple[str, ...]
    buckets: tuple[float, ...] = ()
    """Upper bounds of a histogram's buckets; empty for a counter."""


REQUESTS = Family(
    "mlmath_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ("route", "method", "status"),
)
REQUEST_SECONDS = Family(
    "mlmath_http_request_duration_seconds",
    "Time from a request's arrival to the end of its response, by route template.",
    ("route",),
    LATENCY_BUCKETS,
)
ANSWER_CHECKS = Family(
    "mlmath_answer_checks",
    "Answers checked, by kind (practice or quiz) and verdict.",
    ("kind", "verdict"),
)
ANSWER_CHECK_SECONDS = Family(
    "mlmath_answer_check_seconds",
    "Time to check one answer (reading it and comparing it with the right one).",
    ("kind",),
    LATENCY_BUCKETS,
)
GRADINGS = Family(
    "mlmath_gradings",
    "Assignment gradings finished by this process's workers, by outcome.",
    ("outcome",),
)
GRADING_SECONDS = Family(
    "mlmath_grading_seconds",
    "Time to grade one submission, from the claim of its job to the stored result.",
    (),
    GRADING_BUCKETS,
)
FAMILIES: tuple[Family, ...] = (REQUESTS, REQUEST_SECONDS, ANSWER_CHECKS, ANSWER_CHECK_SECONDS)
FAMILIES += (GRADINGS, GRADING_SECONDS)


class Histogram:
    """One histogram series: count per bucket (the last is +Inf) and the sum."""

    __slots__ = ("buckets", "sum")

    def __init__(self, size: int) -> None:
        self.buckets = [0] * (size + 1)
        self.sum = 0.0


Totals = dict[str, dict[tuple[str, ...], list[float]]]
"""Per family name, per label values: ``[count]`` or ``[sum, bucket counts…]`` (as stored)."""


class Tally:
    """This process's counts. Thread-safe: answer checks and gradings happen in threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[tuple[Family, tuple[str, ...]], list[float]] = {}
        self._histograms: dict[tuple[Family, tuple[str, ...]], Histogram] = {}
        self._changed = False
        self._folder: Path | None = None
        self._writer_pid = 0

    def count(
        self,
        counter: Family,
        histogram: Family,
        counter_labels: tuple[str, ...],
        histogram_labels: tuple[str, ...],
        seconds: float,
    ) -> None:
        """One event: its counter goes up by one and its duration lands in the histogram."""
        with self._lock:
            total = self._counters.get((counter, counter_labels))
            if total is None:
                total = self._counters[(counter, counter_labels)] = [0.0]
            total[0] += 1
            series = self._histograms.get((histogram, histogram_labels))
            if series is None:
                series = Histogram(len(histogram.buckets))
                self._histograms[(histogram, histogram_labels)] = series
            series.buckets[bisect_left(histogram.buckets, seconds)] += 1
            series.sum += seconds
            self._changed = True
        if self._folder is not None and self._writer_pid != os.getpid():
            self._start_writer()

    def totals(self) -> Totals:
        """A copy of this process's counts, in the form written to the shared folder."""
        out: Totals = {f.name: {} for f in FAMILIES}
        with self._lock:
            for (family, labels), total in self._counters.items():
                out[family.name][labels] = [total[0]]
            for (family, labels), series in self._histograms.items():
                out[family.name][labels] = [series.sum, *series.buckets]
        return out

    # --- several processes -------------------------------------------------------------

    def share(self, folder: Path | None) -> None:
        self._folder = folder

    @property
    def shared(self) -> bool:
        return self._folder is not None

    def _start_writer(self) -> None:
        """A thread in this process (threads do not survive a fork) that writes its totals."""
        with self._lock:
            if self._writer_pid == os.getpid():
                return
            self._writer_pid = os.getpid()
        threading.Thread(target=self._write_often, name="mlmath-metrics", daemon=True).start()

    def _write_often(self) -> None:
        while True:
            time.sleep(WRITE_EVERY_SECONDS)
            self.write()

    def write(self) -> None:
        """Write this process's totals to the shared folder, if any changed."""
        folder = self._folder
        if folder is None or not self._changed:
            return
        self._changed = False
        own = folder / f"{os.getpid()}.json"
        data = {
            name: [[list(labels), values] for labels, values in series.items()]
            for name, series in self.totals().items()
        }
        try:
            partial = own.with_suffix(".partial")
            partial.write_text(json.dumps(data))
            partial.replace(own)  # a reader never sees half a file
        except OSError:
            self._changed = True
            log.warning("metrics: cannot write %s", own, exc_info=True)

    def shared_totals(self) -> Totals:
        """Every process's totals added up: this one's as they stand, the others' as last
        written (a process that ended keeps its file, so its counts stay in the sums)."""
        totals = self.totals()
        if self._folder is None:
            return totals
        own = f"{os.getpid()}.json"
        for path in sorted(self._folder.glob("*.json")):
            if path.name == own:
                continue
            try:
                data = json.loads(path.read_text())
            except (OSError, ValueError):
                continue
            for name, series in data.items():
                into = totals.setdefault(name, {})
                for labels, values in series:
                    key = tuple(labels)
                    held = into.get(key)
                    if held is None:
                        into[key] = values
                    else:
                        into[key] = [a + b for a, b in zip(held, values, strict=True)]
        return totals


TALLY = Tally()


def count_request(route: str, method: str, status: int, seconds: float) -> None:
    TALLY.count(REQUESTS, REQUEST_SECONDS, (route, method, str(status)), (route,), seconds)


def count_check(kind: str, verdict: str, seconds: float) -> None:
    TALLY.count(ANSWER_CHECKS, ANSWER_CHECK_SECONDS, (kind, verdict), (kind,), seconds)


def count_grading(outcome: str, seconds: float) -> None:
    TALLY.count(GRADINGS, GRADING_SECONDS, (outcome,), (), seconds)


def share_counts(folder: Path | None) -> None:
    """Count into ``folder`` together with the other server processes (set before they
    are forked); ``None`` counts this process alone."""
    TALLY.share(folder)


def write_counts() -> None:
    """Write this process's last counts to the shared folder (at shutdown)."""
    TALLY.write()


class RequestMetrics:
    """ASGI middleware: counts every HTTP request by route template, method and status,
    and observes its duration."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._templates: dict[int, str] | None = None
        """The route template of each endpoint (by identity), read from the router once."""

    def _route_of(self, scope: Scope) -> str:
        route = scope.get("route")  # set by FastAPI's routes, not by plain Starlette ones
        path = getattr(route, "path", None)
        if isinstance(path, str):
            return path
        endpoint = scope.get("endpoint")
        if endpoint is None:
            return UNMATCHED
        if self._templates is None:
            routes = getattr(scope.get("router"), "routes", ())
            self._templates = {
                id(getattr(r, "endpoint", None) or getattr(r, "app", None)): r.path
                for r in routes
                if isinstance(getattr(r, "path", None), str)
            }
        return self._templates.get(id(endpoint), UNMATCHED)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_counted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_counted)
        finally:
            route = self._route_of(scope)
            count_request(route, scope["method"], status, time.perf_counter() - started)


class TallyCollector(Collector):
    """The counts of :data:`TALLY` (of every server process, when they share a folder)."""

    def collect(self) -> Iterator[Metric]:
        totals = TALLY.shared_totals()
        for family in FAMILIES:
            series = totals.get(family.name, {})
            if not family.buckets:
                counter = CounterMetricFamily(family.name, family.help, labels=family.labels)
                for labels, values in sorted(series.items()):
                    counter.add_metric(labels, values[0])
                yield counter
                continue
            histogram = HistogramMetricFamily(family.name, family.help, labels=family.labels)
            bounds = [*(repr(float(b)) for b in family.buckets), "+Inf"]
            for labels, values in sorted(series.items()):
                total, counts = values[0], values[1:]
                cumulative, running = [], 0.0
                for bound, count in zip(bounds, counts, strict=True):
                    running += count
                    cumulative.append((bound, running))
                histogram.add_metric(list(labels), cumulative, total)
            yield histogram


class QueueCollector(Collector):
    """The grading jobs per state, read from the database at each scrape."""

    def __init__(self, read_counts: Callable[[], Iterable[tuple[str, int]]]) -> None:
        self.read_counts = read_counts

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily(
            "mlmath_database_up", "Whether the database answered this scrape (1) or not (0)."
        )
        try:
            read = dict(self.read_counts())
        except Exception:  # whatever the driver raises: the page still says the database is down
            log.warning("metrics: the database does not answer", exc_info=True)
            up.add_metric((), 0)
            yield up
            return
        up.add_metric((), 1)
        yield up
        family = GaugeMetricFamily(
            "mlmath_grading_jobs",
            "Grading jobs in the database by state; queued is the queue depth.",
            labels=("state",),
        )
        counts = dict.fromkeys(("queued", "running", "done", "failed"), 0)
        counts.update(read)
        for state, count in sorted(counts.items()):
            family.add_metric((state,), count)
        yield family


def exposition(queue: Collector | None = None) -> bytes:
    """The page a Prometheus server scrapes: the counts, this process's CPU and memory
    (when it serves alone) and, if given, the grading queue."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(TallyCollector())
    if not TALLY.shared:
        ProcessCollector(registry=registry)  # CPU, memory, open files of this process
    if queue is not None:
        registry.register(queue)
    return generate_latest(registry)
