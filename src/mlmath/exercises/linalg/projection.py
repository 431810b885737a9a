"""Skill: the projection of a vector onto the line of another, (u·w / w·w) w."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import projection
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import plane_vector
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_VECTORS, random_vector
from mlmath.exercises.mistakes import OtherQuantity, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Geometric Dot Product"


@register
class Projection(Skill):
    id = "linalg.projection"
    title = "Projection onto a vector"
    summary = "The shadow of u on the line of w: proj_w u = (u·w / w·w) w."
    levels = 3
    inputs = (
        Field("u", "vector", "the vector to project, e.g. [3, 1]"),
        Field("onto", "vector", "the vector w whose line u is projected onto, e.g. [1, 1]"),
    )
    misconceptions = (
        Misconception(
            "divided_by_length",
            "You divided by |w| instead of w·w = |w|²",
            "The factor is u·w / (w·w). Dividing by |w| once gives the LENGTH of the shadow; "
            "to turn it into a vector along w, divide by |w| again (w/|w| is the unit vector).",
            TOPIC,
        ),
        Misconception(
            "projected_the_other_way",
            "You projected w onto u instead of u onto w",
            "proj_w u lies along w: divide by w·w and multiply w. Projecting the other way "
            "gives a vector along u, a different shadow.",
            TOPIC,
        ),
        Misconception(
            "did_not_divide",
            "You did not divide by w·w",
            "(u·w) w is too long by the factor w·w; only for a unit vector w (w·w = 1) is it "
            "the projection.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            while True:
                u, w = random_vector(rng, 2, 0, 4), random_vector(rng, 2, -2, 2)
                if (12 % w.dot(w) == 0 or w.dot(w) in (5, 8, 10)) and u.dot(w) != 0:
                    return {"u": u, "onto": w}
        n, size = (2, 5) if level == 2 else (3, 6)
        while True:
            u, w = random_vector(rng, n, -size, size), random_vector(rng, n, -size, size)
            if u.dot(w) != 0 and u.scale(w.dot(w)) != w.scale(u.dot(w)):
                return {"u": u, "onto": w}

    def prompt(self, params: Params) -> Prompt:
        return (
            "Project u =",
            params["u"],
            "onto the line of w =",
            params["onto"],
            "(give proj_w u exactly, or to 2 decimal places).",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(len(params["u"]),), decimals=2)

    def check_inputs(self, params: Params) -> None:
        if len(params["u"]) != len(params["onto"]):
            raise InputError("u and onto must have the same number of entries")
        if params["onto"].is_zero():
            raise InputError("onto: the zero vector has no line to project onto")

    def solve(self, params: Params) -> Solution[Vector]:
        return projection(params["u"], params["onto"])

    def answer(self, params: Params) -> Vector:
        u: Vector = params["u"]
        w: Vector = params["onto"]
        if w.is_zero():
            raise NotSolvable("there is no line to project onto: the second vector is zero")
        return w.scale(u.dot(w) / w.dot(w))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "The shadow of u lies on the line of w, so it is some number times w. Which number?",
            "Compute u·w and w·w; the projection is (u·w / w·w) times w.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The coefficient (u·w)/(w·w) alone, not the vector; the length of the projection."""
        u, w = params["u"], params["onto"]
        coefficient = u.dot(w) / w.dot(w)
        length = abs(float(u.dot(w))) / math.sqrt(float(w.dot(w)))
        return (
            OtherQuantity(
                coefficient,
                "the coefficient (u·w)/(w·w)",
                "the projection vector",
                "multiply w by it.",
                True,
            ),
            OtherQuantity(
                length,
                "the length of the projection",
                "the projection vector",
                "a vector along w: ((u·w)/(w·w))·w.",
            ),
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        u: Vector = params["u"]
        w: Vector = params["onto"]
        dot = u.dot(w)
        length = math.sqrt(w.dot(w))
        return {
            "divided_by_length": [float(dot) / length * float(x) for x in w],
            "projected_the_other_way": u.scale(dot / u.dot(u)),
            "did_not_divide": w.scale(dot),
        }

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        u: Vector = params["u"]
        w: Vector = params["onto"]
        if len(u) != 2 or any(abs(x) > 20 for x in (*u, *w)):
            return None
        return {
            "kind": "dot-product-projection",
            "params": {"u": plane_vector(u), "v": plane_vector(w)},
            "caption": "The green shadow is the projection of u onto the line of v (here w). "
            "Turn v and watch the shadow's length follow u·v.",
            "after_answer": True,
        }
