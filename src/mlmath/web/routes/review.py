"""Mastery per skill and the review queue (spaced repetition) across every course."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mlmath.services import mastery_store
from mlmath.services.mastery import review_queue
from mlmath.store.schema import utcnow
from mlmath.web.deps import SiteDep, UserDep, render

router = APIRouter()


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, site: SiteDep, user: UserDep) -> HTMLResponse:
    with site.db.read() as session:
        states = mastery_store.states(session, user.id)
    known = {s: st for s, st in states.items() if s in site.skills}
    queue = review_queue(known.items(), utcnow())
    rows = sorted(known.items(), key=lambda kv: (-kv[1].level, kv[0]))
    return render(
        request,
        "review.html",
        {"queue": queue, "rows": rows, "skills": site.skills},
    )
