"""Skill: Gaussian probabilities by standardising to z and reading Φ."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.continuous import (
    normal_probability,
    standard_normal_cdf,
    standard_normal_pdf,
)
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.distribution_figures import distribution_step
from mlmath.exercises.figures import drawable, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OtherQuantity, Percent, Slip
from mlmath.exercises.probability.variants import W1_RANDOM_VARIABLES, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Continuous random variables: Gaussian distribution"
STORIES = (
    ("Adult heights in a town", "cm"),
    ("Scores on an exam", "points"),
    ("Weights of loaves from a bakery", "g"),
    ("Daily commute times", "minutes"),
    ("Battery lives of a phone model", "hours"),
)


def _number(x: Fraction | None) -> float | None:
    return None if x is None else float(x)


def _probability(mean: float, sd: float, lower: float | None, upper: float | None) -> float:
    hi = 1.0 if upper is None else standard_normal_cdf((upper - mean) / sd)
    lo = 0.0 if lower is None else standard_normal_cdf((lower - mean) / sd)
    return hi - lo


@register
class NormalProbability(Skill):
    id = "probability.normal_probability"
    title = "Gaussian probabilities"
    summary = "Standardise, z = (x − μ)/σ, and read the standard normal CDF Φ(z)."
    levels = 3
    inputs = (
        Field("mean", "number", "the mean μ"),
        Field("sd", "number", "the standard deviation σ (not the variance)"),
        Field(
            "lower",
            "number",
            "the lower end of the interval (leave out for P(X ≤ upper))",
            required=False,
        ),
        Field(
            "upper",
            "number",
            "the upper end of the interval (leave out for P(X ≥ lower))",
            required=False,
        ),
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
            "wrong_tail",
            "You gave the area on the wrong side",
            "Φ(z) is the area to the LEFT of z, P(X ≤ x). For P(X ≥ x) take 1 − Φ(z).",
            TOPIC,
        ),
        Misconception(
            "density_as_probability",
            "You gave the height of the density curve",
            "For a continuous variable a probability is an area under the density, not its "
            "height at one point; P(X = x) is 0.",
            TOPIC,
        ),
        Misconception(
            "forgot_lower_end",
            "You forgot to subtract the area below the lower end",
            "P(a ≤ X ≤ b) = Φ(z_b) − Φ(z_a): the area up to b minus the area up to a.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        mean = integer(rng, 20, 200)
        sd = integer(rng, 3, 25)
        if level == 1:
            x = mean + pick(rng, (-2, -1, 1, 2)) * sd
            return {
                "mean": Fraction(mean),
                "sd": Fraction(sd),
                "lower": None,
                "upper": Fraction(x),
                "story": story,
            }
        offset = integer(rng, 1, 5 * sd // 2) * pick(rng, (-1, 1))
        x = mean + offset
        if level == 2:
            lower, upper = (Fraction(x), None) if rng.random() < 0.5 else (None, Fraction(x))
        else:
            a = mean - integer(rng, 0, 2 * sd)
            b = mean + integer(rng, 1, 2 * sd)
            lower, upper = Fraction(a), Fraction(b)
        return {
            "mean": Fraction(mean),
            "sd": Fraction(sd),
            "lower": lower,
            "upper": upper,
            "story": story,
            "notation": level == 3,
        }

    def prompt(self, params: Params) -> Prompt:
        what, unit = STORIES[params.get("story", 0)]
        mean, sd = params["mean"], params["sd"]
        if params.get("notation"):
            dist = (
                f"are modelled as X ~ N({mean}, {sd * sd}) (mean {mean} {unit}, variance {sd * sd})"
            )
        else:
            dist = f"are normal with mean {mean} {unit} and standard deviation {sd} {unit}"
        lower, upper = params.get("lower"), params.get("upper")
        if lower is None:
            asked = f"P(X ≤ {upper})"
        elif upper is None:
            asked = f"P(X ≥ {lower})"
        else:
            asked = f"P({lower} ≤ X ≤ {upper})"
        return (
            f"{what} {dist}. For one picked at random, what is {asked}? Give it to 3 "
            "decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=3, absolute_tolerance=0.002, percent_allowed=True)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[float]:
        return normal_probability(
            float(params["mean"]),
            float(params["sd"]),
            _number(params.get("lower")),
            _number(params.get("upper")),
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        lower, upper = params.get("lower"), params.get("upper")
        if lower is None and upper is None:
            return None
        sd = params["sd"]
        ends = {} if lower is None else {"a": number(lower)}
        if upper is not None:
            ends["b"] = number(upper)
        shade = "between" if len(ends) == 2 else "below" if lower is None else "above"
        return drawable(
            {
                "kind": "distribution",
                "params": {
                    "family": "normal",
                    "mean": number(params["mean"]),
                    "sd": number(sd),
                    **ends,
                    "shade": shade,
                    "step": 1 if 2 <= sd <= 40 else distribution_step(float(sd)),
                },
                "caption": "The shaded area is the probability asked for, with each end in "
                "standard units (z). Move the ends and watch the area and z change.",
                "alt": f"A bell curve centred at {params['mean']} with standard deviation {sd}, "
                "the asked interval shaded.",
                "after_answer": True,
            }
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How many standard deviations from the mean is each end of the interval?",
            "z = (x − μ)/σ. Φ(z) is the area to the left of z; which area is asked?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The z-score for the probability, the percentage typed as a plain number."""
        mean, sd = float(params["mean"]), float(params["sd"])
        lower, upper = _number(params.get("lower")), _number(params.get("upper"))
        slips: list[Slip] = [Percent()]
        if lower is None or upper is None:
            x = upper if lower is None else lower
            assert x is not None
            z = (x - mean) / sd
            slips.append(
                OtherQuantity(
                    z,
                    "the z-score",
                    "a probability",
                    "look up the area for it under the standard normal curve.",
                    True,
                    places=2,
                )
            )
        return slips

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        mean, sd = float(params["mean"]), float(params["sd"])
        lower, upper = _number(params.get("lower")), _number(params.get("upper"))
        out: dict[str, Any] = {
            "divided_by_variance": _probability(mean, sd * sd, lower, upper),
        }
        if lower is None or upper is None:
            x = upper if lower is None else lower
            assert x is not None
            out["wrong_tail"] = 1 - self.solve(params).answer
            out["density_as_probability"] = standard_normal_pdf((x - mean) / sd) / sd
        else:
            out["forgot_lower_end"] = standard_normal_cdf((upper - mean) / sd)
        return out
