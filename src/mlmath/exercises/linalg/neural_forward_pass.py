"""Skill: a one-layer neural network's forward pass, g(W x + b)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.neural import activate, layer_output
from mlmath.engine.notation import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import (
    WEEK3_TRANSFORMATIONS,
    random_matrix,
    random_vector,
)
from mlmath.exercises.mistakes import OneSign, OtherQuantity, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Neural networks and matrices"
WORDS = {
    "identity": "no activation (identity)",
    "relu": "ReLU activation",
    "step": "step activation",
}


@register
class NeuralForwardPass(Skill):
    id = "linalg.neural_forward_pass"
    title = "A neural network layer's forward pass"
    summary = "Compute g(W x + b): a matrix–vector product, a bias, an activation."
    levels = 3
    inputs = (
        Field("weights", "matrix", "the weight matrix W, one row per neuron"),
        Field("x", "vector", "the input vector x"),
        Field("bias", "vector", "the bias vector b, one entry per neuron"),
        Field(
            "activation",
            "choice",
            "the activation function",
            required=False,
            default="identity",
            choices=("identity", "relu", "step"),
        ),
    )
    misconceptions = (
        Misconception(
            "forgot_bias",
            "You forgot to add the bias",
            "Each neuron computes its weighted sum AND adds its own bias: z = W x + b.",
            TOPIC,
        ),
        Misconception(
            "activation_before_bias",
            "You applied the activation before adding the bias",
            "The activation acts on the whole pre-activation z = W x + b: g(W x + b), "
            "not g(W x) + b.",
            TOPIC,
        ),
        Misconception(
            "transposed_weights",
            "You used the columns of W as the neurons' weights",
            "Row i of W holds the weights of neuron i; dotting columns with x computes Wᵀ x.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {
                "weights": random_matrix(rng, 1, 2, 0, 5),
                "x": random_vector(rng, 2, 0, 5),
                "bias": random_vector(rng, 1, 1, 5),
                "activation": "identity",
            }
        neurons, features = (2, 2) if level == 2 else (int(rng.integers(2, 4)), 3)
        activation = (
            ("identity", "relu")[int(rng.integers(0, 2))]
            if level == 2
            else (("relu", "step", "identity")[int(rng.integers(0, 3))])
        )
        return {
            "weights": random_matrix(rng, neurons, features, -5, 5),
            "x": random_vector(rng, features, -4, 4),
            "bias": random_vector(rng, neurons, -6, 6),
            "activation": activation,
        }

    def prompt(self, params: Params) -> Prompt:
        bias: Vector = params["bias"]
        # One neuron has one bias, a number: "b = 2", not the one-entry vector "(2)".
        shown = number_text(bias[0]) if len(bias) == 1 else bias.text()
        return (
            f"A layer with {WORDS[params['activation']]} has weights W =",
            params["weights"],
            f"and bias b = {shown}. What does it output for x = {params['x'].text()}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(params["weights"].shape[0],))

    def check_inputs(self, params: Params) -> None:
        w: Matrix = params["weights"]
        if w.shape[1] != len(params["x"]):
            raise InputError("x needs one entry per column of W")
        if w.shape[0] != len(params["bias"]):
            raise InputError("b needs one entry per row (neuron) of W")

    def solve(self, params: Params) -> Solution[Vector]:
        return layer_output(params["weights"], params["x"], params["bias"], params["activation"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What does one neuron compute from the inputs before the activation?",
            "Compute W x (one dot product per row of W), then add b, then apply g.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The value before the activation, and one sign."""
        w: Matrix = params["weights"]
        z = w.times_vector(params["x"]) + params["bias"]
        slips: list[Slip] = [OneSign()]
        if params["activation"] != "identity":
            slips.append(
                OtherQuantity(
                    z,
                    "Wx + b, before the activation",
                    "the layer's output",
                    f"apply {params['activation']} to each entry.",
                    True,
                )
            )
        return slips

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        w: Matrix = params["weights"]
        x: Vector = params["x"]
        b: Vector = params["bias"]
        g = params["activation"]
        wx = w.times_vector(x)
        out: dict[str, Any] = {
            "forgot_bias": Vector(tuple(activate(g, z) for z in wx)),
        }
        if g != "identity":
            out["activation_before_bias"] = Vector(tuple(activate(g, z) for z in wx)) + b
        if w.is_square:
            wt = w.transpose().times_vector(x) + b
            out["transposed_weights"] = Vector(tuple(activate(g, z) for z in wt))
        return out
