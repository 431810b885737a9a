"""Skill: binomial probabilities, with the binomial coefficient."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from math import comb
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.discrete import (
    binomial_counts,
    binomial_probability,
    binomial_sum,
    comparison_of,
)
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import drawable, number
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Boundary, OneTrial, Slip, probability_slips
from mlmath.exercises.probability.variants import (
    NAMES,
    W1_RANDOM_VARIABLES,
    as_reported,
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
WORDS = {"=": "exactly", "<=": "at most", "<": "fewer than", ">=": "at least", ">": "more than"}
COMPARISONS = ("=", "<=", "<", ">=", ">")
OTHER_END = {"<=": "<", "<": "<=", ">=": ">", ">": ">="}
STORIES = (
    "{name} flips a coin that shows heads with probability {p}, {n} times. What is the "
    "probability of {how} {k} {counted}?",
    "Each of {n} patients recovers with probability {p}, independently. What is the "
    "probability that {how} {k} {counted}?",
    "{name} answers {n} multiple-choice questions by guessing; each guess is right with "
    "probability {p}. What is the probability of {how} {k} {counted}?",
    "A machine makes {n} parts; each is faulty with probability {p}, independently. What is "
    "the probability of {how} {k} {counted}?",
)
COUNTED = (
    ("head", "heads"),
    ("recovers", "recover"),
    ("right answer", "right answers"),
    ("faulty part", "faulty parts"),
)
"""What each story counts, said of one and of several ("exactly 1 right answer")."""


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
            "P(X = k), P(X <= k), P(X < k), P(X >= k) or P(X > k) (≤ and ≥ also read)",
            required=False,
            default="=",
            choices=(*COMPARISONS, "≤", "≥"),
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
            "You mixed up ≤ and < (or ≥ and >)",
            "For a count the endpoint matters: 'at most k' includes k, 'fewer than k' stops "
            "at k − 1; 'at least k' includes k, 'more than k' starts at k + 1.",
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
            "'At most k' adds P(X = 0), P(X = 1), … up to P(X = k); 'at least k' adds "
            "P(X = k) up to P(X = n).",
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
                comparison = pick(rng, COMPARISONS)
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
        story = params.get("story", 0)
        one, several = COUNTED[story]
        return (
            STORIES[story].format(
                name=params.get("name", "Ana"),
                n=params["n"],
                p=probability_text(params["p"]),
                k=params["k"],
                how=WORDS[comparison_of(params["comparison"])],
                counted=one if params["k"] == 1 else several,
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

    def answer(self, params: Params) -> Any:
        n, p, k = params["n"], params["p"], params["k"]
        if not (0 <= p <= 1 and 1 <= n <= 200 and 0 <= k <= n):
            return self.solve(params).answer  # says why there is no answer
        return as_reported(binomial_sum(n, p, binomial_counts(n, k, params["comparison"])))

    def hints(self, params: Params) -> tuple[str, ...]:
        n, k = params["n"], params["k"]
        return (
            f"In how many different orders can {k} successes fall among {n} trials?",
            f"C({n}, {k}) = {comb(n, k)}. Each order has probability p^{k}·(1 − p)^{n - k}.",
        )

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        n, k, comparison = params["n"], params["k"], comparison_of(params["comparison"])
        if comparison == "=":
            ends, shade = {"a": k, "b": k}, "between"
        elif comparison in ("<=", "<"):
            ends, shade = {"b": k if comparison == "<=" else k - 1}, "below"
        else:
            ends, shade = {"a": k if comparison == ">=" else k + 1}, "above"
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

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The boundary moved by one (≥ for >), one trial for n, the complement, the
        percentage."""
        n, p, k = params["n"], params["p"], params["k"]
        comparison = comparison_of(params["comparison"])
        successes = f"{k} success" if k == 1 else f"{k} successes"
        if comparison == "=":
            how = (
                f"each order of {successes} in {n} trials has probability "
                f"p^{k}·(1 − p)^{n - k}, and there are C({n}, {k}) = {comb(n, k)} orders."
            )
        else:
            how = "add C(n, j)·p^j·(1 − p)^(n − j) over the counts j the question asks about."
        asked = f"{WORDS[comparison]} {successes} in {n} trials"
        one_trial = OneTrial(p, "trial", asked, how, probability_text(p))
        if comparison == "=":
            return (one_trial, *probability_slips())
        return (
            one_trial,
            Boundary(
                lambda at: binomial_sum(n, p, binomial_counts(n, at, comparison)),
                k,
                "'At least k' and 'at most k' include k itself; 'more than k' and 'fewer "
                "than k' do not.",
                low=0,
                high=n,
            ),
            *probability_slips(),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        return reported_all(self._buggy(params))

    def _buggy(self, params: Params) -> dict[str, Any]:
        n, p, k = params["n"], params["p"], params["k"]
        comparison = comparison_of(params["comparison"])
        q = 1 - p
        out: dict[str, Any] = {}
        if comparison == "=":
            out["forgot_coefficient"] = p**k * q ** (n - k)
            out["swapped_p"] = comb(n, k) * q**k * p ** (n - k)
        else:
            counts = binomial_counts(n, k, comparison)
            out["endpoint"] = binomial_sum(n, p, binomial_counts(n, k, OTHER_END[comparison]))
            out["only_k_term"] = binomial_sum(n, p, [k])
            out["forgot_coefficient"] = binomial_sum(n, p, counts, coefficient=False)
        return out
