"""The parameters of the learning and inference figures: ``network`` (one training step of a
two-layer network), ``joint-distribution`` (a joint table, its marginals and conditionals),
``likelihood`` (the likelihood of data over a parameter), ``beta-posterior`` (a Beta prior
updated by coin flips) and ``hypothesis-test`` (a z-test's α, β, power and p-value).

:mod:`.figures` checks every figure with these, one parameter at a time
(:data:`PARAM_PROBLEMS`) and then as a whole (:data:`WHOLE_PROBLEMS`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from numbers import Real
from typing import Any

KINDS: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    # kind: (required params, optional params)
    "network": (
        frozenset({"x", "y", "W1", "b1", "W2", "b2", "learning_rate"}),
        frozenset({"activation"}),
    ),
    "joint-distribution": (
        frozenset({"table", "x_values", "y_values"}),
        frozenset({"x_name", "y_name"}),
    ),
    "likelihood": (frozenset({"family", "data"}), frozenset({"sd", "log"})),
    "beta-posterior": (frozenset({"alpha", "beta"}), frozenset({"heads", "tails"})),
    "hypothesis-test": (
        frozenset({"mu0", "mu1", "sd", "n", "alpha", "tail"}),
        frozenset({"observed"}),
    ),
}
"""The kinds of this module and their parameters (merged into :data:`.figures.KINDS`)."""

SAMPLES: Mapping[str, Mapping[str, Any]] = {
    "network": {
        "kind": "network",
        "params": {
            "x": [1, 0.5],
            "y": 1,
            "W1": [[1, -1], [0.5, 2]],
            "b1": [0, -1],
            "W2": [[1, -2]],
            "b2": [0.5],
            "learning_rate": 0.5,
        },
        "caption": "Press F, then B, then U: watch the gradients appear and the loss fall.",
    },
    "joint-distribution": {
        "kind": "joint-distribution",
        "params": {
            "table": [["1/8", "1/4"], ["3/8", "1/4"]],
            "x_values": [0, 1],
            "y_values": [0, 1],
        },
        "caption": "Choose a cell: its row and column, divided by their marginals, sum to 1.",
    },
    "likelihood": {
        "kind": "likelihood",
        "params": {"family": "bernoulli", "data": [1, 0, 1, 1, 0, 1, 1]},
        "caption": "Slide p to the top of the curve, then add 1s and 0s and watch the peak move.",
    },
    "beta-posterior": {
        "kind": "beta-posterior",
        "params": {"alpha": 2, "beta": 2},
        "caption": "Add heads and tails: the posterior narrows and moves to the share of heads.",
    },
    "hypothesis-test": {
        "kind": "hypothesis-test",
        "params": {
            "mu0": 100,
            "mu1": 105,
            "sd": 15,
            "n": 25,
            "alpha": 0.05,
            "tail": "two",
            "observed": 104,
        },
        "caption": "Drag x̄ to see its p-value; raise n and watch β shrink and the power grow.",
    },
}
"""One figure of each kind here, for the figure gallery."""

MEASURE_LIMIT = 10_000.0
WEIGHT_LIMIT = 100.0
ACTIVATIONS = ("sigmoid", "tanh", "relu")
FAMILIES = ("bernoulli", "poisson", "normal")
TAILS = ("two", "left", "right")
MAX_DATA = 200
MAX_TABLE = 6
MAX_FLIPS = 1000


def _is_real(x: Any, limit: float) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool) and abs(float(x)) <= limit


def _is_count(x: Any, least: int, most: int) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and least <= x <= most


def _numbers(x: Any, length: int | None = None, limit: float = WEIGHT_LIMIT) -> bool:
    return (
        isinstance(x, list | tuple)
        and (length is None or len(x) == length)
        and all(_is_real(e, limit) for e in x)
    )


def _short_name(x: Any) -> bool:
    return isinstance(x, str) and 0 < len(x.strip()) <= 24


# --- network ------------------------------------------------------------------------------------


def _hidden_row(value: Any) -> list[Any] | None:
    """W2 as one row (a 1 × hidden matrix, or the row itself)."""
    if isinstance(value, list | tuple) and len(value) == 1 and isinstance(value[0], list | tuple):
        return list(value[0])
    if isinstance(value, list | tuple):
        return list(value)
    return None


def network_param_problem(name: str, value: Any) -> str | None:
    kind = "network"
    if name == "x":
        if not _numbers(value, 2):
            return f"{kind}: x must be the 2 inputs, such as [1, 0.5]"
    elif name == "y":
        if value not in (0, 1) or isinstance(value, bool):
            return (
                f"{kind}: y must be the label 0 or 1 (the output unit is a sigmoid and the "
                "loss the log loss, as in the practice)"
            )
    elif name == "W1":
        if not (
            isinstance(value, list | tuple)
            and len(value) in (2, 3)
            and all(_numbers(row, 2) for row in value)
        ):
            return f"{kind}: W1 must be 2 or 3 rows (hidden units) of 2 weights each"
    elif name == "b1":
        if not (_numbers(value) and len(value) in (2, 3)):
            return f"{kind}: b1 must be one bias per hidden unit (2 or 3 numbers)"
    elif name == "W2":
        row = _hidden_row(value)
        if row is None or not (_numbers(row) and len(row) in (2, 3)):
            return f"{kind}: W2 must be 1 × hidden: one row of one weight per hidden unit"
    elif name == "b2":
        if not (_numbers(value, 1) or _is_real(value, WEIGHT_LIMIT)):
            return f"{kind}: b2 must be the output bias, a list of 1 number"
    elif name == "learning_rate":
        if not (_is_real(value, 10) and 0 < float(value) <= 10):
            return f"{kind}: learning_rate must be a positive number up to 10"
    elif name == "activation" and value not in ACTIVATIONS:
        return f"{kind}: activation must be one of {', '.join(ACTIVATIONS)}"
    return None


def network_problems(params: Mapping[str, Any]) -> list[str]:
    """The network's sizes agree: one bias and one output weight per hidden unit."""
    W1, b1, W2 = params.get("W1"), params.get("b1"), _hidden_row(params.get("W2"))
    if not (isinstance(W1, list | tuple) and isinstance(b1, list | tuple) and W2 is not None):
        return []  # reported with the params themselves
    problems = []
    if len(b1) != len(W1):
        problems.append(f"network: b1 has {len(b1)} biases for {len(W1)} hidden units (rows of W1)")
    if len(W2) != len(W1):
        problems.append(
            f"network: W2 has {len(W2)} weights for {len(W1)} hidden units (rows of W1)"
        )
    return problems


# --- joint-distribution ---------------------------------------------------------------------------


def probability(entry: Any) -> Fraction | float | None:
    """A table entry as a probability: a number, or a fraction string such as "3/16"."""
    if isinstance(entry, bool):
        return None
    if isinstance(entry, int):
        return Fraction(entry)
    if isinstance(entry, float):
        return entry
    if isinstance(entry, str):
        parts = entry.split("/")
        if len(parts) == 2 and all(p.strip().isdigit() for p in parts) and int(parts[1]):
            return Fraction(int(parts[0]), int(parts[1]))
    return None


def _is_label(x: Any) -> bool:
    return _is_real(x, MEASURE_LIMIT) or _short_name(x)


def joint_param_problem(name: str, value: Any) -> str | None:
    kind = "joint-distribution"
    if name == "table":
        if not (
            isinstance(value, list | tuple)
            and 2 <= len(value) <= MAX_TABLE
            and all(isinstance(row, list | tuple) for row in value)
            and len({len(row) for row in value}) == 1
            and 2 <= len(value[0]) <= MAX_TABLE
        ):
            return (
                f"{kind}: table must be 2 to {MAX_TABLE} rows (values of X) of the same "
                f"number, 2 to {MAX_TABLE}, of columns (values of Y)"
            )
        read = [probability(e) for row in value for e in row]
        entries = [p for p in read if p is not None]
        if len(entries) < len(read) or any(not 0 <= p <= 1 for p in entries):
            return (
                f"{kind}: each table entry must be a probability: a number or a fraction like '1/8'"
            )
        total: Fraction | float = sum(entries, Fraction(0))
        exact = all(isinstance(p, Fraction) for p in entries)
        if (total != 1) if exact else abs(float(total) - 1) > 1e-9:
            return f"{kind}: the table's probabilities must sum to 1 (they sum to {float(total):g})"
    elif name in ("x_values", "y_values"):
        if not (
            isinstance(value, list | tuple)
            and 2 <= len(value) <= MAX_TABLE
            and all(map(_is_label, value))
            and len({str(v) for v in value}) == len(value)
        ):
            return f"{kind}: {name} must be 2 to {MAX_TABLE} different numbers or short names"
    elif name in ("x_name", "y_name") and not _short_name(value):
        return f"{kind}: {name} must be a short name (up to 24 characters)"
    return None


def joint_problems(params: Mapping[str, Any]) -> list[str]:
    """The table's rows and columns match x_values and y_values."""
    table = params.get("table")
    if joint_param_problem("table", table) or not isinstance(table, list | tuple):
        return []
    problems = []
    for name, count, what in (
        ("x_values", len(table), "rows"),
        ("y_values", len(table[0]), "columns"),
    ):
        values = params.get(name)
        if isinstance(values, list | tuple) and len(values) != count:
            problems.append(
                f"joint-distribution: {name} has {len(values)} values for {count} {what} of table"
            )
    return problems


# --- likelihood ---------------------------------------------------------------------------------


def likelihood_param_problem(name: str, value: Any) -> str | None:
    kind = "likelihood"
    if name == "family":
        if value not in FAMILIES:
            return f"{kind}: family must be one of {', '.join(FAMILIES)}"
    elif name == "data":
        if not (_numbers(value, limit=MEASURE_LIMIT) and len(value) <= MAX_DATA):
            return f"{kind}: data must be a list of at most {MAX_DATA} numbers"
    elif name == "sd":
        if not (_is_real(value, MEASURE_LIMIT) and float(value) > 0):
            return f"{kind}: sd must be a positive number"
    elif name == "log" and not isinstance(value, bool):
        return f"{kind}: log must be true or false"
    return None


def likelihood_problems(params: Mapping[str, Any]) -> list[str]:
    """The data fit the family: 0s and 1s, counts, or any numbers; sd only for normal data."""
    family, data = params.get("family"), params.get("data")
    if family not in FAMILIES or data is None or likelihood_param_problem("data", data):
        return []
    problems = []
    if family == "bernoulli" and any(x not in (0, 1) or isinstance(x, bool) for x in data):
        problems.append("likelihood: bernoulli data must be 0s and 1s")
    if family == "poisson" and not all(_is_count(x, 0, 1000) for x in data):
        problems.append("likelihood: poisson data must be counts: whole numbers from 0 to 1000")
    if family != "normal" and "sd" in params:
        problems.append(f"likelihood: a {family} likelihood takes no 'sd' (only normal does)")
    return problems


# --- beta-posterior -----------------------------------------------------------------------------


def beta_param_problem(name: str, value: Any) -> str | None:
    kind = "beta-posterior"
    if name in ("alpha", "beta"):
        if not (_is_real(value, 1000) and float(value) > 0):
            return f"{kind}: {name} must be a positive number (at most 1000)"
    elif name in ("heads", "tails") and not _is_count(value, 0, MAX_FLIPS):
        return f"{kind}: {name} must be a whole number from 0 to {MAX_FLIPS}"
    return None


def beta_problems(params: Mapping[str, Any]) -> list[str]:
    heads, tails = params.get("heads", 0), params.get("tails", 0)
    counts = _is_count(heads, 0, MAX_FLIPS) and _is_count(tails, 0, MAX_FLIPS)
    if counts and heads + tails > MAX_FLIPS:
        return [f"beta-posterior: heads + tails must be at most {MAX_FLIPS}"]
    return []


# --- hypothesis-test ----------------------------------------------------------------------------


def hypothesis_param_problem(name: str, value: Any) -> str | None:
    kind = "hypothesis-test"
    if name in ("mu0", "mu1", "observed"):
        if not _is_real(value, MEASURE_LIMIT):
            return f"{kind}: {name} must be a number (at most {MEASURE_LIMIT:,.0f} in size)"
    elif name == "sd":
        if not (_is_real(value, MEASURE_LIMIT) and float(value) > 0):
            return f"{kind}: sd must be a positive number"
    elif name == "n":
        if not _is_count(value, 1, 10_000):
            return f"{kind}: n must be a whole number from 1 to 10000"
    elif name == "alpha":
        if not (_is_real(value, 1) and 0 < float(value) < 0.5):
            return f"{kind}: alpha must be a significance level between 0 and 0.5, such as 0.05"
    elif name == "tail" and value not in TAILS:
        return f"{kind}: tail must be one of {', '.join(TAILS)}"
    return None


PARAM_PROBLEMS: Mapping[str, Callable[[str, Any], str | None]] = {
    "network": network_param_problem,
    "joint-distribution": joint_param_problem,
    "likelihood": likelihood_param_problem,
    "beta-posterior": beta_param_problem,
    "hypothesis-test": hypothesis_param_problem,
}

WHOLE_PROBLEMS: Mapping[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "network": network_problems,
    "joint-distribution": joint_problems,
    "likelihood": likelihood_problems,
    "beta-posterior": beta_problems,
}
