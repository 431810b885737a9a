"""The program that runs inside the sandbox: load one submission, make the calls, report values.

It is started by the warm pool, imports NumPy, says ``ready`` and then blocks on
standard input until the grader sends one request::

    {"source": "...", "filename": "submission.py", "cpu_seconds": 2,
     "calls": [{"function": "solve", "args": [...], "kwargs": {...}}, ...]}

It answers on the result file descriptor (given as ``argv[1]``) with one JSON
line per event: ``ready``, ``received``, ``loaded`` (or ``load_error``), one
``result`` per call and ``done``. Each result carries the returned value and the
arguments as they were after the call (the grader checks for mutation); it never
carries a verdict, and the sandbox never sees an expected value.

Only the standard library, NumPy and ``wire.py`` (mounted beside this file) are
imported: the sandbox holds no part of mlmath, its tests or its solutions.
"""

from __future__ import annotations

import contextlib
import json
import linecache
import os
import resource
import signal
import sys
import types
from typing import Any

MAX_MESSAGE = 2000
MAX_FRAMES = 30


def _write(fd: int, event: dict[str, Any]) -> None:
    data = (json.dumps(event, allow_nan=False, separators=(",", ":")) + "\n").encode()
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _frames(error: BaseException, filename: str) -> list[list[Any]]:
    """The learner's own frames of a traceback: [line, function] pairs, innermost last."""
    frames = []
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == filename:
            frames.append([tb.tb_lineno, code.co_name[:100]])
        tb = tb.tb_next
    return frames[-MAX_FRAMES:]


def _describe(error: BaseException, filename: str) -> dict[str, Any]:
    try:
        message = str(error)
    except Exception:
        message = ""
    kind = "memory" if isinstance(error, MemoryError) else "exception"
    if isinstance(error, SystemExit):
        kind = "exit"
    described: dict[str, Any] = {
        "kind": kind,
        "type": type(error).__name__[:100],
        "message": message[:MAX_MESSAGE],
        "frames": _frames(error, filename),
    }
    if isinstance(error, SyntaxError) and error.filename == filename:
        described["line"] = error.lineno
        described["offset"] = error.offset
        described["message"] = (error.msg or "")[:MAX_MESSAGE]
    return described


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _limit_cpu(seconds: float) -> None:
    """Give the submission ``seconds`` of CPU from now on (the warm-up does not count).

    A profiling timer ends the process at exactly ``seconds`` (SIGPROF); the
    rlimit, rounded up, backs it up in case the learner's code catches SIGPROF.
    """
    signal.setitimer(signal.ITIMER_PROF, seconds)
    soft = int(_cpu_used() + seconds + 1.999)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    wanted_hard = soft + 1
    if hard != resource.RLIM_INFINITY:
        wanted_hard = min(wanted_hard, hard)
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, wanted_hard))


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):
            stream.flush()


def _apply_limits(limits: dict[str, int]) -> None:
    """The rlimits, set first thing, before NumPy or any learner code is loaded."""
    cpu = limits["cpu_seconds"] + limits["warmup_cpu_seconds"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    for name, key in (
        ("RLIMIT_AS", "memory_bytes"),
        ("RLIMIT_FSIZE", "file_bytes"),
        ("RLIMIT_NOFILE", "open_files"),
        ("RLIMIT_NPROC", "processes"),
    ):
        if key in limits:
            value = limits[key]
            resource.setrlimit(getattr(resource, name), (value, value))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _write_files(files: dict[str, str]) -> None:
    """Put the assignment's data files in the working folder, where the learner's code
    expects them (``/tmp`` in the sandbox; a fresh folder without bubblewrap)."""
    if not os.access(".", os.W_OK):
        import tempfile  # only without bubblewrap: importing it costs ~30 ms of CPU

        os.chdir(tempfile.mkdtemp(prefix="mlmath-grading-"))
    for name, text in files.items():
        if os.path.basename(name) != name or name.startswith("."):
            continue
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(text)


def main() -> None:
    result_fd = int(sys.argv[1])
    _apply_limits(json.loads(sys.argv[2]))
    # Loaded while warm, so the submission does not pay for them: NumPy, and its random
    # module (lazy in NumPy 2: ~30 ms at the first default_rng(), which most ML code calls).
    import numpy
    import numpy.random
    import wire

    del numpy
    _write(result_fd, {"event": "ready"})
    request = json.loads(_read_all(0))
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    _write(result_fd, {"event": "received"})
    filename = str(request.get("filename", "submission.py"))
    source = str(request["source"])
    calls = request["calls"]
    _write_files(request.get("files", {}))
    _limit_cpu(float(request.get("cpu_seconds", 2)))

    module = types.ModuleType("submission")
    module.__file__ = filename
    sys.modules["submission"] = module
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except BaseException as error:
        _flush_output()
        _write(result_fd, {"event": "load_error", "error": _describe(error, filename)})
        os._exit(0)
    _flush_output()
    _write(result_fd, {"event": "loaded"})

    for index, call in enumerate(calls):
        name = call["function"]
        function = module.__dict__.get(name)
        if not callable(function):
            reply: dict[str, Any] = {
                "event": "result",
                "index": index,
                "error": {"kind": "missing", "type": type(function).__name__},
            }
        else:
            args = wire.decode(call["args"])
            kwargs = wire.decode(call.get("kwargs", {"__dict__": {}}))
            reply = _call(wire, function, args, kwargs, index=index, filename=filename)
        _flush_output()
        _write(result_fd, reply)
    _write(result_fd, {"event": "done"})
    os._exit(0)


def _call(
    wire: Any,
    function: Any,
    args: list[Any],
    kwargs: dict[str, Any],
    *,
    index: int,
    filename: str,
) -> dict[str, Any]:
    try:
        value = function(*args, **kwargs)
    except BaseException as error:
        return {"event": "result", "index": index, "error": _describe(error, filename)}
    try:
        encoded = wire.encode(value)
        after = wire.encode({"args": list(args), "kwargs": kwargs})
    except BaseException as error:
        return {
            "event": "result",
            "index": index,
            "error": {"kind": "unencodable", "type": type(error).__name__, "message": str(error)},
        }
    return {"event": "result", "index": index, "value": encoded, "after": after}


if __name__ == "__main__":
    main()
