"""A formula tree rewritten the way a person writes it, with the same value.

A worked answer built by rules comes out as ``-1*exp(-1*x)`` or ``2*(x*y) + 6x``;
a person writes −e^(−x) and 2xy + 6x. :func:`tidy` gathers each product's numbers
into one coefficient in front, cancels numbers between a numerator and a
denominator, gathers equal bases into one power (x·x is x²), orders factors
(numbers, then variables, then the rest), writes subtraction instead of adding a
negative, drops ×1, +0 and ^1, and writes ``exp(u)`` as ``e^u``. Nothing else is
simplified: no expanding, no factoring, no cancelling of variables, so the result
is the answer the steps arrived at.

>>> from mlmath.answers.expression import Expression, expression
>>> Expression(tidy(expression("-1*exp(-1*x)", ("x",)).root), ("x",)).text()
'-e^(-x)'
>>> Expression(tidy(expression("2*(x*y) + 6x", ("x", "y")).root), ("x", "y")).text()
'2xy + 6x'
>>> Expression(tidy(expression("2*(1/(2x))", ("x",)).root), ("x",)).text()
'1/x'
"""

from __future__ import annotations

from fractions import Fraction

from mlmath.answers.tree import Node

_ONE = Fraction(1)


def tidy(node: Node) -> Node:
    """``node`` in conventional form (same value at every point)."""
    op = node.op
    if not node.args:
        return node
    if op in ("+", "-"):
        return _sum(node)
    if op in ("*", "/", "neg"):
        return _product(node)
    args = tuple(tidy(a) for a in node.args)
    if op == "exp":
        return _power(Node.constant("e"), args[0])
    if op == "^":
        return _power(*args)
    if op == "=":
        return Node.apply("=", *args)
    return Node(op, args, node.value)


def _power(base: Node, exponent: Node) -> Node:
    if exponent.op == "num" and exponent.value == 1:
        return base
    if exponent.op == "num" and exponent.value == 0:
        return Node.number(1)
    return Node.apply("^", base, exponent)


# --- sums ---------------------------------------------------------------------------


def _terms(node: Node, sign: int, out: list[tuple[int, Node]]) -> None:
    if node.op == "+":
        _terms(node.args[0], sign, out)
        _terms(node.args[1], sign, out)
    elif node.op == "-":
        _terms(node.args[0], sign, out)
        _terms(node.args[1], -sign, out)
    else:
        out.append((sign, node))


def _sum(node: Node) -> Node:
    found: list[tuple[int, Node]] = []
    _terms(node, 1, found)
    terms: list[tuple[bool, Node]] = []  # (subtracted, magnitude)
    for sign, raw in found:
        term = tidy(raw)
        negative = _is_negative(term)
        if negative:
            term = _negated(term)
        if term.op == "num" and term.value == 0:
            continue
        terms.append(((sign < 0) != negative, term))
    if not terms:
        return Node.number(0)
    subtracted, first = terms[0]
    result = _negated(first) if subtracted else first
    for subtracted, term in terms[1:]:
        result = Node.apply("-" if subtracted else "+", result, term)
    return result


def _is_negative(node: Node) -> bool:
    if node.op == "neg":
        return True
    return node.op == "num" and isinstance(node.value, Fraction) and node.value < 0


def _negated(node: Node) -> Node:
    """``-node``, written with the sign in front (no ``-1*``)."""
    if node.op == "neg":
        return node.args[0]
    if node.op == "num":
        assert isinstance(node.value, Fraction)
        return Node.number(-node.value)
    return Node.apply("neg", node)


# --- products -----------------------------------------------------------------------


def _product(node: Node) -> Node:
    top: list[Node] = []
    bottom: list[Node] = []
    scale = _Coefficient()
    # the operands are tidied, then spread as this node's own would be (without building
    # the node of tidied operands in between)
    op, args = node.op, node.args
    if op == "neg":
        scale.value = -scale.value
        _spread(tidy(args[0]), top, bottom, scale, up=True)
    elif op == "*":
        _spread(tidy(args[0]), top, bottom, scale, up=True)
        _spread(tidy(args[1]), top, bottom, scale, up=True)
    else:
        _spread(tidy(args[0]), top, bottom, scale, up=True)
        _spread(tidy(args[1]), bottom, top, scale, up=False)
    coefficient = scale.value
    if coefficient == 0:
        return Node.number(0)
    negative = coefficient < 0
    coefficient = abs(coefficient)
    numerator = _joined(Fraction(coefficient.numerator) if bottom else coefficient, _ordered(top))
    if bottom:
        denominator = _joined(Fraction(coefficient.denominator), _ordered(bottom))
        result = (
            numerator
            if denominator.op == "num" and denominator.value == 1
            else Node.apply("/", numerator, denominator)
        )
    else:
        result = numerator
    return _negated(result) if negative else result


class _Coefficient:
    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = _ONE


def _spread(node: Node, top: list[Node], bottom: list[Node], scale: _Coefficient, up: bool) -> None:
    """Spread a product or quotient over the factors above and below the line, with its
    numbers multiplied into one coefficient (``up`` is False inside a denominator)."""
    if node.op == "*":
        _spread(node.args[0], top, bottom, scale, up)
        _spread(node.args[1], top, bottom, scale, up)
    elif node.op == "/":
        _spread(node.args[0], top, bottom, scale, up)
        _spread(node.args[1], bottom, top, scale, not up)
    elif node.op == "neg":
        scale.value = -scale.value
        _spread(node.args[0], top, bottom, scale, up)
    elif node.op == "num":
        assert isinstance(node.value, Fraction)
        if node.value == 0 and not up:
            top.append(node)  # a division by zero stays visible
        elif up:
            scale.value *= node.value
        else:
            scale.value /= node.value
    else:
        top.append(node)


def _rank(node: Node) -> tuple[int, str]:
    """Variables and their powers first, alphabetically (x²y), then e, then the rest."""
    base = node.args[0] if node.op == "^" else node
    if base.op == "var":
        return 0, str(base.value)
    if base.op == "const":
        return 1, ""
    return 2, ""


def _ordered(factors: list[Node]) -> list[Node]:
    """Equal bases gathered into one power (x·x² is x³), then sorted by :func:`_rank`."""
    # a base is a variable or a constant: known by its op and name (a Node's own hash
    # walks its whole tree)
    bases: dict[tuple[str, object], Node] = {}
    exponents: dict[tuple[str, object], Fraction] = {}
    others: list[Node] = []
    for factor in factors:
        base, exponent = factor, _ONE
        if factor.op == "^" and factor.args[1].op == "num":
            assert isinstance(factor.args[1].value, Fraction)
            base, exponent = factor.args[0], factor.args[1].value
        if base.op in ("var", "const"):
            key = (base.op, base.value)
            if key in exponents:
                exponents[key] += exponent
            else:
                bases[key] = base
                exponents[key] = exponent
        else:
            others.append(factor)
    gathered = [_power(bases[key], Node.number(n)) for key, n in exponents.items() if n != 0]
    if len(gathered) + len(others) < 2:
        return gathered + others
    return sorted(gathered + others, key=_rank)


def _joined(coefficient: Fraction, factors: list[Node]) -> Node:
    nodes = list(factors)
    if coefficient != 1 or not nodes:
        if coefficient.denominator != 1 and nodes:
            # 3/4 x is written 3x/4
            top = _joined(Fraction(coefficient.numerator), nodes)
            return Node.apply("/", top, Node.number(coefficient.denominator))
        nodes.insert(0, Node.number(coefficient))
    result = nodes[0]
    for factor in nodes[1:]:
        result = Node.apply("*", result, factor)
    return result
