"""Lab pages: a lab's cells with what they print and draw, and the notebook to download.

The outputs come from running the lab once per version (:class:`LabOutputs`). Until they
are there, the page shows the code and polls ``/labs/{id}/outputs``, which reloads the
page when they are ready.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from mlmath.content.curriculum import Lab
from mlmath.services import labs
from mlmath.services.errors import NotFound
from mlmath.web import markdown
from mlmath.web.deps import OptionalUserDep, SiteDep, is_htmx, render, see_other
from mlmath.web.site import Site

router = APIRouter()


def _lab(site: Site, lab_id: str) -> Lab:
    try:
        return site.curriculum.lab(lab_id)
    except KeyError:
        raise NotFound("lab") from None


def _output(output: labs.Output, cell_number: int) -> dict[str, Any]:
    shown: dict[str, Any] = {"kind": output.kind, "text": output.text}
    if output.kind == "image":
        shown["src"] = f"data:image/png;base64,{output.png}"
        shown["width"] = output.width
        shown["alt"] = f"The plot drawn by code cell {cell_number}"
    return shown


def _cells(cells: list[labs.Cell]) -> list[dict[str, Any]]:
    shown = []
    number = 0
    for c in cells:
        if c.kind == "code":
            number += 1
        shown.append(
            {
                "kind": c.kind,
                "source": c.source,
                "number": number,
                "html": markdown.to_html(c.source) if c.kind == "markdown" else "",
                "outputs": [_output(o, number) for o in c.outputs],
            }
        )
    return shown


@router.get("/labs/{lab_id}", response_class=HTMLResponse)
def lab_page(request: Request, lab_id: str, site: SiteDep, user: OptionalUserDep) -> HTMLResponse:
    lab = _lab(site, lab_id)
    week = next(w for w in site.curriculum.weeks() if lab in w.labs)
    status = site.lab_outputs.status(lab)
    cells = status.cells if status.state == "ready" else labs.cells(lab)
    return render(
        request,
        "lab.html",
        {"lab": lab, "week": week, "cells": _cells(cells), "status": status},
    )


@router.get("/labs/{lab_id}/outputs", response_class=HTMLResponse)
def lab_outputs(request: Request, lab_id: str, site: SiteDep, user: OptionalUserDep) -> Response:
    """Polled by the page while the lab runs: the status line, and a reload once ready."""
    lab = _lab(site, lab_id)
    if not is_htmx(request):
        return see_other(f"/labs/{lab.id}")
    status = site.lab_outputs.status(lab)
    headers = {"hx-refresh": "true"} if status.state == "ready" else None
    return render(request, "_lab_status.html", {"lab": lab, "status": status}, headers=headers)


def _download(body: str, filename: str, media_type: str) -> Response:
    return Response(
        body,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/labs/{lab_id}/notebook.ipynb")
def lab_notebook(lab_id: str, site: SiteDep, user: OptionalUserDep) -> Response:
    lab = _lab(site, lab_id)
    return _download(labs.ipynb(lab), f"{lab.id}.ipynb", "application/x-ipynb+json")


@router.get("/labs/{lab_id}/notebook.py")
def lab_source(lab_id: str, site: SiteDep, user: OptionalUserDep) -> Response:
    lab = _lab(site, lab_id)
    return _download(labs.percent_source(lab), f"{lab.id}.py", "text/x-python; charset=utf-8")
