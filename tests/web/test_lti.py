"""LTI 1.3 end to end: a real ``mlmath serve`` and an LTI platform (tests/fixtures/lti_platform.py)
on loopback, talking real HTTP; the browser is an ``httpx.Client`` that keeps cookies."""

from __future__ import annotations

import html
import os
import re
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from tests.fixtures.client import Client
from tests.fixtures.live import ROOT, served
from tests.fixtures.lti_platform import (
    INSTRUCTOR,
    LEARNER,
    LtiPlatform,
    PlatformUser,
    running_platform,
)
from tests.web.conftest import PASSWORD, config_for, csrf

from mlmath.web.app import create_app

LESSON = "c1w1l1"
QUIZ = "c1w1-solving-systems"
GRADED_QUIZ = "c1w1-matrices"
OTHER_GRADED_QUIZ = "c1w2-rank"
ASSIGNMENT = "c1w2-linear-systems"


def mlmath(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MLMATH_DATA_DIR": str(data), "MLMATH_DATABASE_URL": ""}
    return subprocess.run(
        [sys.executable, "-m", "mlmath", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class Course:
    def __init__(self, url: str, data: Path, platform: LtiPlatform) -> None:
        self.url = url
        self.data = data
        self.platform = platform

    def accounts(self) -> list[tuple[str, str, str]]:
        with sqlite3.connect(self.data / "mlmath.sqlite3") as db:
            rows = db.execute("select username, display_name, role from learner order by id")
            return list(rows)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Course]:
    data = tmp_path_factory.mktemp("lti") / "data"
    with running_platform() as platform:
        made = mlmath(data, "lti", "keys")
        assert made.returncode == 0, made.stderr
        added = mlmath(data, "lti", "add-platform", *platform.registration())
        assert added.returncode == 0, added.stderr
        settings = {"MLMATH_MULTI_USER": "on", "MLMATH_LTI_SCORE_SECONDS": "0.5"}
        with served(data, settings) as url:
            platform.tool_url = url
            platform.users.update(
                {
                    "ada": PlatformUser("lms-user-ada", "Ada Lovelace", [LEARNER], "ada@school"),
                    "alan": PlatformUser("lms-user-alan", "Alan Turing", [LEARNER]),
                    "grace": PlatformUser("lms-user-grace", "Grace Hopper", [INSTRUCTOR]),
                    "edsger": PlatformUser("lms-user-edsger", "Edsger Dijkstra", [LEARNER]),
                }
            )
            yield Course(url, data, platform)


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    with httpx.Client(follow_redirects=False, timeout=30) as client:
        yield client


def test_keys_are_owner_only_and_served_as_jwks(course: Course) -> None:
    key = course.data / "lti" / "tool-key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    keys = httpx.get(course.url + "/lti/jwks").json()["keys"]
    assert len(keys) == 1
    assert keys[0]["kty"] == "RSA"
    assert keys[0]["alg"] == "RS256"
    assert "d" not in keys[0]  # the public half only
    again = mlmath(course.data, "lti", "keys")
    assert "kept" in again.stdout  # never replaced by accident
    assert httpx.get(course.url + "/lti/jwks").json()["keys"] == keys


def test_configuration_names_the_tools_addresses(course: Course) -> None:
    config = httpx.get(course.url + "/lti/config").json()
    assert config["initiate_login_uri"] == course.url + "/lti/login"
    assert config["redirect_uris"] == [course.url + "/lti/launch"]
    assert config["jwks_uri"] == course.url + "/lti/jwks"
    listed = mlmath(course.data, "lti", "list")
    assert course.platform.issuer in listed.stdout
    assert course.platform.deployment_id in listed.stdout


def test_learner_launch_signs_in_and_lands_on_the_linked_lesson(
    course: Course, browser: httpx.Client
) -> None:
    landed = course.platform.launch(browser, "ada", target=f"{course.url}/lessons/{LESSON}")
    assert landed.status_code == 303, landed.text
    assert landed.headers["location"] == f"/lessons/{LESSON}"
    page = browser.get(course.url + landed.headers["location"])
    assert page.status_code == 200
    assert "Ada Lovelace" in page.text
    assert browser.get(course.url + "/class").status_code == 403  # a learner here too
    mine = [a for a in course.accounts() if a[1] == "Ada Lovelace"]
    assert len(mine) == 1
    assert mine[0][2] == "learner"

    # The same LMS user launching again, in another browser, is the same account.
    with httpx.Client(follow_redirects=False, timeout=30) as other:
        again = course.platform.launch(other, "ada", target=f"{course.url}/quizzes/{QUIZ}")
        assert again.headers["location"] == f"/quizzes/{QUIZ}"
        assert other.get(course.url + f"/quizzes/{QUIZ}").status_code == 200
        third = course.platform.launch(
            other, "ada", target=f"{course.url}/assignments/{ASSIGNMENT}"
        )
        assert third.headers["location"] == f"/assignments/{ASSIGNMENT}"
        assert other.get(course.url + f"/assignments/{ASSIGNMENT}").status_code == 200
        # A link to something the course does not have lands on the course map.
        lost = course.platform.launch(other, "ada", target=f"{course.url}/lessons/no-such-lesson")
        assert lost.headers["location"] == "/"
        away = course.platform.launch(other, "ada", target="https://elsewhere.example/phish")
        assert away.headers["location"] == "/"
    assert len([a for a in course.accounts() if a[1] == "Ada Lovelace"]) == 1


def test_instructor_launch_gets_the_instructor_pages(course: Course, browser: httpx.Client) -> None:
    landed = course.platform.launch(browser, "grace", target=f"{course.url}/class")
    assert landed.status_code == 303, landed.text
    assert landed.headers["location"] == "/class"
    assert browser.get(course.url + "/class").status_code == 200
    assert ("Grace Hopper", "instructor") in [(a[1], a[2]) for a in course.accounts()]


def refused(course: Course, response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert words in response.text
    assert "mlmath_session" not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"key": rsa.generate_private_key(public_exponent=65537, key_size=2048)}, "signature"),
        ({"set": {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 4000}}, "expired"),
        ({"set": {"aud": "another-tool"}}, "audience"),
        (
            {"set": {"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "elsewhere"}},
            "deployment",
        ),
        ({"set": {"nonce": "a-nonce-of-another-log-in"}}, "nonce"),
        ({"set": {"iss": "https://unknown.example"}}, "not registered"),
        ({"drop": ["https://purl.imsglobal.org/spec/lti/claim/version"]}, "1.3.0"),
    ],
    ids=[
        "bad-signature",
        "expired",
        "wrong-audience",
        "unknown-deployment",
        "wrong-nonce",
        "unknown-issuer",
        "no-version",
    ],
)
def test_bad_launches_are_refused_and_create_nothing(
    course: Course, browser: httpx.Client, change: dict[str, object], words: str
) -> None:
    before = course.accounts()
    course.platform.next_token = change
    response = course.platform.launch(browser, "alan", target=f"{course.url}/lessons/{LESSON}")
    refused(course, response, 400, words)
    assert "launch" in response.text.lower() or "registered" in response.text
    assert course.accounts() == before


def test_replayed_launch_is_refused(course: Course, browser: httpx.Client) -> None:
    first = course.platform.launch(browser, "alan", target=f"{course.url}/lessons/{LESSON}")
    assert first.status_code == 303, first.text
    token = course.platform.issued_tokens[-1]
    state = browser.cookies.get("mlmath_lti_state")
    accounts = course.accounts()
    # The same form post again (same state, same id_token) …
    again = browser.post(course.url + "/lti/launch", data={"id_token": token, "state": state or ""})
    refused(course, again, 400, "")
    # … and the old id_token inside a new log-in: its nonce is not the new log-in's.
    replay = course.platform.launch(browser, "alan", replay_with=token)
    refused(course, replay, 400, "replayed")
    assert course.accounts() == accounts


def test_unknown_issuer_and_deployment_are_refused_at_login(
    course: Course, browser: httpx.Client
) -> None:
    before = course.accounts()
    for data, words in [
        ({"iss": "https://unknown.example", "login_hint": "ada"}, "not registered"),
        (
            {
                "iss": course.platform.issuer,
                "login_hint": "ada",
                "lti_deployment_id": "elsewhere",
            },
            "deployment",
        ),
        ({"iss": course.platform.issuer}, "incomplete"),
    ]:
        response = browser.post(course.url + "/lti/login", data=data)
        refused(course, response, 400, words)
    assert course.accounts() == before


def test_launch_without_the_browsers_state_cookie_is_refused(course: Course) -> None:
    with httpx.Client(follow_redirects=False, timeout=30) as first:
        start = first.post(
            course.url + "/lti/login",
            data={"iss": course.platform.issuer, "login_hint": "alan"},
        )
        assert start.status_code == 302
        form = first.get(start.headers["location"]).text
    fields = {k: html.unescape(v) for k, v in re.findall(r'name="(\w+)" value="([^"]*)"', form)}
    with httpx.Client(follow_redirects=False, timeout=30) as second:  # another browser
        response = second.post(course.url + "/lti/launch", data=fields)
    refused(course, response, 400, "not started in this browser")


def test_learner_launching_an_instructor_link_is_refused(
    course: Course, browser: httpx.Client
) -> None:
    before = course.accounts()
    response = course.platform.launch(browser, "alan", target=f"{course.url}/class/insights")
    refused(course, response, 403, "for instructors")
    assert course.accounts() == before


def form_fields(page: str, containing: str) -> dict[str, str]:
    """The hidden fields of the form on ``page`` that contains ``containing``."""
    for form in re.findall(r"<form.*?</form>", page, flags=re.DOTALL):
        if containing in form:
            found = re.findall(r'name="(\w+)" value="([^"]*)"', form)
            return {k: html.unescape(v) for k, v in found}
    raise AssertionError(f"no form with {containing!r}")


def place(course: Course, browser: httpx.Client, kind: str, item: str) -> dict[str, object]:
    """Grace places a course item in the LMS course by deep linking; the platform's record."""
    landed = course.platform.launch(browser, "grace", message_type="LtiDeepLinkingRequest")
    assert landed.status_code == 303, landed.text
    assert landed.headers["location"].startswith("/lti/deep-link?request=")
    page = browser.get(course.url + landed.headers["location"])
    assert page.status_code == 200
    fields = form_fields(page.text, f'value="{kind}/{item}"')
    signed = browser.post(course.url + "/lti/deep-link", data=fields)
    assert signed.status_code == 200, signed.text
    origin = course.platform.base_url
    assert f"form-action 'self' {origin}" in signed.headers["content-security-policy"]
    action = html.unescape(re.search(r'action="([^"]+)"', signed.text.split("<main")[-1]).group(1))  # type: ignore[union-attr]
    assert action == origin + "/deep-link-return"
    returned = browser.post(action, data=form_fields(signed.text, 'name="JWT"'))
    assert returned.status_code == 200, returned.text  # the platform checked the tool's signature
    return course.platform.deep_link_returns[-1]


def test_instructor_places_a_graded_quiz_by_deep_linking(
    course: Course, browser: httpx.Client
) -> None:
    claims = place(course, browser, "quizzes", GRADED_QUIZ)
    dl = "https://purl.imsglobal.org/spec/lti-dl/claim/"
    assert claims["https://purl.imsglobal.org/spec/lti/claim/message_type"] == (
        "LtiDeepLinkingResponse"
    )
    assert claims[dl + "data"] == "opaque-platform-data"
    items = claims[dl + "content_items"]
    assert isinstance(items, list)
    [item] = items
    assert item["url"] == f"{course.url}/quizzes/{GRADED_QUIZ}"
    assert item["lineItem"]["resourceId"] == f"quiz:{GRADED_QUIZ}"
    assert item["lineItem"]["scoreMaximum"] == 100


def test_lessons_are_placed_without_a_gradebook_column(
    course: Course, browser: httpx.Client
) -> None:
    claims = place(course, browser, "lessons", LESSON)
    items = claims["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert isinstance(items, list)
    [item] = items
    assert item["url"] == f"{course.url}/lessons/{LESSON}"
    assert "lineItem" not in item


def test_learner_cannot_place_items_nor_use_an_instructors_placing_page(
    course: Course, browser: httpx.Client
) -> None:
    before = course.accounts()
    response = course.platform.launch(browser, "alan", message_type="LtiDeepLinkingRequest")
    refused(course, response, 403, "Only instructors")
    assert course.accounts() == before
    with httpx.Client(follow_redirects=False, timeout=30) as grace:
        landed = course.platform.launch(grace, "grace", message_type="LtiDeepLinkingRequest")
        placing = landed.headers["location"]
    learner = course.platform.launch(browser, "alan", target=f"{course.url}/")
    assert learner.status_code == 303
    assert browser.get(course.url + placing).status_code == 403  # sealed for Grace only
    tampered = placing[:-3] + ("000" if not placing.endswith("000") else "111")
    with httpx.Client(follow_redirects=False, timeout=30) as grace:
        course.platform.launch(grace, "grace", message_type="LtiDeepLinkingRequest")
        assert grace.get(course.url + tampered).status_code == 403


def take_quiz(course: Course, browser: httpx.Client, quiz: str) -> None:
    """Start the graded quiz and hand it in with every answer blank (a score of 0 %)."""
    page = browser.get(f"{course.url}/quizzes/{quiz}")
    assert page.status_code == 200
    started = browser.post(
        f"{course.url}/quizzes/{quiz}/start", data=form_fields(page.text, "/start")
    )
    assert started.status_code == 303, started.text
    attempt = browser.get(course.url + started.headers["location"])
    submitted = browser.post(
        course.url + started.headers["location"] + "/submit",
        data=form_fields(attempt.text, "/submit"),
    )
    assert submitted.status_code == 303, submitted.text


def wait_for_scores(course: Course, count: int) -> list[tuple[str, dict[str, object]]]:
    deadline = time.monotonic() + 20
    while len(course.platform.scores) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return course.platform.scores


def test_quiz_scores_go_back_to_the_lms_gradebook(course: Course, browser: httpx.Client) -> None:
    with httpx.Client(follow_redirects=False, timeout=30) as grace:
        place(course, grace, "quizzes", GRADED_QUIZ)
    link = course.platform.links[-1]
    before = len(course.platform.scores)

    # A link placed by deep linking carries its own line item.
    landed = course.platform.launch(browser, "ada", link=link)
    assert landed.headers["location"] == f"/quizzes/{GRADED_QUIZ}"
    take_quiz(course, browser, GRADED_QUIZ)
    scores = wait_for_scores(course, before + 1)
    line_item, score = scores[before]
    assert line_item == link["lineitem"]
    assert score["userId"] == "lms-user-ada"
    assert score["scoreGiven"] == 0
    assert score["scoreMaximum"] == 100
    assert score["gradingProgress"] == "FullyGraded"

    # A link added by its address: the tool makes its line item by resource id.
    with httpx.Client(follow_redirects=False, timeout=30) as other:
        course.platform.launch(other, "alan", target=f"{course.url}/quizzes/{OTHER_GRADED_QUIZ}")
        take_quiz(course, other, OTHER_GRADED_QUIZ)
    scores = wait_for_scores(course, before + 2)
    line_item, score = scores[before + 1]
    made = course.platform.line_items[line_item]
    assert made["resourceId"] == f"quiz:{OTHER_GRADED_QUIZ}"
    assert score["userId"] == "lms-user-alan"

    # Nothing changed since: nothing more is sent, and the command says so.
    sent = mlmath(course.data, "lti", "send-grades")
    assert sent.returncode == 0, sent.stderr
    assert "sent 0 score(s)" in sent.stdout
    assert len(course.platform.scores) == before + 2


def test_roster_makes_accounts_and_a_cohort(course: Course, browser: httpx.Client) -> None:
    course.platform.launch(browser, "grace", target=f"{course.url}/class")  # the LMS course
    done = mlmath(course.data, "lti", "roster")
    assert done.returncode == 0, done.stderr
    assert "Maths for ML, autumn" in done.stdout
    names = {a[1]: a[2] for a in course.accounts()}
    assert names["Edsger Dijkstra"] == "learner"  # never launched: made from the roster
    assert names["Grace Hopper"] == "instructor"
    with sqlite3.connect(course.data / "mlmath.sqlite3") as db:
        members = {
            row[0]
            for row in db.execute(
                "select l.display_name from cohort c join cohort_member m on m.cohort_id = c.id "
                "join learner l on l.id = m.learner_id where c.name = 'Maths for ML, autumn'"
            )
        }
    assert {"Edsger Dijkstra", "Ada Lovelace", "Alan Turing", "Grace Hopper"} <= members
    again = mlmath(course.data, "lti", "roster")
    assert "0 added" in again.stdout


def test_the_course_can_be_framed_by_the_lms_named_in_the_settings(tmp_path: Path) -> None:
    framed = replace(config_for(tmp_path / "a"), frame_ancestors=("https://lms.example",))
    for config, inside in [(config_for(tmp_path / "b"), False), (framed, True)]:
        app = create_app(config, multi_user=True)
        browser = Client(app, base_url="https://course.example")
        try:
            page = browser.get("/signup")
            policy = page.headers["content-security-policy"]
            token = csrf(page.text)
            signed_up = browser.post(
                "/signup", data={"username": "ada", "password": PASSWORD, "csrf_token": token}
            )
            cookies = signed_up.headers.get_list("set-cookie")
        finally:
            browser.close()
            app.state.site.db.close()
        session = next(c for c in cookies if c.startswith("mlmath_session="))
        if inside:
            assert "frame-ancestors 'self' https://lms.example" in policy
            assert "x-frame-options" not in page.headers
            assert "SameSite=None" in session
            assert "Partitioned" in session
            assert "Secure" in session
        else:
            assert "frame-ancestors 'none'" in policy
            assert page.headers["x-frame-options"] == "DENY"
            assert "SameSite=Lax" in session
            assert "Partitioned" not in session
