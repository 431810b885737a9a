"""Unprivileged user ids for sandboxes: one dedicated uid per running sandbox.

As root, ``RLIMIT_NPROC`` is not enforced, so the sandbox must run as another
user. Giving each live sandbox a uid of its own (from a reserved range, never a
real account) keeps one submission's fork bomb from eating the process budget
of the next one. A uid is leased with an ``flock`` on a small lock file, so
several mlmath processes on one machine (server, workers, the CLI) never hand
out the same uid at once; the kernel drops the lock if the holder dies.

The uid is dropped by :class:`subprocess.Popen` itself (``user=``, ``group=``,
``extra_groups=[]``: setgroups, setgid, setuid, in that order, before exec).
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

#: The reserved range: far above ordinary accounts, below nobody (65534).
DEFAULT_FIRST_UID = 64000
DEFAULT_COUNT = 256


def is_root() -> bool:
    return os.geteuid() == 0


def _lock_folder() -> Path:
    for candidate in (Path("/run/lock"), Path(tempfile.gettempdir())):
        if candidate.is_dir() and os.access(candidate, os.W_OK):
            folder = candidate / "mlmath-sandbox-uids"
            folder.mkdir(mode=0o700, exist_ok=True)
            return folder
    raise OSError("no writable folder for sandbox uid locks")


@dataclass(frozen=True, slots=True)
class Identity:
    """A leased uid (and a gid of the same number). Release it when the sandbox is gone."""

    uid: int
    lock_fd: int


class IdentityPool:
    """Leases dedicated uids across every mlmath process on this machine."""

    def __init__(self, first: int = DEFAULT_FIRST_UID, count: int = DEFAULT_COUNT) -> None:
        self.first = first
        self.count = count
        self._folder = _lock_folder()
        self._next = 0
        self._mutex = threading.Lock()

    def lease(self) -> Identity:
        with self._mutex:
            for step in range(self.count):
                uid = self.first + (self._next + step) % self.count
                fd = os.open(self._folder / f"{uid}.lock", os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    continue
                if processes_of(uid):
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    os.close(fd)
                    continue
                self._next = (self._next + step + 1) % self.count
                return Identity(uid, fd)
        raise OSError(f"all {self.count} sandbox uids from {self.first} are in use")

    def release(self, identity: Identity, *, patience: float = 2.0) -> bool:
        """Give the uid back once none of its processes is left (a dying namespace takes
        a moment). If one survives ``patience`` seconds, the uid stays out of use."""
        deadline = time.monotonic() + patience
        while processes_of(identity.uid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        fcntl.flock(identity.lock_fd, fcntl.LOCK_UN)
        os.close(identity.lock_fd)
        return True


def processes_of(uid: int, *, living_only: bool = False) -> list[int]:
    """PIDs on this machine owned by ``uid`` (read from /proc).

    With ``living_only``, zombies are left out: they run nothing, but until their
    parent reaps them they still count against the uid's process limit.
    """
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat(follow_symlinks=False).st_uid != uid:
                continue
            if living_only:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                if fields[0] in (b"Z", b"X"):
                    continue
        except (OSError, IndexError):
            continue
        found.append(int(entry.name))
    return found
