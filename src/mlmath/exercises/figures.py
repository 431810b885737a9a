"""Interactive figures: the kinds the browser can draw and the parameters each takes.

A figure is ``{"kind", "params", "caption"}`` (plus an optional ``alt``): a lesson
writes one as a fenced ``figure`` block, a skill builds one from a variant's own
numbers with :meth:`~mlmath.exercises.skill.Skill.figure`. Both are checked here
the same way, so a figure the browser cannot draw fails a test, not a learner.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from numbers import Real
from typing import Any

from mlmath.engine.exact import Matrix, Vector

KINDS: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    # kind: (required params, optional params)
    "linear-transformation": (
        frozenset({"matrix"}),
        frozenset({"vector", "show_matrix", "step"}),
    ),
    "span": (frozenset({"vectors"}), frozenset({"labels", "step"})),
    "eigenvectors": (frozenset({"matrix"}), frozenset({"v", "step"})),
    "vector-sum": (frozenset({"u", "v"}), frozenset({"a", "b", "step"})),
    "dot-product-projection": (frozenset({"u", "v"}), frozenset({"step"})),
}
"""Each kind the front end draws (``static/figures/<kind>.js``) and its parameters."""

LIMIT = 100.0
"""Coordinates larger than this would not fit a readable board."""


def number(x: Fraction | int | float) -> int | float:
    """A JSON number: an integer when the value is whole, else a float."""
    if isinstance(x, bool):
        raise TypeError("a number, not a truth value")
    value = Fraction(x)
    return int(value) if value.denominator == 1 else float(value)


def plane_vector(v: Vector | Iterable[Fraction | int | float]) -> list[int | float]:
    entries = list(v.entries if isinstance(v, Vector) else v)
    if len(entries) != 2:
        raise ValueError("a figure draws vectors of the plane (2 entries)")
    return [number(x) for x in entries]


def plane_matrix(a: Matrix) -> list[list[int | float]]:
    if a.shape != (2, 2):
        raise ValueError("a figure draws 2×2 matrices")
    return [[number(x) for x in row] for row in a.rows]


def is_plane(*vectors: Vector) -> bool:
    return all(len(v) == 2 for v in vectors)


def _is_number(x: Any) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool) and abs(float(x)) <= LIMIT


def _pair(x: Any) -> bool:
    return isinstance(x, list | tuple) and len(x) == 2 and all(_is_number(e) for e in x)


def _check_param(kind: str, name: str, value: Any) -> str | None:
    if name in ("matrix",):
        if not (isinstance(value, list | tuple) and len(value) == 2 and all(map(_pair, value))):
            return f"{kind}: matrix must be 2×2 numbers"
    elif name in ("vector", "v", "u"):
        if not _pair(value):
            return f"{kind}: {name} must be a pair of numbers"
    elif name == "vectors":
        if not (isinstance(value, list | tuple) and len(value) == 2 and all(map(_pair, value))):
            return f"{kind}: vectors must be two pairs of numbers"
    elif name == "labels":
        if not (
            isinstance(value, list | tuple)
            and len(value) == 2
            and all(isinstance(s, str) and 0 < len(s) <= 12 for s in value)
        ):
            return f"{kind}: labels must be two short names"
    elif name in ("a", "b"):
        if not _is_number(value):
            return f"{kind}: {name} must be a number"
    elif name == "step":
        if value not in (0.1, 0.25, 0.5, 1):
            return f"{kind}: step must be 0.1, 0.25, 0.5 or 1"
    elif name == "show_matrix" and not isinstance(value, bool):
        return f"{kind}: show_matrix must be true or false"
    return None


def figure_problems(spec: Any) -> list[str]:
    """What is wrong with a figure (an empty list when it can be drawn)."""
    if not isinstance(spec, Mapping):
        return ["a figure is a mapping with kind, params and caption"]
    kind = spec.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        return [f"unknown figure kind {kind!r}; known: {', '.join(sorted(KINDS))}"]
    problems: list[str] = []
    unknown_keys = set(spec) - {"kind", "params", "caption", "alt", "after_answer"}
    if unknown_keys:
        problems.append(f"{kind}: unknown keys {sorted(unknown_keys)}")
    caption = spec.get("caption")
    if not isinstance(caption, str) or not caption.strip():
        problems.append(f"{kind}: a caption saying what to try is required")
    if "alt" in spec and not isinstance(spec["alt"], str):
        problems.append(f"{kind}: alt must be text")
    params = spec.get("params")
    if not isinstance(params, Mapping):
        return [*problems, f"{kind}: params must be a mapping"]
    required, optional = KINDS[kind]
    for name in sorted(required - set(params)):
        problems.append(f"{kind}: missing param {name!r}")
    for name in sorted(set(params) - required - optional):
        problems.append(f"{kind}: unknown param {name!r}")
    for name, value in params.items():
        if name in required | optional:
            problem = _check_param(kind, name, value)
            if problem:
                problems.append(problem)
    return problems


__all__ = [
    "KINDS",
    "figure_problems",
    "is_plane",
    "number",
    "plane_matrix",
    "plane_vector",
]
