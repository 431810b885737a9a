"""``mlmath lab``: the labs — runnable notebooks — on your own machine."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlmath.cli.errors import fail

app = typer.Typer(help="Labs: notebooks that teach with NumPy, to run in Jupyter or as scripts.")


@app.command("list")
def list_labs() -> None:
    """List the labs, week by week."""
    from mlmath.content.curriculum import curriculum

    for week in curriculum().weeks():
        for lab in week.labs:
            typer.echo(f"{lab.id:40} {week.id}  {lab.title}")


@app.command("start")
def start(
    lab_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. c1w1-numpy-arrays")],
    folder: Annotated[
        Path | None, typer.Argument(help="Where to put the files (default: this folder).")
    ] = None,
) -> None:
    """Put the lab into a folder as a notebook (.ipynb) and as a Python script (.py)."""
    from mlmath.content.curriculum import curriculum
    from mlmath.services import labs

    try:
        lab = curriculum().lab(lab_id)
    except KeyError:
        fail(f"no lab is called {lab_id!r}; `mlmath lab list` lists them")
    target = folder or Path.cwd()
    if target.exists() and not target.is_dir():
        fail(f"{target} is a file, not a folder")
    notebook_path, script_path = target / f"{lab.id}.ipynb", target / f"{lab.id}.py"
    existing = [p.name for p in (notebook_path, script_path) if p.exists()]
    if existing:
        names = ", ".join(existing)
        fail(f"{names} already in {target}: your work there is kept; choose another folder")
    target.mkdir(parents=True, exist_ok=True)
    notebook_path.write_text(labs.ipynb(lab), encoding="utf-8")
    script_path.write_text(labs.percent_source(lab), encoding="utf-8")
    typer.echo(f"{lab.title}\n  {notebook_path}  (open in Jupyter)")
    typer.echo(f"  {script_path}  (or run it: python {script_path.name})")
