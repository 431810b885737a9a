"""Skill: how many parameters a fully connected network has, from its layer sizes."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.network_size import check_layers, count, parameter_count
from mlmath.engine.exact import Vector
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import integer, pick
from mlmath.exercises.calculus.neurons import WEEK3
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3} · Two-layer neural network with sigmoid activation and log loss"

TASKS = (
    ("predicts whether a loan is repaid", "features of the application"),
    ("reads handwritten digits", "pixel values"),
    ("classifies flowers", "measurements"),
    ("predicts a house price", "features of the house"),
    ("detects spam", "word counts"),
    ("predicts tomorrow's temperature", "weather readings"),
)


def _sizes(params: Params) -> list[int]:
    return [int(x) for x in params["layers"]]


@register
class NetworkParameters(Skill):
    id = "calculus.network_parameters"
    title = "Counting a network's parameters"
    summary = "Each layer of n units after a layer of m has n·m weights and n biases: (m + 1)·n."
    levels = 3
    inputs = (
        Field(
            "layers",
            "vector",
            "the layer sizes from inputs to outputs, e.g. [3, 4, 1]",
            min_size=2,
            max_size=10,
        ),
    )
    misconceptions = (
        Misconception(
            "forgot_biases",
            "The biases were left out",
            "Every unit that computes has its own bias b, learned like the weights: a layer of "
            "n units after m adds n·m weights AND n biases.",
            TOPIC,
        ),
        Misconception(
            "counted_units",
            "That counts the units, not the parameters",
            "The parameters are the numbers training changes: the weights on the connections "
            "and the biases. Between layers of m and n units there are n·m connections.",
            TOPIC,
        ),
        Misconception(
            "input_biases",
            "The input layer has no biases",
            "The inputs only hold the data; biases belong to the units that compute, in the "
            "hidden and output layers.",
            TOPIC,
        ),
        Misconception(
            "no_output_biases",
            "The output units have biases too",
            "Every unit that computes a weighted sum adds its own bias, the output units as "
            "well as the hidden ones: an output layer of n units after m adds n·m weights "
            "AND n biases.",
            TOPIC,
            hint="How many units does the output layer have, and does each one add a bias?",
        ),
        Misconception(
            "one_bias_per_layer",
            "One bias was counted per layer, not one per unit",
            "Every unit that computes has its own bias, so a layer of n units adds n biases, "
            "not 1. (A diagram may draw a single bias node for a layer, but it reaches each "
            "unit with a number of its own.)",
            TOPIC,
        ),
        Misconception(
            "multiplied_sizes",
            "All the layer sizes were multiplied together",
            "Weights join neighbouring layers only: a layer of m units followed by one of n "
            "gives n·m weights. Add these over the pairs of neighbouring layers, then add one "
            "bias per unit that computes.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        task = integer(rng, 0, len(TASKS) - 1)
        if level == 1:
            sizes = [integer(rng, 2, 6), integer(rng, 2, 6), 1]
        elif level == 2:
            sizes = [
                integer(rng, 2, 30),
                integer(rng, 2, 30),
                integer(rng, 2, 20),
                integer(rng, 1, 10),
            ]
        else:
            inputs = pick(rng, (64, 256, 784)) if rng.random() < 0.2 else integer(rng, 10, 1000)
            hidden = [
                pick(rng, (16, 32, 64, 128, 256, integer(rng, 5, 300)))
                for _ in range(integer(rng, 2, 4))
            ]
            sizes = [inputs, *hidden, integer(rng, 1, 10)]
        return {"layers": Vector.of(sizes), "task": task}

    def prompt(self, params: Params) -> Prompt:
        sizes = _sizes(params)
        what, inputs = TASKS[params.get("task", 0)]
        hidden = sizes[1:-1]
        if not hidden:
            middle = "no hidden layer"
        elif len(hidden) == 1:
            middle = f"one hidden layer of {hidden[0]} units"
        else:
            listed = ", ".join(map(str, hidden[:-1]))
            middle = f"{len(hidden)} hidden layers of {listed} and {hidden[-1]} units"
        return (
            f"A fully connected network {what}. It takes {sizes[0]} {inputs}, has {middle}, "
            f"and {sizes[-1]} output unit{'s' if sizes[-1] > 1 else ''}. Every unit has a bias. "
            "How many parameters (weights and biases) does training learn?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def check_inputs(self, params: Params) -> None:
        layers = params["layers"]
        if any(x.denominator != 1 or x > 100_000 for x in layers):
            raise InputError("layers: give whole numbers of units (at most 100,000 per layer)")
        try:
            check_layers(_sizes(params))
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[int]:
        return parameter_count(_sizes(params))

    def answer(self, params: Params) -> int:
        return count(_sizes(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Between two neighbouring layers, how many connections are there, and how many "
            "biases does the second layer add?",
            "For each pair of layers m → n: n·m weights plus n biases. Add over the pairs.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        sizes = _sizes(params)
        weights = sum(m * n for m, n in itertools.pairwise(sizes))
        out = {
            "forgot_biases": weights,
            "counted_units": sum(sizes),
            "input_biases": count(sizes) + sizes[0],
        }
        if len(sizes) > 2:  # with no hidden layer, that is every bias
            out["no_output_biases"] = count(sizes) - sizes[-1]
        out["one_bias_per_layer"] = weights + len(sizes) - 1
        if len(sizes) > 2:  # two layers: their product is the number of weights
            out["multiplied_sizes"] = math.prod(sizes)
        return out
