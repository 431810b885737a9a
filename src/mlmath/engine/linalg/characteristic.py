"""The characteristic polynomial ``det(A − λI)`` and its roots, the eigenvalues.

How roots are found (decided once, documented here):

- **2×2**: the quadratic formula, exactly — rational when the discriminant is a
  perfect square, otherwise a surd ``(p ± √d)/2`` (:class:`~mlmath.engine.surds.Surd`),
  or a complex pair when the discriminant is negative (explained as a rotation).
- **3×3**: a rational root by the rational-root test (found quickly by rounding
  NumPy's numerical roots to nearby fractions and checking each *exactly*), then
  the remaining quadratic by the quadratic formula, exactly as above. A cubic
  with no rational root (never generated for practice; possible for a learner's
  own matrix) gets numerical roots, labelled as approximations.

SymPy is not needed on this path.

>>> from mlmath.engine.exact import Matrix
>>> characteristic_polynomial(Matrix.of([[2, 1], [1, 2]])).answer.text()
'λ² - 4λ + 3'
>>> [r.text() for r in eigenvalues(Matrix.of([[2, 1], [1, 2]])).answer]
['1', '3']
>>> [r.text() for r in eigenvalues(Matrix.of([[1, 1], [1, 0]])).answer]
['(1 - √5)/2', '(1 + √5)/2']
>>> [r.text() for r in eigenvalues(Matrix.of([[0, -1], [1, 0]])).answer]
['-i', 'i']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from mlmath.engine.exact import Matrix
from mlmath.engine.notation import bracketed, float_latex, float_text
from mlmath.engine.render import number_latex, number_text
from mlmath.engine.solution import (
    Formula,
    LazyFormula,
    NotSolvable,
    Solution,
    Step,
    WorkedLater,
)
from mlmath.engine.surds import Surd

VARIABLE = "λ"

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class Polynomial:
    """A polynomial in λ with exact coefficients, lowest degree first."""

    coefficients: tuple[Fraction, ...]

    def __post_init__(self) -> None:
        given = self.coefficients
        if (
            type(given) is tuple
            and given
            and given[-1] != 0
            and all(type(c) is Fraction for c in given)
        ):
            return  # already a tuple of fractions without trailing zeros: kept as it is
        coefficients = list(self.coefficients)
        while len(coefficients) > 1 and coefficients[-1] == 0:
            coefficients.pop()
        object.__setattr__(
            self,
            "coefficients",
            tuple(
                c if isinstance(c, Fraction) else Fraction(c) for c in coefficients or [Fraction(0)]
            ),
        )

    @classmethod
    def constant(cls, value: Fraction) -> Polynomial:
        return cls((value,))

    @classmethod
    def minus_lambda(cls, value: Fraction) -> Polynomial:
        """``value − λ``: a diagonal entry of ``A − λI``."""
        return cls((value, Fraction(-1)))

    @property
    def degree(self) -> int:
        return len(self.coefficients) - 1

    def __add__(self, other: Polynomial) -> Polynomial:
        n = max(len(self.coefficients), len(other.coefficients))
        if all(a.denominator == 1 for a in self.coefficients) and all(
            b.denominator == 1 for b in other.coefficients
        ):
            # whole coefficients: added as ints, the same values faster
            whole = [0] * n
            for k, mine in enumerate(self.coefficients):
                whole[k] = mine.numerator
            for k, theirs in enumerate(other.coefficients):
                whole[k] += theirs.numerator
            return Polynomial(tuple(Fraction(c) for c in whole))
        a = self.coefficients + (Fraction(0),) * (n - len(self.coefficients))
        b = other.coefficients + (Fraction(0),) * (n - len(other.coefficients))
        return Polynomial(tuple(x + y for x, y in zip(a, b, strict=True)))

    def __neg__(self) -> Polynomial:
        return Polynomial(tuple(-c for c in self.coefficients))

    def __sub__(self, other: Polynomial) -> Polynomial:
        return self + (-other)

    def __mul__(self, other: Polynomial) -> Polynomial:
        if all(a.denominator == 1 for a in self.coefficients) and all(
            b.denominator == 1 for b in other.coefficients
        ):
            # whole coefficients (the usual case): multiplied as ints, the same values faster
            whole = [0] * (len(self.coefficients) + len(other.coefficients) - 1)
            for i, a in enumerate(self.coefficients):
                top = a.numerator
                for j, b in enumerate(other.coefficients):
                    whole[i + j] += top * b.numerator
            return Polynomial(tuple(Fraction(n) for n in whole))
        out = [Fraction(0)] * (len(self.coefficients) + len(other.coefficients) - 1)
        for i, a in enumerate(self.coefficients):
            for j, b in enumerate(other.coefficients):
                out[i + j] += a * b
        return Polynomial(tuple(out))

    def scale(self, factor: Fraction) -> Polynomial:
        return Polynomial(tuple(factor * c for c in self.coefficients))

    def __call__(self, x: Fraction) -> Fraction:
        total = Fraction(0)
        for c in reversed(self.coefficients):
            total = total * x + c
        return total

    def divide_by_root(self, root: Fraction) -> Polynomial:
        """The quotient of ``p(λ) / (λ − root)`` (synthetic division; the remainder is 0)."""
        out: list[Fraction] = []
        carry = Fraction(0)
        for c in reversed(self.coefficients[1:]):
            carry = carry * root + c
            out.append(carry)
        return Polynomial(tuple(reversed(out)))

    def _terms(self, power_text: Any, number: Any) -> str:
        if self.degree == 1 and self.coefficients[1] == -1 and self.coefficients[0] != 0:
            # a diagonal entry of A − λI reads best as "2 - λ"
            return f"{number(self.coefficients[0])} - {VARIABLE}"
        parts: list[str] = []
        for k in range(self.degree, -1, -1):
            c = self.coefficients[k]
            if c == 0:
                continue
            negative = c.numerator < 0  # a fraction has the sign of its numerator
            size = -c if negative else c
            if k == 0:
                body = number(size)
            else:
                head = "" if size == 1 else number(size)
                if "/" in head:  # (100/3)λ, not 100/3λ, which reads as 100/(3λ)
                    head = f"({head})"
                body = head + VARIABLE + power_text(k)
            if not parts:
                parts.append(("-" if negative else "") + body)
            else:
                parts.append(("- " if negative else "+ ") + body)
        return " ".join(parts) or "0"

    def text(self) -> str:
        return self._terms(lambda k: "" if k == 1 else str(k).translate(_SUPERSCRIPTS), number_text)

    def latex(self) -> str:
        return (
            self._terms(lambda k: "" if k == 1 else f"^{{{k}}}", number_latex)
            .replace(VARIABLE, r"\lambda ")
            .replace(r"\lambda  ", r"\lambda ")
        )

    def to_json(self) -> Any:
        return {
            "coefficients": [number_text(c) for c in self.coefficients],
            "text": self.text(),
        }


@dataclass(frozen=True, slots=True)
class Approximate:
    """A root known only numerically (a cubic without a rational root)."""

    real: float
    imaginary: float = 0.0

    def _written(self, number: Callable[[float], str]) -> str:
        if self.imaginary == 0:
            return number(self.real)
        sign = "+" if self.imaginary > 0 else "-"
        return f"{number(self.real)} {sign} {number(abs(self.imaginary))}i"

    def text(self) -> str:
        return f"≈ {self._written(float_text)}"

    def latex(self) -> str:
        return rf"\approx {self._written(float_latex)}"

    def to_json(self) -> Any:
        return {"approx": [self.real, self.imaginary] if self.imaginary else self.real}

    @property
    def is_real(self) -> bool:
        return self.imaginary == 0


Root = Surd | Approximate


def _minus_lambda_matrix(matrix: Matrix) -> LazyFormula:
    n = matrix.shape[0]

    def cell(i: int, j: int, write: Any, lam: str) -> str:
        a = matrix[i, j]
        if i != j:
            return str(write(a))
        return f"{write(a)} - {lam}" if a != 0 else f"-{lam}"

    def latex() -> str:
        rows = r" \\ ".join(
            " & ".join(cell(i, j, number_latex, r"\lambda") for j in range(n)) for i in range(n)
        )
        return rf"A - \lambda I = \begin{{bmatrix}} {rows} \end{{bmatrix}}"

    def text() -> str:
        cells = [[cell(i, j, number_text, VARIABLE) for j in range(n)] for i in range(n)]
        return "A - λI =\n" + bracketed(cells)

    return LazyFormula(latex, text, display=True)


def _p(poly: Polynomial) -> tuple[str, str]:
    """(latex, text) of a polynomial wrapped in parentheses when it has several terms."""
    single = sum(c != 0 for c in poly.coefficients) <= 1 and poly.coefficients[-1] >= 0
    return (poly.latex(), poly.text()) if single else (f"({poly.latex()})", f"({poly.text()})")


def _check_size(matrix: Matrix) -> int:
    """The size n of an n×n matrix with a worked characteristic polynomial (2 or 3);
    NotSolvable otherwise."""
    m, n = matrix.shape
    if m != n:
        raise NotSolvable(f"only a square matrix has eigenvalues; this one is {m}×{n}")
    if n not in (2, 3):
        raise NotSolvable("worked characteristic polynomials are for 2×2 and 3×3 matrices")
    return n


def characteristic_polynomial(matrix: Matrix) -> Solution[Polynomial]:
    """``det(A − λI)`` for a 2×2 or 3×3 matrix, expanded step by step."""
    n = _check_size(matrix)
    steps = [
        Step(
            "λ is an eigenvalue exactly when A − λI is singular: subtract λ from each "
            "diagonal entry",
            _minus_lambda_matrix(matrix),
        )
    ]
    result = _expanded(matrix)
    if n == 2:

        def ad_minus_bc() -> tuple[str, str]:
            (a, b), (c, d) = _entries(matrix)
            return (
                rf"\det(A - \lambda I) = {_p(a)[0]}{_p(d)[0]} - ({b.latex()})({c.latex()})",
                f"det(A - λI) = {_p(a)[1]}{_p(d)[1]} - ({b.text()})({c.text()})",
            )

        steps.append(
            Step(
                "Its determinant, by ad − bc",
                LazyFormula(lambda: ad_minus_bc()[0], lambda: ad_minus_bc()[1]),
            )
        )
        steps.append(
            Step(
                "Multiply out and collect powers of λ (the middle coefficient is minus the "
                "trace a + d, the constant is det A)",
                LazyFormula(
                    lambda: rf"p(\lambda) = {result.latex()}",
                    lambda: f"p(λ) = {result.text()}",
                ),
            )
        )
        return Solution(result, tuple(steps))
    term_steps: list[Step] = []
    for j in range(3):
        word = "+" if j % 2 == 0 else "−"
        term_steps.append(
            Step(
                f"Column {j + 1}: sign {word}, entry times the determinant of its 2×2 minor",
                _column_formula(matrix, j),
            )
        )
    steps.append(Step("Expand the determinant along row 1", None, tuple(term_steps)))
    steps.append(
        Step(
            "Add the three terms",
            LazyFormula(
                lambda: rf"p(\lambda) = {result.latex()}", lambda: f"p(λ) = {result.text()}"
            ),
        )
    )
    return Solution(result, tuple(steps))


def _entries(matrix: Matrix) -> list[list[Polynomial]]:
    """The entries of A − λI as polynomials in λ."""
    n = matrix.shape[0]
    entry = [[Polynomial.constant(matrix[i, j]) for j in range(n)] for i in range(n)]
    for i in range(n):
        entry[i][i] = Polynomial.minus_lambda(matrix[i, i])
    return entry


def _column_formula(matrix: Matrix, j: int) -> LazyFormula:
    """``±entry·minor = term``, the term of column ``j`` in the expansion along row 1 of
    A − λI (worked out when the step is shown)."""

    def parts() -> tuple[str, Polynomial, Polynomial, Polynomial]:
        entry = _entries(matrix)
        rest = [[entry[i][k] for k in range(3) if k != j] for i in (1, 2)]
        minor = rest[0][0] * rest[1][1] - rest[0][1] * rest[1][0]
        sign = Fraction(1 if j % 2 == 0 else -1)
        term = (entry[0][j] * minor).scale(sign)
        return ("-" if sign < 0 else "+"), entry[0][j], minor, term

    def latex() -> str:
        mark, factor, minor, term = parts()
        return rf"{mark}{_p(factor)[0]}{_p(minor)[0]} = {term.latex()}"

    def text() -> str:
        mark, factor, minor, term = parts()
        return f"{mark}{_p(factor)[1]}·{_p(minor)[1]} = {term.text()}"

    return LazyFormula(latex, text)


def _expanded(matrix: Matrix) -> Polynomial:
    """det(A − λI) multiplied out, from the trace, the principal 2×2 minors and det A:
    λ² − (a + d)λ + (ad − bc), or −λ³ + tr A·λ² − (sum of the minors)·λ + det A. Exact, so
    the same polynomial as the expansion the steps show, in a few operations."""
    rows = matrix.rows
    whole = all(x.denominator == 1 for row in rows for x in row)
    # whole entries (the usual case): worked as ints, the same values faster
    a: Any = [[x.numerator for x in row] for row in rows] if whole else rows
    if len(a) == 2:
        (p, q), (r, s) = a
        return Polynomial(tuple(Fraction(c) for c in (p * s - q * r, -(p + s), 1)))
    minor_0 = a[1][1] * a[2][2] - a[1][2] * a[2][1]
    minor_1 = a[1][0] * a[2][2] - a[1][2] * a[2][0]
    minor_2 = a[1][0] * a[2][1] - a[1][1] * a[2][0]
    det = a[0][0] * minor_0 - a[0][1] * minor_1 + a[0][2] * minor_2
    principal = (
        minor_0 + (a[0][0] * a[2][2] - a[0][2] * a[2][0]) + (a[0][0] * a[1][1] - a[0][1] * a[1][0])
    )
    trace = a[0][0] + a[1][1] + a[2][2]
    return Polynomial(tuple(Fraction(c) for c in (det, -principal, trace, -1)))


def quadratic_roots(poly: Polynomial) -> tuple[tuple[Surd, Surd], Fraction]:
    """The two roots of a quadratic (smaller first when real), and its discriminant."""
    c, b, a = poly.coefficients
    disc = b * b - 4 * a * c
    root = Surd.sqrt(disc)
    half = 1 / (2 * a)
    # (−b ± √disc)/(2a) field by field: the same Surds as (±root − b).scale(half), in two
    # constructions instead of six
    first = Surd((root.rational - b) * half, root.coefficient * half, root.radicand)
    second = Surd((-root.rational - b) * half, -root.coefficient * half, root.radicand)
    if disc >= 0 and first.to_float() > second.to_float():
        first, second = second, first
    if disc < 0 and first.coefficient > second.coefficient:
        first, second = second, first
    return (first, second), disc


def _quadratic_steps(poly: Polynomial) -> list[Step]:
    """The quadratic formula worked for ``poly``, the discriminant saying what kind of
    roots it has."""
    (r1, r2), disc = quadratic_roots(poly)
    c, b, a = poly.coefficients
    steps = [
        Step(
            "Use the quadratic formula",
            LazyFormula(
                lambda: (
                    rf"\lambda = \frac{{-b \pm \sqrt{{b^2 - 4ac}}}}{{2a}}"
                    rf"\ \text{{with}}\ a = {number_latex(a)},\ b = {number_latex(b)},\ "
                    rf"c = {number_latex(c)}:\quad "
                    rf"b^2 - 4ac = {_paren_l(b)}^2 - 4 \cdot {_paren_l(a)} \cdot {_paren_l(c)}"
                    rf" = {number_latex(b * b)} - {_paren_l(4 * a * c)} = {number_latex(disc)}"
                ),
                lambda: (
                    f"λ = (-b ± √(b² - 4ac))/(2a) with a = {number_text(a)}, "
                    f"b = {number_text(b)}, c = {number_text(c)}: b² - 4ac = "
                    f"{_paren_t(b)}² - 4·{_paren_t(a)}·{_paren_t(c)} = {number_text(b * b)} - "
                    f"{_paren_t(4 * a * c)} = {number_text(disc)}"
                ),
            ),
        )
    ]
    if disc > 0 and r1.is_rational:  # rational exactly when √disc is
        note = "The discriminant is a perfect square: two different rational roots"
    elif disc > 0:
        note = "The discriminant is positive but not a perfect square: two real roots with √"
    elif disc == 0:
        note = "The discriminant is 0: one repeated root (multiplicity 2)"
    else:
        note = (
            "The discriminant is negative: two complex roots and no real ones — no real "
            "direction is kept, as when a transformation rotates the plane"
        )

    def roots_by_formula(latex: bool) -> str:
        """The formula with the numbers in, (-3 ± √25)/2 = (-3 ± 5)/2, when the roots are
        rational (written out only when shown)."""
        if not (disc > 0 and r1.is_rational):
            return ""
        root = Fraction(math.isqrt(disc.numerator), math.isqrt(disc.denominator))
        if latex:
            return (
                rf"\lambda = \frac{{{number_latex(-b)} \pm \sqrt{{{number_latex(disc)}}}}}"
                rf"{{{number_latex(2 * a)}}} = \frac{{{number_latex(-b)} \pm "
                rf"{number_latex(root)}}}{{{number_latex(2 * a)}}}:\quad "
            )
        return (
            f"λ = ({number_text(-b)} ± √{number_text(disc)})/{_paren_t(2 * a)} = "
            f"({number_text(-b)} ± {number_text(root)})/{_paren_t(2 * a)}: "
        )

    steps.append(
        Step(
            note,
            LazyFormula(
                lambda: (
                    rf"{roots_by_formula(True)}\lambda = {r1.latex()}, \quad "
                    rf"\lambda = {r2.latex()}"
                ),
                lambda: f"{roots_by_formula(False)}λ = {r1.text()}, λ = {r2.text()}",
            ),
        )
    )
    return steps


def _paren_l(value: Fraction) -> str:
    return rf"\left({number_latex(value)}\right)" if value < 0 else number_latex(value)


def _paren_t(value: Fraction) -> str:
    return f"({number_text(value)})" if value < 0 else number_text(value)


def rational_root(poly: Polynomial) -> Fraction | None:
    """A rational root, if there is one: NumPy's numerical roots, rounded to nearby
    fractions, each checked exactly (the rational-root test, done quickly)."""
    if poly.coefficients[0] == 0:
        return Fraction(0)
    values = np.roots([float(c) for c in reversed(poly.coefficients)])
    candidates = sorted(
        (float(z.real) for z in values if abs(z.imag) < 1e-6 * max(1.0, abs(z.real))), key=abs
    )
    for x in candidates:
        for limit in (1, 12, 1000, 10**6):
            guess = Fraction(x).limit_denominator(limit)
            if poly(guess) == 0:
                return guess
    return None


def eigenvalues(matrix: Matrix) -> Solution[tuple[Root, ...]]:
    """The eigenvalues, with multiplicity, real ones smallest first (the steps are written
    when they are shown)."""
    return _worked_eigenvalues(matrix)


@lru_cache(maxsize=32)
def _worked_eigenvalues(matrix: Matrix) -> Solution[tuple[Root, ...]]:
    """:func:`eigenvalues`, remembered per matrix: a variant's eigenvalues are asked for
    by its answer, its eigenvectors and its buggy answers, and matrices and solutions are
    immutable (exact entries), so they are worked once."""
    _check_size(matrix)
    poly = _expanded(matrix)
    rational: Fraction | None = None
    roots: list[Root]
    if poly.degree == 2:
        roots = list(quadratic_roots(poly)[0])
    else:
        rational = rational_root(poly)
        if rational is None:
            roots = list(_numerical_roots(poly))
        else:
            roots = [Surd(rational), *quadratic_roots(poly.divide_by_root(rational))[0]]
    found = tuple(_sorted_roots(roots))
    return WorkedLater(found, lambda: _eigenvalue_steps(matrix, rational, roots, found))


def _numerical_roots(poly: Polynomial) -> list[Approximate]:
    """The roots of a cubic without a rational root, by NumPy, real ones first."""
    numeric = np.roots([float(c) for c in reversed(poly.coefficients)])
    return [
        Approximate(float(z.real), float(z.imag) if abs(z.imag) > 1e-12 else 0.0)
        for z in sorted(numeric, key=lambda z: (abs(z.imag) > 1e-12, z.real, z.imag))
    ]


def _eigenvalue_steps(
    matrix: Matrix, rational: Fraction | None, found: Sequence[Root], roots: Sequence[Root]
) -> tuple[Step, ...]:
    """The worked steps to the eigenvalues ``roots`` of ``matrix`` (``found`` in the order
    they were found): its characteristic polynomial, then its roots (a cubic's
    ``rational`` root factored out first)."""
    char = characteristic_polynomial(matrix)
    poly = char.answer
    steps = [Step("Find the characteristic polynomial", char.answer, char.steps)]
    if poly.degree == 2:
        steps.append(Step("Set it to 0 and solve", None, tuple(_quadratic_steps(poly))))
    elif rational is None:
        steps.append(
            Step(
                "This cubic has no rational root, so its roots are found numerically",
                Formula(
                    ", ".join(r.latex() for r in found),
                    ", ".join(r.text() for r in found),
                ),
            )
        )
    else:
        steps.extend(_factored_steps(poly, rational))
    steps.append(
        Step(
            "The eigenvalues",
            LazyFormula(
                lambda: ", ".join(_root_latex(r) for r in roots),
                lambda: ", ".join(_root_text(r) for r in roots),
            ),
        )
    )
    return tuple(steps)


def _factored_steps(poly: Polynomial, root: Fraction) -> list[Step]:
    """A cubic with the rational ``root``: the factor (λ − root) taken out, then the
    remaining quadratic solved."""
    quotient = poly.divide_by_root(root)
    return [
        Step(
            f"Try small divisors of the constant term: λ = {number_text(root)} gives "
            f"p({number_text(root)}) = 0, so (λ − {number_text(root)}) is a factor",
            LazyFormula(
                lambda: rf"p(\lambda) = (\lambda - {_paren_l(root)})({quotient.latex()})",
                lambda: f"p(λ) = (λ - {_paren_t(root)})({quotient.text()})",
            ),
        ),
        Step("Solve the remaining quadratic", None, tuple(_quadratic_steps(quotient))),
    ]


def _sort_key(r: Root) -> tuple[int, float, float]:
    if isinstance(r, Approximate):
        return (0 if r.is_real else 1, r.real, r.imaginary)
    if r.is_real:
        return (0, r.to_float(), 0.0)
    z = r.to_complex()
    return (1, z.real, z.imag)


def _sorted_roots(roots: Sequence[Root]) -> list[Root]:
    return sorted(roots, key=_sort_key)


def _root_text(r: Root) -> str:
    return f"λ {r.text()}" if isinstance(r, Approximate) else f"λ = {r.text()}"


def _root_latex(r: Root) -> str:
    return rf"\lambda {r.latex()}" if isinstance(r, Approximate) else rf"\lambda = {r.latex()}"


def is_close_to_integer(x: float) -> bool:
    return math.isclose(x, round(x), abs_tol=1e-9)
