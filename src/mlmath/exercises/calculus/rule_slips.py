"""A derivative rule applied wrongly at one place, as a named mistake of a skill.

The engine lists each rule's buggy twins and rebuilds the derivative with one of them
(:mod:`mlmath.engine.calculus.rule_mistakes`); here each becomes a
:class:`~mlmath.exercises.misconception.Mistake` whose name says where it happened
("Product rule on x(3x + 6): you kept f′·g and dropped f·g′"), whose explanation is
the rule as it should read, and whose next hint points at that step. A skill turns
the wrong derivative into its own kind of answer with ``build`` (the expression
itself, its value at a point, one entry of a gradient).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from mlmath.answers import Expression
from mlmath.engine.calculus.differentiation import derivative_rule
from mlmath.engine.calculus.expression import Expr
from mlmath.engine.calculus.rule_mistakes import located_mistakes
from mlmath.engine.solution import NotSolvable
from mlmath.exercises.calculus.functions import as_answer, to_node
from mlmath.exercises.misconception import Misconception, Mistake


def rule_slips(
    f: Expr,
    variable: str,
    build: Callable[[Expr], Any],
    *,
    variables: tuple[str, ...] = ("x",),
    partial: bool = False,
    topic: str = "",
    within: str = "",
) -> Iterator[Mistake]:
    """Every rule of the derivative of ``f`` in ``variable`` applied wrongly at one place
    (or the same way at every place), as the skill's answer ``build`` makes of it.
    ``within`` names the part of the answer it is in ("in ∂f/∂x")."""
    try:
        root = derivative_rule(f, variable, partial=partial)
    except NotSolvable:
        return

    written: dict[Expr, str] = {}

    def shown(e: Expr) -> str:
        """``e`` as a person writes it, products with a dot: ``x·(3x + 6)``."""
        if e not in written:
            try:
                text = as_answer(e, tuple(sorted(e.variables() | set(variables)))).text()
            except (ValueError, TypeError):
                text = e.text()
            written[e] = text.replace("*", "·")
        return written[e]

    for located in located_mistakes(root, shown):
        try:
            answer = build(located.result)
        except (ArithmeticError, ValueError, TypeError):
            continue
        where = (
            f"{within[:1].upper()}{within[1:]}, {located.where[:1].lower()}{located.where[1:]}"
            if within
            else located.where
        )
        rule = located.where.split(":")[0]
        hint = (
            f"Look again at one step: the {rule[:1].lower()}{rule[1:]}. Write the rule out with "
            "its parts put in before simplifying."
        )
        misconception = Misconception(f"rule.{located.kind}", where, located.fix, topic, hint)
        yield Mistake(misconception, answer)


def as_expression_of(variables: tuple[str, ...]) -> Callable[[Expr], Any]:
    """``build`` for a skill whose answer is the derivative itself (compared, not shown, so
    not tidied)."""
    return lambda result: Expression(to_node(result), variables)
