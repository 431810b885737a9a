"""`mlmath lab`: a lab lands in a folder as a notebook and a script, without overwriting work;
`mlmath lab open` starts JupyterLab on it, or says how to install the extra that has it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

from mlmath.cli import lab as lab_cli
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


def test_open_without_jupyterlab_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lab_cli, "jupyterlab_installed", lambda: False)
    launched: list[list[str]] = []
    monkeypatch.setattr(lab_cli, "launch", lambda command, folder: launched.append(command) or 0)
    result = runner.invoke(app, ["lab", "open", "c1w1-numpy-arrays", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'mlmath[lab]'" in result.stderr
    assert "mlmath lab start c1w1-numpy-arrays" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not launched
    assert not list(tmp_path.iterdir()), "nothing is written when JupyterLab is missing"


def test_the_missing_extra_is_detected_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check looks for the module itself (no import of JupyterLab at start-up)."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "jupyterlab" else real(name)
    )
    assert lab_cli.jupyterlab_installed() is False


def test_open_writes_the_notebook_and_starts_jupyterlab_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lab_cli, "jupyterlab_installed", lambda: True)
    launched: list[tuple[list[str], Path]] = []
    monkeypatch.setattr(
        lab_cli, "launch", lambda command, folder: launched.append((command, folder)) or 0
    )
    result = runner.invoke(app, ["lab", "open", "c1w1-numpy-arrays", str(tmp_path / "labs")])
    assert result.exit_code == 0, result.stderr
    notebook = tmp_path / "labs" / "c1w1-numpy-arrays.ipynb"
    nbformat.validate(nbformat.read(notebook, as_version=4))
    [(command, folder)] = launched
    assert command == [sys.executable, "-m", "jupyterlab", "c1w1-numpy-arrays.ipynb"]
    assert folder == tmp_path / "labs"


def test_open_opens_an_existing_notebook_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "c1w1-numpy-arrays.ipynb"
    mine.write_text('{"my": "work"}')
    monkeypatch.setattr(lab_cli, "jupyterlab_installed", lambda: True)
    monkeypatch.setattr(lab_cli, "launch", lambda command, folder: 0)
    result = runner.invoke(app, ["lab", "open", "c1w1-numpy-arrays", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "your copy" in result.stdout
    assert mine.read_text() == '{"my": "work"}'


def test_open_an_unknown_lab_is_one_line_and_status_2() -> None:
    result = runner.invoke(app, ["lab", "open", "no-such-lab"])
    assert result.exit_code == 2
    assert "mlmath lab list" in result.stderr
