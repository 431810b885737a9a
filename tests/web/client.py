"""A synchronous HTTP client that calls the ASGI app in process (no network, no threads of
ours beyond one event loop)."""

from __future__ import annotations

from functools import partial
from typing import Any

import anyio.from_thread
import httpx


class Client:
    """Like a browser without JavaScript: keeps cookies, does not follow redirects."""

    def __init__(self, app: Any, base_url: str = "http://127.0.0.1:8000") -> None:
        self._portal_context = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_context.__enter__()
        self.http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=base_url, follow_redirects=False
        )

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._portal.call(partial(self.http.request, method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self._portal.call(self.http.aclose)
        self._portal_context.__exit__(None, None, None)
