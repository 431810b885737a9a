"""Skill: the chi-squared distribution — a sum of squared standard normals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.continuous import chi_squared, chi_squared_cdf
from mlmath.engine.probability.notation import real_latex, real_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, Spread, probability_slips
from mlmath.exercises.probability.variants import W1_RANDOM_VARIABLES, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Continuous random variables: Chi squared distribution"
ASKED = ("mean", "variance", "P(X <= x)", "P(X > x)")
STORIES = (
    "A dart lands at a point whose horizontal and vertical errors are independent standard normals",
    "A sensor's errors on independent channels are standard normal",
    "The standardised residuals of a model are independent standard normals",
    "The measurement errors of a lab's instruments are independent standard normals",
    "The noise values added to an image's pixels are independent standard normals",
    "The daily forecast errors of a weather model are independent standard normals",
)


@register
class ChiSquared(Skill):
    id = "probability.chi_squared"
    title = "The chi-squared distribution"
    summary = "χ²ₖ = Z₁² + … + Zₖ²: mean k, variance 2k, probabilities from its CDF."
    levels = 3
    inputs = (
        Field("k", "integer", "the degrees of freedom"),
        Field("asked", "choice", "what is asked", choices=ASKED),
        Field("x", "number", "the point for P(X <= x)", required=False),
    )
    misconceptions = (
        Misconception(
            "mean_zero",
            "You gave the mean of Z, not of Z²",
            "Each Z has mean 0, but Z² is never negative: E[Z²] = Var(Z) = 1, so the sum of "
            "k squares has mean k.",
            TOPIC,
        ),
        Misconception(
            "variance_is_k",
            "You gave the mean as the variance",
            "The mean of χ²ₖ is k; its variance is 2k (each Z² has variance 2).",
            TOPIC,
        ),
        Misconception(
            "wrong_tail",
            "You gave the upper tail",
            "The CDF F(x) = P(X ≤ x) is the area to the left of x; 1 − F(x) = P(X > x) is "
            "the area to the right.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        if level == 1:
            return {"k": integer(rng, 1, 12), "asked": "mean", "x": None, "story": story}
        if level == 2:
            return {
                "k": integer(rng, 1, 40),
                "asked": pick(rng, ("mean", "variance")),
                "x": None,
                "story": story,
            }
        asked = pick(rng, ASKED[2:])
        k = integer(rng, 1, 40)
        x = Fraction(integer(rng, 5 * k, 300 * k + 1500), 100)
        return {"k": k, "asked": asked, "x": x, "story": story}

    def prompt(self, params: Params) -> Prompt:
        k = params["k"]
        story = STORIES[params.get("story", 0)]
        base = (
            f"{story}. X is the sum of the squares of {k} of them, so X has a "
            f"chi-squared distribution with {k} degree{'s' if k > 1 else ''} of freedom."
        )
        if params["asked"] == "mean":
            return (f"{base} What is E[X]?",)
        if params["asked"] == "variance":
            return (f"{base} What is Var(X)?",)
        sign = "≤" if params["asked"] == "P(X <= x)" else ">"
        return (f"{base} What is P(X {sign} {float(params['x']):g})? Give it to 3 decimal places.",)

    def answer_format(self, params: Params) -> AnswerFormat:
        if params["asked"] in ASKED[2:]:
            return AnswerFormat(Kind.NUMBER, decimals=3, percent_allowed=True)
        return AnswerFormat(Kind.NUMBER)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[float | Fraction]:
        x = params.get("x")
        if params["asked"] == "P(X > x)":
            below = chi_squared(params["k"], "P(X <= x)", None if x is None else float(x))
            p = 1 - float(below.answer)
            return Solution(
                p,
                (
                    *below.steps,
                    Step(
                        "P(X > x) is the area to the right: 1 minus the CDF",
                        Formula(
                            rf"1 - {real_latex(float(below.answer))} = {real_latex(p)}",
                            f"1 − {real_text(float(below.answer))} = {real_text(p)}",
                        ),
                    ),
                ),
            )
        return chi_squared(params["k"], params["asked"], None if x is None else float(x))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What is E[Z²] for one standard normal Z? (Hint: Var(Z) = E[Z²] − (E[Z])².)",
            "Means add; for independent terms variances add too. For a probability, use the "
            "chi-squared CDF (a table, or scipy.stats.chi2.cdf).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """For the variance, the standard deviation; for a probability, the complement."""
        asked = params["asked"]
        if asked == "variance":
            return (Spread(sd=False),)
        if asked == "mean":
            return ()
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        k, asked = params["k"], params["asked"]
        if asked == "mean":
            return {"mean_zero": Fraction(0)}
        if asked == "variance":
            return {"variance_is_k": Fraction(k)}
        below = chi_squared_cdf(k, float(params["x"]))
        return {"wrong_tail": 1 - below if asked == "P(X <= x)" else below}
