"""Skill: are X and Y independent? Check every cell against the product of its margins."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.probability.joint import independence_from_table
from mlmath.engine.solution import Solution
from mlmath.exercises.probability.joint_marginal import (
    STORIES,
    JointTableSkill,
    generate_joint,
    joint_inputs,
    joint_prompt,
    read_joint,
)
from mlmath.exercises.probability.variants import (
    W2_RANDOM_VECTORS,
    YES_NO,
    independent_joint,
    integer,
    joint_values,
    pick,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt

TOPIC = f"{W2_RANDOM_VECTORS} · Independence"


def first_cell_factorises(table: tuple[tuple[Fraction, ...], ...]) -> bool:
    row = sum(table[0], Fraction(0))
    column = sum((r[0] for r in table), Fraction(0))
    return table[0][0] == row * column


@register
class IndependenceFromTable(JointTableSkill):
    id = "probability.independence_from_table"
    title = "Independence from a joint table"
    summary = "X and Y are independent when every cell is P(X = x)·P(Y = y)."
    levels = 3
    inputs = joint_inputs()
    misconceptions = (
        Misconception(
            "one_cell_checked",
            "You checked only one cell",
            "Independence needs P(X = x, Y = y) = P(X = x)·P(Y = y) for EVERY cell; one "
            "matching cell proves nothing about the others.",
            TOPIC,
        ),
        Misconception(
            "rows_must_match",
            "You expected the rows to be equal",
            "Under independence the rows are proportional, not equal: each row is "
            "P(X = x) times the same distribution of Y. Compare each cell with the product "
            "of its margins.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        rows, columns = {1: (2, 2), 2: (2, 3), 3: (3, 3)}[level]
        kind = integer(rng, 0, 2) if level > 1 else pick(rng, (0, 2))
        table = independent_joint(rng, rows, columns, level)
        step = Fraction(1, 100)
        if kind == 1 and table[1][2] > step:
            # Move a little probability inside row 2: the first cell still matches the
            # product of its margins, but columns 2 and 3 no longer do.
            cells = [list(r) for r in table]
            cells[1][1] += step
            cells[1][2] -= step
            table = tuple(tuple(r) for r in cells)
        elif kind > 0:
            table = generate_joint(rng, level)["table"].rows
            rows, columns = len(table), len(table[0])
        return {
            "table": Matrix(table),
            "x_values": Vector(joint_values(rng, rows, level)),
            "y_values": Vector(joint_values(rng, columns, level)),
            "story": integer(rng, 0, len(STORIES) - 1),
        }

    def prompt(self, params: Params) -> Prompt:
        return joint_prompt(
            params, "Are X and Y independent? Answer yes or no.", STORIES[params.get("story", 0)]
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=YES_NO)

    def solve(self, params: Params) -> Solution[str]:
        table, xs, ys = read_joint(params)
        s = independence_from_table(table, xs, ys)
        return Solution("yes" if s.answer else "no", s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What must be true of every cell if knowing X tells you nothing about Y?",
            "Add the row totals P(X = x) and column totals P(Y = y); compare each cell with "
            "their product.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        table, xs, ys = read_joint(params)
        independent = independence_from_table(table, xs, ys).answer
        out: dict[str, Any] = {}
        if not independent and first_cell_factorises(table):
            out["one_cell_checked"] = "yes"
        if independent and len(set(table)) > 1:
            out["rows_must_match"] = "no"
        return out
