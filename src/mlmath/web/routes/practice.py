"""The practice loop (htmx): a variant, a live reading of the answer, verdict, hints, solution.

Each panel is one ``<section>`` that htmx replaces after every action; without
JavaScript the same forms post normally and come back to the practice page.
"""

from __future__ import annotations

import logging
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from mlmath.answers import AnswerError, parse
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.exercises.instructions import answer_instructions
from mlmath.exercises.skill import Feedback, Params, Skill
from mlmath.services import practice
from mlmath.services.accounts import User
from mlmath.services.practice import Current, VariantRef
from mlmath.web import markdown, mathview
from mlmath.web.deps import SiteDep, UserDep, is_htmx, render, see_other, skill_or_404
from mlmath.web.site import Site

router = APIRouter()
log = logging.getLogger("mlmath.web")

MAX_PREVIEW_CHARS = 2_000

ResponseField = Annotated[list[str], Form()]


def joined(values: list[str]) -> str:
    """One response from the form: a text box sends one value, checkboxes several."""
    return ", ".join(v for v in values if v) if len(values) > 1 else (values[0] if values else "")


def practice_figure(skill: Skill, params: Params, *, shown: bool) -> str | None:
    """The skill's figure for this variant as HTML; one that would give the answer away
    waits until the variant is solved or its solution shown."""
    try:
        spec = skill.figure(params)
    except (ArithmeticError, KeyError, TypeError, ValueError):
        log.exception("the figure of %s could not be built", skill.id)
        return None
    if spec is None or (spec.get("after_answer") and not shown):
        return None
    return markdown.figure_element(spec)


def panel_context(
    site: Site,
    user: User,
    current: Current,
    feedback: Feedback | None = None,
) -> dict[str, Any]:
    skill = current.skill
    params = current.problem.params
    fmt = skill.answer_format(params)
    last = current.last
    misconception = None
    if feedback is not None:
        misconception = feedback.misconception
    elif last is not None and last.misconception_id:
        try:
            misconception = skill.misconception(last.misconception_id)
        except KeyError:
            misconception = None
    solution = None
    if current.revealed:
        sol = skill.solve(params)
        solution = {"steps": mathview.steps(sol), "answer": mathview.answer_piece(sol.answer, fmt)}
    return {
        "skill": skill,
        "figure": practice_figure(skill, params, shown=current.solved or current.revealed),
        "current": current,
        "ref": current.ref.dump(site.secret, user.id, skill.id),
        "key": secrets.token_hex(16),
        "prompt": mathview.pieces(skill.prompt(params)),
        "instructions": answer_instructions(fmt),
        "choice": fmt.kind in (Kind.CHOICE, Kind.CHOICES),
        "multiple": fmt.kind is Kind.CHOICES,
        "options": mathview.option_pieces(fmt),
        "chosen": {s.strip() for s in current.draft.split(",")},
        "last": last,
        "misconception": misconception,
        "hint_count": len(skill.hints(params)),
        "solution": solution,
        "mastery": current.mastery,
        "lesson_id": site.skill_lessons.get(skill.id),
    }


def _panel(request: Request, site: Site, user: User, skill: Skill) -> HTMLResponse:
    with site.db.read() as session:
        current = practice.current(session, user.id, skill, site.secret)
    return render(request, "_practice.html", panel_context(site, user, current))


@router.get("/practice/{skill_id}", response_class=HTMLResponse)
def practice_page(request: Request, skill_id: str, site: SiteDep, user: UserDep) -> HTMLResponse:
    skill = skill_or_404(site, skill_id)
    with site.db.read() as session:
        current = practice.current(session, user.id, skill, site.secret)
    return render(request, "practice.html", panel_context(site, user, current))


@router.get("/practice/{skill_id}/panel", response_class=HTMLResponse)
def practice_panel(request: Request, skill_id: str, site: SiteDep, user: UserDep) -> HTMLResponse:
    return _panel(request, site, user, skill_or_404(site, skill_id))


def _after(request: Request, site: Site, user: User, skill: Skill) -> Response:
    if is_htmx(request):
        return _panel(request, site, user, skill)
    return see_other(f"/practice/{skill.id}")


@router.post("/practice/{skill_id}/answer")
def answer(
    request: Request,
    skill_id: str,
    *,
    site: SiteDep,
    user: UserDep,
    ref: Annotated[str, Form()],
    response: ResponseField,
    key: Annotated[str, Form()] = "",
) -> Response:
    skill = skill_or_404(site, skill_id)
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    with site.db.write() as session:
        checked = practice.submit(
            session, user.id, skill, variant, joined(response), idempotency_key=key or None
        )
    if not is_htmx(request):
        return see_other(f"/practice/{skill.id}")
    with site.db.read() as session:
        current = practice.current(session, user.id, skill, site.secret)
    return render(request, "_practice.html", panel_context(site, user, current, checked.feedback))


@router.post("/practice/{skill_id}/draft")
def draft(
    skill_id: str,
    site: SiteDep,
    user: UserDep,
    ref: Annotated[str, Form()],
    response: ResponseField,
) -> Response:
    skill = skill_or_404(site, skill_id)
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    with site.db.write() as session:
        practice.save_draft(session, user.id, skill, variant, joined(response))
    return Response(status_code=204)


@router.post("/practice/{skill_id}/solution")
def show_solution(
    request: Request, skill_id: str, site: SiteDep, user: UserDep, ref: Annotated[str, Form()]
) -> Response:
    skill = skill_or_404(site, skill_id)
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    with site.db.write() as session:
        practice.reveal(session, user.id, skill, variant)
    return _after(request, site, user, skill)


@router.post("/practice/{skill_id}/another")
def another_one(
    request: Request, skill_id: str, site: SiteDep, user: UserDep, ref: Annotated[str, Form()]
) -> Response:
    skill = skill_or_404(site, skill_id)
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    with site.db.write() as session:
        practice.another(session, user.id, skill, variant)
    return _after(request, site, user, skill)


@router.get("/practice/{skill_id}/hint", response_class=HTMLResponse)
def hint(
    request: Request,
    skill_id: str,
    *,
    site: SiteDep,
    user: UserDep,
    ref: str,
    n: Annotated[int, Query(ge=1, le=20)] = 1,
) -> HTMLResponse:
    skill = skill_or_404(site, skill_id)
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    hints = skill.hints(practice.problem(skill, variant.seed, variant.level).params)
    return render(
        request,
        "_hint.html",
        {"skill": skill, "hints": hints[:n], "n": n, "total": len(hints), "ref": ref},
    )


def preview_context(fmt: AnswerFormat, text: str) -> dict[str, Any]:
    """How the answer box's text was read, for the live preview (reads only)."""
    text = text[:MAX_PREVIEW_CHARS]
    if not text.strip():
        return {"empty": True}
    try:
        value = parse(text, fmt)
    except AnswerError as error:
        return {"error": error.message, "position": error.position}
    return {"reading": mathview.answer_piece(value, fmt)}


@router.get("/preview/practice/{skill_id}", response_class=HTMLResponse)
def preview(
    request: Request,
    skill_id: str,
    *,
    site: SiteDep,
    user: UserDep,
    ref: str,
    response: str = "",
) -> HTMLResponse:
    skill = skill_or_404(site, skill_id)
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    params = practice.problem(skill, variant.seed, variant.level).params
    return render(request, "_preview.html", preview_context(skill.answer_format(params), response))
