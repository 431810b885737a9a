"""Interactive figures: the kinds the browser can draw and the parameters each takes.

A figure is ``{"kind", "params", "caption"}`` (plus an optional ``alt``): a lesson
writes one as a fenced ``figure`` block, a skill builds one from a variant's own
numbers with :meth:`~mlmath.exercises.skill.Skill.figure`. Both are checked here
the same way, so a figure the browser cannot draw fails a test, not a learner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from numbers import Real
from typing import Any

from mlmath.answers import AnswerError, expression
from mlmath.answers.tree import Node
from mlmath.engine.exact import Matrix, Vector
from mlmath.exercises import distribution_figures, learning_figures, solving_figures

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
    "tangent-line": (
        frozenset({"function", "point"}),
        frozenset({"second", "secant", "domain", "step"}),
    ),
    "gradient-descent": (
        frozenset({"function", "start", "learning_rate"}),
        frozenset({"steps", "ascent", "domain", "step"}),
    ),
    "distribution": (
        frozenset({"family"}),
        # the families' parameters, then the shaded event and the board
        frozenset({"mean", "sd", "low", "high", "rate", "df", "n", "p"})
        | {"a", "b", "shade", "step", "domain"},
    ),
    "sampling-distribution": (
        frozenset({"population"}),
        # the populations' parameters, then the first number of draws
        frozenset({"weights", "p", "rate", "low", "high", "n"}),
    ),
    "confidence-intervals": (
        frozenset({"mean", "sd", "n", "seed"}),
        frozenset({"samples", "level", "method"}),
    ),
    "linear-system": (frozenset({"system"}), frozenset({"names", "eliminate", "domain"})),
    "rank": (frozenset({"matrix"}), frozenset({"step"})),
    "newton": (frozenset({"function", "start", "mode"}), frozenset({"steps", "domain"})),
    "newton-vs-gradient": (
        frozenset({"function", "start", "learning_rate"}),
        frozenset({"steps", "domain"}),
    ),
    **learning_figures.KINDS,
}
"""Each kind the front end draws (``static/figures/<kind>.js``) and its parameters."""

SAMPLES: Mapping[str, Mapping[str, Any]] = {
    # kind: one figure of that kind, shown by the gallery (/figures, /figures/<kind>)
    "linear-transformation": {
        "kind": "linear-transformation",
        "params": {"matrix": [[2, 1], [0, 1]]},
        "caption": "Drag the images of e₁ and e₂ and watch the unit square and det change.",
    },
    "span": {
        "kind": "span",
        "params": {"vectors": [[1, 2], [3, 1]]},
        "caption": "Drag the vectors; make them point along one line and see the span shrink.",
    },
    "eigenvectors": {
        "kind": "eigenvectors",
        "params": {"matrix": [[2, 1], [1, 2]]},
        "caption": "Move v until Av points the same way: then v is an eigenvector.",
    },
    "vector-sum": {
        "kind": "vector-sum",
        "params": {"u": [4, 1], "v": [1, 3]},
        "caption": "Drag u and v and watch the parallelogram give u + v.",
    },
    "dot-product-projection": {
        "kind": "dot-product-projection",
        "params": {"u": [1, 0], "v": [1, 1]},
        "caption": "Drag v around u and watch the projection and the dot product change sign.",
    },
    "tangent-line": {
        "kind": "tangent-line",
        "params": {"function": "x^2 - 6x + 20", "point": 3},
        "caption": "Move the point along the graph; the tangent's slope is the derivative.",
    },
    "gradient-descent": {
        "kind": "gradient-descent",
        "params": {"function": "x^2 - 4x", "start": 0, "learning_rate": 0.25, "steps": 6},
        "caption": "Take steps, then raise the learning rate until the steps overshoot.",
    },
    "distribution": {
        "kind": "distribution",
        "params": {"family": "normal", "mean": 0, "sd": 1, "a": -1, "b": 1, "step": 0.1},
        "caption": "Move the ends of the shaded event and read its probability.",
    },
    "sampling-distribution": {
        "kind": "sampling-distribution",
        "params": {"population": "exponential", "rate": 0.5, "n": 1},
        "caption": "Raise n and watch the sample mean's distribution narrow and turn normal.",
    },
    "confidence-intervals": {
        "kind": "confidence-intervals",
        "params": {"mean": 20, "sd": 3, "n": 25, "seed": 2024, "samples": 20, "level": 95},
        "caption": "Draw more samples and count how many intervals miss the true mean.",
    },
    "linear-system": {
        "kind": "linear-system",
        "params": {"system": [[1, 2, 5], [3, -1, 1]]},
        "caption": "Press N for each row operation: the lines change, the crossing point does not.",
    },
    "rank": {
        "kind": "rank",
        "params": {"matrix": [[2, 1], [1, 2]]},
        "caption": "Drag a column onto the other's line and watch the plane collapse to a line.",
    },
    "newton": {
        "kind": "newton",
        "params": {"function": "x^2 - 2", "start": 1, "mode": "root"},
        "caption": "Press N to take a Newton step and watch the tangent slide to the next point.",
    },
    "newton-vs-gradient": {
        "kind": "newton-vs-gradient",
        "params": {"function": "x^2 + 3y^2", "start": [2, 1], "learning_rate": 0.1},
        "caption": "Step both methods; Newton lands on the minimum of a quadratic in one step.",
    },
    **learning_figures.SAMPLES,
}
"""One figure of each kind (every kind in :data:`KINDS` has one), for the gallery."""

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


FORMULA_OPERATIONS = frozenset(
    {"num", "var", "const", "neg", "+", "-", "*", "/", "^"}
    | {"exp", "ln", "log", "sqrt", "sin", "cos", "abs"}
)
"""What the figures' own formula reader (``static/figures/formula.js``) evaluates."""

MAX_FORMULA_LENGTH = 200


def _operations(node: Node) -> set[str]:
    found = {node.op}
    for arg in node.args:
        found |= _operations(arg)
    return found


def formula_problem(kind: str, text: Any, variables: tuple[str, ...]) -> str | None:
    """Why ``text`` is not a function the figure can draw in ``variables``, or None."""
    if not isinstance(text, str) or not 0 < len(text) <= MAX_FORMULA_LENGTH:
        return f"{kind}: function must be a formula as text, such as x^2 - 4x + 5"
    try:
        root = expression(text, variables).root
    except AnswerError as error:
        return f"{kind}: function {text!r}: {error.message}"
    unknown = _operations(root) - FORMULA_OPERATIONS
    if root.op == "=" or unknown:
        return f"{kind}: function {text!r} uses what the figure cannot draw ({sorted(unknown)})"
    return None


def _check_formula(kind: str, params: Mapping[str, Any]) -> str | None:
    if kind == "gradient-descent" and _pair(params.get("start")):
        return formula_problem(kind, params.get("function"), ("x", "y"))
    if kind in solving_figures.VARIABLES:
        return formula_problem(kind, params.get("function"), solving_figures.VARIABLES[kind])
    return formula_problem(kind, params.get("function"), ("x",))


PARAM_PROBLEMS: Mapping[str, Callable[[str, Any], str | None]] = {
    "distribution": distribution_figures.distribution_param_problem,
    "sampling-distribution": distribution_figures.sampling_param_problem,
    "confidence-intervals": distribution_figures.interval_param_problem,
    **solving_figures.PARAM_PROBLEMS,
    **learning_figures.PARAM_PROBLEMS,
}
"""Kinds whose parameters are checked by their own module; the plane's are checked here."""

WHOLE_PROBLEMS: Mapping[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "distribution": distribution_figures.distribution_problems,
    "sampling-distribution": distribution_figures.sampling_problems,
    **solving_figures.WHOLE_PROBLEMS,
    **learning_figures.WHOLE_PROBLEMS,
}
"""Checks of a kind's parameters taken together (which ones go with which)."""


def _check_param(kind: str, name: str, value: Any) -> str | None:
    if kind in PARAM_PROBLEMS:
        return PARAM_PROBLEMS[kind](name, value)
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
    elif name in ("a", "b", "point", "second"):
        if not _is_number(value):
            return f"{kind}: {name} must be a number"
    elif name == "start":
        if not (_is_number(value) or _pair(value)):
            return f"{kind}: start must be a number (one variable) or a pair (two)"
    elif name == "learning_rate":
        if not (_is_number(value) and 0 < float(value) <= 10):
            return f"{kind}: learning_rate must be a positive number up to 10"
    elif name == "steps":
        if not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 50):
            return f"{kind}: steps must be a whole number from 0 to 50"
    elif name == "domain":
        if not (_pair(value) and value[0] < value[1]):
            return f"{kind}: domain must be two numbers, the smaller first"
    elif name in ("secant", "ascent") and not isinstance(value, bool):
        return f"{kind}: {name} must be true or false"
    elif name == "step":
        if value not in (0.1, 0.25, 0.5, 1):
            return f"{kind}: step must be 0.1, 0.25, 0.5 or 1"
    elif name == "show_matrix" and not isinstance(value, bool):
        return f"{kind}: show_matrix must be true or false"
    return None


def drawable(spec: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """``spec`` when the browser can draw it, else ``None`` (for numbers a learner typed in)."""
    return None if figure_problems(spec) else spec


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
    if kind in WHOLE_PROBLEMS:
        problems.extend(WHOLE_PROBLEMS[kind](params))
    if "function" in required:
        problem = _check_formula(kind, params)
        if problem:
            problems.append(problem)
    return problems


__all__ = [
    "KINDS",
    "SAMPLES",
    "drawable",
    "figure_problems",
    "formula_problem",
    "is_plane",
    "number",
    "plane_matrix",
    "plane_vector",
]
