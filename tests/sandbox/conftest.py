"""One grader (warm pool, full sandbox) shared by the sandbox tests."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from mlmath.grading.harness import Grader
from mlmath.grading.results import GradingResult
from mlmath.grading.submission import read_python
from mlmath.sandbox.identity import (
    DEFAULT_COUNT,
    DEFAULT_FIRST_UID,
    Identity,
    _lock_folder,
    is_root,
)
from mlmath.sandbox.launcher import find_bwrap

ASSIGNMENTS = Path(__file__).resolve().parents[2] / "src" / "mlmath" / "content" / "assignments"


@pytest.fixture(scope="session")
def grader() -> Iterator[Grader]:
    if find_bwrap() is None or not is_root():
        pytest.skip("needs bubblewrap and root (for the dedicated sandbox uids)")
    with Grader(confinement="bubblewrap", pool_size=2, require_full_sandbox=True) as shared:
        _record_leases(shared)
        yield shared


LEASED: dict[int, set[int]] = {}
"""Every uid each grader (by ``id``) has leased: only those can hold its leftovers."""


def _record_leases(grader: Grader) -> None:
    identities = grader.launcher.identities
    assert identities is not None
    leased = LEASED.setdefault(id(grader), set(_pool_uids(grader)))
    lease = identities.lease

    def recording_lease() -> Identity:
        identity = lease()
        leased.add(identity.uid)
        return identity

    identities.lease = recording_lease  # type: ignore[method-assign]
    leased |= _pool_uids(grader)


@pytest.fixture
def helpers() -> SimpleNamespace:
    """The helper functions below, for the tests."""
    return SimpleNamespace(
        grade_source=grade_source,
        reference_source=reference_source,
        stray_processes=stray_processes,
    )


def reference_source(assignment: str) -> str:
    return (ASSIGNMENTS / assignment / "reference.py").read_text()


def grade_source(grader: Grader, source: str, *, public_only: bool = True) -> GradingResult:
    """Grade ``source`` as a submission of the linear-systems assignment."""
    return grader.grade(
        "c1w2-linear-systems", read_python(source.encode()), seed=7, public_only=public_only
    )


def _pool_uids(grader: Grader) -> set[int]:
    with grader.pool._condition:
        sandboxes = grader.pool._ready + grader.pool._starting
    return {sandbox.identity.uid for sandbox in sandboxes if sandbox.identity is not None}


def _living_by_uid() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            uid = entry.stat(follow_symlinks=False).st_uid
            if not DEFAULT_FIRST_UID <= uid < DEFAULT_FIRST_UID + DEFAULT_COUNT:
                continue
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                state = handle.read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in (b"Z", b"X"):
            found.setdefault(uid, []).append(int(entry.name))
    return found


def _uids_leased_elsewhere() -> set[int]:
    """Sandbox uids whose lease (an ``flock``, see ``identity.py``) another process holds:
    the sandboxes of a grader in a concurrent test or server, not this test's to judge."""
    folder = _lock_folder()
    by_inode: dict[int, int] = {}
    for uid in range(DEFAULT_FIRST_UID, DEFAULT_FIRST_UID + DEFAULT_COUNT):
        try:
            by_inode[os.stat(folder / f"{uid}.lock").st_ino] = uid
        except OSError:
            continue
    elsewhere = set()
    with open("/proc/locks") as locks:
        for line in locks:
            parts = line.split()
            if "->" in parts or len(parts) < 6 or parts[1] != "FLOCK":
                continue
            holder, inode = int(parts[4]), int(parts[5].rsplit(":", 1)[1])
            if inode in by_inode and holder != os.getpid():
                elsewhere.add(by_inode[inode])
    return elsewhere


def stray_processes(grader: Grader, patience: float = 3.0) -> list[int]:
    """Living processes of the uids this grader has leased that belong to no warm sandbox
    (should be none). Uids leased by other processes (tests or servers running beside this
    one, or left by a server another test killed) are left out."""
    deadline = time.monotonic() + patience
    while True:
        before = _pool_uids(grader)
        living = _living_by_uid()
        after = _pool_uids(grader)
        skip = before | after | _uids_leased_elsewhere()
        mine = LEASED.get(id(grader), set())
        strays = [
            pid for uid, pids in living.items() if uid in mine and uid not in skip for pid in pids
        ]
        if not strays or time.monotonic() > deadline:
            return strays
        time.sleep(0.05)
