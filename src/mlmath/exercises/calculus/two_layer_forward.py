"""Skill: the forward pass of a two-layer network with sigmoid units."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.backpropagation import Network, activations, forward
from mlmath.engine.calculus.perceptron import sigmoid
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.neurons import (
    NETWORK_INPUTS,
    NETWORK_WORDS,
    TWO_LAYER,
    check_network,
    inputs_of,
    mistakes_stand_out,
    network,
    network_formula,
    random_network,
)
from mlmath.exercises.inputs import InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

DRAWN_APART = ("no_hidden_sigmoid", "no_output_sigmoid", "dropped_biases")
"""The mistakes a variant is drawn to tell apart (see :func:`neurons.mistakes_stand_out`)."""


@register
class TwoLayerForward(Skill):
    id = "calculus.two_layer_forward"
    title = "Forward pass through a two-layer network"
    summary = "Compute a network's prediction: hidden sums, hidden sigmoids, output sigmoid."
    levels = 3
    inputs = NETWORK_INPUTS
    misconceptions = (
        Misconception(
            "no_hidden_sigmoid",
            "The hidden units passed on their sums z without the sigmoid",
            "Each hidden unit outputs a = σ(z). Without the activation the two layers collapse "
            "into one linear map, and the network can only draw straight lines.",
            TWO_LAYER,
        ),
        Misconception(
            "no_output_sigmoid",
            "That is the output unit's sum z⁽²⁾, not the prediction",
            "The prediction is ŷ = σ(z⁽²⁾), a probability between 0 and 1.",
            TWO_LAYER,
        ),
        Misconception(
            "dropped_biases",
            "The biases were left out",
            "Every unit adds its bias before the sigmoid: z = w·inputs + b.",
            TWO_LAYER,
        ),
        Misconception(
            "sigmoid_without_minus",
            "The sigmoid was taken as 1/(1 + e^z), without the minus",
            "σ(z) = 1/(1 + e^(−z)), with a minus in the exponent, so a positive sum gives more "
            "than 1/2. Without the minus every unit outputs 1 − σ(z) instead of σ(z), and the "
            "network's answer is turned around.",
            TWO_LAYER,
        ),
        Misconception(
            "class_label",
            "The prediction was rounded to the class 0 or 1",
            "The question asks for ŷ = σ(z⁽²⁾) itself, a probability between 0 and 1, to 3 "
            "decimal places. Choosing the class (1 when ŷ ≥ 0.5) is a later decision made "
            "from ŷ.",
            TWO_LAYER,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params = random_network(rng, level)
            if mistakes_stand_out(self, params, DRAWN_APART):
                return params

    def prompt(self, params: Params) -> Prompt:
        return (
            NETWORK_WORDS,
            network_formula(params),
            "What does the network predict, ŷ? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=3, percent_allowed=True)  # ŷ is a probability

    def solve(self, params: Params) -> Solution[float]:
        return forward(network(params), inputs_of(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Work layer by layer: what does each hidden unit output?",
            "Hidden unit j: z⁽¹⁾ⱼ = (row j of W⁽¹⁾)·x + b⁽¹⁾ⱼ, a⁽¹⁾ⱼ = σ(z⁽¹⁾ⱼ); "
            "then ŷ = σ(w⁽²⁾·a⁽¹⁾ + b⁽²⁾).",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        net = network(params)
        x = inputs_of(params)
        act = activations(net, x)
        linear_hidden = sum(w * z for w, z in zip(net.output_weights, act.hidden_sums, strict=True))
        no_biases = Network(
            net.hidden_weights,
            tuple(0.0 for _ in net.hidden_biases),
            net.output_weights,
            0.0,
        )
        # 1/(1 + e^z) is σ(−z): every unit's sum goes into the sigmoid with its sign flipped
        flipped_hidden = (float(sigmoid(-z)) for z in act.hidden_sums)
        flipped_sum = sum(w * a for w, a in zip(net.output_weights, flipped_hidden, strict=True))
        return {
            "no_hidden_sigmoid": float(sigmoid(linear_hidden + net.output_bias)),
            "no_output_sigmoid": act.output_sum,
            "dropped_biases": activations(no_biases, x).prediction,
            "sigmoid_without_minus": float(sigmoid(-(flipped_sum + net.output_bias))),
            "class_label": 1.0 if act.prediction >= 0.5 else 0.0,
        }

    def check_inputs(self, params: Params) -> None:
        check_network(params)
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None
