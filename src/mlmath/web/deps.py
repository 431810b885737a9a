"""What routes share: the site, the signed-in user, CSRF checking, page rendering."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from mlmath.exercises.skill import Skill
from mlmath.services import accounts
from mlmath.services.accounts import User
from mlmath.services.mastery import LEVEL_NAMES
from mlmath.web.security import CSRF_FIELD, CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE, csrf_token
from mlmath.web.site import Site

T = TypeVar("T")


class LoginRequired(Exception):
    """The page needs a signed-in user (multi-user mode)."""


class CsrfFailed(Exception):
    """A state-changing request without the page's token, or from another site."""


class Forbidden(Exception):
    """Signed in, but without the role the page needs."""


class SkillMissing(LookupError):
    pass


def get_site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


SiteDep = Annotated[Site, Depends(get_site)]


def session_token(request: Request) -> str:
    cookies: dict[str, str] = request.scope.get("state", {}).get("cookies", {})
    return cookies.get(SESSION_COOKIE, "")


async def optional_user(request: Request) -> User | None:
    site = get_site(request)
    if not site.multi_user:
        request.scope.setdefault("state", {})["user"] = site.local_user
        return site.local_user
    cached = request.scope.setdefault("state", {}).get("user", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    token = session_token(request)
    user = None
    if token:
        with site.db.reading() as connection:
            user = accounts.user_for_session(connection, token)
    request.scope["state"]["user"] = user
    return user


async def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise LoginRequired
    return user


async def instructor(user: Annotated[User, Depends(current_user)]) -> User:
    if not user.is_instructor:
        raise Forbidden
    return user


UserDep = Annotated[User, Depends(current_user)]
OptionalUserDep = Annotated[User | None, Depends(optional_user)]
InstructorDep = Annotated[User, Depends(instructor)]


def page_csrf_token(request: Request) -> str:
    return csrf_token(get_site(request).secret, request.scope["state"]["csrf_seed"])


async def verify_csrf(request: Request) -> None:
    """Applied to every route: a POST (or any unsafe method) needs the page's CSRF token."""
    if request.method in SAFE_METHODS:
        return
    state = request.scope.get("state", {})
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc != host:
            raise CsrfFailed
    if not state.get("csrf_cookie_sent"):
        raise CsrfFailed
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form: FormData = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else ""
    if not sent or not hmac.compare_digest(sent, page_csrf_token(request)):
        raise CsrfFailed


def _read(site: Site, work: Callable[[Connection], T]) -> T:
    with site.db.reading() as connection:
        return work(connection)


async def db_read(site: Site, work: Callable[[Connection], T]) -> T:
    """Run a short read for an ``async`` route.

    SQLite reads (WAL: they never wait for a writer) run on the event loop, which
    costs less than the hop to a thread; PostgreSQL reads wait on the network and
    run in a worker thread."""
    if site.db.is_sqlite:
        return _read(site, work)
    return await run_in_threadpool(_read, site, work)


async def db_write(site: Site, work: Callable[[Connection], T]) -> T:
    """Run a write for an ``async`` route; returns once it is committed.

    On SQLite the process's writer thread commits it together with the writes
    waiting beside it (one fsync for all); on PostgreSQL it runs in a worker thread."""
    if site.db.is_sqlite:
        return await asyncio.wrap_future(site.db.submit_write(work))
    return await run_in_threadpool(site.db.write_grouped, work)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    site = get_site(request)
    full = {
        "site": site,
        "user": request.scope.get("state", {}).get("user"),
        "csrf_token": page_csrf_token(request),
        "level_names": LEVEL_NAMES,
        "htmx": is_htmx(request),
    }
    full.update(context or {})
    response: HTMLResponse = site.templates.TemplateResponse(
        request, template, full, status_code=status_code, headers=headers
    )
    return response


def skill_or_404(site: Site, skill_id: str) -> Skill:
    try:
        return site.skill(skill_id)
    except KeyError:
        raise SkillMissing(skill_id) from None


def see_other(url: str) -> Response:
    return Response(status_code=303, headers={"location": url})
