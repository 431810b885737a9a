"""Web security: response headers, the CSRF cookie and token, cookie attributes.

- Every response carries a strict Content-Security-Policy (scripts only from
  this server, no inline scripts, no framing), ``nosniff``, a Referrer-Policy
  and ``Cache-Control: no-store`` for pages (which hold a learner's work).
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
from typing import Any

from starlette.requests import cookie_parser
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


def cookie_header(name: str, value: str, *, secure: bool, max_age: int | None = None) -> bytes:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if secure:
        parts.append("Secure")
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


class SecurityMiddleware:
    """Adds the security headers and hands every browser a CSRF cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
                headers.extend(HEADERS)
                if not any(k == b"cache-control" for k, _ in headers):
                    headers.append(
                        (b"cache-control", b"public, max-age=3600" if static else b"no-store")
                    )
                if new_seed is not None and not static:
                    headers.append(
                        (b"set-cookie", cookie_header(CSRF_COOKIE, new_seed, secure=secure))
                    )
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
