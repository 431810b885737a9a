"""LTI services without a browser: registering platforms, scores sent (and retried), rosters
read page by page, sealed deep-linking requests. The end-to-end launches are in
tests/web/test_lti.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from mlmath.config import Config
from mlmath.services import lti
from mlmath.store.database import Database
from mlmath.store.grading import Grade, GradingJob, Submission
from mlmath.store.models import Learner, LtiContext, LtiGradeLink, QuizAttempt

LMS = "https://lms.example"


def register(db: Database, deployment: str = "d1") -> tuple[lti.Platform, bool]:
    with db.write() as session:
        return lti.add_platform(
            session,
            issuer=LMS,
            client_id="client-1",
            deployment_id=deployment,
            auth_login_url=f"{LMS}/auth",
            auth_token_url=f"{LMS}/token",
            jwks_url=f"{LMS}/jwks",
        )


def test_registering_again_adds_deployments_and_checks_addresses(db: Database) -> None:
    first, new = register(db)
    assert new
    again, new = register(db)
    assert not new
    assert again.id == first.id
    more, new = register(db, "d2")
    assert new
    assert more.deployments == ("d1", "d2")
    with db.write() as session, pytest.raises(ValueError, match="auth-login-url"):
        lti.add_platform(
            session,
            issuer=LMS,
            client_id="client-1",
            deployment_id="d3",
            auth_login_url="javascript:alert(1)",
            auth_token_url=f"{LMS}/token",
            jwks_url=f"{LMS}/jwks",
        )


class FakeLms:
    """The LMS's token, line-item and score endpoints, answering from a script."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, Any]] = []
        self.score_status = 204
        self.items: list[dict[str, Any]] = []

    def __call__(
        self, method: str, url: str, body: bytes | None = None, headers: Any = None
    ) -> lti.HttpAnswer:
        path = urlsplit(url).path
        if path == "/token":
            form = {k: v[0] for k, v in parse_qs((body or b"").decode()).items()}
            self.calls.append((method, path, form["scope"]))
            return lti.HttpAnswer(
                200, {}, json.dumps({"access_token": "t", "expires_in": 60}).encode()
            )
        assert headers["authorization"] == "Bearer t"
        payload = json.loads(body) if body else None
        self.calls.append((method, path, payload))
        if path == "/lineitems" and method == "GET":
            return lti.HttpAnswer(200, {}, json.dumps(self.items).encode())
        if path == "/lineitems" and method == "POST":
            assert isinstance(payload, dict)
            item = {**payload, "id": f"{LMS}/lineitems/{len(self.items) + 1}"}
            self.items.append(item)
            return lti.HttpAnswer(201, {}, json.dumps(item).encode())
        if path.endswith("/scores"):
            return lti.HttpAnswer(self.score_status, {}, b"")
        return lti.HttpAnswer(404, {}, b"")


def scored_learner(db: Database, platform: lti.Platform) -> int:
    with db.write() as session:
        learner = Learner(username="lti1-ada", display_name="Ada", role="learner")
        session.add(learner)
        session.flush()
        session.add(
            LtiContext(
                platform_id=platform.id,
                context_id="course-1",
                title="Maths",
                lineitems_url=f"{LMS}/lineitems",
                memberships_url="",
                scopes="",
            )
        )
        for item, lineitem in [("quiz:q1", f"{LMS}/lineitems/placed"), ("assignment:a1", "")]:
            session.add(
                LtiGradeLink(
                    platform_id=platform.id,
                    context_id="course-1",
                    learner_id=learner.id,
                    item=item,
                    subject="sub-ada",
                    resource_link_id="link-9",
                    lineitem_url=lineitem,
                )
            )
        session.add(
            QuizAttempt(
                learner_id=learner.id,
                quiz_id="q1",
                kind="graded",
                number=1,
                total=4,
                correct=3,
                score=0.75,
            )
        )
        submission = Submission(
            learner_id=learner.id,
            assignment_id="a1",
            filename="a1.py",
            kind="py",
            content="",
            seed=1,
            idempotency_key="k1",
        )
        session.add(submission)
        session.flush()
        job = GradingJob(submission_id=submission.id, state="done")
        session.add(job)
        session.flush()
        session.add(
            Grade(submission_id=submission.id, job_id=job.id, score=2, max_score=4, result="{}")
        )
        return learner.id


def test_scores_are_sent_once_and_retried_after_a_failure(db: Database, tmp_path: Path) -> None:
    config = Config.from_environment({"MLMATH_DATA_DIR": str(tmp_path / "data")})
    lti.make_keys(config)
    platform, _ = register(db)
    scored_learner(db, platform)
    lms = FakeLms()
    services = lti.Services(config, http=lms)
    titles = {"quiz:q1": "Quiz one", "assignment:a1": "Assignment one"}

    lms.score_status = 503  # the LMS is down: nothing is marked sent
    down = lti.send_scores(db.write, db.read, services, titles)
    assert down.sent == 0
    assert len(down.failures) == 2
    with db.read() as session:
        assert all(r.sending_until is None for r in session.query(LtiGradeLink))

    lms.score_status = 204
    lms.calls.clear()
    done = lti.send_scores(db.write, db.read, services, titles)
    assert done == lti.ScoresSent(2, ())
    scores = {path: body for method, path, body in lms.calls if path.endswith("/scores")}
    assert scores["/lineitems/placed/scores"]["scoreGiven"] == 75.0
    assert scores["/lineitems/placed/scores"]["userId"] == "sub-ada"
    assert scores["/lineitems/1/scores"]["scoreGiven"] == 50.0  # the line item made for it
    assert lms.items[0]["resourceId"] == "assignment:a1"
    assert lms.items[0]["label"] == "Assignment one"
    assert lms.items[0]["resourceLinkId"] == "link-9"

    lms.calls.clear()
    assert lti.send_scores(db.write, db.read, services, titles) == lti.ScoresSent(0, ())
    assert lms.calls == []


def test_the_roster_is_read_page_by_page(tmp_path: Path) -> None:
    config = Config.from_environment({"MLMATH_DATA_DIR": str(tmp_path / "data")})
    lti.make_keys(config)
    pages = {
        "/members": (
            [{"user_id": "u1", "name": "Ada", "roles": [lti.MEMBERSHIP + "Learner"]}],
            {"Link": f'<{LMS}/members?page=2>; rel="next"'},
        ),
        "/members?page=2": (
            [
                {"user_id": "u2", "given_name": "Grace", "roles": [lti.MEMBERSHIP + "Instructor"]},
                {"user_id": "u3", "name": "Gone", "status": "Inactive", "roles": []},
            ],
            {},
        ),
    }

    def http(method: str, url: str, body: bytes | None = None, headers: Any = None) -> Any:
        parts = urlsplit(url)
        if parts.path == "/token":
            return lti.HttpAnswer(200, {}, b'{"access_token": "t"}')
        members, link = pages[parts.path + (f"?{parts.query}" if parts.query else "")]
        return lti.HttpAnswer(200, link, json.dumps({"members": members}).encode())

    platform = lti.Platform(1, LMS, "c", f"{LMS}/auth", f"{LMS}/token", f"{LMS}/jwks", ("d",))
    members = lti.roster(lti.Services(config, http=http), platform, f"{LMS}/members")
    assert [(m.subject, m.name, m.instructor, m.active) for m in members] == [
        ("u1", "Ada", False, True),
        ("u2", "Grace", True, True),
        ("u3", "Gone", False, False),
    ]


def test_sealed_requests_cannot_be_changed() -> None:
    sealed = lti.seal(b"secret", {"learner": 1})
    assert lti.unseal(b"secret", sealed) == {"learner": 1}
    assert lti.unseal(b"other secret", sealed) is None
    body, _, mac = sealed.partition(".")
    forged = lti.seal(b"secret", {"learner": 2}).partition(".")[0]
    assert lti.unseal(b"secret", f"{forged}.{mac}") is None
    assert lti.unseal(b"secret", body) is None


def test_score_interval_setting() -> None:
    assert Config.from_environment({}).lti_score_seconds == 30.0
    assert Config.from_environment({"MLMATH_LTI_SCORE_SECONDS": "0"}).lti_score_seconds == 0.0
    with pytest.raises(ValueError, match="MLMATH_LTI_SCORE_SECONDS"):
        Config.from_environment({"MLMATH_LTI_SCORE_SECONDS": "soon"})
    with pytest.raises(ValueError, match="MLMATH_LTI_SCORE_SECONDS"):
        Config.from_environment({"MLMATH_LTI_SCORE_SECONDS": "-1"})


def test_frame_ancestors_setting_takes_origins_only() -> None:
    config = Config.from_environment(
        {"MLMATH_FRAME_ANCESTORS": "https://lms.school.edu, https://canvas.example:8443/"}
    )
    assert config.frame_ancestors == ("https://lms.school.edu", "https://canvas.example:8443")
    assert Config.from_environment({}).frame_ancestors == ()
    for bad in ["lms.school.edu", "https://lms.school.edu/path", "https://a.edu 'unsafe-inline'"]:
        with pytest.raises(ValueError, match="MLMATH_FRAME_ANCESTORS"):
            Config.from_environment({"MLMATH_FRAME_ANCESTORS": bad})
