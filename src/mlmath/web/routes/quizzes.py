"""Quizzes: the quiz page (history, best score, start or resume) and one attempt.

Practice quizzes check each item at once (htmx); graded quizzes send every answer
in one form and are scored on submission.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from mlmath.content.curriculum import Quiz
from mlmath.exercises.instructions import answer_instructions
from mlmath.services import quizzes
from mlmath.services.errors import NotFound
from mlmath.services.quizzes import AttemptView, Item
from mlmath.web import mathview
from mlmath.web.deps import SiteDep, UserDep, is_htmx, render, see_other
from mlmath.web.routes.practice import joined, preview_context
from mlmath.web.site import Site

router = APIRouter()


def _quiz(site: Site, quiz_id: str) -> Quiz:
    try:
        return site.curriculum.quiz(quiz_id)
    except KeyError:
        raise NotFound("quiz") from None


def _lookup(site: Site) -> quizzes.SkillLookup:
    return lambda skill_id: site.skills[skill_id]


def item_context(attempt: AttemptView, item: Item) -> dict[str, Any]:
    params = item.problem.params
    fmt = item.skill.answer_format(params)
    misconception = None
    if item.misconception_id:
        try:
            misconception = item.skill.misconception(item.misconception_id)
        except KeyError:
            misconception = None
    show_verdict = item.answered and (attempt.kind == "practice" or attempt.finished)
    solution = None
    if show_verdict and item.verdict != "correct" and (attempt.finished or item.answered):
        sol = item.skill.solve(params)
        solution = {"steps": mathview.steps(sol), "answer": mathview.answer_piece(sol.answer, fmt)}
    return {
        "attempt": attempt,
        "item": item,
        "prompt": mathview.pieces(item.skill.prompt(params)),
        "instructions": answer_instructions(fmt),
        "options": mathview.option_pieces(fmt),
        "choice": bool(fmt.options),
        "multiple": fmt.kind.value == "choices",
        "chosen": {s.strip() for s in (item.response or item.draft).split(",")},
        "show_verdict": show_verdict,
        "misconception": misconception,
        "solution": solution,
        "locked": attempt.finished
        or (
            attempt.kind == "practice"
            and item.verdict
            in (
                "correct",
                "incorrect",
            )
        ),
    }


@router.get("/quizzes/{quiz_id}", response_class=HTMLResponse)
def quiz_page(request: Request, quiz_id: str, site: SiteDep, user: UserDep) -> HTMLResponse:
    quiz = _quiz(site, quiz_id)
    ready, problem_text = True, ""
    try:
        quizzes.skills_of(quiz, _lookup(site))
    except quizzes.QuizUnavailable as error:
        ready, problem_text = False, str(error)
    with site.db.read() as session:
        history = quizzes.history(session, user.id, quiz.id)
        open_id = quizzes.open_attempt(session, user.id, quiz.id)
    scores = [h.score for h in history if h.score is not None]
    return render(
        request,
        "quiz.html",
        {
            "quiz": quiz,
            "history": history,
            "best": max(scores) if scores else None,
            "open_id": open_id,
            "ready": ready,
            "problem": problem_text,
            "skills": [site.skills.get(i.skill) for i in quiz.items],
        },
    )


@router.post("/quizzes/{quiz_id}/start")
def start(quiz_id: str, site: SiteDep, user: UserDep) -> Response:
    quiz = _quiz(site, quiz_id)
    with site.db.write() as session:
        attempt_id = quizzes.start(session, user.id, quiz, _lookup(site))
    return see_other(f"/quiz-attempts/{attempt_id}")


def _view(site: Site, user_id: int, attempt_id: int) -> AttemptView:
    with site.db.read() as session:
        return quizzes.view(session, user_id, attempt_id, _lookup(site))


@router.get("/quiz-attempts/{attempt_id}", response_class=HTMLResponse)
def attempt_page(request: Request, attempt_id: int, site: SiteDep, user: UserDep) -> HTMLResponse:
    attempt = _view(site, user.id, attempt_id)
    quiz = _quiz(site, attempt.quiz_id)
    return render(
        request,
        "quiz_attempt.html",
        {
            "quiz": quiz,
            "attempt": attempt,
            "items": [item_context(attempt, item) for item in attempt.items],
        },
    )


def _item(attempt: AttemptView, position: int) -> Item:
    for item in attempt.items:
        if item.position == position:
            return item
    raise NotFound("question")


def _responses(form: FormData) -> dict[int, str]:
    """The answers in a quiz form: fields ``response-<position>`` (several for checkboxes)."""
    responses: dict[int, str] = {}
    for name in form:
        if name.startswith("response-") and name[9:].isdigit():
            values = [v for v in form.getlist(name) if isinstance(v, str)]
            responses[int(name[9:])] = joined(values)
    return responses


@router.post("/quiz-attempts/{attempt_id}/items/{position}")
async def answer_item(
    request: Request, attempt_id: int, position: int, site: SiteDep, user: UserDep
) -> Response:
    response = _responses(await request.form()).get(position, "")

    def work() -> AttemptView:
        with site.db.write() as session:
            quizzes.answer_one(
                session, user.id, attempt_id, position, response, skills=_lookup(site)
            )
        return _view(site, user.id, attempt_id)

    attempt = await run_in_threadpool(work)
    if not is_htmx(request):
        return see_other(f"/quiz-attempts/{attempt_id}#q{position + 1}")
    context = item_context(attempt, _item(attempt, position))
    headers = {"hx-trigger": "quiz-finished"} if attempt.finished else None
    return render(request, "_quiz_item.html", {"ctx": context}, headers=headers)


@router.post("/quiz-attempts/{attempt_id}/items/{position}/draft")
async def item_draft(
    request: Request, attempt_id: int, position: int, site: SiteDep, user: UserDep
) -> Response:
    response = _responses(await request.form()).get(position, "")

    def work() -> None:
        with site.db.write() as session:
            quizzes.save_draft(session, user.id, attempt_id, position, response)

    await run_in_threadpool(work)
    return Response(status_code=204)


@router.post("/quiz-attempts/{attempt_id}/submit")
async def submit(request: Request, attempt_id: int, site: SiteDep, user: UserDep) -> Response:
    responses = _responses(await request.form())

    def work() -> None:
        with site.db.write() as session:
            quizzes.submit(session, user.id, attempt_id, responses, skills=_lookup(site))

    await run_in_threadpool(work)
    return see_other(f"/quiz-attempts/{attempt_id}")


@router.get("/preview/quiz/{attempt_id}/{position}", response_class=HTMLResponse)
def preview(
    request: Request,
    attempt_id: int,
    position: int,
    *,
    site: SiteDep,
    user: UserDep,
) -> HTMLResponse:
    attempt = _view(site, user.id, attempt_id)
    item = _item(attempt, position)
    fmt = item.skill.answer_format(item.problem.params)
    text = request.query_params.get(f"response-{position}", "")
    return render(request, "_preview.html", preview_context(fmt, text))
