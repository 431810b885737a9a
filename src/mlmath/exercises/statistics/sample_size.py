"""Skill: the sample size needed for a chosen margin of error."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.distributions import normal_quantile
from mlmath.engine.statistics.sample_size import exact_n, required_sample_size, round_up, z_star
from mlmath.exercises.inputs import Field
from mlmath.exercises.probability.variants import NAMES
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W4_INTERVALS,
    StatisticsSkill,
    confidence_text,
    integer,
    pick,
)

TOPIC = f"{W4_INTERVALS} · Margin of error"
MEANS = (
    ("the mean height of a city's adults", "cm"),
    ("the mean time users spend on an app per day", "minutes"),
    ("the mean weight of a bakery's loaves", "g"),
    ("the mean commute of a company's staff", "minutes"),
    ("the mean battery life of a phone model", "hours"),
    ("the mean length of a factory's bolts", "mm"),
    ("the mean rent of flats in a district", "€"),
    ("the mean score on a national test", "points"),
)
POLLS = (
    "the share of voters who back a new park",
    "the share of customers who would recommend a shop",
    "the share of students who walk to school",
    "the share of users who click an ad",
    "the share of households with a pet",
    "the share of emails that are spam",
    "the share of drivers who wear a seat belt",
    "the share of patients who recover within a week",
)


@register
class SampleSize(StatisticsSkill):
    id = "statistics.sample_size"
    title = "Sample size for a margin of error"
    summary = "n = (z*·σ/E)² for a mean, z*²·p(1 − p)/E² for a proportion — rounded up."
    levels = 3
    inputs = (
        Field("margin", "number", "the margin of error E wanted"),
        Field("confidence", "number", "the confidence level, like 0.95"),
        Field("sd", "number", "the population standard deviation σ (for a mean)", False),
        Field(
            "proportion",
            "number",
            "the expected proportion p (for a proportion; 0.5 if unknown)",
            False,
        ),
    )
    misconceptions = (
        Misconception(
            "rounded_down",
            "A sample size is rounded UP",
            "n = 96.04 means 96 observations give a margin a little LARGER than E; only 97 "
            "reach it. Round up even when the decimals are small.",
            TOPIC,
        ),
        Misconception(
            "not_squared",
            "Solving E = z*σ/√n gives √n, which still has to be squared",
            "z*·σ/E is √n; the sample size is its square, (z*·σ/E)².",
            TOPIC,
        ),
        Misconception(
            "one_sided_z",
            "A two-sided interval uses the z* that leaves (1 − C)/2 in each tail",
            "For 95 % confidence z* = 1.960, not 1.645 (which leaves all 5 % in one tail).",
            TOPIC,
        ),
        Misconception(
            "no_z",
            "You left the critical value out of the formula",
            "(σ/E)² is the sample size for z* = 1, which gives only about 68 % confidence. The "
            "confidence level enters through z*: n = (z*·σ/E)², or z*²·p(1 − p)/E² for a "
            "proportion.",
            TOPIC,
        ),
        Misconception(
            "z_not_squared",
            "You squared σ and E but not the critical value",
            "All of z*·σ/E is √n, so all of it is squared: n = z*²·σ²/E², not z*·σ²/E² "
            "(for a proportion, z*²·p(1 − p)/E²).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        confidence = 0.95 if level == 1 else pick(rng, (0.8, 0.85, 0.9, 0.95, 0.98, 0.99))
        story = integer(rng, 0, len(MEANS) - 1)
        name = pick(rng, NAMES)
        sd: float
        margin: float
        while True:
            if level < 3 or integer(rng, 0, 1):
                if level == 1:
                    sd, margin = pick(rng, (5, 10, 15, 20)), integer(rng, 1, 10)
                elif level == 2:
                    sd, margin = integer(rng, 2, 40), integer(rng, 1, 10)
                else:
                    sd, margin = integer(rng, 20, 400) / 10, integer(rng, 5, 50) / 10
                params = {
                    "margin": margin,
                    "confidence": confidence,
                    "sd": sd,
                    "proportion": None,
                    "story": story,
                    "name": name,
                }
            else:
                p = 0.5 if level == 2 and integer(rng, 0, 1) else integer(rng, 5, 95) / 100
                margin = integer(rng, 5, 80) / 1000
                params = {
                    "margin": margin,
                    "confidence": confidence,
                    "sd": None,
                    "proportion": p,
                    "story": story,
                    "name": name,
                }
            exact = self._exact(params)
            if 2 <= exact <= 50_000 and abs(exact - round(exact)) > 0.01:
                return params

    def _exact(self, params: Params) -> float:
        sd = None if params.get("sd") is None else float(params["sd"])
        p = None if params.get("proportion") is None else float(params["proportion"])
        return exact_n(float(params["confidence"]), float(params["margin"]), sd, p)

    def prompt(self, params: Params) -> Prompt:
        conf = confidence_text(params["confidence"])
        margin = float(params["margin"])
        tail = " Use z* rounded to 3 decimal places, as a table gives it."
        if params.get("proportion") is not None:
            what = POLLS[params.get("story", 0) % len(POLLS)]
            return (
                f"{params.get('name', 'Ana')}'s poll will estimate {what}, expected to be about "
                f"{float(params['proportion']):g}. "
                f"How many people must it ask for a {conf} confidence interval with margin of "
                f"error {margin:g}?{tail}",
            )
        what, unit = MEANS[params.get("story", 0) % len(MEANS)]
        margin_unit = unit[:-1] if margin == 1 and unit.endswith("s") else unit
        return (
            f"{params.get('name', 'Ana')} wants to estimate {what}. With σ = "
            f"{float(params['sd']):g} {unit} known from earlier "
            f"studies, how large a sample gives a {conf} confidence interval with margin of "
            f"error {margin:g} {margin_unit}?{tail}",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[int]:
        sd = None if params.get("sd") is None else float(params["sd"])
        p = None if params.get("proportion") is None else float(params["proportion"])
        if sd is None and p is None:
            raise NotSolvable("give sd (for a mean) or proportion")
        return required_sample_size(float(params["confidence"]), float(params["margin"]), sd, p)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "The margin of error shrinks like 1/√n. Which n makes it exactly E?",
            "Solve E = z*·σ/√n for n (or E = z*·√(p(1 − p)/n)), then round up.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        exact = self._exact(params)
        confidence = float(params["confidence"])
        one_sided = round(normal_quantile(confidence), 3)
        z = z_star(confidence)
        ratio = (one_sided / z) ** 2
        margin = float(params["margin"])
        if params.get("proportion") is not None:
            p = float(params["proportion"])
            spread_over_margin = p * (1 - p) / (margin * margin)
        else:
            spread_over_margin = (float(params["sd"]) / margin) ** 2
        return {
            "rounded_down": math.floor(exact),
            "not_squared": round_up(math.sqrt(exact)),
            "one_sided_z": round_up(exact * ratio),
            "no_z": round_up(spread_over_margin),
            "z_not_squared": round_up(z * spread_over_margin),
        }
