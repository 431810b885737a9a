"""A child process that runs SymPy checks, so that one running too long can be stopped.

SymPy's ``simplify`` has no useful bound on its time, and a thread cannot be stopped:
a check that overran its limit used to keep a core busy, and block every later
symbolic check of the process, until it finished by itself. Here each server (or
terminal) process keeps one child, started on first use; a check that overruns is
answered "cannot tell" at once and the child is killed (the next check starts a new
one). The child reads requests as pickles on stdin and answers on stdout, and ends
when the parent is gone.

The child runs :func:`serve`, started only by :class:`SympyProcess`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from mlmath.answers.tree import Node

START_SECONDS = 60.0
"""Longest wait for a new child to import SymPy and say it is ready."""

_READY = b"ready"
_CHILD = (
    "import sys; from mlmath.answers.symbolic import simplifies_to_zero; "
    "from mlmath.answers.sympy_process import serve; serve(int(sys.argv[1]), simplifies_to_zero)"
)
_LENGTH = struct.Struct("!I")


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(head)
    return pickle.loads(stream.read(length))  # written by our own parent


class SympyProcess:
    """One child process running :func:`mlmath.answers.symbolic.simplifies_to_zero`."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._owner = os.getpid()

    def equal(self, first: Node, second: Node, seconds: float) -> bool | None:
        """True when ``first - second`` simplifies to zero within ``seconds``; None when it
        does not, when the time runs out (the child is then killed), or when another
        check holds the child for longer than ``seconds``."""
        if self._owner != os.getpid():  # forked: the child and its pipes are the parent's
            self._child, self._lock, self._owner = None, threading.Lock(), os.getpid()
        if not self._lock.acquire(timeout=seconds):
            return None
        try:
            child = self._ready()
            assert child.stdin is not None
            try:
                _send(child.stdin, (first, second))
            except OSError:
                self._stop()
                return None
            answer: list[Any] = []
            reader = threading.Thread(target=self._read_one, args=(child, answer), daemon=True)
            reader.start()
            reader.join(seconds)
            if reader.is_alive() or not answer:
                self._stop()  # overran (or died): the reader ends with the pipe
                return None
            result = answer[0]
            return result if isinstance(result, bool) else None
        finally:
            self._lock.release()

    @staticmethod
    def _read_one(child: subprocess.Popen[bytes], answer: list[Any]) -> None:
        assert child.stdout is not None
        with contextlib.suppress(EOFError, OSError, ValueError, pickle.UnpicklingError):
            answer.append(_receive(child.stdout))

    def _ready(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child.poll() is None:
            return self._child
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        started: list[Any] = []
        reader = threading.Thread(target=self._read_one, args=(child, started), daemon=True)
        reader.start()
        reader.join(START_SECONDS)
        if started != [_READY]:
            _end(child)
            raise RuntimeError("the SymPy process did not start")
        self._child = child
        return child

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            _end(child)

    def close(self) -> None:
        with self._lock:
            self._stop()


def _end(child: subprocess.Popen[bytes]) -> None:
    """Kill a child and close its pipes (a reader still waiting on them gets end of file)."""
    child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def serve(parent: int, check: Callable[[Node, Node], bool | None]) -> None:
    """The child's loop: answer each request (two formulas) with ``check`` in turn until
    stdin closes. The check is passed in (by the child's start-up line), so this module
    needs nothing of the modules that use it."""

    def watch_parent() -> None:  # a check in progress must not outlive the parent
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    _send(stdout, _READY)
    while True:
        try:
            first, second = _receive(stdin)
        except EOFError:
            return
        _send(stdout, check(first, second))
