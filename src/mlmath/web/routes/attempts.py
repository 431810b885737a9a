"""A learner's own attempts: the history and one attempt with its variant."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mlmath.services import practice
from mlmath.services.errors import NotFound
from mlmath.web import mathview
from mlmath.web.deps import SiteDep, UserDep, render

router = APIRouter()


@router.get("/attempts", response_class=HTMLResponse)
def attempts(request: Request, site: SiteDep, user: UserDep) -> HTMLResponse:
    with site.db.read() as session:
        history = practice.history(session, user.id)
    return render(request, "attempts.html", {"history": history, "skills": site.skills})


@router.get("/attempts/{attempt_id}", response_class=HTMLResponse)
def attempt(request: Request, attempt_id: int, site: SiteDep, user: UserDep) -> HTMLResponse:
    with site.db.read() as session:
        detail = practice.attempt(session, user.id, attempt_id)
    skill = site.skills.get(detail.skill_id)
    if skill is None:
        raise NotFound("attempt")
    params = practice.problem(skill, detail.seed, detail.level).params
    return render(
        request,
        "attempt.html",
        {
            "record": detail.record,
            "skill": skill,
            "prompt": mathview.pieces(skill.prompt(params)),
        },
    )
