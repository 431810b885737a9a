"""Skill: the angle between two vectors, from the geometric dot product."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import angle_between, cosine_of_angle
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_VECTORS, integer, random_vector
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Geometric Dot Product"
DIRECTIONS = ((1, 0), (0, 1), (1, 1), (-1, 1), (-1, 0), (0, -1), (1, -1), (-1, -1))


@register
class VectorAngle(Skill):
    id = "linalg.vector_angle"
    title = "Angle between two vectors"
    summary = "Use u·v = |u| |v| cos θ to find the angle between two vectors."
    levels = 3
    inputs = (Field("u", "vector", "the first vector"), Field("v", "vector", "the second vector"))
    misconceptions = (
        Misconception(
            "gave_the_cosine",
            "That is cos θ, not the angle",
            "u·v / (|u| |v|) is the cosine of the angle; undo the cosine (arccos) to get θ "
            "in degrees.",
            TOPIC,
        ),
        Misconception(
            "radians",
            "That angle is in radians",
            "arccos on most calculators and in NumPy gives radians; multiply by 180/π for degrees.",
            TOPIC,
        ),
        Misconception(
            "lost_the_sign",
            "You lost the sign of the dot product",
            "A negative dot product means the angle is more than 90°: the vectors point "
            "partly against each other. arccos of a negative number is obtuse.",
            TOPIC,
        ),
        Misconception(
            "arcsin_not_arccos",
            "You used arcsin instead of arccos",
            "u·v / (|u| |v|) is the cosine of the angle, so undo it with arccos (cos⁻¹). "
            "arcsin (sin⁻¹) gives 90° − θ instead: for cos θ = 0.5 it gives 30°, while the "
            "angle is 60°.",
            TOPIC,
        ),
        Misconception(
            "squared_lengths",
            "You divided by the squared lengths",
            "|u| is the square root of the sum of squares: for u = (3, 4), |u| = √25 = 5, not "
            "25. Dividing u·v by the sums of squares makes the cosine too small and the angle "
            "too close to 90°; take each square root first.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            while True:
                a = DIRECTIONS[integer(rng, 0, 7)]
                b = DIRECTIONS[integer(rng, 0, 7)]
                if a != b:
                    break
            return {
                "u": Vector.of([x * integer(rng, 1, 3) for x in a]).scale(1),
                "v": Vector.of([x * 1 for x in b]).scale(integer(rng, 1, 4)),
            }
        n, low, high = (2, -6, 6) if level == 2 else (3, -9, 9)
        while True:
            u, v = random_vector(rng, n, low, high), random_vector(rng, n, low, high)
            if u.dot(v) != 0 and abs(float(cosine_of_angle(u, v).answer.to_float())) < 0.999:
                return {"u": u, "v": v}

    def prompt(self, params: Params) -> Prompt:
        return (
            f"Find the angle, in degrees, between u = {params['u'].text()} and "
            f"v = {params['v'].text()}.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER, decimals=1)

    def check_inputs(self, params: Params) -> None:
        if len(params["u"]) != len(params["v"]):
            raise InputError("u and v must have the same number of entries")

    def solve(self, params: Params) -> Solution[float]:
        return angle_between(params["u"], params["v"])

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which formula links the dot product, the two lengths and the angle?",
            "Compute u·v, |u| and |v|; then cos θ = u·v / (|u| |v|).",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The dot product for the angle."""
        u, v = params["u"], params["v"]
        return (
            OtherQuantity(
                u.dot(v),
                "the dot product u·v",
                "the angle",
                "divide by |u||v|, then take arccos.",
                True,
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        u, v = params["u"], params["v"]
        cosine = cosine_of_angle(u, v).answer.to_float()
        degrees = self.solve(params).answer
        dot = u.dot(v)
        out: dict[str, Any] = {
            "gave_the_cosine": cosine,
            "radians": math.radians(degrees),
            "lost_the_sign": 180.0 - degrees,
        }
        if dot != 0:  # at 90°, arcsin 0 = 0 is the cosine itself, and no length matters
            out["arcsin_not_arccos"] = 90.0 - degrees
            squares = u.dot(u) * v.dot(v)
            out["squared_lengths"] = math.degrees(math.acos(float(dot / squares)))
        return out
