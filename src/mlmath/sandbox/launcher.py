"""Starting sandboxes: which confinement this machine allows, and the process that gets it.

Two confinements:

- ``bubblewrap`` (the full sandbox): as root, a dedicated uid is leased and
  dropped before exec; then bubblewrap gives the interpreter no network, a
  minimal read-only filesystem, a private ``/tmp``, its own PID namespace and the
  seccomp filter; rlimits apply to everything it starts.
- ``rlimits`` (local single-user fallback): the interpreter runs with rlimits
  only (and, as root, under a dedicated uid). It can read what the user can read,
  so it is for grading your own code on your own machine, never for a class.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import numpy

from mlmath.sandbox import filesystem, seccomp
from mlmath.sandbox.identity import Identity, IdentityPool, is_root
from mlmath.sandbox.limits import Limits
from mlmath.sandbox.supervisor import Sandbox


class Confinement(StrEnum):
    BUBBLEWRAP = "bubblewrap"
    RLIMITS = "rlimits"


class SandboxUnavailable(RuntimeError):
    """The sandbox asked for cannot run on this machine (the message says why)."""


def find_bwrap() -> str | None:
    return shutil.which("bwrap", path="/usr/bin:/usr/local/bin:/bin") or shutil.which("bwrap")


def choose_confinement(setting: str) -> Confinement:
    """Resolve ``MLMATH_SANDBOX`` (bubblewrap, rlimits, auto) against this machine."""
    bwrap = find_bwrap()
    if setting == "rlimits":
        return Confinement.RLIMITS
    if setting == "bubblewrap":
        if bwrap is None:
            raise SandboxUnavailable(
                "MLMATH_SANDBOX=bubblewrap but bubblewrap is not installed "
                "(apt-get install bubblewrap)"
            )
        return Confinement.BUBBLEWRAP
    return Confinement.BUBBLEWRAP if bwrap else Confinement.RLIMITS


def default_staging_folder() -> Path:
    """Where mirrored files and compiled bytecode live; reachable by the sandbox's uid."""
    if is_root():
        return Path("/var/cache/mlmath-sandbox")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlmath-sandbox"


@dataclass(frozen=True, slots=True)
class LaunchSettings:
    confinement: Confinement
    limits: Limits = field(default_factory=Limits)
    staging: Path | None = None
    seccomp: bool = True


class Launcher:
    """Starts sandboxes of one confinement. Thread-safe; one per process is enough."""

    def __init__(self, settings: LaunchSettings) -> None:
        self.settings = settings
        self.confinement = settings.confinement
        self.limits = settings.limits
        self.bwrap = find_bwrap()
        if self.confinement is Confinement.BUBBLEWRAP and self.bwrap is None:
            raise SandboxUnavailable("bubblewrap is not installed (apt-get install bubblewrap)")
        staging = settings.staging or default_staging_folder()
        self.staging = staging
        self.layout = filesystem.staged_layout(filesystem.python_layout(), staging)
        self.identities = IdentityPool() if is_root() else None
        program = seccomp.filter_program() if settings.seccomp else None
        self.seccomp_program = program if self.confinement is Confinement.BUBBLEWRAP else None
        tag = f"py{self.layout.version}-numpy{numpy.__version__}-{self.confinement.value}"
        self.pycache = staging / f"pycache-{tag}"
        self._prepare_lock = threading.Lock()
        self._prepared = False
        self._releases: queue.SimpleQueue[Identity] = queue.SimpleQueue()
        if self.identities is not None:
            threading.Thread(
                target=self._release_loop, name="mlmath-sandbox-uids", daemon=True
            ).start()

    def _release_loop(self) -> None:
        """Give leased uids back off the grading path, once their processes are gone."""
        assert self.identities is not None
        while True:
            self.identities.release(self._releases.get())

    @property
    def drops_uid(self) -> bool:
        return self.identities is not None

    def prepare(self) -> None:
        """Compile NumPy's and the runner's bytecode once, so every warm start is quick."""
        with self._prepare_lock:
            if self._prepared:
                return
            marker = self.pycache / ".complete"
            if not marker.exists():
                self.pycache.mkdir(mode=0o755, parents=True, exist_ok=True)
                self._compile_bytecode()
                marker.write_text("ok\n")
            self._prepared = True

    def _compile_bytecode(self) -> None:
        script = (
            "import compileall, sys, numpy, json, linecache, resource, types, wire\n"
            "compileall.compile_dir(sys.argv[1], quiet=2)\n"
        )
        read_fd, write_fd = os.pipe()
        try:
            if self.confinement is Confinement.BUBBLEWRAP:
                assert self.bwrap is not None
                command = filesystem.bwrap_command(
                    self.layout,
                    self.limits,
                    bwrap=self.bwrap,
                    pycache=self.pycache,
                    result_fd=write_fd,
                    seccomp_fd=None,
                    writable_pycache=True,
                )
                command = command[: command.index("-S")]
                command += ["-S", "-c", script, f"{filesystem.SANDBOX_SITE}/numpy"]
                environment: dict[str, str] = {}
            else:
                command, environment = filesystem.direct_command(
                    self.layout,
                    self.limits,
                    result_fd=write_fd,
                    pycache=self.pycache,
                    processes=False,
                )
                package = str(self.layout.packages[0])
                command = [command[0], "-S", "-c", script, package]
            environment.pop("PYTHONDONTWRITEBYTECODE", None)
            done = subprocess.run(
                command, env=environment, capture_output=True, timeout=600, check=False
            )
            if done.returncode != 0:
                raise SandboxUnavailable(
                    "could not prepare the sandbox's interpreter: "
                    + done.stdout.decode(errors="replace")[-500:]
                    + done.stderr.decode(errors="replace")[-500:]
                )
        finally:
            os.close(read_fd)
            os.close(write_fd)

    def start(self, on_discard: object = None) -> Sandbox:
        """Start one sandbox; it loads NumPy and then waits for its submission."""
        self.prepare()
        identity = self.identities.lease() if self.identities else None
        result_read, result_write = os.pipe2(os.O_CLOEXEC)
        pass_fds = [result_write]
        seccomp_fd = None
        try:
            if self.confinement is Confinement.BUBBLEWRAP:
                assert self.bwrap is not None
                if self.seccomp_program is not None:
                    seccomp_fd = seccomp.program_fd(self.seccomp_program)
                    pass_fds.append(seccomp_fd)
                command = filesystem.bwrap_command(
                    self.layout,
                    self.limits,
                    bwrap=self.bwrap,
                    pycache=self.pycache,
                    result_fd=result_write,
                    seccomp_fd=seccomp_fd,
                    processes=identity is not None,
                )
                environment: dict[str, str] = {}
            else:
                command, environment = filesystem.direct_command(
                    self.layout,
                    self.limits,
                    result_fd=result_write,
                    pycache=self.pycache,
                    processes=identity is not None,
                )
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=environment,
                pass_fds=pass_fds,
                cwd="/",
                start_new_session=True,
                user=identity.uid if identity else None,
                group=identity.uid if identity else None,
                extra_groups=[] if identity else None,
            )
        except BaseException:
            os.close(result_read)
            if identity is not None and self.identities is not None:
                self.identities.release(identity)
            raise
        finally:
            os.close(result_write)
            if seccomp_fd is not None:
                os.close(seccomp_fd)
        sandbox = Sandbox(process, result_read, self.limits, on_discard=self._discarded)
        sandbox.identity = identity
        sandbox.user_callback = on_discard
        return sandbox

    def _discarded(self, sandbox: Sandbox) -> None:
        identity: Identity | None = getattr(sandbox, "identity", None)
        if identity is not None and self.identities is not None:
            self._releases.put(identity)
        callback = getattr(sandbox, "user_callback", None)
        if callable(callback):
            with contextlib.suppress(Exception):
                callback(sandbox)


def interpreter_description() -> str:
    return f"Python {sys.version.split()[0]}, NumPy {numpy.__version__}"
