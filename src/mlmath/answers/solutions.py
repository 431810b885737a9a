"""Solution sets of linear systems, as learners describe them.

``no solution`` (or ``none``, ``∅``, ``inconsistent``); ``infinitely many``; a
point ``(1, 2)`` or ``x = 1, y = 2`` in any order; a parametric description
``x = 1 - t, y = t`` or ``(1 - 2t, t, 3)``; or unknowns in terms of free ones,
``x = 1 - 2y``. Every description is turned into the affine form
``particular + t₁·d₁ + …`` of a :class:`SolutionSet`, whatever the parametrisation.

>>> read_solution_set("x = 1 - 2y", ("x", "y")).text()
'x = 1 - 2t, y = t'
>>> read_solution_set("(3, -1)", ("x", "y")).kind
'unique'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from mlmath.answers.errors import AnswerError
from mlmath.answers.evaluate import exact_value
from mlmath.answers.grid import _wrapped, split_top_level, unwrap
from mlmath.answers.normalize import Normalized, normalize
from mlmath.answers.reader import Names, read_formula
from mlmath.answers.tree import Node
from mlmath.engine.exact import Vector
from mlmath.engine.linalg.solution_set import SolutionSet

_NONE = re.compile(
    r"^(there (is|are) )?(no( real)? solutions?( exists?)?|none|∅|\{\s*\}|inconsistent"
    r"|(the )?empty( set)?|no solution exists)\.?$"
)
_INFINITE = re.compile(
    r"^(there (is|are) )?(infinitely many( solutions)?|infinite(ly many)?( solutions)?"
    r"|∞( solutions)?|many solutions|an infinite number of solutions)\.?$"
)
_QUALIFIER = re.compile(
    r"[,;]?\s*\(?\s*(where|for|with)?\s*([a-z]\w*(\s*,\s*[a-z]\w*)*)\s*"
    r"(∈\s*r|in\s*r|(is|are)?\s*(free|arbitrary|any real( number)?s?|real( numbers?)?))\s*\)?\.?$"
)


@dataclass(frozen=True, slots=True)
class InfinitelyMany:
    """The answer "infinitely many solutions", without saying which ones."""

    variables: tuple[str, ...]

    def text(self) -> str:
        return "infinitely many"


Affine = dict[str, Fraction]
"""A linear combination of names plus a constant (under the key ``""``)."""


def read_solution_set(text: str, variables: tuple[str, ...]) -> SolutionSet | InfinitelyMany:
    normalized = normalize(text).strip()
    phrase = " ".join(normalized.text.lower().split())
    if _NONE.match(phrase):
        return SolutionSet.empty(variables)
    if _INFINITE.match(phrase):
        return InfinitelyMany(variables)
    qualifier = _QUALIFIER.search(normalized.text.lower())
    if (qualifier and qualifier.start() > 0 and "=" in normalized.text[: qualifier.start()]) or (
        qualifier and qualifier.start() > 0 and _wrapped(normalized.slice(0, qualifier.start()))
    ):
        assert qualifier is not None
        normalized = normalized.slice(0, qualifier.start()).strip()
    if not normalized.text:
        raise AnswerError("The answer is empty; describe the solutions, e.g. x = 1, y = 2.")
    names = Names(variables, parameters=True, context="a solution")
    equations = _equations(normalized, variables, names)
    return _solve(equations, variables)


def _equations(
    whole: Normalized, variables: tuple[str, ...], names: Names
) -> list[tuple[str, Affine]]:
    """Each description as ``(unknown, affine expression)`` pairs."""
    if whole.text.startswith("{") and whole.text.endswith("}"):
        whole = whole.slice(1, len(whole.text) - 1).strip()
    if "=" not in whole.text:
        inner = unwrap(whole)
        values = split_top_level(inner, ",;")
        if len(values) != len(variables):
            raise AnswerError(
                f"Give {len(variables)} values, one for each of {', '.join(variables)}, "
                f"as in ({', '.join(['…'] * len(variables))}); {len(values)} were typed."
            )
        return [
            (name, _affine(read_formula(value, names), value))
            for name, value in zip(variables, values, strict=True)
        ]
    pieces = [p for p in split_top_level(whole, ",;\n") if p.text]
    pieces = [part.strip() for piece in pieces for part in _split_and(piece) if part.text.strip()]
    equations = []
    for piece in pieces:
        if piece.text.count("=") != 1:
            raise AnswerError(
                f"Write each unknown as 'x = …', separated by commas; '{piece.text[:30]}' "
                "is not of that form.",
                piece.position(0),
            )
        left_text, _, _ = piece.text.partition("=")
        left = piece.slice(0, len(left_text)).strip()
        right = piece.slice(len(left_text) + 1, len(piece.text)).strip()
        if left.text not in variables:
            listed = ", ".join(variables)
            raise AnswerError(
                f"Put one unknown ({listed}) on the left of each '=', as in "
                f"{variables[0]} = 1 - 2t.",
                left.position(0),
            )
        if not right.text:
            raise AnswerError(f"Give a value after '{left.text} ='.", right.position(0))
        equations.append((left.text, _affine(read_formula(right, names), right)))
    return equations


def _split_and(piece: Normalized) -> list[Normalized]:
    text = piece.text
    parts: list[Normalized] = []
    start = 0
    for match in re.finditer(r"\band\b", text):
        parts.append(piece.slice(start, match.start()))
        start = match.end()
    parts.append(piece.slice(start, len(text)))
    return parts


def _affine(node: Node, where: Normalized) -> Affine:
    try:
        return affine_combination(node)
    except NotLinear:
        raise AnswerError(
            "The solutions of a linear system depend linearly on the parameters; "
            "write each unknown like 1 - 2t with exact numbers.",
            where.position(0),
        ) from None


class NotLinear(Exception):
    pass


def affine_combination(node: Node) -> Affine:
    if not node.symbols():
        value = exact_value(node)
        if not isinstance(value, Fraction):
            raise NotLinear
        return {"": value} if value else {}
    op = node.op
    if op == "var":
        assert isinstance(node.value, str)
        return {node.value: Fraction(1)}
    if op == "neg":
        return {k: -v for k, v in affine_combination(node.args[0]).items()}
    if op in ("+", "-"):
        left = affine_combination(node.args[0])
        right = affine_combination(node.args[1])
        sign = 1 if op == "+" else -1
        for key, value in right.items():
            left[key] = left.get(key, Fraction(0)) + sign * value
        return {k: v for k, v in left.items() if v}
    if op in ("*", "/"):
        left = affine_combination(node.args[0])
        right = affine_combination(node.args[1])
        if op == "/":
            if set(right) - {""} or not right:
                raise NotLinear
            return {k: v / right[""] for k, v in left.items()}
        if set(left) <= {""}:
            factor = left.get("", Fraction(0))
            return {k: factor * v for k, v in right.items() if factor * v}
        if set(right) <= {""}:
            factor = right.get("", Fraction(0))
            return {k: factor * v for k, v in left.items() if factor * v}
    raise NotLinear


def _solve(equations: list[tuple[str, Affine]], variables: tuple[str, ...]) -> SolutionSet:
    """The set of values of ``variables`` allowed by the equations, in affine form.

    Unknowns and parameters together form one linear system; its solution set,
    projected onto the unknowns, is the answer.
    """
    if sorted(unknown for unknown, _ in equations) == sorted(variables) and all(
        set(combo) <= {""} for _, combo in equations
    ):
        # one number for each unknown (the usual answer, x = 1, y = 2): that point alone,
        # as the elimination below would find it, without the elimination
        given = {unknown: combo.get("", Fraction(0)) for unknown, combo in equations}
        return SolutionSet(variables, Vector(tuple(given[name] for name in variables)), ())
    parameters = sorted(
        {name for _, combo in equations for name in combo if name and name not in variables}
    )
    columns = [*variables, *parameters]
    rows: list[list[Fraction]] = []
    for unknown, combo in equations:
        row = [Fraction(0)] * (len(columns) + 1)
        row[columns.index(unknown)] += 1
        for name, coefficient in combo.items():
            if name:
                row[columns.index(name)] -= coefficient
        row[-1] = combo.get("", Fraction(0))
        rows.append(row)
    reduced, pivots = _rref(rows, len(columns))
    if any(all(v == 0 for v in row[:-1]) and row[-1] != 0 for row in reduced):
        raise AnswerError(
            "These equations contradict each other (an unknown gets two different values); "
            "give each unknown one value."
        )
    free = [j for j in range(len(columns)) if j not in pivots]
    particular = [Fraction(0)] * len(columns)
    for row, pivot in zip(reduced, pivots, strict=False):
        particular[pivot] = row[-1]
    directions = []
    for j in free:
        direction = [Fraction(0)] * len(columns)
        direction[j] = Fraction(1)
        for row, pivot in zip(reduced, pivots, strict=False):
            direction[pivot] = -row[j]
        directions.append(direction[: len(variables)])
    return canonical(variables, particular[: len(variables)], directions)


def canonical(
    variables: tuple[str, ...], particular: list[Fraction], directions: list[list[Fraction]]
) -> SolutionSet:
    """The solution set in the form an RREF gives: the last unknowns that can vary are
    free, each direction sets one of them to 1 and the others to 0, and the particular
    solution has them at 0. Equal sets get equal forms."""
    basis = []
    if directions:
        reversed_rows = [list(reversed(d)) for d in directions]
        reduced, pivots = _rref(reversed_rows, len(variables))
        basis = [list(reversed(reduced[i])) for i in range(len(pivots))]
    point = list(particular)
    for direction in basis:
        free = max(j for j, v in enumerate(direction) if v != 0)
        shift = point[free]
        if shift:
            point = [p - shift * d for p, d in zip(point, direction, strict=True)]
    basis.sort(key=lambda d: max(j for j, v in enumerate(d) if v != 0))
    return SolutionSet(variables, Vector(tuple(point)), tuple(Vector(tuple(d)) for d in basis))


def _rref(rows: list[list[Fraction]], width: int) -> tuple[list[list[Fraction]], list[int]]:
    rows = [list(r) for r in rows]
    pivots: list[int] = []
    rank = 0
    for column in range(width):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [v / lead for v in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][column] != 0:
                factor = rows[i][column]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    return rows, pivots
