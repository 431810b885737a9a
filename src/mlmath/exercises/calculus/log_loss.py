"""Skill: the log loss of a probability p on data, and its derivative."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.calculus.log_loss import check, log_loss_slope, log_loss_value, slope, value
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.calculus.functions import WEEK1, integer, pick
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK1} · Optimizing cost functions in ML: Log loss"
ASKED = ("value", "derivative")
NAMES = ("Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun")


@register
class LogLoss(Skill):
    id = "calculus.log_loss"
    title = "Log loss and its derivative"
    summary = "L(p) = −k·ln p − (n − k)·ln(1 − p), and L′(p) = −k/p + (n − k)/(1 − p)."
    levels = 3
    inputs = (
        Field("successes", "integer", "the successes k (heads, or examples labelled 1)"),
        Field("trials", "integer", "the trials n (tosses, or examples)"),
        Field("p", "number", "the model's probability of a success, between 0 and 1"),
        Field(
            "asked",
            "choice",
            "the loss's value or its derivative at p",
            False,
            "value",
            choices=ASKED,
        ),
    )
    misconceptions = (
        Misconception(
            "no_minus",
            "The log loss is minus the log-likelihood, so it is positive",
            "ln p < 0 for 0 < p < 1, so k·ln p + (n − k)·ln(1 − p) is negative; the loss puts a "
            "minus in front so that smaller is better and 0 is perfect.",
            TOPIC,
        ),
        Misconception(
            "common_log",
            "ln is the natural logarithm, not log base 10",
            "The log loss uses ln = log base e (np.log). log₁₀ gives every term 2.303 times too "
            "small.",
            TOPIC,
        ),
        Misconception(
            "chain_rule_sign",
            "The chain rule's minus on ln(1 − p) was lost",
            "d/dp ln(1 − p) = (1/(1 − p))·(−1): the inner function 1 − p has slope −1, so "
            "−(n − k)·ln(1 − p) contributes +(n − k)/(1 − p).",
            TOPIC,
        ),
        Misconception(
            "likelihood_slope",
            "That is the slope of the log-likelihood; the loss has the opposite sign",
            "L = −ℓ, so L′(p) = −ℓ′(p) = −k/p + (n − k)/(1 − p). Both are 0 at p = k/n, but "
            "their signs point opposite ways.",
            TOPIC,
        ),
        Misconception(
            "mean_not_total",
            "You gave the mean loss per example, not the total",
            "L(p) = −k·ln p − (n − k)·ln(1 − p) is the total loss of the n examples. Dividing "
            "by n gives the mean loss per example (what sklearn's log_loss reports), n times "
            "smaller.",
            TOPIC,
            hint="Does the L(p) of the question divide by n, or add the losses of all n examples?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        asked = pick(rng, ASKED)
        name = integer(rng, 0, len(NAMES) - 1)
        while True:
            if level == 1:
                n = integer(rng, 2, 6)
                p = pick(
                    rng,
                    (
                        Fraction(1, 2),
                        Fraction(1, 3),
                        Fraction(2, 3),
                        Fraction(1, 4),
                        Fraction(3, 4),
                    ),
                )
            elif level == 2:
                n, p = integer(rng, 5, 20), Fraction(integer(rng, 1, 9), 10)
            else:
                n, p = integer(rng, 10, 200), Fraction(integer(rng, 1, 99), 100)
            k = integer(rng, 1, n - 1)
            if Fraction(k, n) != p:
                return {
                    "successes": k,
                    "trials": n,
                    "p": p,
                    "asked": asked,
                    "story": level == 3,
                    "name": name,
                }

    def prompt(self, params: Params) -> Prompt:
        k, n, p = params["successes"], params["trials"], params["p"]
        asked = params.get("asked") or "value"
        if params.get("story"):
            setting = (
                f"A classifier gives every one of {n} emails the same probability p = {float(p):g} "
                f"of being spam; {k} of them are spam."
            )
        else:
            shown = f"{float(p):g}" if p.denominator in (5, 10, 20, 25, 50, 100) else str(p)
            setting = (
                f"{NAMES[params.get('name', 0)]} tosses a coin {n} times and gets {k} heads; "
                f"the model says P(heads) = {shown}."
            )
        if asked == "value":
            question = (
                "What is the log loss L(p) = −k·ln p − (n − k)·ln(1 − p)? Give it to 3 "
                "decimal places."
            )
        else:
            question = (
                "What is the derivative of the log loss, L′(p), at this p? Give it exactly or "
                "to 3 decimal places."
            )
        return (f"{setting} {question}",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=3)

    def check_inputs(self, params: Params) -> None:
        try:
            check(params["successes"], params["trials"], params["p"])
        except NotSolvable as error:
            raise InputError(str(error)) from None

    def solve(self, params: Params) -> Solution[Any]:
        k, n, p = params["successes"], params["trials"], params["p"]
        if (params.get("asked") or "value") == "value":
            return log_loss_value(k, n, p)
        return log_loss_slope(k, n, p)

    def answer(self, params: Params) -> Any:
        k, n, p = params["successes"], params["trials"], params["p"]
        if (params.get("asked") or "value") == "value":
            return value(k, n, float(p))
        return slope(k, n, p)

    def hints(self, params: Params) -> tuple[str, ...]:
        if (params.get("asked") or "value") == "value":
            return (
                "The likelihood of the data is pᵏ(1 − p)ⁿ⁻ᵏ. What happens to a product when you "
                "take its logarithm?",
                "L(p) = −k·ln p − (n − k)·ln(1 − p), with the natural logarithm.",
            )
        return (
            "Differentiate each logarithm. What is the inner function of ln(1 − p), and its slope?",
            "L′(p) = −k/p + (n − k)/(1 − p); then put in p.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        k, n, p = params["successes"], params["trials"], params["p"]
        if (params.get("asked") or "value") == "value":
            loss = value(k, n, float(p))
            return {
                "no_minus": -loss,
                "common_log": loss / math.log(10),
                "mean_not_total": loss / n,
            }
        return {
            "chain_rule_sign": -k / p - (n - k) / (1 - p),
            "likelihood_slope": k / p - (n - k) / (1 - p),
            "mean_not_total": slope(k, n, p) / n,
        }
