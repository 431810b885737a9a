"""Labs on the web: every lab has a page with its cells and downloads that open in Jupyter;
the course map and the lesson link to it."""

from __future__ import annotations

import nbformat
import pytest
from tests.fixtures.client import Client

from mlmath.content.curriculum import curriculum

LABS = [lab for week in curriculum().weeks() for lab in week.labs]


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
    assert lab.title in response.text
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
