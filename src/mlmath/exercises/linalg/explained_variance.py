"""Skill: the share of the variance a principal direction carries, λₖ / trace C."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.explained_variance import principal_variances, variance_share
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, integer, shuffled
from mlmath.exercises.mistakes import Percent, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Eigenvalues and eigenvectors"

FEATURES = (
    ("height (cm)", "weight (kg)", "age (years)"),
    ("hours studied", "exam score", "hours slept"),
    ("house size (m²)", "price (k€)", "distance to centre (km)"),
    ("temperature (°C)", "ice-cream sales", "humidity (%)"),
    ("engine size (l)", "fuel use (l/100 km)", "top speed (km/h)"),
)
ORDINALS = {1: "first", 2: "second", 3: "third"}


def _positive_definite(c: Matrix) -> bool:
    n = c.shape[0]
    minors = [c[0, 0], c[0, 0] * c[1, 1] - c[0, 1] * c[1, 0]]
    if n == 3:
        from mlmath.engine.linalg.determinant import determinant

        minors.append(determinant(c))
    return all(m > 0 for m in minors)


def _square(k: Fraction) -> bool:
    if k < 0 or k.denominator != 1:
        return False
    r = int(k.numerator**0.5)
    return any((r + d) ** 2 == k.numerator for d in (-1, 0, 1))


@register
class ExplainedVariance(Skill):
    id = "linalg.explained_variance"
    title = "Share of variance of a principal direction"
    summary = (
        "Direction k carries λₖ/(λ₁ + … + λₙ) of the variance; the eigenvalues add to trace C."
    )
    levels = 3
    inputs = (
        Field(
            "covariance",
            "matrix",
            "a symmetric 2×2 or 3×3 covariance matrix",
            square=True,
            min_size=2,
            max_size=3,
        ),
        Field("component", "integer", "which principal direction, 1 for the largest", False, 1),
    )
    misconceptions = (
        Misconception(
            "feature_variance",
            "That is the share of one original feature, not of a principal direction",
            "The diagonal of C holds the variances along the axes (the features). The "
            "principal directions are C's eigenvectors, and their variances are its "
            "eigenvalues: divide an eigenvalue by the total.",
            TOPIC,
        ),
        Misconception(
            "eigenvalue_not_share",
            "The eigenvalue is the variance itself, not its share",
            "λₖ is the variance along direction k; its share divides by the total variance, "
            "λ₁ + … + λₙ = trace C.",
            TOPIC,
        ),
        Misconception(
            "divided_by_the_rest",
            "You divided by the other eigenvalues, not by all of them",
            "The share of direction k is λₖ over the TOTAL, λ₁ + … + λₙ, including λₖ itself; "
            "otherwise the shares do not add up to 1.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(FEATURES) - 1)
        while True:
            if level == 1:
                a, d, b = integer(rng, 1, 9), integer(rng, 1, 9), integer(rng, -4, 4)
                c = Matrix.of([[a, b], [b, d]])
                disc = Fraction((a - d) ** 2 + 4 * b * b)
                if b == 0 or a + d > 12 or not _square(disc):
                    continue
                component = 1
            elif level == 2:
                a, d, b = integer(rng, 1, 40), integer(rng, 1, 40), integer(rng, -20, 20)
                c = Matrix.of([[a, b], [b, d]])
                component = integer(rng, 1, 2)
                if b == 0:
                    continue
            else:
                a, d, b, f = (
                    integer(rng, 1, 40),
                    integer(rng, 1, 40),
                    integer(rng, -20, 20),
                    integer(rng, 1, 40),
                )
                c = shuffled(rng, Matrix.of([[a, b, 0], [b, d, 0], [0, 0, f]]))
                component = integer(rng, 1, 3)
                if b == 0:
                    continue
            if _positive_definite(c):
                return {"covariance": c, "component": component, "story": story}

    def prompt(self, params: Params) -> Prompt:
        c: Matrix = params["covariance"]
        n = c.shape[0]
        names = FEATURES[params.get("story", 0)][:n]
        k = params.get("component", 1)
        return (
            f"A data set records {', '.join(names[:-1])} and {names[-1]}. Its covariance matrix is",
            c,
            f"What share of the total variance does the {ORDINALS[k]} principal direction "
            "(PCA component) carry? Give it to 3 decimal places or as a percentage.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=3, percent_allowed=True)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Fraction | float]:
        return variance_share(params["covariance"], params.get("component") or 1)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Along a principal direction, how large is the variance? Which numbers of C are those?",
            "Find the eigenvalues of C; the total variance is their sum, which equals the sum "
            "of C's diagonal.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The share typed as a percentage without its sign."""
        return (Percent(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        c: Matrix = params["covariance"]
        n = c.shape[0]
        k = params.get("component") or 1
        values, _, _ = principal_variances(c)
        trace = float(sum(c[i, i] for i in range(n)))
        chosen = float(values[k - 1])
        diagonal = sorted((float(c[i, i]) for i in range(n)), reverse=True)
        answer = float(self.solve(params).answer)
        out = {
            "feature_variance": diagonal[k - 1] / trace,
            "eigenvalue_not_share": chosen,
            "divided_by_the_rest": chosen / (trace - chosen) if trace != chosen else None,
        }
        return {m: v for m, v in out.items() if v is not None and abs(v - answer) > 0.0015}
