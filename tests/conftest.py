"""Fixtures shared by the whole suite (each defined under tests/fixtures/), and the
Hypothesis profile: CI runs the same examples every time (``derandomize``), so a red
run is reproducible; local runs explore new examples."""

import os

from hypothesis import settings
from tests.fixtures.database import db
from tests.fixtures.postgres import postgres_server, postgres_url

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

__all__ = ["db", "postgres_server", "postgres_url"]
