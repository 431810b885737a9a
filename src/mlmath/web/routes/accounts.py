"""Sign-up, log-in and log-out (multi-user mode).

Log-in and sign-up issue a new session cookie and a new CSRF cookie; log-out
ends the session in the database, so the old cookie is worthless afterwards.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from mlmath.services import accounts
from mlmath.services.accounts import AccountError
from mlmath.web.deps import (
    OptionalUserDep,
    SiteDep,
    get_site,
    render,
    see_other,
    session_token,
)
from mlmath.web.security import CSRF_COOKIE, SESSION_COOKIE, cookie_header
from mlmath.web.site import Site

router = APIRouter()


def _safe_next(target: str) -> str:
    """Only paths on this site: ``//evil.example`` and ``https://…`` become ``/``."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def signed_in_redirect(request: Request, token: str, target: str) -> Response:
    """Redirect to ``target`` (on this site) with the new session's cookie and a new CSRF
    cookie (log-in, sign-up, and a launch from an LMS)."""
    import secrets

    secure = request.url.scheme == "https"
    framed = bool(get_site(request).config.frame_ancestors)
    response = see_other(_safe_next(target))
    lifetime = int(accounts.SESSION_LIFETIME.total_seconds())
    response.raw_headers.append(
        (
            b"set-cookie",
            cookie_header(SESSION_COOKIE, token, secure=secure, max_age=lifetime, framed=framed),
        )
    )
    response.raw_headers.append(
        (
            b"set-cookie",
            cookie_header(CSRF_COOKIE, secrets.token_urlsafe(32), secure=secure, framed=framed),
        )
    )
    return response


def _not_multi_user(site: Site) -> Response | None:
    return None if site.multi_user else see_other("/")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, site: SiteDep, user: OptionalUserDep, next: str = "/") -> Response:
    if not site.multi_user or user is not None:
        return see_other(_safe_next(next))
    return render(request, "login.html", {"next": _safe_next(next), "error": ""})


@router.post("/login")
def login(
    request: Request,
    site: SiteDep,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    if (redirect := _not_multi_user(site)) is not None:
        return redirect
    client = request.client.host if request.client else "unknown"
    with site.db.write() as session:
        outcome = accounts.log_in(
            session, username, password, client=client, instructors=site.config.instructors
        )
    if outcome.user is None:
        context = {"next": _safe_next(next), "error": outcome.error, "username": username}
        return render(request, "login.html", context, status_code=400)
    return signed_in_redirect(request, outcome.token, next)


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, site: SiteDep, user: OptionalUserDep) -> Response:
    if not site.multi_user or user is not None:
        return see_other("/")
    return render(request, "signup.html", {"error": ""})


@router.post("/signup")
def signup(
    request: Request,
    site: SiteDep,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    display_name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if (redirect := _not_multi_user(site)) is not None:
        return redirect
    try:
        with site.db.write() as session:
            user = accounts.sign_up(
                session, username, password, display_name, instructors=site.config.instructors
            )
            token = accounts.open_session(session, user.id)
    except AccountError as error:
        context = {"error": str(error), "username": username, "display_name": display_name}
        return render(request, "signup.html", context, status_code=400)
    return signed_in_redirect(request, token, "/")


@router.post("/logout")
def logout(request: Request, site: SiteDep) -> Response:
    token = session_token(request)
    if token:
        with site.db.write() as session:
            accounts.log_out(session, token)
        site.sessions.forget(token)
    response = see_other("/login" if site.multi_user else "/")
    secure = request.url.scheme == "https"
    response.raw_headers.append(
        (
            b"set-cookie",
            cookie_header(
                SESSION_COOKIE,
                "",
                secure=secure,
                max_age=0,
                framed=bool(site.config.frame_ancestors),
            ),
        )
    )
    return response
