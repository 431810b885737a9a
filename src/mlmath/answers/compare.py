"""Is the learner's answer the expected one? :func:`compare` answers EQUAL, DIFFERENT,
UNDECIDED (we cannot tell; never reported as wrong) or INCOMPLETE (right so far, but
the question asks for more, e.g. "infinitely many" where the solutions must be described).

>>> from fractions import Fraction
>>> from mlmath.answers.format import AnswerFormat, Kind
>>> from mlmath.answers.parse import parse
>>> fmt = AnswerFormat(Kind.NUMBER)
>>> compare(Fraction(1, 2), parse("2/4", fmt), fmt)
<Verdict.EQUAL: 'equal'>
>>> fmt = AnswerFormat(Kind.EXPRESSION, variables=("x",))
>>> compare(parse("2(x+1)", fmt), parse("2x + 2", fmt), fmt)
<Verdict.EQUAL: 'equal'>
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from fractions import Fraction
from typing import Any

from mlmath.answers.errors import AnswerError
from mlmath.answers.expression import Expression, expression
from mlmath.answers.format import AnswerFormat, Kind
from mlmath.answers.numeric import as_number, matrices_equal, numbers_equal, vectors_equal
from mlmath.answers.probe import Outcome, compare_formulas
from mlmath.answers.solutions import InfinitelyMany
from mlmath.answers.tree import Node
from mlmath.engine.linalg.solution_set import SolutionSet


class Verdict(Enum):
    EQUAL = "equal"
    DIFFERENT = "different"
    UNDECIDED = "undecided"
    INCOMPLETE = "incomplete"


def _verdict(equal: bool) -> Verdict:
    return Verdict.EQUAL if equal else Verdict.DIFFERENT


def compare(expected: Any, given: Any, fmt: AnswerFormat) -> Verdict:
    """Compare two answers of the kind ``fmt.kind`` (either may come from :func:`parse`)."""
    kind = fmt.kind
    if kind is Kind.NUMBER:
        return _verdict(numbers_equal(expected, given, fmt))
    if kind is Kind.VECTOR:
        return _verdict(vectors_equal(expected, given, fmt))
    if kind is Kind.MATRIX:
        return _verdict(matrices_equal(expected, given, fmt))
    if kind is Kind.CHOICE:
        return _verdict(isinstance(given, str) and given == expected)
    if kind is Kind.CHOICES:
        return _verdict(_as_set(expected) == _as_set(given))
    if kind is Kind.SOLUTION_SET:
        return _solution_sets(expected, given, fmt)
    return _expressions(expected, given, fmt)


def _as_set(value: Any) -> frozenset[str] | None:
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, Iterable) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    return None


# --- solution sets ---------------------------------------------------------------------


def _solution_sets(expected: Any, given: Any, fmt: AnswerFormat) -> Verdict:
    if isinstance(given, InfinitelyMany):
        if isinstance(expected, InfinitelyMany):
            return Verdict.EQUAL
        if isinstance(expected, SolutionSet) and expected.kind == "infinite":
            return Verdict.INCOMPLETE if fmt.require_parametric else Verdict.EQUAL
        return Verdict.DIFFERENT
    if not isinstance(given, SolutionSet):
        return Verdict.DIFFERENT
    if isinstance(expected, InfinitelyMany):
        return _verdict(given.kind == "infinite")
    if not isinstance(expected, SolutionSet):
        return Verdict.DIFFERENT
    return _verdict(same_solutions(expected, given))


def same_solutions(first: SolutionSet, second: SolutionSet) -> bool:
    """Whether two solution sets hold the same points, however parametrised."""
    if first.kind != second.kind or len(first.variables) != len(second.variables):
        return False
    if first.particular is None or second.particular is None:
        return first.particular is None and second.particular is None
    if first.dimension != second.dimension:
        return False
    if not first.contains(second.particular):
        return False
    return all(first.contains(first.particular + direction) for direction in second.directions)


# --- expressions -----------------------------------------------------------------------


def as_expression(value: Any, variables: tuple[str, ...]) -> Expression | None:
    """An expected answer as an Expression: already one, text, a number, or SymPy."""
    if isinstance(value, Expression):
        return value
    if isinstance(value, str):
        return expression(value, variables)
    number = as_number(value)
    if isinstance(number, Fraction):
        return Expression(Node.number(number), variables)
    if number is not None:
        return Expression(Node.number(Fraction(repr(number))), variables)
    if type(value).__module__.startswith("sympy"):
        try:
            return Expression.from_sympy(value, variables)
        except (TypeError, AnswerError):
            return None
    return None


def _expressions(expected: Any, given: Any, fmt: AnswerFormat) -> Verdict:
    try:
        first = as_expression(expected, fmt.variables)
        second = as_expression(given, fmt.variables)
    except AnswerError:
        return Verdict.UNDECIDED
    if first is None or second is None:
        return Verdict.UNDECIDED if first is None else Verdict.DIFFERENT
    variables = tuple(dict.fromkeys((*fmt.variables, *first.variables, *second.variables)))
    try:
        if first.is_equation or second.is_equation:
            if not (first.is_equation and second.is_equation):
                return Verdict.DIFFERENT
            return _equations(first.root, second.root, variables)
        return _outcome(compare_formulas(first.root, second.root, variables))
    except (AnswerError, ArithmeticError, RecursionError):
        return Verdict.UNDECIDED


def _outcome(outcome: Outcome) -> Verdict:
    return {
        Outcome.SAME: Verdict.EQUAL,
        Outcome.DIFFERENT: Verdict.DIFFERENT,
        Outcome.UNKNOWN: Verdict.UNDECIDED,
    }[outcome]


def _solved_for(equation: Node) -> tuple[str, Node] | None:
    """``(y, f)`` when the equation reads ``y = f`` (or ``f = y``) with no ``y`` in ``f``."""
    left, right = equation.args
    for side, other in ((left, right), (right, left)):
        if side.op == "var" and isinstance(side.value, str) and side.value not in other.symbols():
            return side.value, other
    return None


def _equations(first: Node, second: Node, variables: tuple[str, ...]) -> Verdict:
    """Equal when one equation is a non-zero multiple of the other (``y = 2x + 1`` and
    ``2x - y + 1 = 0``); equal or different when both are solved for the same unknown."""
    solved_first, solved_second = _solved_for(first), _solved_for(second)
    if solved_first and solved_second and solved_first[0] == solved_second[0]:
        return _outcome(compare_formulas(solved_first[1], solved_second[1], variables))
    if first == second:
        return Verdict.EQUAL
    f = Node("-", first.args)
    g = Node("-", second.args)
    names = sorted(set(variables) | f.symbols() | g.symbols())
    ratio = _constant_ratio(f, g, names)
    if ratio is None:
        return Verdict.UNDECIDED
    if ratio:
        return Verdict.EQUAL
    if _is_linear(f) and _is_linear(g):
        return Verdict.DIFFERENT
    return Verdict.UNDECIDED


def _constant_ratio(f: Node, g: Node, names: list[str]) -> bool | None:
    """Whether ``f = c·g`` for one non-zero constant ``c`` at every probe point
    (``None`` when too few points are defined to tell)."""
    from mlmath.answers.evaluate import Undefined, float_value
    from mlmath.answers.probe import _float_points

    pairs = []
    for point in _float_points(names):
        try:
            pairs.append((float_value(f, point), float_value(g, point)))
        except Undefined:
            continue
    if len(pairs) < 4:
        return None
    scale = max(max(abs(a), abs(b)) for a, b in pairs) or 1.0
    if all(abs(b) <= 1e-12 * scale for _, b in pairs):
        return all(abs(a) <= 1e-12 * scale for a, _ in pairs)
    reference = next(a / b for a, b in pairs if abs(b) > 1e-12 * scale)
    if reference == 0:
        return False
    return all(abs(a - reference * b) <= 1e-9 * max(1.0, abs(a), abs(b)) for a, b in pairs)


def _is_linear(node: Node) -> bool:
    from mlmath.answers.solutions import NotLinear, affine_combination

    try:
        affine_combination(node)
    except (NotLinear, AnswerError):
        return False
    return True
