"""Labs on the web: every lab has a page with its cells and downloads that open in Jupyter;
the course map and the lesson link to it. The page shows what each cell printed and drew,
from one run of the lab kept in the data folder under the lab's content hash.

Most tests run labs with a stand-in for the Jupyter kernel (:func:`quick_run`); one runs
a real lab end to end."""

from __future__ import annotations

import base64
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from markupsafe import escape
from tests.fixtures.client import Client

from mlmath.content.curriculum import Lab, curriculum
from mlmath.services import labs

LABS = [lab for week in curriculum().weeks() for lab in week.labs]
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n not really a picture").decode()
HTMX = {"hx-request": "true"}


def quick_run(lab: Lab) -> Any:
    """The lab as if executed: the first code cell printed a line and drew a plot."""
    nb = labs.notebook(lab)
    first = next(c for c in nb.cells if c.cell_type == "code")
    first.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="printed <here>\n"),
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"},
        ),
    ]
    return nb


@pytest.fixture(autouse=True)
def no_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages ask for their lab to be run; here that takes no kernel and no time."""
    monkeypatch.setattr(labs, "execute", quick_run)


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def copy_of(lab: Lab, folder: Path) -> Lab:
    """The lab in a folder of its own, to change without touching the course."""
    (folder / "checks").mkdir(parents=True, exist_ok=True)
    path = folder / lab.path.name
    shutil.copy(lab.path, path)
    return Lab(lab.id, lab.title, lab.lesson, path)


def test_the_course_map_links_every_lab(single: Client) -> None:
    page = single.get("/").text
    for lab in LABS:
        assert f'href="/labs/{lab.id}"' in page, lab.id


def test_a_lesson_links_its_lab(single: Client) -> None:
    lab = LABS[0]
    assert f'href="/labs/{lab.id}"' in single.get(f"/lessons/{lab.lesson}").text


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.id)
def test_every_lab_page_shows_its_cells_and_downloads(single: Client, lab: object) -> None:
    from mlmath.content.curriculum import Lab

    assert isinstance(lab, Lab)
    response = single.get(f"/labs/{lab.id}")
    assert response.status_code == 200
    assert str(escape(lab.title)) in response.text  # "Newton's" is written Newton&#39;s
    assert 'class="lab-cell lab-code"' in response.text
    notebook = single.get(f"/labs/{lab.id}/notebook.ipynb")
    assert notebook.status_code == 200
    assert "attachment" in notebook.headers["content-disposition"]
    nb = nbformat.reads(notebook.text, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert any(cell.cell_type == "code" for cell in nb.cells)
    script = single.get(f"/labs/{lab.id}/notebook.py")
    assert script.status_code == 200
    assert script.text == lab.path.read_text(encoding="utf-8")
    compile(script.text, f"{lab.id}.py", "exec")


def test_code_is_shown_as_text_not_markup(single: Client) -> None:
    """Code cells are escaped: a comparison like `a < b` stays text."""
    for lab in LABS:
        page = single.get(f"/labs/{lab.id}").text
        if "&lt;" in page:
            return
    pytest.fail("no lab shows an escaped '<' (expected in at least one code cell)")


def test_a_missing_lab_is_a_404_page(single: Client) -> None:
    response = single.get("/labs/no-such-lab")
    assert response.status_code == 404
    assert "not found" in response.text.lower() or "no such" in response.text.lower()


def test_the_page_shows_outputs_and_plots_once_the_lab_has_run(single: Client) -> None:
    lab = LABS[0]
    first = single.get(f"/labs/{lab.id}").text
    assert "Running the lab" in first
    assert f'hx-get="/labs/{lab.id}/outputs"' in first, "the page polls for the outputs"
    assert 'class="lab-cell lab-code"' in first, "the code is readable meanwhile"
    site = single.http._transport.app.state.site  # type: ignore[attr-defined]
    wait_for(lambda: site.lab_outputs.status(lab, start=False).state == "ready")

    polled = single.get(f"/labs/{lab.id}/outputs", headers=HTMX)
    assert polled.status_code == 200
    assert polled.headers.get("hx-refresh") == "true", "the page reloads to show them"

    page = single.get(f"/labs/{lab.id}")
    assert "Running the lab" not in page.text
    assert "hx-get" not in page.text.split('id="lab-status"')[1].split(">")[0]
    assert f'<img class="lab-plot" src="data:image/png;base64,{PNG}"' in page.text
    assert "printed &lt;here&gt;" in page.text, "printed text is escaped"
    assert "&lt;Figure size" not in page.text, "a figure is shown once, as its picture"
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "img-src 'self' data:" in csp
    assert "<script>" not in page.text, "no inline scripts"
    assert list((site.config.data_dir / "lab-outputs").glob(f"{lab.id}.*.ipynb"))


def test_polling_without_htmx_goes_back_to_the_page(single: Client) -> None:
    lab = LABS[0]
    response = single.get(f"/labs/{lab.id}/outputs")
    assert response.status_code == 303
    assert response.headers["location"] == f"/labs/{lab.id}"
    assert single.get("/labs/no-such-lab/outputs").status_code == 404


def test_a_lab_that_cannot_run_says_so_and_stops_polling(
    single: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(lab: Lab) -> Any:
        raise labs.LabRunFailed("the Python kernel did not start")

    monkeypatch.setattr(labs, "execute", broken)
    lab = LABS[0]
    single.get(f"/labs/{lab.id}")
    site = single.http._transport.app.state.site  # type: ignore[attr-defined]
    wait_for(lambda: site.lab_outputs.status(lab, start=False).state == "failed")
    page = single.get(f"/labs/{lab.id}").text
    assert "could not be run here" in page
    assert "the Python kernel did not start" in page
    assert f'hx-get="/labs/{lab.id}/outputs"' not in page
    assert 'class="lab-cell lab-code"' in page


def test_a_lab_runs_once_per_version(tmp_path: Path) -> None:
    runs: list[str] = []

    def counting(lab: Lab) -> Any:
        runs.append(lab.path.read_text(encoding="utf-8"))
        return quick_run(lab)

    lab = copy_of(LABS[0], tmp_path / "labs")
    outputs = labs.LabOutputs(tmp_path / "data", run=counting)
    assert outputs.status(lab, start=False).state == "running"
    first = outputs.produce(lab)
    assert outputs.produce(lab) == first
    again = labs.LabOutputs(tmp_path / "data", run=counting)  # a restart, or another process
    assert again.status(lab).state == "ready"
    assert len(runs) == 1
    [kept] = (tmp_path / "data").glob("*.ipynb")

    lab.path.write_text(lab.path.read_text(encoding="utf-8") + "\n# %%\nprint(1)\n")
    assert again.status(lab, start=False).state == "running", "a changed lab runs again"
    again.produce(lab)
    assert len(runs) == 2
    [newer] = (tmp_path / "data").glob("*.ipynb")
    assert newer != kept, "the outputs of the old version are removed"

    checks = lab.path.parent / "checks" / lab.path.name
    checks.write_text("# a changed check changes the outputs too\n")
    assert again.status(lab, start=False).state == "running"
    again.produce(lab)
    (lab.path.parent / "data").mkdir()
    (lab.path.parent / "data" / "flats.csv").write_text("area_m2,price_k\n50,150\n")
    assert again.status(lab, start=False).state == "running", "and so does a changed data set"


def test_the_background_run_happens_once_for_many_requests(tmp_path: Path) -> None:
    runs: list[str] = []

    def slow(lab: Lab) -> Any:
        runs.append(lab.id)
        time.sleep(0.2)
        return quick_run(lab)

    outputs = labs.LabOutputs(tmp_path, run=slow)
    lab = LABS[0]
    states = {outputs.status(lab).state for _ in range(20)}
    assert states == {"running"}
    wait_for(lambda: outputs.status(lab).state == "ready")
    assert runs == [lab.id]
    outputs.close()


def test_outputs_read_as_text_pictures_and_errors() -> None:
    shown = labs.outputs_of(
        [
            {"output_type": "stream", "name": "stdout", "text": "one\n"},
            {"output_type": "stream", "name": "stdout", "text": ["two\n"]},
            {"output_type": "stream", "name": "stderr", "text": "careful\n"},
            {"output_type": "execute_result", "data": {"text/plain": "array([1, 2])"}},
            {
                "output_type": "display_data",
                "data": {"image/png": "iVBO\nRw==\n", "text/plain": "<Figure size 1x1>"},
                "metadata": {"image/png": {"width": 320}},
            },
            {
                "output_type": "error",
                "ename": "ValueError",
                "evalue": "bad",
                "traceback": ["\x1b[0;31mValueError\x1b[0m: bad"],
            },
            {"output_type": "stream", "name": "stdout", "text": "x" * (labs.MAX_TEXT + 5)},
        ]
    )
    kinds = [o.kind for o in shown]
    assert kinds == ["text", "stderr", "text", "image", "error", "text"]
    assert shown[0].text == "one\ntwo\n", "printed lines in a row are one block"
    assert shown[3].png == "iVBORw==", "the picture's data without line breaks"
    assert shown[3].width == 320
    assert shown[4].text == "ValueError: bad", "no colour codes"
    assert shown[5].text.endswith("(5 more characters not shown)")


@pytest.mark.slow
def test_a_real_lab_runs_with_its_plots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real kernel
    lab = curriculum().lab("c3w1-monty-hall")
    cells = labs.LabOutputs(tmp_path).produce(lab)
    outputs = [o for cell in cells for o in cell.outputs]
    assert not [o for o in outputs if o.kind == "error"], "the lab runs as shipped"
    pictures = [o for o in outputs if o.kind == "image"]
    assert len(pictures) >= 3
    assert all(base64.b64decode(p.png).startswith(b"\x89PNG") for p in pictures)
    assert any("not written yet" in o.text for o in outputs if o.kind == "text")
