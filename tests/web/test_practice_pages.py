"""The practice loop over HTTP, as htmx drives it: preview, verdict, mistake, hint, solution."""

from __future__ import annotations

import re

from tests.fixtures.client import Client
from tests.fixtures.skills import ADDITION, right, subtracted
from tests.web.conftest import csrf

from mlmath.services.practice import VariantRef

HTMX = {"hx-request": "true"}
PANEL = f"/practice/{ADDITION.id}"


def form(c: Client) -> dict[str, str]:
    page = c.get(PANEL).text
    return {
        "csrf_token": csrf(page),
        "ref": re.search(r'name="ref" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
        "key": re.search(r'name="key" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
    }


def seed_level(ref: str) -> tuple[int, int]:
    parts = ref.split(".")
    return int(parts[1]), int(parts[2])


def test_the_same_variant_comes_back_on_reload(single: Client) -> None:
    assert form(single)["ref"] == form(single)["ref"]


def test_a_wrong_answer_names_the_mistake_and_a_right_one_is_correct(single: Client) -> None:
    f = form(single)
    seed, level = seed_level(f["ref"])
    wrong = single.post(
        f"{PANEL}/answer", data={**f, "response": subtracted(ADDITION, seed, level)}, headers=HTMX
    )
    assert wrong.status_code == 200
    assert "Not correct" in wrong.text
    assert "Subtracted instead of added" in wrong.text
    f = form(single)
    good = single.post(
        f"{PANEL}/answer", data={**f, "response": right(ADDITION, seed, level)}, headers=HTMX
    )
    assert "Correct." in good.text


def test_without_javascript_the_form_posts_and_comes_back_to_the_page(single: Client) -> None:
    f = form(single)
    r = single.post(f"{PANEL}/answer", data={**f, "response": "1"})
    assert r.status_code == 303
    assert r.headers["location"] == PANEL
    assert "Your answer: <code>1</code>" in single.get(PANEL).text


def test_the_preview_shows_how_the_answer_was_read_and_stores_nothing(single: Client) -> None:
    f = form(single)
    r = single.get("/preview/practice/test.addition", params={"ref": f["ref"], "response": "-3/4"})
    assert 'data-latex="-\\frac{3}{4}"' in r.text
    r = single.get("/preview/practice/test.addition", params={"ref": f["ref"], "response": "3 +"})
    assert "preview-error" in r.text
    assert single.get(PANEL).text.count('name="ref" value="' + f["ref"]) == 1
    assert "problem 1" in single.get(PANEL).text


def test_a_typed_answer_survives_a_reload(single: Client) -> None:
    f = form(single)
    r = single.post(f"{PANEL}/draft", data={**f, "response": "12345"}, headers=HTMX)
    assert r.status_code == 204
    assert ">12345</textarea>" in single.get(PANEL).text


def test_hints_come_one_at_a_time(single: Client) -> None:
    f = form(single)
    one = single.get(f"{PANEL}/hint", params={"ref": f["ref"], "n": 1}, headers=HTMX).text
    assert "Which operation" in one
    assert "count b more" not in one
    two = single.get(f"{PANEL}/hint", params={"ref": f["ref"], "n": 2}, headers=HTMX).text
    assert "count b more" in two


def test_after_a_named_mistake_the_first_hint_addresses_it(single: Client) -> None:
    f = form(single)
    seed, level = seed_level(f["ref"])
    single.post(
        f"{PANEL}/answer", data={**f, "response": subtracted(ADDITION, seed, level)}, headers=HTMX
    )
    one = single.get(f"{PANEL}/hint", params={"ref": f["ref"], "n": 1}, headers=HTMX).text
    assert "Look again at the step behind your last answer" in one
    assert "Which operation" not in one
    two = single.get(f"{PANEL}/hint", params={"ref": f["ref"], "n": 2}, headers=HTMX).text
    assert "Which operation" in two


def test_show_solution_gives_the_worked_steps_and_another_one_moves_on(single: Client) -> None:
    f = form(single)
    seed, level = seed_level(f["ref"])
    shown = single.post(f"{PANEL}/solution", data=f, headers=HTMX).text
    assert "Worked solution" in shown
    assert right(ADDITION, seed, level) in shown
    assert "Worked solution" in single.get(PANEL).text  # remembered on reload
    nxt = single.post(f"{PANEL}/another", data=form(single), headers=HTMX).text
    assert "problem 2" in nxt
    assert "Worked solution" not in nxt


def test_learner_text_is_escaped_everywhere_it_is_shown(single: Client) -> None:
    f = form(single)
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    single.post(f"{PANEL}/answer", data={**f, "response": attack}, headers=HTMX)
    for page in (single.get(PANEL).text, single.get("/attempts").text):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;alert" in page


def test_a_tampered_variant_reference_is_refused(single: Client) -> None:
    f = form(single)
    seed, level = seed_level(f["ref"])
    forged = VariantRef(0, seed + 1, level)
    ordinal, _, lvl, signature = f["ref"].split(".")
    data = {**f, "ref": f"{ordinal}.{forged.seed}.{lvl}.{signature}", "response": "1"}
    r = single.post(f"{PANEL}/answer", data=data)
    assert r.status_code == 404
    assert "course map" in r.text


def test_a_stale_page_says_to_reload(single: Client) -> None:
    f = form(single)
    single.post(f"{PANEL}/another", data=f, headers=HTMX)
    r = single.post(f"{PANEL}/answer", data={**f, "response": "1"})
    assert r.status_code == 409
    assert "reload the page" in r.text.lower()


def test_the_preview_reads_every_accepted_form() -> None:
    from mlmath.answers import AnswerFormat, Choice, Kind
    from mlmath.web.routes.practice import preview_context

    interval = AnswerFormat(Kind.VECTOR, shape=(2,), decimals=2, interval=True)
    assert preview_context(interval, "50 ± 3.92")["reading"].text == "(46.08, 53.92)"
    values = AnswerFormat(Kind.VECTOR, shape=(2,), unordered=True)
    assert preview_context(values, "{3, -1}")["reading"].text == "{3, -1}"
    number = AnswerFormat(Kind.NUMBER)
    assert preview_context(number, "C(10, 3)")["reading"].text == "120"
    proportion = AnswerFormat(Kind.NUMBER, decimals=3, percent_allowed=True)
    assert preview_context(proportion, "16.1%")["reading"].text == "16.1% = 0.161"
    choice = AnswerFormat(
        Kind.CHOICE, options=(Choice("unique", "Exactly one solution"), Choice("none", "None"))
    )
    assert preview_context(choice, "one solution.")["reading"].text == "Exactly one solution"
