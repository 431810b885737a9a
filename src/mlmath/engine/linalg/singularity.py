"""Singular or non-singular: a square matrix, its determinant, and the reason.

A square matrix is *singular* when its determinant is 0 — equivalently, when
one of its rows is a combination of the others, so the system it describes has
either no solution or infinitely many. A *non-singular* matrix has a non-zero
determinant, independent rows, and every system with it has exactly one
solution.

>>> from mlmath.engine.exact import Matrix
>>> verdict = classify_singularity(Matrix.of([[1, 2], [2, 4]])).answer
>>> verdict.singular, verdict.determinant, verdict.relation.text()
(True, Fraction(0, 1), 'row 2 = 2·row 1')
>>> classify_singularity(Matrix.of([[1, 2], [3, 4]])).answer.text()
'non-singular'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from mlmath.engine.exact import Matrix
from mlmath.engine.linalg.dependence import LinearRelation, linear_dependence
from mlmath.engine.linalg.determinant import (
    determinant_2x2,
    determinant_by_cofactors,
    determinant_by_elimination,
)
from mlmath.engine.render import number_json, number_text
from mlmath.engine.solution import NotSolvable, Solution, Step

SingularityWord = Literal["singular", "non-singular"]


@dataclass(frozen=True, slots=True)
class Singularity:
    """The verdict, the determinant behind it, and (when singular) a row relation."""

    singular: bool
    determinant: Fraction
    relation: LinearRelation | None

    @property
    def word(self) -> SingularityWord:
        return "singular" if self.singular else "non-singular"

    def text(self) -> str:
        return self.word

    def latex(self) -> str:
        return rf"\text{{{self.word}}}"

    def to_json(self) -> Any:
        return {
            "verdict": self.word,
            "determinant": number_json(self.determinant),
            "relation": None if self.relation is None else self.relation.to_json(),
        }


def determinant_steps(matrix: Matrix) -> Solution[Fraction]:
    """The determinant by the method a learner would use at this size."""
    n = matrix.shape[0]
    if n == 2:
        return determinant_2x2(matrix)
    if n == 3:
        return determinant_by_cofactors(matrix)
    return determinant_by_elimination(matrix)


def classify_singularity(matrix: Matrix) -> Solution[Singularity]:
    """Decide whether a square matrix is singular, and say why.

    The determinant decides; when it is 0, the steps also show which row is a
    combination of the others.
    """
    m, n = matrix.shape
    if m != n:
        raise NotSolvable(
            f"singular and non-singular are words for square matrices; this one is {m}×{n}"
        )
    det = determinant_steps(matrix)
    method = {2: "ad − bc", 3: "expanding along row 1"}.get(n, "elimination")
    steps = [
        Step(
            f"Compute the determinant ({method})",
            det.answer,
            substeps=det.steps[:-1],
        )
    ]
    if det.answer != 0:
        steps.append(
            Step(
                f"The determinant is {number_text(det.answer)}, not 0: the matrix is "
                f"non-singular (its rows are independent, and every system with this "
                f"matrix has exactly one solution)"
            )
        )
        return Solution(Singularity(False, det.answer, None), tuple(steps))
    dependence = linear_dependence([matrix.row(i) for i in range(n)])
    relation = dependence.answer.relation
    assert relation is not None, "a zero determinant means dependent rows"
    steps.append(
        Step(
            "The determinant is 0: the matrix is singular. The reason shows in its rows: "
            "one of them is a combination of the others",
            relation,
            substeps=dependence.steps[:-1],
        )
    )
    steps.append(
        Step(
            f"So the matrix is singular ({relation.text()}): a system with this matrix has "
            f"either no solution or infinitely many"
        )
    )
    return Solution(Singularity(True, Fraction(0), relation), tuple(steps))
