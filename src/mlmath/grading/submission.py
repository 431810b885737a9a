"""Reading a submission: a ``.py`` file or a Jupyter notebook, with every size bounded.

A notebook's code cells are joined into one module; lines of IPython magic
(``%``, ``!``) become comments so line numbers still match, and each line
remembers its cell, so feedback can say "cell 3, line 2". Nothing is ever
unzipped, executed or rendered here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

MAX_SOURCE_BYTES = 1 << 20
MAX_NOTEBOOK_BYTES = 8 << 20
MAX_CELLS = 2000
FILENAME = "submission.py"


class SubmissionError(ValueError):
    """The file cannot be graded; the message says why, for the learner."""


@dataclass(frozen=True, slots=True)
class Submission:
    source: str
    kind: str
    """``py`` or ``ipynb``."""
    cell_of_line: tuple[tuple[int, int], ...] = field(default=())
    """For notebooks: (cell number, line in cell) for each line of ``source``, 1-based."""

    def where(self, line: int) -> str:
        """``line 12`` for a file, ``cell 3, line 2`` for a notebook."""
        if self.cell_of_line and 1 <= line <= len(self.cell_of_line):
            cell, in_cell = self.cell_of_line[line - 1]
            return f"cell {cell}, line {in_cell}"
        return f"line {line}"

    def line_text(self, line: int) -> str:
        lines = self.source.splitlines()
        return lines[line - 1].strip()[:200] if 1 <= line <= len(lines) else ""


def _decode(data: bytes, what: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SubmissionError(
            f"{what} is not UTF-8 text (byte {error.start}); save it as UTF-8 and submit again"
        ) from error
    if "\x00" in text:
        raise SubmissionError(f"{what} contains NUL bytes; is it really a text file?")
    return text


def read_python(data: bytes) -> Submission:
    if len(data) > MAX_SOURCE_BYTES:
        raise SubmissionError(f"the file is larger than {MAX_SOURCE_BYTES >> 10} KiB")
    return Submission(_decode(data, "the file"), "py")


def _cell_text(cell: object, number: int) -> str | None:
    if not isinstance(cell, dict):
        raise SubmissionError(f"cell {number} of the notebook is malformed")
    if cell.get("cell_type") != "code":
        return None
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise SubmissionError(f"cell {number} of the notebook has malformed source")


def _neutralise_magic(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith(("%", "!")):
        return line[: len(line) - len(stripped)] + "# " + stripped
    return line


def read_notebook(data: bytes) -> Submission:
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise SubmissionError(f"the notebook is larger than {MAX_NOTEBOOK_BYTES >> 20} MiB")
    text = _decode(data, "the notebook")
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise SubmissionError(
            "the notebook is not valid JSON; open it in Jupyter, save it, and submit again"
        ) from error
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise SubmissionError("the file is not a Jupyter notebook (version 4) with a list of cells")
    cells = notebook["cells"]
    if len(cells) > MAX_CELLS:
        raise SubmissionError(f"the notebook has more than {MAX_CELLS} cells")
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    for number, cell in enumerate(cells, start=1):
        code = _cell_text(cell, number)
        if code is None:
            continue
        for in_cell, line in enumerate(code.splitlines(), start=1):
            lines.append(_neutralise_magic(line))
            where.append((number, in_cell))
        lines.append("")
        where.append((number, len(code.splitlines()) + 1))
    source = "\n".join(lines) + "\n"
    if len(source.encode()) > MAX_SOURCE_BYTES:
        raise SubmissionError(f"the notebook's code is larger than {MAX_SOURCE_BYTES >> 10} KiB")
    return Submission(source, "ipynb", tuple(where))


def read_submission(path: Path) -> Submission:
    """Read ``path`` (``.py`` or ``.ipynb``) without following it into anything else."""
    suffix = path.suffix.lower()
    if suffix not in (".py", ".ipynb"):
        raise SubmissionError("submit a .py file or a .ipynb notebook")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SubmissionError(f"{path} is not a file")
        limit = MAX_SOURCE_BYTES if suffix == ".py" else MAX_NOTEBOOK_BYTES
        if size > limit:
            raise SubmissionError(f"the file is larger than {limit >> 10} KiB")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise SubmissionError(f"cannot read {path}: {error.strerror}") from error
    return read_python(data) if suffix == ".py" else read_notebook(data)
