"""``mlmath serve --workers 2``: forked server processes listen on one port, stand in for
each other, and stop together."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from mlmath.cli.serve import QUICK_FAILURE_SECONDS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers need fork")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.add(int(entry.name))
    return found


def _serve(tmp_path: Path, port: int, **popen: object) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MLMATH_DATA_DIR": str(tmp_path),
        "MLMATH_DATABASE_URL": "",
        "MLMATH_MULTI_USER": "on",
        "MLMATH_GRADING_WORKERS": "0",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "mlmath", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        **popen,  # type: ignore[call-overload]
    )


def _wait_until_served(server: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert server.poll() is None, "the server stopped"
        assert time.monotonic() < deadline, "the server did not answer"
        time.sleep(0.1)


def test_two_forked_workers_serve_the_course_and_stop_on_ctrl_c(tmp_path: Path) -> None:
    port = _free_port()
    server = _serve(tmp_path, port)
    try:
        _wait_until_served(server, port)
        workers = _children(server.pid)
        assert len(workers) == 2
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as browser:
            for _ in range(6):  # the course answers, whichever worker takes the connection
                assert browser.get("/signup").status_code == 200
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        for pid in workers:
            assert not Path(f"/proc/{pid}").exists() or "Z" in _state(pid)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def _state(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}") / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_worker_that_dies_is_replaced_and_every_new_visitor_is_served(tmp_path: Path) -> None:
    port = _free_port()
    server = _serve(tmp_path, port)
    try:
        _wait_until_served(server, port)
        first, second = sorted(_children(server.pid))
        time.sleep(QUICK_FAILURE_SECONDS)  # a worker dying sooner would be a failed start
        os.kill(first, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while len(_children(server.pid) - {first}) < 2:  # a replacement starts
            assert time.monotonic() < deadline, "no worker took the place of the one that died"
            time.sleep(0.1)
        _wait_until_served(server, port)
        time.sleep(1.0)  # the replacement has loaded the course and listens too
        for _ in range(30):  # each a new connection: the kernel may give it to either worker
            assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
        assert second in _children(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_port_already_taken_is_reported_and_nothing_starts(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = _serve(tmp_path, port, stderr=subprocess.PIPE)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 1
    assert f"cannot listen on 127.0.0.1 port {port}" in err.decode()
