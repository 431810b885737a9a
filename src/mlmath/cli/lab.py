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


JUPYTERLAB_MISSING = (
    "JupyterLab is not installed: `pip install 'mlmath[lab]'` adds it "
    "(or `mlmath lab start {id}` puts the notebook in this folder for your own Jupyter)"
)


def jupyterlab_installed() -> bool:
    """Whether the optional ``mlmath[lab]`` extra (JupyterLab) is installed."""
    import importlib.util

    return importlib.util.find_spec("jupyterlab") is not None


def launch(command: list[str], folder: Path) -> int:
    """Run ``command`` in ``folder`` until it ends (JupyterLab stops with Ctrl+C)."""
    import subprocess

    try:
        return subprocess.call(command, cwd=folder)
    except KeyboardInterrupt:
        return 0


@app.command("open")
def open_lab(
    lab_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. c1w1-numpy-arrays")],
    folder: Annotated[
        Path | None, typer.Argument(help="Where the notebook is kept (default: this folder).")
    ] = None,
) -> None:
    """Open the lab in JupyterLab (needs the extra: pip install 'mlmath[lab]').

    The notebook is written to the folder first, unless it is already there: then your
    copy, with your work in it, is opened as it is.
    """
    import sys

    from mlmath.content.curriculum import curriculum
    from mlmath.services import labs

    try:
        lab = curriculum().lab(lab_id)
    except KeyError:
        fail(f"no lab is called {lab_id!r}; `mlmath lab list` lists them")
    if not jupyterlab_installed():
        fail(JUPYTERLAB_MISSING.format(id=lab.id))
    target = folder or Path.cwd()
    if target.exists() and not target.is_dir():
        fail(f"{target} is a file, not a folder")
    target.mkdir(parents=True, exist_ok=True)
    notebook_path = target / f"{lab.id}.ipynb"
    if notebook_path.exists():
        typer.echo(f"{lab.title}\n  {notebook_path}  (already here: opening your copy)")
    else:
        notebook_path.write_text(labs.ipynb(lab), encoding="utf-8")
        typer.echo(f"{lab.title}\n  {notebook_path}")
    typer.echo("Opening JupyterLab; stop it with Ctrl+C.")
    code = launch([sys.executable, "-m", "jupyterlab", notebook_path.name], target)
    if code:
        raise typer.Exit(code)
