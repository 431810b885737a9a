"""Algebraic expressions (and equations) in a question's variables.

An :class:`Expression` is our own formula tree plus the variables it is in. It
evaluates numerically at a point (pure Python), writes itself as text a learner
could type and as LaTeX, and converts to and from SymPy through a whitelist.
Skills build expected answers with :func:`expression` or :meth:`Expression.from_sympy`.

>>> f = expression("2x^2 + 3x", ("x",))
>>> f.text(), f.latex()
('2x^2 + 3x', '2 x^{2} + 3 x')
>>> f.evaluate({"x": -0.5})
-1.0
>>> expression("y = 2x + 1", ("x", "y")).is_equation
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mlmath.answers.evaluate import float_value
from mlmath.answers.reader import Names, read_formula
from mlmath.answers.tree import Node

_PRECEDENCE = {"=": 0, "+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "%": 3, "^": 4}
_ATOM = 5

_LATEX_FUNCTIONS = {
    "exp": r"\exp",
    "ln": r"\ln",
    "log": r"\log",
    "log2": r"\log_2",
    "log10": r"\log_{10}",
    "sin": r"\sin",
    "cos": r"\cos",
    "tan": r"\tan",
    "asin": r"\arcsin",
    "acos": r"\arccos",
    "atan": r"\arctan",
    "sinh": r"\sinh",
    "cosh": r"\cosh",
    "tanh": r"\tanh",
}


@dataclass(frozen=True, slots=True)
class Expression:
    """A formula in ``variables``; ``root.op == "="`` makes it an equation."""

    root: Node
    variables: tuple[str, ...]

    @property
    def is_equation(self) -> bool:
        return self.root.op == "="

    def evaluate(self, point: Mapping[str, float]) -> float:
        """The value at ``point`` (raises ``Undefined`` outside the domain)."""
        return float_value(self.root, point)

    def text(self) -> str:
        return _text(self.root)

    def latex(self) -> str:
        return _latex(self.root)

    def to_json(self) -> Any:
        return self.text()

    def __str__(self) -> str:
        return self.text()

    def to_sympy(self) -> Any:
        """The SymPy expression (an ``Eq`` for an equation); imports SymPy on first use."""
        from mlmath.answers.symbolic import to_sympy

        return to_sympy(self.root)

    @classmethod
    def from_sympy(cls, value: Any, variables: tuple[str, ...]) -> Expression:
        """Read a SymPy expression built by a skill (whitelisted operations only)."""
        from mlmath.answers.symbolic import from_sympy

        return cls(from_sympy(value, variables), variables)


def expression(text: str, variables: tuple[str, ...]) -> Expression:
    """Read ``text`` (the learner grammar) as an expression in ``variables``.

    Raises :class:`~mlmath.answers.errors.AnswerError` when it cannot be read.
    """
    return Expression(
        read_formula(text, Names(variables, context="an expression", equations=True)), variables
    )


# --- text ------------------------------------------------------------------------


def _precedence(node: Node) -> int:
    if node.op == "num":
        assert isinstance(node.value, Fraction)
        if node.value < 0:
            return _PRECEDENCE["neg"]
        return _PRECEDENCE["/"] if node.value.denominator != 1 else _ATOM
    return _PRECEDENCE.get(node.op, _ATOM)


def _wrap(node: Node, minimum: int) -> str:
    text = _text(node)
    return f"({text})" if _precedence(node) < minimum else text


def _single_letter(node: Node) -> bool:
    """A variable of one letter (not e), alone or raised to a power: ``y``, ``y^2``."""
    if node.op == "^":
        node = node.args[0]
    return node.op == "var" and isinstance(node.value, str) and len(node.value) == 1


def _ends_plainly(node: Node) -> bool:
    """Whether a product's left part ends in a number or a one-letter variable, so that a
    following letter can be written next to it (``2x`` then ``y``)."""
    while node.op == "*":
        node = node.args[1]
    if node.op == "num":
        return isinstance(node.value, Fraction) and node.value.denominator == 1
    return _single_letter(node) and (node.op != "^" or node.args[1].op == "num")


def _text(node: Node) -> str:
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        value = node.value
        return str(value.numerator) if value.denominator == 1 else f"{value}"
    if op in ("var", "const"):
        assert isinstance(node.value, str)
        return node.value
    if op == "=":
        return f"{_text(node.args[0])} = {_text(node.args[1])}"
    if op == "+":
        left, right = node.args
        if right.op == "neg":
            return f"{_wrap(left, 1)} - {_wrap(right.args[0], 2)}"
        return f"{_wrap(left, 1)} + {_wrap(right, 1)}"
    if op == "-":
        return f"{_wrap(node.args[0], 1)} - {_wrap(node.args[1], 2)}"
    if op == "*":
        left, right = node.args
        left_text, right_text = _wrap(left, 2), _wrap(right, 3)
        if left_text.isdigit() and right_text[:1].isalpha() and right_text[:1] not in "eE":
            return f"{left_text}{right_text}"
        if _single_letter(right) and _ends_plainly(left):
            return f"{left_text}{right_text}"  # 2xy, x^2y: read back the same way
        return f"{left_text}*{right_text}"
    if op == "/":
        return f"{_wrap(node.args[0], 2)}/{_wrap(node.args[1], 3)}"
    if op == "neg":
        inner = node.args[0]  # -(a·b) and (-a)·b are equal: -2x·eˣ needs no brackets
        return f"-{_text(inner) if inner.op in ('*', '/') else _wrap(inner, 4)}"
    if op == "%":
        return f"{_wrap(node.args[0], 2)}/100"
    if op == "factorial":
        return f"{_wrap(node.args[0], _ATOM)}!"
    if op == "binomial":
        return f"C({_text(node.args[0])}, {_text(node.args[1])})"
    if op == "^":
        base, exponent = node.args
        exponent_text = _text(exponent)
        simple = exponent.op in ("var", "const") or (
            exponent.op == "num" and _precedence(exponent) == _ATOM
        )
        return f"{_wrap(base, _ATOM)}^{exponent_text if simple else f'({exponent_text})'}"
    return f"{op}({_text(node.args[0])})"


# --- LaTeX -------------------------------------------------------------------------


def _latex_wrap(node: Node, minimum: int) -> str:
    body = _latex(node)
    return rf"\left({body}\right)" if _precedence(node) < minimum else body


def _latex(node: Node) -> str:
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        value = node.value
        if value.denominator == 1:
            return str(value.numerator)
        sign = "-" if value < 0 else ""
        return rf"{sign}\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    if op == "var":
        assert isinstance(node.value, str)
        name = node.value
        return name if len(name) == 1 else rf"\mathit{{{name}}}"
    if op == "const":
        return r"\pi" if node.value == "pi" else "e"
    if op == "=":
        return f"{_latex(node.args[0])} = {_latex(node.args[1])}"
    if op == "+":
        left, right = node.args
        if right.op == "neg":
            return f"{_latex_wrap(left, 1)} - {_latex_wrap(right.args[0], 2)}"
        return f"{_latex_wrap(left, 1)} + {_latex_wrap(right, 1)}"
    if op == "-":
        return f"{_latex_wrap(node.args[0], 1)} - {_latex_wrap(node.args[1], 2)}"
    if op == "*":
        left, right = node.args
        joiner = " " if left.op == "num" and right.op != "num" else r" \cdot "
        return f"{_latex_wrap(left, 2)}{joiner}{_latex_wrap(right, 3)}"
    if op == "/":
        return rf"\frac{{{_latex(node.args[0])}}}{{{_latex(node.args[1])}}}"
    if op == "neg":
        inner = node.args[0]
        return f"-{_latex(inner) if inner.op in ('*', '/') else _latex_wrap(inner, 4)}"
    if op == "%":
        return rf"{_latex_wrap(node.args[0], 2)}\%"
    if op == "factorial":
        return f"{_latex_wrap(node.args[0], _ATOM)}!"
    if op == "binomial":
        return rf"\binom{{{_latex(node.args[0])}}}{{{_latex(node.args[1])}}}"
    if op == "^":
        return f"{_latex_wrap(node.args[0], _ATOM)}^{{{_latex(node.args[1])}}}"
    if op == "sqrt":
        return rf"\sqrt{{{_latex(node.args[0])}}}"
    if op == "abs":
        return rf"\left|{_latex(node.args[0])}\right|"
    return rf"{_LATEX_FUNCTIONS[op]}\left({_latex(node.args[0])}\right)"
