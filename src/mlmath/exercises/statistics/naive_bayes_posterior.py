"""Skill: the posterior of a naive Bayes classifier from a prior and word likelihoods."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Vector
from mlmath.engine.probability.notation import given_percent_text
from mlmath.engine.solution import Solution
from mlmath.engine.statistics.bayesian import naive_bayes_posterior
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import W3_BAYES, StatisticsSkill, decimals, integer

TOPIC = f"{W3_BAYES} · ML motivation example: Naive Bayes"
WORDS = ("free", "winner", "meeting", "invoice", "offer", "lunch", "urgent", "report")


def _floats(v: Any) -> tuple[float, ...]:
    entries = v.entries if isinstance(v, Vector) else v
    return tuple(float(x) for x in entries)


def _read(params: Params) -> tuple[float, tuple[float, ...], tuple[float, ...], tuple[int, ...]]:
    present = tuple(int(x) for x in _floats(params["present"]))
    return (
        float(params["prior"]),
        _floats(params["likelihoods_yes"]),
        _floats(params["likelihoods_no"]),
        present,
    )


@register
class NaiveBayesPosterior(StatisticsSkill):
    id = "statistics.naive_bayes_posterior"
    title = "Naive Bayes posterior"
    summary = "Multiply the prior by each feature's likelihood per class, then normalise."
    levels = 3
    inputs = (
        Field("prior", "number", "P(spam), the prior of the class asked about"),
        Field("likelihoods_yes", "vector", "P(word present | spam) for each word"),
        Field("likelihoods_no", "vector", "P(word present | not spam) for each word"),
        Field("present", "vector", "1 for each word in the email, 0 for each word absent"),
    )
    misconceptions = (
        Misconception(
            "ignored_prior",
            "You left out the prior",
            "Bayes' theorem weighs each class's likelihood by how common the class is: "
            "multiply by P(spam) and P(not spam).",
            TOPIC,
        ),
        Misconception(
            "not_normalised",
            "You did not divide by the total",
            "Prior × likelihoods is only proportional to the posterior; divide by the sum "
            "over both classes so the two posteriors add up to 1.",
            TOPIC,
        ),
        Misconception(
            "absent_as_present",
            "You used P(word | class) for a word that is absent",
            "An absent word contributes P(absent | class) = 1 − P(present | class).",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        count = level + 1
        words = tuple(int(i) for i in rng.choice(len(WORDS), size=count, replace=False))
        yes = tuple(integer(rng, 5, 95) / 100 for _ in range(count))
        no = tuple(integer(rng, 1, 60) / 100 for _ in range(count))
        present = (1,) * count if level == 1 else tuple(int(x) for x in rng.integers(0, 2, count))
        if level > 1 and all(present):
            present = (*present[:-1], 0)
        return {
            "prior": integer(rng, 10, 60) / 100,
            "likelihoods_yes": yes,
            "likelihoods_no": no,
            "present": present,
            "words": words,
        }

    def prompt(self, params: Params) -> Prompt:
        prior, yes, no, present = _read(params)
        words = params.get("words") or tuple(range(len(yes)))
        lines = [
            f"'{WORDS[w % len(WORDS)]}' appears in {given_percent_text(y)} of spam "
            f"and {given_percent_text(q)} of other email"
            for w, y, q in zip(words, yes, no, strict=True)
        ]
        seen = [WORDS[w % len(WORDS)] for w, x in zip(words, present, strict=True) if x]
        unseen = [WORDS[w % len(WORDS)] for w, x in zip(words, present, strict=True) if not x]
        email = "contains " + (", ".join(f"'{w}'" for w in seen) or "none of the words")
        if unseen:
            email += " but not " + ", ".join(f"'{w}'" for w in unseen)
        return (
            f"{given_percent_text(prior)} of the email a filter sees is spam. "
            + "; ".join(lines)
            + ". "
            f"A new email {email}. Assuming the words appear independently given the class "
            "(naive Bayes), what is P(spam | email)? Give it to 3 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals(3, percent=True)

    def solve(self, params: Params) -> Solution[float]:
        return naive_bayes_posterior(*_read(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "For each class, how likely is this exact mix of words? Multiply, word by word.",
            "Weigh each class by its prior, then divide by the sum of the two.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        prior, yes, no, present = _read(params)
        out: dict[str, Any] = {
            "ignored_prior": naive_bayes_posterior(0.5, yes, no, present).answer,
            "not_normalised": prior
            * math.prod(q if x else 1 - q for q, x in zip(yes, present, strict=True)),
        }
        if not all(present):
            out["absent_as_present"] = naive_bayes_posterior(prior, yes, no, (1,) * len(yes)).answer
        return out
