"""Skill: the likelihood of data under a Bernoulli, binomial or Gaussian model."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.statistics.likelihood import bernoulli_likelihood, gaussian_log_likelihood
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt
from mlmath.exercises.statistics.variants import (
    W3_LIKELIHOOD,
    StatisticsSkill,
    decimals,
    integer,
    normal_data,
    shown,
)

TOPIC = f"{W3_LIKELIHOOD} · Likelihood"


@register
class Likelihood(StatisticsSkill):
    id = "statistics.likelihood"
    title = "Likelihood of data"
    summary = "Multiply the probabilities (or densities) of independent observations."
    levels = 3
    inputs = (
        Field(
            "model",
            "choice",
            "bernoulli (a sequence in order), binomial (a count) or gaussian",
            choices=("bernoulli", "binomial", "gaussian"),
        ),
        Field("successes", "integer", "successes (bernoulli, binomial)", required=False),
        Field("n", "integer", "trials (bernoulli, binomial)", required=False),
        Field("p", "number", "the success probability (bernoulli, binomial)", required=False),
        Field("data", "data", "the observations (gaussian)", required=False),
        Field("mean", "number", "μ (gaussian)", required=False),
        Field("sd", "number", "σ (gaussian)", required=False),
    )
    misconceptions = (
        Misconception(
            "swapped",
            "You swapped p and 1 − p",
            "Each success contributes p and each failure 1 − p; you raised them to the "
            "other counts.",
            TOPIC,
        ),
        Misconception(
            "with_coefficient",
            "You multiplied by the binomial coefficient",
            "The exact order of the outcomes is known, so only this one sequence counts: "
            "no C(n, k).",
            TOPIC,
        ),
        Misconception(
            "forgot_coefficient",
            "You left out the binomial coefficient",
            "Only the count is known, so every order with k successes counts: multiply by C(n, k).",
            TOPIC,
        ),
        Misconception(
            "sd_for_variance",
            "You divided the squares by 2σ instead of 2σ²",
            "The normal density has (x − μ)²/(2σ²) in its exponent: square σ.",
            TOPIC,
        ),
        Misconception(
            "forgot_constant",
            "You left out the −(n/2)·ln(2πσ²) term",
            "Each density carries the factor 1/√(2πσ²); in the log-likelihood that is "
            "−½·ln(2πσ²) per data point.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 3:
            mean = integer(rng, 5, 60)
            sd = integer(rng, 1, 6)
            data = normal_data(rng, integer(rng, 3, 5), mean + rng.uniform(-2, 2), sd, places=1)
            return {"model": "gaussian", "data": data, "mean": mean, "sd": sd}
        p = integer(rng, 1, 9) / 10
        if level == 1:
            n = integer(rng, 3, 5)
            sequence = tuple(int(x) for x in rng.integers(0, 2, size=n))
            return {
                "model": "bernoulli",
                "successes": sum(sequence),
                "n": n,
                "p": p,
                "sequence": sequence,
            }
        n = integer(rng, 5, 12)
        return {"model": "binomial", "successes": integer(rng, 0, n), "n": n, "p": p}

    def prompt(self, params: Params) -> Prompt:
        model = params["model"]
        if model == "gaussian":
            return (
                f"Measurements {shown(params['data'])} are modelled as independent draws from "
                f"N(μ, σ²). What is the log-likelihood ℓ = ln L of μ = {params['mean']:g}, "
                f"σ = {params['sd']:g}? Give it to 2 decimal places.",
            )
        p = float(params["p"])
        if model == "bernoulli":
            sequence = params.get("sequence") or (1,) * params["successes"] + (0,) * (
                params["n"] - params["successes"]
            )
            tosses = ", ".join("H" if x else "T" for x in sequence)
            return (
                f"A bent coin lands heads with probability p. Tossed {params['n']} times it "
                f"gives, in this order: {tosses}. What is the likelihood L(p) of p = {p:g} — "
                "the probability of exactly this sequence? Give it to 5 decimal places.",
            )
        return (
            f"A player scores a free throw with probability p. In {params['n']} throws she "
            f"scored {params['successes']} (the order was not recorded). What is the "
            f"likelihood L(p) of p = {p:g}? Give it to 4 decimal places.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return decimals({"bernoulli": 5, "binomial": 4, "gaussian": 2}[params["model"]])

    def solve(self, params: Params) -> Solution[float]:
        model = params["model"]
        if model == "gaussian":
            if params.get("data") is None or params.get("mean") is None or params.get("sd") is None:
                raise NotSolvable("the gaussian model needs data, mean and sd")
            return gaussian_log_likelihood(params["data"], params["mean"], params["sd"])
        if params.get("successes") is None or params.get("n") is None or params.get("p") is None:
            raise NotSolvable(f"the {model} model needs successes, n and p")
        return bernoulli_likelihood(
            int(params["successes"]), int(params["n"]), float(params["p"]), model == "binomial"
        )

    def hints(self, params: Params) -> tuple[str, ...]:
        if params["model"] == "gaussian":
            return (
                "What is the log of a product of densities?",
                "Add −½·ln(2πσ²) − (x − μ)²/(2σ²) over the data points.",
            )
        return (
            "What is the probability of one success? Of one failure?",
            "Independent trials: multiply. Does the order matter here?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """p itself for the likelihood."""
        if params.get("p") is None:
            return ()
        return (
            OtherQuantity(
                params["p"],
                "p itself",
                "the likelihood L(p)",
                "multiply the probabilities of every observation.",
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        model = params["model"]
        if model == "gaussian":
            data, mean, sd = params["data"], float(params["mean"]), float(params["sd"])
            ss = sum((x - mean) ** 2 for x in data)
            constant = -len(data) / 2 * math.log(2 * math.pi * sd * sd)
            return {
                "sd_for_variance": constant - ss / (2 * sd),
                "forgot_constant": -ss / (2 * sd * sd),
            }
        k, n, p = int(params["successes"]), int(params["n"]), float(params["p"])
        sequence = p**k * (1 - p) ** (n - k)
        out: dict[str, Any] = {}
        if model == "bernoulli":
            out["swapped"] = p ** (n - k) * (1 - p) ** k
            out["with_coefficient"] = math.comb(n, k) * sequence
        else:
            out["swapped"] = math.comb(n, k) * p ** (n - k) * (1 - p) ** k
            out["forgot_coefficient"] = sequence
        return out
