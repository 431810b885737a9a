"""Skill: one training step of a sigmoid perceptron on the log loss (classification)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.perceptron import classification_step, sigmoid, weighted_sum
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.functions import integer, pick
from mlmath.exercises.calculus.neurons import (
    PERCEPTRON_CLASSIFICATION,
    mistakes_stand_out,
    number_text,
    numbers_text,
)
from mlmath.exercises.calculus.perceptron_regression_step import (
    PerceptronStepSkill,
    added_gradient,
    draw_example,
    update,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

RATES = {
    1: (Fraction(1), Fraction(1, 2), Fraction(1, 4), Fraction(1, 5)),
    2: (Fraction(1, 2), Fraction(1, 10), Fraction(1, 5), Fraction(1)),
    3: (Fraction(1, 10), Fraction(1, 20), Fraction(1, 2), Fraction(1, 4)),
}


@lru_cache(maxsize=32)
def worked_step(
    x: tuple[Fraction, ...],
    y: Fraction,
    weights: tuple[Fraction, ...],
    bias: Fraction,
    learning_rate: Fraction,
) -> Solution[Vector | tuple[float, ...]]:
    """One classification step with its worked steps, remembered per variant: it is
    worked while generating (to check that every mistake stands out), for the answer
    and again for every response graded, and the steps are immutable."""
    return classification_step(x, y, weights, bias, learning_rate)


def _answer(values: tuple[Fraction | float, ...]) -> Vector | tuple[float, ...]:
    if all(isinstance(v, Fraction) for v in values):
        return Vector(tuple(Fraction(v) for v in values))
    return tuple(float(v) for v in values)


DRAWN_APART = ("no_sigmoid", "extra_sigmoid_slope")
"""The mistakes a variant is drawn to tell apart (see :func:`neurons.mistakes_stand_out`)."""


@register
class PerceptronClassification(PerceptronStepSkill):
    id = "calculus.perceptron_classification"
    title = "Train a sigmoid perceptron for one step"
    summary = (
        "Forward pass through the sigmoid, log loss, gradient and one update for a perceptron "
        "that classifies."
    )
    levels = 3
    misconceptions = (
        added_gradient(PERCEPTRON_CLASSIFICATION),
        Misconception(
            "no_sigmoid",
            "The sigmoid was skipped in the forward pass",
            "The prediction is ŷ = σ(z), a probability between 0 and 1, not the weighted sum z "
            "itself. The error ŷ − y uses σ(z).",
            PERCEPTRON_CLASSIFICATION,
        ),
        Misconception(
            "extra_sigmoid_slope",
            "An extra factor σ′ = ŷ(1 − ŷ) was multiplied in",
            "With the log loss, ∂L/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) and ∂ŷ/∂z = ŷ(1 − ŷ): the two cancel, "
            "so ∂L/∂z is simply ŷ − y.",
            PERCEPTRON_CLASSIFICATION,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params = self._draw(rng, level)
            if mistakes_stand_out(self, params, DRAWN_APART):
                return params

    def _draw(self, rng: np.random.Generator, level: int) -> Params:
        x, w, b = draw_example(rng, level)
        return {
            "x": x,
            "y": Fraction(integer(rng, 0, 1)),
            "weights": w,
            "bias": b,
            "learning_rate": pick(rng, RATES[level]),
        }

    def prompt(self, params: Params) -> Prompt:
        n = len(params["x"])
        total = " + ".join(f"w{i + 1}·x{i + 1}" for i in range(n))
        names = ", ".join(f"w{i + 1}" for i in range(n))
        return (
            f"A perceptron classifies with ŷ = σ({total} + b), the sigmoid σ(z) = 1/(1 + e^(−z)), "
            "and is trained on the log loss L = −y·ln(ŷ) − (1 − y)·ln(1 − ŷ). "
            f"The example is x = {numbers_text(params['x'])} with label "
            f"y = {number_text(params['y'])}; the current weights are "
            f"{numbers_text(params['weights'])} and b = {number_text(params['bias'])}.",
            f"Take one gradient-descent step with α = {number_text(params['learning_rate'])}. "
            f"Give the new ({names}, b) to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(len(params["x"]) + 1,), decimals=3)

    def solve(self, params: Params) -> Solution[Vector | tuple[float, ...]]:
        return worked_step(
            params["x"].entries,
            params["y"],
            params["weights"].entries,
            params["bias"],
            params["learning_rate"],
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What probability does the perceptron give this example now? Compute z, then σ(z).",
            "For the sigmoid with the log loss, ∂L/∂z = ŷ − y; so ∂L/∂wᵢ = (ŷ − y)·xᵢ and "
            "∂L/∂b = ŷ − y.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        z = weighted_sum(params["x"].entries, params["weights"].entries, params["bias"])
        prediction = sigmoid(z)
        error = prediction - params["y"]
        return {
            "added_gradient": _answer(update(params, error, sign=1)),
            "no_sigmoid": _answer(update(params, z - params["y"])),
            "extra_sigmoid_slope": _answer(update(params, error * prediction * (1 - prediction))),
        }
