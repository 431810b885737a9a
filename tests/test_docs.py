"""Docs that cannot drift: every setting and every command is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from mlmath.cli.main import app
from mlmath.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def plain(text: str) -> str:
    """Text without code quotes: the README writes `on` where the help writes 'on'."""
    return text.replace("`", "").replace("'", "")


def settings_table() -> dict[str, tuple[str, str]]:
    rows = re.findall(r"^\| `(MLMATH_\w+)` \| (.*?) \| (.*?) \|$", README, flags=re.MULTILINE)
    return {name: (default, text) for name, default, text in rows}


def test_every_setting_is_in_the_readme_with_its_default_and_help() -> None:
    table = settings_table()
    assert set(table) == {s.name for s in SETTINGS}
    for setting in SETTINGS:
        default, text = table[setting.name]
        expected_default = f"`{setting.default}`" if setting.default else "(empty)"
        assert default == expected_default, setting.name
        assert plain(text) == plain(setting.help), setting.name


def command_names() -> set[str]:
    names = {c.name for c in app.registered_commands if c.name}
    names |= {g.name for g in app.registered_groups if g.name}
    return names


def test_every_command_is_in_the_readme() -> None:
    for name in command_names():
        assert f"mlmath {name}" in README, f"`mlmath {name}` is not in the README"


def test_every_command_has_help() -> None:
    command = typer.main.get_command(app)
    for name in command_names():
        sub = command.get_command(None, name)  # type: ignore[attr-defined]
        assert sub is not None, name
        assert sub.help or sub.short_help, name
