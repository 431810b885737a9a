"""Skill: are these rows dependent? If so, which combination shows it?"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Choice, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.dependence import linear_dependence
from mlmath.engine.solution import NotSolvable, Solution, Step
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.matrix_variants import entries, has_parallel_rows
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · Linear dependence and independence"
QUESTIONS = ("decide", "combination")
OPTIONS = (Choice("dependent", "dependent"), Choice("independent", "independent"))


def _rows(params: Params) -> list[Vector]:
    if params.get("matrix") is not None:
        matrix: Matrix = params["matrix"]
        return [matrix.row(i) for i in range(matrix.shape[0])]
    return list(params["vectors"])


def _names(k: int) -> str:
    return ", ".join(f"row {i + 1}" for i in range(k))


@register
class RowDependence(Skill):
    id = "linalg.row_dependence"
    title = "Linear dependence of rows"
    summary = "Decide whether rows are dependent, and find the combination that shows it."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "the rows to test, as a matrix", required=False),
        Field("vectors", "vectors", "or the vectors to test, as a list", required=False),
        Field(
            "question",
            "choice",
            "decide (dependent or not) or combination (the numbers)",
            required=False,
            default="decide",
            choices=QUESTIONS,
        ),
    )
    misconceptions = (
        Misconception(
            "pairwise_only",
            "You only looked for a row that is a multiple of another",
            "A row can be a combination of SEVERAL rows (row 3 = row 1 + 2·row 2) without "
            "being parallel to any single one.",
            TOPIC,
        ),
        Misconception(
            "looks_different",
            "Rows with different numbers can still be dependent",
            "Dependence is about whether some numbers c₁, c₂, … (not all 0) give "
            "c₁·row 1 + c₂·row 2 + … = 0, not about whether the rows look alike.",
            TOPIC,
        ),
        Misconception(
            "sign_moved",
            "You moved the combination across the equals sign without changing signs",
            "From c₁·row 1 + c₂·row 2 − row 3 = 0 it follows that row 3 = c₁·row 1 + "
            "c₂·row 2; from c₁·row 1 + c₂·row 2 + row 3 = 0 every sign flips.",
            TOPIC,
        ),
        Misconception(
            "coefficients_swapped",
            "You matched the numbers to the wrong rows",
            "Check each number against its own row: multiply it out entry by entry and the "
            "combination must give the target row exactly.",
            TOPIC,
        ),
        Misconception(
            "independent_called_dependent",
            "Dependent needs numbers, not all 0, that combine the rows into zeros",
            "Rows are dependent only when some c₁, c₂, …, not all 0, give "
            "c₁·row 1 + c₂·row 2 + … = 0; elimination then turns a row into zeros. If every "
            "row keeps a pivot, only all zeros work: the rows are independent.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        question = QUESTIONS[int(rng.integers(2))]
        length, count, halves = {1: (2, 2, False), 2: (3, 3, False), 3: (4, 3, True)}[level]
        if level == 3 and rng.random() < 0.5:
            length, count = 3, 3
        dependent = question == "combination" or rng.random() < 0.5
        while True:
            base = [Vector(tuple(entries(rng, length, -4, 5, halves))) for _ in range(count - 1)]
            if linear_dependence(base).answer.dependent:
                continue
            if dependent:
                weights = entries(rng, count - 1, -3, 3, halves and level == 3)
                if all(w == 0 for w in weights) or (0 in weights and rng.random() < 0.8):
                    continue
                last = Vector(tuple(Fraction(0) for _ in range(length)))
                for w, v in zip(weights, base, strict=True):
                    last = last + v.scale(w)
            else:
                last = Vector(tuple(entries(rng, length, -4, 5, halves)))
            rows = [*base, last]
            if last.is_zero() or linear_dependence(rows).answer.dependent is not dependent:
                continue
            return {
                "matrix": Matrix(tuple(r.entries for r in rows)),
                "vectors": None,
                "question": question,
            }

    def check_inputs(self, params: Params) -> None:
        if (params.get("matrix") is None) == (params.get("vectors") is None):
            raise InputError("give the rows either as 'matrix' or as 'vectors', not both")

    def prompt(self, params: Params) -> Prompt:
        rows = _rows(params)
        k = len(rows)
        shown = Matrix(tuple(r.entries for r in rows))
        if params["question"] == "decide":
            return (
                f"Are the rows of this matrix ({_names(k)}) linearly dependent or independent?",
                shown,
            )
        unknowns = [f"c{i + 1}" for i in range(k - 1)]
        wanted = " + ".join(f"{c}·row {i + 1}" for i, c in enumerate(unknowns))
        return (
            f"Row {k} of this matrix is a combination of the rows above it:",
            shown,
            f"Find {', '.join(unknowns)} with row {k} = {wanted}. "
            f"Answer as ({', '.join(unknowns)}).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        if params["question"] == "decide":
            return AnswerFormat(Kind.CHOICE, options=OPTIONS)
        return AnswerFormat(Kind.VECTOR, shape=(len(_rows(params)) - 1,))

    def solve(self, params: Params) -> Solution[Any]:
        rows = _rows(params)
        label = "row" if params.get("matrix") is not None else "v"
        worked = linear_dependence(rows, label=label)
        relation = worked.answer.relation
        if params["question"] == "decide":
            return Solution("dependent" if relation else "independent", worked.steps)
        if relation is None or relation.target != len(rows) - 1:
            raise NotSolvable(
                f"the last {label} is not a combination of the ones before it; "
                "ask 'decide' to see why"
            )
        answer = Vector(relation.coefficients[:-1])
        return Solution(answer, (*worked.steps, Step("The numbers, in order", answer)))

    def hints(self, params: Params) -> tuple[str, ...]:
        k = len(_rows(params))
        return (
            "Can some numbers, not all zero, combine the rows into a row of zeros?",
            f"Write c1·row 1 + … + c{k}·row {k} = 0 entry by entry: a system whose columns "
            "are the rows. Row-reduce it and look for a column without a pivot.",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        rows = _rows(params)
        result = linear_dependence(rows).answer
        if params["question"] == "decide":
            shown = Matrix(tuple(r.entries for r in rows))
            if not result.dependent:
                return {"independent_called_dependent": "dependent"}
            buggy = {}
            if len(rows) > 2 and not has_parallel_rows(shown):
                buggy["pairwise_only"] = "independent"
            buggy["looks_different"] = "independent"
            return buggy
        assert result.relation is not None
        coefficients = result.relation.coefficients[:-1]
        return {
            "sign_moved": Vector(tuple(-c for c in coefficients)),
            "coefficients_swapped": Vector(tuple(reversed(coefficients))),
        }

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The relation that shows dependence, or the pivots that rule it out."""
        if params["question"] != "decide":
            return {}
        rows = _rows(params)
        relation = linear_dependence(rows).answer.relation
        here = (
            f"Here elimination keeps a pivot in each of the {len(rows)} rows."
            if relation is None
            else f"Here {relation.text()}."
        )
        return dict.fromkeys(self.buggy_answers(params), here)

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        invalid: Sequence[str] = ("perhaps",) if params["question"] == "decide" else ("(1, 2",)
        return Examples(base.correct, base.incorrect, invalid)
