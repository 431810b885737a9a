"""Skill: a marginal probability from a joint table — add a row or a column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.probability.joint import joint_table, marginal
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W2_RANDOM_VECTORS,
    integer,
    joint_values,
    pick,
    probability_format,
    random_joint,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W2_RANDOM_VECTORS} · Marginal and conditional distributions"
STORIES = (
    "X is the number of coffees and Y the number of teas a person drinks in a day.",
    "X and Y are the numbers of goals of the home and the away team in a match.",
    "X is the number of children and Y the number of cars in a household.",
    "X and Y are the points two players score in one round of a game.",
    "X is the number of emails and Y the number of calls a help desk gets in a minute.",
    "X and Y are the numbers of defects found by two inspectors on the same part.",
)


def read_joint(
    params: Params,
) -> tuple[tuple[tuple[Fraction, ...], ...], tuple[Fraction, ...], tuple[Fraction, ...]]:
    table: Matrix = params["table"]
    return table.rows, tuple(params["x_values"]), tuple(params["y_values"])


def joint_inputs(*extra: Field) -> tuple[Field, ...]:
    return (
        Field("table", "matrix", "the joint probabilities, x along the rows, y along the columns"),
        Field("x_values", "vector", "the values of X (one per row)"),
        Field("y_values", "vector", "the values of Y (one per column)"),
        *extra,
    )


def joint_prompt(params: Params, question: str, story: str) -> tuple[Any, ...]:
    table, xs, ys = read_joint(params)
    return (
        f"{story} Their joint distribution P(X = x, Y = y):",
        joint_table(table, xs, ys),
        question,
    )


def generate_joint(rng: np.random.Generator, level: int) -> dict[str, Any]:
    rows, columns = {1: (2, 2), 2: (3, 3), 3: (integer(rng, 3, 4), integer(rng, 3, 4))}[level]
    denominator = {1: 12, 2: 20, 3: 100}[level]
    return {
        "table": Matrix(random_joint(rng, rows, columns, denominator)),
        "x_values": Vector(joint_values(rng, rows, level)),
        "y_values": Vector(joint_values(rng, columns, level)),
    }


class JointTableSkill(Skill):
    """A skill over one joint table: a learner's own table is checked by solving it."""

    def check_inputs(self, params: Params) -> None:
        try:
            self.solve(params)
        except NotSolvable as error:
            raise InputError(str(error)) from None


@register
class JointMarginal(JointTableSkill):
    id = "probability.joint_marginal"
    title = "Marginal probabilities from a joint table"
    summary = "P(X = x) adds the row of x over every y; P(Y = y) adds the column of y."
    levels = 3
    inputs = joint_inputs(
        Field("variable", "choice", "the variable asked about", choices=("X", "Y")),
        Field("value", "number", "its value"),
    )
    misconceptions = (
        Misconception(
            "single_cell",
            "You read a single cell of the table",
            "A cell is a joint probability: X = x AND Y = y. The marginal P(X = x) adds "
            "the cells of every y that can go with it — the whole row.",
            TOPIC,
        ),
        Misconception(
            "wrong_direction",
            "You added along the wrong direction",
            "The values of X label the rows, those of Y the columns: P(X = x) adds a row, "
            "P(Y = y) adds a column.",
            TOPIC,
        ),
        Misconception(
            "averaged_cells",
            "You averaged the cells instead of adding them",
            "The cells of the row (or column) are separate ways for the value to happen, so "
            "their probabilities add up: the marginal is the total, not the average. "
            "Averages of all the rows would add up to less than 1.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        params = generate_joint(rng, level)
        variable = pick(rng, ("X", "Y"))
        values = params["x_values"] if variable == "X" else params["y_values"]
        params.update(
            variable=variable,
            value=pick(rng, tuple(values)),
            story=integer(rng, 0, len(STORIES) - 1),
        )
        return params

    def prompt(self, params: Params) -> Prompt:
        return joint_prompt(
            params,
            f"What is P({params['variable']} = {params['value']})?",
            STORIES[params.get("story", 0)],
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def solve(self, params: Params) -> Solution[Fraction]:
        table, xs, ys = read_joint(params)
        return marginal(table, xs, ys, params["variable"], params["value"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            f"{params['variable']} = {params['value']} can happen together with which values "
            "of the other variable?",
            "Add every cell where it happens: a whole "
            + ("row." if params["variable"] == "X" else "column."),
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        table, xs, ys = read_joint(params)
        value = params["value"]
        out: dict[str, Any] = {}
        if params["variable"] == "X":
            i = xs.index(value)
            line = table[i]
            out["single_cell"] = table[i][0]
            if i < len(ys):
                out["wrong_direction"] = sum((r[i] for r in table), Fraction(0))
        else:
            j = ys.index(value)
            line = tuple(r[j] for r in table)
            out["single_cell"] = table[0][j]
            if j < len(xs):
                out["wrong_direction"] = sum(table[j], Fraction(0))
        out["averaged_cells"] = sum(line, Fraction(0)) / len(line)
        return out
