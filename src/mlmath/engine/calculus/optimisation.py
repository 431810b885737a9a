"""Optimisation in one variable: where the slope is zero, and which way the graph bends.

Critical points of polynomials up to degree 3 (set ``f′(x) = 0``, classify with
``f″``); the two cost functions of machine learning solved in general — squared
loss is smallest at the mean, log loss at the proportion — and the least-squares
line found by setting both partial derivatives to zero.

>>> from fractions import Fraction as F
>>> squared_loss_minimum([F(1), F(2), F(6)]).answer
Fraction(3, 1)
>>> log_loss_minimum(7, 10).answer
Fraction(7, 10)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from mlmath.engine.calculus import numerals as numbers
from mlmath.engine.calculus.differentiation import derivative
from mlmath.engine.calculus.expression import Add, Const, Div, Expr, Mul, Pow, Value, Var
from mlmath.engine.calculus.substitution import put_in
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.elimination import solve_by_elimination
from mlmath.engine.linalg.system import LinearSystem
from mlmath.engine.solution import Formula, LazyFormula, NotSolvable, Solution, Step

Kind = Literal["minimum", "maximum", "inconclusive"]


@dataclass(frozen=True, slots=True)
class CriticalPoint:
    x: Value
    value: Value
    kind: Kind


def polynomial_coefficients(expression: Expr, variable: str) -> list[Fraction]:
    """Coefficients, constant term first; raises NotSolvable when not a polynomial."""
    return list(_remembered_coefficients(expression, variable))


@lru_cache(maxsize=256)
def _remembered_coefficients(expression: Expr, variable: str) -> tuple[Fraction, ...]:
    """:func:`polynomial_coefficients`, remembered per expression: a variant's solution and
    its answer check read the same polynomials (expressions are immutable and compare by
    structure, with exact constants)."""
    return tuple(_coefficients(expression, variable))


def _coefficients(expression: Expr, variable: str) -> list[Fraction]:
    e = expression
    if isinstance(e, Const):
        return [e.value]
    if isinstance(e, Var):
        if e.name != variable:
            raise NotSolvable(f"{e.name} is not the variable {variable}")
        return [Fraction(0), Fraction(1)]
    if isinstance(e, Add):
        total: list[Fraction] = []
        for t in e.terms:
            c = _coefficients(t, variable)
            total = [
                (total[i] if i < len(total) else Fraction(0))
                + (c[i] if i < len(c) else Fraction(0))
                for i in range(max(len(total), len(c)))
            ]
        return total
    if isinstance(e, Mul):
        return _times(_coefficients(e.left, variable), _coefficients(e.right, variable))
    if isinstance(e, Div) and isinstance(e.denominator, Const):
        return [c / e.denominator.value for c in _coefficients(e.numerator, variable)]
    if isinstance(e, Pow) and isinstance(e.exponent, Const):
        n = e.exponent.value
        if n.denominator == 1 and 0 <= n <= 8:
            base = _coefficients(e.base, variable)
            result = [Fraction(1)]
            for _ in range(int(n)):
                result = _times(result, base)
            return result
    raise NotSolvable(f"{expression.text()} is not a polynomial in {variable}")


def _times(a: list[Fraction], b: list[Fraction]) -> list[Fraction]:
    if all(p.denominator == 1 for p in a) and all(q.denominator == 1 for q in b):
        # whole coefficients (the usual case): multiplied as ints, the same values faster
        whole = [0] * (len(a) + len(b) - 1)
        for i, p in enumerate(a):
            top = p.numerator
            for j, q in enumerate(b):
                whole[i + j] += top * q.numerator
        return [Fraction(n) for n in whole]
    out = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, p in enumerate(a):
        for j, q in enumerate(b):
            out[i + j] += p * q
    return out


def _roots(coefficients: list[Fraction]) -> list[Value]:
    """Real roots of a polynomial of degree 1 or 2 (exact when rational)."""
    while coefficients and coefficients[-1] == 0:
        coefficients = coefficients[:-1]
    if len(coefficients) == 2:
        b, a = coefficients
        return [-b / a]
    if len(coefficients) == 3:
        c, b, a = coefficients
        discriminant = b * b - 4 * a * c
        if discriminant < 0:
            return []
        root = _rational_sqrt(discriminant)
        if root is None:
            r = math.sqrt(discriminant)
            return sorted([(-float(b) - r) / (2 * float(a)), (-float(b) + r) / (2 * float(a))])
        return sorted({(-b - root) / (2 * a), (-b + root) / (2 * a)})
    if len(coefficients) <= 1:
        raise NotSolvable("the derivative is constant, so there are no isolated critical points")
    raise NotSolvable("setting the derivative to zero needs a polynomial of degree at most 3")


def _rational_sqrt(value: Fraction) -> Fraction | None:
    p, q = math.isqrt(value.numerator), math.isqrt(value.denominator)
    if p * p == value.numerator and q * q == value.denominator:
        return Fraction(p, q)
    return None


def _solving_steps(coefficients: list[Fraction], variable: str) -> tuple[Step, ...]:
    """How ``c₀ + c₁x + c₂x² = 0`` is solved: the linear one by moving the constant across,
    the quadratic one by the formula with a, b and c put in (written out when shown)."""
    cs = list(coefficients)
    while cs and cs[-1] == 0:
        cs.pop()
    t, p, v = numbers.text, numbers.paren_text, variable
    lx, pl = numbers.latex, numbers.paren_latex
    if len(cs) == 2:
        b, a = cs
        sign = "+" if b >= 0 else "-"
        return (
            Step(
                "A linear equation: move the constant across, then divide",
                LazyFormula(
                    lambda: (
                        rf"{lx(a)}{v} {sign} {lx(abs(b))} = 0 \;\Rightarrow\; {v} = "
                        rf"\frac{{{lx(-b)}}}{{{lx(a)}}} = {lx(-b / a)}"
                    ),
                    lambda: (
                        f"{t(a)}{v} {sign} {t(abs(b))} = 0, so {v} = {t(-b)}/{p(a)} = {t(-b / a)}"
                    ),
                ),
            ),
        )
    if len(cs) != 3:
        return ()
    c, b, a = cs
    disc = b * b - 4 * a * c
    # a negative or fractional b is bracketed before it is squared
    squared_l = rf"\left({lx(b)}\right)^2" if b < 0 or b.denominator != 1 else f"{lx(b)}^2"
    steps = [
        Step(
            f"A quadratic a{v}² + b{v} + c = 0: use {v} = (-b ± √(b² - 4ac))/(2a)",
            LazyFormula(
                lambda: (
                    rf"a = {lx(a)},\ b = {lx(b)},\ c = {lx(c)}:\quad b^2 - 4ac = "
                    rf"{squared_l} - 4 \cdot {pl(a)} \cdot {pl(c)} = {lx(disc)}"
                ),
                lambda: (
                    f"a = {t(a)}, b = {t(b)}, c = {t(c)}: b² - 4ac = {p(b)}² - "
                    f"4·{p(a)}·{p(c)} = {t(disc)}"
                ),
            ),
        )
    ]
    if disc >= 0:
        root = _rational_sqrt(disc)
        found = _roots(cs)

        def roots(latex: bool) -> str:
            if latex:
                shown = lx(root) if root is not None else rf"\sqrt{{{lx(disc)}}}"
                return (
                    rf"{v} = \frac{{{lx(-b)} \pm {shown}}}{{{lx(2 * a)}}} \;\Rightarrow\; "
                    + r",\ ".join(f"{v} = {lx(r)}" for r in found)
                )
            shown = t(root) if root is not None else f"√{t(disc)} ≈ {t(math.sqrt(disc))}"
            return f"{v} = ({t(-b)} ± {shown})/{p(2 * a)}, so {v} = " + " or ".join(
                t(r) for r in found
            )

        steps.append(
            Step(
                "Put them into the formula", LazyFormula(lambda: roots(True), lambda: roots(False))
            )
        )
    return tuple(steps)


def critical_points(
    expression: Expr, variable: str = "x", name: str = "f"
) -> Solution[tuple[CriticalPoint, ...]]:
    """Solve ``f′(x) = 0`` and classify each solution with the second-derivative test;
    ``name`` is the function's name in the steps (``T`` writes T′(x), T″(x))."""
    first = derivative(expression, variable, name=name)
    second = derivative(first.answer, variable, name=f"{name}'")
    slope, bend = f"{name}′({variable})", f"{name}″"
    coefficients = polynomial_coefficients(first.answer, variable)
    roots = _roots(coefficients)
    if not roots:
        raise NotSolvable(f"{slope} = 0 has no real solution: the function has no critical point")
    points = []
    tests = []
    for r in roots:
        curvature = second.answer.evaluate({variable: r})
        kind: Kind = "minimum" if curvature > 0 else "maximum" if curvature < 0 else "inconclusive"
        value = expression.evaluate({variable: r})
        points.append(CriticalPoint(r, value, kind))
        shape = {
            "minimum": "bends up (like a cup): a minimum",
            "maximum": "bends down (like a cap): a maximum",
            "inconclusive": f"{bend} = 0: the test cannot decide",
        }[kind]
        at = f"{variable} = {numbers.text(r)}"
        where = {variable: r}
        tests.append(
            Step(
                f"At {at}: {bend} = {numbers.text(curvature)}, so the graph {shape}",
                Formula(
                    f"{name}({numbers.latex(r)}) = {numbers.latex(value)}",
                    f"{name}({numbers.text(r)}) = {numbers.text(value)}",
                ),
                (
                    Step(
                        f"Put {at} into {bend}",
                        put_in(
                            (f"{bend}({numbers.text(r)})", f"{name}''({numbers.latex(r)})"),
                            second.answer,
                            where,
                            curvature,
                        ),
                    ),
                    Step(
                        f"and into {name} for the height there",
                        put_in(
                            (f"{name}({numbers.text(r)})", f"{name}({numbers.latex(r)})"),
                            expression,
                            where,
                            value,
                        ),
                    ),
                ),
            )
        )
    roots_latex = ",\\; ".join(f"{variable} = {numbers.latex(r)}" for r in roots)
    roots_text = ", ".join(f"{variable} = {numbers.text(r)}" for r in roots)
    steps = (
        Step("Differentiate: the slope of the graph", first.steps[-1].math, first.steps[:-1]),
        Step(
            f"At a highest or lowest point the tangent is flat: set {slope} = 0 and solve",
            Formula(roots_latex, roots_text),
            _solving_steps(coefficients, variable),
        ),
        Step("Second derivative: which way the graph bends", second.steps[-1].math),
        Step("Second-derivative test at each critical point", None, tuple(tests)),
    )
    return Solution(tuple(points), steps)


def squared_loss_minimum(data: Sequence[Fraction]) -> Solution[Fraction]:
    """``L(m) = Σ (m − xᵢ)²`` is smallest at the mean of the data."""
    if not data:
        raise NotSolvable("there are no data points")
    n = len(data)
    total = sum(data, Fraction(0))
    mean = total / n
    listed = " + ".join(
        numbers.text(x) if i == 0 else numbers.paren_text(x) for i, x in enumerate(data)
    )
    return Solution(
        mean,
        (
            Step(
                "The squared loss of a guess m adds the squared distance to every point",
                Formula(
                    r"L(m) = \sum_i (m - x_i)^2",
                    "L(m) = Σ (m - xᵢ)²",
                ),
            ),
            Step(
                "Differentiate with the chain rule, term by term",
                Formula(
                    r"L'(m) = \sum_i 2(m - x_i) = 2(n\,m - \sum_i x_i)",
                    "L'(m) = Σ 2(m - xᵢ) = 2(n·m - Σxᵢ)",
                ),
            ),
            Step(
                "Set L′(m) = 0: m is the sum of the data divided by how many there are — the mean",
                Formula(
                    rf"m = \frac{{{numbers.latex(total)}}}{{{n}}} = {numbers.latex(mean)}",
                    f"m = ({listed})/{n} = {numbers.text(total)}/{n} = {numbers.text(mean)}",
                ),
            ),
            Step(
                "L″(m) = 2n > 0: the parabola opens upward, so this is the minimum",
                Formula(f"L''(m) = {2 * n}", f"L''(m) = {2 * n}"),
            ),
        ),
    )


def log_loss_minimum(successes: int, trials: int) -> Solution[Fraction]:
    """``L(p) = −k ln p − (n − k) ln(1 − p)`` is smallest at ``p = k/n``."""
    if trials <= 0 or not 0 <= successes <= trials:
        raise NotSolvable("the number of heads must be between 0 and the number of tosses")
    k, n = successes, trials
    p = Fraction(k, n)
    return Solution(
        p,
        (
            Step(
                "The probability of the tosses is p^k(1 − p)^(n−k); "
                "the log loss is minus its logarithm",
                Formula(
                    rf"L(p) = -{k}\ln p - {n - k}\ln(1 - p)",
                    f"L(p) = -{k} ln(p) - {n - k} ln(1 - p)",
                ),
            ),
            Step(
                "Differentiate: d/dp ln p = 1/p, "
                "and the chain rule gives d/dp ln(1 − p) = −1/(1 − p)",
                Formula(
                    rf"L'(p) = -\frac{{{k}}}{{p}} + \frac{{{n - k}}}{{1 - p}}",
                    f"L'(p) = -{k}/p + {n - k}/(1 - p)",
                ),
            ),
            Step(
                "Set L′(p) = 0 and multiply by p(1 − p)",
                Formula(
                    rf"-{k}(1 - p) + {n - k}\,p = 0 \;\Rightarrow\; {n}p = {k}",
                    f"-{k}(1 - p) + {n - k}p = 0, so {n}p = {k}",
                ),
            ),
            Step(
                "The best p is the proportion of heads",
                Formula(
                    rf"p = \frac{{{k}}}{{{n}}} = {numbers.latex(p)}",
                    f"p = {k}/{n} = {numbers.text(p)}",
                ),
            ),
        ),
    )


SHOWN_TERMS = 12
"""Up to this many points a sum is written term by term; beyond, only its value."""


def least_squares_line(xs: Sequence[Fraction], ys: Sequence[Fraction]) -> Solution[Vector]:
    """The line ``y = m x + b`` with the smallest squared error, by setting both partials to 0:
    the normal equations ``(Σx²)m + (Σx)b = Σxy`` and ``(Σx)m + n·b = Σy``, each sum worked
    from the data, then solved by elimination."""
    n = len(xs)
    if n < 2 or len(set(xs)) < 2:
        raise NotSolvable("a line needs at least two points with different x")
    pt, pl = numbers.paren_text, numbers.paren_latex
    pairs = list(zip(xs, ys, strict=True))
    sums = (
        _worked_sum(("Σxᵢ", r"\sum x_i"), xs, [(pt(x), pl(x)) for x in xs]),
        _worked_sum(
            ("Σxᵢ²", r"\sum x_i^2"), [x * x for x in xs], [(f"{pt(x)}²", f"{pl(x)}^2") for x in xs]
        ),
        _worked_sum(("Σyᵢ", r"\sum y_i"), ys, [(pt(y), pl(y)) for y in ys]),
        _worked_sum(
            ("Σxᵢyᵢ", r"\sum x_i y_i"),
            [x * y for x, y in pairs],
            [(f"{pt(x)}·{pt(y)}", rf"{pl(x)} \cdot {pl(y)}") for x, y in pairs],
        ),
    )
    (sx, sx_step), (sxx, sxx_step), (sy, sy_step), (sxy, sxy_step) = sums
    system = LinearSystem.of([[sxx, sx], [sx, n]], [sxy, sy], ("m", "b"))
    solved = solve_by_elimination(system)
    # two points with different x always give one solution (det = nΣx² − (Σx)² > 0)
    assert solved.answer.particular is not None
    m, b = solved.answer.particular
    return Solution(
        Vector((m, b)),
        (
            Step(
                "The error of the line adds the squared vertical misses",
                Formula(r"E(m, b) = \sum_i (m x_i + b - y_i)^2", "E(m, b) = Σ (m·xᵢ + b - yᵢ)²"),
            ),
            Step(
                "Set both partial derivatives to zero "
                "(the bottom of the bowl is flat in every direction)",
                Formula(
                    r"\frac{\partial E}{\partial m} = \sum_i 2x_i(m x_i + b - y_i) = 0,"
                    r"\quad \frac{\partial E}{\partial b} = \sum_i 2(m x_i + b - y_i) = 0",
                    "∂E/∂m = Σ 2xᵢ(m·xᵢ + b - yᵢ) = 0, ∂E/∂b = Σ 2(m·xᵢ + b - yᵢ) = 0",
                    True,
                ),
            ),
            Step(
                "Divide by 2 and share out the sums: two linear equations in m and b",
                Formula(
                    r"\left(\sum x_i^2\right) m + \left(\sum x_i\right) b = \sum x_i y_i,"
                    r"\quad \left(\sum x_i\right) m + n\,b = \sum y_i",
                    "(Σxᵢ²)m + (Σxᵢ)b = Σxᵢyᵢ, (Σxᵢ)m + n·b = Σyᵢ",
                    True,
                ),
            ),
            Step(
                f"Work out the sums from the {n} points",
                None,
                (sx_step, sxx_step, sy_step, sxy_step),
            ),
            Step(f"Put them in (n = {n})", system),
            Step("Solve the two equations", solved.answer, solved.steps),
            Step(
                "The line of least squares",
                Formula(
                    rf"m = {numbers.latex(m)},\quad b = {numbers.latex(b)}",
                    f"m = {numbers.text(m)}, b = {numbers.text(b)}",
                ),
            ),
        ),
    )


def _worked_sum(
    name: tuple[str, str], values: Sequence[Fraction], terms: Sequence[tuple[str, str]]
) -> tuple[Fraction, Step]:
    """A sum over the data and the step that works it out: its terms one by one (as text
    and LaTeX, up to SHOWN_TERMS of them), then its value."""
    total = sum(values, Fraction(0))
    text, latex = name
    if len(terms) <= SHOWN_TERMS:
        math = Formula(
            f"{latex} = {' + '.join(t[1] for t in terms)} = {numbers.latex(total)}",
            f"{text} = {' + '.join(t[0] for t in terms)} = {numbers.text(total)}",
        )
    else:
        math = Formula(f"{latex} = {numbers.latex(total)}", f"{text} = {numbers.text(total)}")
    return total, Step(text, math)


__all__ = [
    "CriticalPoint",
    "critical_points",
    "least_squares_line",
    "log_loss_minimum",
    "polynomial_coefficients",
    "squared_loss_minimum",
]
