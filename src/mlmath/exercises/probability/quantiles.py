"""Skill: quartiles and the interquartile range, with NumPy's quantile convention."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.notation import formula, latex_of, text_of
from mlmath.engine.probability.summaries import Data, position_value, quantile
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.probability.variants import (
    W2_DESCRIBING,
    data_vector,
    decimal_format,
    integer,
    pick,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W2_DESCRIBING} · Quantiles and box-plots"
ASKED = ("Q1", "median", "Q3", "IQR")
LEVELS = {"Q1": Fraction(1, 4), "median": Fraction(1, 2), "Q3": Fraction(3, 4)}
STORIES = (
    "Delivery times in minutes",
    "Test scores of a class",
    "Daily numbers of visitors to a museum",
    "Heights of seedlings in millimetres",
    "Monthly phone bills in euros",
)


def iqr(data: Data) -> Solution[Fraction]:
    q1, q3 = quantile(data, Fraction(1, 4)), quantile(data, Fraction(3, 4))
    answer = q3.answer - q1.answer
    return Solution(
        answer,
        (
            Step("Q1, the 0.25 quantile", None, q1.steps),
            Step("Q3, the 0.75 quantile", None, q3.steps),
            Step(
                "The interquartile range is the width of the box: Q3 − Q1",
                formula(
                    rf"\mathrm{{IQR}} = {latex_of(q3.answer)} - {latex_of(q1.answer)} = "
                    rf"{latex_of(answer)}",
                    f"IQR = {text_of(q3.answer)} − {text_of(q1.answer)} = {text_of(answer)}",
                ),
            ),
        ),
    )


def _middle(values: list[Fraction]) -> Fraction:
    half = len(values) // 2
    if len(values) % 2:
        return values[half]
    return (values[half - 1] + values[half]) / 2


def _half_median(ordered: list[Fraction], q: Fraction) -> Fraction:
    """Q1 or Q3 by the school rule: the median of the lower or the upper half of the sorted
    data, the middle value left out when n is odd."""
    n = len(ordered)
    return _middle(ordered[: n // 2] if q < Fraction(1, 2) else ordered[(n + 1) // 2 :])


def _from_one(ordered: list[Fraction], q: Fraction) -> Fraction | None:
    """Position (n − 1)·q read counting from 1: one position lower, counting from 0 (none
    when that falls before the first value)."""
    h = (len(ordered) - 1) * q - 1
    if h < 0:
        return None
    low = math.floor(h)
    if low == h:
        return ordered[low]
    return ordered[low] + (h - low) * (ordered[low + 1] - ordered[low])


def _quantile_with(data: list[Fraction], q: Fraction, ordered: bool, shift: int) -> Fraction:
    values = sorted(data) if ordered else data
    h = (len(values) - 1) * q if shift == 0 else min(len(values) * q, Fraction(len(values) - 1))
    return position_value(values, h)[0]


@register
class Quantiles(Skill):
    id = "probability.quantiles"
    title = "Quartiles and the box plot"
    summary = "Sort, go to position (n − 1)·q counting from 0, and interpolate (NumPy's default)."
    levels = 3
    inputs = (
        Field("data", "data", "the data values"),
        Field("asked", "choice", "which number of the box plot", choices=ASKED),
    )
    misconceptions = (
        Misconception(
            "unsorted",
            "You read the data in the order given, without sorting",
            "Quantiles count positions in the SORTED data.",
            TOPIC,
        ),
        Misconception(
            "position_n_q",
            "You went to position n·q instead of (n − 1)·q",
            "Counting from 0, the smallest value is at position 0 and the largest at n − 1, "
            "so the q-quantile sits at (n − 1)·q (the convention NumPy uses by default).",
            TOPIC,
        ),
        Misconception(
            "iqr_range",
            "You gave the range (max − min) instead of the IQR",
            "The interquartile range is Q3 − Q1, the width of the middle half of the data; "
            "unlike the range, outliers cannot stretch it.",
            TOPIC,
        ),
        Misconception(
            "median_of_halves",
            "You took the median of each half, the school rule, not position (n − 1)·q",
            "Splitting the sorted data at the median and taking the middle of each half is "
            "another convention, and it often gives a different number. The question asks for "
            "NumPy's: go to position (n − 1)·q counting from 0, and interpolate.",
            TOPIC,
        ),
        Misconception(
            "counted_from_one",
            "You counted the positions from 1 instead of 0",
            "In h = (n − 1)·q the smallest value sits at position 0, so position 2 is the THIRD "
            "value of the sorted data. Counting from 1 lands one value too low.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n, high = {
            1: (pick(rng, (5, 9)), 20),
            2: (integer(rng, 6, 11), 50),
            3: (integer(rng, 8, 15), 200),
        }[level]
        asked = pick(rng, ("Q1", "Q3", "median")) if level == 1 else pick(rng, ASKED)
        return {
            "data": data_vector(rng, n, 0, high),
            "asked": asked,
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        data = ", ".join(str(x) for x in params["data"])
        asked = params["asked"]
        what = {
            "Q1": "the first quartile Q1",
            "Q3": "the third quartile Q3",
            "median": "the median",
            "IQR": "the interquartile range IQR",
        }[asked]
        return (
            f"{STORIES[params.get('story', 0)]}: {data}. Using the convention of NumPy's "
            f"np.quantile (position (n − 1)·q in the sorted data, interpolating), what is "
            f"{what}?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimal_format(2)

    def check_inputs(self, params: Params) -> None:
        if len(params["data"]) < 2:
            raise InputError("data: give at least two values")

    def solve(self, params: Params) -> Solution[Fraction]:
        data = params["data"]
        if params["asked"] == "IQR":
            return iqr(data)
        if not data:
            raise NotSolvable("give some data")
        return quantile(data, LEVELS[params["asked"]])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What must you do to the data first?",
            "Sort it; the q-quantile sits at position (n − 1)·q counting from 0. Between two "
            "positions, go the same fraction of the way between the two values.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The mean for the median."""
        data = list(params["data"])
        if params["asked"] != "median":
            return ()
        mean = sum(data, Fraction(0)) / len(data)
        return (
            OtherQuantity(
                mean, "the mean", "the median", "sort the values and take the middle one."
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        data = list(params["data"])
        ordered = sorted(data)
        asked = params["asked"]
        quarter, three_quarters = Fraction(1, 4), Fraction(3, 4)
        if asked == "IQR":
            wrong = {
                "iqr_range": max(data) - min(data),
                "unsorted": _quantile_with(data, three_quarters, False, 0)
                - _quantile_with(data, quarter, False, 0),
                "median_of_halves": _half_median(ordered, three_quarters)
                - _half_median(ordered, quarter),
            }
            low, high = _from_one(ordered, quarter), _from_one(ordered, three_quarters)
            if low is not None and high is not None:
                wrong["counted_from_one"] = high - low
            return wrong
        q = LEVELS[asked]
        wrong = {
            "unsorted": _quantile_with(data, q, False, 0),
            "position_n_q": _quantile_with(data, q, True, 1),
        }
        if asked != "median":  # for the median, the halves rule is the median itself
            wrong["median_of_halves"] = _half_median(ordered, q)
        from_one = _from_one(ordered, q)
        if from_one is not None:
            wrong["counted_from_one"] = from_one
        return wrong
