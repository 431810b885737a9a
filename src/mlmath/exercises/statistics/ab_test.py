"""Skill: an A/B test of two conversion rates (two-proportion z-test)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.engine.solution import Solution
from mlmath.engine.statistics.hypothesis_tests import ALTERNATIVES, two_proportion_test
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.testing import (
    ASKED_FIELD,
    GROUPS_ALTERNATIVE_FIELD,
    ONE_SIDED_MISTAKES,
    HypothesisTestSkill,
    hypothesis_slips,
    question,
    toward_alternative,
    z_test_mistakes,
)
from mlmath.exercises.statistics.variants import W4_TESTS, integer, pick

TOPIC = f"{W4_TESTS} · ML Motivation: AB Testing"
STORIES = (
    ("sign-up page", "visitors", "signed up"),
    ("checkout button", "shoppers", "bought"),
    ("email subject line", "recipients", "opened it"),
)
WORDS = {
    "two-sided": "the two rates differ",
    "greater": "B's rate is higher",
    "less": "B's rate is lower",
}


@register
class AbTest(HypothesisTestSkill):
    id = "statistics.ab_test"
    title = "A/B test of two rates"
    summary = "Pool the rates under H0, then z = (p̂_B − p̂_A)/√(p̂(1 − p̂)(1/n_A + 1/n_B))."
    levels = 3
    inputs = (
        Field("successes_a", "integer", "conversions with version A"),
        Field("n_a", "integer", "users shown version A"),
        Field("successes_b", "integer", "conversions with version B"),
        Field("n_b", "integer", "users shown version B"),
        GROUPS_ALTERNATIVE_FIELD,
        ASKED_FIELD,
    )
    misconceptions = (
        Misconception(
            "unpooled",
            "You used each group's own rate in the standard error",
            "Under H0 the two versions share one rate, so the test estimates it from both "
            "groups together (pooled) and uses it for both variances.",
            TOPIC,
        ),
        Misconception(
            "forgot_root",
            "You forgot the square root in the standard error",
            "SE = √(p̂(1 − p̂)(1/n_A + 1/n_B)).",
            TOPIC,
        ),
        *ONE_SIDED_MISTAKES,
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        base_rate = integer(rng, 3, 30) / 100
        if level == 1:
            n_a = n_b = pick(rng, (500, 1000, 2000))
        else:
            n_a, n_b = integer(rng, 300, 5000), integer(rng, 300, 5000)
        pooled_se = math.sqrt(base_rate * (1 - base_rate) * (1 / n_a + 1 / n_b))
        alternative = {1: "two-sided", 2: "greater"}.get(level) or pick(rng, ALTERNATIVES)
        lift = toward_alternative(rng.uniform(-3, 3) * pooled_se, alternative)
        k_a = max(1, round(base_rate * n_a))
        k_b = min(n_b - 1, max(1, round((base_rate + lift) * n_b)))
        return {
            "successes_a": k_a,
            "n_a": n_a,
            "successes_b": k_b,
            "n_b": n_b,
            "alternative": alternative,
            "asked": "statistic" if level == 1 else "p_value",
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        thing, users, verb = STORIES[params.get("story", 0)]
        alternative = params.get("alternative") or "two-sided"
        return (
            f"An A/B test of a {thing}: of {params['n_a']} {users} who saw version A, "
            f"{params['successes_a']} {verb}; of {params['n_b']} who saw version B, "
            f"{params['successes_b']} {verb}. Test H0: p_A = p_B against H1: "
            f"{WORDS[alternative]}, with the pooled two-proportion z-test. "
            f"{question(params.get('asked') or 'p_value')}",
        )

    def solve(self, params: Params) -> Solution[float]:
        return two_proportion_test(
            int(params["successes_a"]),
            int(params["n_a"]),
            int(params["successes_b"]),
            int(params["n_b"]),
            alternative=params.get("alternative") or "two-sided",
            asked=params.get("asked") or "p_value",
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "If the two versions were equally good, what single rate would best describe "
            "all the users together?",
            "Pool: p̂ = (k_A + k_B)/(n_A + n_B); SE = √(p̂(1 − p̂)(1/n_A + 1/n_B)).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """Tails, the statistic for its p-value and back, 1 − p, the percentage."""
        ka, na = int(params["successes_a"]), int(params["n_a"])
        kb, nb = int(params["successes_b"]), int(params["n_b"])
        pooled = (ka + kb) / (na + nb)
        z = (kb / nb - ka / na) / math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
        return hypothesis_slips(params, z)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        ka, na = int(params["successes_a"]), int(params["n_a"])
        kb, nb = int(params["successes_b"]), int(params["n_b"])
        pa, pb, pooled = ka / na, kb / nb, (ka + kb) / (na + nb)
        variance = pooled * (1 - pooled) * (1 / na + 1 / nb)
        z = (pb - pa) / math.sqrt(variance)
        wrong = {
            "unpooled": (pb - pa) / math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb),
            "forgot_root": (pb - pa) / variance,
        }
        return z_test_mistakes(params, z, wrong, self.solve(params).answer)
