"""How the command line reports a user's mistake: one line on stderr, exit status 2."""

from __future__ import annotations

from typing import NoReturn

import typer

USAGE_ERROR = 2


def fail(message: str) -> NoReturn:
    typer.echo(f"mlmath: {message}", err=True)
    raise typer.Exit(USAGE_ERROR)
