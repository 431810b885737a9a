"""Skill: the mean and standard deviation of a sum or difference of independent normals."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.normal_sums import OPERATIONS, normal_combination
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OtherQuantity, Slip, Spread
from mlmath.exercises.probability.variants import NAMES, W1_RANDOM_VARIABLES, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Continuous random variables: Gaussian distribution"
ASKED = ("mean", "sd")

STORIES = {
    "sum": (
        (
            "{name}'s commute is a bus ride X ~ N({mx}, {sx}²) minutes and then a walk Y ~ "
            "N({my}, {sy}²) minutes",
            "the total time X + Y",
        ),
        (
            "A parcel is a box X ~ N({mx}, {sx}²) g holding a book Y ~ N({my}, {sy}²) g",
            "the parcel's weight X + Y",
        ),
        (
            "Two rods of lengths X ~ N({mx}, {sx}²) mm and Y ~ N({my}, {sy}²) mm are joined end "
            "to end",
            "the total length X + Y",
        ),
    ),
    "difference": (
        (
            "Men's heights are X ~ N({mx}, {sx}²) cm and women's Y ~ N({my}, {sy}²) cm; one man "
            "and one woman are picked at random",
            "the difference X − Y",
        ),
        (
            "A bolt's diameter is Y ~ N({my}, {sy}²) mm and the hole's is X ~ N({mx}, {sx}²) mm",
            "the clearance X − Y",
        ),
        (
            "{name} scores X ~ N({mx}, {sx}²) points in a game and a rival Y ~ N({my}, {sy}²), "
            "independently",
            "the margin X − Y",
        ),
    ),
}
PYTHAGOREAN = ((3, 4), (6, 8), (5, 12), (8, 15), (9, 12), (12, 16), (7, 24), (20, 21), (12, 35))


@register
class NormalSum(Skill):
    id = "probability.normal_sum"
    title = "Sums and differences of independent normals"
    summary = "X ± Y ~ N(μ_X ± μ_Y, σ_X² + σ_Y²): means add or subtract, variances always add."
    levels = 3
    inputs = (
        Field("mean_x", "number", "the mean of X"),
        Field("sd_x", "number", "the standard deviation of X"),
        Field("mean_y", "number", "the mean of Y"),
        Field("sd_y", "number", "the standard deviation of Y"),
        Field("operation", "choice", "X + Y (sum) or X − Y (difference)", choices=OPERATIONS),
        Field("asked", "choice", "its mean or its standard deviation", False, "sd", choices=ASKED),
    )
    misconceptions = (
        Misconception(
            "added_sds",
            "Standard deviations do not add; variances do",
            "For independent X and Y, Var(X ± Y) = σ_X² + σ_Y². Square, add, then take the "
            "square root: σ = 3 and 4 give √25 = 5, not 7.",
            TOPIC,
        ),
        Misconception(
            "subtracted_variances",
            "A difference adds the variances too",
            "Subtracting Y does not remove its uncertainty, it adds it: Var(X − Y) = σ_X² + "
            "σ_Y², never σ_X² − σ_Y².",
            TOPIC,
        ),
        Misconception(
            "no_square_root",
            "That is the variance; the standard deviation is its square root",
            "σ_X² + σ_Y² is the variance of the sum. The standard deviation asked for is "
            "√(σ_X² + σ_Y²).",
            TOPIC,
        ),
        Misconception(
            "added_means_of_difference",
            "The mean of X − Y is μ_X − μ_Y",
            "Means follow the operation: E[X − Y] = E[X] − E[Y]. Only the variances always add.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        operation = pick(rng, OPERATIONS)
        asked = "sd" if level == 1 else pick(rng, ("sd", "sd", "mean"))
        if level == 1:
            a, b = pick(rng, PYTHAGOREAN[:4])
            scale = 1
        elif level == 2:
            a, b = pick(rng, PYTHAGOREAN)
            scale = integer(rng, 1, 3)
        else:
            a, b, scale = integer(rng, 2, 40), integer(rng, 2, 40), 1
        if integer(rng, 0, 1):
            a, b = b, a
        spread = max(a, b) * scale
        mean_y = integer(rng, 3 * spread, 3 * spread + 200)
        if operation == "difference":
            mean_x = mean_y + integer(rng, 1, 60)
        else:
            mean_x = integer(rng, 3 * spread, 3 * spread + 200)
        return {
            "mean_x": Fraction(mean_x),
            "sd_x": Fraction(a * scale),
            "mean_y": Fraction(mean_y),
            "sd_y": Fraction(b * scale),
            "operation": operation,
            "asked": asked,
            "story": integer(rng, 0, 2),
            "name": pick(rng, NAMES),
        }

    def prompt(self, params: Params) -> Prompt:
        operation = params["operation"]
        setting, target = STORIES[operation][params.get("story", 0) % 3]
        setting = setting.format(
            name=params.get("name", "Ana"),
            mx=params["mean_x"],
            sx=params["sd_x"],
            my=params["mean_y"],
            sy=params["sd_y"],
        )
        asked = params.get("asked") or "sd"
        what = "mean" if asked == "mean" else "standard deviation"
        tail = "" if asked == "mean" else " Give it exactly or to 2 decimal places."
        return (f"{setting}, independently. What is the {what} of {target}?{tail}",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def check_inputs(self, params: Params) -> None:
        if params["sd_x"] <= 0 or params["sd_y"] <= 0:
            raise InputError("the standard deviations must be positive")

    def solve(self, params: Params) -> Solution[Fraction | float]:
        return normal_combination(
            params["mean_x"],
            params["sd_x"],
            params["mean_y"],
            params["sd_y"],
            params["operation"],
            params.get("asked") or "sd",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        if (params.get("asked") or "sd") == "mean":
            return (
                "How do averages behave when you add or subtract two quantities?",
                "E[X ± Y] = E[X] ± E[Y].",
            )
        return (
            "Which of σ and σ² adds up for independent variables?",
            "Square both standard deviations, add them (also for a difference), and take the "
            "square root.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The mean for the standard deviation, and the variance for it."""
        if (params.get("asked") or "sd") == "mean":
            return ()
        mx, my = params["mean_x"], params["mean_y"]
        mean = mx + my if params["operation"] == "sum" else mx - my
        return (
            Spread(sd=True),
            OtherQuantity(
                mean,
                "the mean",
                "the standard deviation",
                "add the variances, then take the square root.",
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mx, sx, my, sy = params["mean_x"], params["sd_x"], params["mean_y"], params["sd_y"]
        if (params.get("asked") or "sd") == "mean":
            return (
                {"added_means_of_difference": mx + my}
                if params["operation"] == "difference"
                else {}
            )
        out: dict[str, Any] = {"added_sds": sx + sy, "no_square_root": sx * sx + sy * sy}
        if params["operation"] == "difference" and sx != sy:
            out["subtracted_variances"] = math.sqrt(abs(float(sx * sx - sy * sy)))
        return out
