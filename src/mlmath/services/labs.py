"""Labs as notebooks: the percent-format source read as cells, written as ``.ipynb``, and
run once to show what its cells print and draw.

A lab is a plain ``.py`` file with ``# %%`` cells (jupytext's percent format): it runs
as a script, opens in Jupyter, and is shown on the web as its cells with their outputs.

The outputs come from executing the notebook in a Jupyter kernel (plots as PNG). That
takes seconds, so it happens once per version of the lab: the executed notebook is kept
in the data folder under the hash of the lab's source (and of its checks), and a changed
lab is executed again. :class:`LabOutputs` runs labs one at a time in a background thread
while the page shows the code and says that the outputs are on their way.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import queue
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mlmath.content.curriculum import Lab

log = logging.getLogger("mlmath.labs")

OUTPUT_FORMAT = "1"
"""Part of every cache key: changing how outputs are produced changes it."""

CELL_TIMEOUT = 120
"""Seconds one cell may run before the execution is given up."""

FAILURE_RETRY_SECONDS = 300.0
"""After a failed run (the kernel would not start, a cell ran too long), how long a page
shows the failure before the lab is tried again."""

MAX_TEXT = 20_000
"""Characters of one printed output shown on the page; the rest is cut."""

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
"""Matplotlib's Jupyter backend: ``plt.show()`` sends each figure as a PNG output."""

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Output:
    """One output of a code cell: printed text, a picture, or the error that stopped it."""

    kind: Literal["text", "stderr", "image", "error"]
    text: str = ""
    """The text (``text``, ``stderr``, ``error``), or the picture's description (``image``)."""
    png: str = ""
    """The picture as base64-encoded PNG (``image`` only)."""
    width: int | None = None
    """The picture's display width in CSS pixels, when the notebook gave one."""


@dataclass(frozen=True, slots=True)
class Cell:
    kind: Literal["markdown", "code"]
    source: str
    outputs: tuple[Output, ...] = ()
    """What the cell printed and drew (code cells of an executed lab only)."""


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


def _cells_of(nb: Any) -> list[Cell]:
    return [
        Cell(
            "markdown" if cell.cell_type == "markdown" else "code",
            cell.source,
            tuple(outputs_of(cell.get("outputs", []))) if cell.cell_type == "code" else (),
        )
        for cell in nb.cells
        if cell.source.strip()
    ]


def cells(lab: Lab) -> list[Cell]:
    """The lab's cells in order, without empty ones (and without outputs)."""
    return _cells_of(notebook(lab))


def ipynb(lab: Lab) -> str:
    """The lab as the text of an ``.ipynb`` file."""
    import jupytext

    return str(jupytext.writes(notebook(lab), fmt="ipynb"))


def percent_source(lab: Lab) -> str:
    """The lab as its ``.py`` source (runs as a script, opens in Jupyter with jupytext)."""
    return lab.path.read_text(encoding="utf-8")


# -- outputs -------------------------------------------------------------------------------


def _cut(text: str) -> str:
    if len(text) <= MAX_TEXT:
        return text
    return f"{text[:MAX_TEXT]}\n… ({len(text) - MAX_TEXT} more characters not shown)"


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def outputs_of(raw: list[Any]) -> list[Output]:
    """A code cell's nbformat outputs as :class:`Output` values: consecutive printed text
    joined, pictures as PNG, other results as their plain text, errors without colour codes."""
    shown: list[Output] = []
    for output in raw:
        kind = output.get("output_type")
        if kind == "stream":
            name: Literal["text", "stderr"] = "stderr" if output.get("name") == "stderr" else "text"
            text = _text(output.get("text", ""))
            if shown and shown[-1].kind == name:
                text = shown.pop().text + text
            shown.append(Output(name, text))
        elif kind in ("display_data", "execute_result"):
            data = output.get("data", {})
            if "image/png" in data:
                size = output.get("metadata", {}).get("image/png", {})
                width = size.get("width") if isinstance(size, dict) else None
                shown.append(
                    Output(
                        "image",
                        _text(data.get("text/plain", "")),
                        png="".join(_text(data["image/png"]).split()),
                        width=int(width) if isinstance(width, int | float) else None,
                    )
                )
            elif "text/plain" in data:
                text = _text(data["text/plain"])
                if not text.startswith("<Figure size"):  # a figure already shown as a picture
                    shown.append(Output("text", text))
        elif kind == "error":
            trace = _ANSI.sub("", "\n".join(output.get("traceback", [])))
            headline = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
            shown.append(Output("error", trace or headline))
    return [Output(o.kind, _cut(o.text), o.png, o.width) if o.kind != "image" else o for o in shown]


def content_hash(lab: Lab) -> str:
    """The hash of what decides a lab's outputs: its source, its checks' source and the
    data sets shipped with the labs (a few small files)."""
    digest = hashlib.sha256(f"mlmath lab outputs {OUTPUT_FORMAT}\n".encode())
    digest.update(lab.path.read_bytes())
    checks = lab.path.parent / "checks" / lab.path.name
    data = lab.path.parent / "data"
    extra = [checks] + (sorted(data.iterdir()) if data.is_dir() else [])
    for path in extra:
        if path.is_file():
            digest.update(f"\0{path.parent.name}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class LabRunFailed(Exception):
    """The notebook could not be executed at all (the kernel, a time limit)."""


def execute(lab: Lab) -> Any:
    """Run the lab in a fresh Python 3 kernel and return the executed notebook.

    Plots come back as PNG outputs (Matplotlib's inline backend). The kernel runs in an
    empty temporary folder. A cell that raises stops the run; the notebook is returned
    with the outputs so far, the error included.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = notebook(lab)
    env = {**os.environ, "MPLBACKEND": INLINE_BACKEND}
    with tempfile.TemporaryDirectory(prefix="mlmath-lab-") as folder:
        client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=CELL_TIMEOUT,
            resources={"metadata": {"path": folder}},
        )
        try:
            client.execute(env=env)
        except (CellTimeoutError, DeadKernelError) as error:
            raise LabRunFailed(str(error).strip().splitlines()[0]) from error
        except CellExecutionError:
            log.warning("lab %s stopped at an error; its outputs so far are shown", lab.id)
        except Exception as error:  # the kernel would not start, or nbclient failed
            raise LabRunFailed(f"{type(error).__name__}: {error}") from error
    return nb


@dataclass(frozen=True, slots=True)
class Status:
    """Where a lab's outputs are: ``ready`` (with the cells), ``running``, or ``failed``."""

    state: Literal["ready", "running", "failed"]
    cells: list[Cell] = field(default_factory=list)
    message: str = ""


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold a lock on ``path`` across processes (several server processes share the data
    folder); without ``fcntl`` the lock is only this process's."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class LabOutputs:
    """Executed labs, kept in ``folder`` under their content hash; one background thread
    executes the labs asked for, one at a time."""

    def __init__(self, folder: Path, run: Callable[[Lab], Any] | None = None) -> None:
        self.folder = folder
        self._run = run
        """How a lab is executed; ``None`` for :func:`execute`."""
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Lab, str, Callable[[Lab], Any]] | None] = queue.Queue()
        self._pending: set[tuple[str, str]] = set()
        self._failed: dict[str, tuple[str, str, float]] = {}
        self._loaded: dict[str, tuple[str, list[Cell]]] = {}
        self._thread: threading.Thread | None = None
        self._closed = False

    def path(self, lab: Lab, digest: str) -> Path:
        return self.folder / f"{lab.id}.{digest[:24]}.ipynb"

    def cached(self, lab: Lab, digest: str | None = None) -> list[Cell] | None:
        """The lab's cells with their outputs, when this version of it has been executed."""
        digest = digest or content_hash(lab)
        with self._lock:
            loaded = self._loaded.get(lab.id)
        if loaded and loaded[0] == digest:
            return loaded[1]
        path = self.path(lab, digest)
        if not path.is_file():
            return None
        import jupytext

        try:
            nb = jupytext.reads(path.read_text(encoding="utf-8"), fmt="ipynb")
        except (OSError, ValueError) as error:  # a damaged file is executed again
            log.warning("lab outputs %s unreadable (%s); running the lab again", path, error)
            return None
        found = _cells_of(nb)
        with self._lock:
            self._loaded[lab.id] = (digest, found)
        return found

    def status(self, lab: Lab, *, start: bool = True) -> Status:
        """The lab's outputs if ready; otherwise whether they are coming or failed, and
        (``start``) the run asked for."""
        digest = content_hash(lab)
        found = self.cached(lab, digest)
        if found is not None:
            return Status("ready", found)
        with self._lock:
            failed = self._failed.get(lab.id)
            if failed and failed[0] == digest and time.monotonic() < failed[2]:
                return Status("failed", message=failed[1])
            if start and not self._closed and (lab.id, digest) not in self._pending:
                self._pending.add((lab.id, digest))
                # the way to run is fixed now, when the page asks, not when the thread gets to it
                self._queue.put((lab, digest, self._run or execute))
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._work, name="mlmath-lab-outputs", daemon=True
                    )
                    self._thread.start()
        return Status("running")

    def produce(
        self, lab: Lab, digest: str | None = None, run: Callable[[Lab], Any] | None = None
    ) -> list[Cell]:
        """Execute the lab now (unless another process just did) and keep its outputs."""
        import jupytext

        digest = digest or content_hash(lab)
        self.folder.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.folder / f"{lab.id}.lock"):
            found = self.cached(lab, digest)
            if found is not None:
                return found
            started = time.monotonic()
            nb = (run or self._run or execute)(lab)
            target = self.path(lab, digest)
            partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
            partial.write_text(jupytext.writes(nb, fmt="ipynb"), encoding="utf-8")
            partial.replace(target)
            for old in self.folder.glob(f"{lab.id}.*.ipynb"):
                if old != target:
                    old.unlink(missing_ok=True)
            log.info("lab %s executed in %.1f s", lab.id, time.monotonic() - started)
        found = _cells_of(nb)
        with self._lock:
            self._loaded[lab.id] = (digest, found)
        return found

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            lab, digest, run = item
            try:
                self.produce(lab, digest, run)
            except Exception as error:
                message = str(error) or type(error).__name__
                log.warning("lab %s could not be executed: %s", lab.id, message)
                with self._lock:
                    self._failed[lab.id] = (
                        digest,
                        message,
                        time.monotonic() + FAILURE_RETRY_SECONDS,
                    )
            finally:
                with self._lock:
                    self._pending.discard((lab.id, digest))

    def close(self) -> None:
        """Drop the labs still waiting and let the thread end after the one it is running."""
        with self._lock:
            self._closed = True
            with contextlib.suppress(queue.Empty):
                while True:
                    self._queue.get_nowait()
            self._pending.clear()
            self._queue.put(None)
