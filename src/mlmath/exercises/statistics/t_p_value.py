"""Skill: the degrees of freedom and the p-value of a t statistic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.hypothesis_tests import tail_probability
from mlmath.engine.statistics.t_statistic import (
    ALTERNATIVES,
    DESIGNS,
    degrees_of_freedom,
    df_value,
    t_p_value,
)
from mlmath.exercises.figures import drawable
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Complement, Percent, PValue, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    SIDES_FIELD_HELP,
    W4_TESTS,
    StatisticsSkill,
    integer,
    pick,
)

TOPIC = f"{W4_TESTS} · Test for proportion and means"
ASKED = ("df", "p_value")
SETTINGS = {
    "one-sample": "A one-sample t-test on n = {n} measurements",
    "paired": "A paired t-test on n = {n} before-and-after pairs",
    "two-sample": (
        "A two-sample t-test with a pooled standard deviation, on groups of n₁ = {n} and n₂ = {m}"
    ),
}
WORDS = {"two-sided": "≠", "greater": ">", "less": "<"}


@register
class TPValue(StatisticsSkill):
    id = "statistics.t_p_value"
    title = "Degrees of freedom and the p-value of a t statistic"
    summary = "df = n − 1 (one sample, pairs) or n₁ + n₂ − 2 (pooled); p = the tail area of t."
    levels = 3
    inputs = (
        Field("t", "number", "the t statistic"),
        Field(
            "n", "integer", "the sample size (the number of pairs; group 1's size for two samples)"
        ),
        Field(
            "design",
            "choice",
            "one-sample, paired or two-sample (pooled)",
            False,
            "one-sample",
            choices=DESIGNS,
        ),
        Field("n_other", "integer", "group 2's size (two-sample)", False),
        Field("alternative", "choice", SIDES_FIELD_HELP, False, "two-sided", choices=ALTERNATIVES),
        Field(
            "asked",
            "choice",
            "the degrees of freedom or the p_value",
            False,
            "p_value",
            choices=ASKED,
        ),
    )
    misconceptions = (
        Misconception(
            "df_is_n",
            "The degrees of freedom are n − 1, not n",
            "Estimating the mean uses up one piece of information, so s has n − 1 degrees of "
            "freedom (n₁ + n₂ − 2 for two pooled samples: one per mean).",
            TOPIC,
        ),
        Misconception(
            "normal_for_t",
            "A t statistic's p-value comes from Student's t, not the normal",
            "With σ estimated by s the statistic follows t with df degrees of freedom; its "
            "heavier tails give a larger p-value than the normal curve.",
            TOPIC,
        ),
        Misconception(
            "one_tail_for_two",
            "A two-sided p-value counts both tails",
            "For H1: μ ≠ μ₀ a statistic as far out on either side counts: double the one-tail "
            "area.",
            TOPIC,
        ),
        Misconception(
            "two_tails_for_one",
            "A one-sided p-value counts only the tail the alternative points to",
            "For H1: μ > μ₀ the p-value is P(T ≥ t), one tail; doubling it answers the "
            "two-sided question.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        design = "one-sample" if level == 1 else pick(rng, DESIGNS)
        n = integer(rng, 5, 30) if level < 3 else integer(rng, 5, 80)
        m = integer(rng, 5, 30) if design == "two-sample" else None
        alternative = "two-sided" if level == 1 else pick(rng, ALTERNATIVES)
        size = float(rng.uniform(0.3, 3.5))
        t = round(size if alternative != "less" else -size, 2 if level < 3 else 3)
        if alternative == "two-sided" and integer(rng, 0, 1):
            t = -t
        return {
            "t": t,
            "n": n,
            "design": design,
            "n_other": m,
            "alternative": alternative,
            "asked": pick(rng, ASKED),
            "null": integer(rng, 10, 500),
        }

    def _df(self, params: Params) -> int:
        return df_value(
            params.get("design") or "one-sample", int(params["n"]), params.get("n_other")
        )

    def prompt(self, params: Params) -> Prompt:
        design = params.get("design") or "one-sample"
        setting = SETTINGS[design].format(n=params["n"], m=params.get("n_other"))
        alternative = params.get("alternative") or "two-sided"
        what = (
            "the mean difference μ_d"
            if design == "paired"
            else ("μ₁ − μ₂" if design == "two-sample" else "μ")
        )
        null = 0 if design != "one-sample" else params.get("null", 100)
        h = f"H0: {what} = {null} against H1: {what} {WORDS[alternative]} {null}"
        if (params.get("asked") or "p_value") == "df":
            return (
                f"{setting} tests {h} and gives t = {params['t']:g}. How many degrees of freedom "
                f"does t have?",
            )
        return (
            f"{setting} tests {h} and gives t = {params['t']:g}. What is the p-value? Give it to "
            f"4 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if (params.get("asked") or "p_value") == "df":
            return AnswerFormat(Kind.NUMBER)
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[Any]:
        design = params.get("design") or "one-sample"
        if (params.get("asked") or "p_value") == "df":
            return degrees_of_freedom(design, int(params["n"]), params.get("n_other"))
        return t_p_value(
            float(params["t"]),
            design,
            int(params["n"]),
            params.get("n_other"),
            params.get("alternative") or "two-sided",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        if (params.get("asked") or "p_value") == "df":
            return (
                "How many means were estimated before the spread?",
                "One sample or pairs: n − 1. Two pooled samples: n₁ + n₂ − 2.",
            )
        return (
            "Which distribution does t follow if H0 is true, and which tail (or tails) count?",
            "Find the degrees of freedom, then the area of Student's t beyond the statistic "
            "(doubled when two-sided).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Tails, z for t, df, 1 − p, the percentage."""
        if (params.get("asked") or "p_value") == "df":
            return ()
        t, alternative = float(params["t"]), params.get("alternative") or "two-sided"
        return (PValue(t, alternative, self._df(params)), Complement(), Percent())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        df = self._df(params)
        design = params.get("design") or "one-sample"
        wrong_df = (
            int(params["n"]) + (params.get("n_other") or 0)
            if design == "two-sample"
            else int(params["n"])
        )
        if (params.get("asked") or "p_value") == "df":
            return {"df_is_n": wrong_df}
        t, alternative = float(params["t"]), params.get("alternative") or "two-sided"
        out: dict[str, Any] = {
            "df_is_n": tail_probability(t, alternative, wrong_df),
            "normal_for_t": tail_probability(t, alternative, None),
        }
        two = tail_probability(t, "two-sided", df)
        if alternative == "two-sided":
            out["one_tail_for_two"] = two / 2
        else:
            out["two_tails_for_one"] = two
        return {
            k: v for k, v in out.items() if abs(v - tail_probability(t, alternative, df)) >= 0.00015
        }

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        try:
            df = self._df(params)
        except Exception:
            return None
        if not 1 <= df <= 200:
            return None
        t, alternative = float(params["t"]), params.get("alternative") or "two-sided"
        if alternative == "two-sided":
            ends, shade = {"a": -abs(t), "b": abs(t)}, "outside"
        elif alternative == "greater":
            ends, shade = {"a": t}, "above"
        else:
            ends, shade = {"b": t}, "below"
        return drawable(
            {
                "kind": "distribution",
                "params": {"family": "t", "df": df, **ends, "shade": shade, "step": 0.01},
                "caption": "Student's t with these degrees of freedom; the shaded tail area is "
                "the p-value. Move the edges and watch it change.",
                "alt": "A t density with the tail (or tails) beyond the statistic shaded.",
                "after_answer": True,
            }
        )
