"""Skill: covariance and correlation of paired data."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.joint import correlation, covariance
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.columns import Column
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, OtherQuantity, SignFlipped, Slip
from mlmath.exercises.probability.variants import (
    W2_RANDOM_VECTORS,
    data_vector,
    decimal_format,
    integer,
    is_clean,
    pick,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W2_RANDOM_VECTORS} · Measures of relatedness: covariance"
STORIES = (
    ("hours studied", "test score"),
    ("temperature (°C)", "ice creams sold"),
    ("age of a car (years)", "price (thousands of euros)"),
    ("advertising spend (hundreds of euros)", "sales (units)"),
    ("height (cm above 150)", "shoe size (above 35)"),
)


def total(values: list[Fraction]) -> Fraction:
    return sum(values, Fraction(0))


@register
class Covariance(Skill):
    id = "probability.covariance"
    title = "Covariance and correlation"
    summary = "Cov(X, Y) averages (x − x̄)(y − ȳ); dividing by both standard deviations gives r."
    levels = 3
    inputs = (
        Field("x", "data", "the first variable's values"),
        Field("y", "data", "the second variable's values, paired with x"),
        Field(
            "kind",
            "choice",
            "sample (divide by n − 1) or population (divide by n)",
            required=False,
            default="sample",
            choices=("sample", "population"),
        ),
        Field(
            "measure",
            "choice",
            "covariance or correlation",
            required=False,
            default="covariance",
            choices=("covariance", "correlation"),
        ),
    )
    misconceptions = (
        Misconception(
            "no_centering",
            "You multiplied the values without subtracting the means",
            "Covariance measures how x and y move together AROUND their means: use "
            "(x − x̄)(y − ȳ). Without centring, the average of x·y mostly reflects how big "
            "the values are.",
            TOPIC,
        ),
        Misconception(
            "wrong_divisor",
            "You divided by n where n − 1 was asked (or the reverse)",
            "Sample covariance divides by n − 1 (np.cov's default); population covariance by n.",
            TOPIC,
        ),
        Misconception(
            "covariance_as_correlation",
            "You gave the covariance, not the correlation",
            "The correlation divides the covariance by both standard deviations, so it has "
            "no units and lies between −1 and 1.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            n, high = {
                1: (integer(rng, 3, 4), 6),
                2: (integer(rng, 4, 6), 12),
                3: (integer(rng, 5, 9), 40),
            }[level]
            x = data_vector(rng, n, 0, high)
            slope = pick(rng, (-2, -1, 1, 2))
            y = data_vector(rng, n, 0, high // 2)
            y = type(y)(tuple(abs(slope * a + b) for a, b in zip(x, y, strict=True)))
            params = {
                "x": x,
                "y": y,
                "kind": "population" if level == 1 else pick(rng, ("sample", "population")),
                "measure": "correlation" if level == 3 and rng.random() < 0.5 else "covariance",
                "story": integer(rng, 0, len(STORIES) - 1),
            }
            if len(set(x)) < 2 or len(set(y)) < 2:
                continue
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        xname, yname = STORIES[params.get("story", 0)]
        pairs = ", ".join(f"({a}, {b})" for a, b in zip(params["x"], params["y"], strict=True))
        if params["measure"] == "correlation":
            asked = "the correlation coefficient r (to 3 decimal places)"
        else:
            asked = f"the {params['kind']} covariance"
        return (f"Pairs ({xname}, {yname}): {pairs}. What is {asked}?",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimal_format(3)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Any]:
        x, y = params["x"], params["y"]
        if params["measure"] == "correlation":
            return correlation(x, y)
        return covariance(x, y, params["kind"] == "sample")

    def answer(self, params: Params) -> Any:
        xs, ys = Column.of(params["x"]), Column.of(params["y"])
        correlated = params["measure"] == "correlation"
        sample = correlated or params["kind"] == "sample"
        if xs.n != ys.n or xs.n < 2 or (correlated and not (xs.squares and ys.squares)):
            return self.solve(params).answer  # says why there is no answer
        cov = xs.cross(ys) / (xs.n - 1 if sample else xs.n)
        if not correlated:
            return cov
        vx, vy = xs.variance(sample=True), ys.variance(sample=True)
        return math.copysign(math.sqrt(cov**2 / (vx * vy)), cov)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "When x is above its mean, is y usually above or below its own mean?",
            "Subtract the means, multiply the two deviations of each pair, add, and divide by "
            + ("n − 1." if params["kind"] == "sample" else "n."),
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The sum of products not divided, n for n − 1 and back."""
        if params["measure"] == "correlation":
            return ()
        x, y = list(params["x"]), list(params["y"])
        n = len(x)
        sample = params["kind"] == "sample"
        mx, my = total(x) / n, total(y) / n
        products = total([(a - mx) * (b - my) for a, b in zip(x, y, strict=True)])
        divisor = n - 1 if sample else n
        spread_x = math.sqrt(float(total([(a - mx) ** 2 for a in x])))
        spread_y = math.sqrt(float(total([(b - my) ** 2 for b in y])))
        correlation = float(products) / (spread_x * spread_y) if spread_x and spread_y else 0.0
        return (
            OtherQuantity(
                correlation,
                "the correlation",
                "the covariance",
                "the covariance is not divided by the standard deviations.",
            ),
            Division(products, divisor, f"{'n − 1' if sample else 'n'} = {divisor}"),
            SignFlipped(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        x, y = list(params["x"]), list(params["y"])
        n = len(x)
        sample = params["kind"] == "sample"
        if params["measure"] == "correlation":
            cov = covariance(x, y, True).answer
            mx, my = total(x) / n, total(y) / n
            raw = total([a * b for a, b in zip(x, y, strict=True)]) / (n - 1)
            vx = total([(a - mx) ** 2 for a in x]) / (n - 1)
            vy = total([(b - my) ** 2 for b in y]) / (n - 1)
            return {
                "covariance_as_correlation": cov,
                "no_centering": float(raw) / math.sqrt(vx * vy),
            }
        divisor = n - 1 if sample else n
        return {
            "no_centering": total([a * b for a, b in zip(x, y, strict=True)]) / divisor,
            "wrong_divisor": covariance(x, y, not sample).answer,
        }
