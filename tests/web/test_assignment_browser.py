"""A programming assignment in headless Chromium against a real ``mlmath serve`` that grades
in process: edit the code in the editor with the keyboard, submit, see per-test results and
the score in the history; and the same page with JavaScript off (a plain textarea).
Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from tests.fixtures.live import ROOT, served

from mlmath.grading.spec import ASSIGNMENTS

pytestmark = [pytest.mark.browser, pytest.mark.sandbox, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
ASSIGNMENT = "c1w2-linear-systems"
REFERENCE = (ASSIGNMENTS / ASSIGNMENT / "reference.py").read_text()


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("course")
    with served(folder / "data", {"MLMATH_GRADING_WORKERS": "1"}) as url:
        yield url


def page_for(chromium: Any, base_url: str, *, javascript: bool = True) -> Any:
    context = chromium.new_context(
        base_url=base_url, viewport={"width": 1200, "height": 900}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    page.outside_requests = outside
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.script_errors = errors
    return page


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_edit_submit_and_see_results_and_history(chromium: Any, course: str) -> None:
    page = page_for(chromium, course)
    page.goto("/")
    page.get_by_role("link", name=re.compile("Programming assignment: System of Linear")).click()
    page.wait_for_url(f"**/assignments/{ASSIGNMENT}")
    editor = page.locator(".cm-editor .cm-content")
    editor.wait_for()
    assert not page.locator("textarea#source").is_visible()
    assert "def augment(" in editor.inner_text()  # the starter

    # Replace the starter by typing into the editor, then edit the end by keyboard.
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(REFERENCE)
    page.keyboard.press("Control+End")
    page.keyboard.type("\nCHECKED = True\n")
    synced = page.locator("textarea#source").input_value()
    assert synced.startswith(REFERENCE.rstrip()[:200])
    assert "CHECKED = True" in synced

    # Keyboard users can leave the editor: Escape, then Tab moves on to the upload field.
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "upload"
    shot(page, "assignment-editor")

    page.get_by_role("button", name="Submit for grading").click()
    page.wait_for_url(re.compile(rf"/assignments/{ASSIGNMENT}/submissions/\d+$"))
    score = page.locator(".score-value")
    score.wait_for(timeout=60_000)
    assert score.inner_text() == "35 / 35"
    rows = page.locator("table.tests tbody tr")
    assert rows.count() >= 10
    assert page.locator("table.tests tr.passed").count() == rows.count()
    history = page.locator("table.submissions tbody tr")
    assert history.count() == 1
    assert "35 / 35 (100 %)" in history.first.inner_text()
    assert page.outside_requests == []
    assert page.script_errors == []
    shot(page, "assignment-graded")


def test_without_javascript_the_textarea_still_submits(chromium: Any, course: str) -> None:
    page = page_for(chromium, course, javascript=False)
    page.goto(f"/assignments/{ASSIGNMENT}")
    textarea = page.locator("textarea#source")
    assert textarea.is_visible()
    assert page.locator(".cm-editor").count() == 0
    broken = REFERENCE.replace("b.reshape(-1, 1)])", "2 * b.reshape(-1, 1)])")
    textarea.fill(broken)
    page.get_by_role("button", name="Submit for grading").click()
    page.wait_for_url(re.compile(rf"/assignments/{ASSIGNMENT}/submissions/\d+$"))
    for _ in range(60):  # no htmx: the page refreshes itself until the grade is in
        if page.locator(".score-value").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    score = page.locator(".score-value").inner_text()
    assert re.fullmatch(r"\d+ / 35", score)
    assert score != "35 / 35"
    assert page.locator("table.tests tr.failed").count() >= 1
    shot(page, "assignment-no-javascript")
