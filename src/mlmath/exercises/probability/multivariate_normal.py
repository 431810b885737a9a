"""Skill: reading a 2-D normal distribution from its mean vector and covariance matrix."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.probability.continuous import standard_normal_cdf
from mlmath.engine.probability.multivariate import mvn_correlation, mvn_marginal_probability
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import W2_RANDOM_VECTORS, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W2_RANDOM_VECTORS} · Multivariate normal distribution"
ASKED = ("correlation", "P(X1 <= x)", "P(X2 <= x)")
STORIES = (
    ("height (cm)", "weight (kg)", 170, 70),
    ("maths score", "physics score", 60, 55),
    ("daily temperature (°C)", "electricity use (kWh)", 15, 30),
    ("sepal length (mm)", "petal length (mm)", 58, 37),
)


@register
class MultivariateNormal(Skill):
    id = "probability.multivariate_normal"
    title = "The multivariate normal distribution"
    summary = "N(μ, Σ): μ is the centre, Σ's diagonal the variances, its off-diagonal the "
    "covariance."
    levels = 3
    inputs = (
        Field("mean", "vector", "the mean vector μ (2 entries)", min_size=2, max_size=2),
        Field(
            "covariance",
            "matrix",
            "the 2×2 covariance matrix Σ",
            square=True,
            min_size=2,
            max_size=2,
        ),
        Field("asked", "choice", "what is asked", choices=ASKED),
        Field("x", "number", "the point for P(Xi <= x)", required=False),
    )
    misconceptions = (
        Misconception(
            "covariance_as_correlation",
            "You gave the covariance as the correlation",
            "ρ = Σ₁₂ / √(Σ₁₁·Σ₂₂): divide the covariance by both standard deviations.",
            TOPIC,
        ),
        Misconception(
            "divided_by_variance",
            "You standardised with the variance instead of the standard deviation",
            "The diagonal entry Σᵢᵢ is a variance: z = (x − μᵢ)/√Σᵢᵢ.",
            TOPIC,
        ),
        Misconception(
            "wrong_diagonal",
            "You used the other variable's variance",
            "Σ₁₁ (top left) belongs to X₁, Σ₂₂ (bottom right) to X₂.",
            TOPIC,
        ),
        Misconception(
            "forgot_square_roots",
            "You divided the covariance by the product of the variances",
            "Divide by the product of the standard deviations, √(Σ₁₁·Σ₂₂).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                s1, s2 = pick(rng, (1, 2, 3, 4)), pick(rng, (1, 2, 3, 4))
                rho = pick(
                    rng,
                    (
                        Fraction(1, 2),
                        Fraction(-1, 2),
                        Fraction(1, 4),
                        Fraction(3, 4),
                        Fraction(-1, 4),
                    ),
                )
                cov = rho * s1 * s2
                v1, v2 = s1 * s1, s2 * s2
                asked = "correlation"
            else:
                v1, v2 = integer(rng, 2, 60), integer(rng, 2, 60)
                bound = math.isqrt(v1 * v2 - 1)
                cov = Fraction(integer(rng, -bound, bound))
                asked = pick(rng, ASKED) if level == 3 else pick(rng, ASKED[1:])
            if cov == 0 or v1 * v2 - cov * cov <= 0 or v1 == v2:
                continue
            story = integer(rng, 0, len(STORIES) - 1)
            _, _, base1, base2 = STORIES[story]
            mean = Vector(
                (Fraction(base1 + integer(rng, -12, 12)), Fraction(base2 + integer(rng, -12, 12)))
            )
            index = 1 if asked == "P(X1 <= x)" else 2
            sd = math.sqrt(v1 if index == 1 else v2)
            x = (
                None
                if asked == "correlation"
                else Fraction(round(float(mean[index - 1]) + integer(rng, -20, 20) / 10 * sd))
            )
            return {
                "mean": mean,
                "covariance": Matrix.of([[v1, cov], [cov, v2]]),
                "asked": asked,
                "x": x,
                "story": story,
            }

    def prompt(self, params: Params) -> Prompt:
        a, b, _, _ = STORIES[params.get("story", 0)]
        mean: Vector = params["mean"]
        if params["asked"] == "correlation":
            question = "What is the correlation between X₁ and X₂?"
        else:
            i = 1 if params["asked"] == "P(X1 <= x)" else 2
            question = (
                f"What is P(X{'₁' if i == 1 else '₂'} ≤ {params['x']})? Give it to 3 "
                "decimal places."
            )
        return (
            f"X₁ = {a} and X₂ = {b} follow a 2-D normal distribution with mean "
            f"μ = ({mean[0]}, {mean[1]}) and covariance matrix",
            params["covariance"],
            question,
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if params["asked"] == "correlation":
            return AnswerFormat(Kind.NUMBER, decimals=3)
        return AnswerFormat(Kind.NUMBER, decimals=3, absolute_tolerance=0.002, percent_allowed=True)

    def check_inputs(self, params: Params) -> None:
        if params["asked"] != "correlation" and params.get("x") is None:
            raise InputError("x: give the point x for a probability")
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Any]:
        if params["asked"] == "correlation":
            return mvn_correlation(params["covariance"])
        index = 1 if params["asked"] == "P(X1 <= x)" else 2
        return mvn_marginal_probability(
            params["mean"], params["covariance"], index, float(params["x"])
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which entries of Σ are variances and which is the covariance?",
            "Correlation: Σ₁₂/√(Σ₁₁Σ₂₂). A probability about one variable: that variable "
            "alone is normal with its own mean and variance.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """For a probability: the other tail, the percentage."""
        if params["asked"] == "correlation":
            return ()
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        sigma: Matrix = params["covariance"]
        (v1, c), (_, v2) = sigma.rows
        if params["asked"] == "correlation":
            return {"covariance_as_correlation": c, "forgot_square_roots": c / (v1 * v2)}
        index = 1 if params["asked"] == "P(X1 <= x)" else 2
        mu = float(params["mean"][index - 1])
        x = float(params["x"])
        var, other = (v1, v2) if index == 1 else (v2, v1)
        return {
            "divided_by_variance": standard_normal_cdf((x - mu) / float(var)),
            "wrong_diagonal": standard_normal_cdf((x - mu) / math.sqrt(other)),
        }
