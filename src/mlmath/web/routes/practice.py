"""The practice loop (htmx): a variant, a live reading of the answer, verdict, hints, solution.

Each panel is one ``<section>`` that htmx replaces after every action; without
JavaScript the same forms post normally and come back to the practice page.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from time import perf_counter
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from mlmath import metrics
from mlmath.answers import AnswerError, parse
from mlmath.answers.format import AnswerFormat, Choice, Kind
from mlmath.exercises.instructions import answer_instructions
from mlmath.exercises.skill import Feedback, Params, Skill
from mlmath.services import practice
from mlmath.services.accounts import User
from mlmath.services.practice import Current, VariantRef
from mlmath.web import markdown, mathview
from mlmath.web.deps import (
    db_read,
    db_write,
    field,
    get_site,
    is_htmx,
    posted_form,
    render,
    see_other,
    signed_in,
    skill_or_404,
)
from mlmath.web.site import Site

log = logging.getLogger("mlmath.web")

MAX_PREVIEW_CHARS = 2_000


def joined(sent: Sequence[object]) -> str:
    """One response from the form: a text box sends one value, checkboxes several."""
    values = [v for v in sent if isinstance(v, str)]
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


@dataclass(frozen=True, slots=True)
class VariantView:
    """The parts of a panel that depend only on the variant, rendered once.

    A variant is a pure function of ``(skill, seed, level)``, so its prompt, answer
    format, options and hint count are computed and rendered once and kept in a
    small cache; only the learner's own state (draft, verdict, mastery) is rendered
    per request."""

    fmt: AnswerFormat
    prompt: Markup
    instructions: str
    choice: bool
    multiple: bool
    options: tuple[tuple[Choice, Markup], ...]
    hint_count: int


VIEW_CACHE_SIZE = 4096


@lru_cache(maxsize=VIEW_CACHE_SIZE)
def variant_view(env: Environment, skill: Skill, seed: int, level: int) -> VariantView:
    params = practice.problem(skill, seed, level).params
    fmt = skill.answer_format(params)
    macros = env.get_template("_macros.html").module
    return VariantView(
        fmt=fmt,
        prompt=macros.prompt(mathview.pieces(skill.prompt(params))),  # type: ignore[attr-defined]
        instructions=answer_instructions(fmt),
        choice=fmt.kind in (Kind.CHOICE, Kind.CHOICES),
        multiple=fmt.kind is Kind.CHOICES,
        options=tuple(
            (option, macros.piece(label))  # type: ignore[attr-defined]
            for option, label in mathview.option_pieces(fmt)
        ),
        hint_count=len(skill.hints(params)),
    )


@lru_cache(maxsize=VIEW_CACHE_SIZE)
def variant_figure(skill: Skill, seed: int, level: int, shown: bool) -> str | None:
    return practice_figure(skill, practice.problem(skill, seed, level).params, shown=shown)


@lru_cache(maxsize=512)
def variant_solution(env: Environment, skill: Skill, seed: int, level: int) -> Markup:
    """The worked solution block of a variant, rendered."""
    params = practice.problem(skill, seed, level).params
    sol = skill.solve(params)
    solution = {
        "steps": mathview.steps(sol),
        "answer": mathview.answer_piece(sol.answer, skill.answer_format(params)),
    }
    block: Markup = env.get_template("_macros.html").module.solution_block(solution)  # type: ignore[attr-defined]
    return block


def panel_context(
    site: Site,
    user: User,
    current: Current,
    feedback: Feedback | None = None,
) -> dict[str, Any]:
    skill = current.skill
    ref = current.ref
    env = site.templates.env
    view = variant_view(env, skill, ref.seed, ref.level)
    last = current.last
    misconception = None
    if feedback is not None:
        misconception = feedback.misconception
    elif last is not None and last.misconception_id:
        try:
            misconception = skill.misconception(last.misconception_id)
        except KeyError:
            misconception = None
    shown = current.solved or current.revealed
    return {
        "skill": skill,
        "figure": variant_figure(skill, ref.seed, ref.level, shown),
        "current": current,
        "ref": ref.dump(site.secret, user.id, skill.id),
        "key": secrets.token_hex(16),
        "prompt": view.prompt,
        "instructions": view.instructions,
        "choice": view.choice,
        "multiple": view.multiple,
        "options": view.options,
        "chosen": {s.strip() for s in current.draft.split(",")},
        "last": last,
        "misconception": misconception,
        "hint_count": view.hint_count,
        "solution": variant_solution(env, skill, ref.seed, ref.level) if current.revealed else None,
        "mastery": current.mastery,
        "lesson_id": site.skill_lessons.get(skill.id),
    }


async def _panel(
    request: Request, site: Site, user: User, skill: Skill, template: str = "_practice.html"
) -> HTMLResponse:
    current = await db_read(site, lambda _c: practice.reading(user.id, skill, site.secret))
    return render(request, template, panel_context(site, user, current))


async def _begin(request: Request) -> tuple[Site, User, Skill]:
    site = get_site(request)
    user = await signed_in(request)
    return site, user, skill_or_404(site, request.path_params["skill_id"])


async def _posted(request: Request) -> tuple[Site, User, Skill, FormData, VariantRef]:
    """What every POST of the loop starts with: its form (CSRF checked) and its variant."""
    site, user, skill = await _begin(request)
    form = await posted_form(request)
    variant = VariantRef.load(field(form, "ref"), site.secret, user.id, skill.id)
    return site, user, skill, form, variant


async def _after(request: Request, site: Site, user: User, skill: Skill) -> Response:
    if is_htmx(request):
        return await _panel(request, site, user, skill)
    return see_other(f"/practice/{skill.id}")


async def practice_page(request: Request) -> Response:
    return await _panel(request, *await _begin(request), template="practice.html")


async def practice_panel(request: Request) -> Response:
    return await _panel(request, *await _begin(request))


async def answer(request: Request) -> Response:
    site, user, skill, form, variant = await _posted(request)
    text = joined(form.getlist("response"))
    key = field(form, "key", "")
    # A number, vector, matrix or choice is checked here at once; an expression in a
    # worker thread (a symbolic comparison may take a while).
    started = perf_counter()
    if variant_view(site.templates.env, skill, variant.seed, variant.level).fmt.checked_quickly:
        feedback = practice.check(skill, variant, text)
    else:
        feedback = await run_in_threadpool(practice.check, skill, variant, text)
    metrics.count_check("practice", feedback.verdict, perf_counter() - started)
    checked = await db_write(
        site,
        lambda c: practice.answering(
            c, user.id, skill, variant, text, idempotency_key=key or None, feedback=feedback
        ),
    )
    if not is_htmx(request):
        return see_other(f"/practice/{skill.id}")
    current = checked.after
    if current is None:  # a repeated submission: show the panel as it stands now
        current = await db_read(site, lambda _c: practice.reading(user.id, skill, site.secret))
    return render(request, "_practice.html", panel_context(site, user, current, checked.feedback))


async def draft(request: Request) -> Response:
    site, user, skill, form, variant = await _posted(request)
    text = joined(form.getlist("response"))
    await db_write(site, lambda c: practice.save_draft(c, user.id, skill, variant, text))
    return Response(status_code=204)


async def show_solution(request: Request) -> Response:
    site, user, skill, _form, variant = await _posted(request)
    await db_write(site, lambda c: practice.mark_revealed(c, user.id, skill, variant))
    return await _after(request, site, user, skill)


async def another_one(request: Request) -> Response:
    site, user, skill, _form, variant = await _posted(request)
    following = await db_write(
        site, lambda c: practice.moving_on(c, user.id, skill, variant, site.secret)
    )
    if not is_htmx(request):
        return see_other(f"/practice/{skill.id}")
    # the panel as the write left it: the new variant, shown without reading it back
    return render(request, "_practice.html", panel_context(site, user, following))


MAX_HINTS = 20


async def hint(request: Request) -> Response:
    site, user, skill = await _begin(request)
    ref = request.query_params.get("ref", "")
    variant = VariantRef.load(ref, site.secret, user.id, skill.id)
    n = request.query_params.get("n", "1")
    if not (n.isdigit() and 1 <= int(n) <= MAX_HINTS):
        raise HTTPException(400, f"Missing or malformed: n (a whole number 1 to {MAX_HINTS}).")
    hints = await db_read(site, lambda c: practice.hints(c, user.id, skill, variant))
    count = int(n)
    return render(
        request,
        "_hint.html",
        {"skill": skill, "hints": hints[:count], "n": count, "total": len(hints), "ref": ref},
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
    if fmt.kind is Kind.NUMBER and "%" in text:
        return {"reading": mathview.percent_piece(value)}
    return {"reading": mathview.answer_piece(value, fmt)}


async def preview(request: Request) -> Response:
    site, user, skill = await _begin(request)
    variant = VariantRef.load(request.query_params.get("ref", ""), site.secret, user.id, skill.id)
    params = practice.problem(skill, variant.seed, variant.level).params
    text = request.query_params.get("response", "")
    return render(request, "_preview.html", preview_context(skill.answer_format(params), text))


routes = [
    Route("/practice/{skill_id}", practice_page, methods=["GET"]),
    Route("/practice/{skill_id}/panel", practice_panel, methods=["GET"]),
    Route("/practice/{skill_id}/answer", answer, methods=["POST"]),
    Route("/practice/{skill_id}/draft", draft, methods=["POST"]),
    Route("/practice/{skill_id}/solution", show_solution, methods=["POST"]),
    Route("/practice/{skill_id}/another", another_one, methods=["POST"]),
    Route("/practice/{skill_id}/hint", hint, methods=["GET"]),
    Route("/preview/practice/{skill_id}", preview, methods=["GET"]),
]
"""The practice loop, the course's busiest pages, as plain Starlette routes matched
before FastAPI's: FastAPI's route matching and dependency solving cost more than
the rest of a small request (see docs/design.md, "Web performance"). Each route
finds its user with :func:`signed_in` and checks a POST's CSRF token with
:func:`posted_form`, as the dependencies do for the other routes."""
