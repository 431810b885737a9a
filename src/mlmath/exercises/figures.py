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

from mlmath.answers import AnswerError, expression
from mlmath.answers.tree import Node
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
    return formula_problem(kind, params.get("function"), ("x",))


def _check_param(kind: str, name: str, value: Any) -> str | None:
    if kind == "distribution":
        return _check_distribution_param(name, value)
    if kind == "sampling-distribution":
        return _check_sampling_param(name, value)
    if kind == "confidence-intervals":
        return _check_interval_param(name, value)
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


FAMILIES: Mapping[str, tuple[str, ...]] = {
    # family: its parameters (all required)
    "normal": ("mean", "sd"),
    "uniform": ("low", "high"),
    "exponential": ("rate",),
    "t": ("df",),
    "chi-square": ("df",),
    "binomial": ("n", "p"),
    "poisson": ("mean",),
}
"""The distributions the ``distribution`` figure draws: densities, then counts (bars)."""

DISCRETE = frozenset({"binomial", "poisson"})
SHADES = {"between": ("a", "b"), "below": ("b",), "above": ("a",), "outside": ("a", "b")}
"""Which ends each shading uses: a ≤ X ≤ b, X ≤ b, X ≥ a, and the two tails X ≤ a, X ≥ b."""

DISTRIBUTION_LIMIT = 10_000.0
"""Distribution figures show measurements (heights in cm, weights in g), not plane points."""

DISTRIBUTION_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10)


def _is_measure(x: Any) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool) and abs(float(x)) <= DISTRIBUTION_LIMIT


def _is_count(x: Any, least: int, most: int) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and least <= x <= most


def _check_distribution_param(name: str, value: Any) -> str | None:
    kind = "distribution"
    if name == "family":
        if value not in FAMILIES:
            return f"{kind}: family must be one of {', '.join(FAMILIES)}"
    elif name == "shade":
        if value not in SHADES:
            return f"{kind}: shade must be one of {', '.join(SHADES)}"
    elif name in ("mean", "low", "high", "a", "b"):
        if not _is_measure(value):
            return f"{kind}: {name} must be a number (at most {DISTRIBUTION_LIMIT:,.0f} in size)"
    elif name in ("sd", "rate"):
        if not (_is_measure(value) and float(value) > 0):
            return f"{kind}: {name} must be a positive number"
    elif name == "df":
        if not _is_count(value, 1, 200):
            return f"{kind}: df must be a whole number from 1 to 200"
    elif name == "n":
        if not _is_count(value, 1, 200):
            return f"{kind}: n must be a whole number from 1 to 200"
    elif name == "p":
        if not (_is_measure(value) and 0 <= float(value) <= 1):
            return f"{kind}: p must be a probability, from 0 to 1"
    elif name == "step":
        if value not in DISTRIBUTION_STEPS:
            return f"{kind}: step must be one of {', '.join(map(str, DISTRIBUTION_STEPS))}"
    elif name == "domain" and not (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(map(_is_measure, value))
        and value[0] < value[1]
    ):
        return f"{kind}: domain must be two numbers, the smaller first"
    return None


def distribution_problems(params: Mapping[str, Any]) -> list[str]:
    """What a ``distribution`` figure's params lack or have too many of, as a whole."""
    kind = "distribution"
    family = params.get("family")
    if not isinstance(family, str) or family not in FAMILIES:
        return []  # reported with the param itself
    problems: list[str] = []
    needed = FAMILIES[family]
    others = {n for f in FAMILIES.values() for n in f} - set(needed)
    for name in needed:
        if name not in params:
            problems.append(f"{kind}: a {family} distribution needs {name!r}")
    for name in sorted(others & set(params)):
        problems.append(f"{kind}: a {family} distribution takes no {name!r}")
    shade = params.get("shade", "between")
    ends = SHADES.get(shade, ())
    for name in ends:
        if name not in params:
            problems.append(f"{kind}: shading {shade!r} needs the end {name!r}")
    for name in sorted({"a", "b"} - set(ends) & set(params)):
        problems.append(f"{kind}: shading {shade!r} uses no end {name!r}")
    if problems:
        return problems
    if family in DISCRETE:
        for name in ends:
            if not _is_count(params[name], -1, 10_000):
                problems.append(f"{kind}: the end {name} of a count must be a whole number")
        if params.get("step", 1) != 1:
            problems.append(f"{kind}: the ends of a count move by 1 (step 1)")
        if family == "poisson" and not 0 < float(params["mean"]) <= 100:
            problems.append(f"{kind}: a Poisson mean must be positive, at most 100")
    if family == "uniform" and not float(params["low"]) < float(params["high"]):
        problems.append(f"{kind}: a uniform distribution needs low < high")
    return problems


POPULATIONS: Mapping[str, tuple[str, ...]] = {
    # population: the parameters it may take (each optional unless listed in POPULATION_NEEDS)
    "die": ("weights",),
    "bernoulli": ("p",),
    "uniform": ("low", "high"),
    "exponential": ("rate",),
}
"""What the ``sampling-distribution`` figure averages draws of: a die (fair unless ``weights``
gives the faces' chances), 0/1 draws with P(1) = ``p``, a uniform or an exponential variable."""

POPULATION_NEEDS = {"bernoulli": ("p",)}

MAX_DRAWS = 50
"""The most draws a sample mean averages in the figure (exact sums stay quick)."""


def _check_sampling_param(name: str, value: Any) -> str | None:
    kind = "sampling-distribution"
    if name == "population":
        if value not in POPULATIONS:
            return f"{kind}: population must be one of {', '.join(POPULATIONS)}"
    elif name == "weights":
        if not (
            isinstance(value, list | tuple)
            and 2 <= len(value) <= 10
            and all(_is_measure(w) and float(w) >= 0 for w in value)
            and sum(float(w) > 0 for w in value) >= 2
        ):
            return (
                f"{kind}: weights are the chances of faces 1, 2, …: 2 to 10 numbers, "
                "none negative, at least two of them positive"
            )
    elif name == "p":
        if not (_is_measure(value) and 0 < float(value) < 1):
            return f"{kind}: p must be a probability strictly between 0 and 1"
    elif name == "rate":
        if not (_is_measure(value) and float(value) > 0):
            return f"{kind}: rate must be a positive number"
    elif name in ("low", "high"):
        if not _is_measure(value):
            return f"{kind}: {name} must be a number (at most {DISTRIBUTION_LIMIT:,.0f} in size)"
    elif name == "n" and not _is_count(value, 1, MAX_DRAWS):
        return f"{kind}: n must be a whole number from 1 to {MAX_DRAWS}"
    return None


def sampling_problems(params: Mapping[str, Any]) -> list[str]:
    """What a ``sampling-distribution`` figure's params lack or mix up, as a whole."""
    kind = "sampling-distribution"
    population = params.get("population")
    if not isinstance(population, str) or population not in POPULATIONS:
        return []  # reported with the param itself
    problems = [
        f"{kind}: a {population} population needs {name!r}"
        for name in POPULATION_NEEDS.get(population, ())
        if name not in params
    ]
    others = {n for names in POPULATIONS.values() for n in names} - set(POPULATIONS[population])
    problems += [
        f"{kind}: a {population} population takes no {name!r}"
        for name in sorted(others & set(params))
    ]
    if population == "uniform" and not problems:
        low, high = params.get("low", 0), params.get("high", 1)
        if _is_measure(low) and _is_measure(high) and not float(low) < float(high):
            problems.append(f"{kind}: a uniform population needs low < high")
    return problems


CONFIDENCE_LEVELS = (80, 90, 95, 99)
"""The levels (in per cent) the ``confidence-intervals`` figure steps through."""

INTERVAL_METHODS = {"z": "σ known: x̄ ± z*·σ/√n", "t": "σ estimated: x̄ ± t*·s/√n"}


def _check_interval_param(name: str, value: Any) -> str | None:
    kind = "confidence-intervals"
    if name == "mean":
        if not _is_measure(value):
            return f"{kind}: mean must be a number (at most {DISTRIBUTION_LIMIT:,.0f} in size)"
    elif name == "sd":
        if not (_is_measure(value) and float(value) > 0):
            return f"{kind}: sd must be a positive number"
    elif name == "n":
        if not _is_count(value, 2, 100):
            return f"{kind}: n (the size of each sample) must be a whole number from 2 to 100"
    elif name == "seed":
        if not _is_count(value, 0, 2**32 - 1):
            return f"{kind}: seed must be a whole number from 0 to 4294967295"
    elif name == "samples":
        if not _is_count(value, 5, 100):
            return f"{kind}: samples must be a whole number from 5 to 100"
    elif name == "level":
        if value not in CONFIDENCE_LEVELS or isinstance(value, bool):
            return (
                f"{kind}: level must be one of {', '.join(map(str, CONFIDENCE_LEVELS))} (per cent)"
            )
    elif name == "method" and value not in INTERVAL_METHODS:
        return f"{kind}: method must be z (σ known) or t (σ estimated by s)"
    return None


def distribution_step(scale: float) -> float:
    """How far one key press moves an end of a density figure: about a tenth of ``scale``."""
    fitting = [s for s in DISTRIBUTION_STEPS if s <= scale / 10 * 1.0001]
    return fitting[-1] if fitting else DISTRIBUTION_STEPS[0]


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
    if kind == "distribution":
        problems.extend(distribution_problems(params))
    if kind == "sampling-distribution":
        problems.extend(sampling_problems(params))
    if "function" in required:
        problem = _check_formula(kind, params)
        if problem:
            problems.append(problem)
    return problems


__all__ = [
    "CONFIDENCE_LEVELS",
    "FAMILIES",
    "KINDS",
    "MAX_DRAWS",
    "POPULATIONS",
    "distribution_step",
    "drawable",
    "figure_problems",
    "formula_problem",
    "is_plane",
    "number",
    "plane_matrix",
    "plane_vector",
]
