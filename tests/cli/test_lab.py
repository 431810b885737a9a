"""`mlmath lab`: a lab lands in a folder as a notebook and a script, without overwriting work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from typer.testing import CliRunner

from mlmath.cli.main import app

runner = CliRunner()


def test_list_names_every_lab() -> None:
    result = runner.invoke(app, ["lab", "list"])
    assert result.exit_code == 0
    assert "c1w1-numpy-arrays" in result.stdout


def test_start_writes_a_notebook_and_a_script_that_runs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lab", "start", "c1w1-numpy-arrays", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    nb = nbformat.read(tmp_path / "c1w1-numpy-arrays.ipynb", as_version=4)
    nbformat.validate(nb)
    script = tmp_path / "c1w1-numpy-arrays.py"
    ran = subprocess.run(
        [sys.executable, script.name],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr


def test_start_keeps_existing_work(tmp_path: Path) -> None:
    mine = tmp_path / "c1w1-numpy-arrays.py"
    mine.write_text("# my answers\n")
    result = runner.invoke(app, ["lab", "start", "c1w1-numpy-arrays", str(tmp_path)])
    assert result.exit_code == 2
    assert "kept" in result.stderr
    assert mine.read_text() == "# my answers\n"


def test_an_unknown_lab_is_one_line_and_status_2() -> None:
    result = runner.invoke(app, ["lab", "start", "no-such-lab"])
    assert result.exit_code == 2
    assert "mlmath lab list" in result.stderr
