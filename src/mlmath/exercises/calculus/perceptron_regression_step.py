"""Skill: one training step of a perceptron with no activation on the squared loss."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.perceptron import regression_step, weighted_sum
from mlmath.engine.exact import Vector
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import integer, pick
from mlmath.exercises.calculus.neurons import (
    PERCEPTRON_REGRESSION,
    decimal,
    number_text,
    numbers_text,
)
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

RATES = {
    1: (Fraction(1, 10), Fraction(1, 4), Fraction(1, 2), Fraction(1, 5)),
    2: (Fraction(1, 10), Fraction(1, 20), Fraction(1, 5), Fraction(1, 100)),
    3: (Fraction(1, 10), Fraction(1, 20), Fraction(1, 50), Fraction(1, 100)),
}

PERCEPTRON_INPUTS = (
    Field("x", "vector", "the example's features, e.g. [2, 1]", max_size=5),
    Field("y", "number", "the example's target (a label 0 or 1 for classification)"),
    Field("weights", "vector", "the current weights, one per feature", max_size=5),
    Field("bias", "number", "the current bias b"),
    Field("learning_rate", "number", "the learning rate α, e.g. 0.1"),
)


def added_gradient(topic: str) -> Misconception:
    return Misconception(
        "added_gradient",
        "The gradient was added instead of subtracted",
        "The gradient points toward a larger loss. Training steps the other way: w ← w − α·∂L/∂w.",
        topic,
    )


def dropped_input(topic: str) -> Misconception:
    return Misconception(
        "dropped_input",
        "The input factor xᵢ of the chain rule is missing",
        "z = w₁x₁ + … + b, so ∂z/∂wᵢ = xᵢ: each weight's gradient is (ŷ − y)·xᵢ. "
        "Only the bias, whose ∂z/∂b = 1, gets plain (ŷ − y).",
        topic,
    )


def update(
    params: Params, error: Fraction | float, *, sign: int = -1, with_input: bool = True
) -> tuple[Fraction | float, ...]:
    """The parameters after one step with the given error ``ŷ − y`` (for the buggy answers)."""
    alpha = params["learning_rate"]
    x, w, b = params["x"], params["weights"], params["bias"]
    new = [
        wi + sign * alpha * error * (xi if with_input else 1) for wi, xi in zip(w, x, strict=True)
    ]
    return (*new, b + sign * alpha * error)


def forgot_learning_rate(topic: str) -> Misconception:
    return Misconception(
        "forgot_learning_rate",
        "The learning rate was left out",
        "The gradient says which way to move; the learning rate α says how far. "
        "Subtract α times the gradient, not the gradient itself.",
        topic,
    )


def draw_example(rng: np.random.Generator, level: int) -> tuple[Vector, Vector, Fraction]:
    """An example's features x (one per level) and the current weights and bias: all zero
    at level 1, integers at level 2, one decimal place at level 3."""
    n = level
    places = 0 if level < 3 else 1
    x = Vector(tuple(Fraction(integer(rng, -3, 4, nonzero=True)) for _ in range(n)))
    if level == 1:
        return x, Vector((Fraction(0),)), Fraction(0)
    w = Vector(tuple(decimal(rng, -2, 2, places) for _ in range(n)))
    return x, w, decimal(rng, -2, 2, places)


class PerceptronStepSkill(Skill):
    """One training step of a perceptron on one example, from :data:`PERCEPTRON_INPUTS`."""

    inputs = PERCEPTRON_INPUTS

    def check_inputs(self, params: Params) -> None:
        if len(params["x"]) != len(params["weights"]):
            raise InputError("weights: give one weight per feature in x")
        if not 0 < params["learning_rate"] <= 10:
            raise InputError("learning_rate: give a positive number such as 0.1")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None


@register
class PerceptronRegressionStep(PerceptronStepSkill):
    id = "calculus.perceptron_regression_step"
    title = "Train a linear perceptron for one step"
    summary = (
        "Forward pass, squared loss, gradient and one update for a perceptron with no "
        "activation (linear regression)."
    )
    levels = 3
    misconceptions = (
        added_gradient(PERCEPTRON_REGRESSION),
        dropped_input(PERCEPTRON_REGRESSION),
        forgot_learning_rate(PERCEPTRON_REGRESSION),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        x, w, b = draw_example(rng, level)
        y = Fraction(integer(rng, -9, 12))
        while weighted_sum(x.entries, w.entries, b) == y:
            y += 1
        return {"x": x, "y": y, "weights": w, "bias": b, "learning_rate": pick(rng, RATES[level])}

    def prompt(self, params: Params) -> Prompt:
        x, w = params["x"], params["weights"]
        n = len(x)
        names = ", ".join(f"w{i + 1}" for i in range(n))
        total = " + ".join(f"w{i + 1}·x{i + 1}" for i in range(n))
        return (
            f"A perceptron with no activation predicts ŷ = {total} + b "
            "and is trained on the squared loss L = ½(ŷ − y)². "
            f"The example is x = {numbers_text(x)} with target y = {number_text(params['y'])}; "
            f"the current weights are {numbers_text(w)} and b = "
            f"{number_text(params['bias'])}.",
            f"Take one gradient-descent step with α = {number_text(params['learning_rate'])}. "
            f"Give the new ({names}, b).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(len(params["x"]) + 1,), decimals=4)

    def solve(self, params: Params) -> Solution[Vector]:
        return regression_step(
            params["x"].entries,
            params["y"],
            params["weights"].entries,
            params["bias"],
            params["learning_rate"],
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What does the perceptron predict for this example, and by how much is it off?",
            "With error e = ŷ − y, the chain rule gives ∂L/∂wᵢ = e·xᵢ and ∂L/∂b = e; "
            "then subtract α times each.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        error = weighted_sum(params["x"].entries, params["weights"].entries, params["bias"])
        error -= params["y"]
        return {
            "added_gradient": Vector.of(update(params, error, sign=1)),
            "dropped_input": Vector.of(update(params, error, with_input=False)),
            "forgot_learning_rate": Vector.of(update(params, error / params["learning_rate"])),
        }
