"""Skill: one partial derivative of the loss of a two-layer network, by the chain rule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.backpropagation import PARAMETERS, activations, partial
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import integer
from mlmath.exercises.calculus.neurons import (
    BACKPROPAGATION,
    NETWORK_INPUTS,
    NETWORK_WORDS,
    check_network,
    inputs_of,
    mistakes_stand_out,
    network,
    network_formula,
    random_network,
)
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

LEVEL_PARAMETER = {1: "w2", 2: "b1", 3: "W1"}
NAMES = {"w2": "w⁽²⁾_{j}", "b2": "b⁽²⁾", "W1": "W⁽¹⁾_{j}{k}", "b1": "b⁽¹⁾_{j}"}


DRAWN_APART = ("dropped_sigmoid_slope", "dropped_output_weight", "extra_output_slope", "error_sign")
"""The mistakes a variant is drawn to tell apart (see :func:`neurons.mistakes_stand_out`)."""


@register
class Backpropagation(Skill):
    id = "calculus.backpropagation"
    title = "Backpropagation: one partial derivative"
    summary = (
        "Follow the chain rule from the log loss back to one weight or bias of a two-layer network."
    )
    levels = 3
    inputs = (
        *NETWORK_INPUTS,
        Field("y", "integer", "the label of the example, 0 or 1"),
        Field("parameter", "choice", "which parameter", choices=PARAMETERS),
        Field("unit", "integer", "which hidden unit (from 1)", required=False, default=1),
        Field("source", "integer", "which input, for W1 (from 1)", required=False, default=1),
    )
    misconceptions = (
        Misconception(
            "dropped_sigmoid_slope",
            "The slope of the hidden sigmoid, a(1 − a), is missing",
            "On the way back through a hidden unit the chain rule multiplies by ∂a/∂z = "
            "σ′(z) = a(1 − a).",
            BACKPROPAGATION,
        ),
        Misconception(
            "dropped_output_weight",
            "The output weight of the hidden unit is missing",
            "The loss reaches a hidden unit only through the output sum "
            "z⁽²⁾ = Σ w⁽²⁾ⱼ a⁽¹⁾ⱼ + b⁽²⁾, so ∂z⁽²⁾/∂a⁽¹⁾ⱼ = w⁽²⁾ⱼ is one factor of the chain.",
            BACKPROPAGATION,
        ),
        Misconception(
            "extra_output_slope",
            "An extra factor ŷ(1 − ŷ) was multiplied in at the output",
            "With the log loss, ∂L/∂z⁽²⁾ is simply ŷ − y: the sigmoid's slope ŷ(1 − ŷ) cancels "
            "against the derivative of the logarithm.",
            BACKPROPAGATION,
        ),
        Misconception(
            "error_sign",
            "The error was taken as y − ŷ",
            "∂L/∂z⁽²⁾ = ŷ − y (prediction minus label); the reversed order flips the sign of "
            "every gradient, and training would climb the loss.",
            BACKPROPAGATION,
        ),
        Misconception(
            "missing_input_factor",
            "The last factor, the input the weight multiplies, is missing",
            "The last link of the chain is the slope of the sum with respect to the weight: "
            "the number that weight multiplies, a⁽¹⁾ⱼ for an output weight w⁽²⁾ⱼ and the "
            "input xₖ for a hidden weight W⁽¹⁾ⱼₖ. Only a bias has slope 1 there.",
            BACKPROPAGATION,
        ),
        Misconception(
            "slope_of_sum",
            "The hidden slope was taken as z(1 − z) instead of a(1 − a)",
            "The sigmoid's slope is σ′(z) = a(1 − a), where a = σ(z) is the hidden unit's "
            "output, not its sum z. Compute a = σ(z) first; z(1 − z) is a different number "
            "(0 at z = 0 and z = 1, negative for z > 1).",
            BACKPROPAGATION,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params: dict[str, Any] = random_network(rng, level)
            hidden, inputs = params["hidden_weights"].shape
            params |= {
                "y": integer(rng, 0, 1),
                "parameter": LEVEL_PARAMETER[level],
                "unit": integer(rng, 1, hidden),
                "source": integer(rng, 1, inputs),
            }
            if mistakes_stand_out(self, params, DRAWN_APART):
                return params

    def _name(self, params: Params) -> str:
        return NAMES[params["parameter"]].format(j=params["unit"], k=params["source"])

    def prompt(self, params: Params) -> Prompt:
        return (
            NETWORK_WORDS,
            network_formula(params),
            f"The example's label is y = {params['y']} and the loss is the log loss "
            "L = −y·ln(ŷ) − (1 − y)·ln(1 − ŷ). "
            f"What is ∂L/∂{self._name(params)}? Give it to 4 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[float]:
        return partial(
            network(params),
            inputs_of(params),
            params["y"],
            params["parameter"],
            unit=params["unit"],
            source=params["source"],
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            f"Which path leads from the loss back to {self._name(params)}? "
            "List the quantities on the way.",
            "Start at the output: ∂L/∂z⁽²⁾ = ŷ − y. Then multiply one local slope per link "
            "of the path.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        net = network(params)
        x = inputs_of(params)
        act = activations(net, x)
        answer = self.solve(params).answer
        j = params["unit"] - 1
        a = act.hidden[j]
        out: dict[str, float] = {
            "error_sign": -answer,
            "extra_output_slope": answer * act.prediction * (1 - act.prediction),
        }
        parameter, error = params["parameter"], act.prediction - params["y"]
        if parameter in ("W1", "b1") and net.output_weights[j] != 0 and 0 < a < 1:
            out["dropped_sigmoid_slope"] = answer / (a * (1 - a))
            out["dropped_output_weight"] = answer / net.output_weights[j]
        if parameter == "w2":  # ∂z⁽²⁾/∂w⁽²⁾ⱼ = a⁽¹⁾ⱼ left out
            out["missing_input_factor"] = error
        if parameter == "W1" and x[params["source"] - 1] != 1:  # ∂z⁽¹⁾ⱼ/∂W⁽¹⁾ⱼₖ = xₖ left out
            out["missing_input_factor"] = error * net.output_weights[j] * a * (1 - a)
        if parameter in ("W1", "b1"):
            z = act.hidden_sums[j]
            last = x[params["source"] - 1] if parameter == "W1" else 1.0
            out["slope_of_sum"] = error * net.output_weights[j] * z * (1 - z) * last
        return out

    def check_inputs(self, params: Params) -> None:
        check_network(params)
        hidden, inputs = params["hidden_weights"].shape
        if params["y"] not in (0, 1):
            raise InputError("y: the label must be 0 or 1")
        if not 1 <= params["unit"] <= hidden:
            raise InputError(f"unit: pick a hidden unit from 1 to {hidden}")
        if not 1 <= params["source"] <= inputs:
            raise InputError(f"source: pick an input from 1 to {inputs}")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None
