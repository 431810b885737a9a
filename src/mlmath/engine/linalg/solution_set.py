"""The solution set of a linear system: empty, one point, or a line/plane of points.

A non-empty solution set is ``particular + t₁·d₁ + … + tₖ·dₖ``: one solution and
the directions in which the solutions extend (a basis of the null space).

>>> from mlmath.engine.exact import Vector
>>> s = SolutionSet(("x", "y"), Vector.of([1, 0]), (Vector.of([-2, 1]),))
>>> s.kind, s.text()
('infinite', 'x = 1 - 2t, y = t')
>>> s.contains(Vector.of([-3, 2]))
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.render import number_json, number_latex, number_text

PARAMETER_NAMES = ("t", "s", "r", "q", "p")

Kind = Literal["none", "unique", "infinite"]


def parameter_name(k: int) -> str:
    """The name of the k-th free parameter: ``t, s, r, q, p``, then ``t6, t7, …``."""
    return PARAMETER_NAMES[k] if k < len(PARAMETER_NAMES) else f"t{k + 1}"


SPARE_NAMES = ("u", "v", "w", "k", "m", "n", "a", "b", "c", "d", "f", "g", "h")
"""Parameter names used when the unknowns themselves are called t, s, r, q or p."""


def parameter_names(count: int, variables: Sequence[str]) -> tuple[str, ...]:
    """Names for ``count`` free parameters that no unknown uses: ``t, s, r, q, p`` first,
    then ``u, v, w, …``, then ``t6, t7, …``.

    >>> parameter_names(2, ("s", "t", "u"))
    ('r', 'q')
    """
    taken = set(variables)
    pool = [*PARAMETER_NAMES, *SPARE_NAMES, *(f"t{k + 1}" for k in range(count + len(taken)))]
    return tuple(name for name in pool if name not in taken)[:count]


@dataclass(frozen=True, slots=True)
class SolutionSet:
    """All solutions of a linear system in the unknowns ``variables``.

    ``particular`` is ``None`` when there is no solution; ``directions`` is empty
    when the solution is unique. The directions are the ones read off the
    reduced row echelon form (one per free variable, that variable set to 1).
    """

    variables: tuple[str, ...]
    particular: Vector | None
    directions: tuple[Vector, ...] = ()

    @classmethod
    def empty(cls, variables: tuple[str, ...]) -> SolutionSet:
        return cls(variables, None, ())

    @property
    def kind(self) -> Kind:
        if self.particular is None:
            return "none"
        return "infinite" if self.directions else "unique"

    @property
    def dimension(self) -> int | None:
        """0 for a point, 1 for a line, 2 for a plane; ``None`` when empty."""
        return None if self.particular is None else len(self.directions)

    def contains(self, point: Vector) -> bool:
        """Whether ``point`` is a solution (exactly)."""
        if self.particular is None:
            return False
        offset = point - self.particular
        if not self.directions:
            return offset.is_zero()
        from mlmath.engine.linalg.rank import rank_of

        basis = Matrix.from_columns(list(self.directions))
        return rank_of(basis.augment(offset)) == rank_of(basis)

    @property
    def parameters(self) -> tuple[str, ...]:
        """The names of the free parameters, none of them an unknown's name."""
        return parameter_names(len(self.directions), self.variables)

    def _parametric_terms(self) -> list[list[tuple[Fraction, str]]]:
        assert self.particular is not None
        terms: list[list[tuple[Fraction, str]]] = []
        for i in range(len(self.variables)):
            row = [(self.particular[i], "")]
            named = zip(self.parameters, self.directions, strict=True)
            row += [(d[i], name) for name, d in named if d[i] != 0]
            terms.append(row)
        return terms

    def text(self) -> str:
        if self.particular is None:
            return "no solution"
        return ", ".join(
            f"{name} = {_combination(terms, number_text, True)}"
            for name, terms in zip(self.variables, self._parametric_terms(), strict=True)
        )

    def latex(self) -> str:
        if self.particular is None:
            return r"\text{no solution}"
        body = ", \\quad ".join(
            f"{name} = {_combination(terms, number_latex, False)}"
            for name, terms in zip(self.variables, self._parametric_terms(), strict=True)
        )
        if self.directions:
            names = ", ".join(self.parameters)
            body += rf" \qquad ({names} \in \mathbb{{R}})"
        return body

    def to_json(self) -> Any:
        return {
            "kind": self.kind,
            "variables": list(self.variables),
            "particular": None
            if self.particular is None
            else [number_json(a) for a in self.particular],
            "directions": [[number_json(a) for a in d] for d in self.directions],
        }


def _combination(terms: list[tuple[Fraction, str]], write: Any, plain: bool) -> str:
    """Write ``c₀ + c₁·t + …`` with signs folded: ``1 - 2t``. In ``plain`` text a fraction
    in front of a parameter is bracketed, ``(1/2)t``: ``1/2t`` would read as 1/(2t)."""
    out = ""
    for coefficient, name in terms:
        if coefficient == 0 and (name or len(terms) > 1):
            continue
        magnitude = abs(coefficient)
        body = (
            write(magnitude)
            if not name
            else (
                name
                if magnitude == 1
                else f"({write(magnitude)}){name}"
                if plain and magnitude.denominator != 1
                else f"{write(magnitude)}{name}"
            )
        )
        if not out:
            out = ("-" if coefficient < 0 else "") + body
        else:
            out += (" - " if coefficient < 0 else " + ") + body
    return out or "0"
