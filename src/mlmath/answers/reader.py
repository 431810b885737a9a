"""Read one formula with our own LALR grammar (Lark) into a :class:`~.tree.Node`.

Nothing typed is ever evaluated as Python: the grammar knows numbers, names,
``+ - * / ^ %``, juxtaposition, a whitelist of functions and ``=``. The tree is
built bottom-up while parsing (no recursion), so size and depth limits hold
before anything is computed. Names are then resolved against the names the
question allows: ``xy`` is ``x·y`` when both are variables.

>>> read_formula("2x^2 + 1", Names(("x",))).op
'+'
>>> read_formula("2 3", Names(())).op  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mlmath.answers.errors.AnswerError: Put an operator between the two numbers (for example 2*3), ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from mlmath.answers.descent import quick_formula
from mlmath.answers.errors import AnswerError
from mlmath.answers.evaluate import check_magnitudes
from mlmath.answers.limits import check_digits
from mlmath.answers.normalize import Normalized, normalize
from mlmath.answers.tree import CONSTANTS, FUNCTIONS, Node

_ALIASES = {"arcsin": "asin", "arccos": "acos", "arctan": "atan"}
_CHOOSE = re.compile(r"(\d+)[ \n]*(?:nCr|nCk|C|choose)[ \n]*(\d+)")


class _Build(Transformer[Token, Node]):
    """Grammar callbacks: each builds one node from its already-built children."""

    def number(self, children: list[Token]) -> Node:
        token = children[0]
        check_digits(str(token), token.start_pos)
        return Node("num", (), Fraction(str(token)), token.start_pos)

    def name(self, children: list[Token]) -> Node:
        token = children[0]
        return Node("name", (), str(token), token.start_pos)

    def group(self, children: list[Node]) -> Node:
        # "(xy)^2" squares the whole product: keep a bracketed name apart from the
        # power until its letters are split (see _resolve).
        inner = children[0]
        return Node("group", (inner,), None, inner.position) if inner.op == "name" else inner

    def pi(self, _: list[Node]) -> Node:
        return Node("const", (), "pi")

    def call(self, children: list[Token | Node]) -> Node:
        function, argument = children
        assert isinstance(function, Token)
        assert isinstance(argument, Node)
        op = _ALIASES.get(str(function), str(function))
        return Node(op, (argument,), None, function.start_pos)

    def root(self, children: list[Node]) -> Node:
        return Node("sqrt", (children[0],))

    def percent(self, children: list[Node]) -> Node:
        return Node("%", (children[0],))

    def factorial(self, children: list[Node]) -> Node:
        return Node("factorial", (children[0],))

    def binomial(self, children: list[Token | Node]) -> Node:
        _, n, k = children
        assert isinstance(n, Node)
        assert isinstance(k, Node)
        return Node("binomial", (n, k))

    def choose_written(self, children: list[Token]) -> Node:
        """``10C3`` or ``10 nCr 3``: the binomial coefficient of two whole numbers."""
        token = children[0]
        found = _CHOOSE.fullmatch(str(token))
        assert found is not None
        n, k = found.group(1), found.group(2)
        check_digits(n, token.start_pos)
        check_digits(k, token.start_pos)
        return Node("binomial", (Node.number(int(n)), Node.number(int(k))), None, token.start_pos)

    def negate(self, children: list[Node]) -> Node:
        return Node("neg", (children[0],))

    def _binary(self, op: str, children: list[Node]) -> Node:
        return Node(op, (children[0], children[1]))

    def add(self, children: list[Node]) -> Node:
        return self._binary("+", children)

    def subtract(self, children: list[Node]) -> Node:
        return self._binary("-", children)

    def multiply(self, children: list[Node]) -> Node:
        return self._binary("*", children)

    def juxtapose(self, children: list[Node]) -> Node:
        return self._binary("*", children)

    def divide(self, children: list[Node]) -> Node:
        return self._binary("/", children)

    def power(self, children: list[Node]) -> Node:
        return self._binary("^", children)

    def equation(self, children: list[Node]) -> Node:
        return self._binary("=", children)


@cache
def _parser() -> Lark:
    grammar = Path(__file__).with_name("grammar.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", transformer=_Build(), maybe_placeholders=False)


@dataclass(frozen=True, slots=True)
class Names:
    """The names a formula may use.

    ``variables`` are the question's unknowns; with ``parameters`` set, any
    other single letter (``t``, ``s`` …) is read as a free parameter.
    """

    variables: tuple[str, ...]
    parameters: bool = False
    context: str = "a number"
    equations: bool = False


_LONE_NUMBER = re.compile(r"[ \n]*(-?)[ \n]*(\d+\.?\d*|\.\d+)[ \n]*")
"""A number with at most a minus sign: the grammar's ``NUMBER`` (without an exponent)
and its ignored spaces."""


def _lone_number(source: str) -> Node | None:
    """The tree the grammar builds for a lone number (``17``, ``-2.5``, ``.5``), built
    without the parser: most answers are one, and the parser took most of their time."""
    found = _LONE_NUMBER.fullmatch(source)
    if found is None:
        return None
    check_digits(found.group(2), found.start(2))
    digits = found.group(2)
    # a whole number read as an int first: the same Fraction, made faster
    value = Fraction(int(digits)) if digits.isascii() and digits.isdigit() else Fraction(digits)
    number = Node("num", (), value, found.start(2))
    return Node("neg", (number,)) if found.group(1) else number


def _parse(normalized: Normalized) -> Node:
    try:
        tree = _parser().parse(normalized.text)
    except UnexpectedInput as error:
        raise _explain(error, normalized) from None
    assert isinstance(tree, Node)
    return tree


_TIMES_X = re.compile(r"(?<=[\d.])[ \n]*([xX])[ \n]*(?=10[ \n]*\^)")
"""The letter x written for × in scientific notation: ``2.5 x 10^-3``."""


def _times_for_x(normalized: Normalized, names: Names) -> Normalized:
    """``2.5 x 10^-3`` read as 2.5·10⁻³ where x is not one of the question's variables."""
    if "x" in names.variables or "X" in names.variables:
        return normalized
    text = normalized.text
    for found in _TIMES_X.finditer(text):
        text = text[: found.start(1)] + "*" + text[found.end(1) :]
    return normalized if text == normalized.text else Normalized(text, normalized.origin)


def read_formula(text: str | Normalized, names: Names) -> Node:
    """Parse ``text`` into a resolved formula tree, or raise AnswerError."""
    normalized = normalize(text) if isinstance(text, str) else text
    lone = _lone_number(normalized.text)
    if lone is not None:
        # a lone number (most entries of a vector or matrix) has no x to read as ×, no
        # name to resolve and no power to bound: its tree is final as read
        return lone
    normalized = _times_for_x(normalized, names)
    source = normalized.text
    if not source.strip():
        raise AnswerError("The answer is empty; type a value.")
    tree = quick_formula(source) or _parse(normalized)
    if tree.op == "=" and not names.equations:
        index = source.index("=")
        raise AnswerError(
            f"'=' is not expected here; type just {names.context}.", normalized.position(index)
        )
    resolved = _resolve(tree, names, normalized)
    _check_counting(resolved)
    check_magnitudes(resolved)
    return resolved


def _check_counting(tree: Node) -> None:
    """Factorials and binomial coefficients count: they take numbers, not variables."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.op in ("factorial", "binomial") and node.symbols():
            raise AnswerError(
                "Factorials and C(n, k) are accepted of whole numbers only, such as 5! "
                "or C(10, 3).",
                node.position,
            )
        stack.extend(node.args)


def _explain(error: UnexpectedInput, normalized: Normalized) -> AnswerError:
    source = normalized.text
    if isinstance(error, UnexpectedCharacters):
        index = error.pos_in_stream or 0
        char = source[index] if index < len(source) else ""
        if char in ",;":
            message = f"'{char}' is not expected here; type a single value."
        elif char == "±":
            message = "'±' is read only where an interval is asked; type a single value."
        elif char in "[]{}":
            message = f"'{char}' is not expected here; group with round brackets ( ) in a formula."
        else:
            message = f"'{char}' cannot be read here."
        return AnswerError(message, normalized.position(index))
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        end = len(source.rstrip())
        last = source.rstrip()[-1:] or " "
        return AnswerError(
            f"The answer stops after '{last}'; something is missing at the end.",
            normalized.position(end - 1),
        )
    assert isinstance(error, UnexpectedToken)
    token = error.token
    index = token.start_pos if token.start_pos is not None else 0
    before = source[:index].rstrip()
    word = before.split()[-1] if before.split() else ""
    if token.type in ("NUMBER", "NAME") and word.isalnum() and word.lower() in FUNCTIONS:
        return AnswerError(
            f"Put the argument of {word} in parentheses, as in {word}({token}).",
            normalized.position(index),
        )
    if token.type == "NUMBER" and before and (before[-1].isalnum() or before[-1] in ")π"):
        if before[-1].isdigit() or before[-1] == ".":
            message = (
                "Put an operator between the two numbers (for example 2*3), "
                "or separate values with commas."
            )
        else:
            message = f"Write the number {token} before what it multiplies, or put * between them."
        return AnswerError(message, normalized.position(index))
    if str(token) == "=":
        return AnswerError("Use at most one '=' in a formula.", normalized.position(index))
    if str(token) in (",", ";"):
        return AnswerError(
            f"'{token}' is not expected here; type a single value.", normalized.position(index)
        )
    if token.type == "FUNCTION":
        return AnswerError(
            f"Put the argument of {token} in parentheses, as in {token}(2).",
            normalized.position(index),
        )
    previous = before[-1:] if before else ""
    if previous in "+-*/^=(" and previous:
        return AnswerError(
            f"'{token}' cannot follow '{previous}'; something is missing between them.",
            normalized.position(index),
        )
    return AnswerError(f"'{token}' is not expected here.", normalized.position(index))


def _resolve(tree: Node, names: Names, normalized: Normalized) -> Node:
    """Replace every unresolved name by variables, constants or parameters."""
    if tree.op == "name":
        return _product(_split_name(tree, names, normalized))
    if tree.op == "group":
        return _resolve(tree.args[0], names, normalized)
    if not tree.args:
        return tree
    if tree.op == "^" and tree.args[0].op == "name":
        # "xy^2" is x·y²: the power belongs to the last letter only.
        *first, last = _split_name(tree.args[0], names, normalized)
        power = Node("^", (last, _resolve(tree.args[1], names, normalized)))
        return _product([*first, power])
    args = tuple(_resolve(a, names, normalized) for a in tree.args)
    # an unchanged operand comes back as itself (a changed one has another op): compared
    # by identity, not by walking both trees
    if all(new is old for new, old in zip(args, tree.args, strict=True)):
        return tree
    return Node(tree.op, args, tree.value, tree.position)


def _product(factors: list[Node]) -> Node:
    product = factors[0]
    for factor in factors[1:]:
        product = Node("*", (product, factor))
    return product


def _split_name(node: Node, names: Names, normalized: Normalized) -> list[Node]:
    text = node.value
    assert isinstance(text, str)
    if text in names.variables:
        return [Node.variable(text)]  # the name is one of the variables, whole
    start = node.position or 0
    known = _known_names(tuple(names.variables))
    factors: list[Node] = []
    i = 0
    while i < len(text):
        match = next((k for k in known if text.startswith(k, i)), None)
        if match is None:
            if names.parameters and text[i].isalpha():
                end = i + 1
                while end < len(text) and (text[end].isdigit() or text[end] == "_"):
                    end += 1
                factors.append(Node.variable(text[i:end]))
                i = end
                continue
            raise _unknown(text, i, names, normalized.position(start + i))
        if match in names.variables:
            factors.append(Node.variable(match))
        else:
            factors.append(Node.constant(match))
        i += len(match)
    return factors


@cache
def _known_names(variables: tuple[str, ...]) -> tuple[str, ...]:
    """The variables and constants, longest first: a name is split into the longest known
    names it starts with."""
    return tuple(sorted({*variables, *CONSTANTS}, key=len, reverse=True))


def _unknown(text: str, index: int, names: Names, position: int) -> AnswerError:
    if names.variables:
        listed = ", ".join(names.variables)
        return AnswerError(
            f"'{text}' is not a name we know here; use the variables {listed}, "
            "numbers, pi, e, and functions such as sqrt( ) and ln( ).",
            position,
        )
    return AnswerError(
        f"'{text}' cannot be read as {names.context}; type digits, fractions such as 3/4, "
        "or constants such as pi, e and sqrt(2).",
        position,
    )
