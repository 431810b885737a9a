from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from tests.fixtures.browser import chromium
from tests.fixtures.client import Client
from tests.fixtures.skills import ADDITION

from mlmath.config import Config
from mlmath.exercises import registry
from mlmath.web.app import create_app

PASSWORD = "correct horse battery"

__all__ = ["chromium"]  # the browser tests' fixture, shared from tests/fixtures/browser.py


def config_for(data_dir: Path, database_url: str = "") -> Config:
    return Config(
        data_dir=data_dir,
        database_url=database_url,
        multi_user="auto",
        secret_key="",
        grading_workers=0,
        sandbox="auto",
        instructors=("grace",),
    )


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[Callable[..., FastAPI]]:
    apps: list[FastAPI] = []

    def make(*, multi_user: bool = False, database_url: str = "") -> FastAPI:
        skills = {**registry.all_skills(), ADDITION.id: ADDITION}
        app = create_app(
            config_for(tmp_path / "data", database_url), multi_user=multi_user, skills=skills
        )
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.site.db.close()


@pytest.fixture
def clients() -> Iterator[list[Client]]:
    made: list[Client] = []
    yield made
    for c in made:
        c.close()


@pytest.fixture
def single(make_app: Callable[..., FastAPI], clients: list[Client]) -> Client:
    """A browser on a single-user course (no log-in)."""
    c = Client(make_app())
    clients.append(c)
    return c


@pytest.fixture
def multi(make_app: Callable[..., FastAPI]) -> FastAPI:
    return make_app(multi_user=True)


def browser(
    app: FastAPI,
    clients: list[Client],
    base_url: str = "http://127.0.0.1:8000",
    client_ip: str = "127.0.0.1",
) -> Client:
    c = Client(app, base_url, client_ip)
    clients.append(c)
    return c


def sign_up(c: Client, username: str) -> None:
    token = csrf(c.get("/signup").text)
    r = c.post("/signup", data={"username": username, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303, r.text
