"""The picture behind a system: where lines (2 unknowns) or planes (3 unknowns) meet.

Each equation ``a·x + b·y = c`` is a line in the plane; each ``a·x + b·y + c·z = d``
is a plane in space. The solutions of the system are the points on all of them:

- two lines meet in a **point**, are **parallel** (no point), or are the **same line**;
- three planes meet in a **point**, a **line**, a **plane** (all the same), or
  **nowhere** (two are parallel, or they meet in pairs along parallel lines).

>>> from mlmath.engine.linalg.system import LinearSystem
>>> reading = lines_intersection(LinearSystem.of([[1, 1], [1, -1]], [3, 1])).answer
>>> reading.intersection, reading.solutions.text()
('point', 'x = 2, y = 1')
>>> parallel = LinearSystem.of([[1, 1, 1], [1, 1, 1], [1, 1, 1]], [1, 2, 3])
>>> planes_intersection(parallel).answer.intersection
'none'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.elimination import solution_set, solve_by_elimination
from mlmath.engine.linalg.rank import rank_of
from mlmath.engine.linalg.solution_set import SolutionSet
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.render import number_text
from mlmath.engine.solution import NotSolvable, Solution, Step

Intersection = Literal["point", "line", "plane", "none"]


@dataclass(frozen=True, slots=True)
class GeometricReading:
    """Where the lines or planes meet, the points they share, and the picture in words."""

    intersection: Intersection
    solutions: SolutionSet
    picture: str

    def text(self) -> str:
        return self.picture

    def latex(self) -> str:
        return r"\text{" + self.picture + "}"

    def to_json(self) -> Any:
        return {
            "intersection": self.intersection,
            "solutions": self.solutions.to_json(),
            "picture": self.picture,
        }


def _proportional(first: Vector, second: Vector) -> bool:
    """Whether two non-zero vectors are multiples of each other."""
    return rank_of(_rows(first, second)) == 1


def _rows(*vectors: Vector) -> Matrix:
    return Matrix(tuple(v.entries for v in vectors))


def _slope(row: tuple[Fraction, ...]) -> str:
    a, b = row
    if b == 0:
        return "vertical"
    return f"slope {number_text(-a / b)}"


def _check_equations(system: LinearSystem, unknowns: int, shape: str) -> None:
    if system.size[1] != unknowns:
        raise NotSolvable(f"{shape}s need equations in {unknowns} unknowns")
    for i, row in enumerate(system.matrix.rows):
        if all(a == 0 for a in row):
            raise NotSolvable(f"equation {i + 1} has every coefficient 0, so it is not a {shape}")


def lines_intersection(system: LinearSystem) -> Solution[GeometricReading]:
    """Where the lines of a system in two unknowns meet, with the reason in words."""
    _check_equations(system, 2, "line")
    solved = solve_by_elimination(system)
    solutions = solved.answer
    rows = system.matrix.rows
    slopes = ", ".join(_slope(r) for r in rows)
    if solutions.kind == "unique":
        point = ", ".join(number_text(a) for a in solutions.particular or ())
        intersection: Intersection = "point"
        picture = (
            f"The lines have different directions ({slopes}), so they cross in exactly "
            f"one point: ({point})"
        )
    elif solutions.kind == "infinite":
        intersection = "line"
        picture = (
            "Every equation is a multiple of the same one: they all describe the same line, "
            "so every point on it is a solution"
        )
    else:
        intersection = "none"
        picture = (
            f"The lines point the same way ({slopes}) but do not coincide: they are parallel "
            "and never meet, so there is no solution"
            if rank_of(system.matrix) == 1
            else "The lines do not all pass through one point: they meet in pairs but never "
            "all at once, so there is no solution"
        )
    reading = GeometricReading(intersection, solutions, picture)
    steps = (
        Step("Each equation is a line in the plane; a solution is a point on every line", system),
        Step("Solve the system by elimination", None, solved.steps),
        Step(picture, solutions),
    )
    return Solution(reading, steps)


def planes_intersection(system: LinearSystem) -> Solution[GeometricReading]:
    """Where the planes of a system in three unknowns meet, with the reason in words."""
    _check_equations(system, 3, "plane")
    solved = solve_by_elimination(system)
    solutions = solved.answer
    if solutions.kind == "unique":
        point = ", ".join(number_text(a) for a in solutions.particular or ())
        intersection: Intersection = "point"
        picture = (
            f"rank A = 3: no plane's tilt is a combination of the others, so they meet in "
            f"exactly one point: ({point})"
        )
    elif solutions.kind == "infinite" and solutions.dimension == 1:
        intersection = "line"
        picture = (
            "rank A = rank [A | b] = 2: one equation is a combination of the others, so "
            "the planes share a common line (like pages of a book along its spine)"
        )
    elif solutions.kind == "infinite":
        intersection = "plane"
        picture = (
            "rank A = rank [A | b] = 1: every equation is a multiple of the same one, so "
            "all the planes are the same plane"
        )
    else:
        intersection = "none"
        picture = _why_planes_miss(system, rank_of(system.matrix))
    reading = GeometricReading(intersection, solutions, picture)
    steps = (
        Step("Each equation is a plane in space; a solution is a point on every plane", system),
        Step("Solve the system by elimination", None, solved.steps),
        Step(picture, solutions),
    )
    return Solution(reading, steps)


def planes_meet(system: LinearSystem) -> Intersection:
    """The answer of :func:`planes_intersection` alone, without the worked steps."""
    _check_equations(system, 3, "plane")
    solutions = solution_set(system)
    if solutions.kind == "none":
        return "none"
    if not solutions.directions:
        return "point"
    return "line" if len(solutions.directions) == 1 else "plane"


def _why_planes_miss(system: LinearSystem, rank: int) -> str:
    rows = [system.matrix.row(i) for i in range(system.size[0])]
    augmented = [system.augmented().row(i) for i in range(system.size[0])]
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if _proportional(rows[i], rows[j]) and not _proportional(augmented[i], augmented[j]):
                return (
                    f"Planes {i + 1} and {j + 1} are parallel (their coefficients are "
                    "multiples of each other) but different, so no point lies on both: "
                    "there is no solution"
                )
    if rank == 2:
        return (
            "No two planes are parallel, but each pair meets in a line and the three lines "
            "are parallel (like the sides of a tent): no point lies on all three, "
            "so there is no solution"
        )
    return "The planes have no point in common, so there is no solution"
