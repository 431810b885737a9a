"""Skills: the z-score of a value, and the value at a given share of a normal distribution."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.standard_scores import SIDES, normal_quantile, quantile_z, z_score
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.distributions import normal_cdf
from mlmath.exercises.distribution_figures import distribution_step
from mlmath.exercises.figures import drawable, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, Slip
from mlmath.exercises.probability.variants import NAMES, W1_RANDOM_VARIABLES, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Continuous random variables: Gaussian distribution"
STORIES = (
    ("Adult heights in a town", "cm", "{name} is {x} cm tall"),
    ("Scores on an exam", "points", "{name} scored {x} points"),
    ("Weights of loaves from a bakery", "g", "{name}'s loaf weighs {x} g"),
    ("Daily commute times", "minutes", "{name}'s commute took {x} minutes"),
    ("Battery lives of a phone model", "hours", "{name}'s battery lasted {x} hours"),
)


def _distribution(params: Params) -> str:
    what, unit, _ = STORIES[params.get("story", 0)]
    return (
        f"{what} follow a normal distribution with mean μ = {params['mean']} {unit} and "
        f"standard deviation σ = {params['sd']} {unit}"
    )


@register
class ZScore(Skill):
    id = "probability.z_score"
    title = "z-scores"
    summary = "z = (x − μ)/σ: how many standard deviations a value lies from the mean."
    levels = 3
    inputs = (
        Field("x", "number", "the value"),
        Field("mean", "number", "the mean μ"),
        Field("sd", "number", "the standard deviation σ (not the variance)"),
    )
    misconceptions = (
        Misconception(
            "divided_by_variance",
            "You divided by the variance instead of the standard deviation",
            "z = (x − μ)/σ uses σ, the square root of the variance. N(μ, σ²) lists the "
            "variance second: take its square root first.",
            TOPIC,
        ),
        Misconception(
            "reversed_difference",
            "The difference is x − μ, not μ − x",
            "A value above the mean has a positive z-score, one below it a negative z-score: "
            "subtract the mean FROM the value.",
            TOPIC,
        ),
        Misconception(
            "not_centred",
            "The mean was not subtracted first",
            "x/σ measures x from 0, not from the centre of the distribution. Subtract μ, then "
            "divide by σ.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        mean = integer(rng, 20, 200)
        sd = integer(rng, 2, 20) if level > 1 else pick(rng, (2, 4, 5, 10))
        if level == 1:
            z = Fraction(integer(rng, -6, 6), 2)
        elif level == 2:
            z = Fraction(integer(rng, -30, 30), 10)
        else:
            z = Fraction(integer(rng, -300, 300), 100)
            mean = integer(rng, 20, 2000)
        x = mean + z * sd
        if level == 3:
            x = Fraction(round(x * 10), 10)
        if x == mean:
            x += sd
        return {
            "x": x,
            "mean": Fraction(mean),
            "sd": Fraction(sd),
            "story": story,
            "name": pick(rng, NAMES),
        }

    def prompt(self, params: Params) -> Prompt:
        _, _, person = STORIES[params.get("story", 0)]
        x = params["x"]
        shown = f"{float(x):g}" if x.denominator != 1 else str(x)
        return (
            f"{_distribution(params)}. {person.format(name=params.get('name', 'Ana'), x=shown)}. "
            "What is the z-score? Give it exactly or to 2 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def check_inputs(self, params: Params) -> None:
        if params["sd"] <= 0:
            raise InputError("sd: the standard deviation must be positive")

    def solve(self, params: Params) -> Solution[Fraction]:
        return z_score(params["x"], params["mean"], params["sd"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How far is the value from the mean, and how big is one standard deviation?",
            "z = (x − μ)/σ.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The difference not divided by σ, and the sign."""
        x, mean, sd = params["x"], params["mean"], params["sd"]
        return (Division(x - mean, sd, f"σ = {sd}"),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        x, mean, sd = params["x"], params["mean"], params["sd"]
        return {
            "divided_by_variance": (x - mean) / (sd * sd),
            "reversed_difference": (mean - x) / sd,
            "not_centred": x / sd,
        }


@register
class NormalQuantile(Skill):
    id = "probability.normal_quantile"
    title = "Normal quantiles"
    summary = "The value with a share p below it: x = μ + z·σ with z = Φ⁻¹(p)."
    levels = 3
    inputs = (
        Field("mean", "number", "the mean μ"),
        Field("sd", "number", "the standard deviation σ"),
        Field("p", "number", "the share of the distribution, between 0 and 1"),
        Field(
            "side",
            "choice",
            "the share lies below or above the value",
            False,
            "below",
            choices=SIDES,
        ),
    )
    misconceptions = (
        Misconception(
            "wrong_side",
            "The share was put on the wrong side of the value",
            "Φ⁻¹(p) gives the value with p BELOW it. For the top 10 %, 90 % lies below: use "
            "Φ⁻¹(0.9), not Φ⁻¹(0.1).",
            TOPIC,
        ),
        Misconception(
            "z_not_x",
            "That is z, in standard units; the question asks for the value itself",
            "Φ⁻¹(p) gives z. Turn it back into the original units: x = μ + z·σ.",
            TOPIC,
        ),
        Misconception(
            "variance_for_sd",
            "z multiplies σ, not σ²",
            "x = μ + z·σ: one standard deviation, the square root of the variance, is the unit "
            "that z counts.",
            TOPIC,
        ),
        Misconception(
            "mean_not_added",
            "You gave z·σ without adding the mean",
            "z·σ is only how far the value lies from the mean. Start from the centre: x = μ + z·σ.",
            TOPIC,
        ),
        Misconception(
            "table_read_forward",
            "You read the normal table forwards, Φ(share), instead of finding the z with that area",
            "Φ turns a z into an area. Here the area is given, so read the table backwards: "
            "find the z with Φ(z) equal to the share below the value, then x = μ + z·σ.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        if level == 1:
            p = pick(
                rng,
                (
                    Fraction(1, 2),
                    Fraction(84, 100),
                    Fraction(16, 100),
                    Fraction(975, 1000),
                    Fraction(25, 1000),
                ),
            )
            side = "below"
        else:
            p = (
                Fraction(integer(rng, 1, 99), 100)
                if level == 2
                else Fraction(integer(rng, 1, 999), 1000)
            )
            side = pick(rng, SIDES)
        mean = integer(rng, 20, 200) if level < 3 else integer(rng, 20, 2000)
        sd = integer(rng, 2, 20)
        return {"mean": Fraction(mean), "sd": Fraction(sd), "p": p, "side": side, "story": story}

    def prompt(self, params: Params) -> Prompt:
        p, side = params["p"], params.get("side") or "below"
        share = f"{float(p) * 100:g} %"
        where = "below" if side == "below" else "above"
        return (
            f"{_distribution(params)}. Which value has {share} of the distribution {where} it? "
            "Give it to 2 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        # z read from a table to 2 decimals moves x by up to 0.005σ
        return AnswerFormat(Kind.NUMBER, decimals=2, absolute_tolerance=0.006 * float(params["sd"]))

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[float]:
        return normal_quantile(
            params["mean"], params["sd"], params["p"], params.get("side") or "below"
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which z has the asked share of the standard normal on the correct side of it?",
            "Φ⁻¹ gives the z with a share to its LEFT; then x = μ + z·σ.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mean, sd, p = float(params["mean"]), float(params["sd"]), params["p"]
        side = params.get("side") or "below"
        z = quantile_z(p, side)
        other = "above" if side == "below" else "below"
        below = float(p) if side == "below" else 1 - float(p)
        return {
            "wrong_side": mean + quantile_z(p, other) * sd,
            "z_not_x": z,
            "variance_for_sd": mean + z * sd * sd,
            "mean_not_added": z * sd,
            "table_read_forward": mean + normal_cdf(below) * sd,
        }

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        mean, sd = params["mean"], params["sd"]
        x = self.solve(params).answer
        side = params.get("side") or "below"
        ends = {"b": round(x, 2)} if side == "below" else {"a": round(x, 2)}
        return drawable(
            {
                "kind": "distribution",
                "params": {
                    "family": "normal",
                    "mean": number(mean),
                    "sd": number(sd),
                    **ends,
                    "shade": side,
                    "step": distribution_step(float(sd)),
                },
                "caption": "The shaded area is the asked share; its edge is the value. Move the "
                "edge and watch the area change.",
                "alt": f"A bell curve centred at {mean}, the asked share shaded {side} the answer.",
                "after_answer": True,
            }
        )
