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
from mlmath.sandbox.identity import DEFAULT_COUNT, DEFAULT_FIRST_UID, is_root
from mlmath.sandbox.launcher import find_bwrap

ASSIGNMENTS = Path(__file__).resolve().parents[2] / "src" / "mlmath" / "content" / "assignments"


@pytest.fixture(scope="session")
def grader() -> Iterator[Grader]:
    if find_bwrap() is None or not is_root():
        pytest.skip("needs bubblewrap and root (for the dedicated sandbox uids)")
    with Grader(confinement="bubblewrap", pool_size=2, require_full_sandbox=True) as shared:
        yield shared


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


def stray_processes(grader: Grader, patience: float = 3.0) -> list[int]:
    """Living processes of sandbox uids that belong to no warm sandbox (should be none)."""
    deadline = time.monotonic() + patience
    while True:
        before = _pool_uids(grader)
        living = _living_by_uid()
        after = _pool_uids(grader)
        strays = [pid for uid, pids in living.items() if uid not in before | after for pid in pids]
        if not strays or time.monotonic() > deadline:
            return strays
        time.sleep(0.05)
