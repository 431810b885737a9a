"""Checks for the labs' exercises: run the learner's function on cases, answer in their terms.

An exercise in a lab is a small function the learner writes. The cell after it runs a
check on it, ``check_row_sums(row_sums)``, which calls the function on a few cases the
learner has not seen and compares what comes back with the right answer:

- every case passes: one line, ``✓ row_sums: all 4 cases pass``;
- the function is not written yet (it still raises ``NotImplementedError``, or returns
  ``None`` or ``...`` on every case): one line saying so, and nothing is raised, so a
  notebook runs from top to bottom as shipped;
- a case fails: :class:`AssertionError` with a message naming the input, what was
  expected and what came back, and what differs (the entry, the shape, NaN, the
  exception raised and the line that raised it, an input changed in place).

A lab's checks live beside it, in ``mlmath/content/labs/checks/<lab file>.py``::

    from mlmath.labcheck import Case, check_cases

    def check_row_sums(row_sums: object) -> None:
        A = np.array([[1, 2, 3], [4, 5, 6]])
        check_cases(row_sums, "row_sums(A)", [Case((A,), np.array([6, 15]), "a 2×3 matrix")])

Values are compared with the assignment grader's rules (:mod:`mlmath.grading.compare`),
so the messages read the same in a lab as in a graded assignment.
"""

from __future__ import annotations

import copy
import re
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlmath.grading.compare import Close, describe_type, first_change, show

__all__ = [
    "LAB_CLOSE",
    "Case",
    "Close",
    "Comparison",
    "check_cases",
    "data_file",
]

Comparison = Callable[[Any, Any], str | None]
"""``compare(got, expected)``: ``None`` when right, else one sentence saying what is wrong."""

LAB_CLOSE = Close(relative=1e-6, absolute=1e-9, strict_dtype=False)
"""The default comparison: numbers and arrays equal up to rounding; integers accepted
where floats are expected (a lab checks the idea, not the dtype)."""

DATA_FOLDER = Path(__file__).resolve().parent / "content" / "labs" / "data"
"""The small data sets the labs load (CSV files shipped in the package)."""

_CALL = re.compile(r"^\s*([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)?\s*\)\s*$")


@dataclass(frozen=True, slots=True)
class Case:
    """One call of the learner's function and the answer it should give."""

    args: tuple[Any, ...]
    """The arguments, in order (the function receives copies)."""
    expected: Any
    """The right answer, compared with what the function returns."""
    about: str = ""
    """A few words on what this case is, e.g. ``"a singular matrix"``."""
    shown: str = ""
    """How to show the inputs when their values do not read well, e.g. a function
    argument: ``"f(x) = x², x = 3"``. Empty: each argument is shown as ``name = value``."""


@dataclass(frozen=True, slots=True)
class _Outcome:
    value: Any = None
    error: BaseException | None = None
    where: str = ""
    """For an error: the line of the learner's function that raised it."""
    changed: tuple[int, str] | None = None
    """An input the function changed in place: its position and the change in words."""


def check_cases(
    function: object,
    call: str,
    cases: Sequence[Case],
    *,
    compare: Comparison = LAB_CLOSE,
) -> None:
    """Run ``function`` on every case and report in the learner's terms.

    ``call`` is how the function is called, with its parameters' names, e.g.
    ``"solve(A, b)"``: the name is used in the messages, the parameters to show inputs.
    Prints one line when every case passes or when the function is not written yet;
    raises :class:`AssertionError` with a readable message when a case fails.
    """
    name, parameters = _parse_call(call)
    if not cases:
        raise ValueError(f"check of {name} has no cases")
    for case in cases:
        if len(case.args) != len(parameters):
            raise ValueError(f"check of {call}: a case has {len(case.args)} arguments")
    if not callable(function):
        raise AssertionError(
            f"✗ {name} should be a function (a `def {name}(...)` cell), "
            f"but it is {describe_type(function)}"
        )
    outcomes = [_run(function, case) for case in cases]
    if all(_unwritten(outcome, case) for outcome, case in zip(outcomes, cases, strict=True)):
        print(_not_written_note(name, outcomes[0]))
        return
    failures = [
        (index, problem)
        for index, (case, outcome) in enumerate(zip(cases, outcomes, strict=True))
        if (problem := _problem(name, parameters, case, outcome, compare)) is not None
    ]
    count = len(cases)
    if failures:
        index, problem = failures[0]
        tally = f"case {index + 1} of {count}"
        if len(failures) > 1:
            tally += f"; {len(failures)} of {count} fail"
        raise AssertionError(
            _report(name, parameters, cases[index], outcomes[index], problem, tally=tally)
        )
    print(f"✓ {name}: {'the case passes' if count == 1 else f'all {count} cases pass'}")


def data_file(name: str) -> Path:
    """The path of a data set shipped with the labs, e.g. ``data_file("flats.csv")``."""
    path = DATA_FOLDER / name
    if not path.is_file():
        known = sorted(p.name for p in DATA_FOLDER.glob("*") if p.is_file())
        raise FileNotFoundError(
            f"no data set called {name!r}; the labs ship: {', '.join(known) or 'none'}"
        )
    return path


# --- running one case -----------------------------------------------------------------


def _run(function: Callable[..., object], case: Case) -> _Outcome:
    args = copy.deepcopy(case.args)
    try:
        value = function(*args)
    except Exception as error:
        return _Outcome(error=error, where=_where(function, error))
    for position, (before, after) in enumerate(zip(case.args, args, strict=True)):
        change = first_change(before, after)
        if change:
            return _Outcome(value=value, changed=(position, change))
    return _Outcome(value=value)


def _where(function: Callable[..., object], error: BaseException) -> str:
    """The line of the learner's own code where ``error`` was raised, as ``line 3: x = …``."""
    code = getattr(function, "__code__", None)
    filename = getattr(code, "co_filename", None)
    if filename is None:
        return ""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    if not frames:
        return ""
    frame = frames[-1]
    first = getattr(code, "co_firstlineno", 1)
    line = (frame.line or "").strip()
    number = frame.lineno if frame.lineno is not None else first
    offset = number - first + 1
    return f"line {offset} of {frame.name}" + (f": {line}" if line else "")


def _unwritten(outcome: _Outcome, case: Case) -> bool:
    if outcome.error is not None:
        return isinstance(outcome.error, NotImplementedError)
    return outcome.value is Ellipsis or (outcome.value is None and case.expected is not None)


def _not_written_note(name: str, outcome: _Outcome) -> str:
    if outcome.error is not None:
        return (
            f"· {name} is not written yet: replace its `raise NotImplementedError` line "
            "with your code, then run this cell again."
        )
    return (
        f"· {name} returns {'...' if outcome.value is Ellipsis else 'None'}: write its body "
        "(and `return` the result), then run this cell again."
    )


def _problem(
    name: str, parameters: Sequence[str], case: Case, outcome: _Outcome, compare: Comparison
) -> str | None:
    """What is wrong with one case, in a sentence or two; ``None`` when it passes."""
    if outcome.error is not None:
        error = outcome.error
        text = f"raised {type(error).__name__}"
        message = str(error).strip()
        if message:
            text += f": {message.splitlines()[0]}"
        if isinstance(error, NotImplementedError):
            text += " (a part still to write?)"
        return text + (f"\n    at {outcome.where}" if outcome.where else "")
    problems = [_plain_text(p) for p in [compare(outcome.value, case.expected)] if p]
    if outcome.changed is not None:
        position, change = outcome.changed
        parameter = parameters[position]
        problems.append(
            f"{name} changed its input {parameter} ({_plain_text(change)}); "
            f"work on a copy instead ({parameter}.copy())"
        )
    return "\n  ".join(problems) if problems else None


# --- the message ----------------------------------------------------------------------


def _report(
    name: str,
    parameters: Sequence[str],
    case: Case,
    outcome: _Outcome,
    problem: str,
    *,
    tally: str,
) -> str:
    """The failure message: which case, its inputs, expected and got, what differs."""
    about = f" for {case.about}" if case.about else ""
    lines = [f"✗ {name}{about} ({tally})"]
    call = f"{name}({', '.join(parameters)})"
    if case.shown:
        lines.append(f"  {call} with {case.shown}")
    else:
        lines.append(f"  {call} with")
        for parameter, value in zip(parameters, case.args, strict=True):
            lines.append(_block(f"    {parameter} = ", value))
    if outcome.error is not None:
        lines.append(f"  {problem}")
        return "\n".join(lines)
    lines.append(_block("  expected: ", case.expected))
    lines.append(_block("  got:      ", outcome.value))
    plain = f"expected {_render(case.expected)}, got {_render(outcome.value)}"
    lines.extend(f"  {line}" for line in problem.split("\n  ") if line != plain)
    return "\n".join(lines)


def _block(label: str, value: Any) -> str:
    """``label`` then the value, later lines of a multi-line value lined up under the first."""
    pad = "\n" + " " * len(label)
    return label + pad.join(_render(value).splitlines())


def _render(value: Any) -> str:
    """A value as the learner would type it: matrices one row a line, plain numbers."""
    if isinstance(value, np.ndarray) and value.ndim == 2 and value.size <= 100:
        return np.array2string(value, precision=6, suppress_small=True, separator=", ")
    if callable(value) and not isinstance(value, np.ndarray):
        return str(getattr(value, "__name__", "a function"))
    return _plain_text(show(_plain(value)))


def _plain(value: Any) -> Any:
    """NumPy scalars as Python numbers, inside lists and tuples too."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value


_NUMPY_SCALAR = re.compile(r"\bnp\.(?:u?int\d*|float\d*|complex\d*|bool_?|str_)\((.*?)\)")


def _plain_text(text: str) -> str:
    """``np.int64(6)`` written as ``6``, ``np.True_`` as ``True``: how NumPy 2 shows scalars."""
    text = _NUMPY_SCALAR.sub(r"\1", text)
    return text.replace("np.True_", "True").replace("np.False_", "False")


def _parse_call(call: str) -> tuple[str, tuple[str, ...]]:
    match = _CALL.match(call)
    if match is None:
        raise ValueError(f"a check's call is written like 'solve(A, b)', not {call!r}")
    name, inside = match.group(1), match.group(2) or ""
    return name, tuple(p.strip() for p in inside.split(",") if p.strip())
