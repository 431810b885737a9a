"""The web application: ``create_app(config)`` wires settings, store, course and routes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from mlmath import metrics
from mlmath.config import Config
from mlmath.content.curriculum import Curriculum
from mlmath.exercises.skill import Skill
from mlmath.services import accounts
from mlmath.services.errors import Conflict, NotFound
from mlmath.services.quizzes import QuizUnavailable
from mlmath.services.secret import load_secret
from mlmath.store.database import Database
from mlmath.store.migrate import upgrade
from mlmath.web import deps, filters
from mlmath.web.routes import accounts as account_routes
from mlmath.web.routes import assignments as assignment_routes
from mlmath.web.routes import (
    attempts,
    course,
    explain,
    figures,
    instructor,
    labs,
    operations,
    practice,
    quizzes,
    review,
)
from mlmath.web.routes import lti as lti_routes
from mlmath.web.security import BodyTooLarge, SecurityMiddleware
from mlmath.web.site import WEB, Site, load_curriculum, load_skills, multi_user_for

log = logging.getLogger("mlmath.web")

MAX_REQUEST_BYTES = 10 << 20
"""Largest request body read: a notebook upload (8 MiB) plus the editor's text and form."""

ERRORS = {
    400: ("The request could not be read", "Go back, check what you typed, and try again."),
    403: ("This page is not for your account", "Go back to the course map."),
    404: (
        "There is nothing here",
        "The address may be mistyped, or the page belongs to someone else. "
        "Start again from the course map.",
    ),
    405: ("That action is not available here", "Use the buttons on the page instead."),
    409: ("The page was out of date", "Reload the page and try again."),
    413: (
        "That was too large to send",
        "Forms and uploads of up to 10 MiB are accepted: send a smaller file, "
        "or shorten what you typed.",
    ),
    500: (
        "Something went wrong on our side",
        "Your work so far is saved. Reload the page; if it happens again, tell your instructor.",
    ),
}


def error_page(request: Request, status: int, detail: str = "") -> Response:
    title, advice = ERRORS.get(status, ERRORS[400])
    if deps.is_htmx(request):
        context = {"title": title, "detail": detail, "advice": advice}
        return deps.render(request, "_error.html", context, status_code=200)
    return deps.render(
        request,
        "error.html",
        {"title": title, "detail": detail, "advice": advice, "status": status},
        status_code=status,
    )


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        detail = error.detail if isinstance(error.detail, str) and error.status_code != 404 else ""
        response = error_page(request, error.status_code, detail)
        if isinstance(error, BodyTooLarge):
            response.headers["connection"] = "close"  # the rest of the body is never read
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in error.errors())
        return error_page(request, 400, f"Missing or malformed: {fields}.")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        return error_page(request, 404, str(error))

    @app.exception_handler(deps.SkillMissing)
    async def skill_missing(request: Request, error: deps.SkillMissing) -> Response:
        return error_page(request, 404, f"There is no skill called {error.args[0]!r}.")

    @app.exception_handler(Conflict)
    async def conflict(request: Request, error: Conflict) -> Response:
        return error_page(request, 409, str(error))

    @app.exception_handler(QuizUnavailable)
    async def quiz_unavailable(request: Request, error: QuizUnavailable) -> Response:
        return error_page(request, 409, str(error))

    @app.exception_handler(deps.CsrfFailed)
    async def csrf_failed(request: Request, error: deps.CsrfFailed) -> Response:
        return error_page(
            request,
            403,
            "The form was sent without this page's security token (or from another site). "
            "Reload the page and send it again.",
        )

    @app.exception_handler(deps.Forbidden)
    async def forbidden(request: Request, error: deps.Forbidden) -> Response:
        return error_page(request, 403, "Only instructors can open this page.")

    @app.exception_handler(deps.LoginRequired)
    async def login_required(request: Request, error: deps.LoginRequired) -> Response:
        target = "/login?next=" + request.url.path
        if deps.is_htmx(request):
            return Response(status_code=204, headers={"hx-redirect": target})
        return deps.see_other(target)

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_page(request, 500)


def create_app(
    config: Config,
    *,
    host: str = "127.0.0.1",
    multi_user: bool | None = None,
    curriculum: Curriculum | None = None,
    skills: Mapping[str, Skill] | None = None,
) -> FastAPI:
    """The course as an ASGI app. Migrates the database to the newest schema first."""
    db = Database.from_config(config)
    upgrade(db.write_engine)
    content_error = ""
    if curriculum is None:
        curriculum, content_error = load_curriculum()
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.auto_reload = False  # part of the release: no stat() of each file per page
    filters.install(templates.env)
    site = Site(
        config=config,
        db=db,
        secret=load_secret(config),
        multi_user=multi_user_for(config, host) if multi_user is None else multi_user,
        curriculum=curriculum,
        skills=load_skills() if skills is None else skills,
        templates=templates,
        content_error=content_error,
    )
    for lesson in curriculum.lessons():
        for skill_id in lesson.skills:
            site.skill_lessons.setdefault(skill_id, lesson.id)
    if not site.multi_user:
        with db.write() as session:
            site.local_user = accounts.local_learner(session)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop_scores = lti_routes.start_score_sender(site)
        yield
        stop_scores()
        metrics.write_counts()
        site.lab_outputs.close()
        db.close()

    app = FastAPI(
        title="mlmath",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(deps.verify_csrf)],
    )
    app.state.site = site
    app.add_middleware(
        SecurityMiddleware,
        max_body_bytes=MAX_REQUEST_BYTES,
        too_large=lambda request: error_page(request, 413),
        frame_ancestors=config.frame_ancestors,
    )
    app.add_middleware(metrics.RequestMetrics)  # outermost: every request, refusals too
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.router.routes[:0] = practice.routes  # matched first: the busiest pages
    for module in (
        operations,
        course,
        labs,
        quizzes,
        review,
        attempts,
        explain,
        figures,
        account_routes,
        instructor,
    ):
        app.include_router(module.router)
    assignment_routes.install(app)
    lti_routes.install(app)
    _install_error_pages(app)

    return app
