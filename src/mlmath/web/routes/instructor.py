"""Instructors: the class table (learners × skills, graded quiz scores), the gradebook CSV,
and what to act on this week (frequent mistakes, stuck learners) with its two CSVs, for the
whole class or for one of the instructor's cohorts (``?cohort=ID``; another instructor's
cohort is the same 404 as a missing one)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from mlmath.services import cohorts, gradebook, insights
from mlmath.services.accounts import User
from mlmath.store.schema import utcnow
from mlmath.web.deps import InstructorDep, SiteDep, render

router = APIRouter()


def _csv(text: str, filename: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/class", response_class=HTMLResponse)
def class_table(request: Request, site: SiteDep, user: InstructorDep) -> HTMLResponse:
    with site.db.read() as session:
        table = gradebook.class_table(session, site.curriculum)
    return render(request, "class.html", {"table": table, "skills": site.skills})


@router.get("/class/gradebook.csv")
def gradebook_csv(site: SiteDep, user: InstructorDep) -> Response:
    with site.db.read() as session:
        table = gradebook.class_table(session, site.curriculum)
    return _csv(gradebook.gradebook_csv(table), "gradebook.csv")


def _scope(
    session: Session, user: User, cohort: int | None
) -> tuple[cohorts.CohortView | None, set[int] | None]:
    """The cohort asked for (checked: the instructor belongs to it) and its members, or the
    whole class."""
    if cohort is None:
        return None, None
    found = cohorts.of_instructor(session, cohort, user.id)
    return found, cohorts.learner_ids(session, found.id)


def _suffix(cohort: cohorts.CohortView | None) -> str:
    return "" if cohort is None else f"-cohort-{cohort.id}"


@router.get("/class/insights", response_class=HTMLResponse)
def class_insights(
    request: Request, site: SiteDep, user: InstructorDep, cohort: int | None = None
) -> HTMLResponse:
    with site.db.read() as session:
        chosen, members = _scope(session, user, cohort)
        report = insights.report(session, site.curriculum, site.skills, learner_ids=members)
        own = cohorts.taught_by(session, user.id)
    context = {
        "report": report,
        "streak": insights.STUCK_STREAK,
        "skills": site.skills,
        "cohort": chosen,
        "cohorts": own,
        "query": "" if chosen is None else f"?cohort={chosen.id}",
    }
    return render(request, "insights.html", context)


@router.get("/class/insights/mistakes.csv")
def mistakes_csv(site: SiteDep, user: InstructorDep, cohort: int | None = None) -> Response:
    since = utcnow() - insights.WINDOW
    with site.db.read() as session:
        chosen, members = _scope(session, user, cohort)
        mistakes = insights.frequent_mistakes(
            session, site.curriculum, site.skills, since=since, learner_ids=members
        )
    return _csv(insights.mistakes_csv(mistakes), f"mistakes{_suffix(chosen)}.csv")


@router.get("/class/insights/stuck.csv")
def stuck_csv(site: SiteDep, user: InstructorDep, cohort: int | None = None) -> Response:
    with site.db.read() as session:
        chosen, members = _scope(session, user, cohort)
        stuck = insights.stuck_learners(session, now=utcnow(), learner_ids=members)
    return _csv(insights.stuck_csv(stuck), f"stuck{_suffix(chosen)}.csv")
