"""Skill: the determinant as the factor by which a transformation scales area."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.transformations import area_scale
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import plane_matrix
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix
from mlmath.exercises.linalg.vector_variants import WEEK4_DETERMINANTS, integer
from mlmath.exercises.mistakes import Multiplication, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_DETERMINANTS} · Determinant as an area"


@register
class DeterminantArea(Skill):
    id = "linalg.determinant_area"
    title = "Determinant as an area"
    summary = "A transformation multiplies every area (volume) by |det A|."
    levels = 3
    inputs = (
        Field("matrix", "matrix", "a 2×2 or 3×3 matrix", square=True, min_size=2, max_size=3),
        Field("area", "number", "the area (volume) before", required=False, default=Fraction(1)),
    )
    misconceptions = (
        Misconception(
            "kept_the_sign",
            "An area cannot be negative",
            "The sign of the determinant says whether orientation flips; the area itself is "
            "|det A| times the original area.",
            TOPIC,
        ),
        Misconception(
            "added_diagonals",
            "You used ad + bc",
            "The area factor is the determinant ad − bc (in absolute value).",
            TOPIC,
        ),
        Misconception(
            "forgot_original_area",
            "You forgot to multiply by the original area",
            "|det A| is the factor for a region of area 1; a region of area S becomes |det A|·S.",
            TOPIC,
        ),
        Misconception(
            "determinant_itself",
            "You gave the determinant itself",
            "det A is a signed scale factor, not the area: drop its sign (an area is never "
            "negative) and multiply |det A| by the original area.",
            TOPIC,
            hint="What two steps turn det A into the area of the image?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            return {"matrix": nonsingular_matrix(rng, 2, 0, 5), "area": Fraction(1)}
        if level == 2:
            return {
                "matrix": nonsingular_matrix(rng, 2, -6, 6),
                "area": Fraction(integer(rng, 2, 12)),
            }
        return {"matrix": nonsingular_matrix(rng, 3, -4, 4), "area": Fraction(integer(rng, 1, 20))}

    def prompt(self, params: Params) -> Prompt:
        n = params["matrix"].shape[0]
        shape, measure = ("region", "area") if n == 2 else ("solid", "volume")
        return (
            f"A {shape} of {measure} {params['area']} is transformed by",
            params["matrix"],
            f"What is the {measure} of its image?",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Fraction]:
        if params["area"] < 0:
            raise NotSolvable("an area is never negative")
        return area_scale(params["matrix"], params["area"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which number tells how much a matrix stretches areas?",
            "Compute the determinant, drop its sign, and multiply by the original area.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The area divided by |det A| instead of multiplied, and the sign."""
        det = abs(determinant(params["matrix"]))
        return (Multiplication(params["area"], det, f"|det A| = {det}"), SignFlipped())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        det = determinant(a)
        out: dict[str, Any] = {
            "kept_the_sign": det * params["area"],
            "forgot_original_area": abs(det),
        }
        if det < 0 and params["area"] != 1:  # otherwise one of the two mistakes above
            out["determinant_itself"] = det
        if a.shape == (2, 2):
            (p, q), (r, s) = a.rows
            out["added_diagonals"] = abs(p * s + q * r) * params["area"]
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if params["matrix"].shape != (2, 2):
            return None
        return {
            "kind": "linear-transformation",
            "params": {"matrix": plane_matrix(params["matrix"])},
            "caption": "The unit square and its image under this matrix. Drag the columns "
            "and watch the signed area change; at det = 0 the square collapses.",
            "after_answer": True,
        }
