"""Small data tables for calculus prompts: a row of inputs over a row of outputs."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from mlmath.engine.calculus import numerals
from mlmath.engine.exact import Matrix
from mlmath.engine.solution import Formula
from mlmath.exercises.inputs import InputError


def table(rows: Matrix, first: str, second: str) -> Formula:
    """The rows ``(a, b)`` of ``rows`` as a two-line table with the given headings."""
    firsts = [numerals.text(r[0]) for r in rows.rows]
    seconds = [numerals.text(r[1]) for r in rows.rows]
    width = max(len(s) for s in firsts + seconds)
    heading = max(len(first), len(second))
    text = "\n".join(
        [
            first.ljust(heading) + " │ " + "  ".join(s.rjust(width) for s in firsts),
            second.ljust(heading) + " │ " + "  ".join(s.rjust(width) for s in seconds),
        ]
    )
    cells = len(rows.rows)
    latex = (
        rf"\begin{{array}}{{r|{'r' * cells}}} \text{{{first}}} & "
        + " & ".join(numerals.latex(r[0]) for r in rows.rows)
        + rf" \\ \text{{{second}}} & "
        + " & ".join(numerals.latex(r[1]) for r in rows.rows)
        + r" \end{array}"
    )
    return Formula(latex, text, True)


def pairs(rows: Matrix) -> list[tuple[Fraction, Fraction]]:
    return [(r[0], r[1]) for r in rows.rows]


def check_pairs(rows: Matrix, name: str = "data") -> None:
    if rows.shape[1] != 2:
        raise InputError(f"{name}: give one [x, y] pair per row, like [[1, 2], [3, 5]]")


def matrix_of(points: Sequence[tuple[int | Fraction, int | Fraction]]) -> Matrix:
    return Matrix(tuple((Fraction(a), Fraction(b)) for a, b in points))
