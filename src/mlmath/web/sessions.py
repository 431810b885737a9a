"""Who a session cookie belongs to, remembered for a moment in each server process.

Every request of a signed-in learner names its session; looking it up in the
database each time cost about as much as the rest of a small request. A found
session is remembered for :data:`REMEMBER_SECONDS`. Log-out forgets it at once
in the process that served it; another worker process of the same server may
still accept the ended session for at most that long (the browser that logged
out has already dropped the cookie). Unknown tokens are never remembered, so a
guessed token costs a lookup every time, as before.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from mlmath.services import accounts
from mlmath.services.accounts import User
from mlmath.store.database import Database

REMEMBER_SECONDS = 2.0
MAX_REMEMBERED = 10_000


class Sessions:
    def __init__(
        self,
        db: Database,
        *,
        seconds: float = REMEMBER_SECONDS,
        size: int = MAX_REMEMBERED,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.db = db
        self.seconds = seconds
        self.size = size
        self.clock = clock
        self._known: OrderedDict[str, tuple[User, float]] = OrderedDict()
        self._lock = threading.Lock()

    async def user(self, token: str) -> User | None:
        """The user of an open session, or None (looked up as :meth:`Database.read_soon`
        reads: on PostgreSQL beside the other reads of the same turn of the loop, never
        blocking it)."""
        now = self.clock()
        with self._lock:
            known = self._known.get(token)
        if known is not None and known[1] > now:
            return known[0]
        user = await self.db.read_soon(lambda _connection: accounts.looking_up_session(token))
        with self._lock:
            if user is None:
                self._known.pop(token, None)
            else:
                self._known[token] = (user, now + self.seconds)
                self._known.move_to_end(token)
                while len(self._known) > self.size:
                    self._known.popitem(last=False)
        return user

    def forget(self, token: str) -> None:
        """Drop a session that just ended (log-out)."""
        with self._lock:
            self._known.pop(token, None)
