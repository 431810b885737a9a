"""Programming assignments on the web: instructions, the code editor, submit, results, history.

The page works without JavaScript: the editor is a ``<textarea>`` holding the
starter (CodeMirror takes its place when its script runs), a file upload is the
alternative, and a plain form post answers with a redirect to the submission's
page (post/redirect/get). The form carries an idempotency key, so a double
click stores one submission. While the submission waits for its grade, htmx
refreshes the result panel; without JavaScript, a reload does.

:func:`install` adds the routes and, for ``MLMATH_GRADING_WORKERS`` above 0,
runs that many grading workers inside the server for as long as it runs.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from mlmath.grading.spec import Assignment
from mlmath.grading.submission import MAX_NOTEBOOK_BYTES, SubmissionError
from mlmath.services import submissions
from mlmath.services.accounts import User
from mlmath.services.errors import NotFound
from mlmath.services.submissions import SubmissionView
from mlmath.services.worker import InProcessWorkers, grades_for_a_class
from mlmath.web import markdown
from mlmath.web.deps import OptionalUserDep, SiteDep, UserDep, is_htmx, render, see_other
from mlmath.web.site import Site

router = APIRouter()

TEXT_TYPES = {".py": "text/x-python", ".csv": "text/csv", ".md": "text/markdown"}


def _context(
    request: Request,
    site: Site,
    user: User | None,
    assignment: Assignment,
    *,
    shown: SubmissionView | None = None,
    source: str | None = None,
    error: str = "",
) -> dict[str, Any]:
    history: list[SubmissionView] = []
    if user is not None:
        with site.db.read() as session:
            history = submissions.history(session, user.id, assignment.id)
            if shown is None and history:
                shown = submissions.status(session, user.id, history[0].id)
    if source is None:
        source = (
            shown.content
            if shown is not None and shown.kind == "py"
            else (assignment.folder / assignment.starter).read_text(encoding="utf-8")
        )
    workers: InProcessWorkers | None = getattr(request.app.state, "grading_workers", None)
    return {
        "assignment": assignment,
        "instructions": markdown.to_html(assignment.instructions),
        "source": source,
        "shown": shown,
        "history": history,
        "error": error,
        "idempotency_key": secrets.token_urlsafe(18),
        "grading_problem": workers.problem if workers is not None and user is not None else "",
        "downloads": [path.name for path in assignment.learner_files()[1:]],
    }


@router.get("/assignments/{assignment_id}", response_class=HTMLResponse)
def assignment_page(
    request: Request, assignment_id: str, site: SiteDep, user: OptionalUserDep
) -> HTMLResponse:
    assignment = submissions.assignment_or_404(assignment_id)
    return render(request, "assignment.html", _context(request, site, user, assignment))


@router.get("/assignments/{assignment_id}/files/{name}")
def assignment_file(assignment_id: str, name: str) -> Response:
    """The starter and the data files (never the tests or the reference solution)."""
    assignment = submissions.assignment_or_404(assignment_id)
    for path in assignment.learner_files()[1:]:
        if path.name == name:
            suffix = path.suffix.lower()
            return Response(
                path.read_bytes(),
                media_type=TEXT_TYPES.get(suffix, "text/plain") + "; charset=utf-8",
                headers={"content-disposition": f'attachment; filename="{path.name}"'},
            )
    raise NotFound("file")


def _read_upload(upload: UploadFile | None) -> tuple[str, bytes] | None:
    if upload is None or not upload.filename:
        return None
    data = upload.file.read(MAX_NOTEBOOK_BYTES + 1)
    if not data:
        return None
    return upload.filename, data


@router.post("/assignments/{assignment_id}/submissions", response_model=None)
def submit(
    request: Request,
    *,
    assignment_id: str,
    site: SiteDep,
    user: UserDep,
    source: Annotated[str, Form()] = "",
    idempotency_key: Annotated[str, Form()] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    assignment = submissions.assignment_or_404(assignment_id)
    uploaded = _read_upload(upload)
    if uploaded is not None:
        filename, data = uploaded
    else:
        filename, data = assignment.starter, source.replace("\r\n", "\n").encode("utf-8")
    try:
        with site.db.write() as session:
            received = submissions.submit(
                session,
                user.id,
                assignment.id,
                filename,
                data,
                idempotency_key=idempotency_key or None,
            )
    except SubmissionError as error:
        context = _context(request, site, user, assignment, source=source, error=str(error))
        return render(request, "assignment.html", context, status_code=400)
    return see_other(f"/assignments/{assignment.id}/submissions/{received.submission_id}")


def _own(site: Site, user: User, assignment: Assignment, submission_id: int) -> SubmissionView:
    with site.db.read() as session:
        return submissions.status(session, user.id, submission_id, assignment.id)


@router.get("/assignments/{assignment_id}/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(
    request: Request, assignment_id: str, submission_id: int, site: SiteDep, user: UserDep
) -> HTMLResponse:
    assignment = submissions.assignment_or_404(assignment_id)
    shown = _own(site, user, assignment, submission_id)
    context = _context(request, site, user, assignment, shown=shown)
    if is_htmx(request):
        # Polled while waiting; once the grade is in, reload the whole page (history too).
        headers = {"hx-refresh": "true"} if shown.settled else None
        return render(request, "_submission_result.html", context, headers=headers)
    return render(request, "assignment.html", context)


def install(app: FastAPI) -> None:
    """Add the assignment pages; run the in-process grading workers while the app runs."""
    app.include_router(router)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(running: FastAPI) -> AsyncIterator[Any]:
        site: Site = running.state.site
        workers = InProcessWorkers(
            site.db,
            site.config.grading_workers,
            confinement=site.config.sandbox,
            require_full_sandbox=site.multi_user or grades_for_a_class(site.config),
        )
        running.state.grading_workers = workers
        async with inner(running) as state:
            workers.start()
            try:
                yield state
            finally:
                workers.stop()

    app.router.lifespan_context = lifespan
