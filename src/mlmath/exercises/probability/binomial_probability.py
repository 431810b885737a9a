"""Skill: binomial probabilities, with the binomial coefficient."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from math import comb
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.discrete import binomial_probability, binomial_sum
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import drawable, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.probability.variants import (
    NAMES,
    W1_RANDOM_VARIABLES,
    grid_probability,
    integer,
    is_clean,
    pick,
    probability_format,
    probability_text,
    reported,
    reported_all,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_RANDOM_VARIABLES} · Discrete random variables: Binomial distribution"
WORDS = {"=": "exactly", "<=": "at most", "<": "fewer than"}
STORIES = (
    "{name} flips a coin that shows heads with probability {p}, {n} times. What is the "
    "probability of {how} {k} heads?",
    "Each of {n} patients recovers with probability {p}, independently. What is the "
    "probability that {how} {k} recover?",
    "{name} answers {n} multiple-choice questions by guessing; each guess is right with "
    "probability {p}. What is the probability of {how} {k} right answers?",
    "A machine makes {n} parts; each is faulty with probability {p}, independently. What is "
    "the probability of {how} {k} faulty parts?",
)


@register
class BinomialProbability(Skill):
    id = "probability.binomial_probability"
    title = "Binomial probabilities"
    summary = "P(X = k) = C(n, k)·p^k·(1 − p)^(n − k) counts successes in n independent trials."
    levels = 3
    inputs = (
        Field("n", "integer", "the number of trials"),
        Field("p", "number", "the probability of success in one trial"),
        Field("k", "integer", "the number of successes"),
        Field(
            "comparison",
            "choice",
            "P(X = k), P(X <= k) or P(X < k)",
            required=False,
            default="=",
            choices=("=", "<=", "<"),
        ),
    )
    misconceptions = (
        Misconception(
            "forgot_coefficient",
            "You left out the binomial coefficient",
            "p^k(1 − p)^(n − k) is the chance of one particular order of successes and "
            "failures. There are C(n, k) orders, all equally likely: multiply by C(n, k).",
            TOPIC,
        ),
        Misconception(
            "endpoint",
            "You mixed up P(X ≤ k) and P(X < k)",
            "For a count the endpoint matters: 'at most k' includes k, 'fewer than k' stops "
            "at k − 1.",
            TOPIC,
        ),
        Misconception(
            "swapped_p",
            "You swapped p and 1 − p",
            "The power k goes with the probability of a success, p; the power n − k with the "
            "probability of a failure, 1 − p.",
            TOPIC,
        ),
        Misconception(
            "only_k_term",
            "You gave P(X = k) alone",
            "'At most k' adds P(X = 0), P(X = 1), … up to P(X = k).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            if level == 1:
                n, p, comparison = integer(rng, 2, 3), Fraction(1, 2), "="
                if rng.random() < 0.3:
                    n, p = 2, pick(rng, (Fraction(1, 3), Fraction(2, 3)))
            elif level == 2:
                n, p = (
                    integer(rng, 4, 10),
                    pick(rng, (Fraction(1, 2), Fraction(1, 4), Fraction(1, 5), Fraction(3, 10))),
                )
                comparison = "="
            else:
                n, p = integer(rng, 5, 40), grid_probability(rng, 5, 950, 1000)
                comparison = pick(rng, ("=", "<=", "<"))
            k = integer(rng, 1, n - 1)
            params = {
                "n": n,
                "p": p,
                "k": k,
                "comparison": comparison,
                "story": integer(rng, 0, len(STORIES) - 1),
                "name": pick(rng, NAMES),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        return (
            STORIES[params.get("story", 0)].format(
                name=params.get("name", "Ana"),
                n=params["n"],
                p=probability_text(params["p"]),
                k=params["k"],
                how=WORDS[params["comparison"]],
            ),
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Any]:
        return reported(
            binomial_probability(params["n"], params["p"], params["k"], params["comparison"])
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        n, k = params["n"], params["k"]
        return (
            f"In how many different orders can {k} successes fall among {n} trials?",
            f"C({n}, {k}) = {comb(n, k)}. Each order has probability p^{k}·(1 − p)^{n - k}.",
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        n, k, comparison = params["n"], params["k"], params["comparison"]
        if comparison == "=":
            ends, shade = {"a": k, "b": k}, "between"
        else:
            ends, shade = {"b": k if comparison == "<=" else k - 1}, "below"
        return drawable(
            {
                "kind": "distribution",
                "params": {"family": "binomial", "n": n, "p": number(params["p"]), **ends}
                | {"shade": shade},
                "caption": "Each bar is P(X = k) for one count k; the shaded bars make up the "
                "event asked about. Move the ends and watch the sum change.",
                "alt": f"The bars of the binomial distribution with n = {n} and p = "
                f"{params['p']}, the counts asked about shaded.",
                "after_answer": True,
            }
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        return reported_all(self._buggy(params))

    def _buggy(self, params: Params) -> dict[str, Any]:
        n, p, k, comparison = params["n"], params["p"], params["k"], params["comparison"]
        q = 1 - p
        out: dict[str, Any] = {}
        if comparison == "=":
            out["forgot_coefficient"] = p**k * q ** (n - k)
            out["swapped_p"] = comb(n, k) * q**k * p ** (n - k)
        else:
            last = k if comparison == "<=" else k - 1
            other_last = k - 1 if comparison == "<=" else k
            out["endpoint"] = binomial_sum(n, p, range(other_last + 1))
            out["only_k_term"] = binomial_sum(n, p, [k])
            out["forgot_coefficient"] = binomial_sum(n, p, range(last + 1), coefficient=False)
        return out
