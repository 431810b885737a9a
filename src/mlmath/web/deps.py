"""What routes share: the site, the signed-in user, CSRF checking, page rendering."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, overload
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Connection
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from mlmath.exercises.skill import Skill
from mlmath.services.accounts import User
from mlmath.services.mastery import LEVEL_NAMES
from mlmath.store.direct import Steps
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


async def site_dependency(request: Request) -> Site:
    # ``async`` on purpose: FastAPI runs a plain ``def`` dependency in a worker thread,
    # a hop that cost more than the rest of a small request.
    return get_site(request)


SiteDep = Annotated[Site, Depends(site_dependency)]


def session_token(request: Request) -> str:
    cookies: dict[str, str] = request.scope.get("state", {}).get("cookies", {})
    return cookies.get(SESSION_COOKIE, "")


async def user_of(request: Request) -> User | None:
    """The signed-in user (the local learner in single-user mode), looked up once per request."""
    site = get_site(request)
    state = request.scope.setdefault("state", {})
    if not site.multi_user:
        state["user"] = site.local_user
        return site.local_user
    cached = state.get("user", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    token = session_token(request)
    user = None
    if token:
        user = await site.sessions.user(token)
    state["user"] = user
    return user


async def signed_in(request: Request) -> User:
    """The signed-in user; a page that needs one sends the visitor to log in."""
    user = await user_of(request)
    if user is None:
        raise LoginRequired
    return user


async def instructor(user: Annotated[User, Depends(signed_in)]) -> User:
    if not user.is_instructor:
        raise Forbidden
    return user


UserDep = Annotated[User, Depends(signed_in)]
OptionalUserDep = Annotated[User | None, Depends(user_of)]
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


async def posted_form(request: Request) -> FormData:
    """A POST's form, once its CSRF token is checked (for routes outside FastAPI's
    dependencies, which check it for every other route)."""
    await verify_csrf(request)
    return await request.form()


def field(form: FormData, name: str, default: str | None = None) -> str:
    """One text field of a form; a missing one is a 400 that names it."""
    value = form.get(name, default)
    if not isinstance(value, str):
        raise HTTPException(400, f"Missing or malformed: {name}.")
    return value


@overload
async def db_read(site: Site, work: Callable[[Connection], Steps[T]]) -> T: ...
@overload
async def db_read(site: Site, work: Callable[[Connection], T]) -> T: ...
async def db_read(site: Site, work: Callable[[Connection], Any]) -> Any:
    """Run a short read for an ``async`` route (:meth:`Database.read_soon`)."""
    return await site.db.read_soon(work)


@overload
async def db_write(site: Site, work: Callable[[Connection], Steps[T]]) -> T: ...
@overload
async def db_write(site: Site, work: Callable[[Connection], T]) -> T: ...
async def db_write(site: Site, work: Callable[[Connection], Any]) -> Any:
    """Run a write for an ``async`` route; returns once it is committed (together with
    the writes waiting beside it: :meth:`Database.write_together`)."""
    return await site.db.write_together(work)


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
