"""Jinja filters shared by the templates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from jinja2 import Environment

from mlmath.exercises.figures import KINDS
from mlmath.services.mastery import LEVEL_NAMES

FIGURE_SCRIPTS = Path(__file__).resolve().parent / "static" / "figures"


def figure_scripts() -> list[str]:
    """The figure kinds with a script to draw them (``static/figures/<kind>.js``)."""
    return [kind for kind in KINDS if (FIGURE_SCRIPTS / f"{kind}.js").is_file()]


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def when(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def install(env: Environment) -> None:
    env.filters["percent"] = percent
    env.filters["when"] = when
    env.globals["level_names"] = LEVEL_NAMES
    env.globals["figure_scripts"] = figure_scripts()
    env.autoescape = True
