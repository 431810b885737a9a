"""Skill: write the linear system of a word problem, as a matrix."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.linalg.word_problems import (
    CONTEXTS,
    context_by_id,
    random_word_problem,
    story,
    translate,
)
from mlmath.engine.solution import Solution, Step
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · Systems of equations"
ASK = ("augmented", "coefficients")


def system_of(params: Params) -> LinearSystem:
    context = context_by_id(params["context"])
    matrix: Matrix = params["matrix"]
    return LinearSystem(matrix, params["rhs"], context.symbols(matrix.shape[1]))


def comparison_rows(system: LinearSystem) -> list[int]:
    return [i for i, row in enumerate(system.matrix.rows) if any(c < 0 for c in row)]


def with_rows(system: LinearSystem, rows: Mapping[int, tuple[Any, ...]]) -> LinearSystem:
    """``system`` with some rows of its augmented matrix replaced."""
    full = list(system.augmented().rows)
    for i, row in rows.items():
        full[i] = row
    n = system.size[1]
    return LinearSystem(
        Matrix(tuple(r[:n] for r in full)), Vector(tuple(r[n] for r in full)), system.variables
    )


def reversed_comparisons(system: LinearSystem) -> LinearSystem:
    """Each comparison written backwards: "a costs 2 more than b" as b − a = 2, and
    "twice as many a as b" as 2a = b."""
    rows: dict[int, tuple[Any, ...]] = {}
    for i in comparison_rows(system):
        row = system.matrix.rows[i]
        p = next(c for c in row if c > 0)
        q = -next(c for c in row if c < 0)
        if system.rhs[i] == 0 and p == 1 and q != 1:
            flipped = tuple(q if c > 0 else (-1 if c < 0 else c) for c in row)
        else:
            flipped = tuple(-c for c in row)
        rows[i] = (*flipped, system.rhs[i])
    return with_rows(system, rows)


def dropped_signs(system: LinearSystem) -> LinearSystem:
    """Each comparison read as a sum: "a costs 2 more than b" as a + b = 2."""
    return with_rows(
        system,
        {
            i: (*(abs(c) for c in system.matrix.rows[i]), system.rhs[i])
            for i in comparison_rows(system)
        },
    )


def swapped_right_sides(system: LinearSystem) -> LinearSystem:
    """The right-hand sides of the first two equations exchanged."""
    first, second = system.augmented().rows[:2]
    n = system.size[1]
    return with_rows(system, {0: (*first[:n], second[n]), 1: (*second[:n], first[n])})


def swapped_columns(system: LinearSystem) -> LinearSystem:
    """The numbers of the first two unknowns exchanged in every equation."""
    columns = list(system.matrix.columns())
    columns[0], columns[1] = columns[1], columns[0]
    return LinearSystem(Matrix.from_columns(columns), system.rhs, system.variables)


@register
class WordProblemSystem(Skill):
    id = "linalg.word_problem_system"
    title = "From a word problem to a linear system"
    summary = "Turn each sentence of a small story into an equation, and write the matrix."
    levels = 3
    inputs = (
        Field("context", "choice", "the story", choices=tuple(c.id for c in CONTEXTS)),
        Field("matrix", "matrix", "the coefficient matrix (one row per sentence)"),
        Field("rhs", "vector", "the right-hand sides"),
        Field(
            "ask",
            "choice",
            "which matrix to answer",
            required=False,
            default="augmented",
            choices=ASK,
        ),
    )
    misconceptions = (
        Misconception(
            "comparison_reversed",
            "You wrote the comparison backwards",
            "“An apple costs $2 more than a banana” means a = b + 2, so a − b = 2: the item "
            "that is MORE goes first. And “twice as many x as y” means x = 2y, not 2x = y.",
            TOPIC,
        ),
        Misconception(
            "comparison_as_sum",
            "You turned a comparison into a sum",
            "“x is 2 more than y” compares two amounts: x − y = 2. Only “together” or "
            "“in all” adds them.",
            TOPIC,
        ),
        Misconception(
            "columns_swapped",
            "Your columns are in a different order from the unknowns",
            "Column 1 holds the numbers of the first unknown named in the question, column "
            "2 the second, and so on, in every row.",
            TOPIC,
        ),
        Misconception(
            "rhs_swapped",
            "You swapped the right-hand sides",
            "Each sentence is one equation, left side AND right side: the total a sentence "
            "gives (a count, an amount of money) goes after the bar in that sentence's own row.",
            TOPIC,
            hint="Read sentence 1 again: what total does it give, and which row is it?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        unknowns = 3 if level == 3 else 2
        context, system, _ = random_word_problem(
            rng, unknowns, comparisons=level >= 2, fractions=level == 3
        )
        ask = ASK[int(rng.integers(2))] if level > 1 else "augmented"
        return {"context": context.id, "matrix": system.matrix, "rhs": system.rhs, "ask": ask}

    def check_inputs(self, params: Params) -> None:
        matrix: Matrix = params["matrix"]
        if len(params["rhs"]) != matrix.shape[0]:
            raise InputError(f"rhs: {matrix.shape[0]} equations need {matrix.shape[0]} numbers")
        if matrix.shape[1] > 3:
            raise InputError("matrix: the stories have at most 3 unknowns")

    def prompt(self, params: Params) -> Prompt:
        context = context_by_id(params["context"])
        system = system_of(params)
        n = system.size[1]
        what = (
            "the augmented matrix [A | b]"
            if params["ask"] == "augmented"
            else "the coefficient matrix A (without the right-hand side)"
        )
        return (
            context.setting,
            *story(context, system),
            "Let " + "; ".join(context.legend(n)) + ".",
            f"Write {what}: one row per sentence, in order, with the columns in the order "
            f"{', '.join(system.variables)}.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        m, n = params["matrix"].shape
        return AnswerFormat(Kind.MATRIX, shape=(m, n + 1 if params["ask"] == "augmented" else n))

    def _answer(self, params: Params, system: LinearSystem) -> Matrix:
        return system.augmented() if params["ask"] == "augmented" else system.matrix

    def solve(self, params: Params) -> Solution[Matrix]:
        system = system_of(params)
        worked = translate(context_by_id(params["context"]), system)
        if params["ask"] == "augmented":
            return Solution(system.augmented(), worked.steps)
        steps = (*worked.steps[:-1], Step("The coefficient matrix A", system.matrix))
        return Solution(system.matrix, steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        context = context_by_id(params["context"])
        system = system_of(params)
        first = story(context, system)[0]
        return (
            "What are the unknowns, and what does each sentence say about them?",
            f"Translate sentence 1 first: “{first}” Which number goes with "
            f"{system.variables[0]}, which with {system.variables[1]}, and what is on the right?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        system = system_of(params)
        buggy = {}
        if comparison_rows(system):
            buggy["comparison_reversed"] = self._answer(params, reversed_comparisons(system))
            buggy["comparison_as_sum"] = self._answer(params, dropped_signs(system))
        buggy["columns_swapped"] = self._answer(params, swapped_columns(system))
        if params["ask"] == "augmented":
            buggy["rhs_swapped"] = swapped_right_sides(system).augmented()
        return buggy

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        return Examples(base.correct, base.incorrect, ("[[1, 2], [3]]", "a + b = 3"))
