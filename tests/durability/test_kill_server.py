"""Kill a real web server with SIGKILL right after it acknowledged a submission: after a
restart the submission is there and gets graded, once."""

from __future__ import annotations

import re
import signal

import httpx
import pytest
from sqlalchemy import func, select
from tests.durability.conftest import Processes, wait_for

from mlmath.grading.spec import ASSIGNMENTS
from mlmath.store.database import Database
from mlmath.store.grading import Grade, Submission

pytestmark = [pytest.mark.sandbox, pytest.mark.slow]

ASSIGNMENT = "c1w2-linear-systems"


def test_an_acknowledged_submission_survives_a_killed_server(
    db: Database, processes: Processes
) -> None:
    server, url = processes.server("server-1", workers=0)
    source = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_text()
    with httpx.Client(base_url=url, timeout=30) as browser:
        page = browser.get(f"/assignments/{ASSIGNMENT}")
        token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
        assert token
        sent = browser.post(
            f"/assignments/{ASSIGNMENT}/submissions",
            data={
                "csrf_token": token.group(1),
                "idempotency_key": "kill-the-server-1",
                "source": source,
            },
            files={"upload": ("", b"", "application/octet-stream")},
        )
        server.send_signal(signal.SIGKILL)  # at once, after the acknowledgement
        server.wait()
        assert sent.status_code == 303, sent.text
        location = sent.headers["location"]
        assert re.fullmatch(rf"/assignments/{ASSIGNMENT}/submissions/\d+", location)

        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Submission)) == 1
            assert session.scalar(select(func.count()).select_from(Grade)) == 0

        _, url = processes.server("server-2", workers=1)
        with httpx.Client(base_url=url, timeout=30, cookies=browser.cookies) as again:
            page = wait_for(
                "the grade to appear",
                lambda: (
                    (r := again.get(location)).status_code == 200
                    and "score-value" in r.text
                    and r.text
                ),
            )
    assert re.search(r'class="score-value">35 / 35<', page)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Grade)) == 1
