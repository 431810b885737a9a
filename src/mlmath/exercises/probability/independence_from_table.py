"""Skill: are X and Y independent? Check every cell against the product of its margins."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.probability.joint import independence_from_table
from mlmath.engine.probability.notation import text_of
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
        Misconception(
            "one_cell_off_means_dependent",
            "One cell off the product of its margins makes X and Y dependent",
            "Independence needs P(X = x, Y = y) = P(X = x)·P(Y = y) in every cell; a single "
            "cell where it fails is enough to make X and Y dependent.",
            TOPIC,
        ),
        Misconception(
            "every_cell_matches_means_independent",
            "Every cell matching its margins' product means independent",
            "When each cell equals P(X = x)·P(Y = y), knowing X does not change the "
            "distribution of Y: that is exactly what independence means.",
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
        if not out:
            fallback = (
                "every_cell_matches_means_independent"
                if independent
                else "one_cell_off_means_dependent"
            )
            out[fallback] = "no" if independent else "yes"
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The first cell that is not the product of its margins, or the first cell when all
        are."""
        table, xs, ys = read_joint(params)
        rows = [sum(r, Fraction(0)) for r in table]
        columns = [sum((r[j] for r in table), Fraction(0)) for j in range(len(ys))]
        cells = [(i, j) for i in range(len(xs)) for j in range(len(ys))]
        off = [(i, j) for i, j in cells if table[i][j] != rows[i] * columns[j]]
        i, j = off[0] if off else cells[0]
        x, y = text_of(xs[i]), text_of(ys[j])
        product = (
            f"P(X = {x})·P(Y = {y}) = {text_of(rows[i])}·{text_of(columns[j])} = "
            f"{text_of(rows[i] * columns[j])}"
        )
        cell = f"P(X = {x}, Y = {y}) = {text_of(table[i][j])}"
        here = (
            f"Here {cell}, but {product}."
            if off
            else f"Here every cell is the product of its margins; for example {cell} and {product}."
        )
        return dict.fromkeys(self.buggy_answers(params), here)
