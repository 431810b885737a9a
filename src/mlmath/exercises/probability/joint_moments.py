"""Skill: event probabilities, covariance and correlation from a joint table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.probability.joint_moments import (
    EVENTS,
    correlation_value,
    event_name,
    holds,
    moments,
    table_correlation,
    table_covariance,
    table_event,
)
from mlmath.engine.probability.notation import total
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import drawable, number
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.joint_marginal import (
    STORIES,
    JointTableSkill,
    generate_joint,
    joint_inputs,
    joint_prompt,
    read_joint,
)
from mlmath.exercises.probability.variants import W2_RANDOM_VECTORS, integer, pick
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = f"{W2_RANDOM_VECTORS} · Measures of relatedness: covariance"
ASKED = ("probability", "covariance", "correlation")


BOUNDARY_MOVED: dict[str, Callable[[Fraction, Fraction, Fraction | None], bool]] = {
    "x<y": lambda x, y, t: x <= y,
    "x>y": lambda x, y, t: x >= y,
    "sum<=": lambda x, y, t: t is not None and x + y < t,
}
"""The events with a boundary, each with the boundary moved (≤ for <, < for ≤)."""


def _event_mistakes(
    table: Sequence[Sequence[Fraction]],
    xs: Sequence[Fraction],
    ys: Sequence[Fraction],
    event: str,
    t: Fraction | None,
) -> dict[str, Fraction]:
    """An event's probability with its cells counted, and with its boundary moved."""
    cells = sum(1 for x in xs for y in ys if holds(event, x, y, t))
    out = {"counted_cells": Fraction(cells, len(xs) * len(ys))}
    moved = BOUNDARY_MOVED.get(event)
    if moved is not None:
        out["endpoint"] = total(
            [
                p
                for row, x in zip(table, xs, strict=True)
                for p, y in zip(row, ys, strict=True)
                if moved(x, y, t)
            ]
        )
    return out


@register
class JointMoments(JointTableSkill):
    id = "probability.joint_moments"
    title = "Probabilities, covariance and correlation from a joint table"
    summary = "Add the cells of an event; Cov(X, Y) = E[XY] − E[X]E[Y]; ρ = Cov/(σ_X σ_Y)."
    levels = 3
    inputs = joint_inputs(
        Field(
            "asked",
            "choice",
            "an event's probability, the covariance or the correlation",
            False,
            "covariance",
            choices=ASKED,
        ),
        Field(
            "event",
            "choice",
            "the event (for a probability): x<y, x=y, x>y, sum<= or sum=",
            False,
            "x<y",
            choices=EVENTS,
        ),
        Field("threshold", "number", "t in X + Y ≤ t or X + Y = t", False),
    )
    misconceptions = (
        Misconception(
            "no_mean_product",
            "E[XY] alone is not the covariance",
            "Cov(X, Y) = E[XY] − E[X]·E[Y]: subtract the product of the means, or two "
            "variables that merely have large values look related.",
            TOPIC,
        ),
        Misconception(
            "divided_by_variances",
            "Divide by the standard deviations, not the variances",
            "ρ = Cov(X, Y)/(σ_X·σ_Y) with σ the square roots of the variances; dividing by "
            "σ_X²·σ_Y² does not keep ρ between −1 and 1.",
            TOPIC,
        ),
        Misconception(
            "covariance_for_correlation",
            "That is the covariance; the correlation divides it by σ_X·σ_Y",
            "The covariance carries the units of X times Y; ρ rescales it to a number between "
            "−1 and 1 by dividing by both standard deviations.",
            TOPIC,
        ),
        Misconception(
            "counted_cells",
            "Cells are not equally likely: add their probabilities",
            "An event's probability is the sum of the probabilities in its cells, not the "
            "number of its cells over the number of cells.",
            TOPIC,
        ),
        Misconception(
            "endpoint",
            "You mixed up ≤ and < (or ≥ and >)",
            "The cells on the boundary — X = Y for X < Y or X > Y, X + Y = t for X + Y ≤ t — "
            "belong to ≤ and ≥ but not to < and >.",
            TOPIC,
            hint="Does the event include the cells where both sides are equal?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        asked = pick(rng, ASKED) if level > 1 else pick(rng, ("probability", "covariance"))
        while True:
            params: dict[str, Any] = generate_joint(rng, level)
            params["story"] = integer(rng, 0, len(STORIES) - 1)
            params["asked"] = asked
            params["event"] = pick(rng, EVENTS)
            xs, ys = params["x_values"], params["y_values"]
            params["threshold"] = (
                xs[integer(rng, 0, len(xs) - 1)] + ys[integer(rng, 0, len(ys) - 1)]
                if params["event"].startswith("sum")
                else None
            )
            try:
                answer = self.answer(params)
            except NotSolvable:
                continue
            clean = level > 1 or not isinstance(answer, Fraction) or answer.denominator <= 12
            if clean and answer != 0 and (asked != "probability" or answer != 1):
                return params

    def prompt(self, params: Params) -> Prompt:
        asked = params.get("asked") or "covariance"
        if asked == "probability":
            name = event_name(params.get("event") or "x<y", params.get("threshold"))
            question = f"What is P({name})? Give it exactly or to 4 decimal places."
        elif asked == "covariance":
            question = "What is the covariance Cov(X, Y)? Give it exactly or to 4 decimal places."
        else:
            question = "What is the correlation ρ(X, Y)? Give it to 4 decimal places."
        return joint_prompt(params, question, STORIES[params.get("story", 0)])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=4)

    def solve(self, params: Params) -> Solution[Any]:
        table, xs, ys = read_joint(params)
        asked = params.get("asked") or "covariance"
        if asked == "probability":
            return table_event(table, xs, ys, params.get("event") or "x<y", params.get("threshold"))
        if asked == "covariance":
            return table_covariance(table, xs, ys)
        return table_correlation(table, xs, ys)

    def answer(self, params: Params) -> Fraction | float:
        table, xs, ys = read_joint(params)
        asked = params.get("asked") or "covariance"
        if asked == "probability":
            event, t = params.get("event") or "x<y", params.get("threshold")
            if event.startswith("sum") and t is None:
                raise NotSolvable("an event about X + Y needs the threshold t")
            return total(
                [
                    table[i][j]
                    for i, x in enumerate(xs)
                    for j, y in enumerate(ys)
                    if holds(event, x, y, t)
                ]
            )
        ex, ey, exy, _, _ = moments(table, xs, ys)
        if asked == "covariance":
            return exy - ex * ey
        return correlation_value(table, xs, ys)

    def hints(self, params: Params) -> tuple[str, ...]:
        asked = params.get("asked") or "covariance"
        if asked == "probability":
            return (
                "Which cells (x, y) make the event true?",
                "Mark those cells and add their probabilities.",
            )
        return (
            "E[X] and E[Y] come from the marginals; where does E[XY] come from?",
            "E[XY] adds x·y·P(X = x, Y = y) over every cell; Cov = E[XY] − E[X]·E[Y]"
            + ("" if asked == "covariance" else "; then divide by σ_X·σ_Y."),
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """For a probability: the complement, the percentage."""
        if (params.get("asked") or "covariance") == "probability":
            return probability_slips()
        return ()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        table, xs, ys = read_joint(params)
        asked = params.get("asked") or "covariance"
        if asked == "probability":
            return _event_mistakes(
                table, xs, ys, params.get("event") or "x<y", params.get("threshold")
            )
        ex, ey, exy, vx, vy = moments(table, xs, ys)
        cov = exy - ex * ey
        if asked == "covariance":
            return {"no_mean_product": exy}
        out: dict[str, Any] = {"covariance_for_correlation": cov}
        if vx and vy:
            out["divided_by_variances"] = cov / (vx * vy)
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        table, xs, ys = read_joint(params)
        return drawable(
            {
                "kind": "joint-distribution",
                "params": {
                    "table": [[str(p) for p in row] for row in table],
                    "x_values": [number(x) for x in xs],
                    "y_values": [number(y) for y in ys],
                },
                "caption": "The joint table: choose a cell to see its row and column totals, "
                "the marginals E[X] and E[Y] are built from.",
            }
        )
