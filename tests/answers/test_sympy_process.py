"""The symbolic fallback runs in a child process: a check that overruns is stopped."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from mlmath.answers import expression
from mlmath.answers.symbolic import symbolically_equal
from mlmath.answers.sympy_process import SympyProcess

VARIABLES = ("x",)


def tree(text: str) -> object:
    return expression(text, VARIABLES).root


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def checker() -> object:
    process = SympyProcess()
    yield process
    process.close()


def test_an_identity_only_sympy_can_see_is_confirmed() -> None:
    assert symbolically_equal(tree("sin(x)^2 + cos(x)^2"), tree("1")) is True
    assert symbolically_equal(tree("(x + 1)^2"), tree("x^2 + 2x + 2")) is None


def test_a_check_that_overruns_is_stopped_and_the_next_one_runs(checker: SympyProcess) -> None:
    first, second = tree("(x + 1)^12 - 1"), tree("x*((x+1)^11 + (x+1)^10 + (x+1)^9 + 1)")
    assert checker.equal(tree("x + x"), tree("2x"), seconds=30) is True  # started and warm
    child = checker._child
    assert child is not None
    started = time.monotonic()
    assert checker.equal(first, second, seconds=0.001) is None
    assert time.monotonic() - started < 1.0  # answered at its limit, not when SymPy is done
    child.wait(timeout=10)  # killed, not left running
    assert not alive(child.pid)
    assert checker.equal(tree("2(x + 3)"), tree("2x + 6"), seconds=30) is True  # a new child
    assert checker._child is not None
    assert checker._child.pid != child.pid


def test_checks_from_several_threads_each_get_their_own_answer(checker: SympyProcess) -> None:
    pairs = [(f"{n}(x + 1)", f"{n}x + {n}", True) for n in range(1, 5)]
    pairs += [(f"{n}x", f"{n}x + 1", None) for n in range(1, 5)]
    answers: dict[int, bool | None] = {}

    def check(i: int, left: str, right: str) -> None:
        answers[i] = checker.equal(tree(left), tree(right), seconds=60)

    threads = [
        threading.Thread(target=check, args=(i, left, right))
        for i, (left, right, _) in enumerate(pairs)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == {i: expected for i, (_, _, expected) in enumerate(pairs)}
