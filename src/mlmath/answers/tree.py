"""The formula tree our grammar builds: numbers, names, and a whitelist of operations.

A :class:`Node` knows its size and depth from the moment it is built, so the
limits on formula size are enforced while reading, bottom-up, without recursion.

>>> two = Node.number(2)
>>> x = Node.variable("x")
>>> tree = Node.apply("*", two, Node.apply("^", x, two))
>>> tree.size, tree.depth, tree.symbols()
(5, 3, frozenset({'x'}))
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.answers.errors import TooLarge
from mlmath.answers.limits import MAX_DEPTH, MAX_NODES

BINARY = ("+", "-", "*", "/", "^", "binomial")
"""Binary operations (``-`` is subtraction; negation is ``neg``; ``binomial`` is the
binomial coefficient C(n, k))."""

FUNCTIONS = (
    "sqrt",
    "exp",
    "ln",
    "log",
    "log2",
    "log10",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "arcsin",
    "arccos",
    "arctan",
    "sinh",
    "cosh",
    "tanh",
    "abs",
)
"""Functions a learner may call; ``log`` is the natural logarithm, as in machine learning."""

CONSTANTS = ("pi", "e")

UNARY = ("neg", "%", "factorial", *FUNCTIONS)


class Node:
    """One node of a formula: ``op`` names it, ``args`` are its operands.

    ``op`` is ``"num"`` (``value`` a Fraction), ``"var"`` (a variable or
    parameter, ``value`` its name), ``"const"`` (``"pi"`` or ``"e"``), ``"name"``
    (a name not yet resolved, with its ``position``), ``"="`` (an equation, at the
    top only) or an operation of :data:`BINARY` / :data:`UNARY`.
    """

    __slots__ = ("args", "depth", "op", "position", "size", "value")

    op: str
    args: tuple[Node, ...]
    value: Fraction | str | None
    size: int
    depth: int
    position: int | None

    def __init__(
        self,
        op: str,
        args: tuple[Node, ...] = (),
        value: Fraction | str | None = None,
        position: int | None = None,
    ) -> None:
        self.op = op
        self.args = args
        self.value = value
        self.position = position
        # one or two operands almost always: add them up without a generator (a tree
        # of a few hundred nodes is built for every answer checked)
        if not args:
            self.size = self.depth = 1
        elif len(args) == 2:
            first, second = args
            self.size = 1 + first.size + second.size
            self.depth = 1 + (first.depth if first.depth > second.depth else second.depth)
        else:
            self.size = 1 + sum(a.size for a in args)
            self.depth = 1 + max(a.depth for a in args)
        if self.size > MAX_NODES:
            raise TooLarge(
                f"This formula is too large to check; keep it under {MAX_NODES} "
                "numbers and operations.",
                position,
            )
        if self.depth > MAX_DEPTH:
            raise TooLarge(
                "This formula is too deeply nested to check; "
                "use fewer operations inside each other.",
                position,
            )

    @classmethod
    def number(cls, value: Fraction | int) -> Node:
        # a Fraction is immutable: kept as it is (making a copy costs more than the node)
        return cls("num", (), value if type(value) is Fraction else Fraction(value))

    @classmethod
    def variable(cls, name: str) -> Node:
        return cls("var", (), name)

    @classmethod
    def constant(cls, name: str) -> Node:
        return cls("const", (), name)

    @classmethod
    def apply(cls, op: str, *args: Node) -> Node:
        return cls(op, tuple(args))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return self.op == other.op and self.value == other.value and self.args == other.args

    def __hash__(self) -> int:
        return hash((self.op, self.value, self.args))

    def __repr__(self) -> str:
        if not self.args:
            return f"Node({self.op!r}, value={self.value!r})"
        return f"Node({self.op!r}, {', '.join(map(repr, self.args))})"

    def symbols(self) -> frozenset[str]:
        """Names of the variables and parameters in this formula."""
        found: set[str] = set()
        stack = [self]
        while stack:
            node = stack.pop()
            if node.op == "var":
                assert isinstance(node.value, str)
                found.add(node.value)
            stack.extend(node.args)
        return frozenset(found)

    def contains(self, ops: frozenset[str] | set[str]) -> bool:
        """Whether any node of this formula has one of the operations ``ops``."""
        stack = [self]
        while stack:
            node = stack.pop()
            if node.op in ops:
                return True
            stack.extend(node.args)
        return False
