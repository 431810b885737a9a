"""Fixtures shared by the whole suite (each defined under tests/fixtures/)."""

from tests.fixtures.postgres import postgres_server, postgres_url

__all__ = ["postgres_server", "postgres_url"]
