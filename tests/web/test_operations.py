"""For the people who run the course, over HTTP on a real app and database: ``/healthz``
for the reverse proxy (503 when the database does not answer) and ``/metrics`` in
Prometheus' text format, only for this machine's addresses and for instructors."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families
from tests.fixtures.client import Client
from tests.fixtures.skills import ADDITION, right, subtracted
from tests.web.conftest import browser, config_for, sign_up
from tests.web.test_insights import answer

from mlmath.config import Config
from mlmath.exercises import registry
from mlmath.grading.harness import Grader
from mlmath.services.worker import Worker
from mlmath.store.database import Database
from mlmath.web.app import create_app
from mlmath.web.routes.operations import address_allowed

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(c: Client) -> Samples:
    r = c.get("/metrics")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(r.text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
def app_with(tmp_path: Path) -> Iterator[Callable[..., FastAPI]]:
    made: list[FastAPI] = []

    def make(**settings: object) -> FastAPI:
        config: Config = replace(config_for(tmp_path / "data"), **settings)  # type: ignore[arg-type]
        skills = {**registry.all_skills(), ADDITION.id: ADDITION}
        app = create_app(config, multi_user=True, skills=skills)
        made.append(app)
        return app

    yield make
    for app in made:
        app.state.site.db.close()


def test_healthz_says_ok_while_the_database_answers(multi: FastAPI, clients: list[Client]) -> None:
    r = browser(multi, clients, client_ip="203.0.113.9").get("/healthz")
    assert (r.status_code, r.text) == (200, "ok")


def test_healthz_is_503_when_the_database_does_not_answer(
    multi: FastAPI, clients: list[Client]
) -> None:
    site = multi.state.site
    working = site.db
    site.db = Database.open("postgresql+psycopg://nobody@127.0.0.1:9/absent?connect_timeout=2")
    try:
        c = browser(multi, clients)
        r = c.get("/healthz")
        assert (r.status_code, r.text) == (503, "database unreachable")
        down = scrape(c)  # the metrics still come, and say so
        assert value(down, "mlmath_database_up") == 0
    finally:
        site.db.close()
        site.db = working
    assert browser(multi, clients).get("/healthz").status_code == 200


def test_requests_and_answer_checks_are_counted_by_route_and_verdict(
    multi: FastAPI, clients: list[Client]
) -> None:
    local = browser(multi, clients)
    ada = browser(multi, clients, client_ip="198.51.100.7")
    sign_up(ada, "ada")
    before = scrape(local)
    answer(ada, ADDITION, subtracted)
    answer(ada, ADDITION, right)
    ada.get("/no/such/page")
    after = scrape(local)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    page = {"route": "/practice/{skill_id}", "method": "GET", "status": "200"}
    assert grew("mlmath_http_requests_total", **page) == 2
    posted = {"route": "/practice/{skill_id}/answer", "method": "POST", "status": "200"}
    assert grew("mlmath_http_requests_total", **posted) == 2
    missing = {"route": "unmatched", "method": "GET", "status": "404"}
    assert grew("mlmath_http_requests_total", **missing) == 1
    assert grew("mlmath_http_request_duration_seconds_count", route="/practice/{skill_id}") == 2
    assert grew("mlmath_answer_checks_total", kind="practice", verdict="incorrect") == 1
    assert grew("mlmath_answer_checks_total", kind="practice", verdict="correct") == 1
    assert grew("mlmath_answer_check_seconds_count", kind="practice") == 2
    # the raw path never becomes a label: the number of series stays bounded
    assert not any(ADDITION.id in str(labels) for _name, labels in after)


def test_the_grading_queue_and_gradings_are_on_the_page(
    multi: FastAPI, clients: list[Client]
) -> None:
    from tests.web.test_assignment_pages import REFERENCE, send

    local = browser(multi, clients)
    ada = browser(multi, clients)
    sign_up(ada, "ada")
    assert value(scrape(local), "mlmath_grading_jobs", state="queued") == 0
    assert send(ada, source=REFERENCE).status_code == 303
    queued = scrape(local)
    assert value(queued, "mlmath_grading_jobs", state="queued") == 1
    assert value(queued, "mlmath_database_up") == 1
    with Grader(confinement="rlimits", pool_size=1) as grader:
        worker = Worker(multi.state.site.db, grader)
        while worker.run_once():
            pass
    graded = scrape(local)
    assert value(graded, "mlmath_grading_jobs", state="queued") == 0
    assert value(graded, "mlmath_grading_jobs", state="done") == 1
    grew = value(graded, "mlmath_gradings_total", outcome="graded") - value(
        queued, "mlmath_gradings_total", outcome="graded"
    )
    assert grew == 1
    assert value(graded, "mlmath_grading_seconds_count") >= 1


def test_metrics_are_refused_from_elsewhere_unless_an_instructor_asks(
    multi: FastAPI, clients: list[Client]
) -> None:
    far = "203.0.113.9"
    visitor, ada, grace = (browser(multi, clients, client_ip=far) for _ in range(3))
    sign_up(ada, "ada")
    sign_up(grace, "grace")
    for refused in (visitor, ada):
        r = refused.get("/metrics")
        assert r.status_code == 403
        assert "MLMATH_METRICS_FROM" in r.text
        assert "mlmath_http_requests_total" not in r.text
    assert "mlmath_http_requests_total" in grace.get("/metrics").text
    assert browser(multi, clients, client_ip="::1").get("/metrics").status_code == 200


def test_the_setting_names_who_may_read_the_metrics(
    app_with: Callable[..., FastAPI], clients: list[Client]
) -> None:
    instructors_only = app_with(metrics_from=())
    assert browser(instructors_only, clients).get("/metrics").status_code == 403
    grace = browser(instructors_only, clients)
    sign_up(grace, "grace")
    assert grace.get("/metrics").status_code == 200

    scraper_network = app_with(metrics_from=("10.1.0.0/16",))
    for address, status in (("10.1.2.3", 200), ("10.2.0.1", 403), ("127.0.0.1", 403)):
        got = browser(scraper_network, clients, client_ip=address).get("/metrics")
        assert got.status_code == status, address


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.1", False),
        ("::2", False),
        ("testclient", False),
        ("", False),
        (None, False),
    ],
)
def test_loopback_addresses_are_recognised(host: str | None, allowed: bool) -> None:
    assert address_allowed(host, ("127.0.0.0/8", "::1")) is allowed


def test_a_malformed_metrics_setting_is_refused_with_the_setting_named() -> None:
    with pytest.raises(ValueError, match="MLMATH_METRICS_FROM"):
        Config.from_environment({"MLMATH_METRICS_FROM": "127.0.0.1,not-a-network"})
    config = Config.from_environment({"MLMATH_METRICS_FROM": " 10.0.0.0/8 , ::1 "})
    assert config.metrics_from == ("10.0.0.0/8", "::1")
    assert Config.from_environment({}).metrics_from == ("127.0.0.0/8", "::1")
    assert Config.from_environment({"MLMATH_METRICS_FROM": ""}).metrics_from == ()


def test_forked_server_processes_add_up_their_counts(tmp_path: Path) -> None:
    from tests.web.test_serve_workers import _children, _free_port, _serve, _wait_until_served

    port = _free_port()
    server = _serve(tmp_path, port)
    try:
        _wait_until_served(server, port)
        assert len(_children(server.pid)) == 2
        for _ in range(20):  # one connection each: the kernel spreads them over both processes
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as one:
                assert one.get("/signup").status_code == 200
        signups = {"route": "/signup", "method": "GET", "status": "200"}
        deadline = time.monotonic() + 20
        seen: list[float] = []
        while len(seen) < 6 or set(seen[-6:]) != {20.0}:
            assert time.monotonic() < deadline, seen
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as one:
                r = one.get("/metrics")
            assert r.status_code == 200
            samples = {
                (s.name, frozenset(s.labels.items())): s.value
                for family in text_string_to_metric_families(r.text)
                for s in family.samples
            }
            seen.append(value(samples, "mlmath_http_requests_total", **signups))
            time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
