"""The grammar of ``grammar.lark`` read by recursive descent, for the formulas that parse.

Lark's LALR parser runs in pure Python and took most of an answer check's time. This
reader follows the same grammar rule for rule and builds the very same tree (the same
nodes, values and positions as :class:`~mlmath.answers.reader._Build`), from the same
terminals matched in Lark's own order. It only ever *succeeds* or *declines*: on
anything it does not read — a syntax error, a limit hit, nesting deeper than it
recurses — :func:`quick_formula` returns ``None`` and Lark reads the text, so every
error message and position still comes from Lark. Nothing is evaluated: tokens become
:class:`~mlmath.answers.tree.Node` objects, exactly as with Lark.

>>> quick_formula("2x^2 + 1")
Node('+', Node('*', Node('num', value=Fraction(2, 1)), Node('^', Node('name', value='x'), \
Node('num', value=Fraction(2, 1)))), Node('num', value=Fraction(1, 1)))
>>> quick_formula("2 3") is None  # a syntax error: Lark reads it and explains
True
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache

from mlmath.answers.errors import AnswerError
from mlmath.answers.limits import check_digits
from mlmath.answers.tree import Node

_ALIASES = {"arcsin": "asin", "arccos": "acos", "arctan": "atan"}
_CHOOSE = re.compile(r"(\d+)[ \n]*(?:nCr|nCk|C|choose)[ \n]*(\d+)")
_MAX_CALLS = 400
"""Nested rule calls at most (a long chain of signs or brackets is left to Lark, which
does not recurse)."""

_END = "$END"
_PUNCTUATION = frozenset("=+-*/^%!π(),√")
_NO_DIGIT_START = frozenset({"NAME", "FUNCTION", "BINOMIAL", "π", "(", "√"})
"""Tokens a juxtaposed factor (``power_no_digit``) can start with."""


class _Decline(Exception):
    """This reader does not take the text; Lark reads it."""


@cache
def _scanner() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern of every terminal, in the order Lark's lexer tries them, and the
    pattern of ignored space. Taken from the Lark parser itself, so they cannot drift."""
    from mlmath.answers.reader import _parser

    terminals = sorted(
        _parser().terminals,
        key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
    )
    ignored = [t for t in terminals if t.name.startswith("__IGNORE")]
    assert len(ignored) == 1
    alternatives = "|".join(
        f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals if t not in ignored
    )
    return re.compile(alternatives), re.compile(ignored[0].pattern.to_regexp())


def _tokens(source: str) -> tuple[list[str], list[str], list[int]]:
    """Kinds (a terminal's name, or the punctuation itself), texts and start positions."""
    pattern, space = _scanner()
    kinds: list[str] = []
    texts: list[str] = []
    starts: list[int] = []
    index, end = 0, len(source)
    while index < end:
        blank = space.match(source, index)
        if blank is not None:
            index = blank.end()
            continue
        found = pattern.match(source, index)
        if found is None:
            raise _Decline
        text = found.group(0)
        kind = found.lastgroup
        kinds.append(text if text in _PUNCTUATION else str(kind))
        texts.append(text)
        starts.append(index)
        index = found.end()
    kinds.append(_END)
    texts.append("")
    starts.append(end)
    return kinds, texts, starts


class _Reader:
    """One rule per method, as in ``grammar.lark``; ``at`` is the next token."""

    __slots__ = ("at", "calls", "kinds", "starts", "texts")

    def __init__(self, source: str) -> None:
        self.kinds, self.texts, self.starts = _tokens(source)
        self.at = 0
        self.calls = 0

    def _kind(self) -> str:
        return self.kinds[self.at]

    def _expect(self, kind: str) -> None:
        if self.kinds[self.at] != kind:
            raise _Decline
        self.at += 1

    def _enter(self) -> None:
        self.calls += 1
        if self.calls > _MAX_CALLS:
            raise _Decline

    def start(self) -> Node:
        tree = self.sum()
        if self._kind() == "=":
            self.at += 1
            tree = Node("=", (tree, self.sum()))
        if self._kind() != _END:
            raise _Decline
        return tree

    def sum(self) -> Node:
        self._enter()
        left = self.product()
        while (kind := self._kind()) in ("+", "-"):
            self.at += 1
            left = Node(kind, (left, self.product()))
        return left

    def product(self) -> Node:
        left = self.signed()
        while True:
            kind = self._kind()
            if kind in ("*", "/"):
                self.at += 1
                left = Node(kind, (left, self.signed()))
            elif kind in _NO_DIGIT_START:
                left = Node("*", (left, self.power(digit=False)))
            else:
                return left

    def signed(self) -> Node:
        kind = self._kind()
        if kind == "-":
            self._enter()
            self.at += 1
            return Node("neg", (self.signed(),))
        if kind == "+":
            self._enter()
            self.at += 1
            return self.signed()
        return self.power(digit=True)

    def power(self, digit: bool) -> Node:
        base = self.postfix(self.atom() if digit else self.atom_no_digit())
        if self._kind() == "^":
            self.at += 1
            return Node("^", (base, self.exponent()))
        return base

    def exponent(self) -> Node:
        kind = self._kind()
        if kind == "-":
            self._enter()
            self.at += 1
            return Node("neg", (self.exponent(),))
        if kind == "+":
            self._enter()
            self.at += 1
            return self.exponent()
        return self.power(digit=True)

    def postfix(self, node: Node) -> Node:
        while (kind := self._kind()) in ("%", "!"):
            self.at += 1
            node = Node("%" if kind == "%" else "factorial", (node,))
        return node

    def atom(self) -> Node:
        kind = self._kind()
        if kind == "NUMBER":
            text, start = self.texts[self.at], self.starts[self.at]
            self.at += 1
            check_digits(text, start)
            # a whole number read as an int first: the same Fraction, made faster
            value = Fraction(int(text)) if text.isascii() and text.isdigit() else Fraction(text)
            return Node("num", (), value, start)
        if kind == "CHOOSE":
            text, start = self.texts[self.at], self.starts[self.at]
            self.at += 1
            found = _CHOOSE.fullmatch(text)
            if found is None:
                raise _Decline
            n, k = found.group(1), found.group(2)
            check_digits(n, start)
            check_digits(k, start)
            return Node("binomial", (Node.number(int(n)), Node.number(int(k))), None, start)
        return self.atom_no_digit()

    def atom_no_digit(self) -> Node:
        kind, text, start = self._kind(), self.texts[self.at], self.starts[self.at]
        if kind == "NAME":
            self.at += 1
            return Node("name", (), text, start)
        if kind == "π":
            self.at += 1
            return Node("const", (), "pi")
        self._enter()
        if kind == "(":
            self.at += 1
            inner = self.sum()
            self._expect(")")
            return Node("group", (inner,), None, inner.position) if inner.op == "name" else inner
        if kind == "FUNCTION":
            self.at += 1
            self._expect("(")
            argument = self.sum()
            self._expect(")")
            return Node(_ALIASES.get(text, text), (argument,), None, start)
        if kind == "BINOMIAL":
            self.at += 1
            self._expect("(")
            n = self.sum()
            self._expect(",")
            k = self.sum()
            self._expect(")")
            return Node("binomial", (n, k))
        if kind == "√":
            self.at += 1
            return Node("sqrt", (self.atom(),))
        raise _Decline


def quick_formula(source: str) -> Node | None:
    """The tree Lark's parser builds for ``source`` (not yet resolved), or ``None`` when
    this reader declines and Lark must read it (errors, limits, deep nesting)."""
    try:
        return _Reader(source).start()
    except (_Decline, AnswerError, ArithmeticError, ValueError, RecursionError):
        return None
