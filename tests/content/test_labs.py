"""Every lab runs end to end as shipped, its plots drawn; its exercises' reference solutions
pass their checks; a typical wrong solution fails its check with a readable message.

An exercise is a code cell defining one function whose body is
``raise NotImplementedError("write this function")``; a later cell runs
``check_<name>(<name>)``. ``solutions/<lab file>.py`` holds ``SOLUTIONS`` and ``MISTAKES``
(source text per exercise), ``checks/<lab file>.py`` the check functions.

Each lab is executed at most twice: as shipped, and with every exercise replaced by its
reference solution. Wrong solutions are run through the check functions directly.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import jupytext
import numpy as np
import pytest
from nbclient import NotebookClient

from mlmath.content.curriculum import Lab, curriculum

LABS = [lab for week in curriculum().weeks() for lab in week.labs]
WRITE_THIS = 'raise NotImplementedError("write this function")'
DEFINES = re.compile(r"^def (\w+)\(", re.MULTILINE)
MIN_PLOTS = 3
"""Plots a lab with exercises draws at least (a lab teaches with pictures)."""

DRAW_ALL = """
import io as _io
import matplotlib.pyplot as _plt
for _number in _plt.get_fignums():
    _plt.figure(_number).savefig(_io.BytesIO(), format="png")
print(f"figures drawn: {len(_plt.get_fignums())}")
"""
"""Appended to a lab under test: under Agg nothing is drawn until saved, and a bad label
(mathtext) only fails when drawn."""


def read(lab: Lab) -> Any:
    notebook = jupytext.read(lab.path)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return notebook


def exercises(notebook: Any) -> dict[str, int]:
    """Each exercise's function name and the index of its cell."""
    found: dict[str, int] = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and WRITE_THIS in cell.source:
            names = DEFINES.findall(cell.source)
            assert len(names) == 1, f"an exercise cell defines one function, not {names}"
            found[names[0]] = index
    return found


def solutions(lab: Lab) -> ModuleType:
    return importlib.import_module(f"mlmath.content.labs.solutions.{lab.path.stem}")


def checks(lab: Lab) -> ModuleType:
    return importlib.import_module(f"mlmath.content.labs.checks.{lab.path.stem}")


def define(source: str, name: str) -> Any:
    """The function ``name`` defined by ``source`` (which may use ``np``)."""
    namespace: dict[str, Any] = {"np": np}
    exec(compile(source, f"<{name}>", "exec"), namespace)
    return namespace[name]


def execute(notebook: Any, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the notebook headless (Agg); return everything its cells printed."""
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook.cells.append(jupytext.reads(DRAW_ALL, fmt="py:percent").cells[0])
    client = NotebookClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": folder}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors[0].get("evalue")
    return "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")


def figures(printed: str) -> int:
    match = re.search(r"figures drawn: (\d+)", printed)
    assert match, "the drawing cell did not run"
    return int(match.group(1))


EXERCISES = {lab.id: exercises(read(lab)) for lab in LABS}
WITH_EXERCISES = [lab for lab in LABS if EXERCISES[lab.id]]
EACH_EXERCISE = [(lab, name) for lab in WITH_EXERCISES for name in EXERCISES[lab.id]]


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=[lab.id for lab in LABS])
def test_lab_runs_end_to_end_as_shipped(
    lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = execute(read(lab), tmp_path, monkeypatch)
    names = EXERCISES[lab.id]
    for name in names:
        assert f"· {name} is not written yet" in printed, f"check_{name} did not run"
    if names:
        assert figures(printed) >= MIN_PLOTS


@pytest.mark.slow
@pytest.mark.parametrize("lab", WITH_EXERCISES, ids=[lab.id for lab in WITH_EXERCISES])
def test_reference_solutions_pass_every_check(
    lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notebook = read(lab)
    reference = solutions(lab).SOLUTIONS
    for name, index in EXERCISES[lab.id].items():
        notebook.cells[index].source = reference[name]
    printed = execute(notebook, tmp_path, monkeypatch)
    for name in EXERCISES[lab.id]:
        assert f"✓ {name}: " in printed, f"check_{name} did not pass:\n{printed}"
    assert "not written yet" not in printed


@pytest.mark.parametrize("lab", WITH_EXERCISES, ids=[lab.id for lab in WITH_EXERCISES])
def test_every_exercise_has_a_check_cell_a_solution_and_a_mistake(lab: Lab) -> None:
    notebook = read(lab)
    module = solutions(lab)
    names = EXERCISES[lab.id]
    assert set(module.SOLUTIONS) == set(names), "SOLUTIONS must cover exactly the exercises"
    assert set(module.MISTAKES) == set(names), "MISTAKES must cover exactly the exercises"
    for name, index in names.items():
        later = [c.source for c in notebook.cells[index + 1 :] if c.cell_type == "code"]
        assert later, f"{name}: no cell after the exercise"
        assert f"check_{name}({name})" in later[0], f"{name}: the next code cell runs its check"
        assert callable(getattr(checks(lab), f"check_{name}", None)), f"no check_{name}"


@pytest.mark.parametrize(
    ("lab", "name"), EACH_EXERCISE, ids=[f"{lab.id}-{name}" for lab, name in EACH_EXERCISE]
)
def test_reference_passes_and_typical_mistake_fails_readably(
    lab: Lab, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    check = getattr(checks(lab), f"check_{name}")
    check(define(solutions(lab).SOLUTIONS[name], name))
    assert capsys.readouterr().out.startswith(f"✓ {name}: ")

    with pytest.raises(AssertionError) as raised:
        check(define(solutions(lab).MISTAKES[name], name))
    message = str(raised.value)
    assert message.startswith(f"✗ {name}"), message
    assert re.search(rf"^  {name}\(.*\) with", message, re.MULTILINE), "the input is named"
    assert "\n  expected: " in message, "what was expected is shown"
    assert "\n  got:      " in message, "what came back is shown"
