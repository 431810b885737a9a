"""Linear expressions ``c + a₁·v₁ + … + aₙ·vₙ`` and linear equations, exactly.

Substitution ("x = 5 − 2y, put it into the other equation") and back
substitution ("z = t, so y = 3 − 2t") work with these: an expression over a
fixed tuple of names (unknowns and parameters), with exact coefficients.

>>> names = ("x", "y")
>>> x_value = LinearExpression.of(names, {"y": -2}, constant=5)
>>> x_value.text()
'5 - 2y'
>>> equation = LinearEquation.of(names, {"x": 3, "y": 4}, 7)
>>> equation.text()
'3x + 4y = 7'
>>> equation.substitute("x", x_value).text()
'-2y = -8'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.exact import ScalarLike, fraction
from mlmath.engine.render import number_json, number_latex, number_text

Writer = Callable[[Fraction], str]

_ZERO = Fraction(0)


@dataclass(frozen=True, slots=True)
class LinearExpression:
    """``constant + Σ coefficients[i]·names[i]``; names fix the order terms are written in."""

    names: tuple[str, ...]
    coefficients: tuple[Fraction, ...]
    constant: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        if len(self.names) != len(self.coefficients):
            raise ValueError("a linear expression needs one coefficient per name")

    @classmethod
    def of(
        cls,
        names: Sequence[str],
        coefficients: Mapping[str, ScalarLike],
        constant: ScalarLike = 0,
    ) -> LinearExpression:
        unknown = set(coefficients) - set(names)
        if unknown:
            raise ValueError(f"{sorted(unknown)[0]!r} is not one of {', '.join(names)}")
        return cls(
            tuple(names),
            tuple(fraction(coefficients.get(name, 0)) for name in names),
            fraction(constant),
        )

    @classmethod
    def number(cls, names: Sequence[str], value: ScalarLike) -> LinearExpression:
        return cls(tuple(names), (_ZERO,) * len(names), fraction(value))

    @classmethod
    def name(cls, names: Sequence[str], name: str) -> LinearExpression:
        return cls.of(names, {name: 1})

    def coefficient(self, name: str) -> Fraction:
        return self.coefficients[self.names.index(name)]

    @property
    def is_constant(self) -> bool:
        return all(a == 0 for a in self.coefficients)

    def __add__(self, other: LinearExpression) -> LinearExpression:
        self._same_names(other)
        return LinearExpression(
            self.names,
            tuple(
                a + b if b else a
                for a, b in zip(self.coefficients, other.coefficients, strict=True)
            ),
            self.constant + other.constant if other.constant else self.constant,
        )

    def __sub__(self, other: LinearExpression) -> LinearExpression:
        self._same_names(other)
        return LinearExpression(
            self.names,
            tuple(
                a - b if b else a
                for a, b in zip(self.coefficients, other.coefficients, strict=True)
            ),
            self.constant - other.constant if other.constant else self.constant,
        )

    def scale(self, factor: ScalarLike) -> LinearExpression:
        k = factor if type(factor) is Fraction else fraction(factor)
        if k == 1:
            return self
        return LinearExpression(
            self.names,
            tuple(k * a if a else a for a in self.coefficients),
            k * self.constant if self.constant else self.constant,
        )

    def without(self, name: str) -> LinearExpression:
        """The expression with the term in ``name`` dropped."""
        i = self.names.index(name)
        coefficients = list(self.coefficients)
        coefficients[i] = Fraction(0)
        return LinearExpression(self.names, tuple(coefficients), self.constant)

    def substitute(self, name: str, replacement: LinearExpression) -> LinearExpression:
        """Replace ``name`` by ``replacement`` and collect terms."""
        return self.without(name) + replacement.scale(self.coefficient(name))

    def evaluate(self, values: Mapping[str, Fraction]) -> Fraction:
        return self.constant + sum(
            (a * values[n] for n, a in zip(self.names, self.coefficients, strict=True) if a),
            Fraction(0),
        )

    def _same_names(self, other: LinearExpression) -> None:
        if self.names != other.names:
            raise ValueError("linear expressions over different names cannot be combined")

    # --- rendering ---------------------------------------------------------------

    def text(self) -> str:
        return write_terms(self._pairs(), number_text, coefficient_text)

    def latex(self) -> str:
        return write_terms(self._pairs(), number_latex, number_latex)

    def to_json(self) -> Any:
        return {
            "constant": number_json(self.constant),
            "coefficients": {
                n: number_json(a) for n, a in zip(self.names, self.coefficients, strict=True) if a
            },
        }

    def _pairs(self) -> list[tuple[Fraction, str]]:
        pairs = [(self.constant, "")] if self.constant or self.is_constant else []
        return pairs + [
            (a, n) for n, a in zip(self.names, self.coefficients, strict=True) if a != 0
        ]


@dataclass(frozen=True, slots=True)
class LinearEquation:
    """``left = right`` with every unknown on the left and the number on the right."""

    left: LinearExpression
    right: Fraction

    @classmethod
    def of(
        cls, names: Sequence[str], coefficients: Mapping[str, ScalarLike], right: ScalarLike
    ) -> LinearEquation:
        return cls(LinearExpression.of(names, coefficients), fraction(right))

    @classmethod
    def from_sides(cls, left: LinearExpression, right: LinearExpression) -> LinearEquation:
        """Collect ``left = right`` into unknowns on the left, the number on the right."""
        difference = left - right
        return cls(
            LinearExpression(difference.names, difference.coefficients), -difference.constant
        )

    def substitute(self, name: str, replacement: LinearExpression) -> LinearEquation:
        return LinearEquation.from_sides(
            self.left.substitute(name, replacement), LinearExpression.number(self.left.names, 0)
        ).with_right_added(self.right)

    def with_right_added(self, amount: Fraction) -> LinearEquation:
        return LinearEquation(self.left, self.right + amount)

    def solve_for(self, name: str) -> LinearExpression:
        """The expression ``name`` equals, from this equation (its coefficient must be non-zero)."""
        a = self.left.coefficient(name)
        if a == 0:
            raise ValueError(f"{name} does not appear in {self.text()}")
        rest = self.left.without(name)
        return (LinearExpression.number(self.left.names, self.right) - rest).scale(1 / a)

    @property
    def is_contradiction(self) -> bool:
        """``0 = c`` with ``c ≠ 0``: never true."""
        return self.left.is_constant and self.right != 0

    @property
    def is_identity(self) -> bool:
        """``0 = 0``: always true, no information."""
        return self.left.is_constant and self.right == 0

    def text(self) -> str:
        return f"{self.left.text()} = {number_text(self.right)}"

    def latex(self) -> str:
        return f"{self.left.latex()} = {number_latex(self.right)}"

    def to_json(self) -> Any:
        return {"left": self.left.to_json(), "right": number_json(self.right)}


def coefficient_text(value: Fraction) -> str:
    """A coefficient in plain text: ``3``, or ``(3/2)`` so that ``(3/2)y`` cannot be misread."""
    written = number_text(value)
    return written if value.denominator == 1 else f"({written})"


def write_terms(
    pairs: Sequence[tuple[Fraction, str]], write: Writer, write_coefficient: Writer
) -> str:
    """Write ``c₀ + c₁·n₁ + …`` with the signs folded in: ``5 - 2y``, ``-x + (1/2)z``."""
    out = ""
    for value, name in pairs:
        negative = value < 0
        magnitude = -value if negative else value
        if not name:
            body = write(magnitude)
        elif magnitude == 1:
            body = name
        else:
            body = f"{write_coefficient(magnitude)}{name}"
        if not out:
            out = ("-" if negative else "") + body
        else:
            out += (" - " if negative else " + ") + body
    return out or "0"
