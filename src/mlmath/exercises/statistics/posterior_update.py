"""Skill: update a discrete prior over a coin's bias with data (Bayes' rule)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.bayesian import discrete_posterior
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_BAYES,
    StatisticsSkill,
    apart,
    decimals,
    integer,
)

TOPIC = f"{W3_BAYES} · A priori/ a posteriori distributions"


def _floats(v: Any) -> tuple[float, ...]:
    entries = v.entries if isinstance(v, Vector) else v
    return tuple(float(x) for x in entries)


def _read(params: Params) -> tuple[tuple[float, ...], tuple[float, ...], int, int, int]:
    which = int(params.get("which") or 1)
    return (
        _floats(params["hypotheses"]),
        _floats(params["prior"]),
        int(params["successes"]),
        int(params["n"]),
        which - 1,
    )


@register
class PosteriorUpdate(StatisticsSkill):
    id = "statistics.posterior_update"
    title = "Prior to posterior"
    summary = "Posterior ∝ prior × likelihood: multiply, add up, divide."
    levels = 3
    inputs = (
        Field("hypotheses", "vector", "the possible values of p = P(heads)"),
        Field("prior", "vector", "the prior probability of each value (adding up to 1)"),
        Field("successes", "integer", "heads seen"),
        Field("n", "integer", "tosses made"),
        Field("which", "integer", "which hypothesis to report, 1 for the first", False, 1),
    )
    misconceptions = (
        Misconception(
            "likelihood_as_posterior",
            "You gave P(data | hypothesis) as P(hypothesis | data)",
            "The likelihood says how well the hypothesis predicts the data. To turn it "
            "around, weigh by the prior and divide by P(data).",
            TOPIC,
        ),
        Misconception(
            "ignored_prior",
            "You ignored the prior",
            "Multiply each likelihood by its prior before normalising; only a uniform "
            "prior drops out.",
            TOPIC,
        ),
        Misconception(
            "not_normalised",
            "You did not divide by P(data)",
            "Prior × likelihood must be divided by its sum over all hypotheses so the "
            "posterior adds up to 1.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        hypotheses: tuple[float, ...]
        prior: tuple[float, ...]
        if level == 1:
            biased = integer(rng, 6, 9) / 10
            hypotheses = (0.5, biased)
            fair_prior = integer(rng, 5, 9) / 10
            prior = (fair_prior, round(1 - fair_prior, 1))
            n = integer(rng, 1, 3)
        else:
            count = 2 if level == 2 else 3
            values = rng.choice(np.arange(1, 10), size=count, replace=False)
            hypotheses = tuple(float(v) / 10 for v in sorted(values))
            cuts = sorted(int(c) for c in rng.choice(np.arange(1, 20), count - 1, replace=False))
            bounds = [0, *cuts, 20]
            prior = tuple((b - a) / 20 for a, b in itertools.pairwise(bounds))
            n = integer(rng, 4, 8) if level == 2 else integer(rng, 5, 15)
        which = integer(rng, 1, len(hypotheses))
        return {
            "hypotheses": hypotheses,
            "prior": prior,
            "successes": integer(rng, 0, n) if level > 1 else integer(rng, max(1, n - 1), n),
            "n": n,
            "which": which,
        }

    def prompt(self, params: Params) -> Prompt:
        hyps, prior, k, n, which = _read(params)
        options = "; ".join(
            f"P(heads) = {p:g} with prior probability {w:g}"
            for p, w in zip(hyps, prior, strict=True)
        )
        return (
            f"A coin is drawn from a box of coins of {len(hyps)} kinds: {options}. It is "
            f"tossed {n} times and shows {k} heads. What is the posterior probability that "
            f"its P(heads) is {hyps[which]:g}? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(3, percent=True)

    def check_inputs(self, params: Params) -> None:
        hyps = params["hypotheses"]
        if not 1 <= int(params.get("which") or 1) <= len(hyps.entries):
            from mlmath.exercises.inputs import InputError

            raise InputError(f"which: give a hypothesis number from 1 to {len(hyps.entries)}")
        super().check_inputs(params)

    def solve(self, params: Params) -> Solution[float]:
        hyps, prior, k, n, which = _read(params)
        if len(hyps) > 10:
            raise NotSolvable("give at most 10 hypotheses")
        return discrete_posterior(hyps, prior, k, n, which)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Before the tosses, how likely was each kind of coin? How well does each "
            "explain the tosses?",
            "Multiply prior × p^k(1 − p)^(n − k) for each kind, then divide by the sum.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        hyps, prior, k, n, which = _read(params)
        likelihoods = [p**k * (1 - p) ** (n - k) for p in hyps]
        uniform = tuple(1 / len(hyps) for _ in hyps)
        answers = {
            "likelihood_as_posterior": likelihoods[which],
            "ignored_prior": discrete_posterior(hyps, uniform, k, n, which).answer,
            "not_normalised": prior[which] * likelihoods[which],
        }
        return apart(self.solve(params).answer, answers, 3)
