"""Skill: is a vector in the span of some others?"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.elimination import solution_set
from mlmath.engine.linalg.span import in_span
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text
from mlmath.engine.solution import Solution
from mlmath.exercises.figures import is_plane, plane_vector
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK4_EIGEN, YES_NO, integer, random_vector
from mlmath.exercises.linalg.zero_rows import elimination_text
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_EIGEN} · Span in Linear Algebra"


def _is_multiple(w: Vector, v: Vector) -> bool:
    return all(w[i] * v[j] == w[j] * v[i] for i in range(len(v)) for j in range(len(v)))


def _negative_multiple(w: Vector, v: Vector) -> bool:
    """Whether w = c·v for some c < 0 (w and v non-zero)."""
    return _is_multiple(w, v) and any(w[i] * v[i] < 0 for i in range(len(v)))


def _weights_from_the_top(vectors: tuple[Vector, ...], w: Vector) -> list[Fraction] | None:
    """The weights that all but the last entry of w force (one vector in the plane, or two
    in space), when they are unique and whole numbers: what a learner who solves the top
    equations and stops there would take for the answer; otherwise None."""
    k = len(vectors)
    if k != len(w) - 1:
        return None
    if k == 1:
        (v,) = vectors
        weights = [w[0] / v[0]] if v[0] != 0 else None
    elif k == 2:
        (a, c), (b, d) = ((v[0], v[1]) for v in vectors)  # rows (a, b) and (c, d)
        det = a * d - b * c
        weights = [(w[0] * d - b * w[1]) / det, (a * w[1] - c * w[0]) / det] if det else None
    else:
        return None
    if weights is None or any(x.denominator != 1 for x in weights):
        return None
    return weights


@register
class SpanMembership(Skill):
    id = "linalg.span_membership"
    title = "Is it in the span?"
    summary = "Can w be written as a combination c₁v₁ + … + cₖvₖ?"
    levels = 3
    inputs = (
        Field("vectors", "vectors", "the spanning vectors"),
        Field("target", "vector", "the vector w"),
    )
    misconceptions = (
        Misconception(
            "multiple_of_one",
            "w does not have to be a multiple of ONE of the vectors",
            "The span holds every COMBINATION c₁v₁ + c₂v₂; w can mix several vectors "
            "without pointing along any single one.",
            TOPIC,
        ),
        Misconception(
            "few_vectors_fill_space",
            "Too few vectors cannot span the whole space",
            "One vector spans only a line, and two independent vectors in R³ only a plane "
            "through the origin; most vectors lie off that line or plane.",
            TOPIC,
        ),
        Misconception(
            "multiple_is_in_span",
            "A multiple of one of the vectors is in their span",
            "c·v₁ is the combination c·v₁ + 0·v₂ + …, so every multiple of one of the "
            "vectors lies in their span.",
            TOPIC,
        ),
        Misconception(
            "negative_multiple",
            "A negative multiple is in the span too",
            "The weights c₁, c₂, … can be any numbers, negative ones included: −2·v points "
            "the opposite way to v but lies on the same line through the origin, and that "
            "whole line is in the span.",
            TOPIC,
        ),
        Misconception(
            "unchecked_entry",
            "The weights were not checked on the last entry of w",
            "c₁v₁ + c₂v₂ = w is one equation for each entry of w. The first entries fix the "
            "weights; if those weights miss another entry, no weights give w, and w is not in "
            "the span. Check every entry.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        if level == 1:
            v = random_vector(rng, 2, -4, 4)
            k = integer(rng, -3, 3, nonzero=True)
            w = v.scale(k) if rng.random() < 0.5 else v.scale(k) + Vector.of([1, 0])
            return {"vectors": (v,), "target": w}
        low, high = (-3, 3) if level == 2 else (-5, 5)
        while True:
            v1, v2 = random_vector(rng, 3, low, high), random_vector(rng, 3, low, high)
            if not _is_multiple(v1, v2):
                break
        if rng.random() < 0.5:
            a, b = integer(rng, -3, 3, True), integer(rng, -3, 3, True)
            w = v1.scale(a) + v2.scale(b)
        else:
            w = random_vector(rng, 3, low, high)
        return {"vectors": (v1, v2), "target": w}

    def prompt(self, params: Params) -> Prompt:
        vectors = ", ".join(v.text() for v in params["vectors"])
        return (f"Is w = {params['target'].text()} in the span of {vectors}? (yes/no)",)

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.CHOICE, options=YES_NO)

    def check_inputs(self, params: Params) -> None:
        if len(params["target"]) != len(params["vectors"][0]):
            raise InputError("w needs as many entries as the spanning vectors")

    def solve(self, params: Params) -> Solution[str]:
        s = in_span(list(params["vectors"]), params["target"])
        return Solution("yes" if s.answer else "no", s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What does it mean for w to be in the span — which equation must have a solution?",
            "Put the vectors as columns, w on the right, and row-reduce: is there a row 0 = c "
            "with c ≠ 0?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        vectors: tuple[Vector, ...] = params["vectors"]
        w: Vector = params["target"]
        inside = self.solve(params).answer == "yes"
        out: dict[str, Any] = {}
        if inside:
            if any(_negative_multiple(w, v) for v in vectors):
                out["negative_multiple"] = "no"
            elif any(_is_multiple(w, v) for v in vectors):
                out["multiple_is_in_span"] = "no"
            else:
                out["multiple_of_one"] = "no"
        elif _weights_from_the_top(vectors, w) is not None:
            # whole-number weights from the top entries tempt a learner to stop there
            out["unchecked_entry"] = "yes"
        elif len(vectors) < len(w):
            out["few_vectors_fill_space"] = "yes"
        return out

    def why_wrong(self, params: Params) -> Mapping[str, str]:
        """The combination that gives w, or the contradiction that rules one out."""
        vectors: tuple[Vector, ...] = params["vectors"]
        w: Vector = params["target"]
        columns = [[v[i] for v in vectors] for i in range(len(w))]
        system = LinearSystem.of(columns, list(w.entries))
        found = solution_set(system).particular
        top = _weights_from_the_top(vectors, w)
        if found is None and top is not None:
            names = ", ".join(f"c{i + 1} = {number_text(c)}" for i, c in enumerate(top))
            parts = " + ".join(
                f"{_factor(c)}·{v.text()}" for c, v in zip(top, vectors, strict=True)
            )
            reached = vectors[0].scale(top[0])
            for c, v in zip(top[1:], vectors[1:], strict=True):
                reached = reached + v.scale(c)
            fit = "fits the first entry" if len(top) == 1 else f"fit the first {len(top)} entries"
            here = f"Here {names} {fit} of w, but {parts} = {reached.text()}, not w = {w.text()}."
        elif found is None:
            unknowns = " + ".join(f"c{i + 1}·{v.text()}" for i, v in enumerate(vectors))
            here = f"Here {unknowns} = w has no solution: {elimination_text(system)}."
        else:
            parts = " + ".join(
                f"{_factor(c)}·{v.text()}" for c, v in zip(found.entries, vectors, strict=True)
            )
            here = f"Here w = {parts}."
        return dict.fromkeys(self.buggy_answers(params), here)

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        vectors: tuple[Vector, ...] = params["vectors"]
        w: Vector = params["target"]
        if len(vectors) != 1 or not is_plane(w, *vectors):
            return None
        return {
            "kind": "span",
            "params": {
                "vectors": [plane_vector(vectors[0]), plane_vector(w)],
                "labels": ["v", "w"],
            },
            "caption": "v and w together: w is in the span of v exactly when the two lie on "
            "one line. Drag them and watch the span change.",
            "after_answer": True,
        }


def _factor(value: Fraction) -> str:
    return f"({number_text(value)})" if value < 0 else number_text(value)
