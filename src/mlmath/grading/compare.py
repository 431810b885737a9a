"""Comparing what the learner's function returned with the expected value, outside the sandbox.

Each check returns ``None`` when the value is right, or one sentence in the
learner's terms: the wrong type, shape or dtype, NaN or infinity where a number
was expected, the first entry that differs. Tolerances are relative *and*
absolute (``|got - expected| <= atol + rtol * |expected|``), chosen per test to
fit the computation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from mlmath.sandbox.wire import Unsupported

_NUMBER = (int, float, np.integer, np.floating)


def show(value: Any, limit: int = 300) -> str:
    """A short, readable rendering of a value for feedback."""
    if isinstance(value, np.ndarray):
        text = np.array2string(
            value, precision=6, suppress_small=True, threshold=40, edgeitems=3, separator=", "
        )
    elif isinstance(value, float | np.floating):
        text = f"{float(value):.10g}"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{key!r}: {show(item, 120)}" for key, item in value.items()) + "}"
    elif isinstance(value, tuple):
        text = (
            "("
            + ", ".join(show(item, 120) for item in value)
            + ("," if len(value) == 1 else "")
            + ")"
        )
    elif isinstance(value, Unsupported):
        text = f"an object of type {value.type_name}"
    else:
        text = repr(value)
    text = " ".join(text.split()) if "\n" in text and len(text) < 80 else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_type(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"a NumPy array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, bool | np.bool_):
        return f"the boolean {bool(value)}"
    if isinstance(value, _NUMBER):
        return f"the number {show(value)}"
    if isinstance(value, Unsupported):
        return f"an object of type {value.type_name}"
    return f"a {type(value).__name__}"


def _index(position: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(int(i)) for i in position) + "]"


@dataclass(frozen=True, slots=True)
class Close:
    """Numbers, arrays, tuples and dicts of them, equal within tolerance; None equals None."""

    relative: float = 1e-7
    absolute: float = 1e-9
    strict_dtype: bool = True
    """Reject integer results where floating-point numbers are expected."""

    def __call__(self, got: Any, expected: Any) -> str | None:
        return self._compare(got, expected, "")

    def _compare(self, got: Any, expected: Any, where: str) -> str | None:
        at = f"{where}: " if where else ""
        if expected is None:
            return None if got is None else f"{at}expected None, got {describe_type(got)}"
        if got is None:
            return f"{at}expected {describe_type(expected)}, got None (did you forget to return?)"
        if isinstance(expected, dict):
            return self._compare_dict(got, expected, where)
        if isinstance(expected, tuple):
            return self._compare_tuple(got, expected, where)
        if isinstance(expected, np.ndarray):
            return self._compare_array(got, expected, at)
        if isinstance(expected, bool | np.bool_):
            if not isinstance(got, bool | np.bool_):
                return f"{at}expected True or False, got {describe_type(got)}"
            return None if bool(got) == bool(expected) else f"{at}expected {expected}, got {got}"
        if isinstance(expected, _NUMBER):
            return self._compare_number(got, expected, at)
        return None if got == expected else f"{at}expected {show(expected)}, got {show(got)}"

    def _compare_dict(self, got: Any, expected: dict[str, Any], where: str) -> str | None:
        at = f"{where}: " if where else ""
        if not isinstance(got, dict):
            return f"{at}expected a dict with keys {sorted(expected)}, got {describe_type(got)}"
        missing = [key for key in expected if key not in got]
        if missing:
            return f"{at}the dict is missing the key {missing[0]!r} (it has {sorted(got)})"
        for key, item in expected.items():
            problem = self._compare(got[key], item, f"{where}[{key!r}]")
            if problem:
                return problem
        return None

    def _compare_tuple(self, got: Any, expected: tuple[Any, ...], where: str) -> str | None:
        at = f"{where}: " if where else ""
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            return f"{at}expected a tuple of {len(expected)} values, got {describe_type(got)}" + (
                f" of length {len(got)}" if isinstance(got, tuple | list) else ""
            )
        for position, (item, wanted) in enumerate(zip(got, expected, strict=True)):
            problem = self._compare(item, wanted, f"{where}[{position}]")
            if problem:
                return problem
        return None

    def _compare_number(self, got: Any, expected: Any, at: str) -> str | None:
        if isinstance(got, np.ndarray) and got.shape == ():
            got = got[()]
        if isinstance(got, np.ndarray):
            return f"{at}expected a single number, got an array of shape {got.shape}"
        if isinstance(got, bool | np.bool_) or not isinstance(got, _NUMBER):
            return f"{at}expected a number, got {describe_type(got)}"
        value, wanted = float(got), float(expected)
        if np.isnan(value) and not np.isnan(wanted):
            return f"{at}your result is NaN (not a number), expected {show(wanted)}"
        if np.isinf(value) and not np.isinf(wanted):
            return f"{at}your result is {value}, expected {show(wanted)}"
        if abs(value - wanted) <= self.absolute + self.relative * abs(wanted) or value == wanted:
            return None
        return f"{at}expected {show(wanted)}, got {show(value)}"

    def _compare_array(self, got: Any, expected: np.ndarray, at: str) -> str | None:
        if isinstance(got, list | tuple):
            return (
                f"{at}expected a NumPy array of shape {expected.shape}, got a "
                f"{type(got).__name__} (wrap it with np.array(...))"
            )
        if not isinstance(got, np.ndarray):
            return f"{at}expected a NumPy array of shape {expected.shape}, got {describe_type(got)}"
        if got.shape != expected.shape:
            return f"{at}wrong shape: expected {expected.shape}, got {got.shape}"
        if expected.dtype.kind in "fc" and got.dtype.kind not in "fc" and self.strict_dtype:
            return (
                f"{at}wrong dtype: expected floating-point numbers, got {got.dtype} "
                "(an integer array drops fractions: start from A.astype(float))"
            )
        if expected.dtype.kind == "b" and got.dtype.kind != "b":
            return f"{at}wrong dtype: expected booleans, got {got.dtype}"
        if got.dtype.kind == "c" and expected.dtype.kind != "c":
            if np.any(got.imag != 0):
                return f"{at}expected real numbers, got complex ones"
            got = got.real
        bad_nan = np.isnan(got) & ~np.isnan(expected) if got.dtype.kind in "fc" else None
        if bad_nan is not None and bad_nan.any():
            first = tuple(np.argwhere(bad_nan)[0])
            return f"{at}your result contains NaN (not a number), first at entry {_index(first)}"
        bad_inf = np.isinf(got) & ~np.isinf(expected) if got.dtype.kind in "fc" else None
        if bad_inf is not None and bad_inf.any():
            first = tuple(np.argwhere(bad_inf)[0])
            return f"{at}your result contains infinity, first at entry {_index(first)}"
        if expected.dtype.kind in "fc":
            with np.errstate(invalid="ignore", over="ignore"):
                wrong = ~(
                    (np.abs(got - expected) <= self.absolute + self.relative * np.abs(expected))
                    | (got == expected)
                    | (np.isnan(got) & np.isnan(expected))
                )
        else:
            wrong = got != expected
        if not wrong.any():
            return None
        positions = np.argwhere(wrong)
        first = tuple(positions[0])
        more = len(positions) - 1
        others = f" (and {more} more {'entry differs' if more == 1 else 'entries differ'})"
        return (
            f"{at}entry {_index(first)} differs: expected {show(expected[first])}, "
            f"got {show(got[first])}" + (others if more else "")
        )


@dataclass(frozen=True, slots=True)
class UpToSign:
    """Vectors (or each column of a matrix) equal up to a factor of −1: eigenvectors."""

    relative: float = 1e-6
    absolute: float = 1e-8

    def __call__(self, got: Any, expected: Any) -> str | None:
        close = Close(self.relative, self.absolute)
        if not isinstance(expected, np.ndarray) or not isinstance(got, np.ndarray):
            return close(got, expected)
        problem = close(got, expected)
        if problem is None or got.shape != expected.shape or got.dtype.kind not in "fc":
            return problem
        flipped = got.copy()
        columns = expected.reshape(expected.shape[0], -1)
        flips = flipped.reshape(expected.shape[0], -1)
        for j in range(columns.shape[1]):
            if np.dot(flips[:, j].real, columns[:, j].real) < 0:
                flips[:, j] = -flips[:, j]
        problem = close(flipped, expected)
        if problem is None:
            return None
        return problem + " (any sign is accepted for an eigenvector)"


@dataclass(frozen=True, slots=True)
class Exact:
    """Integers, booleans, strings: equal, with the right type."""

    def __call__(self, got: Any, expected: Any) -> str | None:
        return Close(0.0, 0.0)(got, expected)


@dataclass(frozen=True, slots=True)
class Each:
    """A tuple checked item by item, each with its own check: ``(eigenvalue, eigenvector)``."""

    checks: tuple[Close | UpToSign | Exact, ...]

    def __call__(self, got: Any, expected: Any) -> str | None:
        if not isinstance(got, tuple | list) or len(got) != len(self.checks):
            kind = f"{describe_type(got)}" + (
                f" of length {len(got)}" if isinstance(got, tuple | list) else ""
            )
            return f"expected a tuple of {len(self.checks)} values, got {kind}"
        for position, (check, item, wanted) in enumerate(
            zip(self.checks, got, expected, strict=True)
        ):
            problem = check(item, wanted)
            if problem:
                return f"[{position}]: {problem}"
        return None


Check = Close | UpToSign | Exact | Each


def first_change(before: Any, after: Any) -> str | None:
    """Where an input differs after the call (None when unchanged): the mutation feedback."""
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or after.shape != before.shape:
            return "it was replaced or reshaped"
        same = (after == before) | (
            np.isnan(after) & np.isnan(before) if before.dtype.kind in "fc" else False
        )
        if np.all(same):
            return None
        first = tuple(np.argwhere(~same)[0])
        return f"entry {_index(first)} was {show(before[first])}, is now {show(after[first])}"
    if isinstance(before, dict):
        if not isinstance(after, dict) or set(after) != set(before):
            keys = sorted(after) if isinstance(after, dict) else after
            return f"its keys changed from {sorted(before)} to {keys}"
        for key, item in before.items():
            change = first_change(item, after[key])
            if change:
                return f"[{key!r}]: {change}"
        return None
    if isinstance(before, list):
        if not isinstance(after, list) or len(after) != len(before):
            return "its length changed"
        for position, (item, later) in enumerate(zip(before, after, strict=True)):
            change = first_change(item, later)
            if change:
                return f"[{position}]: {change}"
    return None
