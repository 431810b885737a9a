"""What the sandbox sees: the interpreter, its standard library, NumPy and nothing else.

Everything is bind-mounted read-only at fixed paths under ``/sandbox``, so the
sandbox works wherever the host keeps Python (a venv under ``/root`` included:
bubblewrap creates the mount points itself, no host folder needs to be
traversable by the sandbox's uid)::

    /sandbox/python/bin/python3        the real interpreter binary
    /sandbox/python/lib/python3.X      its standard library (PYTHONHOME=/sandbox/python)
    /sandbox/site/numpy, numpy.libs    NumPy, and nothing else from site-packages
    /sandbox/lib/runner.py, wire.py    the in-sandbox program
    /sandbox/pycache                   compiled bytecode, prepared once by the grader
    /tmp                               private, size-capped, the working folder (data files here)
    /usr/lib/..., /lib64/...           the shared libraries the interpreter and NumPy link

No home folder, no ``/etc``, no database, no mlmath package (hence no tests or
reference solutions), no environment variables but the few set here.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import numpy

from mlmath.sandbox.limits import Limits, runner_limits

SANDBOX_PYTHON_HOME = "/sandbox/python"
SANDBOX_SITE = "/sandbox/site"
SANDBOX_LIB = "/sandbox/lib"
SANDBOX_PYCACHE = "/sandbox/pycache"
SANDBOX_WORKDIR = "/tmp"

_HERE = Path(__file__).resolve().parent
RUNNER = _HERE / "runner.py"
WIRE = _HERE / "wire.py"


@dataclass(frozen=True, slots=True)
class PythonLayout:
    """Where the host keeps what the sandbox needs."""

    interpreter: Path
    stdlib: Path
    packages: tuple[Path, ...]
    library_folders: tuple[Path, ...]
    symlinks: tuple[tuple[str, str], ...]
    version: str
    program: Path = RUNNER.parent
    """Folder holding ``runner.py`` and ``wire.py``."""

    @property
    def sandbox_interpreter(self) -> str:
        return f"{SANDBOX_PYTHON_HOME}/bin/python3"

    @property
    def sandbox_stdlib(self) -> str:
        return f"{SANDBOX_PYTHON_HOME}/lib/python{self.version}"


def _shared_libraries(binary: Path) -> list[Path]:
    """Paths (as the loader names them) of the shared libraries ``binary`` needs."""
    try:
        output = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = []
    for line in output.splitlines():
        match = re.search(r"(/\S+)\s+\(0x", line)
        if match:
            found.append(Path(match.group(1)))
    return found


@functools.cache
def python_layout() -> PythonLayout:
    """Find the interpreter, stdlib, NumPy and shared-library folders of this Python."""
    interpreter = Path(os.path.realpath(sys.executable))
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    numpy_folder = Path(numpy.__file__).resolve().parent
    packages = [numpy_folder]
    libs = numpy_folder.parent / "numpy.libs"
    if libs.is_dir():
        packages.append(libs)
    binaries = [interpreter, *sorted(numpy_folder.glob("_core/_multiarray_umath*.so"))]
    binaries += sorted(numpy_folder.glob("linalg/_umath_linalg*.so"))
    folders: set[Path] = set()
    symlinks: dict[str, str] = {}
    for binary in binaries:
        for library in _shared_libraries(binary):
            real = Path(os.path.realpath(library))
            if real.is_relative_to(numpy_folder.parent):
                continue
            folders.add(real.parent)
            # Keep the name the loader uses (e.g. /lib64/ld-linux-x86-64.so.2) working.
            top = "/" + library.parts[1]
            if os.path.islink(top):
                symlinks[top] = os.readlink(top)
            folders.add(Path(os.path.realpath(library.parent)))
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return PythonLayout(
        interpreter=interpreter,
        stdlib=stdlib,
        packages=tuple(packages),
        library_folders=tuple(sorted(folders)),
        symlinks=tuple(sorted(symlinks.items())),
        version=version,
    )


def sandbox_environment(layout: PythonLayout) -> dict[str, str]:
    """The whole environment of the sandboxed interpreter."""
    return {
        "PYTHONHOME": SANDBOX_PYTHON_HOME,
        "PYTHONPATH": f"{SANDBOX_LIB}:{SANDBOX_SITE}",
        "PYTHONPYCACHEPREFIX": SANDBOX_PYCACHE,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "HOME": SANDBOX_WORKDIR,
        "LANG": "C.UTF-8",
        "PATH": f"{SANDBOX_PYTHON_HOME}/bin",
    }


def bwrap_command(
    layout: PythonLayout,
    limits: Limits,
    *,
    bwrap: str,
    pycache: Path,
    result_fd: int,
    seccomp_fd: int | None,
    writable_pycache: bool = False,
    processes: bool = True,
) -> list[str]:
    """The bubblewrap command line that starts one sandboxed runner."""
    command = [
        bwrap,
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--hostname",
        "sandbox",
        "--size",
        str(1 << 20),
        "--tmpfs",
        "/",
        "--size",
        str(limits.tmp_bytes),
        "--tmpfs",
        SANDBOX_WORKDIR,
        "--dev",
        "/dev",
        "--proc",
        "/proc",
    ]
    for folder in layout.library_folders:
        command += ["--ro-bind", str(folder), str(folder)]
    for link, target in layout.symlinks:
        command += ["--symlink", target, link]
    command += ["--ro-bind", str(layout.interpreter), layout.sandbox_interpreter]
    command += ["--ro-bind", str(layout.stdlib), layout.sandbox_stdlib]
    for package in layout.packages:
        command += ["--ro-bind", str(package), f"{SANDBOX_SITE}/{package.name}"]
    command += ["--ro-bind", str(layout.program / RUNNER.name), f"{SANDBOX_LIB}/{RUNNER.name}"]
    command += ["--ro-bind", str(layout.program / WIRE.name), f"{SANDBOX_LIB}/{WIRE.name}"]
    command += ["--bind" if writable_pycache else "--ro-bind", str(pycache), SANDBOX_PYCACHE]
    command += ["--remount-ro", "/", "--chdir", SANDBOX_WORKDIR, "--clearenv"]
    for name, value in sandbox_environment(layout).items():
        if not (writable_pycache and name == "PYTHONDONTWRITEBYTECODE"):
            command += ["--setenv", name, value]
    if seccomp_fd is not None:
        command += ["--seccomp", str(seccomp_fd)]
    command += [
        layout.sandbox_interpreter,
        "-S",
        "-B",
        f"{SANDBOX_LIB}/runner.py",
        str(result_fd),
        json.dumps(runner_limits(limits, processes=processes)),
    ]
    return command


def direct_command(
    layout: PythonLayout, limits: Limits, *, result_fd: int, pycache: Path, processes: bool
) -> tuple[list[str], dict[str, str]]:
    """Command and environment for the rlimits-only fallback (no bubblewrap)."""
    site = ":".join(str(p.parent) for p in layout.packages[:1])
    environment = {
        "PYTHONPATH": f"{layout.program}:{site}",
        "PYTHONPYCACHEPREFIX": str(pycache),
        "PYTHONIOENCODING": "utf-8",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "LANG": "C.UTF-8",
    }
    runner = str(layout.program / RUNNER.name)
    rlimits = json.dumps(runner_limits(limits, processes=processes))
    return [str(layout.interpreter), "-S", "-B", runner, str(result_fd), rlimits], environment


def traversable_by_others(path: Path) -> bool:
    """Whether a user other than the owner can reach ``path`` (every ancestor has o+x)."""
    for folder in [path, *path.parents]:
        try:
            mode = folder.stat().st_mode
        except OSError:
            return False
        if folder != path and not mode & stat.S_IXOTH:
            return False
    return True


def _stage(source: Path, target: Path) -> Path:
    """Mirror ``source`` at ``target`` with hard links (copies across filesystems)."""
    marker = target.with_name(target.name + ".source")
    stamp = f"{source}\n{source.stat().st_mtime_ns}\n"
    if target.exists() and marker.exists() and marker.read_text() == stamp:
        return target
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()

    def link_or_copy(src: str, dst: str) -> object:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
        return dst

    if source.is_dir():
        shutil.copytree(source, target, copy_function=link_or_copy, symlinks=True)
    else:
        link_or_copy(str(source), str(target))
    marker.write_text(stamp)
    return target


def staged_layout(layout: PythonLayout, staging: Path) -> PythonLayout:
    """The layout with every path the sandbox's uid could not reach mirrored under ``staging``.

    ``staging`` must itself be reachable by others (mode 0755 up to ``/``). The
    in-sandbox program is always mirrored, so no part of the mlmath package is
    ever mounted.
    """
    staging.mkdir(mode=0o755, parents=True, exist_ok=True)
    os.chmod(staging, 0o755)
    program = staging / "program"
    program.mkdir(mode=0o755, exist_ok=True)
    for source in (RUNNER, WIRE):
        target = program / source.name
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
            os.chmod(target, 0o644)

    def reach(path: Path, name: str) -> Path:
        return path if traversable_by_others(path) else _stage(path, staging / name)

    return PythonLayout(
        interpreter=reach(layout.interpreter, "python3"),
        stdlib=reach(layout.stdlib, "stdlib"),
        packages=tuple(reach(package, package.name) for package in layout.packages),
        library_folders=layout.library_folders,
        symlinks=layout.symlinks,
        version=layout.version,
        program=program,
    )
