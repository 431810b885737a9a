"""Skill: the weights of a linear model that fits a tiny data set exactly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.data_fit import (
    DOMAINS,
    DataSet,
    domain_by_id,
    fit_weights,
    random_data_set,
)
from mlmath.engine.linalg.dependence import reduce_to_rref
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.elimination_mistakes import EliminationSlip, eliminate_with_slip
from mlmath.exercises.mistakes import OneSign, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Examples, Misconception, Params, Prompt, Skill

TOPIC = "Course 1 · Week 1 · Machine learning motivation"


def data_of(params: Params) -> DataSet:
    return DataSet(
        domain_by_id(params["domain"]),
        params["features"],
        params["targets"],
        params["intercept"] == "yes",
    )


def _solve_exactly(matrix: Matrix, rhs: Vector) -> Vector | None:
    n = matrix.shape[1]
    reduction = reduce_to_rref(matrix.augment(rhs))
    if reduction.pivot_columns != tuple(range(n)):
        return None
    return reduction.result.column(n)


@register
class SystemFromData(Skill):
    id = "linalg.system_from_data"
    title = "A linear model that fits the data exactly"
    summary = "Each example gives one equation in the unknown weights; solve for the weights."
    levels = 3
    inputs = (
        Field("domain", "choice", "what the data describe", choices=tuple(d.id for d in DOMAINS)),
        Field("features", "matrix", "one row per example, one column per feature"),
        Field("targets", "vector", "the target value of each example"),
        Field(
            "intercept",
            "choice",
            "whether the model has a bias b",
            required=False,
            default="no",
            choices=("no", "yes"),
        ),
    )
    misconceptions = (
        Misconception(
            "weights_swapped",
            "Your weights are in the wrong order",
            "Weight w1 multiplies the first feature column, w2 the second: check each weight "
            "against its own column.",
            TOPIC,
        ),
        Misconception(
            "one_equation_per_feature",
            "You wrote one equation per feature instead of one per example",
            "In a data set each ROW is one example; plugging one example into the model "
            "gives one equation, so the system's rows are the data set's rows.",
            TOPIC,
        ),
        Misconception(
            "targets_not_subtracted",
            "You subtracted the equations but not their targets",
            "Subtracting a multiple of one example's equation from another changes every "
            "term, the target on the right-hand side too: subtract the same multiple of its "
            "target.",
            TOPIC,
        ),
        Misconception(
            "weight_not_divided",
            "You forgot to divide by the number in front of the weight",
            "After the elimination a weight still has a number in front of it, as in "
            "2w1 = 6: divide both sides by that number, so w1 = 3, not 6.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        features, intercept, fractions = {
            1: (2, False, False),
            2: (2, True, False),
            3: (3, bool(rng.random() < 0.5), True),
        }[level]
        data, _ = random_data_set(rng, features, intercept, fractions)
        return {
            "domain": data.domain.id,
            "features": data.features,
            "targets": data.targets,
            "intercept": "yes" if intercept else "no",
        }

    def check_inputs(self, params: Params) -> None:
        rows, columns = params["features"].shape
        if len(params["targets"]) != rows:
            raise InputError(f"targets: {rows} examples need {rows} target values")
        if columns > 3:
            raise InputError("features: at most 3 feature columns")

    def prompt(self, params: Params) -> Prompt:
        data = data_of(params)
        n = len(data.unknowns)
        return (
            (
                f"A linear model predicts {data.domain.target} as {data.model_text()}.",
                data.table(),
                f"Find the weights that make the model fit every {data.domain.example} exactly. "
                f"Answer as ({', '.join(data.unknowns)}).",
            )
            if n
            else ()
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(len(data_of(params).unknowns),))

    def solve(self, params: Params) -> Solution[Vector]:
        return fit_weights(data_of(params))

    def hints(self, params: Params) -> tuple[str, ...]:
        data = data_of(params)
        first = data.system().equation_text(0)
        return (
            f"What does the model say about {data.domain.example} 1, whose target you know?",
            f"{data.domain.example.capitalize()} 1 gives the equation {first}. Write one "
            "equation per row the same way, then solve the system.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """One sign, and the weights in the reverse order."""
        return (OneSign(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        data = data_of(params)
        weights = fit_weights(data).answer
        k = data.features.shape[1]
        swapped = list(weights.entries)
        swapped[:k] = reversed(swapped[:k])
        buggy: dict[str, Any] = {"weights_swapped": Vector(tuple(swapped))}
        transposed = _solve_exactly(data.design_matrix().transpose(), data.targets)
        if transposed is not None:
            buggy["one_equation_per_feature"] = transposed
        slips: tuple[tuple[str, EliminationSlip], ...] = (
            ("targets_not_subtracted", "forgot_rhs"),
            ("weight_not_divided", "pivot_not_divided"),
        )
        for misconception, slip in slips:
            wrong = eliminate_with_slip(data.system(), slip)
            if wrong is not None and wrong.particular is not None:
                buggy[misconception] = wrong.particular
        return buggy

    def examples(self, params: Params) -> Examples:
        base = super().examples(params)
        return Examples(base.correct, base.incorrect, ("(1, 2", "weights"))
