"""How many solutions: exactly one, none, or infinitely many — and why.

For a square system the determinant decides first: non-zero means exactly one
solution. A zero determinant (a singular system), or a system that is not
square, is settled by the ranks: ``rank A < rank [A | b]`` means no solution,
``rank A = rank [A | b] < number of unknowns`` means infinitely many.

>>> from mlmath.engine.linalg.system import LinearSystem
>>> classify(LinearSystem.of([[1, 2], [3, 4]], [5, 6])).answer
'unique'
>>> classify(LinearSystem.of([[1, 2], [2, 4]], [3, 6])).answer
'infinite'
>>> classify(LinearSystem.of([[1, 2], [2, 4]], [3, 7])).steps[-1].rule
'So the system has no solution'
"""

from __future__ import annotations

from mlmath.engine.linalg.rank import rank_and_solutions
from mlmath.engine.linalg.singularity import determinant_steps
from mlmath.engine.linalg.solution_set import Kind
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text
from mlmath.engine.solution import Formula, Solution, Step

KIND_WORDS: dict[Kind, str] = {
    "unique": "exactly one solution",
    "none": "no solution",
    "infinite": "infinitely many solutions",
}


def classify(system: LinearSystem) -> Solution[Kind]:
    """Whether ``system`` has one solution, none or infinitely many, with the reason in words."""
    m, n = system.size
    steps: list[Step] = []
    if m == n:
        determinant = determinant_steps(system.matrix)
        steps.append(
            Step(
                "The system is square: start with the determinant of the coefficient matrix",
                None,
                determinant.steps,
            )
        )
        value = determinant.answer
        if value != 0:
            steps.append(
                Step(
                    f"det A = {number_text(value)} is not 0: the matrix is non-singular, "
                    "so the system has exactly one solution, whatever the right-hand side",
                    Formula(r"\det A \neq 0", "det A ≠ 0"),
                )
            )
            steps.append(Step("So the system has exactly one solution"))
            return Solution("unique", tuple(steps))
        steps.append(
            Step(
                "det A = 0: the matrix is singular, so there is either no solution or "
                "infinitely many. The right-hand side decides: compare the ranks",
                Formula(r"\det A = 0", "det A = 0"),
            )
        )
    else:
        steps.append(
            Step(
                f"The system has {m} equation{'s' if m > 1 else ''} and {n} unknowns: "
                "it is not square, so there is no determinant. Compare the ranks"
            )
        )
    ranks = rank_and_solutions(system)
    steps.append(Step("Find rank A and rank [A | b] by elimination", None, ranks.steps))
    kind = ranks.answer.kind
    steps.append(Step(f"So the system has {KIND_WORDS[kind]}"))
    return Solution(kind, tuple(steps))
