"""The parameter checks of the learning figures: a bad parameter gives one line naming the kind
and the parameter; the samples and every lesson block of these kinds pass."""

from __future__ import annotations

from typing import Any

import pytest

from mlmath.exercises.figures import SAMPLES, figure_problems
from mlmath.exercises.learning_figures import KINDS

NETWORK = {
    "x": [1, 0.5],
    "y": 1,
    "W1": [[1, -1], [0.5, 2]],
    "b1": [0, -1],
    "W2": [[1, -2]],
    "b2": [0.5],
    "learning_rate": 0.5,
}


def problems(kind: str, params: dict[str, Any]) -> list[str]:
    return figure_problems({"kind": kind, "params": params, "caption": "Try it."})


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_learning_kind_has_a_valid_sample(kind: str) -> None:
    assert figure_problems(SAMPLES[kind]) == []


@pytest.mark.parametrize(
    ("kind", "params", "expected"),
    [
        ("network", {**NETWORK, "y": 2}, "network: y must be the label 0 or 1"),
        ("network", {**NETWORK, "W1": [[1, 2, 3], [4, 5, 6]]}, "network: W1 must be 2 or 3 rows"),
        ("network", {**NETWORK, "b1": [0, 0, 0]}, "network: b1 has 3 biases for 2 hidden units"),
        ("network", {**NETWORK, "activation": "softmax"}, "network: activation must be one of"),
        ("network", {**NETWORK, "learning_rate": 0}, "network: learning_rate must be positive"),
        (
            "joint-distribution",
            {"table": [["1/8", "1/4"], ["3/8", "1/8"]], "x_values": [0, 1], "y_values": [0, 1]},
            "joint-distribution: the table's probabilities must sum to 1",
        ),
        (
            "joint-distribution",
            {"table": [[0.5, 0.5], [0, 0]], "x_values": [0, 1, 2], "y_values": [0, 1]},
            "joint-distribution: x_values has 3 values for 2 rows of table",
        ),
        (
            "joint-distribution",
            {"table": [["half", 0.5], [0, 0]], "x_values": [0, 1], "y_values": [0, 1]},
            "joint-distribution: each table entry must be a probability",
        ),
        ("likelihood", {"family": "bernoulli", "data": [1, 2]}, "likelihood: bernoulli data"),
        ("likelihood", {"family": "poisson", "data": [1.5]}, "likelihood: poisson data must be"),
        ("likelihood", {"family": "poisson", "data": [1], "sd": 2}, "likelihood: a poisson"),
        ("likelihood", {"family": "gamma", "data": [1]}, "likelihood: family must be one of"),
        ("beta-posterior", {"alpha": 0, "beta": 2}, "beta-posterior: alpha must be positive"),
        ("beta-posterior", {"alpha": 1, "beta": 1, "tails": 2.5}, "beta-posterior: tails must"),
        (
            "hypothesis-test",
            {"mu0": 0, "mu1": 1, "sd": 1, "n": 10, "alpha": 0.7, "tail": "two"},
            "hypothesis-test: alpha must be a significance level",
        ),
        (
            "hypothesis-test",
            {"mu0": 0, "mu1": 1, "sd": 1, "n": 10, "alpha": 0.05, "tail": "both"},
            "hypothesis-test: tail must be one of two, left, right",
        ),
    ],
)
def test_a_bad_parameter_is_named_in_one_line(
    kind: str, params: dict[str, Any], expected: str
) -> None:
    found = problems(kind, params)
    assert len(found) == 1, found
    words = expected.split(" must be ")
    assert found[0].startswith(words[0]), found
    assert "\n" not in found[0]


def test_fractions_decimals_and_names_are_accepted() -> None:
    table = {"table": [["1/8", "1/4"], ["3/8", "1/4"]], "x_values": [0, 1], "y_values": [0, 1]}
    assert problems("joint-distribution", table) == []
    decimals = {
        "table": [[0.12, 0.18, 0.3], [0.08, 0.12, 0.2]],
        "x_values": ["a", "b"],
        "y_values": [1, 2, 3],
        "x_name": "count of free",
        "y_name": "spam",
    }
    assert problems("joint-distribution", decimals) == []
    assert problems("network", {**NETWORK, "W2": [1, -2], "b2": 0.5}) == []
    assert problems("likelihood", {"family": "normal", "data": [], "sd": 2, "log": True}) == []
