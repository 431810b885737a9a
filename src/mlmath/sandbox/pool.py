"""A warm pool of single-use sandboxes.

Each sandbox is an interpreter that has already imported NumPy and is blocked
reading its standard input. A submission takes one, uses it once and throws
it away; a background thread keeps ``size`` of them ready. Nothing is shared
between submissions: no fork from a common parent, no reused process. The pool
holds no grading data at all, so no interpreter can find tests or expected
values in its memory.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import threading
import time

from mlmath.sandbox.launcher import Launcher
from mlmath.sandbox.supervisor import Sandbox

log = logging.getLogger(__name__)

#: How long a starting sandbox may take to say it is ready.
READY_TIMEOUT = 20.0


class PoolError(RuntimeError):
    """No sandbox could be made ready in time: a grading error, to be retried."""


class WarmPool:
    """Keeps ``size`` sandboxes ready; :meth:`take` hands one out (for one submission)."""

    def __init__(self, launcher: Launcher, size: int = 2) -> None:
        self.launcher = launcher
        self.size = max(1, size)
        self._ready: list[Sandbox] = []
        self._starting: list[Sandbox] = []
        self._waiting = 0
        self._condition = threading.Condition()
        self._closed = False
        self._failures = 0
        self._thread = threading.Thread(target=self._refill, name="mlmath-warm-pool", daemon=True)
        self._thread.start()

    def __enter__(self) -> WarmPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def take(self, timeout: float = READY_TIMEOUT) -> Sandbox:
        """A ready sandbox of one's own. Raises :class:`PoolError` if none is ready in time."""
        deadline = time.monotonic() + timeout
        with self._condition:
            self._waiting += 1
            self._condition.notify_all()
            try:
                while not self._ready:
                    if self._closed:
                        raise PoolError("the sandbox pool is closed")
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise PoolError("no sandbox became ready in time")
                    self._condition.wait(left)
                sandbox = self._ready.pop(0)
            finally:
                self._waiting -= 1
            self._condition.notify_all()
        if sandbox.process.poll() is not None:
            sandbox.discard()
            return self.take(max(0.1, deadline - time.monotonic()))
        return sandbox

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        self._thread.join(timeout=5)
        with self._condition:
            leftovers = self._ready + self._starting
            self._ready, self._starting = [], []
        for sandbox in leftovers:
            sandbox.discard()

    def wait_until_full(self, timeout: float = READY_TIMEOUT) -> bool:
        """Block until ``size`` sandboxes are ready (for benchmarks and start-up)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self._ready) < self.size:
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return False
                self._condition.wait(left)
        return True

    def _wanted(self) -> int:
        return self.size + self._waiting - len(self._ready) - len(self._starting)

    def _refill(self) -> None:
        selector = selectors.DefaultSelector()
        try:
            while True:
                with self._condition:
                    if self._closed:
                        return
                    wanted = self._wanted()
                for _ in range(max(0, wanted)):
                    self._start_one(selector)
                if not self._starting:
                    with self._condition:
                        if not self._closed and self._wanted() <= 0:
                            self._condition.wait(1.0)
                    continue
                for key, _ in selector.select(timeout=0.2):
                    self._check(key.data, selector)
                now = time.monotonic()
                for sandbox in list(self._starting):
                    if now - sandbox.started > READY_TIMEOUT:
                        log.warning("a sandbox did not become ready in %.0f s", READY_TIMEOUT)
                        self._drop(sandbox, selector)
        finally:
            selector.close()

    def _start_one(self, selector: selectors.BaseSelector) -> None:
        try:
            sandbox = self.launcher.start()
        except Exception:
            self._failures += 1
            log.exception("could not start a sandbox")
            time.sleep(min(2.0, 0.05 * 2 ** min(self._failures, 6)))
            return
        with self._condition:
            self._starting.append(sandbox)
        selector.register(sandbox.result_fd, selectors.EVENT_READ, sandbox)

    def _check(self, sandbox: Sandbox, selector: selectors.BaseSelector) -> None:
        state = sandbox.poll_ready()
        if state is False:
            return
        with contextlib.suppress(KeyError, ValueError):
            selector.unregister(sandbox.result_fd)
        if state is None:
            self._failures += 1
            log.warning("a sandbox exited while starting (status %s)", sandbox.process.poll())
            self._drop(sandbox, None)
            time.sleep(min(2.0, 0.05 * 2 ** min(self._failures, 6)))
            return
        self._failures = 0
        with self._condition:
            self._starting.remove(sandbox)
            if self._closed:
                sandbox.discard()
                return
            self._ready.append(sandbox)
            self._condition.notify_all()

    def _drop(self, sandbox: Sandbox, selector: selectors.BaseSelector | None) -> None:
        if selector is not None:
            with contextlib.suppress(KeyError, ValueError):
                selector.unregister(sandbox.result_fd)
        with self._condition:
            if sandbox in self._starting:
                self._starting.remove(sandbox)
        sandbox.discard()
