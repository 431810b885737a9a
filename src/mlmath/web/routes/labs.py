"""Lab pages: a lab's cells to read, and the notebook to download and run."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from mlmath.content.curriculum import Lab
from mlmath.services import labs
from mlmath.services.errors import NotFound
from mlmath.web import markdown
from mlmath.web.deps import OptionalUserDep, SiteDep, render
from mlmath.web.site import Site

router = APIRouter()


def _lab(site: Site, lab_id: str) -> Lab:
    try:
        return site.curriculum.lab(lab_id)
    except KeyError:
        raise NotFound("lab") from None


@router.get("/labs/{lab_id}", response_class=HTMLResponse)
def lab_page(request: Request, lab_id: str, site: SiteDep, user: OptionalUserDep) -> HTMLResponse:
    lab = _lab(site, lab_id)
    week = next(w for w in site.curriculum.weeks() if lab in w.labs)
    cells = [
        {
            "kind": c.kind,
            "source": c.source,
            "html": markdown.to_html(c.source) if c.kind == "markdown" else "",
        }
        for c in labs.cells(lab)
    ]
    return render(request, "lab.html", {"lab": lab, "week": week, "cells": cells})


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
