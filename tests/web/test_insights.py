"""What an instructor needs to act, over HTTP on a real app and database: this week's
frequent mistakes with the lesson passage that addresses them, the learners who are
stuck, both as CSV, and the refusals for everyone else."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import update
from tests.fixtures.client import Client
from tests.fixtures.skills import ADDITION, right, subtracted
from tests.web.conftest import browser, config_for, csrf, sign_up

from mlmath.answers import Verdict, compare, show
from mlmath.exercises import registry
from mlmath.exercises.skill import Skill
from mlmath.services import cohorts
from mlmath.store.models import Attempt, Learner
from mlmath.store.schema import utcnow
from mlmath.web.app import create_app

HTMX = {"hx-request": "true"}
PAGES = ["/class/insights", "/class/insights/mistakes.csv", "/class/insights/stuck.csv"]
DETERMINANT = "linalg.determinant_2x2"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def multi(request: pytest.FixtureRequest, make_app: Callable[..., FastAPI]) -> FastAPI:
    """A course with accounts, on SQLite and on PostgreSQL (the queries differ most there)."""
    url = "" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    return make_app(multi_user=True, database_url=url)


def answer(c: Client, skill: Skill, respond: object) -> str:
    """Answer the learner's current variant of ``skill``; ``respond(skill, seed, level)``
    gives the response. Returns the verdict panel."""
    page = c.get(f"/practice/{skill.id}").text
    ref = re.search(r'name="ref" value="([^"]+)"', page)
    key = re.search(r'name="key" value="([^"]+)"', page)
    assert ref
    assert key
    seed, level = (int(p) for p in ref.group(1).split(".")[1:3])
    data = {
        "csrf_token": csrf(page),
        "ref": ref.group(1),
        "key": key.group(1),
        "response": respond(skill, seed, level),  # type: ignore[operator]
    }
    r = c.post(f"/practice/{skill.id}/answer", data=data, headers=HTMX)
    assert r.status_code == 200, r.text
    return r.text


def another(c: Client, skill: Skill) -> None:
    page = c.get(f"/practice/{skill.id}").text
    ref = re.search(r'name="ref" value="([^"]+)"', page)
    assert ref
    r = c.post(
        f"/practice/{skill.id}/another",
        data={"csrf_token": csrf(page), "ref": ref.group(1)},
        headers=HTMX,
    )
    assert r.status_code == 200, r.text


def first_named_mistake(skill: Skill, seed: int, level: int) -> str:
    """The response a known mistake gives on this variant (the first that differs from
    the right answer)."""
    params = skill.variant(seed, level).params
    fmt = skill.answer_format(params)
    expected = skill.solve(params).answer
    for wrong in skill.buggy_answers(params).values():
        if compare(expected, wrong, fmt) is not Verdict.EQUAL:
            return show(wrong, fmt)
    raise AssertionError("no mistake tells this variant apart")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def class_of(multi: FastAPI, clients: list[Client], *names: str) -> dict[str, Client]:
    """Signed-in browsers: ``grace`` is the instructor (see conftest), the rest learners."""
    signed: dict[str, Client] = {}
    for name in names:
        signed[name] = browser(multi, clients)
        sign_up(signed[name], name)
    return signed


def test_learners_and_visitors_are_refused_every_page(
    multi: FastAPI, clients: list[Client]
) -> None:
    people = class_of(multi, clients, "ada", "grace")
    visitor = browser(multi, clients)
    for page in PAGES:
        assert people["ada"].get(page).status_code == 403, page
        refused = visitor.get(page)
        assert refused.status_code == 303, page
        assert refused.headers["location"].startswith("/login")
        assert people["grace"].get(page).status_code == 200, page


def test_the_week_s_frequent_mistakes_link_the_passage_that_teaches_the_skill(
    multi: FastAPI, clients: list[Client]
) -> None:
    people = class_of(multi, clients, "ada", "bob", "grace")
    skills = multi.state.site.skills
    determinant = skills[DETERMINANT]
    for name in ("ada", "bob"):
        panel = answer(people[name], determinant, first_named_mistake)
        assert 'class="misconception"' in panel
    for _ in range(2):
        answer(people["ada"], ADDITION, subtracted)
    answer(people["bob"], ADDITION, right)
    # the instructor's own practice is not the class's
    answer(people["grace"], ADDITION, subtracted)

    page = people["grace"].get("/class/insights").text
    lesson, topic = multi.state.site.curriculum.where_taught(DETERMINANT)[0]
    assert f'href="/lessons/{lesson.id}#{topic.anchor}"' in page
    assert "Subtracted instead of added" in page

    found = {r["skill"]: r for r in rows(people["grace"].get("/class/insights/mistakes.csv").text)}
    assert found[ADDITION.id]["mistake"] == "Subtracted instead of added"
    assert found[ADDITION.id]["mistake id"] == "subtracted"
    assert (found[ADDITION.id]["wrong answers"], found[ADDITION.id]["learners"]) == ("2", "1")
    assert found[ADDITION.id]["lesson"] == ""  # the test skill is taught in no lesson
    assert found[DETERMINANT]["learners"] == "2"
    assert found[DETERMINANT]["lesson"] == f"/lessons/{lesson.id}#{topic.anchor}"
    assert found[DETERMINANT]["skill title"] == determinant.title

    # a mistake older than a week is no longer this week's
    with multi.state.site.db.write() as session:
        session.execute(
            update(Attempt)
            .where(Attempt.skill_id == ADDITION.id)
            .values(created_at=utcnow() - timedelta(days=8))
        )
    later = rows(people["grace"].get("/class/insights/mistakes.csv").text)
    assert [r["skill"] for r in later] == [DETERMINANT]


def test_three_wrong_answers_in_a_row_make_a_learner_stuck_until_a_right_one(
    multi: FastAPI, clients: list[Client]
) -> None:
    people = class_of(multi, clients, "ada", "bob", "grace")
    for _ in range(3):
        answer(people["ada"], ADDITION, subtracted)
    answer(people["bob"], ADDITION, right)
    another(people["bob"], ADDITION)
    for _ in range(2):
        answer(people["bob"], ADDITION, subtracted)

    stuck = rows(people["grace"].get("/class/insights/stuck.csv").text)
    assert [(r["username"], r["skill"], r["wrong in a row"]) for r in stuck] == [
        ("ada", ADDITION.id, "3")
    ]
    assert stuck[0]["reason"] == "3 wrong answers in a row"
    assert stuck[0]["last progress"] == ""
    assert stuck[0]["last active"].endswith("UTC")
    page = people["grace"].get("/class/insights").text
    assert "3 wrong answers in a row" in page
    assert ADDITION.title in page

    answer(people["ada"], ADDITION, right)
    assert rows(people["grace"].get("/class/insights/stuck.csv").text) == []


def test_a_learner_without_progress_for_a_week_is_listed(
    multi: FastAPI, clients: list[Client]
) -> None:
    people = class_of(multi, clients, "ada", "bob", "cy", "grace")
    answer(people["bob"], ADDITION, right)
    answer(people["cy"], ADDITION, subtracted)
    long_ago = utcnow() - timedelta(days=10)
    with multi.state.site.db.write() as session:
        session.execute(update(Learner).values(created_at=long_ago))
    stuck = rows(people["grace"].get("/class/insights/stuck.csv").text)
    # ada never answered, cy only wrongly; bob answered right today; grace is no learner
    assert [(r["username"], r["reason"], r["last progress"]) for r in stuck] == [
        ("ada", "no progress for a week", ""),
        ("cy", "no progress for a week", ""),
    ]
    assert stuck[0]["last active"] == ""
    assert stuck[1]["last active"].endswith("UTC")

    # right answers more than a week old are no progress this week
    with multi.state.site.db.write() as session:
        session.execute(update(Attempt).values(created_at=long_ago))
    names = [r["username"] for r in rows(people["grace"].get("/class/insights/stuck.csv").text)]
    assert names == ["ada", "cy", "bob"]  # never first, then the longest without progress


def test_a_new_account_is_not_idle_and_the_class_page_links_the_report(
    multi: FastAPI, clients: list[Client]
) -> None:
    people = class_of(multi, clients, "ada", "grace")
    assert rows(people["grace"].get("/class/insights/stuck.csv").text) == []
    assert 'href="/class/insights"' in people["grace"].get("/class").text
    page = people["grace"].get("/class/insights").text
    assert "No named mistakes this week." in page
    assert "Nobody is stuck." in page
    r = people["grace"].get("/class/insights/stuck.csv")
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="stuck.csv"' in r.headers["content-disposition"]


@pytest.fixture
def school(tmp_path: Path) -> Iterator[FastAPI]:
    """A course with two instructors, grace and hopper."""
    config = replace(config_for(tmp_path / "school"), instructors=("grace", "hopper"))
    app = create_app(
        config, multi_user=True, skills={**registry.all_skills(), ADDITION.id: ADDITION}
    )
    yield app
    app.state.site.db.close()


def without_token(page: str) -> str:
    return page.replace(csrf(page), "")


def test_an_instructor_sees_the_cohorts_they_teach_and_nothing_of_the_others(
    school: FastAPI, clients: list[Client]
) -> None:
    people = class_of(school, clients, "ada", "bob", "grace", "hopper")
    with school.state.site.db.write() as session:
        first = cohorts.add_members(session, "Group A", ["grace", "ada"]).cohort.id
        second = cohorts.add_members(session, "Group B", ["hopper", "bob"]).cohort.id
    for name in ("ada", "bob"):
        for _ in range(3):
            answer(people[name], ADDITION, subtracted)
    grace, hopper = people["grace"], people["hopper"]

    def stuck(c: Client, query: str = "") -> list[str]:
        r = c.get(f"/class/insights/stuck.csv{query}")
        assert r.status_code == 200, r.text
        return [row["username"] for row in rows(r.text)]

    assert stuck(grace) == ["ada", "bob"]  # the whole class
    assert stuck(grace, f"?cohort={first}") == ["ada"]
    assert stuck(hopper, f"?cohort={second}") == ["bob"]
    mistakes = rows(grace.get(f"/class/insights/mistakes.csv?cohort={first}").text)
    assert [(r["wrong answers"], r["learners"]) for r in mistakes] == [("3", "1")]
    page = grace.get(f"/class/insights?cohort={first}").text
    assert "What to act on: Group A" in page
    assert f'href="/class/insights/stuck.csv?cohort={first}"' in page
    assert "Group B" not in page

    # another instructor's cohort looks exactly like a missing one, on every page
    missing = second + 99
    for page_path in PAGES:
        theirs = grace.get(f"{page_path}?cohort={second}")
        absent = grace.get(f"{page_path}?cohort={missing}")
        assert theirs.status_code == absent.status_code == 404, page_path
        assert without_token(theirs.text) == without_token(absent.text).replace(
            str(missing), str(second)
        )
        assert "bob" not in theirs.text
    assert people["ada"].get(f"/class/insights?cohort={first}").status_code == 403
    assert grace.get("/class/insights?cohort=first").status_code == 400
