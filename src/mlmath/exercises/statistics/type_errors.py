"""Skill: type I and type II errors, what a p-value is, and expected numbers of errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.probability.notation import formula
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.engine.statistics.power import classify_decision
from mlmath.exercises.inputs import Field
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import W4_TESTS, StatisticsSkill, decimals, integer, pick

TOPIC = f"{W4_TESTS} · Two types of errors"
ERROR_OPTIONS = (
    Choice("type_i", "a type I error"),
    Choice("type_ii", "a type II error"),
    Choice("correct", "a correct decision"),
)
P_VALUE_OPTIONS = (
    Choice("prob_h0", "the probability that H0 is true"),
    Choice(
        "prob_data",
        "the probability, if H0 were true, of a result at least this extreme",
    ),
    Choice("prob_h1", "one minus it is the probability that H1 is true"),
)
CONTEXTS = (
    (
        "In a criminal trial, H0 is 'the defendant is innocent'.",
        ("The defendant is in fact innocent", "The defendant is in fact guilty"),
        ("the jury convicts", "the jury acquits"),
    ),
    (
        "A medical test checks for a disease; H0 is 'the patient is healthy'.",
        ("The patient is in fact healthy", "The patient in fact has the disease"),
        ("the test says 'disease'", "the test says 'healthy'"),
    ),
    (
        "An A/B test compares a new checkout page with the old; H0 is 'the new page "
        "converts no better'.",
        ("The new page is in fact no better", "The new page is in fact better"),
        ("the team switches to the new page", "the team keeps the old page"),
    ),
    (
        "A smoke alarm tests the air; H0 is 'there is no fire'.",
        ("There is in fact no fire", "There is in fact a fire"),
        ("the alarm rings", "the alarm stays silent"),
    ),
)
STUDIES = (
    "A study of a new fertiliser",
    "A test of whether a coin is fair",
    "An A/B test of two sign-up pages",
    "A trial of a new headache pill",
)


@register
class TypeErrors(StatisticsSkill):
    id = "statistics.type_errors"
    title = "Type I and type II errors"
    summary = "Type I rejects a true H0 (probability α); type II keeps a false H0 (probability β)."
    levels = 3
    inputs = (
        Field(
            "asked",
            "choice",
            "classify a decision, read a p-value, or count expected errors",
            False,
            "classify",
            choices=("classify", "p_value", "count"),
        ),
        Field(
            "h0_true",
            "choice",
            "is H0 in fact true? (classify)",
            False,
            "yes",
            choices=("yes", "no"),
        ),
        Field(
            "rejected", "choice", "was H0 rejected? (classify)", False, "yes", choices=("yes", "no")
        ),
        Field("p", "number", "the p-value reported (p_value)", required=False),
        Field("tests", "integer", "how many hypotheses are tested (count)", required=False),
        Field("true_nulls", "integer", "how many of them have H0 true (count)", False),
        Field("alpha", "number", "the significance level α (count)", required=False),
        Field("power", "number", "the power 1 − β against the real effects (count)", False),
        Field(
            "error",
            "choice",
            "which error to count",
            False,
            "type_i",
            choices=("type_i", "type_ii"),
        ),
    )
    misconceptions = (
        Misconception(
            "swapped_types",
            "You swapped type I and type II",
            "Type I: H0 true but rejected (a false alarm, convicting the innocent). Type II: "
            "H0 false but kept (a miss, acquitting the guilty).",
            TOPIC,
        ),
        Misconception(
            "named_by_decision",
            "You named the error by the decision alone",
            "Whether a decision is an error depends on the truth too: rejecting a false H0 "
            "and keeping a true one are both correct.",
            TOPIC,
        ),
        Misconception(
            "p_value_as_posterior",
            "You read P(data | H0) as P(H0 | data)",
            "A p-value is computed assuming H0 is true; it is not the probability that H0 is "
            "true. Turning it around would need a prior (Bayes).",
            TOPIC,
        ),
        Misconception(
            "one_minus_p_as_h1",
            "1 − p is not the probability that H1 is true",
            "A p-value is computed assuming H0 is true, so neither p nor 1 − p is the "
            "probability of a hypothesis: 1 − p is only the chance, if H0 were true, of a "
            "result less extreme than the one seen.",
            TOPIC,
        ),
        Misconception(
            "error_against_decision",
            "Each error comes with its own decision",
            "A type I error needs H0 rejected and a type II error needs H0 kept; a decision "
            "that matches the truth (rejecting a false H0, keeping a true one) is correct.",
            TOPIC,
        ),
        Misconception(
            "error_called_correct",
            "A decision against the truth is an error",
            "A decision is correct only when it matches the truth. Rejecting an H0 that is "
            "true is a type I error; keeping an H0 that is false is a type II error.",
            TOPIC,
        ),
        Misconception(
            "power_for_beta",
            "You used the power where β belongs",
            "The power 1 − β is the chance of catching a real effect; misses happen with "
            "probability β = 1 − power.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        context = integer(rng, 0, len(CONTEXTS) - 1)
        if level == 1:
            return {
                "asked": "classify",
                "h0_true": pick(rng, ("yes", "no")),
                "rejected": pick(rng, ("yes", "no")),
                "context": context,
            }
        if level == 2:
            return {
                "asked": "p_value",
                "p": integer(rng, 1, 99) / 1000,
                "study": integer(rng, 0, 3),
            }
        tests = integer(rng, 100, 5000)
        return {
            "asked": "count",
            "tests": tests,
            "true_nulls": integer(rng, tests // 5, tests - 10),
            "alpha": pick(rng, (0.01, 0.05, 0.1)),
            "power": integer(rng, 50, 95) / 100,
            "error": pick(rng, ("type_i", "type_ii")),
        }

    def prompt(self, params: Params) -> Prompt:
        asked = params.get("asked") or "classify"
        if asked == "classify":
            setting, truths, decisions = CONTEXTS[params.get("context") or 0]
            truth = truths[0 if params["h0_true"] == "yes" else 1]
            decision = decisions[0 if params["rejected"] == "yes" else 1]
            return (
                f"{setting} {truth}, and {decision}. Is this a type I error, a type II error "
                "or a correct decision? Answer type_i, type_ii or correct.",
            )
        if asked == "p_value":
            return (
                f"{STUDIES[params.get('study') or 0]} reports a p-value of "
                f"{float(params.get('p') or 0.05):g}. "
                "Which statement is right? The p-value is… Answer prob_h0 (the probability "
                "that H0 is true), prob_data (the probability, if H0 were true, of a result at "
                "least this extreme) or prob_h1 (one minus it is the probability that H1 is "
                "true).",
            )
        word = (
            "type I errors (false alarms)"
            if params["error"] == "type_i"
            else ("type II errors (missed effects)")
        )
        return (
            f"A lab runs {params['tests']} independent tests at α = {float(params['alpha']):g}. "
            f"In {params['true_nulls']} of them H0 is in fact true; in the others there is a "
            f"real effect, which each test detects with power {float(params['power']):g}. How "
            f"many {word} should the lab expect? Give it to 1 decimal place.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        asked = params.get("asked") or "classify"
        if asked == "classify":
            return AnswerFormat(Kind.CHOICE, options=ERROR_OPTIONS)
        if asked == "p_value":
            return AnswerFormat(Kind.CHOICE, options=P_VALUE_OPTIONS)
        return decimals(1)

    def solve(self, params: Params) -> Solution[Any]:
        asked = params.get("asked") or "classify"
        if asked == "classify":
            return classify_decision(params["h0_true"] == "yes", params["rejected"] == "yes")
        if asked == "p_value":
            return Solution(
                "prob_data",
                (
                    Step(
                        "A p-value is computed by assuming H0 is true and asking how often data "
                        "at least this far from H0 would appear",
                        formula(
                            r"p = P(\text{result this extreme} \mid H_0)",
                            "p = P(result this extreme | H0)",
                        ),
                    ),
                    Step("It is not P(H0 | data): that would need a prior probability for H0"),
                ),
            )
        return self._count(params)

    def _count(self, params: Params) -> Solution[float]:
        if any(params.get(k) is None for k in ("tests", "true_nulls", "alpha", "power")):
            raise NotSolvable("counting needs tests, true_nulls, alpha and power")
        tests, nulls = int(params["tests"]), int(params["true_nulls"])
        alpha, power = float(params["alpha"]), float(params["power"])
        if not 0 <= nulls <= tests or not 0 < alpha < 1 or not 0 <= power <= 1:
            raise NotSolvable("need 0 ≤ true_nulls ≤ tests, 0 < alpha < 1 and 0 ≤ power ≤ 1")
        if (params.get("error") or "type_i") == "type_i":
            answer = nulls * alpha
            step = Step(
                "A type I error can only happen when H0 is true; each such test rejects with "
                "probability α",
                formula(rf"{nulls}\cdot {alpha:g} = {answer:g}", f"{nulls}·{alpha:g} = {answer:g}"),
            )
        else:
            real = tests - nulls
            beta = 1 - power
            answer = real * beta
            step = Step(
                "A type II error can only happen when there is a real effect; each such test "
                "misses it with probability β = 1 − power",
                formula(
                    rf"{real}\cdot (1 - {power:g}) = {real}\cdot {beta:.2f} = {answer:.1f}",
                    f"{real}·(1 − {power:g}) = {real}·{beta:.2f} = {answer:.1f}",
                ),
            )
        return Solution(answer, (step,))

    def hints(self, params: Params) -> tuple[str, ...]:
        asked = params.get("asked") or "classify"
        if asked == "classify":
            return ("First say whether H0 is true, then whether it was rejected.",)
        if asked == "p_value":
            return ("When you compute a p-value, which hypothesis do you assume is true?",)
        return ("Which tests can make this kind of error, and how often does each make it?",)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        asked = params.get("asked") or "classify"
        if asked == "classify":
            answer = self.solve(params).answer
            by_decision = "type_i" if params["rejected"] == "yes" else "type_ii"
            if answer != "correct":
                other = "type_ii" if answer == "type_i" else "type_i"
                return {"swapped_types": other, "error_called_correct": "correct"}
            other = "type_ii" if by_decision == "type_i" else "type_i"
            return {"named_by_decision": by_decision, "error_against_decision": other}
        if asked == "p_value":
            return {"p_value_as_posterior": "prob_h0", "one_minus_p_as_h1": "prob_h1"}
        tests, nulls = int(params["tests"]), int(params["true_nulls"])
        alpha, power = float(params["alpha"]), float(params["power"])
        if (params.get("error") or "type_i") == "type_i":
            return {"swapped_types": (tests - nulls) * (1 - power)}
        return {"swapped_types": nulls * alpha, "power_for_beta": (tests - nulls) * power}

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The truth and the decision of this case, or what this p-value was computed from."""
        asked = params.get("asked") or "classify"
        if asked == "classify":
            truth = "true" if params["h0_true"] == "yes" else "false"
            decision = "rejected" if params["rejected"] == "yes" else "kept"
            return dict.fromkeys(
                self.buggy_answers(params), f"Here H0 is {truth} and it was {decision}."
            )
        if asked == "p_value" and params.get("p") is not None:
            p = float(params["p"])
            given = f"Here p = {p:g} was computed assuming H0 is true"
            return {
                "p_value_as_posterior": f"{given}: it is P(a result at least this extreme | H0), "
                "not P(H0 | data).",
                "one_minus_p_as_h1": f"{given}, so 1 − p = {1 - p:.4g} is the chance of a less "
                "extreme result if H0 were true, not the probability of H1.",
            }
        return {}
