"""``mlmath serve``: the web course on this machine, on SQLite unless told otherwise."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Start the web course at http://HOST:PORT (creates the database on first run)."""
    import uvicorn

    from mlmath.config import Config
    from mlmath.web.app import create_app
    from mlmath.web.site import multi_user_for

    config = Config.from_environment()
    app = create_app(config, host=host)
    mode = "accounts and log-in" if multi_user_for(config, host) else "single learner, no log-in"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"mlmath: the course is at http://{shown}:{port}/ ({mode}). Stop with Ctrl+C.")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )
