"""Skill: sums, differences, scalar multiples and combinations of vectors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.vectors import linear_combination
from mlmath.engine.render import number_text
from mlmath.engine.solution import NotSolvable, Solution
from mlmath.exercises.figures import is_plane, number, plane_vector
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_VECTORS, integer, random_vector
from mlmath.exercises.mistakes import SignFlipped, Slip
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_VECTORS} · Sum and difference of vectors"


def _expression(a: Fraction, b: Fraction) -> str:
    first = "u" if a == 1 else ("-u" if a == -1 else f"{number_text(a)}u")
    if b == 0:
        return first
    size = abs(b)
    second = "v" if size == 1 else f"{number_text(size)}v"
    return f"{first} {'-' if b < 0 else '+'} {second}"


@register
class VectorArithmetic(Skill):
    id = "linalg.vector_arithmetic"
    title = "Sum, difference and scalar multiples of vectors"
    summary = "Compute a·u + b·v entry by entry: sums, differences, stretches and flips."
    levels = 3
    inputs = (
        Field("u", "vector", "the first vector"),
        Field("v", "vector", "the second vector"),
        Field("a", "number", "the multiple of u", required=False, default=Fraction(1)),
        Field("b", "number", "the multiple of v", required=False, default=Fraction(1)),
    )
    misconceptions = (
        Misconception(
            "sign_slip",
            "You added where you should subtract (or the other way round)",
            "In a·u + b·v the sign belongs to the number in front of v: u − v subtracts "
            "each entry of v from the matching entry of u.",
            TOPIC,
        ),
        Misconception(
            "scaled_first_entry_only",
            "You multiplied only the first entry",
            "A scalar multiplies EVERY entry of the vector: 3·(1, 2) = (3, 6). The arrow "
            "stretches without turning.",
            f"{WEEK3_VECTORS} · Multiplying a vector by a scalar",
        ),
        Misconception(
            "multiplied_entries",
            "You multiplied matching entries",
            "Two vectors are combined by ADDING (or subtracting) matching entries: "
            "(4, 1) + (1, 3) = (5, 4). Multiplying matching entries, (4·1, 1·3), is the first "
            "half of the dot product, a different operation.",
            TOPIC,
            hint="Which operation stands between the two vectors in the question?",
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            u, v = random_vector(rng, 2, 0, 6), random_vector(rng, 2, 0, 6)
            return {
                "u": u,
                "v": v,
                "a": Fraction(1),
                "b": Fraction(1 if rng.random() < 0.5 else -1),
            }
        if level == 2:
            u, v = random_vector(rng, 3, -6, 6), random_vector(rng, 3, -6, 6)
            if rng.random() < 0.5:
                return {"u": u, "v": v, "a": Fraction(integer(rng, -4, 4, True)), "b": Fraction(0)}
            return {"u": u, "v": v, "a": Fraction(1), "b": Fraction(-1)}
        n = int(rng.integers(2, 5))
        u, v = random_vector(rng, n, -8, 8), random_vector(rng, n, -8, 8)
        a = Fraction(integer(rng, -4, 4, True))
        b = Fraction(integer(rng, -4, 4, True))
        return {"u": u, "v": v, "a": a, "b": b}

    def prompt(self, params: Params) -> Prompt:
        expression = _expression(params["a"], params["b"])
        if params["b"] == 0:
            return (f"With u = {params['u'].text()}, compute {expression}.",)
        return (
            f"With u = {params['u'].text()} and v = {params['v'].text()}, compute {expression}.",
        )

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.VECTOR, shape=(len(params["u"]),))

    def check_inputs(self, params: Params) -> None:
        if len(params["u"]) != len(params["v"]):
            raise InputError("u and v must have the same number of entries")

    def solve(self, params: Params) -> Solution[Vector]:
        try:
            return linear_combination(params["a"], params["u"], params["b"], params["v"])
        except ValueError as error:
            raise NotSolvable(str(error)) from None

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Which entries of the two vectors belong together?",
            "Work one position at a time: first entry with first entry, and so on; "
            "multiply by the numbers in front before adding.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The other order of a difference (v − u), and the sign."""
        return (SignFlipped(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        u: Vector = params["u"]
        v: Vector = params["v"]
        a: Fraction = params["a"]
        b: Fraction = params["b"]
        out: dict[str, Any] = {}
        if b != 0:
            out["sign_slip"] = u.scale(a) - v.scale(b)
            # the + or − between a·u and |b|·v read as a product of matching entries
            out["multiplied_entries"] = Vector(
                tuple(x * y for x, y in zip(u.scale(a), v.scale(abs(b)), strict=True))
            )
        if a not in (0, 1):
            first = Vector((u[0] * a, *u.entries[1:]))
            out["scaled_first_entry_only"] = first + v.scale(b)
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        if not is_plane(params["u"], params["v"]):
            return None
        return {
            "kind": "vector-sum",
            "params": {
                "u": plane_vector(params["u"]),
                "v": plane_vector(params["v"]),
                "a": number(params["a"]),
                "b": number(params["b"]),
            },
            "caption": "The combination tip to tail. Drag u and v and watch it follow.",
            "after_answer": True,
        }
