"""Skill: the family-wise error rate of many tests, and the Bonferroni level that controls it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.multiple_testing import bonferroni_level, familywise_error_rate, fwer
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import NAMES
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import W4_TESTS, StatisticsSkill, integer, pick

TOPIC = f"{W4_TESTS} · Two types of errors"
ASKED = ("fwer", "bonferroni")
STORIES = (
    "{name}'s team A/B-tests {m} new button colours against the current one",
    "{name}'s lab tests {m} genes, one at a time, for a link with a disease",
    "{name} checks {m} features of a data set for a difference between two groups",
    "{name}'s shop runs {m} independent experiments with discounts",
    "{name} screens {m} drug candidates against a placebo",
    "{name}'s survey compares {m} regions with the national average",
    "{name} tests {m} ad texts for a higher click rate",
    "{name}'s school compares {m} teaching methods with the usual one",
)


@register
class FamilywiseError(StatisticsSkill):
    id = "statistics.familywise_error"
    title = "Many tests: the family-wise error rate"
    summary = (
        "P(at least one false positive in m tests) = 1 − (1 − α)ᵐ; Bonferroni tests each at α/m."
    )
    levels = 3
    inputs = (
        Field("alpha", "number", "the significance level α of each test (or of the family)"),
        Field("tests", "integer", "how many tests m"),
        Field("true_nulls", "integer", "how many of them have H0 true (all, if left out)", False),
        Field(
            "asked",
            "choice",
            "the family-wise error rate, or the Bonferroni level per test",
            False,
            "fwer",
            choices=ASKED,
        ),
    )
    misconceptions = (
        Misconception(
            "added_alphas",
            "The chances were added: m·α",
            "m·α counts overlapping events more than once and passes 1 for many tests. Take "
            "the complement: 1 − (1 − α)ᵐ. (m·α is only an upper bound.)",
            TOPIC,
        ),
        Misconception(
            "alpha_unchanged",
            "Running more tests raises the chance of a false positive above α",
            "Each test alone has chance α, but with m tests there are m chances: at least one "
            "false positive has probability 1 − (1 − α)ᵐ.",
            TOPIC,
        ),
        Misconception(
            "every_test_wrong",
            "αᵐ is the chance that EVERY test gives a false positive",
            "'At least one' is the complement of 'none': 1 − (1 − α)ᵐ, not αᵐ.",
            TOPIC,
        ),
        Misconception(
            "counted_real_effects",
            "Only the tests whose H0 is true can give a false positive",
            "A test of a real effect can miss it (a type II error) but not raise a false "
            "alarm: raise 1 − α to the number of TRUE null hypotheses only.",
            TOPIC,
        ),
        Misconception(
            "multiplied_level",
            "Bonferroni divides α by the number of tests",
            "To keep the family-wise rate at α, each test uses α/m: stricter, not looser.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        alpha = 0.05 if level == 1 else pick(rng, (0.1, 0.05, 0.02, 0.01))
        asked = "fwer" if level == 1 else pick(rng, ASKED)
        top = {1: 5, 2: 30, 3: 100 if asked == "fwer" else 2000}[level]
        tests = integer(rng, 2 if level == 1 else 3, top)
        true_nulls = tests
        if level == 3 and asked == "fwer":
            while fwer(alpha, true_nulls := integer(rng, 2, tests)) > 0.999:
                pass
        return {
            "alpha": alpha,
            "tests": tests,
            "true_nulls": true_nulls,
            "asked": asked,
            "story": integer(rng, 0, len(STORIES) - 1),
            "name": pick(rng, NAMES),
        }

    def prompt(self, params: Params) -> Prompt:
        m, alpha = params["tests"], float(params["alpha"])
        t = params.get("true_nulls") or m
        story = STORIES[params.get("story", 0)].format(m=m, name=params.get("name", "Ana"))
        if (params.get("asked") or "fwer") == "fwer":
            truth = (
                "in fact nothing differs (every H0 is true)"
                if t == m
                else f"in fact only {m - t} of them have a real effect ({t} H0s are true)"
            )
            return (
                f"{story}, each at α = {alpha:g}; the tests are independent and {truth}. What "
                "is the probability of at least one false positive? Give it to 4 decimal places.",
            )
        return (
            f"{story} and wants the chance of any false positive to stay at most {alpha:g}. "
            "With the Bonferroni correction, at what level should each test be run? Give it "
            "to 4 significant figures or exactly.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if (params.get("asked") or "fwer") == "fwer":
            return AnswerFormat(Kind.NUMBER, decimals=4, percent_allowed=True)
        return AnswerFormat(Kind.NUMBER, relative_tolerance=0.0005, percent_allowed=True)

    def solve(self, params: Params) -> Solution[float]:
        alpha, m = float(params["alpha"]), int(params["tests"])
        if (params.get("asked") or "fwer") == "fwer":
            return familywise_error_rate(alpha, m, params.get("true_nulls"))
        return bonferroni_level(alpha, m)

    def hints(self, params: Params) -> tuple[str, ...]:
        if (params.get("asked") or "fwer") == "fwer":
            return (
                "What is the chance that one test stays quiet? And all of them?",
                "P(no false positive) = (1 − α)ᵐ; the answer is its complement.",
            )
        return (
            "If each test has a small chance of a false positive, how large can the chance of "
            "at least one be?",
            "At most m times the level of each test; make that α.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        alpha, m = float(params["alpha"]), int(params["tests"])
        t = params.get("true_nulls") or m
        if (params.get("asked") or "fwer") == "fwer":
            out = {
                "added_alphas": t * alpha,
                "alpha_unchanged": alpha,
                "every_test_wrong": alpha**t,
                "counted_real_effects": fwer(alpha, m),
            }
            return {k: v for k, v in out.items() if abs(v - fwer(alpha, t)) >= 0.00015}
        return {"multiplied_level": alpha * m, "alpha_unchanged": alpha}
