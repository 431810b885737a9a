"""Resource limits of one sandboxed run, and the plain messages a learner sees when one is hit."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1 << 20
KIB = 1 << 10


@dataclass(frozen=True, slots=True)
class Limits:
    """What one submission may use. Every limit has a learner-facing message."""

    cpu_seconds: int = 2
    """CPU time for loading the submission and running every call (``RLIMIT_CPU``)."""
    wall_seconds: float = 6.0
    """Wall-clock time from the moment the submission arrives (catches sleeping code)."""
    memory_bytes: int = 512 * MIB
    """Address space of each process (``RLIMIT_AS``)."""
    output_bytes: int = 64 * KIB
    """What the learner's prints may fill; the rest is dropped and the learner told."""
    result_bytes: int = 8 * MIB
    """Size of the JSON answer of one run; beyond it the run is stopped."""
    file_bytes: int = 8 * MIB
    """Largest file the learner's code may write (``RLIMIT_FSIZE``)."""
    tmp_bytes: int = 16 * MIB
    """Size of the private ``/tmp``."""
    open_files: int = 64
    """Open file descriptors per process (``RLIMIT_NOFILE``)."""
    processes: int = 16
    """Processes and threads of the sandbox's uid (``RLIMIT_NPROC``)."""
    warmup_cpu_seconds: int = 10
    """CPU allowed for starting the interpreter and importing NumPy before the submission."""

    def cpu_message(self) -> str:
        return f"time limit ({self.cpu_seconds} s CPU) exceeded"

    def wall_message(self) -> str:
        return (
            f"time limit ({self.wall_seconds:g} s wall clock) exceeded "
            "— is your code sleeping or waiting for input?"
        )

    def memory_message(self) -> str:
        return f"memory limit ({self.memory_bytes // MIB} MiB) exceeded"

    def output_message(self) -> str:
        return f"output truncated at {self.output_bytes // KIB} KiB"

    def result_message(self) -> str:
        return f"your function returned more than {self.result_bytes // MIB} MiB of data"


def runner_limits(limits: Limits, *, processes: bool) -> dict[str, int]:
    """The rlimits the in-sandbox runner sets on itself before anything else.

    ``processes`` is False when the sandbox shares the caller's uid (no root):
    ``RLIMIT_NPROC`` counts every process of the uid, the user's own included.
    """
    values = {
        "cpu_seconds": limits.cpu_seconds,
        "warmup_cpu_seconds": limits.warmup_cpu_seconds,
        "memory_bytes": limits.memory_bytes,
        "file_bytes": limits.file_bytes,
        "open_files": limits.open_files,
    }
    if processes:
        values["processes"] = limits.processes
    return values
