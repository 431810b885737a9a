"""The course map and the lesson pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mlmath.services import mastery_store, progress
from mlmath.services.errors import NotFound
from mlmath.web import markdown
from mlmath.web.deps import OptionalUserDep, SiteDep, render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def course_map(request: Request, site: SiteDep, user: OptionalUserDep) -> HTMLResponse:
    overview = None
    if user is not None:
        with site.db.read() as session:
            overview = progress.overview(session, user.id, site.curriculum)
    return render(
        request,
        "map.html",
        {"overview": overview, "courses": site.curriculum.courses},
    )


@router.get("/lessons/{lesson_id}", response_class=HTMLResponse)
def lesson_page(
    request: Request, lesson_id: str, site: SiteDep, user: OptionalUserDep
) -> HTMLResponse:
    try:
        lesson = site.curriculum.lesson(lesson_id)
    except KeyError:
        raise NotFound("lesson") from None
    week = next(w for w in site.curriculum.weeks() if lesson in w.lessons)
    levels: dict[str, int] = {}
    fraction = 0.0
    if user is not None:
        with site.db.read() as session:
            states = mastery_store.states(session, user.id, lesson.skills)
        lesson_progress = progress.lesson_progress(lesson, states)
        levels, fraction = dict(lesson_progress.levels), lesson_progress.fraction
    sections = [
        {
            "topic": topic,
            "html": markdown.to_html(topic.body),
            "skills": [(s, site.skills.get(s)) for s in topic.skills],
        }
        for topic in lesson.topics
    ]
    figures = markdown.has_figures(lesson.intro) or any(
        markdown.has_figures(t.body) for t in lesson.topics
    )
    return render(
        request,
        "lesson.html",
        {
            "lesson": lesson,
            "week": week,
            "intro": markdown.to_html(lesson.intro),
            "sections": sections,
            "levels": levels,
            "fraction": fraction,
            "quizzes": [q for q in week.quizzes if q.lesson == lesson.id],
            "labs": [lab for lab in week.labs if lab.lesson == lesson.id],
            "figures": figures,
        },
    )
