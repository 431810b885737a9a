"""Skill: the rank of a linear transformation (the dimension of its image)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.determinant import determinant
from mlmath.engine.linalg.transformations import transformation_rank
from mlmath.engine.solution import Solution
from mlmath.exercises.inputs import Field
from mlmath.exercises.linalg.matrix_variants import nonsingular_matrix, singular_matrix
from mlmath.exercises.linalg.vector_variants import WEEK4_DETERMINANTS, integer, random_vector
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK4_DETERMINANTS} · Singularity and rank of linear transformation"


def _rank_one(rng: np.random.Generator, n: int) -> Matrix:
    u = random_vector(rng, n, -4, 4)
    v = random_vector(rng, n, -3, 3)
    return Matrix(tuple(tuple(a * b for b in v) for a in u))


@register
class TransformationRank(Skill):
    id = "linalg.transformation_rank"
    title = "Rank of a linear transformation"
    summary = "The rank is the dimension of the image: the whole plane, a line or a point."
    levels = 3
    inputs = (Field("matrix", "matrix", "the matrix of the transformation", max_size=4),)
    misconceptions = (
        Misconception(
            "counted_rows",
            "You counted the rows (or the non-zero rows)",
            "Rank counts the INDEPENDENT rows (or columns): rows that are multiples or "
            "combinations of others add nothing new to the image.",
            TOPIC,
        ),
        Misconception(
            "singular_means_rank_zero",
            "Singular does not mean rank 0",
            "A singular transformation squashes space into something flatter — often a line "
            "(rank 1) or a plane (rank 2) — and only the zero matrix squashes it to a point.",
            TOPIC,
        ),
        Misconception(
            "singular_means_a_line",
            "det = 0 does not always mean a line",
            "In the plane a singular matrix squashes everything onto a line, but in space it "
            "may leave a whole plane (rank 2). The determinant only says that something "
            "collapsed: count the pivots to see how much is left.",
            TOPIC,
        ),
        Misconception(
            "one_dimension_lost",
            "det = 0 does not mean exactly one dimension is lost",
            "A singular 3×3 matrix may squash space onto a plane (rank 2) or all the way onto "
            "a line (rank 1). The determinant is 0 either way: count the pivots to see how "
            "much is left.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n = 2 if level < 3 else 3
        low, high = (1, 5) if level == 1 else (-6, 6)
        pick = integer(rng, 0, 2)
        if pick == 0:
            return {"matrix": nonsingular_matrix(rng, n, low, high)}
        if pick == 1 and n == 3:
            return {"matrix": singular_matrix(rng, n, low, high)}
        return {"matrix": _rank_one(rng, n)}

    def prompt(self, params: Params) -> Prompt:
        return ("What is the rank of the linear transformation with matrix", params["matrix"])

    def answer_format(self, params: Params) -> AnswerFormat:
        return AnswerFormat(Kind.NUMBER)

    def solve(self, params: Params) -> Solution[Fraction]:
        s = transformation_rank(params["matrix"])
        return Solution(Fraction(s.answer), s.steps)

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "Where do the basis vectors land? Do their images point in different directions?",
            "Is the determinant 0? If so, how many independent columns are left?",
        )

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        a: Matrix = params["matrix"]
        out: dict[str, Any] = {
            "counted_rows": Fraction(sum(1 for r in a.rows if any(x != 0 for x in r))),
        }
        if a.is_square and determinant(a) == 0:
            out["singular_means_rank_zero"] = Fraction(0)
            out["singular_means_a_line"] = Fraction(1)
            out["one_dimension_lost"] = Fraction(a.shape[0] - 1)
        return out
