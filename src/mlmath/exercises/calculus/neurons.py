"""What the neural-network skills share: topics, a network read from a variant, and its prompt."""

from __future__ import annotations

from collections.abc import Collection
from fractions import Fraction

import numpy as np

from mlmath.answers import Verdict, compare, parse, show
from mlmath.engine.calculus import numerals
from mlmath.engine.calculus.backpropagation import Network
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.solution import Formula
from mlmath.exercises.calculus.functions import integer
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.skill import Params, Skill

WEEK3 = "Course 2 · Week 3"
PERCEPTRON_REGRESSION = (
    f"{WEEK3} · Perceptron with no activation and squared loss (linear regression)"
)
PERCEPTRON_CLASSIFICATION = (
    f"{WEEK3} · Perceptron with sigmoid activation and log loss (classification)"
)
TWO_LAYER = f"{WEEK3} · Two-layer neural network with sigmoid activation and log loss"
BACKPROPAGATION = f"{WEEK3} · Mathematics of Backpropagation"

NETWORK_INPUTS = (
    Field("x", "vector", "the input, one number per feature, e.g. [1, 2]", max_size=4),
    Field(
        "hidden_weights",
        "matrix",
        "one row of weights per hidden unit, one column per input, e.g. [[1, -1], [2, 0]]",
        max_size=4,
    ),
    Field("hidden_biases", "vector", "one bias per hidden unit, e.g. [0, 1]", max_size=4),
    Field("output_weights", "vector", "one weight per hidden unit, e.g. [1, -2]", max_size=4),
    Field("output_bias", "number", "the bias of the output unit, e.g. 0.5"),
)


def decimal(rng: np.random.Generator, low: int, high: int, places: int) -> Fraction:
    """A number from ``low`` to ``high`` with ``places`` decimal places (0 for integers)."""
    scale = 10**places
    return Fraction(integer(rng, low * scale, high * scale), scale)


def random_network(rng: np.random.Generator, level: int) -> dict[str, object]:
    """The data of a small network and one input: sizes and precision grow with the level."""
    inputs, hidden, places = {1: (1, 2, 0), 2: (2, 2, 0), 3: (2, 3, 1)}[level]
    return {
        "x": Vector(tuple(decimal(rng, -2, 2, places) for _ in range(inputs))),
        "hidden_weights": Matrix(
            tuple(tuple(decimal(rng, -2, 2, places) for _ in range(inputs)) for _ in range(hidden))
        ),
        "hidden_biases": Vector(tuple(decimal(rng, -1, 1, places) for _ in range(hidden))),
        "output_weights": Vector(
            tuple(decimal(rng, -3, 3, places) or Fraction(1) for _ in range(hidden))
        ),
        "output_bias": decimal(rng, -1, 1, places),
    }


def network(params: Params) -> Network:
    return Network(
        tuple(tuple(float(w) for w in row) for row in params["hidden_weights"].rows),
        tuple(float(b) for b in params["hidden_biases"]),
        tuple(float(w) for w in params["output_weights"]),
        float(params["output_bias"]),
    )


def inputs_of(params: Params) -> tuple[float, ...]:
    return tuple(float(v) for v in params["x"])


def check_network(params: Params) -> None:
    hidden, columns = params["hidden_weights"].shape
    if columns != len(params["x"]):
        raise InputError("hidden_weights: give one column per input in x")
    if len(params["hidden_biases"]) != hidden or len(params["output_weights"]) != hidden:
        raise InputError(
            "hidden_biases and output_weights need one entry per row of hidden_weights"
        )


def _row(values: tuple[Fraction, ...] | Vector) -> str:
    """``(1, 2)``; a single entry is written as the number alone, not ``(3)``."""
    shown = [numerals.text(v) for v in values]
    return shown[0] if len(shown) == 1 else "(" + ", ".join(shown) + ")"


def network_formula(params: Params) -> Formula:
    """The network's numbers, written out for a prompt."""
    W = params["hidden_weights"]
    x, b1 = params["x"], params["hidden_biases"]
    w2, b2 = params["output_weights"], params["output_bias"]
    return Formula(
        rf"x = {x.latex()},\quad W^{{[1]}} = {W.latex()},\quad b^{{[1]}} = {b1.latex()},"
        rf"\quad w^{{[2]}} = {w2.latex()},\quad b^{{[2]}} = {numerals.latex(b2)}",
        f"x = {_row(x)}, W1 = [{', '.join(_row(r) for r in W.rows)}] (one row per hidden unit), "
        f"b1 = {_row(b1)}, w2 = {_row(w2)}, b2 = {numerals.text(b2)}",
        True,
    )


NETWORK_WORDS = (
    "A network has a hidden layer of sigmoid units, a⁽¹⁾ = σ(W⁽¹⁾x + b⁽¹⁾), and one sigmoid "
    "output unit, ŷ = σ(w⁽²⁾·a⁽¹⁾ + b⁽²⁾), with"
)


def number_text(value: Fraction) -> str:
    """A number as a learner reads it: ``0.5`` for 1/2, ``-1.2`` for -6/5, ``1/3`` stays."""
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1 or value.denominator == 1:
        return numerals.text(value)
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return text


def numbers_text(values: Vector | tuple[Fraction, ...]) -> str:
    """``(0.5, 2)``; a single entry is written as the number alone, not ``(3)``."""
    shown = [number_text(v) for v in values]
    return shown[0] if len(shown) == 1 else "(" + ", ".join(shown) + ")"


def mistakes_stand_out(skill: Skill, params: Params, drawn_apart: Collection[str]) -> bool:
    """Whether each named mistake in ``drawn_apart``, written to the asked precision,
    differs from the answer.

    Rounded answers can hide a mistake that changes a late decimal; such variants are
    drawn again so that a mistake is always diagnosable. ``drawn_apart`` names the
    mistakes the skill's variants were first drawn apart for: a mistake named later must
    not redraw them, or a stored seed would show another problem (where it happens to
    give the right answer, it is simply not told apart).
    """
    answer_format = skill.answer_format(params)
    expected = skill.solve(params).answer
    for mistake, wrong in skill.buggy_answers(params).items():
        if mistake not in drawn_apart:
            continue
        written_wrong = parse(show(wrong, answer_format), answer_format)
        if compare(expected, written_wrong, answer_format) is Verdict.EQUAL:
            return False
    return True
