"""The fail-closed self-test: before grading anyone, try to break out of our own sandbox.

A probe submission runs in a real sandbox, through the same path as a learner's
code, and tries what an attacker would: read host files, reach a server the
self-test opens on 127.0.0.1, fork past the process limit, leave a daemon
behind, use SysV shared memory, write outside ``/tmp``, allocate past the
memory limit, read the environment. Every attempt that succeeds is a missing
layer, named in the report. A multi-user grader refuses to start unless the
report is clean; local single-user grading shows the report as a warning.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path

from mlmath.sandbox import wire
from mlmath.sandbox.identity import processes_of
from mlmath.sandbox.launcher import Confinement, Launcher
from mlmath.sandbox.supervisor import Ending

PROBE = r"""
import ctypes, errno, os, socket, time

def read_files(paths):
    readable = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                handle.read(1)
            readable.append(path)
        except OSError:
            pass
    return readable

def connect(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False

def interfaces():
    return [name for _, name in socket.if_nameindex()]

def fork_many(count):
    children = []
    for _ in range(count):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            time.sleep(5)
            os._exit(0)
        children.append(pid)
    return len(children)

def daemon():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(10)
        os._exit(0)
    os.wait()
    return True

def shared_memory():
    libc = ctypes.CDLL(None, use_errno=True)
    key = libc.shmget(0, 4096, 0o1600)
    return key >= 0

def io_uring():
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.syscall(425, 8, ctypes.create_string_buffer(120)) >= 0

def write_outside_tmp(paths):
    written = []
    for path in paths:
        try:
            with open(path, "w") as handle:
                handle.write("x")
            written.append(path)
        except OSError:
            pass
    return written

def allocate(megabytes):
    try:
        block = bytearray(megabytes << 20)
        return len(block) > 0
    except MemoryError:
        return False

def identity():
    status = open("/proc/self/status").read()
    effective = [line.split()[1] for line in status.splitlines() if line.startswith("CapEff")]
    return [os.getuid(), os.getgid(), int(effective[0], 16) if effective else -1]

def environment():
    return sorted(os.environ)
"""

ALLOWED_ENVIRONMENT = frozenset(
    {
        "PYTHONHOME",
        "PYTHONPATH",
        "PYTHONPYCACHEPREFIX",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONHASHSEED",
        "PYTHONIOENCODING",
        "OPENBLAS_NUM_THREADS",
        "OMP_NUM_THREADS",
        "MKL_NUM_THREADS",
        "HOME",
        "LANG",
        "PATH",
        "LC_CTYPE",
        "PWD",
    }
)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    passed: bool
    detail: str


@dataclass(slots=True)
class SelfTestReport:
    """Which layers hold on this machine."""

    confinement: Confinement
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(check.passed for check in self.checks)

    def missing(self) -> list[str]:
        return [f"{check.name}: {check.detail}" for check in self.checks if not check.passed]

    def summary(self) -> str:
        if self.ok:
            return f"sandbox self-test passed ({len(self.checks)} checks, {self.confinement})"
        return "sandbox self-test failed — " + "; ".join(self.missing())


def _host_files(extra: tuple[Path, ...]) -> list[str]:
    candidates = [
        "/etc/passwd",
        "/etc/hostname",
        "/etc/shadow",
        str(Path.home() / ".bashrc"),
        str(Path(__file__).resolve()),
        *(str(path) for path in extra),
    ]
    return [path for path in candidates if os.path.exists(path)]


def run_selftest(launcher: Launcher, *, secret_paths: tuple[Path, ...] = ()) -> SelfTestReport:
    """Probe a fresh sandbox from ``launcher``; ``secret_paths`` (e.g. the database) must
    stay unreadable."""
    report = SelfTestReport(launcher.confinement)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    files = _host_files(secret_paths)
    limit = launcher.limits.processes
    calls = [
        ("read_files", [files]),
        ("connect", [port]),
        ("interfaces", []),
        ("fork_many", [limit + 8]),
        ("daemon", []),
        ("shared_memory", []),
        ("io_uring", []),
        ("write_outside_tmp", [["/sandbox/probe", "/probe", "/usr/probe", "/etc/probe"]]),
        ("allocate", [launcher.limits.memory_bytes >> 20]),
        ("identity", []),
        ("environment", []),
    ]
    request = {
        "source": PROBE,
        "filename": "probe.py",
        "cpu_seconds": launcher.limits.cpu_seconds,
        "calls": [
            {"function": name, "args": wire.encode(args), "kwargs": wire.encode({})}
            for name, args in calls
        ],
    }
    try:
        sandbox = launcher.start()
    except Exception as error:
        listener.close()
        report.checks.append(Check("start", False, f"could not start a sandbox ({error})"))
        return report
    deadline = time.monotonic() + 30
    while sandbox.poll_ready() is False and time.monotonic() < deadline:
        select.select([sandbox.result_fd], [], [], 0.5)
    watch = os.dup(sandbox.result_fd)
    identity = getattr(sandbox, "identity", None)
    try:
        outcome = sandbox.run(request)
        listener.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            listener.accept()[0].close()
            report.checks.append(Check("network", False, "reached a server on the host"))
    finally:
        listener.close()
    values: dict[str, object] = {}
    for event in outcome.events:
        if event.get("event") == "result" and "value" in event:
            with contextlib.suppress(wire.WireError, IndexError, TypeError):
                values[calls[int(event["index"])][0]] = wire.decode(event["value"])
    if outcome.ending is not Ending.FINISHED:
        report.checks.append(
            Check("probe", False, f"the probe did not finish ({outcome.ending}, {outcome.detail})")
        )
        os.close(watch)
        return report
    _judge(report, launcher, values, files)
    report.checks.append(_no_survivors(watch, identity.uid if identity else None))
    return report


def _judge(
    report: SelfTestReport, launcher: Launcher, values: dict[str, object], files: list[str]
) -> None:
    def add(name: str, passed: bool, detail: str) -> None:
        report.checks.append(Check(name, passed, detail))

    readable = values.get("read_files")
    add(
        "host files",
        readable == [],
        "no host file readable" if readable == [] else f"could read {readable}",
    )
    add(
        "network",
        values.get("connect") is False and values.get("interfaces") == ["lo"],
        f"loopback server reachable: {values.get('connect')}, "
        f"interfaces: {values.get('interfaces')}",
    )
    forks = values.get("fork_many")
    limit = launcher.limits.processes
    add(
        "process limit",
        isinstance(forks, int) and forks < limit,
        f"forked {forks} processes (limit {limit})"
        + ("" if launcher.drops_uid else " — not enforced without root (no dedicated uid)"),
    )
    add(
        "seccomp",
        values.get("shared_memory") is False and values.get("io_uring") is False,
        f"SysV shared memory allowed: {values.get('shared_memory')}, "
        f"io_uring allowed: {values.get('io_uring')}",
    )
    add(
        "read-only filesystem",
        values.get("write_outside_tmp") == [],
        f"wrote {values.get('write_outside_tmp')}",
    )
    add(
        "memory limit",
        values.get("allocate") is False,
        f"allocating {launcher.limits.memory_bytes >> 20} MiB succeeded: {values.get('allocate')}",
    )
    ident = values.get("identity")
    unprivileged = isinstance(ident, list) and len(ident) == 3 and ident[0] != 0 and ident[2] == 0
    add("unprivileged", unprivileged, f"uid, gid, capabilities inside: {ident}")
    names = values.get("environment")
    leaked = sorted(set(names) - ALLOWED_ENVIRONMENT) if isinstance(names, list) else names
    add("environment", leaked == [], f"unexpected variables: {leaked}")


def _no_survivors(watch: int, uid: int | None) -> Check:
    """After the sandbox is gone, nothing it started may still hold its pipe or run as its uid."""
    try:
        ready, _, _ = select.select([watch], [], [], 2.0)
        closed = bool(ready) and os.read(watch, 1 << 16) == b""
    finally:
        os.close(watch)
    survivors = processes_of(uid, living_only=True) if uid is not None else []
    deadline = time.monotonic() + 2.0
    while survivors and time.monotonic() < deadline:  # processes still on their way out
        time.sleep(0.01)
        survivors = processes_of(uid, living_only=True) if uid is not None else []
    passed = closed and not survivors
    return Check(
        "no leftover process",
        passed,
        "a detached daemon died with the sandbox"
        if passed
        else f"a process outlived the sandbox (pids {survivors})",
    )
