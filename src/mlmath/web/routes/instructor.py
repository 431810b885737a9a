"""Instructors: the class table (learners × skills, graded quiz scores) and the gradebook CSV."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from mlmath.services import gradebook
from mlmath.web.deps import InstructorDep, SiteDep, render

router = APIRouter()


@router.get("/class", response_class=HTMLResponse)
def class_table(request: Request, site: SiteDep, user: InstructorDep) -> HTMLResponse:
    with site.db.read() as session:
        table = gradebook.class_table(session, site.curriculum)
    return render(request, "class.html", {"table": table, "skills": site.skills})


@router.get("/class/gradebook.csv")
def gradebook_csv(site: SiteDep, user: InstructorDep) -> Response:
    with site.db.read() as session:
        table = gradebook.class_table(session, site.curriculum)
    return Response(
        gradebook.gradebook_csv(table),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="gradebook.csv"'},
    )
