"""Web security: response headers, the CSRF cookie and token, cookie attributes.

- Every response carries a strict Content-Security-Policy (scripts only from
  this server, no inline scripts, no framing), ``nosniff``, a Referrer-Policy
  and ``Cache-Control: no-store`` for pages (which hold a learner's work). A page that
  must post a form elsewhere (the LTI deep-linking return to the LMS) sends its own,
  otherwise equal, policy.
- CSRF: each browser gets a random ``mlmath_csrf`` cookie (HttpOnly,
  SameSite=Lax, Secure over HTTPS). Pages embed HMAC(secret, cookie) as the
  token; every POST must send it back (form field ``csrf_token`` or header
  ``X-CSRF-Token``, which htmx adds) and, when the browser names its Origin, come
  from this site. GET never changes state.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Sequence
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request, cookie_parser
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "mlmath_csrf"
SESSION_COOKIE = "mlmath_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # KaTeX positions glyphs with style attributes; scripts stay locked down.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def csrf_token(secret: bytes, seed: str) -> str:
    return hmac.new(secret, f"csrf:{seed}".encode(), hashlib.sha256).hexdigest()


def content_security_policy(frame_ancestors: Sequence[str] = ()) -> str:
    """The policy, letting pages of ``frame_ancestors`` (origins: an LMS) show ours in a frame."""
    if not frame_ancestors:
        return CONTENT_SECURITY_POLICY
    allowed = " ".join(("'self'", *frame_ancestors))
    return CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", f"frame-ancestors {allowed}")


def security_headers(frame_ancestors: Sequence[str] = ()) -> list[tuple[bytes, bytes]]:
    """:data:`HEADERS`, or with ``frame_ancestors`` allowed to frame the pages."""
    if not frame_ancestors:
        return HEADERS
    policy = (b"content-security-policy", content_security_policy(frame_ancestors).encode())
    rest = [h for h in HEADERS[1:] if h[0] != b"x-frame-options"]  # superseded by the CSP
    return [policy, *rest]


def cookie_header(
    name: str, value: str, *, secure: bool, max_age: int | None = None, framed: bool = False
) -> bytes:
    """A cookie of ours. ``framed`` (the course is shown inside an LMS's frame) makes it
    ``SameSite=None; Secure; Partitioned`` over HTTPS: sent inside the frame, and kept
    apart from the same course opened on its own."""
    same_site = "SameSite=None" if framed and secure else "SameSite=Lax"
    parts = [f"{name}={value}", "Path=/", "HttpOnly", same_site]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if secure:
        parts.append("Secure")
    if framed and secure:
        parts.append("Partitioned")
    return "; ".join(parts).encode()


def read_cookies(scope: Scope) -> dict[str, str]:
    """The request's cookies, read the way browsers write them (Starlette's parser:
    one malformed cookie from elsewhere on the host does not hide ours)."""
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            return cookie_parser(value.decode("latin-1"))
    return {}


def _valid_seed(seed: str | None) -> bool:
    return seed is not None and len(seed) == 43 and seed.replace("-", "").replace("_", "").isalnum()


class BodyTooLarge(HTTPException):
    """A request body over the limit: raised when the app reads past it (or at once when
    the request announces a larger ``Content-Length``), so that nothing more is read.
    An HTTP 413, so that it reaches the error pages whoever reads the body."""

    def __init__(self) -> None:
        super().__init__(413, "The request was larger than the course accepts.")


class SecurityMiddleware:
    """Adds the security headers, hands every browser a CSRF cookie, and bounds request
    bodies (:class:`BodyTooLarge`)."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        too_large: Callable[[Request], Response],
        frame_ancestors: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.too_large = too_large
        """The page for a request that announces a body over the limit."""
        self.headers = security_headers(frame_ancestors)
        self.framed = bool(frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = read_cookies(scope)
        seed = cookies.get(CSRF_COOKIE)
        new_seed = None
        if not _valid_seed(seed):
            seed = new_seed = secrets.token_urlsafe(32)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["csrf_seed"] = seed
        state["csrf_cookie_sent"] = new_seed is None
        state["cookies"] = cookies
        secure = scope.get("scheme") == "https"
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                own_policy = any(k == b"content-security-policy" for k, _ in headers)
                headers.extend(
                    h for h in self.headers if not (own_policy and h[0] == HEADERS[0][0])
                )
                if not any(k == b"cache-control" for k, _ in headers):
                    headers.append(
                        (b"cache-control", b"public, max-age=3600" if static else b"no-store")
                    )
                if new_seed is not None and not static:
                    headers.append(
                        (
                            b"set-cookie",
                            cookie_header(CSRF_COOKIE, new_seed, secure=secure, framed=self.framed),
                        )
                    )
                message["headers"] = headers
            await send(message)

        announced = next((v for k, v in scope["headers"] if k == b"content-length"), b"0")
        if not announced.isdigit() or int(announced) > self.max_body_bytes:
            response = self.too_large(Request(scope))  # refused before it is read
            response.headers["connection"] = "close"
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, self._bounded(receive), send_with_headers)

    def _bounded(self, receive: Receive) -> Receive:
        limit = self.max_body_bytes
        seen = 0

        async def counted() -> Message:  # a body sent in chunks, without a length
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge
            return message

        return counted
