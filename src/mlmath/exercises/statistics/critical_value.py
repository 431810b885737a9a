"""Skill: critical values (z or t) and the reject / do-not-reject decision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine import render
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.critical_values import (
    ALTERNATIVES,
    critical_number,
    critical_value,
    decision,
    rejects,
)
from mlmath.exercises.figures import drawable
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Critical, Slip
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
ASKED = ("critical", "decision")
DECISIONS = (Choice("reject", "reject H0"), Choice("do not reject", "do not reject H0"))
ALPHAS = (0.1, 0.05, 0.025, 0.01, 0.001)
STORIES = (
    "A cereal box is labelled {null} g",
    "A machine is set to fill bottles with {null} ml on average",
    "A school's mean test score used to be {null}",
    "A delivery app promises a mean wait of {null} minutes",
    "A factory's bolts should be {null} mm long on average",
)


@register
class CriticalValue(StatisticsSkill):
    id = "statistics.critical_value"
    title = "Critical values and the decision"
    summary = (
        "The edge of the rejection region (z or t): reject H0 when the statistic lands beyond it."
    )
    levels = 3
    inputs = (
        Field("alpha", "number", "the significance level α, like 0.05"),
        Field("alternative", "choice", SIDES_FIELD_HELP, False, "two-sided", choices=ALTERNATIVES),
        Field("df", "integer", "degrees of freedom for a t statistic (leave out for z)", False),
        Field("statistic", "number", "the test statistic, for a decision", False),
        Field(
            "asked",
            "choice",
            "the critical value or the decision",
            False,
            "critical",
            choices=ASKED,
        ),
    )
    misconceptions = (
        Misconception(
            "one_tail_for_two",
            "A two-sided test splits α between both tails",
            "For ≠ each tail holds α/2: at α = 0.05 the critical z is 1.960, not 1.645 (which "
            "leaves all 0.05 in one tail).",
            TOPIC,
        ),
        Misconception(
            "two_tails_for_one",
            "A one-sided test puts all of α in one tail",
            "For > or < the whole α sits in the tail the alternative points to: at α = 0.05 "
            "the critical z is 1.645, not 1.960.",
            TOPIC,
        ),
        Misconception(
            "z_for_t",
            "With σ estimated by s the critical value comes from t, not z",
            "The t distribution with n − 1 degrees of freedom has heavier tails, so its "
            "critical value is larger: t*₉ = 2.262 against z* = 1.960 at α = 0.05, two-sided.",
            TOPIC,
        ),
        Misconception(
            "ignored_direction",
            "A one-sided test rejects only in the direction of the alternative",
            "For H1: μ < μ₀ only a statistic far BELOW 0 counts against H0; a large positive "
            "statistic is no evidence for 'less', however large it is.",
            TOPIC,
        ),
        Misconception(
            "decision_against_region",
            "Reject H0 exactly when the statistic lies in the rejection region",
            "Compare the statistic with the critical value: at or beyond it, in the tail the "
            "alternative points to (either tail for ≠), reject H0; short of it, do not reject.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        asked = pick(rng, ASKED)
        alpha = 0.05 if level == 1 else pick(rng, ALPHAS)
        alternative = pick(rng, ALTERNATIVES)
        df = None if level == 1 or (level == 2 and integer(rng, 0, 1)) else integer(rng, 3, 40)
        critical = critical_number(alpha, alternative, df)
        size = abs(critical) * (0.5 + float(rng.random()))
        sign = -1 if alternative == "less" else 1
        if alternative == "two-sided" or (level == 3 and rng.random() < 0.3):
            sign = pick(rng, (-1, 1))
        statistic = round(sign * size, 2)
        return {
            "alpha": alpha,
            "alternative": alternative,
            "df": df,
            "statistic": statistic if asked == "decision" else None,
            "asked": asked,
            "story": integer(rng, 0, len(STORIES) - 1),
            "null": integer(rng, 10, 500),
        }

    def prompt(self, params: Params) -> Prompt:
        alternative, df = params.get("alternative") or "two-sided", params.get("df")
        symbol = {"two-sided": "≠", "greater": ">", "less": "<"}[alternative]
        test = "a z-test (σ known)" if df is None else f"a t-test with {df} degrees of freedom"
        story = STORIES[params.get("story", 0)].format(null=params.get("null", 100))
        null = params.get("null", 100)
        setting = (
            f"{story}; H0: μ = {null} is tested against H1: μ {symbol} {null} with {test} at "
            f"α = {params['alpha']:g}."
        )
        if (params.get("asked") or "critical") == "critical":
            edge = (
                "the (positive) critical value"
                if alternative == "two-sided"
                else "the critical value"
            )
            return (f"{setting} What is {edge}? Give it to 3 decimal places.",)
        letter = "z" if df is None else "t"
        return (
            f"{setting} The sample gives {letter} = {params['statistic']:g}. Reject H0 or not?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if (params.get("asked") or "critical") == "critical":
            return AnswerFormat(Kind.NUMBER, decimals=3, absolute_tolerance=0.0015)
        return AnswerFormat(Kind.CHOICE, options=DECISIONS)

    def check_inputs(self, params: Params) -> None:
        super().check_inputs(params)
        if (params.get("asked") or "critical") == "decision" and params.get("statistic") is None:
            raise InputError("a decision needs the test statistic")

    def solve(self, params: Params) -> Solution[Any]:
        alpha, alternative = float(params["alpha"]), params.get("alternative") or "two-sided"
        df = params.get("df")
        if (params.get("asked") or "critical") == "critical":
            return critical_value(alpha, alternative, df)
        if params.get("statistic") is None:
            raise NotSolvable("a decision needs the test statistic")
        return decision(float(params["statistic"]), alpha, alternative, df)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Where is the rejection region: in both tails, or only in the one the alternative "
            "points to? Which distribution does the statistic follow?",
            "Put α (two-sided: α/2 in each tail) beyond the critical value; reject when the "
            "statistic lands there.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """z for t, the wrong df, one tail for two and back (for the critical value)."""
        if (params.get("asked") or "critical") != "critical":
            return ()
        alpha, alternative = float(params["alpha"]), params.get("alternative") or "two-sided"
        df = params.get("df")
        sign = -1 if alternative == "less" else 1
        return (
            Critical(
                lambda c: sign * c,
                1 - alpha,
                float(df) if df is not None else None,
                2 if alternative == "two-sided" else 1,
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        alpha, alternative = float(params["alpha"]), params.get("alternative") or "two-sided"
        df = params.get("df")
        wrong: dict[str, float] = {}
        if alternative == "two-sided":
            wrong["one_tail_for_two"] = critical_number(alpha, "greater", df)
        else:
            two = critical_number(alpha, "two-sided", df)
            wrong["two_tails_for_one"] = -two if alternative == "less" else two
        if df is not None:
            wrong["z_for_t"] = critical_number(alpha, alternative, None)
        if (params.get("asked") or "critical") == "critical":
            if alternative == "less":
                wrong["ignored_direction"] = -critical_number(alpha, alternative, df)
            return wrong
        statistic = params.get("statistic")
        if statistic is None:
            return {}
        right = rejects(float(statistic), critical_number(alpha, alternative, df), alternative)
        out: dict[str, Any] = {}
        for name, c in wrong.items():
            if rejects(float(statistic), c, alternative) != right:
                out[name] = "do not reject" if right else "reject"
        if (
            alternative != "two-sided"
            and abs(float(statistic)) >= abs(critical_number(alpha, alternative, df))
            and not right
        ):
            out["ignored_direction"] = "reject"
        if not out:
            out["decision_against_region"] = "do not reject" if right else "reject"
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """For the decision: the critical value and how the statistic compares with it."""
        if (params.get("asked") or "critical") != "decision" or params.get("statistic") is None:
            return {}
        found, compared = self.solve(params).steps
        assert found.math is not None
        assert compared.math is not None
        where = "falls in" if self.answer(params) == "reject" else "does not reach"
        here = (
            f"Here {render.text(found.math)} and {render.text(compared.math)}: the statistic "
            f"{where} the rejection region."
        )
        return dict.fromkeys(self.buggy_answers(params), here)

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        alpha, alternative = float(params["alpha"]), params.get("alternative") or "two-sided"
        df = params.get("df")
        try:
            c = round(critical_number(alpha, alternative, df), 3)
        except NotSolvable:
            return None
        family = (
            {"family": "normal", "mean": 0, "sd": 1}
            if df is None
            else {"family": "t", "df": int(df)}
        )
        if df is not None and not 1 <= int(df) <= 200:
            return None
        ends: dict[str, Any]
        if alternative == "two-sided":
            ends, shade = {"a": -abs(c), "b": abs(c)}, "outside"
        elif alternative == "greater":
            ends, shade = {"a": c}, "above"
        else:
            ends, shade = {"b": c}, "below"
        return drawable(
            {
                "kind": "distribution",
                "params": {**family, **ends, "shade": shade, "step": 0.01},
                "caption": "The shaded rejection region holds probability α; its edge is the "
                "critical value. Move an edge and watch the area.",
                "alt": "The statistic's distribution under H0 with the rejection region shaded.",
                "after_answer": True,
            }
        )
