"""Jinja filters shared by the templates."""

from __future__ import annotations

from datetime import datetime

from jinja2 import Environment

from mlmath.services.mastery import LEVEL_NAMES


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def when(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def install(env: Environment) -> None:
    env.filters["percent"] = percent
    env.filters["when"] = when
    env.globals["level_names"] = LEVEL_NAMES
    env.autoescape = True
