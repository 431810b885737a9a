"""Skill: the margin of error of a mean or a proportion."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.distributions import normal_quantile
from mlmath.engine.statistics.intervals import margin_of_error, proportion_margin
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Critical, Slip, StandardError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    StatisticsSkill,
    apart,
    confidence_text,
    decimals,
    integer,
    pick,
)

TOPIC = f"{W4_INTERVALS} · Margin of error"
STORIES = (
    ("the mean height of a city's adults", "cm"),
    ("the mean time users spend on an app per day", "minutes"),
    ("the mean weight of a bakery's loaves", "g"),
)

POLLS = (
    "voters, a share p̂ = {p:g} back a new park",
    "customers, a share p̂ = {p:g} would recommend the shop",
    "students, a share p̂ = {p:g} walk to school",
)


@register
class MarginOfError(StatisticsSkill):
    id = "statistics.margin_of_error"
    title = "Margin of error"
    summary = "E = z*·σ/√n for a mean with known σ; E = z*·√(p̂(1 − p̂)/n) for a proportion."
    levels = 3
    inputs = (
        Field("n", "integer", "the sample size"),
        Field("confidence", "number", "the confidence level, like 0.95"),
        Field("sd", "number", "the population standard deviation σ (for a mean)", False),
        Field("proportion", "number", "the sample proportion p̂ (for a proportion)", False),
    )
    misconceptions = (
        Misconception(
            "forgot_root",
            "You divided by n instead of √n",
            "The standard error is σ/√n: the square root applies to n.",
            TOPIC,
        ),
        Misconception(
            "no_standard_error",
            "You multiplied z* by the spread of single values",
            "The margin uses the spread of the ESTIMATE, the standard error, which shrinks "
            "with the sample size.",
            TOPIC,
        ),
        Misconception(
            "one_sided_critical",
            "You used a one-sided critical value",
            "A two-sided interval leaves (1 − C)/2 in EACH tail: for 95 % that is z* = 1.96, "
            "not 1.645.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        story = integer(rng, 0, len(STORIES) - 1)
        if level == 1:
            return {
                "n": pick(rng, (16, 25, 36, 49, 64, 100, 144)),
                "confidence": 0.95,
                "sd": integer(rng, 3, 30),
                "proportion": None,
                "story": story,
            }
        confidence = pick(rng, (0.8, 0.9, 0.95, 0.98, 0.99))
        if level == 2:
            return {
                "n": integer(rng, 10, 400),
                "confidence": confidence,
                "sd": integer(rng, 3, 60),
                "proportion": None,
                "story": story,
            }
        proportion = integer(rng, 50, 950) / 1000
        return {
            "n": integer(rng, 50, 3000),
            "confidence": confidence,
            "sd": None,
            "proportion": proportion,
            "story": story,
        }

    def prompt(self, params: Params) -> Prompt:
        conf = confidence_text(params["confidence"])
        if params.get("proportion") is not None:
            p = float(params["proportion"])
            return (
                f"In a poll of n = {params['n']} {POLLS[params.get('story', 0)].format(p=p)}. "
                f"What is the margin of error of a {conf} confidence interval for the share "
                "of the whole population? Give it to 4 decimal places.",
            )
        what, unit = STORIES[params.get("story", 0)]
        return (
            f"To estimate {what}, a sample of n = {params['n']} is taken; σ = "
            f"{float(params['sd']):g} {unit} is known from earlier studies. What is the "
            f"margin of error of a {conf} confidence interval? Give it to 2 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(4 if params.get("proportion") is not None else 2)

    def solve(self, params: Params) -> Solution[float]:
        n, confidence = int(params["n"]), float(params["confidence"])
        if params.get("proportion") is not None:
            return proportion_margin(float(params["proportion"]), n, confidence)
        if params.get("sd") is None:
            raise NotSolvable("give sd (for a mean) or proportion")
        return margin_of_error(float(params["sd"]), n, confidence)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "How far does the estimate typically land from the truth (its standard error)?",
            "Multiply the standard error by the critical value that leaves (1 − C)/2 in each tail.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """t for z, one tail, n for √n, the spread for the standard error."""
        n, confidence = int(params["n"]), float(params["confidence"])
        if params.get("proportion") is not None:
            p = float(params["proportion"])
            spread = math.sqrt(p * (1 - p))
        elif params.get("sd") is not None:
            spread = float(params["sd"])
        else:
            return ()
        z = normal_quantile(1 - (1 - confidence) / 2)
        return (
            Critical(lambda c: c * spread / math.sqrt(n), confidence, t_df=n - 1),
            StandardError(spread, n, lambda se: z * se),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        n, confidence = int(params["n"]), float(params["confidence"])
        if params.get("proportion") is not None:
            p = float(params["proportion"])
            spread = math.sqrt(p * (1 - p))
            places = 4
        else:
            spread = float(params["sd"])
            places = 2
        z = normal_quantile(1 - (1 - confidence) / 2)
        answers = {
            "forgot_root": z * spread / n,
            "no_standard_error": z * spread,
            "one_sided_critical": normal_quantile(confidence) * spread / math.sqrt(n),
        }
        return apart(self.solve(params).answer, answers, places)
