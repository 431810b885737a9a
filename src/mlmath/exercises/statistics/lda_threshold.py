"""Skill: the decision threshold of linear discriminant analysis in one dimension."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.notation import given_percent_text
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.likelihood import lda_threshold
from mlmath.exercises.inputs import Field
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import W3_LIKELIHOOD, StatisticsSkill, decimals, integer

TOPIC = f"{W3_LIKELIHOOD} · ML motivation example: Linear Discriminant Analysis"
STORIES = (
    ("Two species of fish, A and B, differ in length", "cm", "length"),
    ("Genuine and forged banknotes (A and B) differ in thickness", "µm", "thickness"),
    ("Two apple varieties, A and B, differ in weight", "g", "weight"),
)


@register
class LdaThreshold(StatisticsSkill):
    id = "statistics.lda_threshold"
    title = "LDA decision threshold"
    summary = "Two Gaussian classes with one σ: x* = (μA + μB)/2 + σ²·ln(πA/πB)/(μB − μA)."
    levels = 3
    inputs = (
        Field("mean_a", "number", "the mean of class A"),
        Field("mean_b", "number", "the mean of class B"),
        Field("sd", "number", "the standard deviation shared by both classes"),
        Field("prior_a", "number", "the share of class A (its prior)", False, 0.5),
    )
    misconceptions = (
        Misconception(
            "half_gap",
            "You halved the gap between the means",
            "The threshold is a position: the midpoint (μA + μB)/2, not (μB − μA)/2.",
            TOPIC,
        ),
        Misconception(
            "ignored_priors",
            "You ignored the priors",
            "When one class is more common, the boundary moves away from it: the term "
            "σ²·ln(πA/πB)/(μB − μA) shifts the midpoint.",
            TOPIC,
        ),
        Misconception(
            "swapped_priors",
            "You moved the boundary the wrong way",
            "A more common class A claims more of the line: the boundary moves towards B. "
            "Use ln(πA/πB), with A's prior on top.",
            TOPIC,
        ),
        Misconception(
            "sd_for_variance",
            "You used σ where σ² belongs",
            "The squares x²/(2σ²) cancel but the shift keeps σ²: multiply ln(πA/πB) by σ².",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        mean_a = integer(rng, 20, 120)
        mean_b = mean_a + 2 * integer(rng, 2, 15)
        sd = integer(rng, 2, 8)
        if level == 1:
            return {"mean_a": mean_a, "mean_b": mean_b, "sd": sd, "prior_a": 0.5, "story": story}
        prior_a = integer(rng, 10, 90) / 100 if level == 3 else integer(rng, 2, 8) / 10
        if prior_a == 0.5:
            prior_a = 0.7
        return {
            "mean_a": mean_a,
            "mean_b": mean_b,
            "sd": sd,
            "prior_a": prior_a,
            "story": story,
            "variance_given": level == 3,
        }

    def prompt(self, params: Params) -> Prompt:
        what, unit, feature = STORIES[params.get("story", 0)]
        sd = float(params["sd"])
        spread = (
            f"both with variance σ² = {sd * sd:g} {unit}²"
            if params.get("variance_given")
            else f"both with standard deviation σ = {sd:g} {unit}"
        )
        prior = float(params.get("prior_a") or 0.5)
        share = (
            "The two classes are equally common."
            if prior == 0.5
            else f"{given_percent_text(prior)} of the items are A."
        )
        return (
            f"{what}: A is normal with mean {float(params['mean_a']):g} {unit}, B with mean "
            f"{float(params['mean_b']):g} {unit}, {spread}. {share} LDA classifies an item by "
            f"the larger prior × density. At which {feature} x* do the two classes tie? Give "
            "it to 2 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(2)

    def solve(self, params: Params) -> Solution[float]:
        return lda_threshold(
            float(params["mean_a"]),
            float(params["mean_b"]),
            float(params["sd"]),
            float(params.get("prior_a") or 0.5),
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "With equal priors and one σ, where would the two bell curves cross?",
            "Set ln πA − (x − μA)²/(2σ²) = ln πB − (x − μB)²/(2σ²) and solve for x.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a, b, sd = float(params["mean_a"]), float(params["mean_b"]), float(params["sd"])
        prior = float(params.get("prior_a") or 0.5)
        middle = (a + b) / 2
        log_ratio = math.log(prior / (1 - prior))
        out: dict[str, Any] = {"half_gap": (b - a) / 2}
        if prior != 0.5:
            out["ignored_priors"] = middle
            out["swapped_priors"] = middle - sd * sd * log_ratio / (b - a)
            out["sd_for_variance"] = middle + sd * log_ratio / (b - a)
        return out
