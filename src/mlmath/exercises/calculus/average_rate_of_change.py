"""Skill: average speed from a table of times and distances — the slope of a secant line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.rates import average_rate_of_change
from mlmath.engine.exact import Vector
from mlmath.engine.solution import Solution
from mlmath.exercises.calculus.functions import WEEK1, integer
from mlmath.exercises.calculus.tables import check_pairs, matrix_of, table
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Example to motivate derivatives: Speedometer"


@register
class AverageRateOfChange(Skill):
    id = "calculus.average_rate_of_change"
    title = "Average speed from a table"
    summary = "The slope of the secant between two rows of a distance table."
    levels = 3
    inputs = (
        Field("data", "matrix", "rows of [time, distance], e.g. [[0, 0], [1, 30], [2, 80]]"),
        Field("interval", "vector", "the two times, e.g. [1, 2]", min_size=2, max_size=2),
    )
    misconceptions = (
        Misconception(
            "ratio_not_difference",
            "Distance over time at one moment is not the speed between two moments",
            "Average speed between two times is the CHANGE in distance over the CHANGE in time: "
            "(d₂ − d₁)/(t₂ − t₁), the slope of the line through the two points.",
            TOPIC,
        ),
        Misconception(
            "upside_down",
            "The fraction is upside down",
            "Speed is distance per unit of time: the change in distance goes on top, the change "
            "in time below.",
            TOPIC,
        ),
        Misconception(
            "end_time_only",
            "The elapsed time was taken from 0",
            "Divide by the time that passed between the two readings, t₂ − t₁, not by the "
            "later time alone.",
            TOPIC,
        ),
        Misconception(
            "end_distance_only",
            "The distance at the start was not subtracted",
            "Average speed divides the distance covered BETWEEN the two readings, d₂ − d₁, by "
            "the time between them. The reading d₂ alone also counts the distance driven "
            "before t₁.",
            TOPIC,
            hint="How far did the car drive between the two readings, not since the start?",
        ),
        Misconception(
            "last_step_only",
            "That is the speed over the last row of the table only",
            "The change from the row before t₂ to t₂ tells how fast the car went near the end. "
            "The average speed between t₁ and t₂ uses the whole interval: "
            "(d₂ − d₁)/(t₂ − t₁).",
            TOPIC,
            hint="Which two rows of the table does the question name? Use those two.",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        count = 5 if level == 1 else 6
        step = Fraction(1) if level < 3 else Fraction(1, 2)
        times = [Fraction(i) * step for i in range(count)]
        if level >= 2:
            start = integer(rng, 0, 3)
            times = [t + start for t in times]
        distance = Fraction(integer(rng, 0, 20) if level > 1 else 0)
        points = [(times[0], distance)]
        for t in times[1:]:
            distance += integer(rng, 5, 60 if level < 3 else 120)
            points.append((t, distance))
        i = integer(rng, 0, count - 2)
        j = integer(rng, i + 1, min(count - 1, i + (1 if level == 1 else 4)))
        return {"data": matrix_of(points), "interval": Vector((times[i], times[j]))}

    def _rows(self, params: Params) -> tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]:
        lookup = {r[0]: r[1] for r in params["data"].rows}
        a, b = params["interval"]
        return (a, lookup[a]), (b, lookup[b])

    def prompt(self, params: Params) -> Prompt:
        a, b = params["interval"]
        return (
            "A car's trip meter shows these distances (km) at these times (hours):",
            table(params["data"], "time t", "distance d"),
            f"What was its average speed, in km per hour, between t = {a} and t = {b}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def solve(self, params: Params) -> Solution[Fraction]:
        start, end = self._rows(params)
        return average_rate_of_change(start, end)

    def hints(self, params: Params) -> tuple[str, ...]:
        (t0, d0), (t1, d1) = self._rows(params)
        return (
            "Speed is how much distance changes per hour. How much did the distance change, and "
            "over how many hours?",
            f"The distance went from {d0} to {d1} while the time went from {t0} to {t1}.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The change in distance not divided by the change in time, and the sign."""
        (t0, d0), (t1, d1) = self._rows(params)
        if t1 == t0:
            return ()
        return (Division(d1 - d0, t1 - t0, f"the time taken, {t1 - t0}"), SignFlipped())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        (t0, d0), (t1, d1) = self._rows(params)
        out: dict[str, Any] = {}
        if t1 != 0:
            out["ratio_not_difference"] = d1 / t1
            out["end_time_only"] = (d1 - d0) / t1
        if d1 != d0:
            out["upside_down"] = (t1 - t0) / (d1 - d0)
        if t1 != t0:
            out["end_distance_only"] = d1 / (t1 - t0)
        before = max((row for row in params["data"].rows if t0 < row[0] < t1), default=None)
        if before is not None:
            out["last_step_only"] = (d1 - before[1]) / (t1 - before[0])
        return out

    def check_inputs(self, params: Params) -> None:
        check_pairs(params["data"])
        times = {r[0] for r in params["data"].rows}
        for t in params["interval"]:
            if t not in times:
                raise InputError(f"interval: the time {t} is not a row of the data")
