"""SymPy at arm's length: whitelisted conversion, and a time-limited equality check.

SymPy is imported only here and only when first needed (it costs ~0.3 s), never
on learner text directly: trees built by our grammar are converted node by node.
"""

from __future__ import annotations

import atexit
from fractions import Fraction
from functools import cache
from typing import Any

from mlmath.answers.limits import MAX_SYMBOLIC_NODES, SYMBOLIC_TIME_LIMIT
from mlmath.answers.sympy_process import SympyProcess
from mlmath.answers.tree import Node


def _sympy() -> Any:
    import sympy

    return sympy


def to_sympy(node: Node) -> Any:
    """The SymPy object for a formula tree (operations from the whitelist only)."""
    sp = _sympy()
    op = node.op
    if op == "num":
        assert isinstance(node.value, Fraction)
        return sp.Rational(node.value.numerator, node.value.denominator)
    if op == "var":
        return sp.Symbol(node.value, real=True)
    if op == "const":
        return sp.pi if node.value == "pi" else sp.E
    args = [to_sympy(a) for a in node.args]
    if op == "=":
        return sp.Eq(args[0], args[1], evaluate=False)
    if op == "+":
        return args[0] + args[1]
    if op == "-":
        return args[0] - args[1]
    if op == "*":
        return args[0] * args[1]
    if op == "/":
        return args[0] / args[1]
    if op == "^":
        return args[0] ** args[1]
    if op == "neg":
        return -args[0]
    if op == "%":
        return args[0] / 100
    if op == "factorial":
        return sp.factorial(args[0])
    if op == "binomial":
        return sp.binomial(args[0], args[1])
    functions = {
        "sqrt": sp.sqrt,
        "exp": sp.exp,
        "ln": sp.log,
        "log": sp.log,
        "log2": lambda x: sp.log(x, 2),
        "log10": lambda x: sp.log(x, 10),
        "sin": sp.sin,
        "cos": sp.cos,
        "tan": sp.tan,
        "asin": sp.asin,
        "acos": sp.acos,
        "atan": sp.atan,
        "sinh": sp.sinh,
        "cosh": sp.cosh,
        "tanh": sp.tanh,
        "abs": sp.Abs,
    }
    return functions[op](args[0])


def from_sympy(value: Any, variables: tuple[str, ...]) -> Node:
    """A formula tree from a SymPy expression whose symbols are among ``variables``.

    Raises TypeError for anything outside the whitelist.
    """
    sp = _sympy()
    if isinstance(value, int | Fraction):
        return Node.number(Fraction(value))
    value = sp.sympify(value) if not isinstance(value, sp.Basic) else value
    if isinstance(value, sp.Equality):
        return Node("=", (from_sympy(value.lhs, variables), from_sympy(value.rhs, variables)))
    if value.is_Rational:
        return Node.number(Fraction(int(value.p), int(value.q)))
    if value.is_Float:
        return Node.number(Fraction(str(value)))
    if value is sp.pi:
        return Node.constant("pi")
    if value is sp.E:
        return Node.constant("e")
    if value.is_Symbol:
        if value.name not in variables:
            raise TypeError(f"symbol {value.name!r} is not one of the variables {variables}")
        return Node.variable(value.name)
    if value.is_Add or value.is_Mul:
        op = "+" if value.is_Add else "*"
        terms = (
            [from_sympy(a, variables) for a in value.as_ordered_terms()]
            if op == "+"
            else [from_sympy(a, variables) for a in value.as_ordered_factors()]
        )
        result = terms[0]
        for term in terms[1:]:
            result = Node(op, (result, term))
        return result
    if value.is_Pow:
        base, exponent = value.args
        if exponent == sp.Rational(1, 2):
            return Node("sqrt", (from_sympy(base, variables),))
        return Node("^", (from_sympy(base, variables), from_sympy(exponent, variables)))
    names = {
        sp.exp: "exp",
        sp.log: "ln",
        sp.sin: "sin",
        sp.cos: "cos",
        sp.tan: "tan",
        sp.asin: "asin",
        sp.acos: "acos",
        sp.atan: "atan",
        sp.sinh: "sinh",
        sp.cosh: "cosh",
        sp.tanh: "tanh",
        sp.Abs: "abs",
    }
    function = names.get(value.func)
    if function is not None and len(value.args) == 1:
        return Node(function, (from_sympy(value.args[0], variables),))
    raise TypeError(f"cannot use {value.func.__name__} in an answer expression")


MAX_SYMBOLIC_EXPONENT = 64


def safe_for_sympy(node: Node) -> bool:
    """Whether SymPy can build this formula without computing a huge number.

    SymPy evaluates constant powers eagerly (``2^(9^9)`` would hold the interpreter
    for minutes), so every constant part must evaluate within our own limits and
    every constant exponent must be small.
    """
    from mlmath.answers.errors import AnswerError
    from mlmath.answers.evaluate import exact_value

    stack = [node]
    while stack:
        current = stack.pop()
        if current.op == "^":
            exponent = current.args[1]
            if not exponent.symbols():
                try:
                    value = exact_value(exponent)
                except AnswerError:
                    return False
                if abs(float(value)) > MAX_SYMBOLIC_EXPONENT or (
                    isinstance(value, Fraction) and value.denominator > 12
                ):
                    return False
            elif not current.args[0].symbols():
                try:
                    base = exact_value(current.args[0])
                except AnswerError:
                    return False
                if abs(float(base)) > 10**6:
                    return False
        if not current.symbols() and current.op != "num":
            try:
                exact_value(current)
            except AnswerError:
                return False
            continue
        stack.extend(current.args)
    return True


def simplifies_to_zero(first: Node, second: Node) -> bool | None:
    """Whether SymPy simplifies ``first - second`` to zero (None: it does not, or fails).
    Unbounded in time: runs in the checker's child process (:mod:`.sympy_process`)."""
    try:
        sp = _sympy()
        difference = to_sympy(first) - to_sympy(second)
        return True if sp.simplify(difference) == 0 else None
    except Exception:  # SymPy may fail in many ways; that is simply "cannot tell"
        return None


@cache
def _process() -> SympyProcess:
    """This process's SymPy child (started on its first check, stopped at exit)."""
    process = SympyProcess()
    atexit.register(process.close)
    return process


def symbolically_equal(first: Node, second: Node) -> bool | None:
    """Whether ``first - second`` simplifies to zero; ``None`` when SymPy cannot tell
    within :data:`SYMBOLIC_TIME_LIMIT` seconds, or the formulas are too large to try.

    The check runs in a child process that is killed when it overruns, so a slow
    one costs its time limit and nothing after it."""
    if first.size + second.size > 2 * MAX_SYMBOLIC_NODES:
        return None
    if not (safe_for_sympy(first) and safe_for_sympy(second)):
        return None
    try:
        return _process().equal(first, second, SYMBOLIC_TIME_LIMIT)
    except RuntimeError:  # the child could not start: cannot tell
        return None
