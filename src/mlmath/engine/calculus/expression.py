"""A small expression tree, built for explaining calculus rather than for algebra.

Nodes are constants, variables, sums, products, quotients, powers and the named
functions ``exp``, ``ln``, ``sin``, ``cos``, ``sigmoid`` and ``abs``. The smart
constructors (:func:`add`, :func:`mul`, :func:`div`, :func:`power`, :func:`neg`)
fold constants and drop zeros and ones, so a derivative comes out the way a
person writes it (``6x``, not ``3·(2·x^1)``). Every node writes itself as text in
the learner's grammar (``3x^2 - e^(2x)``) and as LaTeX, and evaluates exactly at
rational points when only ``+ − × ÷`` and whole powers are involved.

>>> x = Var("x")
>>> f = add(mul(Const(3), power(x, Const(2))), neg(Func("exp", mul(Const(2), x))))
>>> f.text(), f.latex()
('3x^2 - e^(2x)', '3 x^{2} - e^{2 x}')
>>> f.evaluate({"x": Fraction(0)})
-1.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

Value = Fraction | float
"""A value of an expression: exact when it can be, a float otherwise."""

FUNCTIONS = ("exp", "ln", "sin", "cos", "sigmoid", "abs")
MAX_EXACT_EXPONENT = 64


class Undefined(ValueError):
    """The expression has no value at this point (division by zero, ln of a negative …)."""


class Expr:
    """Base of every node. Nodes are immutable and compare by structure."""

    precedence: int = 5

    def text(self) -> str:
        raise NotImplementedError

    def latex(self) -> str:
        raise NotImplementedError

    def to_json(self) -> Any:
        return self.text()

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        raise NotImplementedError

    def variables(self) -> frozenset[str]:
        return frozenset()

    def depends_on(self, variable: str) -> bool:
        """Whether ``variable`` occurs in the expression (each node answers for its own
        children, without collecting every variable)."""
        return variable in self.variables()

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class Const(Expr):
    value: Fraction

    @property
    def precedence(self) -> int:  # type: ignore[override]
        if self.value.numerator < 0:  # a fraction has the sign of its numerator
            return 3
        return 2 if self.value.denominator != 1 else 5

    def text(self) -> str:
        return str(self.value)

    def latex(self) -> str:
        v = self.value
        if v.denominator == 1:
            return str(v.numerator)
        sign = "-" if v < 0 else ""
        return rf"{sign}\frac{{{abs(v.numerator)}}}{{{v.denominator}}}"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        return self.value

    def __hash__(self) -> int:
        # equal fractions have equal lowest terms; Fraction's own hash is slower to work
        # out, and expressions are hashed often (like terms, remembered derivatives)
        return hash((self.value.numerator, self.value.denominator))

    def depends_on(self, variable: str) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class Var(Expr):
    name: str

    def text(self) -> str:
        return self.name

    def latex(self) -> str:
        return self.name if len(self.name) == 1 else rf"\mathit{{{self.name}}}"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        try:
            return point[self.name]
        except KeyError:
            raise Undefined(f"no value given for {self.name}") from None

    def variables(self) -> frozenset[str]:
        return frozenset({self.name})

    def depends_on(self, variable: str) -> bool:
        return self.name == variable


@dataclass(frozen=True, slots=True)
class Add(Expr):
    terms: tuple[Expr, ...]
    precedence = 1

    def text(self) -> str:
        parts = [_wrap_text(self.terms[0], 1)]
        for term in self.terms[1:]:
            negated = _negated(term)
            if negated is not None:
                parts.append(" - " + _wrap_text(negated, 2))
            else:
                parts.append(" + " + _wrap_text(term, 1))
        return "".join(parts)

    def latex(self) -> str:
        parts = [_wrap_latex(self.terms[0], 1)]
        for term in self.terms[1:]:
            negated = _negated(term)
            if negated is not None:
                parts.append(" - " + _wrap_latex(negated, 2))
            else:
                parts.append(" + " + _wrap_latex(term, 1))
        return "".join(parts)

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        total: Value = Fraction(0)
        for term in self.terms:
            total = total + term.evaluate(point)
        return total

    def variables(self) -> frozenset[str]:
        return frozenset().union(*(t.variables() for t in self.terms))

    def depends_on(self, variable: str) -> bool:
        return any(t.depends_on(variable) for t in self.terms)


@dataclass(frozen=True, slots=True)
class Mul(Expr):
    left: Expr
    right: Expr
    precedence = 2

    def text(self) -> str:
        left, right = self.left, self.right
        if isinstance(left, Const):
            if isinstance(right, Div) and right.numerator == ONE:
                p, q = left.value.numerator, left.value.denominator
                bottom = _wrap_text(right.denominator, 3)
                if q != 1:
                    joined = (
                        f"{q}{bottom}"
                        if bottom[:1].isalpha() or bottom[:1] == "("
                        else f"{q}*{bottom}"
                    )
                    bottom = f"({joined})" if bottom[:1] not in "eE" else f"({q}*{bottom})"
                return f"{p}/{bottom}"
            if left.value == -1:
                return "-" + _wrap_text(right, 4)
            coefficient = f"({left.value})" if left.value.denominator != 1 else str(left.value)
            body = _wrap_text(right, 2)
            if body[:1].isalpha() and body[:1] not in "eE" and not _is_call(right):
                return coefficient + body
            if body.startswith("("):
                return coefficient + body
            return f"{coefficient}*{body}"
        if _is_letter_power(right) and _ends_in_letter_power(left):
            return f"{_wrap_text(left, 2)}{right.text()}"  # xy, x^2y: as a person writes
        return f"{_wrap_text(left, 2)}*{_wrap_text(right, 3)}"

    def latex(self) -> str:
        left, right = self.left, self.right
        if isinstance(left, Const):
            if isinstance(right, Div) and right.numerator == ONE:
                sign = "-" if left.value < 0 else ""
                p, q = abs(left.value.numerator), left.value.denominator
                bottom = (
                    right.denominator.latex()
                    if q == 1
                    else f"{q} {_wrap_latex(right.denominator, 2)}"
                )
                return rf"{sign}\frac{{{p}}}{{{bottom}}}"
            if left.value == -1:
                return "-" + _wrap_latex(right, 4)
            return f"{_wrap_latex(left, 2)} {_wrap_latex(right, 2)}"
        joiner = r" \cdot " if isinstance(right, Const) else " "
        return f"{_wrap_latex(left, 2)}{joiner}{_wrap_latex(right, 3)}"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        return self.left.evaluate(point) * self.right.evaluate(point)

    def variables(self) -> frozenset[str]:
        return self.left.variables() | self.right.variables()

    def depends_on(self, variable: str) -> bool:
        return self.left.depends_on(variable) or self.right.depends_on(variable)


@dataclass(frozen=True, slots=True)
class Div(Expr):
    numerator: Expr
    denominator: Expr
    precedence = 2

    def text(self) -> str:
        return f"{_wrap_text(self.numerator, 2)}/{_wrap_text(self.denominator, 3)}"

    def latex(self) -> str:
        return rf"\frac{{{self.numerator.latex()}}}{{{self.denominator.latex()}}}"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        bottom = self.denominator.evaluate(point)
        if bottom == 0:
            raise Undefined("division by zero")
        return self.numerator.evaluate(point) / bottom

    def variables(self) -> frozenset[str]:
        return self.numerator.variables() | self.denominator.variables()

    def depends_on(self, variable: str) -> bool:
        return self.numerator.depends_on(variable) or self.denominator.depends_on(variable)


@dataclass(frozen=True, slots=True)
class Pow(Expr):
    base: Expr
    exponent: Expr
    precedence = 4

    def text(self) -> str:
        e = self.exponent
        simple = isinstance(e, Var) or (isinstance(e, Const) and e.precedence == 5)
        exponent = e.text() if simple else f"({e.text()})"
        return f"{_wrap_text(self.base, 5)}^{exponent}"

    def latex(self) -> str:
        return f"{_wrap_latex(self.base, 5)}^{{{self.exponent.latex()}}}"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        base = self.base.evaluate(point)
        exponent = self.exponent.evaluate(point)
        return _power(base, exponent)

    def variables(self) -> frozenset[str]:
        return self.base.variables() | self.exponent.variables()

    def depends_on(self, variable: str) -> bool:
        return self.base.depends_on(variable) or self.exponent.depends_on(variable)


_FUNCTION_LATEX = {"ln": r"\ln", "sin": r"\sin", "cos": r"\cos", "sigmoid": r"\sigma"}


@dataclass(frozen=True, slots=True)
class Func(Expr):
    """A named function of one argument: ``exp``, ``ln``, ``sin``, ``cos``, ``sigmoid``, ``abs``."""

    name: str
    argument: Expr

    def __post_init__(self) -> None:
        if self.name not in FUNCTIONS:
            raise ValueError(f"unknown function {self.name!r}")

    @property
    def precedence(self) -> int:  # type: ignore[override]
        return {"exp": 4, "sigmoid": 2}.get(self.name, 5)

    def text(self) -> str:
        arg = self.argument
        if self.name == "exp":
            return f"e^{arg.text()}" if isinstance(arg, Var) else f"e^({arg.text()})"
        if self.name == "sigmoid":
            return f"1/(1 + e^({neg(arg).text()}))"
        return f"{self.name}({arg.text()})"

    def latex(self) -> str:
        arg = self.argument
        if self.name == "exp":
            return f"e^{{{arg.latex()}}}"
        if self.name == "abs":
            return rf"\left|{arg.latex()}\right|"
        if self.name == "ln" and isinstance(arg, Var):
            return rf"\ln {arg.latex()}"
        return rf"{_FUNCTION_LATEX[self.name]}\left({arg.latex()}\right)"

    def evaluate(self, point: Mapping[str, Value]) -> Value:
        u = self.argument.evaluate(point)
        if self.name == "abs":
            return -u if u < 0 else u
        x = float(u)
        try:
            if self.name == "exp":
                return math.exp(x)
            if self.name == "ln":
                if x <= 0:
                    raise Undefined("ln of a number that is not positive")
                return math.log(x)
            if self.name == "sin":
                return math.sin(x)
            if self.name == "cos":
                return math.cos(x)
            return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
        except OverflowError:
            raise Undefined("the value is too large") from None

    def variables(self) -> frozenset[str]:
        return self.argument.variables()

    def depends_on(self, variable: str) -> bool:
        return self.argument.depends_on(variable)


# --- arithmetic -------------------------------------------------------------------


def _power(base: Value, exponent: Value) -> Value:
    if isinstance(base, Fraction) and isinstance(exponent, Fraction):
        if exponent.denominator == 1 and abs(exponent) <= MAX_EXACT_EXPONENT:
            if base == 0 and exponent < 0:
                raise Undefined("division by zero")
            result: Fraction = base ** int(exponent)
            return result
        if exponent.denominator % 2 == 1 and base < 0:
            root = -((-float(base)) ** (1 / exponent.denominator))
            return _power_float(root, float(exponent.numerator))
    return _power_float(float(base), float(exponent))


def _power_float(base: float, exponent: float) -> float:
    if base == 0 and exponent < 0:
        raise Undefined("division by zero")
    if base < 0 and not float(exponent).is_integer():
        raise Undefined("a root of a negative number")
    try:
        result = base**exponent
    except OverflowError:
        raise Undefined("the value is too large") from None
    if isinstance(result, complex):
        raise Undefined("a root of a negative number")
    return float(result)


# --- smart constructors -------------------------------------------------------------


ZERO = Const(Fraction(0))
ONE = Const(Fraction(1))


def const(value: Fraction | int) -> Const:
    return Const(value if isinstance(value, Fraction) else Fraction(value))


def split_coefficient(e: Expr) -> tuple[Fraction, Expr | None]:
    """``3x^2`` → (3, x^2); ``5`` → (5, None)."""
    if isinstance(e, Const):
        return e.value, None
    if isinstance(e, Mul) and isinstance(e.left, Const):
        return e.left.value, e.right
    return Fraction(1), e


def _with_coefficient(coefficient: Fraction, rest: Expr | None) -> Expr:
    if rest is None:
        return Const(coefficient)
    return mul(Const(coefficient), rest)


def add(*terms: Expr) -> Expr:
    """A sum with nested sums flattened, like terms collected and zeros dropped."""
    flat: list[Expr] = []
    for t in terms:
        flat.extend(t.terms if isinstance(t, Add) else (t,))
    constant = Fraction(0)
    coefficients: dict[Expr, Fraction] = {}  # in order of first appearance
    for t in flat:
        c, rest = split_coefficient(t)
        if rest is None:
            constant += c
        elif rest in coefficients:
            coefficients[rest] += c
        else:
            coefficients[rest] = c
    kept = [_with_coefficient(c, r) for r, c in coefficients.items() if c != 0]
    if constant != 0:
        kept.append(Const(constant))
    if not kept:
        return ZERO
    return kept[0] if len(kept) == 1 else Add(tuple(kept))


def neg(e: Expr) -> Expr:
    return mul(Const(Fraction(-1)), e)


def sub(a: Expr, b: Expr) -> Expr:
    return add(a, neg(b))


def mul(a: Expr, b: Expr) -> Expr:
    """A product with constants folded to the front, zeros and ones dropped."""
    if isinstance(b, Const) and not isinstance(a, Const):
        a, b = b, a
    if isinstance(a, Const):
        if a.value == 0:
            return ZERO
        if a.value == 1:
            return b
        if isinstance(b, Const):
            return Const(a.value * b.value)
        if isinstance(b, Mul) and isinstance(b.left, Const):
            return mul(Const(a.value * b.left.value), b.right)
        return Mul(a, b)
    if isinstance(a, Mul) and isinstance(a.left, Const):
        return mul(a.left, mul(a.right, b))
    if isinstance(b, Mul) and isinstance(b.left, Const):
        return mul(b.left, mul(a, b.right))
    if isinstance(b, Div):
        return div(mul(a, b.numerator), b.denominator)
    if isinstance(a, Div):
        return div(mul(a.numerator, b), a.denominator)
    left, right = _base_exponent(a), _base_exponent(b)
    if left[0] == right[0]:
        return power(left[0], Const(left[1] + right[1]))
    if _sort_key(b) < _sort_key(a):
        a, b = b, a
    return Mul(a, b)


def _base_exponent(e: Expr) -> tuple[Expr, Fraction]:
    if isinstance(e, Pow) and isinstance(e.exponent, Const):
        return e.base, e.exponent.value
    return e, Fraction(1)


def _sort_key(e: Expr) -> str:
    """Powers of single variables first, in alphabetical order (``x*y``, ``x^2*e^x``)."""
    base, _ = _base_exponent(e)
    return f"0{base.name}" if isinstance(base, Var) else "1"


def div(a: Expr, b: Expr) -> Expr:
    """A quotient; dividing by a constant becomes multiplying by its reciprocal."""
    if isinstance(b, Const):
        if b.value == 0:
            raise Undefined("division by zero")
        return mul(Const(1 / b.value), a)
    if isinstance(a, Const):
        if a.value == 0:
            return ZERO
        d, rest = split_coefficient(b)
        if d != 1 and rest is not None:  # 2/(2x) is 1/x; 3/(2x) keeps 3/2 in front
            return mul(Const(a.value / d), Div(ONE, rest))
        if a.value != 1:
            return mul(a, Div(ONE, b))
    if a == b:
        return ONE
    top, bottom = _base_exponent(a), _base_exponent(b)
    if top[0] == bottom[0]:
        return power(top[0], Const(top[1] - bottom[1]))
    c, rest = split_coefficient(a)
    if c != 1 and rest is not None:
        return mul(Const(c), Div(rest, b))
    return Div(a, b)


def power(base: Expr, exponent: Expr) -> Expr:
    if isinstance(exponent, Const):
        if exponent.value == 0:
            return ONE
        if exponent.value == 1:
            return base
        if isinstance(base, Const) and exponent.value.denominator == 1:
            return Const(Fraction(_power(base.value, exponent.value)))
        if isinstance(base, Pow) and isinstance(base.exponent, Const):
            return power(base.base, Const(base.exponent.value * exponent.value))
    return Pow(base, exponent)


def substitute(e: Expr, name: str, value: Expr) -> Expr:
    """``e`` with every ``Var(name)`` replaced by ``value`` (rebuilt through the constructors)."""
    if isinstance(e, Var):
        return value if e.name == name else e
    if isinstance(e, Const):
        return e
    if isinstance(e, Add):
        return add(*(substitute(t, name, value) for t in e.terms))
    if isinstance(e, Mul):
        return mul(substitute(e.left, name, value), substitute(e.right, name, value))
    if isinstance(e, Div):
        return div(substitute(e.numerator, name, value), substitute(e.denominator, name, value))
    if isinstance(e, Pow):
        return power(substitute(e.base, name, value), substitute(e.exponent, name, value))
    if isinstance(e, Func):
        return Func(e.name, substitute(e.argument, name, value))
    raise TypeError(type(e).__name__)


# --- writing --------------------------------------------------------------------------


def _negated(term: Expr) -> Expr | None:
    """The term without its minus sign, when it has one."""
    c, rest = split_coefficient(term)
    if c.numerator >= 0:
        return None
    return _with_coefficient(-c, rest)


def _is_letter_power(e: Expr) -> bool:
    """A one-letter variable, alone or to a whole positive power: ``y``, ``y^2``."""
    if isinstance(e, Pow):
        n = e.exponent
        whole = isinstance(n, Const) and n.value.denominator == 1 and n.value > 0
        return whole and _is_letter_power(e.base)
    return isinstance(e, Var) and len(e.name) == 1


def _ends_in_letter_power(e: Expr) -> bool:
    while isinstance(e, Mul):
        e = e.right
    return _is_letter_power(e)


def _is_call(e: Expr) -> bool:
    return isinstance(e, Func) and e.name != "exp"


def _wrap_text(e: Expr, minimum: int) -> str:
    body = e.text()
    return f"({body})" if e.precedence < minimum else body


def _wrap_latex(e: Expr, minimum: int) -> str:
    body = e.latex()
    return rf"\left({body}\right)" if e.precedence < minimum else body


__all__ = [
    "FUNCTIONS",
    "ONE",
    "ZERO",
    "Add",
    "Const",
    "Div",
    "Expr",
    "Func",
    "Mul",
    "Pow",
    "Undefined",
    "Value",
    "Var",
    "add",
    "const",
    "div",
    "mul",
    "neg",
    "power",
    "split_coefficient",
    "sub",
    "substitute",
]
