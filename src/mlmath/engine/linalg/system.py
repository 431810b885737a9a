"""A system of linear equations: coefficients, right-hand sides and unknowns' names.

>>> s = LinearSystem.of([[2, 3], [1, -1]], [8, 1])
>>> print(s.text())
2x + 3y = 8
 x -  y = 1
>>> s.equation_text(1)
'x - y = 1'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.exact import Matrix, ScalarLike, Vector
from mlmath.engine.render import Augmented, number_json, number_latex, number_text

DEFAULT_VARIABLES = ("x", "y", "z", "w")


def default_variables(n: int) -> tuple[str, ...]:
    """``x, y, z, w`` for up to four unknowns, ``x1 … xn`` beyond."""
    if n <= len(DEFAULT_VARIABLES):
        return DEFAULT_VARIABLES[:n]
    return tuple(f"x{i}" for i in range(1, n + 1))


@dataclass(frozen=True, slots=True)
class LinearSystem:
    """The system ``matrix · (variables) = rhs``."""

    matrix: Matrix
    rhs: Vector
    variables: tuple[str, ...]

    def __post_init__(self) -> None:
        m, n = self.matrix.shape
        if len(self.rhs) != m:
            raise ValueError(f"{m} equations need {m} right-hand sides, got {len(self.rhs)}")
        if len(self.variables) != n:
            raise ValueError(f"{n} columns need {n} unknowns, got {len(self.variables)}")

    @classmethod
    def of(
        cls,
        matrix: Iterable[Iterable[ScalarLike]],
        rhs: Iterable[ScalarLike],
        variables: Sequence[str] | None = None,
    ) -> LinearSystem:
        a = Matrix.of(matrix)
        names = tuple(variables) if variables is not None else default_variables(a.shape[1])
        return cls(a, Vector.of(rhs), names)

    @property
    def size(self) -> tuple[int, int]:
        """(number of equations, number of unknowns)."""
        return self.matrix.shape

    def augmented(self) -> Matrix:
        return self.matrix.augment(self.rhs)

    def augmented_display(self) -> Augmented:
        return Augmented(self.augmented(), self.matrix.shape[1])

    def is_solution(self, point: Vector) -> bool:
        return self.matrix.times_vector(point) == self.rhs

    # --- rendering ---------------------------------------------------------------

    def _terms(self, i: int, write: Any) -> list[tuple[str, str]]:
        """(sign, body) per unknown with a non-zero coefficient in equation ``i``."""
        terms = []
        for a, name in zip(self.matrix.rows[i], self.variables, strict=True):
            if a == 0:
                terms.append(("", ""))
                continue
            magnitude = abs(a)
            body = name if magnitude == 1 else f"{write(magnitude)}{name}"
            terms.append(("-" if a < 0 else "+", body))
        return terms

    def equation_text(self, i: int) -> str:
        """Equation ``i`` on one line, as a learner would write it."""
        left = _join([t for t in self._terms(i, number_text) if t[1]])
        return f"{left} = {number_text(self.rhs[i])}"

    def text(self) -> str:
        """The equations one per line, unknowns aligned in columns."""
        rows = [self._terms(i, number_text) for i in range(self.size[0])]
        widths = [max(len(r[j][1]) for r in rows) for j in range(self.size[1])]
        lines = []
        for i, terms in enumerate(rows):
            first = next((j for j, (_, body) in enumerate(terms) if body), None)
            cells = []
            for j, (sign, body) in enumerate(terms):
                width = widths[j] + (1 if j == 0 else 3)  # room for " + " between terms
                if first is None or j < first or not body:
                    cells.append(" " * width)
                elif j == first:
                    cells.append((("-" + body) if sign == "-" else body).rjust(width))
                else:
                    cells.append(f" {sign} {body.rjust(widths[j])}")
            left = "".join(cells)
            if first is None:
                left = left[:-1] + "0"
            lines.append(f"{left} = {number_text(self.rhs[i])}")
        indent = min(len(line) - len(line.lstrip()) for line in lines)
        return "\n".join(line[indent:] for line in lines)

    def latex(self) -> str:
        n = self.size[1]
        spec = "r" + "cr" * (n - 1) + "cr"
        lines = []
        for i in range(self.size[0]):
            cells: list[str] = []
            first = True
            for sign, body in self._terms(i, number_latex):
                if not body:
                    cells += ([] if first else [""]) + [""]
                    continue
                if first:
                    cells.append(("-" if sign == "-" else "") + body)
                    first = False
                else:
                    cells += [sign, body]
            if first:
                cells = ["0"] + [""] * (2 * (n - 1))
            cells = cells[: 2 * n - 1] + [""] * (2 * n - 1 - len(cells))
            cells += ["=", number_latex(self.rhs[i])]
            lines.append(" & ".join(cells))
        return rf"\left\{{\begin{{array}}{{{spec}}} " + r" \\ ".join(lines) + r" \end{array}\right."

    def to_json(self) -> Any:
        return {
            "matrix": [[number_json(a) for a in row] for row in self.matrix.rows],
            "rhs": [number_json(b) for b in self.rhs],
            "variables": list(self.variables),
        }


def _join(terms: list[tuple[str, str]]) -> str:
    if not terms:
        return "0"
    out = ("-" if terms[0][0] == "-" else "") + terms[0][1]
    for sign, body in terms[1:]:
        out += f" {sign} {body}"
    return out


def coefficient_text(value: Fraction) -> str:
    return number_text(value)
