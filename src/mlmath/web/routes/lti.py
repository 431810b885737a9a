"""LTI 1.3 endpoints: the tool's keys and configuration, OIDC log-in, launch.

``/lti/login`` and ``/lti/launch`` are called by the LMS (a cross-site form post), so they
carry no CSRF token of ours: the state (cookie and stored), the single-use nonce and the
platform's signature on the id_token stand in for it. They are added to the app outside
the routers that check CSRF tokens (:func:`install`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from mlmath.services import accounts, lti
from mlmath.services.accounts import User
from mlmath.services.lti import STATE_COOKIE, LtiRefused
from mlmath.web.deps import UserDep, field, posted_form, render
from mlmath.web.routes.accounts import signed_in_redirect
from mlmath.web.security import content_security_policy
from mlmath.web.site import Site

log = logging.getLogger("mlmath.web")

router = APIRouter()

INSTRUCTOR_PAGES = ("/class",)
ADVICE = (
    "Go back to the LMS and open the course link again; if it keeps failing, "
    "tell the LMS's administrator what this page says."
)


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def refused(request: Request, error: LtiRefused) -> Response:
    status = error.status
    context = {"title": error.title, "detail": error.detail, "advice": ADVICE, "status": status}
    return render(request, "error.html", context, status_code=status)


def _not_multi_user() -> LtiRefused:
    return LtiRefused(
        "This course runs for one learner",
        "Launching from an LMS needs accounts: start the server with MLMATH_MULTI_USER=on.",
    )


@router.get("/lti/jwks")
def jwks(request: Request) -> JSONResponse:
    return JSONResponse(lti.tool_jwks(_site(request).config))


@router.get("/lti/config")
def configuration(request: Request) -> JSONResponse:
    return JSONResponse(lti.tool_configuration(str(request.base_url)))


def _launch_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/lti/launch"


def _state_cookie(request: Request, state: str) -> bytes:
    # The LMS posts the launch from its own site: over HTTPS the cookie must be
    # SameSite=None (and so Secure) to come back with it; Partitioned keeps it working
    # inside the LMS's frame, where browsers hold back unpartitioned third-party cookies.
    secure = request.url.scheme == "https"
    attributes = "SameSite=None; Secure; Partitioned" if secure else "SameSite=Lax"
    return f"{STATE_COOKIE}={state}; Path=/lti; HttpOnly; Max-Age=600; {attributes}".encode()


@router.api_route("/lti/login", methods=["GET", "POST"])
async def login(request: Request) -> Response:
    """OIDC log-in initiation, started by the LMS (GET or form POST)."""
    site = _site(request)
    params = dict(request.query_params)
    if request.method == "POST":
        form = await request.form()
        params.update({k: v for k, v in form.items() if isinstance(v, str)})
    if not site.multi_user:
        return refused(request, _not_multi_user())

    def start() -> lti.LoginStart:
        with site.db.write() as session:
            return lti.begin_login(session, params, _launch_url(request))

    try:
        started = await run_in_threadpool(start)
    except LtiRefused as error:
        return refused(request, error)
    response = Response(status_code=302, headers={"location": started.redirect_url})
    response.raw_headers.append((b"set-cookie", _state_cookie(request, started.state)))
    return response


def landing(site: Site, target_link_uri: str, instructor: bool) -> str:
    """Where a launch lands: the lesson, quiz, assignment or page its link names (on this
    course), else the course map. A learner launching an instructor's page is refused."""
    path = urlsplit(target_link_uri).path.rstrip("/") or "/"
    if path == "/" or path.startswith("/lti/"):
        return "/"
    if any(path == page or path.startswith(page + "/") for page in INSTRUCTOR_PAGES):
        if not instructor:
            raise LtiRefused(
                "This link is for instructors",
                "The LMS link opens an instructor's page, and your LMS role is learner.",
                status=403,
            )
        return path
    kind, _, item = path.strip("/").partition("/")
    find = {
        "lessons": site.curriculum.lesson,
        "quizzes": site.curriculum.quiz,
        "assignments": site.curriculum.assignment,
    }.get(kind)
    if find is None or not item or "/" in item:
        return "/"
    try:
        find(item)
    except KeyError:
        return "/"
    return f"/{kind}/{item}"


@router.post("/lti/launch")
async def launch(request: Request) -> Response:
    """The LMS's form post of the signed id_token: check it, sign the user in, land."""
    site = _site(request)
    if not site.multi_user:
        return refused(request, _not_multi_user())
    form = await request.form()
    id_token = form.get("id_token")
    state = form.get("state")
    cookie = request.scope.get("state", {}).get("cookies", {}).get(STATE_COOKIE, "")
    keys: lti.PlatformKeys = request.app.state.lti_keys

    def check() -> tuple[str, str]:
        with site.db.write() as session:
            launched = lti.check_launch(
                session,
                id_token=id_token if isinstance(id_token, str) else "",
                state=state if isinstance(state, str) else "",
                state_cookie=cookie,
                keys=keys,
            )
            if launched.message_type == lti.DEEP_LINKING:
                if not launched.instructor:
                    raise LtiRefused(
                        "Only instructors place course items",
                        "The LMS asked to place a course item, and your LMS role is learner.",
                        status=403,
                    )
                user = lti.account_for(session, launched)
                placing = lti.deep_link_request(launched, user.id)
                lti.remember_launch(session, launched, user, "/")
                target = "/lti/deep-link?" + urlencode({"request": lti.seal(site.secret, placing)})
            else:
                target = landing(site, launched.target_link_uri, launched.instructor)
                user = lti.account_for(session, launched)
                lti.remember_launch(session, launched, user, target)
            return accounts.open_session(session, user.id), target

    try:
        token, target = await run_in_threadpool(check)
    except LtiRefused as error:
        return refused(request, error)
    response = signed_in_redirect(request, token, target)
    response.raw_headers.append(
        (b"set-cookie", f"{STATE_COOKIE}=; Path=/lti; HttpOnly; Max-Age=0".encode())
    )
    return response


def _placing(site: Site, sealed: str, user: User) -> dict[str, Any]:
    placing = lti.unseal(site.secret, sealed)
    if placing is None or placing.get("learner") != user.id or not user.is_instructor:
        raise LtiRefused(
            "This page to place a course item is not yours",
            "Open it again from the LMS (its “add external tool” or “deep link” menu).",
            status=403,
        )
    if placing.get("expires", 0) < time.time():
        raise LtiRefused(
            "This page to place a course item has expired",
            "Open it again from the LMS.",
        )
    return placing


def placeable(site: Site) -> list[tuple[str, list[lti.Placeable]]]:
    """Every lesson, quiz and assignment, by week, for the deep-linking page."""
    weeks = []
    for week in site.curriculum.weeks():
        items = [
            lti.Placeable("lessons", lesson.id, lesson.title, False) for lesson in week.lessons
        ]
        items += [lti.Placeable("quizzes", q.id, q.title, q.graded) for q in week.quizzes]
        items += [lti.Placeable("assignments", a.id, a.title, True) for a in week.assignments]
        weeks.append((week.title, items))
    return weeks


@router.get("/lti/deep-link")
async def deep_link_page(request: Request, user: UserDep) -> Response:
    site = _site(request)
    sealed = request.query_params.get("request", "")
    try:
        _placing(site, sealed, user)
    except LtiRefused as error:
        return refused(request, error)
    return render(request, "lti_deep_link.html", {"sealed": sealed, "weeks": placeable(site)})


@router.post("/lti/deep-link")
async def deep_link_place(request: Request, user: UserDep) -> Response:
    """Sign the chosen item into an ``LtiDeepLinkingResponse`` and hand it to the browser
    to post back to the LMS."""
    site = _site(request)
    form = await posted_form(request)
    try:
        placing = _placing(site, field(form, "request"), user)
        kind, _, item_id = field(form, "item").partition("/")
        chosen = next(
            (i for _, items in placeable(site) for i in items if (i.kind, i.id) == (kind, item_id)),
            None,
        )
        if chosen is None:
            raise LtiRefused("There is no such course item", f"{kind}/{item_id} is unknown.")

        def sign() -> tuple[str, str]:
            with site.db.read() as session:
                return lti.deep_link_response(
                    site.config,
                    session,
                    request=placing,
                    item=chosen,
                    base_url=str(request.base_url),
                )

        token, return_url = await run_in_threadpool(sign)
    except LtiRefused as error:
        return refused(request, error)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(return_url))
    policy = content_security_policy(site.config.frame_ancestors).replace(
        "form-action 'self'", f"form-action 'self' {origin}"
    )
    return render(
        request,
        "lti_deep_link_return.html",
        {"jwt": token, "return_url": return_url, "item": chosen},
        headers={"content-security-policy": policy},
    )


def start_score_sender(site: Site) -> Callable[[], None]:
    """Send changed quiz and assignment scores to the LMS every ``MLMATH_LTI_SCORE_SECONDS``
    (in a thread of its own); returns the function that stops it."""
    seconds = site.config.lti_score_seconds
    if not site.multi_user or seconds <= 0:
        return lambda: None
    stop = threading.Event()
    services = lti.Services(site.config)
    titles = {f"quiz:{q.id}": q.title for w in site.curriculum.weeks() for q in w.quizzes}
    titles |= {
        f"assignment:{a.id}": a.title for w in site.curriculum.weeks() for a in w.assignments
    }

    def run() -> None:
        while not stop.wait(seconds):
            try:
                done = lti.send_scores(site.db.write, site.db.read, services, titles)
            except Exception:
                log.exception("sending scores to the LMS failed")
                continue
            for failure in done.failures:
                log.warning("a score was not sent to the LMS (tried again later): %s", failure)

    thread = threading.Thread(target=run, name="mlmath-lti-scores", daemon=True)
    thread.start()

    def stopper() -> None:
        stop.set()
        thread.join(timeout=20)

    return stopper


def install(app: FastAPI) -> None:
    """Add the LTI routes beside (not inside) the CSRF-checked routers."""
    app.state.lti_keys = lti.PlatformKeys()  # the platforms' keys, kept a few minutes
    app.router.routes.extend(router.routes)
