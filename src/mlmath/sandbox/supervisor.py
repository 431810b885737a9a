"""One single-use sandboxed interpreter: start it, feed it one submission, watch it, discard it.

The supervisor enforces what the process cannot enforce on itself: a
wall-clock deadline (sleeping code burns no CPU), a cap on printed output and
on the size of the answer, and the final kill. It reads the answer from a pipe
(never from a file the sandbox could replace with a symlink) and parses it as
JSON lines; it never unpickles anything.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mlmath.sandbox.limits import Limits


class Ending(StrEnum):
    """How a run ended, as far as the supervisor could see."""

    FINISHED = "finished"
    """The runner reported ``done``."""
    CPU = "cpu"
    """Killed by the CPU limit."""
    WALL = "wall"
    """Stopped by the supervisor at the wall-clock deadline."""
    RESULT_TOO_LARGE = "result_too_large"
    """Stopped because the answer grew past its cap."""
    CRASHED = "crashed"
    """The interpreter died on its own (a signal, or an exit) before finishing."""
    BROKEN = "broken"
    """The sandbox failed before it took the submission: a grading error, not the learner's."""


@dataclass(slots=True)
class RunOutcome:
    """What came back from one sandboxed run. Events are parsed but not trusted."""

    ending: Ending
    events: list[dict[str, Any]] = field(default_factory=list)
    output: str = ""
    output_truncated: bool = False
    exit_status: int | None = None
    seconds: float = 0.0
    detail: str = ""

    @property
    def received(self) -> bool:
        return any(event.get("event") == "received" for event in self.events)


_READY = b'{"event":"ready"}\n'


class Sandbox:
    """A started interpreter waiting for its one submission. Use :meth:`run` once."""

    def __init__(
        self,
        process: subprocess.Popen[bytes],
        result_fd: int,
        limits: Limits,
        on_discard: Any = None,
    ) -> None:
        self.process = process
        self.result_fd = result_fd
        self.limits = limits
        self.started = time.monotonic()
        self.ready = False
        self._pending = b""
        self._on_discard = on_discard
        self._discarded = False
        self._inner: list[tuple[int, str | None]] = []
        self.identity: Any = None
        """The leased uid (:class:`~mlmath.sandbox.identity.Identity`), if any."""
        self.user_callback: Any = None
        os.set_blocking(result_fd, False)

    def poll_ready(self) -> bool | None:
        """Read what the runner said so far: True once ready, None if it died or misbehaved."""
        if self.ready:
            return True
        try:
            chunk = os.read(self.result_fd, 4096)
        except BlockingIOError:
            return False
        if not chunk:
            return None
        self._pending += chunk
        if len(self._pending) >= len(_READY):
            if not self._pending.startswith(_READY):
                return None
            self._pending = self._pending[len(_READY) :]
            self.ready = True
            self._inner = [(pid, _start_time(pid)) for pid in _children(self.process.pid)]
            return True
        return False

    def run(self, request: dict[str, Any]) -> RunOutcome:
        """Send one submission, collect every event until done, death or a limit; then discard."""
        start = time.monotonic()
        try:
            outcome = self._run(request, start)
        finally:
            self.discard()
        outcome.seconds = time.monotonic() - start
        if outcome.ending is not Ending.FINISHED:
            outcome.exit_status = self.process.returncode
            if outcome.ending is Ending.CRASHED and _killed_by_cpu_limit(outcome.exit_status):
                outcome.ending = Ending.CPU
        if outcome.ending is Ending.CRASHED and not outcome.received:
            outcome.ending = Ending.BROKEN
            outcome.detail = outcome.detail or f"sandbox exited ({self.process.returncode})"
        return outcome

    def _run(self, request: dict[str, Any], start: float) -> RunOutcome:
        limits = self.limits
        payload = json.dumps(request, allow_nan=False, separators=(",", ":")).encode()
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None
        assert stdout is not None
        try:
            stdin.write(payload)
            stdin.close()
        except (BrokenPipeError, OSError) as error:
            return RunOutcome(Ending.BROKEN, detail=f"could not send the submission: {error}")
        outcome = RunOutcome(Ending.CRASHED)
        output = bytearray()
        dropped = 0
        result = bytearray(self._pending)
        result_size = len(result)
        deadline = start + limits.wall_seconds
        os.set_blocking(stdout.fileno(), False)
        selector = selectors.DefaultSelector()
        selector.register(self.result_fd, selectors.EVENT_READ, "result")
        selector.register(stdout.fileno(), selectors.EVENT_READ, "output")
        open_streams = 2
        try:
            while open_streams:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    outcome.ending = Ending.WALL
                    break
                for key, _ in selector.select(timeout=remaining):
                    try:
                        chunk = os.read(key.fd, 1 << 16)
                    except BlockingIOError:
                        continue
                    if not chunk:
                        selector.unregister(key.fd)
                        open_streams -= 1
                        continue
                    if key.data == "output":
                        room = max(0, limits.output_bytes - len(output))
                        output += chunk[:room]
                        dropped += len(chunk) - min(room, len(chunk))
                        continue
                    result_size += len(chunk)
                    if result_size > limits.result_bytes:
                        outcome.ending = Ending.RESULT_TOO_LARGE
                        open_streams = 0
                        break
                    result += chunk
                    if _parse_lines(result, outcome.events):
                        outcome.ending = Ending.FINISHED
                        open_streams = 0
                        break
        finally:
            selector.close()
        if outcome.ending is Ending.FINISHED:
            dropped += _drain(stdout.fileno(), output, limits.output_bytes)
        if outcome.ending is Ending.CRASHED:
            _parse_lines(result + b"\n", outcome.events)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            if self.process.returncode is None:
                outcome.ending = Ending.WALL
        outcome.output = output.decode("utf-8", errors="replace")
        outcome.output_truncated = dropped > 0
        return outcome

    def discard(self) -> None:
        """Kill the whole sandbox (its PID namespace goes with it) and reap it.

        The namespace's first process is killed before bubblewrap itself. (Unprivileged
        bubblewrap leaves that process for the machine's init to reap; until then it is
        a zombie that still counts against the uid's process limit, which is why a uid
        goes back to the pool only once every process of it is gone.)
        """
        if self._discarded:
            return
        self._discarded = True
        if self.process.poll() is None:
            self._inner += [(pid, _start_time(pid)) for pid in _children(self.process.pid)]
        for pid, started in self._inner:
            # The namespace's init, found when the sandbox became ready; killing it
            # takes down everything in the namespace, a setsid() daemon included.
            if started is not None and _start_time(pid) == started:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=0.5)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        with contextlib.suppress(OSError):
            os.close(self.result_fd)
        if self._on_discard is not None:
            self._on_discard(self)


def _start_time(pid: int) -> str | None:
    """When ``pid`` started (clock ticks since boot): tells a process from a reused pid."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(part) for part in handle.read().split()]
    except (OSError, ValueError):
        return []


def _parse_lines(buffer: bytearray, events: list[dict[str, Any]]) -> bool:
    """Move complete JSON lines from ``buffer`` into ``events``; True once ``done`` arrived."""
    while (newline := buffer.find(b"\n")) >= 0:
        line = bytes(buffer[:newline])
        del buffer[: newline + 1]
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except (ValueError, RecursionError):
            event = {"event": "garbled"}
        if not isinstance(event, dict):
            event = {"event": "garbled"}
        events.append(event)
        if event.get("event") == "done":
            return True
    return False


def _drain(fd: int, output: bytearray, cap: int) -> int:
    """Read what is already waiting in the output pipe; return how many bytes were dropped."""
    dropped = 0
    for _ in range(64):
        try:
            chunk = os.read(fd, 1 << 16)
        except (BlockingIOError, OSError):
            break
        if not chunk:
            break
        room = max(0, cap - len(output))
        output += chunk[:room]
        dropped += len(chunk) - min(room, len(chunk))
    return dropped


def _killed_by_cpu_limit(status: int | None) -> bool:
    """bubblewrap reports a child killed by signal N as 128 + N; a direct child as -N."""
    if status is None:
        return False
    cpu_signals = {signal.SIGPROF, signal.SIGXCPU, signal.SIGKILL}
    return status in {-s for s in cpu_signals} or status in {128 + s for s in cpu_signals}
