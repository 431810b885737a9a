"""Labs as notebooks: the percent-format source read as cells, and written as ``.ipynb``.

A lab is a plain ``.py`` file with ``# %%`` cells (jupytext's percent format): it runs
as a script, opens in Jupyter, and is shown on the web as its cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from mlmath.content.curriculum import Lab


@dataclass(frozen=True, slots=True)
class Cell:
    kind: Literal["markdown", "code"]
    source: str


def notebook(lab: Lab) -> Any:
    """The lab as an nbformat notebook (version 4), with the Python 3 kernel named."""
    import jupytext

    nb = jupytext.read(lab.path)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def cells(lab: Lab) -> list[Cell]:
    """The lab's cells in order, without empty ones."""
    return [
        Cell("markdown" if cell.cell_type == "markdown" else "code", cell.source)
        for cell in notebook(lab).cells
        if cell.source.strip()
    ]


def ipynb(lab: Lab) -> str:
    """The lab as the text of an ``.ipynb`` file."""
    import jupytext

    return str(jupytext.writes(notebook(lab), fmt="ipynb"))


def percent_source(lab: Lab) -> str:
    """The lab as its ``.py`` source (runs as a script, opens in Jupyter with jupytext)."""
    return lab.path.read_text(encoding="utf-8")
