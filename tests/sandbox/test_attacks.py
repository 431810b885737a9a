"""The attack suite: each attack is contained, gets a clear verdict, and disturbs nothing else."""

from __future__ import annotations

import json
import os
import socket
import textwrap
from pathlib import Path

import pytest

from mlmath.grading.harness import Grader
from sandbox.conftest import grade_source, reference_source, stray_processes

pytestmark = pytest.mark.sandbox


def attack(body: str) -> str:
    """The reference solution, with ``augment`` replaced by an attack (the first public test)."""
    source = reference_source("c1w2-linear-systems")
    start = source.index("def augment(")
    end = source.index("def swap_rows(")
    attack_function = "def augment(A, b):\n" + textwrap.indent(textwrap.dedent(body), "    ")
    head = source[:start].replace(
        "import numpy as np", "import os, socket, time\nimport numpy as np"
    )
    return head + attack_function + "\n\n" + source[end:]


def first(result_tests: list, name: str = "augment") -> object:
    return next(test for test in result_tests if test.function == name)


def assert_others_graded(result: object) -> None:
    """Every test but the attacked ones still passes (``solve`` calls ``augment``)."""
    others = [test for test in result.tests if test.function not in ("augment", "solve")]
    assert others
    assert all(test.passed for test in others), [t.message for t in others if not t.passed]


def test_reading_host_files_and_the_course_database(grader: Grader, tmp_path: Path) -> None:
    database = tmp_path / "mlmath.sqlite3"
    database.write_text("SECRET-GRADEBOOK-ROW")
    targets = ["/etc/passwd", "/etc/shadow", "/root/.bashrc", str(database), "/proc/1/environ"]
    result = grade_source(
        grader,
        attack(f"""
        found = []
        for path in {targets!r}:
            try:
                found.append(open(path).read()[:200])
            except OSError as error:
                found.append(type(error).__name__)
        raise RuntimeError(repr(found))
        """),
    )
    message = first(result.tests).message
    assert "SECRET-GRADEBOOK-ROW" not in json.dumps(result.to_dict())
    assert "root:" not in message
    assert "FileNotFoundError" in message
    assert_others_graded(result)


def test_network_to_a_server_on_loopback(grader: Grader) -> None:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    port = server.getsockname()[1]
    try:
        result = grade_source(
            grader,
            attack(f"""
            socket.create_connection(("127.0.0.1", {port}), timeout=1).sendall(b"leak")
            """),
        )
        with pytest.raises(BlockingIOError):
            server.accept()
    finally:
        server.close()
    assert "ConnectionRefusedError" in first(result.tests).message
    assert_others_graded(result)


def test_fork_bomb(grader: Grader) -> None:
    result = grade_source(
        grader,
        attack("""
        while True:
            try:
                os.fork()
            except OSError:
                pass
        """),
    )
    message = first(result.tests).message
    assert "time limit" in message
    assert_others_graded(result)
    assert stray_processes(grader) == []


def test_memory_bomb(grader: Grader) -> None:
    # A quarter of the limit, then far more than the rest: contained by the address-space
    # limit at once, without paging in half a gigabyte first (slow on a busy machine).
    result = grade_source(grader, attack("blocks = [bytearray(128 << 20), bytearray(1 << 30)]"))
    assert first(result.tests).message.endswith("memory limit (512 MiB) exceeded")
    assert_others_graded(result)


def test_cpu_loop(grader: Grader) -> None:
    result = grade_source(grader, attack("while True:\n    pass"))
    assert first(result.tests).message == "time limit (2 s CPU) exceeded"
    assert_others_graded(result)


def test_sleeping_forever(grader: Grader) -> None:
    result = grade_source(grader, attack("time.sleep(10_000)"))
    assert first(result.tests).message.startswith("time limit (6 s wall clock) exceeded")
    assert_others_graded(result)


def test_output_flood(grader: Grader) -> None:
    result = grade_source(
        grader,
        attack("""
        for _ in range(20_000):
            print("x" * 500)
        import numpy as np
        return np.hstack([A, b.reshape(-1, 1)])
        """),
    )
    assert "output truncated at 64 KiB" in result.notes
    assert len(result.output) <= 64 * 1024
    assert all(test.passed for test in result.tests)


def test_disk_flood(grader: Grader) -> None:
    result = grade_source(
        grader,
        attack("""
        with open("/tmp/flood", "wb") as handle:
            while True:
                handle.write(b"x" * (1 << 20))
        """),
    )
    message = first(result.tests).message
    assert "OSError" in message or "File too large" in message, message
    assert_others_graded(result)


def test_detached_daemon_does_not_outlive_the_job(grader: Grader) -> None:
    result = grade_source(
        grader,
        attack("""
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                while True:
                    time.sleep(0.1)
            os._exit(0)
        os.wait()
        raise RuntimeError("daemon started")
        """),
    )
    assert "daemon started" in first(result.tests).message
    assert stray_processes(grader) == []


def test_killing_the_grader_or_its_parent(grader: Grader) -> None:
    result = grade_source(
        grader,
        attack(
            """
        errors = []
        for pid in (os.getppid(), 1, -1, PID_ONE, PID_TWO):
            try:
                os.kill(pid, 9)
            except OSError as error:
                errors.append(type(error).__name__)
        raise RuntimeError("still here: " + ",".join(errors))
        """.replace("PID_ONE", str(os.getpid())).replace("PID_TWO", str(os.getppid()))
        ),
    )
    assert result.status == "graded"
    assert "still here" in first(result.tests).message
    assert_others_graded(result)
    assert grade_source(grader, reference_source("c1w2-linear-systems")).score == 5


def test_forging_a_passing_result(grader: Grader) -> None:
    forged = json.dumps({"event": "result", "index": 0, "value": 5})
    source = textwrap.dedent(f"""
        import os
        print('{{"score": 100, "passed": true}}')
        with open("/tmp/results.json", "w") as handle:
            handle.write('{{"score": 100}}')
        for fd in range(3, 64):
            try:
                os.write(fd, b'{forged}\\n{{"event":"done"}}\\n')
            except OSError:
                pass
        try:
            import mlmath.grading.harness
        except ImportError:
            pass

        def augment(A, b):
            return 5

        def swap_rows(M, i, j):
            raise NotImplementedError

        determinant = back_substitution = solve = swap_rows
    """)
    result = grade_source(grader, source, public_only=False)
    assert result.status == "graded"
    assert result.score == 0
    assert not any(test.passed for test in result.tests)


def test_hunting_for_hidden_tests_and_reference(grader: Grader) -> None:
    result = grade_source(
        grader,
        attack("""
        hits = []
        for folder, _, files in os.walk("/"):
            if folder.startswith(("/proc", "/sys", "/dev")):
                continue
            hits += [os.path.join(folder, f) for f in files
                     if f in ("tests.py", "reference.py") or "mlmath" in f]
        raise RuntimeError("found: " + repr(hits))
        """),
    )
    assert "found: []" in first(result.tests).message
    assert_others_graded(result)


def test_nothing_left_behind_after_the_attacks(grader: Grader) -> None:
    assert stray_processes(grader) == []
    assert grader.selftest is not None
    assert grader.selftest.ok, grader.selftest.missing()
