"""The web section of security.md, one behaviour per test."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from tests.fixtures.client import Client
from tests.fixtures.skills import ADDITION
from tests.web.conftest import PASSWORD, browser, csrf, sign_up
from tests.web.test_practice_pages import PANEL, form

from mlmath.store.models import Attempt, LoginSession
from mlmath.store.tables import metadata

PAGES = ["/", "/lessons/c1w1l1", PANEL, "/review", "/explain", "/attempts", "/nope"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_the_security_headers(single: Client, path: str) -> None:
    headers = single.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cache-control"] == "no-store"


@pytest.mark.parametrize("path", PAGES)
def test_no_page_has_inline_scripts_or_event_handlers(single: Client, path: str) -> None:
    html = single.get(path).text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag
    assert not re.search(r"\son[a-z]+\s*=", html)


def test_a_post_without_the_pages_token_is_refused(single: Client) -> None:
    f = form(single)
    missing = single.post(f"{PANEL}/answer", data={**f, "csrf_token": "", "response": "1"})
    assert missing.status_code == 403
    assert "security token" in missing.text
    wrong = single.post(f"{PANEL}/answer", data={**f, "csrf_token": "0" * 64, "response": "1"})
    assert wrong.status_code == 403


def test_a_post_from_another_site_is_refused(single: Client) -> None:
    f = form(single)
    r = single.post(
        f"{PANEL}/answer",
        data={**f, "response": "1"},
        headers={"origin": "http://evil.example"},
    )
    assert r.status_code == 403


def test_one_browsers_token_does_not_work_in_another(
    make_app: Callable[..., FastAPI], clients: list[Client]
) -> None:
    app = make_app()
    mine, theirs = browser(app, clients), browser(app, clients)
    f = form(mine)
    theirs.get("/")
    assert theirs.post(f"{PANEL}/draft", data={**f, "response": "1"}).status_code == 403


def _row_counts(app: FastAPI) -> dict[str, int]:
    with app.state.site.db.read() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t)) or 0
            for t in metadata.sorted_tables
        }


def test_no_get_request_changes_stored_state(
    make_app: Callable[..., FastAPI], clients: list[Client]
) -> None:
    app = make_app()
    c = browser(app, clients)
    before = _row_counts(app)
    f = form(c)
    c.get(f"{PANEL}/panel")
    c.get(f"{PANEL}/hint", params={"ref": f["ref"], "n": 2})
    c.get(f"/preview/practice/{ADDITION.id}", params={"ref": f["ref"], "response": "[[1,2],[3,4]]"})
    c.get("/explain/linalg.determinant_2x2", params={"matrix": "1 2; 3 4"})
    for path in PAGES:
        c.get(path)
    assert _row_counts(app) == before
    # and the state-changing actions are not reachable with GET at all
    for action in ("answer", "draft", "solution", "another"):
        assert c.get(f"{PANEL}/{action}").status_code == 405


def test_session_cookie_is_httponly_lax_and_renewed_at_log_in(
    multi: FastAPI, clients: list[Client]
) -> None:
    c = browser(multi, clients)
    sign_up(c, "ada")
    first = c.http.cookies.get("mlmath_session")
    token = csrf(c.get("/").text)
    c.post("/logout", data={"csrf_token": token})
    r = c.post(
        "/login",
        data={"username": "ada", "password": PASSWORD, "csrf_token": csrf(c.get("/login").text)},
    )
    assert r.status_code == 303
    cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and "session" in v)
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on this machine
    assert c.http.cookies.get("mlmath_session") != first


def test_cookies_are_secure_over_https(multi: FastAPI, clients: list[Client]) -> None:
    c = browser(multi, clients, base_url="https://course.example")
    r = c.get("/login")
    assert "Secure" in r.headers["set-cookie"]
    token = csrf(r.text)
    r = c.post("/signup", data={"username": "ada", "password": PASSWORD, "csrf_token": token})
    assert all("Secure" in v for k, v in r.headers.multi_items() if k == "set-cookie")


def test_a_session_is_worthless_after_log_out(multi: FastAPI, clients: list[Client]) -> None:
    c = browser(multi, clients)
    sign_up(c, "ada")
    stolen = c.http.cookies.get("mlmath_session")
    assert c.get("/review").status_code == 200
    c.post("/logout", data={"csrf_token": csrf(c.get("/").text)})
    replay = browser(multi, clients)
    replay.http.cookies.set("mlmath_session", stolen or "", domain="127.0.0.1")
    r = replay.get("/review")
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login")
    with multi.state.site.db.read() as session:
        ended = session.scalars(select(LoginSession.ended_at)).all()
    assert all(e is not None for e in ended)


def test_another_learners_attempt_looks_exactly_like_a_missing_one(
    multi: FastAPI, clients: list[Client]
) -> None:
    ada, bo = browser(multi, clients), browser(multi, clients)
    sign_up(ada, "ada")
    sign_up(bo, "bob")
    f = form(ada)
    ada.post(f"{PANEL}/answer", data={**f, "response": "1"})
    with multi.state.site.db.read() as session:
        attempt_id = session.scalars(select(Attempt.id)).one()
    assert ada.get(f"/attempts/{attempt_id}").status_code == 200
    theirs, missing = bo.get(f"/attempts/{attempt_id}"), bo.get(f"/attempts/{attempt_id + 99}")
    assert theirs.status_code == missing.status_code == 404
    # the same page up to the id (the browser's random CSRF token may contain its digits)
    token = csrf(theirs.text)
    assert token == csrf(missing.text)
    expected = re.sub(rf"\b{attempt_id + 99}\b", str(attempt_id), missing.text.replace(token, ""))
    assert theirs.text.replace(token, "") == expected


def test_instructor_pages_are_checked_on_the_server(multi: FastAPI, clients: list[Client]) -> None:
    learner, teacher = browser(multi, clients), browser(multi, clients)
    sign_up(learner, "ada")
    sign_up(teacher, "grace")
    assert learner.get("/class").status_code == 403
    assert learner.get("/class/gradebook.csv").status_code == 403
    assert teacher.get("/class").status_code == 200
    csv = teacher.get("/class/gradebook.csv")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "ada" in csv.text
    assert "grace" not in csv.text.splitlines()[1:]


def test_log_in_is_throttled_without_revealing_which_accounts_exist(
    multi: FastAPI, clients: list[Client]
) -> None:
    sign_up(browser(multi, clients), "ada")
    answers: dict[str, list[tuple[int, str]]] = {}
    for name, ip in (("ada", "10.0.0.1"), ("nobody", "10.0.0.2")):
        c = browser(multi, clients, client_ip=ip)
        got = []
        for _ in range(7):
            r = c.post(
                "/login",
                data={
                    "username": name,
                    "password": "wrong!",
                    "csrf_token": csrf(c.get("/login").text),
                },
            )
            message = re.search(r'role="alert">([^<]*)<', r.text)
            got.append((r.status_code, message.group(1) if message else ""))
        answers[name] = got
    assert answers["ada"] == answers["nobody"]
    assert answers["ada"][0] == (400, "Wrong username or password: check both and try again.")
    assert answers["ada"][-1][1].startswith("Too many failed log-ins: wait")


def test_an_oversized_request_is_refused_before_it_is_read(single: Client) -> None:
    """A 12 MiB body is refused with 413 Content Too Large; the course keeps serving."""
    from mlmath.web.app import MAX_REQUEST_BYTES

    body = b"response=" + b"1" * (MAX_REQUEST_BYTES + (2 << 20))
    response = single.post(
        "/practice/linalg.determinant_2x2/answer",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert "too large to send" in response.text  # the course's own page, saying what to do
    assert "send a smaller file" in response.text
    assert single.get("/").status_code == 200


def test_an_oversized_upload_without_a_length_is_refused_as_it_arrives(single: Client) -> None:
    from mlmath.web.app import MAX_REQUEST_BYTES

    async def chunks() -> AsyncIterator[bytes]:  # fields each under the per-field limit
        for n in range(MAX_REQUEST_BYTES // 1_000_000 + 2):
            yield f"field{n}=".encode() + b"1" * 1_000_000 + b"&"

    token = form(single)["csrf_token"]  # past the CSRF check, the body is read
    response = single.post(
        f"{PANEL}/answer",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded", "x-csrf-token": token},
    )
    assert response.status_code == 413
    assert "too large to send" in response.text
    assert single.get("/").status_code == 200
