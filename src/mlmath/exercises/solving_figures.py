"""The parameters of the figures of solving: ``linear-system`` (lines or planes of a system and
its elimination), ``rank`` (the image of the plane under a 2×2 matrix), ``newton`` (Newton's
method in one variable) and ``newton-vs-gradient`` (Newton against gradient descent on a 2-D
loss). :mod:`.figures` checks every figure with these, one parameter at a time and then as a
whole; the functions' formulas are checked there, like every kind's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from numbers import Real
from typing import Any

LIMIT = 100.0
"""Entries and coordinates larger than this would not fit a readable board."""

MODES = ("root", "minimum")
STEPS = (0.1, 0.25, 0.5, 1)
MAX_NAME = 3


def _is_number(x: Any) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool) and abs(float(x)) <= LIMIT


def _numbers(x: Any, length: int) -> bool:
    return isinstance(x, list | tuple) and len(x) == length and all(map(_is_number, x))


def _whole(x: Any, least: int, most: int) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and least <= x <= most


def _domain(kind: str, value: Any) -> str | None:
    if not (_numbers(value, 2) and float(value[0]) < float(value[1])):
        return f"{kind}: domain must be two numbers, the smaller first"
    return None


def linear_system_param(name: str, value: Any) -> str | None:
    kind = "linear-system"
    if name == "system":
        rows = value if isinstance(value, list | tuple) else None
        if not (
            rows is not None
            and len(rows) in (2, 3)
            and all(_numbers(row, len(rows) + 1) for row in rows)
        ):
            return (
                f"{kind}: system must be an augmented matrix of numbers, 2×3 (two unknowns) "
                "or 3×4 (three unknowns)"
            )
    elif name == "names":
        if not (
            isinstance(value, list | tuple)
            and len(value) in (2, 3)
            and all(isinstance(s, str) and 0 < len(s) <= MAX_NAME and s.isalpha() for s in value)
            and len(set(value)) == len(value)
        ):
            return f"{kind}: names must be 2 or 3 different short names of letters, like x, y, z"
    elif name == "eliminate":
        if not isinstance(value, bool):
            return f"{kind}: eliminate must be true or false"
    elif name == "domain":
        return _domain(kind, value)
    return None


def linear_system_problems(params: Mapping[str, Any]) -> list[str]:
    system: Any = params.get("system")
    names: Any = params.get("names")
    if linear_system_param("system", system) or names is None:
        return []
    if linear_system_param("names", names) is None and len(names) != len(system):
        return [f"linear-system: names must give {len(system)} names, one for each unknown"]
    return []


def rank_param(name: str, value: Any) -> str | None:
    kind = "rank"
    if name == "matrix":
        if not (
            isinstance(value, list | tuple)
            and len(value) == 2
            and all(_numbers(r, 2) for r in value)
        ):
            return f"{kind}: matrix must be 2×2 numbers"
    elif name == "step" and value not in STEPS:
        return f"{kind}: step must be 0.1, 0.25, 0.5 or 1"
    return None


def newton_param(name: str, value: Any) -> str | None:
    kind = "newton"
    if name == "start":
        if not _is_number(value):
            return f"{kind}: start must be a number (x₀)"
    elif name == "mode":
        if value not in MODES:
            return f"{kind}: mode must be root or minimum"
    elif name == "steps":
        if not _whole(value, 1, 30):
            return f"{kind}: steps must be a whole number from 1 to 30"
    elif name == "domain":
        return _domain(kind, value)
    return None


def _start_outside(kind: str, params: Mapping[str, Any], pair: bool) -> list[str]:
    domain: Any = params.get("domain")
    start: Any = params.get("start")
    if (
        domain is None
        or _domain(kind, domain)
        or not (_numbers(start, 2) if pair else _is_number(start))
    ):
        return []
    low, high = float(domain[0]), float(domain[1])
    if all(low <= float(s) <= high for s in (start if pair else [start])):
        return []
    return [f"{kind}: start must lie inside the domain"]


def newton_problems(params: Mapping[str, Any]) -> list[str]:
    return _start_outside("newton", params, pair=False)


def versus_param(name: str, value: Any) -> str | None:
    kind = "newton-vs-gradient"
    if name == "start":
        if not _numbers(value, 2):
            return f"{kind}: start must be a pair of numbers [x, y]"
    elif name == "learning_rate":
        if not (_is_number(value) and 0 < float(value) <= 10):
            return f"{kind}: learning_rate must be a positive number up to 10"
    elif name == "steps":
        if not _whole(value, 1, 50):
            return f"{kind}: steps must be a whole number from 1 to 50"
    elif name == "domain":
        return _domain(kind, value)
    return None


def versus_problems(params: Mapping[str, Any]) -> list[str]:
    return _start_outside("newton-vs-gradient", params, pair=True)


PARAM_PROBLEMS: Mapping[str, Callable[[str, Any], str | None]] = {
    "linear-system": linear_system_param,
    "rank": rank_param,
    "newton": newton_param,
    "newton-vs-gradient": versus_param,
}
WHOLE_PROBLEMS: Mapping[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "linear-system": linear_system_problems,
    "newton": newton_problems,
    "newton-vs-gradient": versus_problems,
}
VARIABLES: Mapping[str, tuple[str, ...]] = {"newton": ("x",), "newton-vs-gradient": ("x", "y")}
"""The variables of each kind's ``function``."""
