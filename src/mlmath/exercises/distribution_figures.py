"""The parameters of the probability and statistics figures: ``distribution`` (a density
or mass function with a shaded event), ``sampling-distribution`` (the mean of n draws) and
``confidence-intervals`` (repeated samples' intervals). :mod:`.figures` checks every figure
with these, one parameter at a time and then as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real
from typing import Any

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


def distribution_param_problem(name: str, value: Any) -> str | None:
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


def sampling_param_problem(name: str, value: Any) -> str | None:
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


def interval_param_problem(name: str, value: Any) -> str | None:
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
