"""The minimum, maximum or saddle point of a quadratic function of two variables.

At a smooth minimum or maximum of f(x, y) the tangent plane is flat: both partial
derivatives are 0. For a quadratic f they are linear, so ∇f = 0 is a 2×2 linear system with
one solution when det H ≠ 0. The Hessian H (constant for a quadratic) then says how the
surface bends there:

- det H > 0 and f_xx > 0: it bends up in every direction — a minimum;
- det H > 0 and f_xx < 0: down in every direction — a maximum;
- det H < 0: up one way and down another — a saddle point;
- det H = 0: the test cannot decide.

>>> from mlmath.engine.calculus.expression import Var, add, const, mul, power
>>> x, y = Var("x"), Var("y")
>>> f = add(power(x, const(2)), mul(x, y), power(y, const(2)), mul(const(-3), x))
>>> s = stationary_point(f).answer
>>> s.point.text(), s.kind
('(2, -1)', 'minimum')
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.engine.calculus.expression import Expr
from mlmath.engine.calculus.gradient import gradient
from mlmath.engine.calculus.newton import hessian
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.solution import Formula, NotSolvable, Solution, Step, WorkedLater

XY = ("x", "y")
KINDS = ("minimum", "maximum", "saddle point")


@dataclass(frozen=True, slots=True)
class StationaryPoint:
    """Where ∇f = 0, and what the Hessian says it is."""

    point: Vector
    kind: str

    def text(self) -> str:
        return f"{self.point.text()}: a {self.kind}"

    def latex(self) -> str:
        return rf"{self.point.latex()}\text{{: a {self.kind}}}"

    def to_json(self) -> Any:
        return {"point": self.point.to_json(), "kind": self.kind}


def _linear(e: Expr) -> tuple[Fraction, Fraction, Fraction]:
    """(a, b, c) with e = a·x + b·y + c, for an expression known to be linear."""
    values = []
    for point in (
        {"x": Fraction(0), "y": Fraction(0)},
        {"x": Fraction(1), "y": Fraction(0)},
        {"x": Fraction(0), "y": Fraction(1)},
    ):
        v = e.evaluate(point)
        if not isinstance(v, Fraction):
            raise NotSolvable("use a polynomial of degree 2 in x and y with exact coefficients")
        values.append(v)
    c = values[0]
    return values[1] - c, values[2] - c, c


def _linear_text(a: Fraction, b: Fraction, c: Fraction, latex: bool) -> str:
    write = number_latex if latex else number_text
    parts: list[str] = []
    for k, name in ((a, "x"), (b, "y"), (c, "")):
        if k == 0:
            continue
        size = -k if k < 0 else k
        body = write(size) if not name or size != 1 else ""
        body = f"{body}{name}"
        if not parts:
            parts.append(("-" if k < 0 else "") + body)
        else:
            parts.append(("- " if k < 0 else "+ ") + body)
    return " ".join(parts) or "0"


def _paren_latex(shown: str) -> str:
    return rf"\left({shown}\right)" if shown.startswith("-") else shown


def _paren_text(shown: str) -> str:
    return f"({shown})" if shown.startswith("-") else shown


def hessian_values(f: Expr) -> Matrix:
    """The Hessian of a quadratic (a constant matrix); NotSolvable for other functions."""
    rows = hessian(f, XY).answer.rows
    if any(e.variables() for row in rows for e in row):
        raise NotSolvable(
            "this test solves ∇f = 0 exactly for a quadratic: give a polynomial of degree 2 "
            "in x and y, like x^2 + xy + 2y^2 - 4x"
        )
    values = [[e.evaluate({}) for e in row] for row in rows]
    if not all(isinstance(v, Fraction) for row in values for v in row):
        raise NotSolvable("use exact coefficients")
    return Matrix.of(values)


def classify(h: Matrix) -> str:
    det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]
    if det < 0:
        return "saddle point"
    if det == 0:
        raise NotSolvable("det H = 0: the second-derivative test cannot decide here")
    return "minimum" if h[0, 0] > 0 else "maximum"


def stationary_point(f: Expr) -> Solution[StationaryPoint]:
    """Solve ∇f = 0 for a quadratic f(x, y) and classify the point with the Hessian."""
    if not f.variables() <= set(XY):
        raise NotSolvable("use x and y as the only variables")
    h = hessian_values(f)
    grad = gradient(f, XY)
    fx, fy = grad.answer.components
    (a1, b1, c1), (a2, b2, c2) = _linear(fx), _linear(fy)
    det = a1 * b2 - b1 * a2
    if det == 0:
        raise NotSolvable(
            "det H = 0: ∇f = 0 has no single solution (a valley or ridge along a line, or no "
            "flat point at all), and the Hessian test cannot decide"
        )
    x = (-c1 * b2 + b1 * c2) / det
    y = (-a1 * c2 + c1 * a2) / det
    point = Vector((x, y))
    kind = classify(h)
    d = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]
    reason = {
        "minimum": "det H > 0 and f_xx > 0: the surface bends up in every direction — a minimum",
        "maximum": "det H > 0 and f_xx < 0: the surface bends down in every direction — a maximum",
        "saddle point": "det H < 0: the surface bends up one way and down another — a saddle point",
    }[kind]

    def write() -> tuple[Step, ...]:
        hl = [[number_latex(v) for v in row] for row in h.rows]
        ht = [[number_text(v) for v in row] for row in h.rows]
        return (
            Step("Find both partial derivatives", grad.steps[-1].math, grad.steps[:-1]),
            Step(
                "At a minimum, maximum or saddle the tangent plane is flat: set both to 0",
                Formula(
                    rf"{_linear_text(a1, b1, c1, True)} = 0, \quad "
                    rf"{_linear_text(a2, b2, c2, True)} = 0",
                    f"{_linear_text(a1, b1, c1, False)} = 0, {_linear_text(a2, b2, c2, False)} = 0",
                ),
            ),
            Step(
                f"Solve the two linear equations (the determinant {number_text(det)} is not 0, "
                "so there is exactly one solution)",
                Formula(
                    rf"x = {number_latex(x)}, \quad y = {number_latex(y)}",
                    f"x = {number_text(x)}, y = {number_text(y)}",
                ),
            ),
            Step(
                "The Hessian: the second partial derivatives (constant for a quadratic)",
                Formula(rf"H = {h.latex()}", f"H =\n{h.text()}", display=True),
            ),
            Step(
                "Its determinant f_xx·f_yy − f_xy²",
                Formula(
                    rf"\det H = {hl[0][0]} \cdot {_paren_latex(hl[1][1])} - "
                    rf"{_paren_latex(hl[0][1])}^2 = {number_latex(d)}",
                    f"det H = {ht[0][0]}·{_paren_text(ht[1][1])} - {_paren_text(ht[0][1])}² = "
                    f"{number_text(d)}",
                ),
            ),
            Step(
                reason,
                Formula(
                    rf"({number_latex(x)}, {number_latex(y)})\ \text{{is a {kind}}}",
                    f"({number_text(x)}, {number_text(y)}) is a {kind}",
                ),
            ),
        )

    # the steps are written when first read: most solutions are worked for their answer
    return WorkedLater(StationaryPoint(point, kind), write)
