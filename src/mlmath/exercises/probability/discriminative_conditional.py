"""Skill: P(label | features) from a count table — what a discriminative classifier learns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat
from mlmath.engine.exact import Matrix
from mlmath.engine.probability.conditional import label_given_features
from mlmath.engine.probability.notation import Table
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.mistakes import Slip, probability_slips
from mlmath.exercises.probability.variants import (
    W1_PROBABILITY,
    integer,
    is_clean,
    probability_format,
)
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{W1_PROBABILITY} · Discriminative learning and conditional probability"
SETTINGS = (
    ("email", ("'free'", "'meeting'", "a link"), ("spam", "not spam")),
    ("photo", ("whiskers", "pointed ears", "a collar"), ("cat", "dog")),
    ("loan applicant", ("a steady job", "a prior default", "savings"), ("repaid", "defaulted")),
)


def feature_rows(names: tuple[str, ...], count: int) -> list[str]:
    rows = []
    for i in range(2**count):
        parts = [
            ("with " if i >> (count - 1 - j) & 1 == 0 else "without ") + names[j]
            for j in range(count)
        ]
        rows.append(", ".join(parts))
    return rows


@register
class DiscriminativeConditional(Skill):
    id = "probability.discriminative_conditional"
    title = "P(label | features) from counts"
    summary = "Among the examples with these features, the share that carries the label."
    levels = 3
    inputs = (
        Field(
            "table",
            "matrix",
            "counts: one row per feature combination, columns label / not label",
            max_size=8,
        ),
        Field("row", "integer", "which row (feature combination) is asked about, from 1"),
    )
    misconceptions = (
        Misconception(
            "features_given_label",
            "You computed P(features | label)",
            "That divides by all examples with the label. A classifier needs the reverse: "
            "among examples with these features, what share has the label?",
            TOPIC,
        ),
        Misconception(
            "joint_instead",
            "You divided by all the examples",
            "That is P(label and features). Condition on the features: divide by the number "
            "of examples in that row only.",
            TOPIC,
        ),
        Misconception(
            "ignored_features",
            "You ignored the features",
            "The overall share of the label is the prior P(label). The point of the features "
            "is to change it: look only at the row that matches.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        features = 1 if level == 1 else 2
        high = {1: 6, 2: 30, 3: 300}[level]
        while True:
            rows = 2**features
            counts = Matrix.of(
                [[integer(rng, 1, high), integer(rng, 1, high)] for _ in range(rows)]
            )
            params = {
                "table": counts,
                "row": integer(rng, 1, rows),
                "setting": integer(rng, 0, len(SETTINGS) - 1),
            }
            if level > 1 or is_clean(self.solve(params).answer, level):
                return params

    def prompt(self, params: Params) -> Prompt:
        table: Matrix = params["table"]
        thing, names, (label, other) = SETTINGS[params.get("setting", 0)]
        count = max(1, (len(table.rows) - 1).bit_length())
        labels = (
            feature_rows(names, count)
            if 2**count == len(table.rows)
            else [f"group {i + 1}" for i in range(len(table.rows))]
        )
        grid = Table(
            ("features", label, other),
            tuple((labels[i], *(str(int(c)) for c in r)) for i, r in enumerate(table.rows)),
        )
        return (
            f"A training set of {thing} examples, counted by their features and label:",
            grid,
            f"A new {thing} comes {labels[params['row'] - 1]}. Based on these counts, what is "
            f"P({label} | its features)?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return probability_format()

    def check_inputs(self, params: Params) -> None:
        table: Matrix = params["table"]
        if table.shape[1] != 2:
            raise InputError("table: two columns, label and not label")
        if any(c < 0 or c.denominator != 1 for r in table.rows for c in r):
            raise InputError("table: counts are whole numbers, 0 or more")
        if not 1 <= params["row"] <= table.shape[0]:
            raise InputError(f"row: choose a row from 1 to {table.shape[0]}")

    def solve(self, params: Params) -> Solution[Fraction]:
        table: Matrix = params["table"]
        counts = [[int(c) for c in r] for r in table.rows]
        return label_given_features(counts, params["row"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which examples look like the new one?",
            f"Use only row {params['row']}: what share of its examples carry the label?",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The complement, and the percentage typed as a plain number."""
        return probability_slips()

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        rows = params["table"].rows
        label, _other = rows[params["row"] - 1]
        label_total = sum((r[0] for r in rows), Fraction(0))
        everyone = sum((r[0] + r[1] for r in rows), Fraction(0))
        return {
            "features_given_label": label / label_total,
            "joint_instead": label / everyone,
            "ignored_features": label_total / everyone,
        }
