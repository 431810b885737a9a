"""The grading harness: runs a submission's calls in a sandbox, judges the answers outside it.

The sandbox receives the learner's source, the data files and the inputs of
each call; it returns the values and the inputs as they were after the call.
Expected values, tolerances and the verdict never leave this process. If a
limit stops the sandbox in the middle, the test that was running gets the
limit's message and the remaining tests go to a fresh sandbox, so one runaway
test does not cost the others. Our own failures become ``grading error, will
retry`` with no score, never a zero.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from mlmath.grading import compare
from mlmath.grading.results import GRADING_ERROR_MESSAGE, GradingResult, Status, TestResult
from mlmath.grading.spec import Assignment, TestCase, load_assignment
from mlmath.grading.submission import FILENAME, Submission
from mlmath.sandbox import wire
from mlmath.sandbox.launcher import (
    Confinement,
    Launcher,
    LaunchSettings,
    SandboxUnavailable,
    choose_confinement,
)
from mlmath.sandbox.limits import Limits
from mlmath.sandbox.pool import PoolError, WarmPool
from mlmath.sandbox.selftest import SelfTestReport, run_selftest
from mlmath.sandbox.supervisor import Ending, RunOutcome

#: Fresh sandboxes a submission may use after a limit stopped one.
MAX_RESTARTS = 2
#: Attempts after our own failure before reporting a grading error.
MAX_RETRIES = 2


@dataclass(frozen=True, slots=True)
class _Reply:
    value: Any = None
    error: dict[str, Any] | None = None
    after: Any = None
    unreadable: str = ""


class Grader:
    """Grades submissions. Start one per process; it keeps a warm pool of sandboxes.

    ``require_full_sandbox`` (multi-user grading) makes start-up fail closed:
    unless bubblewrap is present and the self-test passes, :class:`SandboxUnavailable`
    is raised with the missing layers named.
    """

    def __init__(
        self,
        *,
        confinement: str = "auto",
        pool_size: int = 2,
        limits: Limits | None = None,
        require_full_sandbox: bool = False,
        launcher: Launcher | None = None,
    ) -> None:
        self.launcher = launcher or Launcher(
            LaunchSettings(choose_confinement(confinement), limits=limits or Limits())
        )
        self.limits = self.launcher.limits
        self.warnings: list[str] = []
        self.selftest: SelfTestReport | None = None
        if self.launcher.confinement is Confinement.BUBBLEWRAP:
            self.launcher.prepare()
            self.selftest = run_selftest(self.launcher)
            if not self.selftest.ok:
                self.warnings.append(self.selftest.summary())
        else:
            self.warnings.append(
                "sandbox: rlimits only (bubblewrap is not in use) — your code runs with your "
                "own permissions; fine for grading your own work, never for a class"
            )
        if require_full_sandbox and (self.selftest is None or not self.selftest.ok):
            raise SandboxUnavailable(
                "refusing to grade for several users: "
                + ("; ".join(self.warnings) or "the sandbox self-test did not run")
            )
        self.pool = WarmPool(self.launcher, pool_size)

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.pool.close()

    def grade(
        self,
        assignment_id: str,
        submission: Submission,
        *,
        seed: int | None = None,
        public_only: bool = False,
    ) -> GradingResult:
        """Grade ``submission``; the hidden tests' inputs are drawn with ``seed``."""
        started = time.monotonic()
        assignment = load_assignment(assignment_id)
        seed = secrets.randbelow(2**31) if seed is None else seed
        cases = assignment.tests(seed=seed, public_only=public_only)
        result = GradingResult(assignment.id, Status.GRADED, seed=seed)
        result.max_score = sum(case.points for case in cases)
        for _ in range(MAX_RETRIES + 1):
            try:
                graded = self._grade_cases(assignment, submission, cases, result)
            except (PoolError, OSError, SandboxUnavailable):
                graded = False
            if graded:
                break
            result.tests.clear()
            result.notes.clear()
            result.output = ""
        else:
            result.status = Status.ERROR
            result.notes = [GRADING_ERROR_MESSAGE]
            result.tests = []
        result.score = sum(test.points for test in result.tests)
        result.notes = self.warnings + result.notes
        result.seconds = time.monotonic() - started
        return result

    def _grade_cases(
        self,
        assignment: Assignment,
        submission: Submission,
        cases: list[TestCase],
        result: GradingResult,
    ) -> bool:
        """Run every case, restarting after limits; False on our own failure."""
        pending = list(range(len(cases)))
        judged: dict[int, TestResult] = {}
        outputs: list[str] = []
        truncated = False
        restarts = 0
        while pending:
            outcome = self._run(assignment, submission, [cases[i] for i in pending])
            if outcome.ending is Ending.BROKEN or not outcome.received:
                return False
            outputs.append(outcome.output)
            truncated = truncated or outcome.output_truncated
            load_error = next((e for e in outcome.events if e.get("event") == "load_error"), None)
            loaded = any(e.get("event") == "loaded" for e in outcome.events)
            if load_error is not None or not loaded:
                message = self._load_message(load_error, outcome, submission)
                result.notes.append(message)
                for i in pending:
                    judged[i] = _failed(cases[i], message)
                break
            replies = _replies(outcome, len(pending))
            stopped_at = None
            for position, index in enumerate(pending):
                reply = replies.get(position)
                if reply is None:
                    stopped_at = position
                    break
                judged[index] = self._judge(cases[index], reply, submission)
            if stopped_at is None:
                if outcome.ending is not Ending.FINISHED:
                    result.notes.append(self._limit_message(outcome))
                break
            culprit = pending[stopped_at]
            message = (
                self._limit_message(outcome)
                if outcome.ending is not Ending.FINISHED
                else "no result came back from this call (did your code write to the "
                "grader's channel or close it?)"
            )
            judged[culprit] = _failed(cases[culprit], message)
            pending = pending[stopped_at + 1 :]
            restarts += 1
            if restarts > MAX_RESTARTS:
                for i in pending:
                    judged[i] = _failed(cases[i], "not run: earlier tests used up the limits")
                break
        result.tests = [judged[i] for i in range(len(cases))]
        result.output = "".join(outputs)
        if truncated:
            result.notes.append(self.limits.output_message())
        return True

    def _run(
        self, assignment: Assignment, submission: Submission, cases: list[TestCase]
    ) -> RunOutcome:
        request = {
            "source": submission.source,
            "filename": FILENAME,
            "cpu_seconds": self.limits.cpu_seconds,
            "files": assignment.data_files(),
            "calls": [
                {
                    "function": case.function,
                    "args": wire.encode(list(case.args)),
                    "kwargs": wire.encode(case.kwargs),
                }
                for case in cases
            ],
        }
        sandbox = self.pool.take()
        return sandbox.run(request)

    def _limit_message(self, outcome: RunOutcome) -> str:
        if outcome.ending is Ending.CPU:
            return self.limits.cpu_message()
        if outcome.ending is Ending.WALL:
            return self.limits.wall_message()
        if outcome.ending is Ending.RESULT_TOO_LARGE:
            return self.limits.result_message()
        return (
            "your code stopped the Python interpreter "
            f"(exit status {outcome.exit_status}); no result came back"
        )

    def _load_message(
        self, error: dict[str, Any] | None, outcome: RunOutcome, submission: Submission
    ) -> str:
        if error is None:
            return f"your file could not be loaded: {self._limit_message(outcome)}"
        details = error.get("error") if isinstance(error.get("error"), dict) else {}
        assert isinstance(details, dict)
        if details.get("type") == "SyntaxError" or details.get("line"):
            line = details.get("line")
            where = submission.where(int(line)) if isinstance(line, int) else "?"
            text = submission.line_text(int(line)) if isinstance(line, int) else ""
            shown = f": {text}" if text else ""
            return (
                f"your file could not be loaded: {details.get('type')} at {where}{shown} "
                f"({details.get('message', '')})"
            )
        return "your file could not be loaded: " + _exception_text(details, submission, self.limits)

    def _judge(self, case: TestCase, reply: _Reply, submission: Submission) -> TestResult:
        call = case.call_text()
        expected = compare.show(case.expected)
        if reply.unreadable:
            return _failed(case, reply.unreadable, call=call, expected=expected)
        if reply.error is not None:
            kind = reply.error.get("kind")
            if kind == "missing":
                message = f"function `{case.function}` not found in your file (check its name)"
            else:
                message = f"`{case.function}` " + _exception_text(
                    reply.error, submission, self.limits
                )
            return _failed(case, message, call=call, expected=expected)
        problems = []
        mismatch = case.check(reply.value, case.expected)
        if mismatch:
            problems.append(mismatch)
        mutation = self._mutation(case, reply.after)
        if mutation:
            problems.append(mutation)
        got = compare.show(reply.value)
        if problems:
            return _failed(case, "; ".join(problems), call=call, expected=expected, got=got)
        return TestResult(
            name=case.name,
            function=case.function,
            points=case.points,
            max_points=case.points,
            passed=True,
            public=case.public,
            call=call,
            expected=expected,
            got=got,
        )

    def _mutation(self, case: TestCase, after: Any) -> str | None:
        if not isinstance(after, dict) or not isinstance(after.get("args"), list):
            return "the grader could not read your function's inputs back after the call"
        names = case.argument_names or tuple(f"argument {i + 1}" for i in range(len(case.args)))
        for name, before, later in zip(names, case.args, after["args"], strict=False):
            change = compare.first_change(before, later)
            if change:
                return (
                    f"your function changed its input `{name}` ({change}); "
                    f"work on a copy instead ({name}.copy())"
                )
        return None


def _exception_text(details: dict[str, Any], submission: Submission, limits: Limits) -> str:
    kind = details.get("kind")
    if kind == "memory":
        return limits.memory_message()
    if kind == "exit":
        return "called exit() or sys.exit(); return a value instead"
    if kind == "unencodable":
        return f"returned a value the grader cannot read ({details.get('message', '')})"
    text = f"raised {details.get('type', 'an exception')}"
    if details.get("message"):
        text += f": {details['message']}"
    frames = details.get("frames")
    if isinstance(frames, list):
        lines = []
        for frame in frames[-5:]:
            if isinstance(frame, list) and len(frame) == 2 and isinstance(frame[0], int):
                where = submission.where(frame[0])
                lines.append(
                    f"  {where}, in {str(frame[1])[:60]}: {submission.line_text(frame[0])}"
                )
        if lines:
            text += "\n" + "\n".join(lines)
    return text


def _replies(outcome: RunOutcome, count: int) -> dict[int, _Reply]:
    """The first result event for each call index (later duplicates are ignored)."""
    replies: dict[int, _Reply] = {}
    for event in outcome.events:
        if event.get("event") != "result":
            continue
        index = event.get("index")
        if not isinstance(index, int) or not 0 <= index < count or index in replies:
            continue
        error = event.get("error")
        if isinstance(error, dict):
            replies[index] = _Reply(error=error)
            continue
        try:
            value = wire.decode(event.get("value"))
            after = wire.decode(event.get("after"))
        except (wire.WireError, RecursionError, TypeError, KeyError) as problem:
            replies[index] = _Reply(unreadable=f"the value returned cannot be read ({problem})")
            continue
        replies[index] = _Reply(value=value, after=after)
    return replies


def _failed(
    case: TestCase, message: str, *, call: str = "", expected: str = "", got: str = ""
) -> TestResult:
    return TestResult(
        name=case.name,
        function=case.function,
        points=0.0,
        max_points=case.points,
        passed=False,
        public=case.public,
        message=message,
        call=call or case.call_text(),
        expected=expected or compare.show(case.expected),
        got=got,
    )
