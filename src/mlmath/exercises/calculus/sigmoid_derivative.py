"""Skill: the slope of the sigmoid at a point, σ′(z) = σ(z)(1 − σ(z))."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.expression import Value
from mlmath.engine.calculus.perceptron import sigmoid, sigmoid_derivative
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.functions import integer
from mlmath.exercises.calculus.neurons import (
    PERCEPTRON_CLASSIFICATION,
    decimal,
    mistakes_stand_out,
    number_text,
    numbers_text,
)
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

DRAWN_APART = ("sigmoid_value", "one_minus_sigmoid", "sign_error", "squared_sigmoid")
"""The mistakes a variant is drawn to tell apart (see :func:`neurons.mistakes_stand_out`)."""


@register
class SigmoidDerivative(Skill):
    id = "calculus.sigmoid_derivative"
    title = "The slope of the sigmoid"
    summary = "Evaluate σ′(z) = σ(z)(1 − σ(z)), the factor backpropagation multiplies in."
    levels = 3
    inputs = (Field("z", "number", "the point z where the slope is wanted, e.g. 0.5"),)
    misconceptions = (
        Misconception(
            "sigmoid_value",
            "That is σ(z) itself, not its slope",
            "The derivative of the sigmoid is σ(z)·(1 − σ(z)): compute σ(z) first, then multiply "
            "it by 1 − σ(z).",
            PERCEPTRON_CLASSIFICATION,
        ),
        Misconception(
            "one_minus_sigmoid",
            "Only the factor 1 − σ(z) was kept",
            "σ′(z) = σ(z)·(1 − σ(z)) has two factors; the slope is largest, 1/4, at z = 0.",
            PERCEPTRON_CLASSIFICATION,
        ),
        Misconception(
            "sign_error",
            "The slope came out negative",
            "The sigmoid only ever rises, so its slope is positive. Differentiating e^(−z) gives "
            "−e^(−z), and that minus cancels the one from the quotient 1/(1 + e^(−z)).",
            PERCEPTRON_CLASSIFICATION,
        ),
        Misconception(
            "squared_sigmoid",
            "The second factor is 1 − σ(z), not σ(z) again",
            "σ′(z) = σ(z)·(1 − σ(z)). Squaring σ(z) gets the slope wrong everywhere except "
            "z = 0: for a large z, σ(z)² comes near 1, but the curve is flat there and its "
            "slope near 0.",
            PERCEPTRON_CLASSIFICATION,
            hint="Where is the sigmoid flat? What must the slope formula give there?",
        ),
        Misconception(
            "z_for_sigmoid",
            "z was put in place of σ(z): that is z(1 − z)",
            "The formula σ′(z) = σ(z)(1 − σ(z)) is written with the sigmoid's value, not with "
            "z. Compute σ(z) = 1/(1 + e^(−z)) first, then multiply it by 1 − σ(z); z(1 − z) "
            "skips the sigmoid and is even negative for z > 1.",
            PERCEPTRON_CLASSIFICATION,
        ),
        Misconception(
            "chain_rule_forgotten",
            "The chain rule was forgotten: the inside's derivative −e^(−z) is missing",
            "σ(z) = (1 + e^(−z))^(−1). The power rule gives −(1 + e^(−z))^(−2), and the chain "
            "rule multiplies it by the inside's derivative, −e^(−z). Without that factor the "
            "result is −σ(z)², negative although the sigmoid only rises; with it, "
            "e^(−z)/(1 + e^(−z))² = σ(z)(1 − σ(z)).",
            PERCEPTRON_CLASSIFICATION,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params = self._draw(rng, level)
            if mistakes_stand_out(self, params, DRAWN_APART):
                return params

    def _draw(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"z": Fraction(integer(rng, -2, 2))}
        if level == 2:
            return {"z": decimal(rng, -4, 4, 1)}
        w = tuple(decimal(rng, -2, 2, 1) for _ in range(2))
        x = tuple(Fraction(integer(rng, -5, 5)) for _ in range(2))
        b = decimal(rng, -2, 2, 1)
        z = w[0] * x[0] + w[1] * x[1] + b
        return {"z": z, "neuron": (w, x, b)}

    def prompt(self, params: Params) -> Prompt:
        question = "How fast does the sigmoid σ(z) = 1/(1 + e^(−z)) change there: what is σ′(z)?"
        if "neuron" in params:
            w, x, b = params["neuron"]
            return (
                f"A sigmoid neuron with weights w = {numbers_text(w)} and bias b = "
                f"{number_text(b)} receives the input x = {numbers_text(x)}, so z = w·x + b.",
                f"{question} Give it to 4 decimal places.",
            )
        return (f"At z = {number_text(params['z'])}:", f"{question} Give it to 4 decimal places.")

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[Value]:
        return sigmoid_derivative(params["z"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "The sigmoid's derivative can be written with the sigmoid itself. Do you remember how?",
            "σ′(z) = σ(z)(1 − σ(z)): compute σ(z) = 1/(1 + e^(−z)) first.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        z = params["z"]
        s = sigmoid(z)
        out = {"sigmoid_value": s, "one_minus_sigmoid": 1 - s, "sign_error": -s * (1 - s)}
        if z != 0:  # at z = 0, σ(z) = 1 − σ(z) = 1/2
            out["squared_sigmoid"] = s * s
        out["z_for_sigmoid"] = z * (1 - z)
        # at z = 0, −σ(z)² is the sign error −σ(z)(1 − σ(z)); far left, −σ(z)² and σ(z)²
        # both read 0.0000
        if z != 0 and s * s >= Fraction(1, 20_000):
            out["chain_rule_forgotten"] = -s * s
        return out

    def check_inputs(self, params: Params) -> None:
        if abs(params["z"]) > 50:
            raise InputError("z: give a number between −50 and 50")
