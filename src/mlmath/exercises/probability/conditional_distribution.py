"""Skill: a conditional distribution from a joint table — divide a cell by its row's total."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.probability.joint import conditional_distribution
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.joint_marginal import (
    STORIES,
    TOPIC,
    JointTableSkill,
    generate_joint,
    joint_inputs,
    joint_prompt,
    read_joint,
)
from mlmath.exercises.probability.variants import (
    integer,
    is_clean,
    pick,
    probability_format,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt


@register
class ConditionalDistribution(JointTableSkill):
    id = "probability.conditional_distribution"
    title = "Conditional distributions from a joint table"
    summary = "P(Y = y | X = x) = P(X = x, Y = y) / P(X = x): a cell over its row's total."
    levels = 3
    inputs = joint_inputs(
        Field("x", "number", "the value of X that is given"),
        Field("y", "number", "the value of Y asked about"),
    )
    misconceptions = (
        Misconception(
            "joint_instead",
            "You gave the joint probability P(X = x, Y = y)",
            "Knowing X = x shrinks the world to that row. Divide the cell by the row's total "
            "so that the row adds up to 1.",
            TOPIC,
        ),
        Misconception(
            "swapped_condition",
            "You divided by the column total: that is P(X = x | Y = y)",
            "The condition is X = x, so the new whole is P(X = x), the total of x's row.",
            TOPIC,
        ),
        Misconception(
            "ignored_condition",
            "You left out the condition and gave P(Y = y), the column's total",
            "The column's total is how likely Y = y is over everyone. Knowing X = x keeps "
            "only x's row: divide the cell by that row's total.",
            TOPIC,
        ),
        Misconception(
            "rest_of_row",
            "You divided by the rest of the row, leaving out the cell itself",
            "The cell is part of the new whole too: dividing by the other cells of the row "
            "compares the cell with them, and can even give more than 1. Divide by the "
            "whole row's total P(X = x), the cell included.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        while True:
            params = generate_joint(rng, level)
            params.update(
                x=pick(rng, tuple(params["x_values"])),
                y=pick(rng, tuple(params["y_values"])),
                story=integer(rng, 0, len(STORIES) - 1),
            )
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        return joint_prompt(
            params,
            f"What is P(Y = {params['y']} | X = {params['x']})?",
            STORIES[params.get("story", 0)],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def solve(self, params: Params) -> Solution[Fraction]:
        table, xs, ys = read_joint(params)
        return conditional_distribution(table, xs, ys, params["x"], params["y"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            f"Once you know X = {params['x']}, which part of the table is still possible?",
            f"Find P(X = {params['x']}) (its row's total) and divide the cell by it.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        table, xs, ys = read_joint(params)
        i, j = xs.index(params["x"]), ys.index(params["y"])
        cell = table[i][j]
        row = sum(table[i], Fraction(0))
        column = sum((r[j] for r in table), Fraction(0))
        out: dict[str, Any] = {
            "joint_instead": cell,
            "swapped_condition": cell / column,
            "ignored_condition": column,
        }
        if row != cell:
            out["rest_of_row"] = cell / (row - cell)
        return out
