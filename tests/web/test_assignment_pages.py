"""The assignment pages over HTTP: the editor's fallback, submit once per form, malformed
uploads refused with a message, privacy of submissions, results and history, the rlimits
warning, the gradebook column."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from tests.fixtures.client import Client
from tests.web.conftest import browser, csrf, sign_up

from mlmath.grading.harness import Grader
from mlmath.grading.spec import ASSIGNMENTS, load_assignment
from mlmath.services.worker import Worker
from mlmath.store.grading import GradingJob, Submission

ASSIGNMENT = "c1w2-linear-systems"
PAGE = f"/assignments/{ASSIGNMENT}"
REFERENCE = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_text()


def send(c: Client, *, source: str = "", upload: tuple[str, bytes] | None = None, key: str = ""):
    page = c.get(PAGE)
    found = re.search(r'name="idempotency_key" value="([^"]+)"', page.text)
    assert found
    data = {"csrf_token": csrf(page.text), "idempotency_key": key or found.group(1)}
    if source:
        data["source"] = source
    files = {"upload": upload or ("", b"", "application/octet-stream")}
    return c.post(f"{PAGE}/submissions", data=data, files=files)


def count(app: FastAPI, model: type) -> int:
    with app.state.site.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_the_page_shows_instructions_and_the_starter_in_a_plain_textarea(single: Client) -> None:
    page = single.get(PAGE)
    assert page.status_code == 200
    assignment = load_assignment(ASSIGNMENT)
    assert assignment.title in page.text
    textarea = re.search(r"<textarea[^>]*data-code-editor[^>]*>(.*?)</textarea>", page.text, re.S)
    assert textarea, "the editor must start as a textarea (works without JavaScript)"
    starter = (assignment.folder / assignment.starter).read_text()
    assert "def solve(" in textarea.group(1)
    assert textarea.group(1).count("\n") >= starter.count("\n") - 1
    assert '<script type="module" src="/static/vendor/codemirror/editor.js">' in page.text
    assert 'type="file"' in page.text
    assert single.get("/static/vendor/codemirror/editor.js").status_code == 200


def test_the_course_map_links_each_assignment(single: Client) -> None:
    page = single.get("/").text
    assert all(f"/assignments/{a}" in page for a in ("c1w2-linear-systems", "c1w4-eigenvectors"))


def test_an_unknown_assignment_is_not_found(single: Client) -> None:
    assert single.get("/assignments/no-such-thing").status_code == 404


def test_the_starter_and_data_can_be_downloaded_but_not_the_tests(single: Client) -> None:
    assert "def solve(" in single.get(f"{PAGE}/files/linear_systems.py").text
    assert single.get(f"{PAGE}/files/receipts.csv").status_code == 200
    for secret in ("reference.py", "tests.py", "..%2Freference.py"):
        assert single.get(f"{PAGE}/files/{secret}").status_code == 404


def test_a_double_submit_of_one_form_stores_one_submission(make_app, clients: list[Client]) -> None:
    app = make_app()
    c = browser(app, clients)
    first = send(c, source=REFERENCE, key="one-form-key-1")
    second = send(c, source=REFERENCE, key="one-form-key-1")
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert count(app, Submission) == 1
    assert count(app, GradingJob) == 1


def _notebook(cells: object) -> bytes:
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}).encode()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("linear_systems.py", REFERENCE)
    return buffer.getvalue()


MALFORMED = {
    "notebook without cells": ("work.ipynb", b'{"nbformat": 4}', "not a Jupyter notebook"),
    "notebook cells not a list": ("work.ipynb", _notebook({"0": 1}), "not a Jupyter notebook"),
    "notebook cell not an object": ("work.ipynb", _notebook([3]), "cell 1"),
    "notebook source of numbers": (
        "work.ipynb",
        _notebook([{"cell_type": "code", "source": [1, 2]}]),
        "malformed source",
    ),
    "notebook that is not JSON": ("work.ipynb", b"{cells: [", "not valid JSON"),
    "notebook with a huge cell": (
        "work.ipynb",
        _notebook([{"cell_type": "code", "source": "x = 1\n" * 200_000}]),
        "larger than",
    ),
    "too many cells": (
        "work.ipynb",
        _notebook([{"cell_type": "markdown", "source": ""}] * 2001),
        "more than 2000 cells",
    ),
    "non-UTF-8 text": ("mine.py", "x = 'café'\n".encode("latin-1"), "not UTF-8"),
    "NUL bytes": ("mine.py", b"x = 1\x00\n", "NUL"),
    "a zip named .py": ("linear_systems.py", _zip(), "archive"),
    "a zip": ("work.zip", _zip(), "archive"),
    "a tar.gz": ("work.tar.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 60, "archive"),
    "a tar named .py": ("mine.py", b"mine.py".ljust(257, b"\x00") + b"ustar\x0000", "archive"),
    "a huge file": ("big.py", b"#" * (1 << 20) + b"\n", "larger than"),
    # under the 10 MiB request limit, so the page itself explains
    "a notebook over 8 MiB": ("big.ipynb", b" " * (9 << 20), "larger than"),
    "another kind of file": ("notes.txt", b"hello", "submit a .py file"),
}


@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_a_malformed_upload_is_refused_with_a_message(
    case: str, make_app, clients: list[Client]
) -> None:
    app = make_app()
    c = browser(app, clients)
    filename, data, message = MALFORMED[case]
    answer = send(c, upload=(filename, data))
    assert answer.status_code == 400
    error = re.search(
        r'<div class="notice error" role="alert" id="submit-error">(.*?)</div>', answer.text, re.S
    )
    assert error, "the page must say what is wrong"
    assert message in error.group(1)
    assert count(app, Submission) == 0


def test_another_learners_submission_looks_exactly_like_a_missing_one(
    multi: FastAPI, clients: list[Client]
) -> None:
    ada, bo = browser(multi, clients), browser(multi, clients)
    sign_up(ada, "ada")
    sign_up(bo, "bob")
    location = send(ada, source=REFERENCE).headers["location"]
    sid = int(location.rsplit("/", 1)[1])
    assert ada.get(location).status_code == 200
    theirs, missing = bo.get(location), bo.get(f"{PAGE}/submissions/{sid + 99}")
    assert theirs.status_code == missing.status_code == 404

    # Same page but for the id in it (the CSRF token, hex, is set aside: it may contain the id).
    def page(text: str, shown_id: int) -> str:
        return re.sub(r"[0-9a-f]{32,}", "TOKEN", text).replace(f"/{shown_id}", "/ID")

    assert page(theirs.text, sid) == page(missing.text, sid + 99)
    other = ada.get(f"/assignments/c1w4-eigenvectors/submissions/{sid}")
    assert other.status_code == 404
    their_page = bo.get(PAGE).text
    assert 'id="history-title"' not in their_page
    assert 'id="submission-result"' not in their_page


def test_an_anonymous_visitor_reads_but_cannot_submit(
    multi: FastAPI, clients: list[Client]
) -> None:
    c = browser(multi, clients)
    page = c.get(PAGE)
    assert page.status_code == 200
    assert "Log in" in page.text
    assert "data-code-editor" not in page.text


@pytest.fixture(scope="module")
def rlimits_grader() -> Iterator[Grader]:
    with Grader(confinement="rlimits", pool_size=1) as grader:
        yield grader


def test_results_history_and_the_rlimits_warning_are_shown(
    make_app, clients: list[Client], rlimits_grader: Grader
) -> None:
    app = make_app()
    c = browser(app, clients)
    broken = REFERENCE.replace("b.reshape(-1, 1)])", "2 * b.reshape(-1, 1)])")
    assert broken != REFERENCE
    first = send(c, source=broken).headers["location"]
    pending = c.get(first).text
    assert "waiting to be graded" in pending
    assert 'hx-trigger="every 1s"' in pending
    second = send(c, source=REFERENCE).headers["location"]
    worker = Worker(app.state.site.db, rlimits_grader)
    while worker.run_once():
        pass
    page = c.get(second).text
    assert re.search(r'class="score-value">35 / 35<', page)
    assert "rlimits only" in page  # the visible warning of the local-only sandbox
    assert 'hx-trigger="every 1s"' not in page
    failed = c.get(first).text
    assert "✘ failed" in failed
    assert "augment" in failed
    history = failed.split('id="history-title"')[1]
    assert re.search(r"#1</a>.*?/ 35", history, re.S)
    assert re.search(r"#2</a>.*?35 / 35 \(100 %\)", history, re.S)


def test_an_uploaded_notebook_is_graded_with_cell_numbers_in_the_feedback(
    make_app, clients: list[Client], rlimits_grader: Grader
) -> None:
    app = make_app()
    c = browser(app, clients)
    broken = REFERENCE.replace(
        "    return np.hstack([A, b.reshape(-1, 1)])", '    raise ValueError("not yet")'
    )
    assert broken != REFERENCE
    notebook = _notebook(
        [
            {"cell_type": "markdown", "source": ["# My work\n"]},
            {"cell_type": "code", "source": "%matplotlib inline\n"},
            {"cell_type": "code", "source": broken.splitlines(keepends=True)},
        ]
    )
    location = send(c, upload=("work.ipynb", notebook)).headers["location"]
    worker = Worker(app.state.site.db, rlimits_grader)
    while worker.run_once():
        pass
    page = c.get(location).text
    assert "work.ipynb" in page
    score = re.search(r'class="score-value">(\d+) / 35<', page)
    assert score
    assert 0 < int(score.group(1)) < 35
    assert re.search(r"raised ValueError: not yet\s+cell 3, line \d+, in augment", page)
