"""End to end in headless Chromium against a real ``mlmath serve``.

A newcomer reads a lesson, practises (one wrong answer with its named mistake,
the worked solution, one right answer), passes a graded quiz and finds the
progress kept after a reload; an instructor downloads the gradebook; a second
learner cannot open the first one's attempts. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from tests.fixtures.live import ROOT, served

from mlmath.answers import Verdict, compare, show
from mlmath.answers.format import Kind
from mlmath.exercises import registry

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
SKILL = "linalg.determinant_2x2"
PASSWORD = "correct horse battery"


def new_page(chromium: Any, base_url: str, width: int = 1200) -> Any:
    context = chromium.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith(base_url) else outside.append(r.url),
    )
    page.outside_requests = outside
    return page


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def answers_for(skill_id: str, ref: str) -> tuple[str, str, Any]:
    """The right answer and a wrong one with a named mistake, for the variant on the page."""
    _, seed, level, _ = ref.split(".")
    skill = registry.get(skill_id)
    params = skill.variant(int(seed), int(level)).params
    fmt = skill.answer_format(params)
    expected = skill.solve(params).answer
    wrong = next(
        w
        for w in skill.buggy_answers(params).values()
        if compare(expected, w, fmt) is not Verdict.EQUAL
    )
    return show(expected, fmt), show(wrong, fmt), fmt


def fill_item(page: Any, position: int, skill_id: str, seed: int, level: int) -> None:
    skill = registry.get(skill_id)
    params = skill.variant(seed, level).params
    fmt = skill.answer_format(params)
    answer = skill.solve(params).answer
    item = page.locator(f"#q{position + 1}")
    if fmt.kind in (Kind.CHOICE, Kind.CHOICES):
        chosen = answer if isinstance(answer, set | frozenset) else {answer}
        for option_id in chosen:
            item.locator(f"input[value='{option_id}']").check()
    else:
        item.locator("textarea").fill(show(answer, fmt))


def test_a_newcomer_learns_practises_passes_a_quiz_and_keeps_progress(
    chromium: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with served(data) as url:
        page = new_page(chromium, url)
        page.goto("/")
        assert page.get_by_role("heading", name="Mathematics for machine learning").is_visible()
        shot(page, "course-map")

        page.get_by_role(
            "link", name=re.compile("Systems of linear equations: two variables")
        ).click()
        page.wait_for_selector(".lesson-text .katex")  # math rendered by KaTeX
        assert page.locator(".katex-mathml").count() > 0  # MathML kept for screen readers
        shot(page, "lesson")

        panel_id = "#practice-" + SKILL.replace(".", "-")
        page.locator(".practice-slot", has_text="Determinant").first.scroll_into_view_if_needed()
        panel = page.locator(panel_id)
        panel.wait_for()
        ref = panel.locator("input[name=ref]").input_value()
        right, wrong, _ = answers_for(SKILL, ref)

        box = panel.locator("textarea")
        box.fill(wrong)
        panel.locator(".preview .katex").wait_for()  # read as math before submitting
        panel.get_by_role("button", name="Check").click()
        verdict = page.locator(f"{panel_id} .verdict")
        verdict.wait_for()
        assert "Not correct" in verdict.inner_text()
        assert page.locator(f"{panel_id} .misconception .name").inner_text()  # the named mistake
        shot(page, "practice-mistake")

        page.locator(panel_id).get_by_role("button", name="Show solution").click()
        page.locator(f"{panel_id} .solution .katex").first.wait_for()
        shot(page, "practice-solution")

        page.locator(panel_id).locator("textarea").fill(right)
        page.locator(panel_id).get_by_role("button", name="Check").click()
        page.wait_for_selector(f"{panel_id} .verdict-correct")

        page.locator(panel_id).get_by_role("button", name="Another one").click()
        page.wait_for_selector(f"{panel_id} >> text=problem 2")
        ref2 = page.locator(f"{panel_id} input[name=ref]").input_value()
        assert ref2 != ref
        right2, _, _ = answers_for(SKILL, ref2)
        page.locator(panel_id).locator("textarea").fill(right2)
        page.wait_for_timeout(1200)  # the draft is saved after a pause in typing

        page.goto(f"/practice/{SKILL}")
        assert page.locator("input[name=ref]").input_value() == ref2  # same variant
        assert page.locator("textarea").input_value() == right2  # the typed answer survived
        page.get_by_role("button", name="Check").click()
        page.wait_for_selector(".verdict-correct")

        page.goto("/quizzes/c1w1-matrices")
        page.get_by_role("button", name=re.compile("Start")).click()
        page.wait_for_url(re.compile(r"/quiz-attempts/\d+"))
        attempt_id = int(page.url.rsplit("/", 1)[1])
        with sqlite3.connect(data / "mlmath.sqlite3") as db:
            items = db.execute(
                "select position, skill_id, seed, level from quiz_answer "
                "where quiz_attempt_id = ? order by position",
                (attempt_id,),
            ).fetchall()
        for position, skill_id, seed, level in items:
            fill_item(page, position, skill_id, seed, level)
        shot(page, "graded-quiz")
        page.get_by_role("button", name="Submit all answers").click()
        result = page.locator(".result")
        result.wait_for()
        assert "Passed" in result.inner_text()
        assert "100 %" in result.inner_text()
        shot(page, "graded-quiz-result")

        page.goto("/")
        page.reload()
        assert "passed" in page.locator(".quizzes").first.inner_text()
        bars = page.locator(".lessons .bar-text").all_inner_texts()
        assert any(b != "0 %" for b in bars)
        page.goto("/review")
        assert "Determinant of a 2×2 matrix" in page.locator("table.mastery").inner_text()
        shot(page, "review")

        phone = new_page(chromium, url, width=375)
        phone.goto("/lessons/c1w1l1")
        phone.wait_for_selector(".katex")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 380, "the lesson scrolls sideways at phone width"
        shot(phone, "lesson-phone")
        assert page.outside_requests == []
        assert phone.outside_requests == []


def test_an_instructor_exports_the_gradebook_and_learners_see_only_their_own_work(
    chromium: Any, tmp_path: Path
) -> None:
    env = {"MLMATH_MULTI_USER": "on", "MLMATH_INSTRUCTORS": "grace"}
    with served(tmp_path / "data", env) as url:

        def sign_up(name: str) -> Any:
            page = new_page(chromium, url)
            page.goto("/signup")
            page.get_by_label("Username").fill(name)
            page.get_by_label("Password (at least 10 characters)").fill(PASSWORD)
            page.get_by_role("button", name="Create the account").click()
            page.wait_for_url(url + "/")
            return page

        ada = sign_up("ada")
        ada.goto(f"/practice/{SKILL}")
        ada.locator("textarea").fill("1")
        ada.get_by_role("button", name="Check").click()
        ada.wait_for_selector(".verdict")
        ada.goto("/attempts")
        link = ada.locator("table.history a").first.get_attribute("href")
        assert link is not None
        assert link.startswith("/attempts/")

        bob = sign_up("bob")
        response = bob.goto(link)
        assert response is not None
        assert response.status == 404
        assert "There is nothing here" in bob.content()
        shot(bob, "not-yours")

        grace = sign_up("grace")
        grace.goto("/class")
        assert "ada" in grace.locator("table.class-table").inner_text()
        shot(grace, "class-table")
        with grace.expect_download() as download_info:
            grace.get_by_role("link", name=re.compile("Download the gradebook")).click()
        csv_text = Path(download_info.value.path()).read_text()
        assert csv_text.startswith("username,name")
        assert any(line.startswith("ada,") for line in csv_text.splitlines())


def test_every_lesson_fits_a_phone_screen(chromium: Any, tmp_path: Path) -> None:
    """At 360 px nothing makes a lesson scroll sideways: wide formulas and tables scroll
    inside their own box, long code names wrap."""
    from mlmath.content.curriculum import curriculum

    with served(tmp_path / "data") as url:
        phone = new_page(chromium, url, width=360)
        too_wide = {}
        for lesson in curriculum().lessons():
            phone.goto(f"/lessons/{lesson.id}")
            phone.wait_for_selector(".lesson-text")
            phone.wait_for_load_state("load")
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                too_wide[lesson.id] = width
        assert too_wide == {}, "these lessons scroll sideways on a phone (page widths)"
        assert phone.outside_requests == []
