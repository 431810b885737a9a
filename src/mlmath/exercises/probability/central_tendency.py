"""Skill: mean, median and mode of a small data set."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.probability.summaries import mean, median, mode
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Division, OtherQuantity, Slip
from mlmath.exercises.probability.variants import W2_DESCRIBING, data_vector, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Mistake, Params, Prompt, Skill

TOPIC = f"{W2_DESCRIBING} · Measures of central tendency: mean, median, mode"
ASKED = ("mean", "median", "mode")
STORIES = (
    "Minutes {name} spent on homework each day",
    "Goals scored by a team in its last matches",
    "Prices (in euros) of a sandwich in different cafés",
    "Hours of sleep recorded by a smartwatch",
    "Ages of the people in a climbing class",
)
NAMES = ("Ana", "Ben", "Chen", "Dara", "Eli", "Mia")


@register
class CentralTendency(Skill):
    id = "probability.central_tendency"
    title = "Mean, median and mode"
    summary = "The mean balances the data, the median sits in the middle once sorted, the "
    "mode is the most frequent value."
    levels = 3
    inputs = (
        Field("data", "data", "the data values"),
        Field("asked", "choice", "which measure", choices=ASKED),
    )
    misconceptions = (
        Misconception(
            "median_unsorted",
            "You took the middle of the data without sorting it",
            "The median is the middle value of the SORTED data; in the order given, the "
            "middle entry can be anything.",
            TOPIC,
        ),
        Misconception(
            "median_one_middle",
            "You took only one of the two middle values",
            "With an even number of values there are two middle ones: the median is their average.",
            TOPIC,
        ),
        Misconception(
            "median_averaged_odd",
            "With an odd count the median is the one middle value",
            "An odd number of sorted values has a single value in the middle, at position "
            "(n + 1)/2; the median is that value. Averaging two values is for an even count.",
            TOPIC,
            hint="How many values are there: odd or even? Which position is exactly in the middle?",
        ),
        Misconception(
            "mode_is_count",
            "You gave how often the mode appears, not the mode",
            "The mode is the value itself; the count only tells you which value it is.",
            TOPIC,
        ),
        Misconception(
            "mean_wrong_n",
            "You divided the total by the wrong count",
            "The mean divides the sum by the number of values, n (count them all, repeats too).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n, high = {1: (5, 10), 2: (integer(rng, 6, 9), 30), 3: (integer(rng, 8, 14), 99)}[level]
        asked = pick(rng, ASKED)
        while True:
            data = data_vector(rng, n, 0, high)
            if asked == "mode":
                repeat = data.entries[0]
                entries = list(data.entries)
                entries[int(rng.integers(1, n))] = repeat
                data = Vector(tuple(entries))
                counts = Counter(data.entries).most_common(2)
                if len(counts) > 1 and counts[0][1] == counts[1][1]:
                    continue
            params = {
                "data": data,
                "asked": asked,
                "story": integer(rng, 0, len(STORIES) - 1),
                "name": pick(rng, NAMES),
            }
            if level == 1 or asked != "mean" or self.solve(params).answer.denominator <= 12:
                return params

    def prompt(self, params: Params) -> Prompt:
        story = STORIES[params.get("story", 0)].format(name=params.get("name", "Ana"))
        data = ", ".join(str(x) for x in params["data"])
        return (f"{story}: {data}. What is the {params['asked']}?",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(f"data: {error}") from None

    def solve(self, params: Params) -> Solution[Fraction]:
        data = params["data"]
        return {"mean": mean, "median": median, "mode": mode}[params["asked"]](data)

    def hints(self, params: Params) -> tuple[str, ...]:
        return {
            "mean": ("Add all the values. How many are there?", "Divide the sum by n."),
            "median": (
                "What must you do to the data before looking for the middle?",
                "Sort the values; with an even count, average the two middle ones.",
            ),
            "mode": (
                "Which value appears more than once?",
                "Count each value; the mode is the value with the highest count.",
            ),
        }[params["asked"]]

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The other averages of the data, and the sum not divided by n."""
        data = list(params["data"])
        n = len(data)
        total = sum(data, Fraction(0))
        ordered = sorted(data)
        median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
        counts = Counter(data).most_common()
        values = {"mean": total / n, "median": median}
        if len(counts) == 1 or counts[0][1] > counts[1][1]:
            values["mode"] = counts[0][0]
        asked = params["asked"]
        how = {
            "mean": "add the values and divide by how many there are.",
            "median": "sort the values and take the middle one.",
            "mode": "take the value that occurs most often.",
        }[asked]
        slips: list[Slip] = [
            OtherQuantity(value, f"the {name}", f"the {asked}", how)
            for name, value in values.items()
            if name != asked
        ]
        if asked == "mean":
            slips.append(Division(total, n, f"n = {n}"))
        return slips

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        data = list(params["data"])
        n = len(data)
        asked = params["asked"]
        if asked == "median":
            ordered = sorted(data)
            raw = data[n // 2] if n % 2 else (data[n // 2 - 1] + data[n // 2]) / 2
            out: dict[str, Any] = {"median_unsorted": raw}
            if n % 2 == 0:
                out["median_one_middle"] = ordered[n // 2 - 1]
            return out
        if asked == "mode":
            return {"mode_is_count": Fraction(Counter(data).most_common(1)[0][1])}
        return {"mean_wrong_n": sum(data, Fraction(0)) / (n - 1)}

    def own_mistakes(self, params: Params) -> Iterator[Mistake]:
        """The buggy answers; for the median of an odd count, the middle value averaged with
        either neighbour."""
        yield from super().own_mistakes(params)
        ordered = sorted(params["data"])
        n = len(ordered)
        if params["asked"] != "median" or n % 2 == 0 or n < 3:
            return
        averaged = self.misconception("median_averaged_odd")
        middle = n // 2
        for neighbour in (middle - 1, middle + 1):
            yield Mistake(averaged, (ordered[middle] + ordered[neighbour]) / 2, declared=True)
