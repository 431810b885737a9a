"""Grading latency and throughput: warm sandbox pool vs a cold interpreter vs a notebook.

    .venv/bin/python benchmarks/grading.py [--runs 40]

For each Course 1 assignment, the reference solution is graded against all its
tests (public + hidden). Measured in one run on this machine:

- warm: the product path (``Grader``: warm pool of single-use bubblewrap sandboxes);
- cold: the same calls in a fresh ``python`` that imports NumPy (rlimits only, no pool);
- notebook: the same calls executed as a notebook with nbclient (kernel start included).

Targets: p50 ≤ 150 ms per whole assignment, ≥ 10 gradings per second. Latency and
throughput depend on what else the machine is running; the CPU spent per grading
(grader and sandbox, read from /proc) does not, and says what 2 idle cores allow.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from mlmath.grading.harness import Grader
from mlmath.grading.spec import ASSIGNMENTS, load_assignment
from mlmath.grading.submission import read_python
from mlmath.sandbox import supervisor, wire
from mlmath.sandbox.launcher import Confinement, Launcher, LaunchSettings

IDS = ("c1w2-linear-systems", "c1w3-perceptron-regression", "c1w4-eigenvectors")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(label: str, seconds: list[float]) -> None:
    milliseconds = [1000 * s for s in seconds]
    print(
        f"{label:<34} p50 {statistics.median(milliseconds):7.1f} ms   "
        f"p95 {percentile(milliseconds, 0.95):7.1f} ms   (n={len(seconds)})"
    )


def request_for(assignment_id: str, seed: int) -> dict[str, object]:
    assignment = load_assignment(assignment_id)
    cases = assignment.tests(seed=seed)
    return {
        "source": (ASSIGNMENTS / assignment_id / "reference.py").read_text(),
        "cpu_seconds": 2,
        "files": assignment.data_files(),
        "calls": [
            {"function": c.function, "args": wire.encode(list(c.args)), "kwargs": wire.encode({})}
            for c in cases
        ],
    }


def warm(grader: Grader, runs: int) -> None:
    for assignment_id in IDS:
        submission = read_python((ASSIGNMENTS / assignment_id / "reference.py").read_bytes())
        grader.grade(assignment_id, submission, seed=0)
        grader.pool.wait_until_full()
        seconds = []
        for seed in range(runs):
            started = time.perf_counter()
            result = grader.grade(assignment_id, submission, seed=seed)
            seconds.append(time.perf_counter() - started)
            assert result.score == result.max_score, result.notes
            grader.pool.wait_until_full()
        report(f"warm pool   {assignment_id}", seconds)


def throughput(grader: Grader, total: int) -> None:
    submissions = {i: read_python((ASSIGNMENTS / i / "reference.py").read_bytes()) for i in IDS}
    grader.pool.wait_until_full()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as executor:
        results = list(
            executor.map(
                lambda n: grader.grade(IDS[n % 3], submissions[IDS[n % 3]], seed=n), range(total)
            )
        )
    elapsed = time.perf_counter() - started
    assert all(r.score == r.max_score for r in results)
    print(f"{'throughput (2 graders, warm pool)':<34} {total / elapsed:7.1f} gradings/s")


def _sandbox_cpu(pid: int) -> float:
    """CPU seconds used so far by a sandbox: bubblewrap and everything under it."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_bytes().rsplit(b")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(p) for p in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def cpu_per_grading(grader: Grader, total: int) -> None:
    """CPU spent per grading (grader process + sandbox), and what it allows on 2 idle cores.

    Unlike the throughput above, this does not depend on what else the machine runs.
    """
    spent: list[float] = []
    discard = supervisor.Sandbox.discard

    def measured(sandbox: supervisor.Sandbox) -> None:
        if not sandbox._discarded and sandbox.process.poll() is None:
            spent.append(_sandbox_cpu(sandbox.process.pid))
        discard(sandbox)

    submissions = {i: read_python((ASSIGNMENTS / i / "reference.py").read_bytes()) for i in IDS}
    grader.pool.wait_until_full()
    supervisor.Sandbox.discard = measured  # type: ignore[method-assign]
    try:
        started = time.process_time()
        for n in range(total):
            grader.grade(IDS[n % 3], submissions[IDS[n % 3]], seed=10_000 + n)
        grader.pool.wait_until_full()
        own = (time.process_time() - started) / total
    finally:
        supervisor.Sandbox.discard = discard  # type: ignore[method-assign]
    sandbox = statistics.mean(spent)
    print(
        f"{'CPU per grading':<34} {1000 * (own + sandbox):7.1f} ms "
        f"(grader {1000 * own:.1f} ms, sandbox {1000 * sandbox:.1f} ms)"
        f"  → at most {2 / (own + sandbox):.1f} gradings/s on 2 idle cores"
    )


def cold(runs: int) -> None:
    launcher = Launcher(LaunchSettings(Confinement.RLIMITS))
    launcher.prepare()
    for assignment_id in IDS[:1]:
        request = request_for(assignment_id, 0)
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            sandbox = launcher.start()
            while sandbox.poll_ready() is False:
                select.select([sandbox.result_fd], [], [], 1.0)
            outcome = sandbox.run(request)
            seconds.append(time.perf_counter() - started)
            assert outcome.ending == "finished"
        report(f"cold python {assignment_id}", seconds)


def notebook(runs: int) -> None:
    assignment_id = IDS[0]
    request = request_for(assignment_id, 0)
    wire_source = Path(wire.__file__).read_text()
    calls = json.dumps(request["calls"])
    seconds = []
    for _ in range(runs):
        book = nbformat.v4.new_notebook()
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        book.cells = [
            nbformat.v4.new_code_cell(str(request["source"])),
            nbformat.v4.new_code_cell(
                wire_source.replace("from __future__ import annotations", "")
            ),
            nbformat.v4.new_code_cell(
                f"import json\nfor call in json.loads({calls!r}):\n"
                "    globals()[call['function']](*decode(call['args']))\n"
            ),
        ]
        started = time.perf_counter()
        NotebookClient(book, kernel_name="python3", timeout=60).execute()
        seconds.append(time.perf_counter() - started)
    report(f"notebook    {assignment_id}", seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    arguments = parser.parse_args()
    with Grader(confinement="bubblewrap", pool_size=3) as grader:
        print(f"sandbox: {grader.selftest.summary() if grader.selftest else grader.warnings}")
        warm(grader, arguments.runs)
        throughput(grader, 3 * arguments.runs)
        cpu_per_grading(grader, 3 * arguments.runs)
    cold(max(5, arguments.runs // 4))
    notebook(3)


if __name__ == "__main__":
    main()
