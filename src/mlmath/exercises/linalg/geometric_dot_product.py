"""Skill: the dot product from the lengths and the angle, |u| |v| cos θ."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.linalg.vectors import SPECIAL_ANGLES, dot_from_angle
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.engine.surds import Surd
from mlmath.exercises.figures import number
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.vector_variants import WEEK3_VECTORS, integer, number_answer
from mlmath.exercises.mistakes import AngleMode, SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Geometric Dot Product"
SINES = {
    0: Surd(Fraction(0)),
    30: Surd(Fraction(1, 2)),
    45: Surd.sqrt(2).scale(Fraction(1, 2)),
    60: Surd.sqrt(3).scale(Fraction(1, 2)),
    90: Surd(Fraction(1)),
    120: Surd.sqrt(3).scale(Fraction(1, 2)),
    135: Surd.sqrt(2).scale(Fraction(1, 2)),
    150: Surd(Fraction(1, 2)),
    180: Surd(Fraction(0)),
}


@register
class GeometricDotProduct(Skill):
    id = "linalg.geometric_dot_product"
    title = "The geometric dot product"
    summary = "Compute u·v = |u| |v| cos θ from two lengths and the angle between them."
    levels = 3
    inputs = (
        Field("length_u", "number", "the length |u|"),
        Field("length_v", "number", "the length |v|"),
        Field("angle", "integer", "the angle θ in degrees (0, 30, 45, 60, 90, 120, 135, 150, 180)"),
    )
    misconceptions = (
        Misconception(
            "used_sine",
            "You used sin θ instead of cos θ",
            "The dot product uses the cosine: it is largest when the vectors point the same "
            "way (θ = 0°, cos θ = 1) and 0 when they are perpendicular (cos 90° = 0).",
            TOPIC,
        ),
        Misconception(
            "forgot_cosine",
            "You multiplied the lengths only",
            "|u| |v| is the dot product only when the vectors point the same way; the factor "
            "cos θ measures how much they agree.",
            TOPIC,
        ),
        Misconception(
            "shadow_only",
            "You stopped at the length of the shadow, |u| cos θ",
            "|u| cos θ is only the shadow of u on the line of v; the dot product multiplies "
            "that shadow by the length of v as well: u·v = |u| |v| cos θ.",
            TOPIC,
        ),
        Misconception(
            "cosine_only",
            "You gave cos θ, the cosine similarity, instead of the dot product",
            "cos θ is the dot product of two vectors of length 1; for longer vectors "
            "multiply it by both lengths: u·v = |u| |v| cos θ.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        angles = {1: (0, 60, 90, 180), 2: (60, 90, 120, 180, 0), 3: tuple(SPECIAL_ANGLES)}[level]
        angle = angles[integer(rng, 0, len(angles) - 1)]
        high, tenths = {1: (6, 1), 2: (10, 1), 3: (999, 10)}[level]
        return {
            "length_u": Fraction(integer(rng, 1, high), tenths),
            "length_v": Fraction(integer(rng, 1, high), tenths),
            "angle": angle,
        }

    def prompt(self, params: Params) -> Prompt:
        return (
            f"Two vectors have lengths |u| = {float(params['length_u']):g} and "
            f"|v| = {float(params['length_v']):g}, "
            f"and the angle between them is {params['angle']}°. Compute u·v.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=2)

    def solve(self, params: Params) -> Solution[Fraction | float]:
        if params["angle"] not in SPECIAL_ANGLES:
            raise NotSolvable("use one of the angles 0, 30, 45, 60, 90, 120, 135, 150 or 180")
        s = dot_from_angle(params["length_u"], params["length_v"], params["angle"])
        return Solution(number_answer(s.answer), s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which trigonometric function of the angle appears in the dot product?",
            f"Look up cos {params['angle']}° and multiply it by both lengths.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The angle taken in radians by a calculator in the wrong mode; the sign."""
        product = float(params["length_u"] * params["length_v"])
        return (AngleMode(product * math.cos(float(params["angle"]))), SignFlipped())

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        product = params["length_u"] * params["length_v"]
        cosine = SPECIAL_ANGLES.get(params["angle"])
        if cosine is None:
            return {}
        return {
            "used_sine": number_answer(SINES[params["angle"]].scale(product)),
            "forgot_cosine": product,
            "shadow_only": number_answer(cosine.scale(params["length_u"])),
            "cosine_only": number_answer(cosine),
        }

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        length_u, length_v = params["length_u"], params["length_v"]
        if max(length_u, length_v) > 10 or params["angle"] not in SPECIAL_ANGLES:
            return None
        theta = math.radians(params["angle"])
        v = [
            round(float(length_v) * math.cos(theta), 4),
            round(float(length_v) * math.sin(theta), 4),
        ]
        return {
            "kind": "dot-product-projection",
            "params": {"u": [number(length_u), 0], "v": [x + 0.0 for x in v]},
            "caption": f"u along the x-axis and v at {params['angle']}° to it, with the shadow "
            "of u on v's line. Turn v and watch the sign of u·v change.",
            "after_answer": True,
        }
